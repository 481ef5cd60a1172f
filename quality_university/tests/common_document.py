import base64

from odoo import Command
from odoo.tests import new_test_user

from .common import QualityCommon


class DocumentCommon(QualityCommon):
    """A procedure of the Pedagogical Faculty drafted by its quality officer, agreed by
    a vice-rector and a dean, approved by the rector and distributed to the faculty."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users["dean"] = new_test_user(
            cls.env, login="qu_dean", groups="base.group_user", name="Dean Reviewer"
        )
        cls.employees["dean"] = cls.env["hr.employee"].create(
            {"name": "Dean Reviewer", "user_id": cls.users["dean"].id, "job_title": "Dean"}
        )
        cls.outsider = new_test_user(
            cls.env, login="qu_outsider", groups="base.group_user", name="Engineering Teacher"
        )
        cls.env["hr.employee"].create(
            {
                "name": "Engineering Teacher",
                "user_id": cls.outsider.id,
                "department_id": cls.faculty_eng.id,
            }
        )
        cls.env.company.quality_rector_id = cls.employees["top"]
        cls.procedure_type = cls.env.ref("quality_university.document_type_procedure")
        cls.document = (
            cls.env["quality.document"]
            .with_user(cls.users["officer"])
            .create(
                {
                    "code": "СЖҚ 99.ҚР 08",
                    "name": "Internal audit",
                    "type_id": cls.procedure_type.id,
                    "department_id": cls.faculty_ped.id,
                    "process_ids": [Command.link(cls.process_ped.id)],
                    "distribution_department_ids": [Command.link(cls.faculty_ped.id)],
                }
            )
        )

    @classmethod
    def draft_revision(
        cls, document=None, edition=1, reviewers=("manager", "dean"), author="officer"
    ):
        document = document or cls.document
        return (
            cls.env["quality.document.revision"]
            .with_user(cls.users[author] if author else cls.env.user)
            .create(
                {
                    "document_id": document.id,
                    "edition": edition,
                    "change_summary": f"Edition {edition}",
                    "pages_changed": "3-5",
                    "attachment_ids": [
                        Command.create(
                            {
                                "name": f"procedure-{edition}.pdf",
                                "datas": base64.b64encode(b"%PDF-1.4 procedure"),
                            }
                        )
                    ],
                    "review_line_ids": [
                        Command.create({"user_id": cls.users[role].id}) for role in reviewers
                    ],
                }
            )
        )

    def make_effective(self, revision):
        """Run the whole workflow, each step as its role."""
        revision.with_user(revision.create_uid).action_submit()
        for line in revision.review_line_ids:
            line.with_user(line.user_id).action_agree()
        revision.with_user(self.users["top"]).action_approve()
        return revision
