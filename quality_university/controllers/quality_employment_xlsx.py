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
        data = env["report.quality_university.employment_report_document"]._report_data(
            department, _positive_int(year)
        )
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        title = workbook.add_format({"bold": True, "font_size": 13})

        def sheet_of(name, header, rows):
            sheet = workbook.add_worksheet(name[:31])
            sheet.write_string(0, 0, f"{department.display_name} — {data['year']}", title)
            for col, text in enumerate(header):
                sheet.write_string(2, col, text, bold)
            for row_index, row in enumerate(rows, start=3):
                for col, value in enumerate(row):
                    if isinstance(value, (int, float)) and not isinstance(value, bool):
                        sheet.write_number(row_index, col, value)
                    else:
                        sheet.write_string(row_index, col, str(value or ""))
            sheet.set_column(0, len(header) - 1, 18)
            sheet.set_column(0, 0, 40)

        figures = [
            env._("Graduates"),
            env._("Known Outcome"),
            env._("Knowledge Rate (%)"),
            env._("Career Outcomes Rate (%)"),
            env._("Employed"),
            env._("In-specialty Rate (%)"),
            env._("In Specialty (Claimed, No Evidence)"),
            env._("Months to First Job"),
        ]

        def numbers(values):
            return [
                values.get("graduate_count", 0),
                values.get("known_count", 0),
                values.get("knowledge_rate", 0.0),
                values.get("employment_rate", 0.0),
                values.get("employed_count", 0),
                values.get("in_specialty_rate", 0.0),
                values.get("in_specialty_unproven_count", 0),
                values.get("months_to_job_avg", 0.0),
            ]

        sheet_of(
            env._("Programmes"),
            [env._("Programme"), env._("Checkpoint"), *figures],
            [
                [row["programme"].display_name, row["checkpoint"].name, *numbers(row)]
                for row in data["programme_rows"]
            ],
        )
        sheet_of(
            env._("Comparison"),
            [env._("Checkpoint"), env._("Year"), *figures],
            [
                row
                for total in data["totals"]
                for row in (
                    [total["checkpoint"].name, str(data["year"]), *numbers(total)],
                    [total["checkpoint"].name, str(data["year"] - 1), *numbers(total["last_year"])],
                )
            ],
        )
        sheet_of(
            env._("Statuses"),
            [env._("Status"), env._("Graduates")],
            [
                [status.name if status else env._("No record"), count]
                for status, count in data["statuses"]
            ],
        )
        sheet_of(
            env._("Salary Bands"), [env._("Salary Band"), env._("Graduates")], data["salaries"]
        )
        sheet_of(
            env._("Reasons"),
            [env._("Reason for Non-employment"), env._("Graduates")],
            [[reason.name, count] for reason, count in data["reasons"]],
        )
        workbook.close()
        return _response(output.getvalue(), f"employment_report_{data['year']}.xlsx")
