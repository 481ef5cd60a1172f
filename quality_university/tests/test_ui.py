from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestQualityUi(HttpCase):
    def test_login_page_is_served(self):
        response = self.url_open("/web/login")
        self.assertEqual(response.status_code, 200)
        self.assertIn('name="login"', response.text)

    def test_staff_member_opens_the_process_register(self):
        new_test_user(self.env, login="qu_tour_staff", groups="base.group_user", name="Staff")
        self.start_tour("/odoo", "quality_process_register_tour", login="qu_tour_staff")
