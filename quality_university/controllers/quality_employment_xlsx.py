import io

import xlsxwriter
from werkzeug.exceptions import BadRequest

from odoo import http
from odoo.http import content_disposition, request

from ..wizard.quality_employment_import import COLUMNS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _response(content, filename):
    return request.make_response(
        content,
        headers=[("Content-Type", XLSX), ("Content-Disposition", content_disposition(filename))],
    )


def _positive_int(value):
    if not (value or "").isdigit() or int(value) <= 0:
        raise BadRequest()
    return int(value)


class QualityEmploymentXlsx(http.Controller):
    @http.route(
        "/quality_university/employment_import_template/<string:kind>.xlsx",
        type="http",
        auth="user",
        readonly=True,
    )
    def import_template(self, kind, **kwargs):
        """An empty workbook with the columns the import expects."""
        if kind not in COLUMNS:
            raise BadRequest()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(kind)
        bold = workbook.add_format({"bold": True})
        for col, title in enumerate(COLUMNS[kind]):
            sheet.write_string(0, col, title, bold)
        sheet.set_column(0, len(COLUMNS[kind]) - 1, 22)
        workbook.close()
        return _response(output.getvalue(), f"{kind}_template.xlsx")

    @http.route(
        "/quality_university/employment_report.xlsx", type="http", auth="user", readonly=True
    )
    def employment_report(self, department_id=None, year=None, **kwargs):
        """The yearly employment report of a graduating department."""
        env = request.env
        department = env["hr.department"].browse(_positive_int(department_id)).exists()
        if not department:
            raise BadRequest()
        department.check_access("read")
        env["quality.employment.report"].check_access("read")
        year = _positive_int(year)
        content = env["report.quality_university.employment_report_document"]._xlsx_content(
            department, year
        )
        return _response(content, f"employment_report_{year}.xlsx")
