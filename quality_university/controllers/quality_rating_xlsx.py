import io

import xlsxwriter
from werkzeug.exceptions import BadRequest, NotFound

from odoo import http
from odoo.http import content_disposition, request


class QualityRatingXlsx(http.Controller):
    @http.route("/quality_university/ranking.xlsx", type="http", auth="user", readonly=True)
    def ranking(self, rating_id=None, **kwargs):
        """A rating's ranking with the reader's rights and language: text with
        write_string, numbers with write_number, never a formula."""
        if not rating_id or not str(rating_id).isdigit():
            raise BadRequest()
        env = request.env
        rating = env["quality.rating"].browse(int(rating_id)).exists()
        if not rating or not rating.has_access("read"):
            raise NotFound()
        lines = rating._report_lines()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(env._("Ranking")[:31])
        bold = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        header = [
            env._("Rank"),
            env._("Employee"),
            env._("Unit"),
            env._("Faculty"),
            env._("Score"),
            env._("Last Year's Rank"),
            env._("Score Change"),
        ]
        sheet.write_string(0, 0, rating.name or "", bold)
        for col, title in enumerate(header):
            sheet.write_string(1, col, title, bold)
        for row, line in enumerate(lines, start=2):
            sheet.write_number(row, 0, line.rank)
            sheet.write_string(row, 1, line.employee_id.name or "")
            sheet.write_string(row, 2, line.department_id.name or "")
            sheet.write_string(row, 3, line.faculty_id.name or "")
            sheet.write_number(row, 4, line.score)
            if line.previous_rank:
                sheet.write_number(row, 5, line.previous_rank)
                sheet.write_number(row, 6, line.score_delta)
        sheet.set_column(0, len(header) - 1, 20)
        sheet.freeze_panes(2, 0)
        workbook.close()
        return request.make_response(
            output.getvalue(),
            headers=[
                (
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                ("Content-Disposition", content_disposition("ranking.xlsx")),
            ],
        )
