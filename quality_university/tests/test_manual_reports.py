import io

from PyPDF2 import PdfReader

from odoo.tests import HttpCase, tagged

from .common import activate_kazakh_and_russian


@tagged("post_install", "-at_install")
class TestManualReports(HttpCase):
    """The printed documents read as the manual's: tests read the PDF's text.
    HttpCase: wkhtmltopdf fetches the report's assets over HTTP."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_kazakh_and_russian(cls.env)

    def pdf_text(self, xmlid, records, lang="en_US"):
        report = self.env.ref(xmlid).with_context(lang=lang, force_report_rendering=True)
        pdf, kind = report._render_qweb_pdf(report.report_name, records.ids)
        self.assertEqual(kind, "pdf")
        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        return " ".join(text.split())

    def test_document_title_page_and_numbered_copy(self):
        revision = self.env.ref("quality_university.revision_08_01_2")
        rector = self.env.ref("quality_university.employee_rector")
        self.assertEqual(revision.approved_by_id, rector.user_id)
        text = self.pdf_text("quality_university.quality_document_cover_report", revision, "kk_KZ")
        self.assertIn("БЕКІТЕМІН", text)
        self.assertIn(rector.name, text)
        self.assertIn(rector.job_title or rector.job_id.name, text)
        self.assertIn(revision.date_approved.strftime("%d.%m.%Y"), text)
        self.assertIn("Басылым № 02", text)
        self.assertIn("СЖҚ 08.ҚР 01", text)
        english = self.pdf_text("quality_university.quality_document_cover_report", revision)
        self.assertIn("I APPROVE", english)
        self.assertIn("Edition No. 02", english)
        paper_copy = self.env.ref("quality_university.copy_08_01_2_engineering")
        text = self.pdf_text("quality_university.quality_document_copy_report", paper_copy, "kk_KZ")
        self.assertIn(f"Дана № {paper_copy.number}", text)
        self.assertIn(paper_copy.holder_id.name, text)
        self.assertIn("БЕКІТЕМІН", text)
        withdrawn = self.env.ref("quality_university.copy_08_01_1_engineering")
        text = self.pdf_text("quality_university.quality_document_copy_report", withdrawn)
        self.assertIn("WITHDRAWN", text)

    def test_change_log_carries_the_approval_block(self):
        document = self.env.ref("quality_university.document_08_01")
        text = self.pdf_text(
            "quality_university.quality_document_change_log_report", document, "ru_RU"
        )
        self.assertIn("УТВЕРЖДАЮ", text)
        self.assertIn("Редакция № 02", text)

    def test_nonconformity_report_in_three_languages(self):
        nc = self.env.ref("quality_university.nc_ped_2026")
        expected = {
            "en_US": ("Nonconformity Report No.", "Correction of the examination material"),
            "ru_RU": ("Протокол несоответствия №", "Исправление экзаменационного материала"),
            "kk_KZ": ("Сәйкессіздік хаттамасы №", "Емтихан материалын түзету"),
        }
        for lang, (title, disposition) in expected.items():
            with self.subTest(lang=lang):
                text = self.pdf_text("quality_university.quality_nonconformity_report", nc, lang)
                self.assertIn(title, text)
                self.assertIn(nc.name, text)
                self.assertIn(disposition, text)
                self.assertIn(nc.decision_by_id.name, text)
