import io

import xlsxwriter

from odoo import http
from odoo.http import content_disposition, request


class QualityNonconformityXlsx(http.Controller):
    @http.route("/quality_university/nonconformity_register.xlsx", type="http", auth="user")
    def nonconformity_register(self, **kwargs):
        """The nonconformity register the user may read, one row per nonconformity."""
        env = request.env
        records = env["quality.nonconformity"].search([], order="date, id")
        headers = [
            env._("Code"),
            env._("Detected On"),
            env._("Source"),
            env._("Unit"),
            env._("Process"),
            env._("Requirement"),
            env._("Description"),
            env._("Severity"),
            env._("Stage"),
            env._("Repeated"),
            env._("Actions"),
        ]
        sources = dict(records._fields["source"]._description_selection(env))
        severities = dict(records._fields["severity"]._description_selection(env))
        states = dict(records._fields["state"]._description_selection(env))
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(env._("Nonconformities"))
        bold = workbook.add_format({"bold": True})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        sheet.write_row(0, 0, headers, bold)
        for row, nc in enumerate(records, start=1):
            sheet.write(row, 0, nc.name)
            sheet.write_datetime(row, 1, nc.date, date_format)
            sheet.write(row, 2, sources.get(nc.source, ""))
            sheet.write(row, 3, nc.department_id.name or "")
            sheet.write(row, 4, nc.process_id.display_name or "")
            sheet.write(row, 5, nc.criterion_id.display_name or "")
            sheet.write(row, 6, nc.description or "")
            sheet.write(row, 7, severities.get(nc.severity, ""))
            sheet.write(row, 8, states.get(nc.state, ""))
            sheet.write(row, 9, env._("Yes") if nc.repeated else "")
            sheet.write(row, 10, len(nc.action_ids))
        sheet.set_column(0, 10, 18)
        workbook.close()
        return request.make_response(
            output.getvalue(),
            headers=[
                (
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                ("Content-Disposition", content_disposition("nonconformity_register.xlsx")),
            ],
        )
