from datetime import date, timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_audit import QualityAuditCommon


@tagged("post_install", "-at_install")
class TestNonconformity(QualityAuditCommon):
    def _report(self, user=None, **values):
        vals = {
            "department_id": self.kafedra_ped.id,
            "process_id": self.process_ped.id,
            "criterion_id": self.criterion.id,
            "description": "Exam tickets were not reviewed",
            "source": "staff_report",
        }
        vals.update(values)
        nc = self.env["quality.nonconformity"].with_user(user or self.users["user"]).create(vals)
        return nc.with_env(self.env)

    def test_full_cycle_as_each_role(self):
        nc = self._report()
        self.assertEqual(nc.reporter_id, self.users["user"])
        self.assertEqual(nc.detected_by_id, self.employees["user"])
        self.assertTrue(nc.name.startswith("NC/"))
        self.assertEqual(nc.state, "new")
        # the reporter may complete a new report, not handle it
        nc.with_user(self.users["user"]).write({"evidence": "Photo of the tickets"})
        officer_nc = nc.with_user(self.users["officer"])
        officer_nc.write({"immediate_correction": "Tickets reviewed at once"})
        officer_nc.action_analyse()
        with self.assertRaises(AccessError):
            nc.with_user(self.users["user"]).write({"root_cause": "Mine"})
        with self.assertRaises(UserError):
            officer_nc.action_plan()
        officer_nc.write(
            {
                "why_1": "Not reviewed",
                "why_2": "Meeting cancelled",
                "root_cause": "No control of the review",
                "cause_category": "management",
            }
        )
        officer_nc.action_plan()
        self.assertEqual(nc.state, "action_plan")
        with self.assertRaises(UserError):
            officer_nc.action_start()  # no action yet
        action = (
            self.env["quality.action"]
            .with_user(self.users["officer"])
            .create(
                {
                    "nonconformity_id": nc.id,
                    "action_type": "corrective",
                    "name": "Check the review records before each session",
                    "responsible_id": self.users["user"].id,
                    "date_deadline": date.today() + timedelta(days=30),
                }
            )
        )
        self.assertEqual(action.department_id, self.kafedra_ped)
        self.assertEqual(action.activity_ids.user_id, self.users["user"])
        with self.assertRaises(UserError):
            officer_nc.action_start()  # no decision of the process leader yet
        officer_nc.write({"decision": "Correct and prevent", "disposition": "reassessment"})
        with self.assertRaises(AccessError):
            officer_nc.action_record_decision()  # the officer is not the process leader
        self.process_ped.leader_id = self.employees["manager"]
        nc.with_user(self.users["manager"]).action_record_decision()
        self.assertEqual(nc.decision_by_id, self.employees["manager"])
        officer_nc.action_start()
        self.assertEqual(action.state, "in_progress")
        with self.assertRaises(UserError):
            officer_nc.action_check_effectiveness()
        # the responsible (a plain employee) carries the action out
        action.with_user(self.users["user"]).write({"implementation_note": "Done"})
        action.with_user(self.users["user"]).action_implemented()
        self.assertEqual(action.state, "implemented")
        self.assertFalse(action.activity_ids)
        officer_nc.action_check_effectiveness()
        self.assertEqual(nc.state, "effectiveness")
        action.with_user(self.users["officer"]).action_verify()
        self.assertEqual(action.verified_by_id, self.users["officer"])
        with self.assertRaisesRegex(ValidationError, "cannot close"):
            nc.with_user(self.users["manager"]).action_close()
        action.with_user(self.users["manager"]).action_close()
        self.assertEqual(action.effectiveness_result, "effective")
        self.assertEqual(action.effectiveness_date, date.today())
        self.assertEqual(action.effectiveness_evaluator_id, self.users["manager"])
        nc.with_user(self.users["manager"]).action_close()
        self.assertEqual(nc.state, "closed")
        self.assertEqual(nc.date_closed, date.today())

    def _nc_at_effectiveness(self):
        nc = self._report()
        nc.write(
            {
                "root_cause": "Cause",
                "cause_category": "method",
                "decision": "Act",
                "disposition": "material_correction",
            }
        )
        nc.action_analyse()
        nc.action_plan()
        nc.action_record_decision()
        actions = self.env["quality.action"].create(
            [
                {
                    "nonconformity_id": nc.id,
                    "name": name,
                    "responsible_id": self.users["user"].id,
                    "date_deadline": date.today(),
                }
                for name in ("First", "Second")
            ]
        )
        nc.action_start()
        return nc, actions

    def test_cannot_close_with_open_actions(self):
        nc, actions = self._nc_at_effectiveness()
        with self.assertRaises(UserError):
            nc.action_check_effectiveness()
        actions.action_implemented()
        nc.action_check_effectiveness()
        actions.action_verify()
        actions[0].action_close()
        with self.assertRaisesRegex(ValidationError, "cannot close"):
            nc.action_close()
        self.assertEqual(nc.state, "effectiveness")

    def test_cannot_close_without_effectiveness_result(self):
        nc, actions = self._nc_at_effectiveness()
        actions.action_implemented()
        nc.action_check_effectiveness()
        actions.action_verify()
        with self.assertRaisesRegex(ValidationError, "cannot close"):
            nc.action_close()
        actions.action_close_not_effective()
        with self.assertRaisesRegex(ValidationError, "not found effective"):
            nc.action_close()
        self.assertEqual(nc.state, "effectiveness")

    def test_cancel_needs_a_reason(self):
        nc = self._report()
        with self.assertRaises(UserError):
            nc.with_user(self.users["officer"]).action_cancel()
        nc.with_user(self.users["officer"]).write({"cancel_reason": "Duplicate"})
        nc.with_user(self.users["officer"]).action_cancel()
        self.assertEqual(nc.state, "cancelled")

    def test_officer_does_not_see_other_units(self):
        nc_ped = self._report()
        nc_eng = self._report(department_id=self.faculty_eng.id, process_id=self.process_eng.id)
        NC = self.env["quality.nonconformity"]
        seen_by_ped_officer = NC.with_user(self.users["officer"]).search([])
        self.assertIn(nc_ped, seen_by_ped_officer)
        self.assertNotIn(nc_eng, seen_by_ped_officer)
        with self.assertRaises(AccessError):
            nc_eng.with_user(self.users["officer"]).read(["description"])
        seen_by_eng_officer = NC.with_user(self.officer_eng_user).search([])
        self.assertIn(nc_eng, seen_by_eng_officer)
        self.assertNotIn(nc_ped, seen_by_eng_officer)
        # the reporter sees what he or she reported, another employee does not
        self.assertEqual(
            NC.with_user(self.users["user"]).search([("id", "in", (nc_ped | nc_eng).ids)]),
            nc_ped | nc_eng,
        )
        other = self.env["res.users"].create(
            {"name": "Other Lecturer", "login": "qu_other_lecturer"}
        )
        self.assertFalse(NC.with_user(other).search([("id", "in", (nc_ped | nc_eng).ids)]))
        # auditors and the quality office see everything
        for role in ("auditor", "manager"):
            self.assertEqual(
                NC.with_user(self.users[role]).search([("id", "in", (nc_ped | nc_eng).ids)]),
                nc_ped | nc_eng,
            )
        # so do the unit's actions
        action = self.env["quality.action"].create(
            {
                "nonconformity_id": nc_eng.id,
                "name": "Engineering action",
                "responsible_id": self.officer_eng_user.id,
                "date_deadline": date.today(),
            }
        )
        self.assertFalse(
            self.env["quality.action"]
            .with_user(self.users["officer"])
            .search([("id", "=", action.id)])
        )

    def test_repeated_nonconformity_is_flagged(self):
        self.env.company.quality_nc_recurrence_days = 180
        older = self._report(date=date.today() - timedelta(days=400))
        earlier = self._report(date=date.today() - timedelta(days=100))
        self.assertFalse(older.repeated)
        self.assertFalse(earlier.repeated)  # 300 days apart: outside the 180-day window
        latest = self._report()
        self.assertTrue(latest.repeated)
        self.assertEqual(latest.repeated_of_id, earlier)
        other_requirement = self.env["quality.audit.criterion"].create(
            {"code": "T 9.9", "name": "Other"}
        )
        self.assertFalse(self._report(criterion_id=other_requirement.id).repeated)
        other_process = self._report(
            process_id=self.process_eng.id, department_id=self.faculty_eng.id
        )
        self.assertFalse(other_process.repeated)
        self.env.company.quality_nc_recurrence_days = 30
        outside_window = self._report(date=date.today() - timedelta(days=50))
        self.assertFalse(outside_window.repeated)

    def test_overdue_actions_are_reminded(self):
        nc = self._report()
        action = self.env["quality.action"].create(
            {
                "nonconformity_id": nc.id,
                "name": "Late action",
                "responsible_id": self.users["officer"].id,
                "date_deadline": date.today() - timedelta(days=3),
            }
        )
        on_time = action.copy(
            {"name": "On time", "date_deadline": date.today() + timedelta(days=3)}
        )
        self.assertTrue(action.is_overdue)
        self.assertFalse(on_time.is_overdue)
        overdue = self.env["quality.action"].search([("is_overdue", "=", True)])
        self.assertIn(action, overdue)
        self.assertNotIn(on_time, overdue)
        reminded = self.env["quality.action"]._cron_remind_overdue()
        self.assertIn(action, reminded)
        warning = self.env.ref("mail.mail_activity_data_warning")
        self.assertEqual(
            action.activity_ids.filtered(lambda a: a.activity_type_id == warning).user_id,
            self.users["officer"],
        )
        self.assertFalse(on_time.activity_ids.filtered(lambda a: a.activity_type_id == warning))
        cron = self.env.ref("quality_university.ir_cron_quality_action_overdue")
        self.assertEqual(cron.interval_type, "days")

    def test_demo_repeating_nonconformity(self):
        nc = self.env.ref("quality_university.nc_ped_2026")
        self.assertTrue(nc.repeated)
        self.assertEqual(nc.repeated_of_id, self.env.ref("quality_university.nc_ped_2025"))
