from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_document import DocumentCommon


@tagged("post_install", "-at_install")
class TestDocumentLifecycle(DocumentCommon):
    def test_code_from_the_type_sequence(self):
        document = self.env["quality.document"].create(
            {"name": "Records control", "type_id": self.procedure_type.id}
        )
        self.assertTrue(document.code.startswith("СЖҚ ҚР "))
        self.assertEqual(document.level, 3)
        self.assertEqual(document.review_interval_months, 24)

    def test_full_lifecycle_as_each_role(self):
        revision = self.draft_revision()
        officer, top = self.users["officer"], self.users["top"]
        manager, dean, staff = self.users["manager"], self.users["dean"], self.users["user"]
        # the author sends the draft for agreement: each reviewer gets an activity
        revision.with_user(officer).action_submit()
        self.assertEqual(revision.state, "agreement")
        agreement = self.env.ref("quality_university.mail_activity_type_document_agreement")
        self.assertEqual(
            revision.activity_ids.filtered(lambda a: a.activity_type_id == agreement).user_id,
            manager | dean,
        )
        # the rector cannot approve before every reviewer agreed
        self.assertFalse(revision.with_user(top).can_approve)
        with self.assertRaises(UserError):
            revision.with_user(top).action_approve()
        # the dean returns it with a comment: back to the author
        dean_line = revision.review_line_ids.filtered(lambda line: line.user_id == dean)
        with self.assertRaises(UserError):
            dean_line.with_user(dean).action_return()  # a comment is required
        dean_line.with_user(dean).comment = "Add the audit checklist form"
        dean_line.with_user(dean).action_return()
        self.assertEqual(revision.state, "draft")
        self.assertFalse(revision.activity_ids.filtered(lambda a: a.activity_type_id == agreement))
        self.assertIn("Add the audit checklist form", revision.message_ids[:3].mapped("body")[0])
        # resubmitted, both agree, the approver gets the approval activity
        revision.with_user(officer).action_submit()
        self.assertEqual(set(revision.review_line_ids.mapped("state")), {"pending"})
        for line in revision.review_line_ids:
            line.with_user(line.user_id).action_agree()
        approval = self.env.ref("quality_university.mail_activity_type_document_approval")
        self.assertEqual(
            revision.activity_ids.filtered(lambda a: a.activity_type_id == approval).user_id, top
        )
        # only the approver approves
        with self.assertRaises(AccessError):
            revision.with_user(manager).action_approve()
        self.assertTrue(revision.with_user(top).can_approve)
        revision.with_user(top).action_approve()
        self.assertEqual(revision.state, "effective")
        self.assertEqual(revision.approved_by_id, top)
        self.assertEqual(self.document.current_revision_id, revision)
        self.assertTrue(self.document.next_review_date)
        # distributed to the faculty: staff acknowledge from their "To read" list
        # (which also holds the demo's documents for all staff, given on hiring)
        to_read = (
            self.env["quality.document.acknowledgement"]
            .with_user(staff)
            .search(
                [
                    ("user_id", "=", staff.id),
                    ("state", "=", "pending"),
                    ("document_id", "=", self.document.id),
                ]
            )
        )
        self.assertEqual(to_read.revision_id, revision)
        to_read.with_user(staff).action_acknowledge()
        self.assertEqual(to_read.state, "done")
        self.assertEqual(to_read.acknowledged_by_id, staff)
        self.assertTrue(to_read.date_acknowledged)
        # it cannot be undone by them, nor signed twice
        with self.assertRaises(UserError):
            to_read.with_user(staff).write({"state": "pending"})
        with self.assertRaises(UserError):
            to_read.with_user(staff).action_acknowledge()
        employees = self.env["hr.employee"].search(
            [("department_id", "child_of", self.faculty_ped.id)]
        )
        self.assertEqual(revision.acknowledgement_count, len(employees))
        self.assertAlmostEqual(revision.acknowledgement_rate, 100.0 / len(employees), places=2)

    def test_new_revision_supersedes_and_withdraws_copies(self):
        first = self.make_effective(self.draft_revision())
        paper = (
            self.env["quality.document.copy"]
            .with_user(self.users["officer"])
            .create(
                [
                    {"revision_id": first.id, "holder_id": self.employees["user"].id},
                    {"revision_id": first.id, "holder_id": self.employees["auditor"].id},
                ]
            )
        )
        self.assertEqual(paper.mapped("number"), [1, 2])
        pending = first.acknowledgement_ids.filtered(lambda a: a.state == "pending")
        first.acknowledgement_ids.filtered(lambda a: a.user_id == self.users["user"]).with_user(
            self.users["user"]
        ).action_acknowledge()
        # the officer opens the next edition, with the same reviewers
        action = self.document.with_user(self.users["officer"]).action_new_revision()
        second = self.env["quality.document.revision"].browse(action["res_id"])
        self.assertEqual(second.edition, 2)
        self.assertEqual(second.review_line_ids.user_id, first.review_line_ids.user_id)
        second.attachment_ids = [
            Command.create({"name": "procedure-2.pdf", "raw": b"%PDF-1.4 second"})
        ]
        self.make_effective(second)
        self.assertEqual(first.state, "superseded")
        self.assertEqual(second.state, "effective")
        self.assertEqual(self.document.current_revision_id, second)
        # the old revision's unread lines are superseded, its signed ones stay as evidence
        self.assertEqual(
            set(
                (pending - first.acknowledgement_ids.filtered(lambda a: a.state == "done")).mapped(
                    "state"
                )
            ),
            {"cancelled"},
        )
        self.assertEqual(
            first.acknowledgement_ids.filtered(lambda a: a.user_id == self.users["user"]).state,
            "done",
        )
        # paper copies of the superseded revision are asked back
        self.assertEqual(set(paper.mapped("state")), {"to_withdraw"})
        withdrawal = self.env.ref("quality_university.mail_activity_type_document_copy_withdrawal")
        self.assertEqual(paper.activity_ids.activity_type_id, withdrawal)
        paper.with_user(self.users["officer"]).action_withdraw()
        self.assertEqual(set(paper.mapped("state")), {"withdrawn"})
        self.assertTrue(all(paper.mapped("date_withdrawn")))
        self.assertFalse(paper.activity_ids)
        # no copy of a revision that is not effective
        with self.assertRaises(UserError):
            self.env["quality.document.copy"].create(
                {"revision_id": first.id, "holder_id": self.employees["user"].id}
            )
        # the superseded revision is archived, then destroyed with a record
        first.with_user(self.users["manager"]).action_archive_revision()
        wizard = (
            self.env["quality.document.destruction"]
            .with_user(self.users["manager"])
            .create({"revision_id": first.id, "method": "Shredded by the commission"})
        )
        wizard.action_confirm()
        self.assertEqual(first.state, "destroyed")
        self.assertEqual(first.destroyed_by_id, self.users["manager"])
        self.assertEqual(first.destruction_method, "Shredded by the commission")

    def test_change_log_comes_from_revisions(self):
        first = self.make_effective(self.draft_revision())
        second = self.make_effective(self.draft_revision(edition=2))
        report = self.env.ref("quality_university.quality_document_change_log_report")
        html = str(report._render_qweb_html(report.report_name, self.document.ids)[0])
        self.assertIn("Edition 1", html)
        self.assertIn("Edition 2", html)
        self.assertLess(html.index("Edition 1"), html.index("Edition 2"))
        self.assertEqual((first | second).mapped("state"), ["superseded", "effective"])

    def test_future_revision_becomes_effective_on_its_date(self):
        revision = self.draft_revision()
        revision.date_effective = "2099-01-01"
        self.make_effective(revision)
        self.assertEqual(revision.state, "approved")
        self.assertFalse(revision.acknowledgement_ids)
        self.assertFalse(self.env["quality.document.revision"]._cron_publish_due() & revision)
        revision.with_user(self.users["manager"]).action_publish()
        self.assertEqual(revision.state, "effective")
        self.assertTrue(revision.acknowledgement_ids)


@tagged("post_install", "-at_install")
class TestDocumentControlRefusals(DocumentCommon):
    def test_approved_revision_is_immutable_even_for_admin(self):
        revision = self.make_effective(self.draft_revision())
        for env in (self.env, self.env(user=self.users["manager"]), self.env(su=True)):
            with self.subTest(user=env.user.login, su=env.su):
                with self.assertRaises(UserError):
                    revision.with_env(env).write({"change_summary": "rewritten"})
                with self.assertRaises(UserError):
                    revision.with_env(env).unlink()
        with self.assertRaises(UserError):
            revision.write({"state": "draft"})
        with self.assertRaises(UserError):
            revision.attachment_ids.write({"raw": b"%PDF-1.4 forged"})
        with self.assertRaises(UserError):
            revision.attachment_ids.unlink()
        self.assertEqual(revision.attachment_ids.raw, b"%PDF-1.4 procedure")
        self.assertEqual(revision.change_summary, "Edition 1")
        self.assertEqual(revision.state, "effective")
        with self.assertRaises(UserError):
            self.document.unlink()

    def test_cannot_acknowledge_for_someone_else(self):
        revision = self.make_effective(self.draft_revision())
        officer_line = revision.acknowledgement_ids.filtered(
            lambda a: a.user_id == self.users["officer"]
        )
        with self.assertRaises(AccessError):
            officer_line.with_user(self.users["user"]).action_acknowledge()
        self.assertEqual(officer_line.state, "pending")
        # and they do not even see it
        self.assertFalse(
            self.env["quality.document.acknowledgement"]
            .with_user(self.users["user"])
            .search([("id", "=", officer_line.id)])
        )

    def test_only_the_effective_revision_at_the_workplace(self):
        Revision = self.env["quality.document.revision"]
        first = self.make_effective(self.draft_revision())
        second = self.draft_revision(edition=2)

        def visible(user):
            return Revision.with_user(user).search([("document_id", "=", self.document.id)])

        # staff of the faculty see the effective revision only, and can open its file
        self.assertEqual(visible(self.users["user"]), first)
        self.assertEqual(
            first.attachment_ids.with_user(self.users["user"]).read(["raw"])[0]["raw"],
            b"%PDF-1.4 procedure",
        )
        # someone outside the distribution sees nothing, not even the effective revision
        self.assertFalse(visible(self.outsider))
        with self.assertRaises(AccessError):
            second.with_user(self.outsider).read(["change_summary"])
        # the author and the quality office see the draft
        self.assertEqual(visible(self.users["officer"]), first | second)
        self.assertEqual(visible(self.users["manager"]), first | second)
        self.make_effective(second)
        # once superseded, the old revision disappears from the workplace, files included
        self.assertEqual(visible(self.users["user"]), second)
        self.assertFalse(visible(self.outsider))
        with self.assertRaises(AccessError):
            first.attachment_ids[:1].with_user(self.users["user"]).read(["datas"])
        # a public document is read by everybody, still in its effective revision only
        self.document.confidentiality = "public"
        self.assertEqual(visible(self.outsider), second)

    def test_reviewer_answers_only_for_themselves(self):
        revision = self.draft_revision()
        revision.with_user(self.users["officer"]).action_submit()
        dean_line = revision.review_line_ids.filtered(
            lambda line: line.user_id == self.users["dean"]
        )
        with self.assertRaises(AccessError):
            dean_line.with_user(self.users["manager"]).action_agree()
        self.assertEqual(dean_line.state, "pending")

    def test_submission_needs_a_file(self):
        revision = self.draft_revision()
        revision.attachment_ids = [Command.clear()]
        with self.assertRaises(UserError):
            revision.with_user(self.users["officer"]).action_submit()
        self.assertEqual(revision.state, "draft")

    def test_two_effective_revisions_never_coexist(self):
        first = self.make_effective(self.draft_revision())
        second = self.draft_revision(edition=2)
        second.with_user(self.users["officer"]).action_submit()
        for line in second.review_line_ids:
            line.with_user(line.user_id).action_agree()
        second.with_user(self.users["top"]).action_approve()
        self.assertEqual(
            self.document.revision_ids.filtered(lambda r: r.state == "effective"), second
        )
        self.assertEqual(first.state, "superseded")
        # the database refuses it even when the ORM is bypassed
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.cr.execute(
                "UPDATE quality_document_revision SET state = 'effective' WHERE id = %s",
                [first.id],
            )
