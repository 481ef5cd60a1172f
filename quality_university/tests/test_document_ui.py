import base64
import io
import zipfile

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestDocumentUi(HttpCase):
    """Browser journeys, PDF and XLSX of document control. HttpCase: the browser,
    wkhtmltopdf and the XLSX controller see the test transaction over HTTP."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = new_test_user(
            cls.env, login="qu_doc_staff", groups="base.group_user", name="Aigerim Staff"
        )
        cls.unit = cls.env["hr.department"].create({"name": "Tour Kafedra"})
        cls.employee = cls.env["hr.employee"].create(
            {
                "name": "Aigerim Staff",
                "user_id": cls.staff.id,
                "department_id": cls.unit.id,
                "job_title": "Senior lecturer",
            }
        )
        cls.colleague = cls.env["hr.employee"].create(
            {"name": "Bolat Colleague", "department_id": cls.unit.id, "job_title": "Lecturer"}
        )
        cls.document = cls.env["quality.document"].create(
            {
                "code": "СЖҚ 99.ҚР 01",
                "name": "Tour procedure",
                # a work instruction needs no agreement: approved straight away
                "type_id": cls.env.ref("quality_university.document_type_work_instruction").id,
                "distribution_department_ids": [Command.link(cls.unit.id)],
            }
        )
        cls.revision = cls.env["quality.document.revision"]._workflow_create(
            {
                "document_id": cls.document.id,
                "approver_id": cls.env.user.id,
                "attachment_ids": [
                    Command.create(
                        {"name": "tour.pdf", "datas": base64.b64encode(b"%PDF-1.4 tour")}
                    )
                ],
            }
        )
        cls.revision.action_submit()
        cls.revision.action_approve()

    def test_staff_member_acknowledges_from_to_read(self):
        line = self.revision.acknowledgement_ids.filtered(lambda a: a.employee_id == self.employee)
        self.assertEqual(line.state, "pending")
        self.start_tour("/odoo", "quality_document_acknowledgement_tour", login="qu_doc_staff")
        self.assertEqual(line.state, "done")
        self.assertEqual(line.acknowledged_by_id, self.staff)

    def test_acknowledgement_sheet_pdf(self):
        self.revision.acknowledgement_ids.filtered(
            lambda a: a.employee_id == self.employee
        ).with_user(self.staff).action_acknowledge()
        report = self.env.ref("quality_university.quality_document_acknowledgement_sheet_report")
        html = str(report._render_qweb_html(report.report_name, self.revision.ids)[0])
        self.assertEqual(html.count("<tr>"), 3)  # the header and one row per employee
        for text in ("Aigerim Staff", "Senior lecturer", "Bolat Colleague", "Lecturer"):
            self.assertIn(text, html)
        pdf, kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, self.revision.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def xlsx_rows(self, url):
        self.authenticate("admin", "admin")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        with zipfile.ZipFile(io.BytesIO(response.content)) as xlsx:
            sheet = xlsx.read("xl/worksheets/sheet1.xml").decode()
            strings = xlsx.read("xl/sharedStrings.xml").decode()
        return sheet.count("<row "), strings

    def test_document_register_xlsx(self):
        rows, strings = self.xlsx_rows("/quality_university/documents.xlsx")
        documents = self.env["quality.document"].search([])
        self.assertEqual(rows, len(documents) + 1)
        self.assertIn("СЖҚ 99.ҚР 01", strings)
        self.assertIn("Tour procedure", strings)

    def test_acknowledgement_status_xlsx(self):
        rows, strings = self.xlsx_rows(
            f"/quality_university/acknowledgements.xlsx?revision_id={self.revision.id}"
        )
        self.assertEqual(rows, 3)
        self.assertIn("Bolat Colleague", strings)
        self.assertIn("To Read", strings)
