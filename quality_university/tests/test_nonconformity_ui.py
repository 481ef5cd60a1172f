from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestNonconformityUi(HttpCase):
    def test_employee_reports_and_officer_plans_an_action(self):
        unit = self.env["hr.department"].create({"name": "Tour Faculty"})
        staff = new_test_user(
            self.env, login="qu_tour_reporter", groups="base.group_user", name="Tour Lecturer"
        )
        officer = new_test_user(
            self.env,
            login="qu_tour_officer",
            groups="base.group_user,quality_university.group_quality_officer",
            name="Tour Officer",
        )
        for user in (staff, officer):
            self.env["hr.employee"].create(
                {"name": user.name, "user_id": user.id, "department_id": unit.id}
            )
        unit.quality_officer_ids = [Command.set(officer.employee_id.ids)]

        self.start_tour("/odoo", "quality_nonconformity_report_tour", login="qu_tour_reporter")
        nc = self.env["quality.nonconformity"].search([("department_id", "=", unit.id)])
        self.assertEqual(len(nc), 1)
        self.assertEqual(nc.reporter_id, staff)
        self.assertEqual(nc.state, "new")
        self.assertIn("projector", nc.description)

        self.start_tour("/odoo", "quality_nonconformity_action_tour", login="qu_tour_officer")
        self.assertEqual(nc.action_ids.name, "Replace the projector")
        self.assertEqual(nc.action_ids.responsible_id, officer)
        self.assertEqual(nc.action_ids.activity_ids.user_id, officer)
