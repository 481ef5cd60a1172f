import io

import openpyxl
from markupsafe import escape

from odoo.tests import HttpCase, new_test_user, tagged

from .common import activate_kazakh_and_russian


@tagged("post_install", "-at_install")
class TestEmploymentReports(HttpCase):
    """The yearly report of a graduating department in kk, ru and en, as PDF
    and XLSX, from the demo university's two graduation years."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_kazakh_and_russian(cls.env)
        cls.faculty = cls.env.ref("quality_university.dep_pedagogical_faculty")
        cls.report = cls.env.ref("quality_university.quality_employment_report_pdf")

    def _html(self, lang):
        report = self.report.with_context(lang=lang)
        return report._render_qweb_html(report.report_name, self.faculty.ids, data={"year": 2025})[
            0
        ].decode()

    def test_pdf_in_the_readers_language(self):
        expected = {
            "en_US": ("Graduate Employment Report", "Knowledge rate, %", "Pedagogy and Psychology"),
            "ru_RU": (
                "Отчёт о трудоустройстве выпускников",
                "Уровень осведомлённости, %",
                "Педагогика и психология",
            ),
            "kk_KZ": (
                "Бітірушілерді жұмыспен қамту туралы есеп",
                "Хабардарлық деңгейі, %",
                "Педагогика және психология",
            ),
        }
        for lang, texts in expected.items():
            with self.subTest(lang=lang):
                html = self._html(lang)
                for text in texts:
                    self.assertIn(str(escape(text)), html)
                self.assertIn("2025", html)
                self.assertIn("2024", html)
        # the knowledge rate of the pedagogical faculty's 2025 graduates at 12 months
        Report = self.env["quality.employment.report"]
        figures = Report._figures(
            [
                ("department_id", "child_of", self.faculty.id),
                ("graduation_year", "=", 2025),
                ("checkpoint_id", "=", Report._final_checkpoint().id),
            ]
        )[0][1]
        self.assertIn(f"{figures['knowledge_rate']:.1f}", self._html("en_US"))
        pdf, kind = self.report.with_context(
            force_report_rendering=True, lang="kk_KZ"
        )._render_qweb_pdf(self.report.report_name, self.faculty.ids, data={"year": 2025})
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_xlsx(self):
        self.authenticate("admin", "admin")
        response = self.url_open(
            f"/quality_university/employment_report.xlsx?department_id={self.faculty.id}&year=2025"
        )
        self.assertEqual(response.status_code, 200)
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        self.assertEqual(
            book.sheetnames, ["Programmes", "Comparison", "Statuses", "Salary Bands", "Reasons"]
        )
        rows = list(book["Programmes"].iter_rows(min_row=3, values_only=True))
        self.assertEqual(rows[0][:4], ("Programme", "Checkpoint", "Graduates", "Known Outcome"))
        programmes = {row[0] for row in rows[1:]}
        self.assertEqual(
            programmes,
            {"6B01101 Pedagogy and Psychology", "6B01401 Physical Education and Sport"},
        )
        self.assertEqual(sum(row[2] for row in rows[1:]), 2 * 6 * 3)
        for bad in ("department_id=abc&year=2025", "department_id=1&year=", "year=2025"):
            with self.subTest(bad=bad):
                response = self.url_open(f"/quality_university/employment_report.xlsx?{bad}")
                self.assertEqual(response.status_code, 400)
        response = self.url_open("/quality_university/employment_import_template/graduates.xlsx")
        self.assertEqual(response.status_code, 200)
        header = next(
            openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)
        )
        self.assertEqual(header[:2], ("Student ID", "Full name"))
        response = self.url_open("/quality_university/employment_import_template/other.xlsx")
        self.assertEqual(response.status_code, 400)

    def test_tour_opens_the_analysis_and_drills_into_a_programme(self):
        new_test_user(
            self.env,
            login="qu_tour_analyst",
            groups="base.group_user,quality_university.group_quality_user",
            name="Analyst",
        )
        self.start_tour("/odoo", "quality_employment_analysis_tour", login="qu_tour_analyst")
