from odoo import Command

from .common import QualityCommon


class QualityAuditCommon(QualityCommon):
    """Adds two qualified auditors from the Engineering Faculty, an unqualified one
    and a criterion, on top of QualityCommon's faculties and roles."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        # the test auditor user works at the Engineering Faculty and is qualified
        cls.employees["auditor"].write(
            {
                "department_id": cls.faculty_eng.id,
                "quality_auditor_qualified": True,
                "quality_auditor_qualification_date": "2025-06-01",
            }
        )
        cls.auditor_eng2 = Employee.create(
            {
                "name": "Second Engineering Auditor",
                "department_id": cls.faculty_eng.id,
                "quality_auditor_qualified": True,
            }
        )
        cls.auditor_ped = Employee.create(
            {
                "name": "Pedagogy Auditor",
                "department_id": cls.kafedra_ped.id,
                "quality_auditor_qualified": True,
            }
        )
        cls.unqualified = Employee.create(
            {"name": "Untrained Lecturer", "department_id": cls.faculty_eng.id}
        )
        cls.criterion = cls.env["quality.audit.criterion"].create(
            {"code": "T 7.6", "name": "Test assessment of learning", "kind": "manual"}
        )
        cls.officer_eng_user = cls.env["res.users"].create(
            {
                "name": "Engineering Officer",
                "login": "qu_officer_eng",
                "groups_id": [
                    Command.set(
                        [
                            cls.env.ref("base.group_user").id,
                            cls.env.ref("quality_university.group_quality_officer").id,
                        ]
                    )
                ],
            }
        )
        cls.officer_eng = Employee.create(
            {
                "name": "Engineering Officer",
                "user_id": cls.officer_eng_user.id,
                "department_id": cls.faculty_eng.id,
            }
        )
        cls.faculty_eng.quality_officer_ids = [Command.link(cls.officer_eng.id)]

    @classmethod
    def _create_audit(cls, **values):
        vals = {
            "name": "Test audit of the Pedagogical Faculty",
            "kind": "planned",
            "department_ids": [Command.set(cls.faculty_ped.ids)],
            "process_ids": [Command.set(cls.process_ped.ids)],
            "criterion_ids": [Command.set(cls.criterion.ids)],
            "lead_auditor_id": cls.employees["auditor"].id,
            "auditor_ids": [Command.set(cls.auditor_eng2.ids)],
        }
        vals.update(values)
        return cls.env["quality.audit"].with_user(cls.users["manager"]).create(vals)
