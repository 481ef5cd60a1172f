from odoo.tests import tagged

from .common import QualityCommon


@tagged("post_install", "-at_install")
class TestProcessCard(QualityCommon):
    def test_process_card_renders_as_pdf(self):
        process = self.env.ref("quality_university.process_8_2_2")
        report = self.env.ref("quality_university.quality_process_card_report")
        html = str(report._render_qweb_html(report.report_name, process.ids)[0])
        self.assertIn(process.name, html)
        self.assertIn(process.activity_line_ids[0].name.split("\n")[0], html)
        pdf, kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, process.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertGreater(len(pdf), 5000)

    def test_process_card_prints_as_a_quality_user(self):
        report = self.env.ref("quality_university.quality_process_card_report")
        html = report.with_user(self.users["user"])._render_qweb_html(
            report.report_name, self.process_eng.ids
        )[0]
        self.assertIn("Check the equipment", str(html))
