from datetime import date

from markupsafe import escape

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestStaffUi(HttpCase):
    def test_hr_records_a_training_and_compliance_turns_green(self):
        course = self.env["quality.training.course"].create(
            {"name": "Tour QMS course", "validity_months": 36}
        )
        job = self.env["hr.job"].create(
            {
                "name": "Tour Lecturer Position",
                "quality_requirement_ids": [Command.create({"course_id": course.id})],
            }
        )
        employee = self.env["hr.employee"].create(
            {"name": "Tour Lecturer", "job_id": job.id, "tz": "Asia/Oral"}
        )
        self.assertEqual(employee.quality_compliance_state, "gap")
        self.start_tour(
            "/odoo/action-quality_university.hr_resume_line_training_action",
            "quality_training_compliance_tour",
            login="hr",
        )
        employee.invalidate_recordset()
        self.assertEqual(employee.quality_compliance_state, "compliant")
        line = employee.resume_line_ids.filtered(lambda rl: rl.quality_course_id == course)
        self.assertEqual(line.quality_hours, 36)
        self.assertEqual(
            line.line_type_id,
            self.env.ref("quality_university.resume_line_type_professional_development"),
        )

    def test_state_assessment_act(self):
        faculty = self.env["hr.department"].create(
            {"name": "Act Faculty", "quality_unit_type": "faculty"}
        )
        other = self.env["hr.department"].create({"name": "Act Other Unit"})
        officer = new_test_user(
            self.env,
            login="qu_act_officer",
            groups="base.group_user,quality_university.group_quality_officer",
        )
        faculty.quality_officer_ids = [
            Command.link(
                self.env["hr.employee"].create({"name": "Act Officer", "user_id": officer.id}).id
            )
        ]
        Equipment = self.env["maintenance.equipment"]
        projector = Equipment.create({"name": "Act projector", "quality_unit_id": faculty.id})
        Equipment.create(
            {"name": "Act room 101", "quality_unit_id": faculty.id, "quality_kind": "room"}
        )
        Equipment.create({"name": "Other unit's printer", "quality_unit_id": other.id})
        Act = self.env["quality.infrastructure.assessment"].with_user(officer)
        act = Act.create(
            {"department_id": faculty.id, "academic_year": "2025", "date": date(2025, 10, 1)}
        )
        act.action_load_equipment()
        act.action_load_equipment()
        self.assertEqual(act.line_ids.mapped("name"), ["Act projector", "Act room 101"])
        act.line_ids.filtered(lambda rl: rl.equipment_id == projector).write(
            {"condition": "repair", "needs": "Replace the lamp", "estimated_cost": 45000}
        )
        with self.assertRaises(AccessError):
            Act.create(
                {"department_id": other.id, "academic_year": "2025", "date": date(2025, 10, 1)}
            )
        act.action_approve()
        self.assertEqual(act.approved_by_id, officer)
        with self.assertRaises(UserError):
            act.line_ids[0].write({"condition": "good"})
        report = self.env.ref("quality_university.quality_infrastructure_assessment_report")
        html = report._render_qweb_html(report.report_name, act.ids)[0].decode()
        self.assertIn("Replace the lamp", html)
        self.assertIn(str(escape("Act room 101")), html)
        pdf, kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, act.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_gap_report_pdf(self):
        course = self.env["quality.training.course"].create({"name": "Gap PDF course"})
        job = self.env["hr.job"].create(
            {
                "name": "Gap PDF Position",
                "quality_requirement_ids": [Command.create({"course_id": course.id})],
            }
        )
        unit = self.env["hr.department"].create({"name": "Gap PDF Unit"})
        employee = self.env["hr.employee"].create(
            {"name": "Gap PDF Lecturer", "job_id": job.id, "department_id": unit.id}
        )
        self.env.flush_all()
        gaps = self.env["quality.qualification.gap"].search([("employee_id", "=", employee.id)])
        report = self.env.ref("quality_university.quality_qualification_gap_report")
        html = report._render_qweb_html(report.report_name, gaps.ids)[0].decode()
        self.assertIn("Gap PDF Lecturer", html)
        self.assertIn("Gap PDF Unit", html)
        self.assertIn("Gap PDF course", html)
        pdf, kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, gaps.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
