from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_audit import QualityAuditCommon


@tagged("post_install", "-at_install")
class TestAudit(QualityAuditCommon):
    def _programme(self):
        return (
            self.env["quality.audit.programme"]
            .with_user(self.users["manager"])
            .create(
                {
                    "name": "Test programme 2026/2027",
                    "year": "2026/2027",
                    "date_start": "2026-09-01",
                    "date_end": "2027-06-30",
                    "line_ids": [
                        Command.create(
                            {
                                "month": "11",
                                "department_id": self.faculty_ped.id,
                                "process_ids": [Command.set(self.process_ped.ids)],
                                "lead_auditor_id": self.employees["auditor"].id,
                            }
                        )
                    ],
                }
            )
        )

    def test_programme_approved_only_by_top_management(self):
        programme = self._programme()
        self.env.company.quality_rector_id = self.employees["top"]
        for role in ("officer", "auditor", "manager"):
            with self.assertRaises(UserError):
                programme.with_user(self.users[role]).action_approve()
        self.assertEqual(programme.state, "draft")
        programme.with_user(self.users["top"]).action_approve()
        self.assertEqual(programme.state, "approved")
        self.assertEqual(programme.approved_by_id, self.users["top"])
        programme.with_user(self.users["manager"]).action_create_audits()
        audit = programme.line_ids.audit_id
        self.assertEqual(audit.kind, "planned")
        self.assertEqual(audit.department_ids, self.faculty_ped)
        self.assertEqual(programme.audit_count, 1)

    def test_audit_with_checklist_findings_and_nonconformity(self):
        self.env["quality.audit.checklist.template"].create(
            {"name": "Are the tickets reviewed?", "process_id": self.process_ped.id}
        )
        audit = self._create_audit()
        auditor = self.users["auditor"]
        audit_as_auditor = audit.with_user(auditor)
        audit_as_auditor.action_start()
        self.assertEqual(audit.state, "in_progress")
        audit_as_auditor.action_load_checklist()
        self.assertEqual(audit.question_ids.mapped("name"), ["Are the tickets reviewed?"])
        audit_as_auditor.question_ids.write({"answer": "no", "evidence": "No review record"})
        audit_as_auditor.write(
            {
                "finding_ids": [
                    Command.create({"finding_type": "conformity", "name": "Records are kept"}),
                    Command.create(
                        {
                            "finding_type": "nonconformity",
                            "severity": "minor",
                            "name": "Tickets not reviewed",
                            "department_id": self.kafedra_ped.id,
                            "criterion_id": self.criterion.id,
                        }
                    ),
                ]
            }
        )
        audit_as_auditor.action_report()
        nc_finding = audit.finding_ids.filtered(lambda f: f.finding_type == "nonconformity")
        with self.assertRaises(UserError):
            audit_as_auditor.action_close()
        with self.assertRaises(UserError):
            (audit.finding_ids - nc_finding).with_user(auditor).action_create_nonconformity()
        nc_finding.with_user(auditor).action_create_nonconformity()
        nc = nc_finding.nonconformity_id
        self.assertTrue(nc.name.startswith("NC/"))
        self.assertEqual(nc.source, "internal_audit")
        self.assertEqual(nc.audit_id, audit)
        self.assertEqual(nc.department_id, self.kafedra_ped)
        self.assertEqual(nc.process_id, self.process_ped)
        self.assertEqual(nc.severity, "minor")
        self.assertEqual(audit.nonconformity_count, 1)
        audit_as_auditor.action_follow_up()
        audit_as_auditor.action_close()
        self.assertEqual(audit.state, "closed")

    def test_auditor_cannot_audit_own_unit(self):
        with self.assertRaisesRegex(ValidationError, "own unit"):
            self._create_audit(auditor_ids=[Command.set(self.auditor_ped.ids)])
        # the faculty above the auditor's department counts as the auditor's unit too
        with self.assertRaisesRegex(ValidationError, "own unit"):
            self._create_audit(
                department_ids=[Command.set(self.kafedra_ped.ids)],
                lead_auditor_id=self.auditor_ped.id,
                auditor_ids=[],
            )
        audit = self._create_audit()
        with self.assertRaisesRegex(ValidationError, "own unit"):
            audit.department_ids = [Command.link(self.faculty_eng.id)]

    def test_unqualified_auditor_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "not a qualified"):
            self._create_audit(auditor_ids=[Command.set(self.unqualified.ids)])
        audit = self._create_audit()
        with self.assertRaisesRegex(ValidationError, "not a qualified"):
            audit.auditor_ids = [Command.link(self.unqualified.id)]

    def test_closed_audit_is_read_only(self):
        audit = self._create_audit()
        audit.finding_ids = [Command.create({"finding_type": "observation", "name": "Slow"})]
        audit.action_start()
        audit.action_report()
        audit.action_close()
        self.assertEqual(audit.state, "closed")
        for user in (self.users["auditor"], self.users["manager"], self.env.user):
            with self.assertRaisesRegex(UserError, "can no longer be changed"):
                audit.with_user(user).write({"conclusions": "<p>Changed</p>"})
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            audit.with_user(self.users["manager"]).finding_ids = [
                Command.create({"finding_type": "observation", "name": "Late"})
            ]
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            audit.finding_ids.with_user(self.users["auditor"]).write({"name": "Changed"})
        # the chatter stays open
        audit.with_user(self.users["manager"]).message_post(body="Filed")
        self.assertEqual(audit.message_ids[0].body, "<p>Filed</p>")

    def test_officer_reads_only_audits_of_own_units(self):
        audit = self._create_audit()
        audits = self.env["quality.audit"].with_user(self.officer_eng_user).search([])
        self.assertNotIn(audit, audits)
        self.assertIn(audit, self.env["quality.audit"].with_user(self.users["officer"]).search([]))
        with self.assertRaises(AccessError):
            audit.with_user(self.users["officer"]).write({"scope": "Changed"})
