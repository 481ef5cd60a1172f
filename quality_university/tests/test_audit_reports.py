import io

from markupsafe import escape

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestAuditReports(HttpCase):
    """HttpCase: wkhtmltopdf fetches the report's assets over HTTP, which must see
    the test transaction."""

    def _render(self, xmlid, records, user=None):
        report = self.env.ref(xmlid)
        if user:
            report = report.with_user(user)
        html = report._render_qweb_html(report.report_name, records.ids)[0].decode()
        pdf, kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, records.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        return html

    def test_audit_report_pdf(self):
        audit = self.env.ref("quality_university.audit_ped_2026")
        html = self._render(
            "quality_university.quality_audit_report",
            audit,
            self.env.ref("quality_university.user_mr"),
        )
        self.assertIn("Internal Audit Report", html)
        self.assertIn(str(escape(audit.name)), html)
        self.assertIn(str(escape(audit.lead_auditor_id.name)), html)
        self.assertIn("Nonconformity (1)", html)
        self.assertIn("Conformity (1)", html)
        self.assertIn(audit.nonconformity_ids.name, html)
        self.assertIn("QM 7.6", html)

    def test_programme_pdf(self):
        programme = self.env.ref("quality_university.audit_programme_2026")
        html = self._render("quality_university.quality_audit_programme_report", programme)
        self.assertIn("Internal Audit Programme", html)
        self.assertIn("2026/2027", html)
        for line in programme.line_ids:
            self.assertIn(str(escape(line.department_id.name)), html)
        self.assertIn(str(escape(self.env.ref("quality_university.user_rector").name)), html)

    def test_capa_plan_pdf(self):
        faculty = self.env.ref("quality_university.dep_pedagogical_faculty")
        law = self.env.ref("quality_university.dep_law_faculty")
        html = self._render("quality_university.quality_capa_plan_report", faculty)
        self.assertIn("Corrective and Preventive Action Plan", html)
        actions = self.env["quality.action"].search([("department_id", "child_of", faculty.id)])
        self.assertGreaterEqual(len(actions), 2)
        for action in actions:
            self.assertIn(str(escape(action.name)), html)
        other = self.env.ref("quality_university.action_lang_complaint")
        self.assertNotIn(str(escape(other.name)), html)
        # one plan per unit
        report = self.env.ref("quality_university.quality_capa_plan_report")
        html = report._render_qweb_html(report.report_name, (faculty | law).ids)[0].decode()
        self.assertEqual(html.count("Corrective and Preventive Action Plan"), 2)

    def test_nonconformity_register_xlsx(self):
        import openpyxl

        self.authenticate("admin", "admin")
        response = self.url_open("/quality_university/nonconformity_register.xlsx")
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][0], "Code")
        ncs = self.env["quality.nonconformity"].search([])
        self.assertEqual(len(rows) - 1, len(ncs))
        self.assertEqual({row[0] for row in rows[1:]}, set(ncs.mapped("name")))
        repeated = self.env.ref("quality_university.nc_ped_2026")
        row = next(row for row in rows if row[0] == repeated.name)
        self.assertEqual(row[9], "Yes")

    def test_nonconformity_register_xlsx_respects_record_rules(self):
        import openpyxl

        self.authenticate("officer.lang", "officer.lang")
        response = self.url_open("/quality_university/nonconformity_register.xlsx")
        self.assertEqual(response.status_code, 200)
        rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.values)
        codes = {row[0] for row in rows[1:]}
        self.assertIn(self.env.ref("quality_university.nc_lang_complaint").name, codes)
        self.assertNotIn(self.env.ref("quality_university.nc_ped_2026").name, codes)
