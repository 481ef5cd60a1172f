"""Regression tests of issue 8: every probe of the demo roles that got through.

Each test replays, as the demo user of the finding, the RPC calls that changed a
quality record without its workflow, and checks that the server now refuses them.
"""

import io
import zipfile
from datetime import date, timedelta

from psycopg2 import IntegrityError

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger

# AccessError and ValidationError are UserErrors: assertRaises(UserError) takes any refusal


class IntegrityCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.user = {
            login: ref(f"quality_university.user_{login}")
            for login in (
                "officer_ped",
                "officer_eng",
                "teacher_ped",
                "dean_ped",
                "rector",
                "quality",
                "mr",
                "hr",
                "auditor_lang",
                "auditor_law",
                "head_pp",
            )
        }
        cls.ped = ref("quality_university.dep_pedagogical_faculty")
        cls.eng = ref("quality_university.dep_engineering_faculty")
        cls.document = cls.env["quality.document"].create(
            {
                "name": "Procedure of the Pedagogical Faculty",
                "type_id": ref("quality_university.document_type_procedure").id,
                "department_id": cls.ped.id,
                "author_id": cls.user["officer_ped"].id,
            }
        )
        cls.revision = cls.env["quality.document.revision"].create(
            {
                "document_id": cls.document.id,
                "attachment_ids": [Command.create({"name": "p.pdf", "raw": b"%PDF-1.4 p"})],
                "review_line_ids": [
                    Command.create({"user_id": cls.user["dean_ped"].id}),
                    Command.create({"user_id": cls.user["rector"].id}),
                ],
            }
        )

    def line_of(self, revision, login):
        return revision.review_line_ids.filtered(lambda line: line.user_id == self.user[login])

    def make_effective(self, revision):
        revision.action_submit()
        for line in revision.review_line_ids:
            line.with_user(line.user_id).action_agree()
        revision.with_user(revision.approver_id).action_approve()
        self.assertEqual(revision.state, "effective")
        return revision


@tagged("post_install", "-at_install")
class TestIntegrityFindings(IntegrityCommon):
    def test_01_approval_needs_the_approver_and_every_reviewer(self):
        officer = self.user["officer_ped"]
        revision = self.revision.with_user(officer)
        self.assertEqual(self.revision.approver_id, self.user["rector"])
        with self.assertRaises(UserError):
            revision.write({"approver_id": officer.id})
        revision.action_submit()
        rector_line = self.line_of(self.revision, "rector")
        with self.assertRaises(UserError):
            rector_line.with_user(officer).write({"state": "agreed"})
        with self.assertRaises(AccessError):
            rector_line.with_user(officer).action_agree()
        with self.assertRaises(AccessError):
            revision.action_approve()
        # a plain author or reviewer does not agree for another reviewer either
        with self.assertRaises(UserError):
            rector_line.with_user(self.user["dean_ped"]).write({"state": "agreed"})
        with self.assertRaises(UserError):
            self.line_of(self.revision, "dean_ped").with_user(self.user["dean_ped"]).write(
                {"state": "agreed"}
            )
        self.assertEqual(self.revision.state, "agreement")
        self.assertEqual(set(self.revision.review_line_ids.mapped("state")), {"pending"})
        # the agreement history of an effective revision is locked
        for line in self.revision.review_line_ids:
            line.with_user(line.user_id).action_agree()
        self.revision.with_user(self.user["rector"]).action_approve()
        self.assertEqual(self.revision.state, "effective")
        with self.assertRaises(UserError):
            rector_line.with_user(officer).write({"comment": "Changed afterwards"})
        with self.assertRaises(UserError):
            rector_line.with_user(officer).unlink()
        with self.assertRaises(UserError):
            self.env["quality.document.review"].with_user(officer).create(
                {"revision_id": self.revision.id, "user_id": officer.id}
            )

    def test_02_unit_structure_belongs_to_hr_and_the_quality_office(self):
        officer = self.user["officer_ped"]
        nc_eng = self.env.ref("quality_university.nc_eng_kpi")
        NC = self.env["quality.nonconformity"]
        for login in ("officer_ped", "teacher_ped"):
            with self.assertRaises(AccessError):
                self.eng.with_user(self.user[login]).write({"parent_id": self.ped.id})
        self.assertFalse(self.eng.parent_id == self.ped)
        self.assertFalse(NC.with_user(officer).search([("id", "=", nc_eng.id)]))
        # HR may move a unit: the officers' scope follows at once (no stale rule cache)
        self.eng.with_user(self.user["hr"]).write({"parent_id": self.ped.id})
        self.assertEqual(NC.with_user(officer).search([("id", "=", nc_eng.id)]), nc_eng)

    def test_03_reading_never_grants_editing(self):
        officer = self.user["officer_ped"]
        manual = self.env.ref("quality_university.document_quality_manual")
        manual.with_user(officer).check_access("read")  # public and effective: readable
        with self.assertRaises(AccessError):
            manual.with_user(officer).write({"name": "Rewritten by an officer"})
        with self.assertRaises(AccessError):
            self.env["quality.document"].with_user(officer).create(
                {
                    "name": "Engineering procedure",
                    "type_id": self.document.type_id.id,
                    "department_id": self.eng.id,
                }
            )
        # a reviewer from another unit reads the draft, and no more
        outsider = self.user["officer_eng"]
        self.revision.write({"review_line_ids": [Command.create({"user_id": outsider.id})]})
        draft = self.revision.with_user(outsider)
        draft.check_access("read")
        with self.assertRaises(AccessError):
            draft.write({"change_summary": "Edited by a reviewer"})
        with self.assertRaises(AccessError):
            draft.unlink()
        with self.assertRaises(AccessError):
            draft.write({"document_id": self.env.ref("quality_university.document_04_01").id})
        # and the unit's own officer does not move the draft out of his or her care
        foreign = self.env["quality.document"].create(
            {
                "name": "Engineering procedure",
                "type_id": self.document.type_id.id,
                "department_id": self.eng.id,
            }
        )
        with self.assertRaises(AccessError):
            self.revision.with_user(self.user["officer_ped"]).write({"document_id": foreign.id})
        with self.assertRaises(AccessError):
            self.document.with_user(self.user["officer_ped"]).write({"department_id": self.eng.id})
        line = self.line_of(self.revision, "officer_eng").with_user(outsider)
        with self.assertRaises(UserError):
            line.write({"revision_id": self.env.ref("quality_university.revision_08_03_1").id})

    def _teacher_report(self):
        return (
            self.env["quality.nonconformity"]
            .with_user(self.user["teacher_ped"])
            .create(
                {
                    "department_id": self.env.ref("quality_university.dep_pedagogy_psychology").id,
                    "description": "Exam tickets were not reviewed",
                }
            )
        )

    def test_04_a_reporter_reports_and_nothing_else(self):
        teacher = self.user["teacher_ped"]
        NC = self.env["quality.nonconformity"].with_user(teacher)
        vals = {"department_id": self.ped.id, "description": "Closed at birth"}
        for extra in (
            {"state": "closed"},
            {"reporter_id": self.user["rector"].id},
            {"date_closed": fields.Date.today()},
            {"severity": "major"},
        ):
            with self.assertRaises(UserError):
                NC.create({**vals, **extra})
        nc = self._teacher_report()
        earlier = self.env.ref("quality_university.nc_ped_2025")
        for values in (
            {"state": "closed"},
            {"severity": "major"},
            {"reporter_id": self.user["rector"].id},
            {"date_closed": fields.Date.today()},
            {"repeated_of_id": earlier.id},
        ):
            with self.assertRaises(UserError):
                nc.write(values)
        for method in ("action_analyse", "action_cancel"):
            with self.assertRaises(AccessError):
                getattr(nc, method)()
        self.assertEqual(nc.sudo().state, "new")

    def test_05_actions_are_verified_by_someone_else(self):
        officer = self.user["officer_ped"]
        nc = self._teacher_report().sudo()
        action = self.env["quality.action"].create(
            {
                "nonconformity_id": nc.id,
                "name": "Review the tickets",
                "responsible_id": officer.id,
                "date_deadline": date.today() + timedelta(days=10),
            }
        )
        own = action.with_user(officer)
        own.action_implemented()
        with self.assertRaises(AccessError):
            own.action_verify()
        for values in (
            {"effectiveness_result": "effective"},
            {"state": "closed", "effectiveness_evaluator_id": self.user["rector"].id},
            {"verified_by_id": self.user["quality"].id},
        ):
            with self.assertRaises(UserError):
                own.write(values)
        action.with_user(self.user["quality"]).action_verify()
        with self.assertRaises(AccessError):
            own.action_close()
        self.assertEqual(action.state, "verified")
        # the reporter of the nonconformity reads its actions, and edits none of them
        other = self.env["quality.action"].create(
            {
                "nonconformity_id": nc.id,
                "name": "Someone else's action",
                "responsible_id": self.user["dean_ped"].id,
                "date_deadline": date.today() + timedelta(days=10),
            }
        )
        other.with_user(self.user["teacher_ped"]).check_access("read")
        with self.assertRaises(AccessError):
            other.with_user(self.user["teacher_ped"]).write({"name": "Rewritten"})
        # an officer adds no action to another unit's nonconformity
        nc_eng = self.env.ref("quality_university.nc_eng_kpi")
        for extra in ({}, {"department_id": self.ped.id}):
            with self.assertRaises(UserError):
                self.env["quality.action"].with_user(officer).create(
                    {
                        "nonconformity_id": nc_eng.id,
                        "name": "Foreign action",
                        "responsible_id": officer.id,
                        "date_deadline": date.today() + timedelta(days=10),
                        **extra,
                    }
                )

    def test_06_audits_are_run_by_an_independent_team(self):
        audit_ped = self.env.ref("quality_university.audit_ped_2026")
        Finding = self.env["quality.audit.finding"]
        # findings follow their audit's rule
        self.assertTrue(Finding.with_user(self.user["officer_ped"]).search([]))
        self.assertFalse(
            Finding.with_user(self.user["officer_eng"]).search([("audit_id", "=", audit_ped.id)])
        )
        # an auditor edits no audit of her own faculty
        audit_lang = self.env.ref("quality_university.audit_lang_complaint")
        with self.assertRaises(AccessError):
            audit_lang.with_user(self.user["auditor_lang"]).write({"scope": "Mine"})
        with self.assertRaises(AccessError):
            audit_lang.with_user(self.user["auditor_lang"]).action_report()
        # the state moves only through the steps
        planned = self.env.ref("quality_university.audit_eng_accreditation")
        for audit, state in ((planned, "closed"), (audit_lang, "planned")):
            with self.assertRaises(UserError):
                audit.with_user(self.user["quality"]).write({"state": state})
        # a closed audit keeps its findings and questions (its open actions are
        # followed up as its lead auditor decided)
        audit_ped.with_user(self.user["auditor_law"]).follow_up_decision = "At the next audit."
        audit_ped.with_user(self.user["auditor_law"]).action_record_follow_up_decision()
        audit_ped.with_user(self.user["auditor_law"]).action_close()
        self.assertEqual(audit_ped.state, "closed")
        for lines in (audit_ped.finding_ids, audit_ped.question_ids):
            with self.assertRaises(UserError):
                lines[:1].with_user(self.user["auditor_law"]).unlink()
            with self.assertRaises(UserError):
                lines[:1].with_user(self.user["quality"]).unlink()
        # an audit does not end before it starts
        with self.assertRaises(ValidationError):
            planned.write({"date_start": date(2026, 5, 10), "date_end": date(2026, 5, 1)})

    def test_07_the_audit_programme_is_approved_by_top_management(self):
        programme = self.env.ref("quality_university.audit_programme_2026")
        self.assertEqual(programme.state, "approved")
        with self.assertRaises(AccessError):
            programme.with_user(self.user["quality"]).action_reset_draft()
        draft = programme.copy({"name": "Draft programme"})
        self.assertEqual(draft.state, "draft")
        with self.assertRaises(UserError):
            draft.with_user(self.user["quality"]).write(
                {"state": "approved", "approved_by_id": self.user["rector"].id}
            )
        with self.assertRaises(UserError):
            programme.with_user(self.user["quality"]).write({"name": "Edited after approval"})
        self.assertEqual(programme.state, "approved")

    def test_08_the_files_of_an_effective_revision_are_locked(self):
        officer = self.user["officer_ped"]
        # a file bound elsewhere but listed on the revision is locked with it
        elsewhere = self.env["ir.attachment"].create(
            {
                "name": "annex.pdf",
                "raw": b"%PDF-1.4 annex",
                "res_model": "quality.document",
                "res_id": self.document.id,
            }
        )
        self.revision.attachment_ids = [Command.link(elsewhere.id)]
        self.make_effective(self.revision)
        self.document.confidentiality = "restricted"
        bound = self.revision.attachment_ids - elsewhere
        for attachment in bound | elsewhere:
            for values in ({"public": True}, {"name": "renamed.pdf"}, {"mimetype": "text/html"}):
                with self.assertRaises(UserError):
                    attachment.with_user(officer).write(values)
        self.assertFalse(bound.public)
        # attaching does not take over someone else's private file
        private = (
            self.env["ir.attachment"]
            .with_user(self.user["teacher_ped"])
            .create({"name": "private.pdf", "raw": b"%PDF-1.4 private"})
        )
        draft = self.env["quality.document.revision"].create(
            {"document_id": self.document.id, "edition": 2}
        )
        with self.assertRaises(AccessError):
            draft.with_user(officer).write({"attachment_ids": [Command.link(private.id)]})
        self.assertFalse(private.sudo().res_model)

    def test_09_records_change_state_through_disposal_only(self):
        officer = self.user["officer_ped"]
        disposed = self.env["quality.record"].search([("state", "=", "disposed")], limit=1)
        self.assertTrue(disposed)
        with self.assertRaises(UserError):
            disposed.with_user(self.user["quality"]).write({"state": "kept"})
        with self.assertRaises(UserError):
            disposed.with_user(self.user["quality"]).unlink()
        kept = self.env["quality.record"].search([("state", "=", "kept")], limit=1)
        with self.assertRaises(UserError):
            kept.with_user(self.user["quality"]).write({"state": "disposed"})
        # records that belong to no unit are the quality office's
        record_type = self.env["quality.record.type"].create(
            {"name": "University-wide minutes", "retention_years": 5}
        )
        record = self.env["quality.record"].create(
            {"name": "Minutes 2026", "type_id": record_type.id, "date_closed": date.today()}
        )
        with self.assertRaises(AccessError):
            record_type.with_user(officer).write({"name": "Mine"})
        with self.assertRaises(AccessError):
            record.with_user(officer).write({"name": "Mine"})
        with self.assertRaises(AccessError):
            record.with_user(officer).unlink()

    def test_10_acknowledgements_are_signed_by_the_employee_only(self):
        revision = self.env.ref("quality_university.revision_quality_manual_1")
        teacher = self.user["teacher_ped"]
        employee = teacher.employee_ids[:1]
        with self.assertRaises(UserError):
            self.env["quality.document.acknowledgement"].with_user(self.user["quality"]).create(
                {
                    "revision_id": revision.id,
                    "document_id": revision.document_id.id,
                    "employee_id": employee.id,
                    "user_id": teacher.id,
                    "state": "done",
                    "company_id": revision.company_id.id,
                }
            )
        # the printed sheet shows the teacher what the form shows: his own line
        own = revision.acknowledgement_ids.filtered(lambda a: a.user_id == teacher)
        self.assertEqual(revision.with_user(teacher).sheet_line_ids, own)
        html = (
            self.env["ir.actions.report"]
            .with_user(teacher)
            ._render_qweb_html(
                "quality_university.quality_document_acknowledgement_sheet_report", revision.ids
            )[0]
            .decode()
        )
        self.assertIn(employee.name, html)
        rector_employee = self.user["rector"].employee_ids[:1]
        self.assertNotIn(rector_employee.name, html)
        # the quality office prints the whole sheet
        self.assertGreater(len(revision.with_user(self.user["mr"]).sheet_line_ids), 1)

    def test_11_acknowledgement_rate_is_the_same_for_every_reader(self):
        manual = self.env.ref("quality_university.document_quality_manual")
        rates = {
            login: manual.with_user(self.user[login]).acknowledgement_rate
            for login in ("teacher_ped", "mr", "officer_ped")
        }
        self.assertEqual(len(set(rates.values())), 1, rates)
        self.assertLess(rates["mr"], 100.0)

    def test_12_overdue_reminder_is_not_duplicated(self):
        action = self.env.ref("quality_university.action_lang_complaint")
        action.sudo()._workflow_write({"state": "in_progress"})
        action.date_deadline = date.today() - timedelta(days=2)
        warning = self.env.ref("mail.mail_activity_data_warning")
        for _run in range(3):
            self.env["quality.action"]._cron_remind_overdue()
        warnings = action.activity_ids.filtered(lambda a: a.activity_type_id == warning)
        self.assertEqual(len(warnings), 1)

    def test_13_bad_input_is_refused(self):
        teacher = self.user["teacher_ped"]
        NC = self.env["quality.nonconformity"].with_user(teacher)
        vals = {"department_id": self.ped.id, "description": "Late exam results"}
        with self.assertRaises(ValidationError):
            NC.create({**vals, "date": date(2099, 1, 1)})
        with self.assertRaises(ValidationError):
            NC.create({**vals, "description": "   "})
        with self.assertRaises(ValidationError):
            self.env["quality.action"].create(
                {
                    "nonconformity_id": self.env.ref("quality_university.nc_eng_kpi").id,
                    "name": "Too late",
                    "responsible_id": teacher.id,
                    "date_deadline": date(1999, 1, 1),
                }
            )
        doc_type = self.document.type_id
        for record, values in (
            (self.revision, {"edition": -5}),
            (self.document, {"review_interval_months": -12}),
            (doc_type, {"review_interval_months": -12}),
            (doc_type, {"acknowledgement_days": -30}),
        ):
            with self.subTest(values=values):
                with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
                    with self.env.cr.savepoint():
                        record.write(values)
                        record.flush_recordset()
        copy = self.env.ref("quality_university.copy_08_01_2_engineering")
        for values in ({"state": "withdrawn"}, {"number": 99}):
            with self.assertRaises(UserError):
                copy.with_user(self.user["quality"]).write(values)


@tagged("post_install", "-at_install")
class TestIntegrityExports(HttpCase):
    def _cells(self, content):
        with zipfile.ZipFile(io.BytesIO(content)) as workbook:
            return workbook.read("xl/worksheets/sheet1.xml").decode()

    def test_11_exports_write_text_and_validate_parameters(self):
        self.env["quality.nonconformity"].create(
            {
                "department_id": self.env.ref("quality_university.dep_pedagogical_faculty").id,
                "description": '=HYPERLINK("http://evil.example","Click")',
            }
        )
        self.authenticate("quality", "quality")
        response = self.url_open("/quality_university/nonconformity_register.xlsx")
        self.assertEqual(response.status_code, 200)
        sheet = self._cells(response.content)
        self.assertNotIn("<f>", sheet)
        response = self.url_open("/quality_university/acknowledgements.xlsx?revision_id=abc")
        self.assertEqual(response.status_code, 400)
        response = self.url_open("/quality_university/documents.xlsx")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("<f>", self._cells(response.content))
