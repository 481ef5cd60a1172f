import io

import xlsxwriter

from odoo import fields
from odoo.http import content_disposition, request


def xlsx_response(filename, sheet_name, header, rows):
    """An XLSX file of one sheet: a bold header row, then the rows, filterable."""
    return request.make_response(
        xlsx_content(sheet_name, header, rows),
        headers=[
            (
                "Content-Type",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            ("Content-Disposition", content_disposition(filename)),
        ],
    )


def xlsx_content(sheet_name, header, rows):
    """The bytes of that file."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet(sheet_name[:31])
    bold = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
    date_format = workbook.add_format({"num_format": "dd.mm.yyyy"})
    for col, title in enumerate(header):
        sheet.write_string(0, col, str(title), bold)
    for row_index, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if hasattr(value, "isoformat"):
                sheet.write_datetime(
                    row_index, col, fields.Datetime.to_datetime(value), date_format
                )
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                sheet.write_number(row_index, col, value)
            elif value in (False, None):
                sheet.write_blank(row_index, col, None)
            else:
                # text stays text: never a formula (=...), a link or a number
                sheet.write_string(row_index, col, str(value))
    sheet.autofilter(0, 0, max(len(rows), 1), len(header) - 1)
    sheet.freeze_panes(1, 0)
    sheet.set_column(0, len(header) - 1, 20)
    workbook.close()
    return output.getvalue()
