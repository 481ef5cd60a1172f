from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_document import DocumentCommon


@tagged("post_install", "-at_install")
class TestManualDocumentCodes(DocumentCommon):
    """4.2.3: codes as the manual writes them, «СЖҚ 04.ҚР 01»."""

    def new_document(self, type_xmlid, process_xmlid=None, name="New"):
        vals = {"name": name, "type_id": self.env.ref(f"quality_university.{type_xmlid}").id}
        if process_xmlid:
            vals["process_ids"] = [
                Command.link(self.env.ref(f"quality_university.{process_xmlid}").id)
            ]
        return self.env["quality.document"].create(vals)

    def test_new_procedure_under_4_2_3(self):
        document = self.new_document("document_type_procedure", "process_4_2_3")
        self.assertEqual(document.manual_clause, "04")
        # the demo has 04.ҚР 01 (documents) and 04.ҚР 02 (records)
        self.assertEqual(document.code, "СЖҚ 04.ҚР 03")
        self.assertEqual(
            self.new_document("document_type_procedure", "process_4_2_4").code, "СЖҚ 04.ҚР 04"
        )

    def test_demo_type_and_clause_combinations(self):
        cases = [
            ("document_type_procedure", "process_5_6", "СЖҚ 05.ҚР 02"),
            ("document_type_procedure", "process_8_2_2", "СЖҚ 08.ҚР 05"),
            ("document_type_procedure", "process_8_3", "СЖҚ 08.ҚР 06"),
            ("document_type_manual", None, "СЖҚ СН 02"),
            ("document_type_policy", "process_5_3", "СЖҚ 05.СС 01"),
            ("document_type_unit_regulation", "process_7_5_3", "СЖҚ 07.БЕ 01"),
            ("document_type_form", "process_8_2_2", "СЖҚ 08.Н 01"),
            ("document_type_job_description", "process_6_1", "06.ЛН 01"),
        ]
        for type_xmlid, process_xmlid, code in cases:
            with self.subTest(code=code):
                self.assertEqual(self.new_document(type_xmlid, process_xmlid).code, code)

    def test_demo_codes_follow_their_clause(self):
        procedures = self.env["quality.document"].search(
            [("type_id", "=", self.procedure_type.id), ("code", "like", "СЖҚ 0")]
        )
        self.assertGreaterEqual(len(procedures), 7)
        for document in procedures:
            self.assertTrue(
                document.code.startswith(f"СЖҚ {document.manual_clause}.ҚР "), document.code
            )

    def test_clause_can_be_set_by_hand(self):
        document = self.env["quality.document"].create(
            {"name": "Policy", "type_id": self.procedure_type.id, "manual_clause": "05"}
        )
        self.assertEqual(document.code, "СЖҚ 05.ҚР 02")


@tagged("post_install", "-at_install")
class TestAgreementRequired(DocumentCommon):
    """4.2.3 «келісу, тексеру»: a type requiring agreement cannot skip it."""

    def test_procedure_cannot_be_approved_without_agreement(self):
        self.assertTrue(self.procedure_type.agreement_required)
        self.procedure_type.default_reviewer_ids = False
        revision = self.draft_revision(reviewers=())
        with self.assertRaises(UserError):
            revision.with_user(self.users["officer"]).action_submit()
        self.assertEqual(revision.state, "draft")
        # with reviewers it goes to agreement, and the rector waits for them
        revision.review_line_ids = [Command.create({"user_id": self.users["manager"].id})]
        revision.with_user(self.users["officer"]).action_submit()
        with self.assertRaises(UserError):
            revision.with_user(self.users["top"]).action_approve()
        # a reviewer removed behind the procedure's back does not open the way either
        revision.review_line_ids.sudo().unlink()
        with self.assertRaises(UserError):
            revision.with_user(self.users["top"]).action_approve()
        self.assertEqual(revision.state, "agreement")

    def test_type_without_agreement_is_approved_directly(self):
        instruction = self.env.ref("quality_university.document_type_work_instruction")
        self.assertFalse(instruction.agreement_required)
        document = self.env["quality.document"].create(
            {"name": "Lab safety", "type_id": instruction.id, "department_id": self.faculty_ped.id}
        )
        revision = self.draft_revision(document, reviewers=())
        revision.with_user(self.users["officer"]).action_submit()
        revision.with_user(self.users["top"]).action_approve()
        self.assertEqual(revision.state, "effective")

    def test_default_reviewers_of_the_type(self):
        self.procedure_type.default_reviewer_ids = self.users["manager"] | self.users["dean"]
        revision = self.draft_revision(reviewers=())
        self.assertEqual(
            revision.review_line_ids.user_id, self.users["manager"] | self.users["dean"]
        )
        # reviewers named on the revision win over the defaults
        named = self.draft_revision(edition=2, reviewers=("top",))
        self.assertEqual(named.review_line_ids.user_id, self.users["top"])


@tagged("post_install", "-at_install")
class TestOfficersAndNewcomers(DocumentCommon):
    """5.3, 5.5.1: acknowledgement is the unit officers' duty."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.revision = cls.draft_revision()
        cls.revision.with_user(cls.users["officer"]).action_submit()
        for line in cls.revision.review_line_ids:
            line.with_user(line.user_id).action_agree()
        cls.revision.with_user(cls.users["top"]).action_approve()

    def test_one_digest_per_officer(self):
        self.assertEqual(self.revision.state, "effective")
        pending = self.revision.acknowledgement_ids.filtered(lambda a: a.state == "pending")
        self.assertGreaterEqual(len(pending), 3)
        pending.sudo()._workflow_write({"date_due": fields.Date.add(fields.Date.today(), days=-3)})
        digest = self.env.ref(
            "quality_university.mail_activity_type_document_acknowledgement_digest"
        )
        Acknowledgement = self.env["quality.document.acknowledgement"]
        Acknowledgement._cron_remind_overdue()
        Acknowledgement._cron_remind_overdue()  # the next day: no second digest
        activities = self.env["mail.activity"].search([("activity_type_id", "=", digest.id)])
        officer = self.users["officer"]
        self.assertEqual(len(activities.filtered(lambda a: a.user_id == officer)), 1)
        mine = activities.filtered(lambda a: a.user_id == officer)
        self.assertEqual(mine.res_model, "hr.department")
        self.assertIn(self.faculty_ped.name, str(mine.note))
        self.assertIn(str(len(pending)), str(mine.note))
        # the readers themselves keep their own reminder each
        reminders = Acknowledgement.search(
            [("revision_id", "=", self.revision.id), ("activity_ids", "!=", False)]
        )
        self.assertEqual(len(reminders), len(pending.filtered("user_id")))

    def test_newcomer_receives_the_units_documents(self):
        newcomer = self.env["hr.employee"].create(
            {"name": "Aigerim Newcomer", "department_id": self.kafedra_ped.id}
        )
        line = self.revision.acknowledgement_ids.filtered(lambda a: a.employee_id == newcomer)
        self.assertEqual(line.state, "pending")
        self.assertGreaterEqual(line.date_due, fields.Date.today())
        # one who moves in from another unit too, once
        mover = self.env["hr.employee"].search(
            [("department_id", "=", self.faculty_eng.id)], limit=1
        )
        self.assertFalse(
            self.revision.acknowledgement_ids.filtered(lambda a: a.employee_id == mover)
        )
        mover.department_id = self.faculty_ped
        mover.department_id = self.kafedra_ped
        self.assertEqual(
            len(self.revision.acknowledgement_ids.filtered(lambda a: a.employee_id == mover)), 1
        )
        # a newcomer elsewhere receives nothing of this document
        stranger = self.env["hr.employee"].create(
            {"name": "Engineering Newcomer", "department_id": self.faculty_eng.id}
        )
        self.assertFalse(
            self.revision.acknowledgement_ids.filtered(lambda a: a.employee_id == stranger)
        )

    def test_newcomers_in_one_batch(self):
        """The hook's queries do not grow with the number of newcomers."""
        Employee = self.env["hr.employee"]
        Revision = self.env["quality.document.revision"]
        counts = {}
        for size in (3, 30):
            employees = Employee.create(
                [
                    {"name": f"Newcomer {size}-{i}", "department_id": self.kafedra_ped.id}
                    for i in range(size)
                ]
            )
            lines = self.revision.acknowledgement_ids.filtered(
                lambda a, e=employees: a.employee_id in e
            )
            self.assertEqual(len(lines), size)
            lines.sudo().unlink()
            self.env.invalidate_all()
            queries = self.cr.sql_log_count
            Revision._distribute_to_newcomers(employees)
            counts[size] = self.cr.sql_log_count - queries
            self.assertEqual(
                self.env["quality.document.acknowledgement"].search_count(
                    [("revision_id", "=", self.revision.id), ("employee_id", "in", employees.ids)]
                ),
                size,
            )
        self.assertEqual(counts[3], counts[30], counts)


@tagged("post_install", "-at_install")
class TestPeriodicReviewer(DocumentCommon):
    def test_review_goes_to_the_configured_person(self):
        head = self.users["dean"]
        self.faculty_ped.manager_id = self.employees["dean"]
        self.employees["dean"].department_id = self.faculty_ped
        self.document.next_review_date = fields.Date.add(fields.Date.today(), days=-1)
        revision = self.draft_revision()
        revision.with_user(self.users["officer"]).action_submit()
        for line in revision.review_line_ids:
            line.with_user(line.user_id).action_agree()
        revision.with_user(self.users["top"]).action_approve()
        self.document.next_review_date = fields.Date.add(fields.Date.today(), days=-1)
        review = self.env.ref("quality_university.mail_activity_type_document_review")
        company = self.env.company
        company.quality_document_review_by = "owner_head"
        self.env["quality.document"]._cron_open_periodic_reviews()
        activity = self.document.activity_ids.filtered(lambda a: a.activity_type_id == review)
        self.assertEqual(activity.user_id, head)
        activity.unlink()
        company.quality_representative_id = self.employees["manager"]
        company.quality_document_review_by = "representative"
        self.env["quality.document"]._cron_open_periodic_reviews()
        activity = self.document.activity_ids.filtered(lambda a: a.activity_type_id == review)
        self.assertEqual(activity.user_id, self.users["manager"])
