from markupsafe import escape

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestProcessCard(HttpCase):
    """HttpCase: wkhtmltopdf fetches the report's assets over HTTP, which must see
    the test transaction."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report = cls.env.ref("quality_university.quality_process_card_report")
        cls.process = cls.env.ref("quality_university.process_8_2_2")

    def test_process_card_renders_as_pdf(self):
        html = str(self.report._render_qweb_html(self.report.report_name, self.process.ids)[0])
        self.assertIn(self.process.name, html)
        first_activity = self.process.activity_line_ids[0].name.split("\n")[0]
        self.assertIn(str(escape(first_activity)), html)
        pdf, kind = self.report.with_context(force_report_rendering=True)._render_qweb_pdf(
            self.report.report_name, self.process.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertGreater(len(pdf), 5000)

    def test_process_card_prints_as_a_quality_user(self):
        user = new_test_user(self.env, login="qu_card_reader", groups="base.group_user")
        html = self.report.with_user(user)._render_qweb_html(
            self.report.report_name, self.process.ids
        )[0]
        self.assertIn(str(escape(self.process.goal)), str(html))
