from markupsafe import escape

from odoo.tests import HttpCase, new_test_user, tagged

from .common import activate_kazakh_and_russian


@tagged("post_install", "-at_install")
class TestManagementReviewUi(HttpCase):
    def test_mr_prepares_and_rector_holds(self):
        review = self.env.ref("quality_university.review_2026")
        self.assertEqual(review.state, "draft")
        self.start_tour("/odoo", "quality_management_review_prepare_tour", login="mr")
        self.assertEqual(review.state, "prepared")
        self.start_tour("/odoo", "quality_management_review_hold_tour", login="rector")
        self.assertEqual(review.state, "held")
        self.assertEqual(review.held_by_id, self.env.ref("quality_university.user_rector"))
        self.assertTrue(review.snapshot)


@tagged("post_install", "-at_install")
class TestManagementReviewReport(HttpCase):
    """HttpCase: wkhtmltopdf fetches the report's assets over HTTP."""

    TITLES = {
        "en_US": "Management Review Report",
        "kk_KZ": "Басшылық тарапынан талдау есебі",
        "ru_RU": "Отчёт об анализе со стороны руководства",
    }

    def test_pdf_in_the_readers_language_with_every_section(self):
        activate_kazakh_and_russian(self.env)
        report = self.env.ref("quality_university.quality_management_review_report")
        review = self.env["quality.management.review"].create(
            {"name": "Test review", "year": "2025/2026", "date": "2026-06-25"}
        )
        review.action_prepare()
        review.action_hold()
        held = self.env.ref("quality_university.review_2025")
        for lang, title in self.TITLES.items():
            reader = new_test_user(
                self.env,
                login=f"qu_review_reader_{lang}",
                groups="base.group_user,quality_university.group_quality_manager",
                lang=lang,
            )
            localized = report.with_user(reader).with_context(lang=lang)
            for record in (review, held):
                html = localized._render_qweb_html(report.report_name, record.ids)[0].decode()
                self.assertIn(title, html)
                sections = record.with_context(lang=lang)._get_sections()
                self.assertGreaterEqual(len(sections), 7)
                for section in sections:
                    self.assertIn(str(escape(section["title"])), html)
                for decision in record.decision_ids:
                    self.assertIn(str(escape(decision.name)), html)
            # titles really are in the reader's language
            kk_titles = {s["title"] for s in review.with_context(lang="kk_KZ")._get_sections()}
            en_titles = {s["title"] for s in review.with_context(lang="en_US")._get_sections()}
            self.assertFalse(kk_titles & en_titles)
            pdf, kind = localized.with_context(force_report_rendering=True)._render_qweb_pdf(
                report.report_name, review.ids
            )
            self.assertEqual(kind, "pdf")
            self.assertTrue(pdf.startswith(b"%PDF"))
