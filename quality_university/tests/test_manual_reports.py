import io
import re

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
        """The text of the real PDF and of its HTML. The PDF's text layer of Debian's
        wkhtmltopdf keeps the Cyrillic words but drops Latin letters and digits when
        extracted, so numbers and English are read from the same report's HTML."""
        report = self.env.ref(xmlid).with_context(lang=lang, force_report_rendering=True)
        pdf, kind = report._render_qweb_pdf(report.report_name, records.ids)
        self.assertEqual(kind, "pdf")
        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        html = report._render_qweb_html(report.report_name, records.ids)[0].decode()
        html = re.sub(r"<[^>]+>", " ", html).replace("&#160;", " ").replace("&nbsp;", " ")
        return " ".join(text.split()), " ".join(html.split())

    def test_document_title_page_and_numbered_copy(self):
        revision = self.env.ref("quality_university.revision_08_01_2")
        rector = self.env.ref("quality_university.employee_rector")
        self.assertEqual(revision.approved_by_id, rector.user_id)
        pdf, html = self.pdf_text(
            "quality_university.quality_document_cover_report", revision, "kk_KZ"
        )
        for words in ("БЕКІТЕМІН", rector.name, "Басылым №", "Дана №", "Өзгерістерді"):
            self.assertIn(words, pdf)
        self.assertIn(rector.job_title or rector.job_id.name, html)
        self.assertIn(revision.date_approved.strftime("%d.%m.%Y"), html)
        self.assertIn("Басылым № 02", html)
        self.assertIn("СЖҚ 08.ҚР 01", html)
        pdf, html = self.pdf_text("quality_university.quality_document_cover_report", revision)
        self.assertIn("I APPROVE", html)
        self.assertIn("Edition No. 02", html)
        paper_copy = self.env.ref("quality_university.copy_08_01_2_engineering")
        pdf, html = self.pdf_text(
            "quality_university.quality_document_copy_report", paper_copy, "kk_KZ"
        )
        for words in ("БЕКІТЕМІН", "Дана №", paper_copy.holder_id.name):
            self.assertIn(words, pdf)
        self.assertIn(f"Дана № {paper_copy.number}", html)
        withdrawn = self.env.ref("quality_university.copy_08_01_1_engineering")
        pdf, html = self.pdf_text(
            "quality_university.quality_document_copy_report", withdrawn, "ru_RU"
        )
        self.assertIn("ИЗЪЯТ", pdf)
        self.assertIn(f"Экземпляр № {withdrawn.number}", html)

    def test_change_log_carries_the_approval_block(self):
        document = self.env.ref("quality_university.document_08_01")
        pdf, html = self.pdf_text(
            "quality_university.quality_document_change_log_report", document, "ru_RU"
        )
        self.assertIn("УТВЕРЖДАЮ", pdf)
        self.assertIn("Редакция № 02", html)

    def test_nonconformity_report_in_three_languages(self):
        nc = self.env.ref("quality_university.nc_ped_2026")
        self.assertTrue(nc.decision_by_id)
        expected = {
            "en_US": ("Nonconformity Report No.", "Correction of the examination material"),
            "ru_RU": ("Протокол несоответствия №", "Исправление экзаменационного материала"),
            "kk_KZ": ("Сәйкессіздік хаттамасы №", "Емтихан материалын түзету"),
        }
        for lang, (title, disposition) in expected.items():
            with self.subTest(lang=lang):
                pdf, html = self.pdf_text(
                    "quality_university.quality_nonconformity_report", nc, lang
                )
                if lang != "en_US":  # the PDF's text layer keeps the Cyrillic words
                    self.assertIn(title, pdf)
                    self.assertIn(disposition, pdf)
                    self.assertIn(nc.decision_by_id.name, pdf)
                self.assertIn(title, html)
                self.assertIn(f"{title} {nc.name}", html)
                self.assertIn(disposition, html)
