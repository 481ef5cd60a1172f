import io

from PyPDF2 import PdfFileReader

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestReportPrinting(HttpCase):
    """Every report of ours prints 1, 3 and 50 records as one real PDF.

    Debian's wkhtmltopdf (unpatched Qt) prints one HTML document per call: a report
    giving each record its own article fails there ("Exit with code 1"). Ours put all
    records in one article, a page break before each record after the first.
    HttpCase: wkhtmltopdf fetches the report's assets over HTTP.
    """

    SIZES = (1, 3, 50)

    def assertPrints(self, xmlid, make_records):
        report = self.env.ref(xmlid).with_context(force_report_rendering=True)
        records, titles = make_records(max(self.SIZES))
        for size in self.SIZES:
            with self.subTest(report=xmlid, records=size):
                batch, batch_titles = records[:size], titles[:size]
                pdf, kind = report._render_qweb_pdf(report.report_name, batch.ids)
                self.assertEqual(kind, "pdf")
                pages = [
                    page.extract_text().replace("\n", " ")
                    for page in PdfFileReader(io.BytesIO(pdf)).pages
                ]
                self.assertGreaterEqual(len(pages), size)
                # each record starts on a page of its own, in the order asked
                first_pages = []
                for title in batch_titles:
                    found = [i for i, text in enumerate(pages) if title in text]
                    self.assertTrue(
                        found, f"{title} is not in the PDF of {size} records: {pages[:2]}"
                    )
                    first_pages.append(found[0])
                self.assertEqual(first_pages, sorted(set(first_pages)))

    @staticmethod
    def _titles(prefix, count):
        """Distinct titles of Cyrillic letters only: Odoo's Lato has no Cyrillic, so
        wkhtmltopdf writes them as text in a system font (Lato's Latin letters and
        digits become drawn shapes, which no tool can read back)."""
        letters = "АӘБВГҒДЕЖЗИЙКҚЛМ"
        return [
            prefix + letters[i // len(letters)] + letters[i % len(letters)] for i in range(count)
        ]

    def _titled(self, records, titles):
        self.assertEqual(len(records), len(titles))
        return records, titles

    def test_process_cards(self):
        base = self.env.ref("quality_university.process_8_2_2")

        def make(count):
            codes = self._titles("ПРОЦЕСС", count)
            processes = self.env["quality.process"].concat(
                *(base.copy({"code": code}) for code in codes)
            )
            return self._titled(processes, codes)

        self.assertPrints("quality_university.quality_process_card_report", make)

    def test_audit_reports(self):
        base = self.env.ref("quality_university.audit_ped_2026")

        def make(count):
            names = self._titles("АУДИТ", count)
            audits = self.env["quality.audit"].concat(
                *(base.copy({"name": name}) for name in names)
            )
            return self._titled(audits, names)

        self.assertPrints("quality_university.quality_audit_report", make)

    def test_audit_programmes(self):
        base = self.env.ref("quality_university.audit_programme_2026")

        def make(count):
            years = self._titles("БАҒДАРЛАМА", count)
            programmes = self.env["quality.audit.programme"].concat(
                *(base.copy({"year": year, "line_ids": []}) for year in years)
            )
            return self._titled(programmes, years)

        self.assertPrints("quality_university.quality_audit_programme_report", make)

    def test_capa_plans(self):
        def make(count):
            names = self._titles("БӨЛІМШЕ", count)
            units = self.env["hr.department"].create([{"name": name} for name in names])
            return self._titled(units, names)

        self.assertPrints("quality_university.quality_capa_plan_report", make)

    def test_change_logs(self):
        base = self.env.ref("quality_university.document_04_01")

        def make(count):
            codes = self._titles("ҚҰЖАТ", count)
            documents = self.env["quality.document"].concat(
                *(base.copy({"code": code}) for code in codes)
            )
            return self._titled(documents, codes)

        self.assertPrints("quality_university.quality_document_change_log_report", make)

    def test_acknowledgement_sheets(self):
        revision = self.env.ref("quality_university.document_04_01").revision_ids[:1]
        self.assertTrue(revision)

        def make(count):
            codes = self._titles("ТАНЫСУ", count)
            revisions = self.env["quality.document.revision"].concat(
                *(
                    revision.copy({"document_id": revision.document_id.copy({"code": code}).id})
                    for code in codes
                )
            )
            return self._titled(revisions, codes)

        self.assertPrints("quality_university.quality_document_acknowledgement_sheet_report", make)

    def test_every_report_prints_several_records(self):
        """Each report of our addons, the ones above and those added later, prints up
        to three demo records of its model in one PDF, a page at least per record (the
        gap report lists every record asked in one table)."""
        summaries = ("quality_university.quality_qualification_gap_document",)
        reports = (
            self.env["ir.model.data"]
            .search(
                [("module", "=like", "quality_university%"), ("model", "=", "ir.actions.report")]
            )
            .mapped(lambda data: self.env["ir.actions.report"].browse(data.res_id))
            .filtered(lambda report: report.report_type == "qweb-pdf")
        )
        self.assertGreaterEqual(len(reports), 15)
        for report in reports.with_context(force_report_rendering=True):
            records = self.env[report.model].search([], limit=3)
            with self.subTest(report=report.report_name, records=len(records)):
                self.assertTrue(records, f"no demo record to print {report.report_name}")
                pdf, kind = report._render_qweb_pdf(report.report_name, records.ids)
                self.assertEqual(kind, "pdf")
                pages = PdfFileReader(io.BytesIO(pdf)).pages
                expected = 1 if report.report_name in summaries else len(records)
                self.assertGreaterEqual(len(pages), expected)
