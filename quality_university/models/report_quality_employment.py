import io

import xlsxwriter

from odoo import api, fields, models


class ReportQualityEmployment(models.AbstractModel):
    """The yearly employment report of a graduating department for the Academic
    Council: the same figures for the PDF and the XLSX, in a fixed number of
    grouped queries whatever the number of graduates."""

    _name = "report.quality_university.employment_report_document"
    _description = "Yearly Graduate Employment Report"

    @api.model
    def _default_year(self):
        Report = self.env["quality.employment.report"]
        years = Report._read_group([], [], ["graduation_year:max"])
        return years[0][0] or fields.Date.today().year

    @api.model
    def _report_data(self, department, year):
        Report = self.env["quality.employment.report"]
        Employment = self.env["quality.graduate.employment"].sudo()
        final = Report._final_checkpoint()
        unit = Report._unit_domain(department)
        # this year's and last year's rows by programme and checkpoint in one query;
        # the totals are their sums
        rows = Report._figures(
            unit + [("graduation_year", "in", [year, year - 1])],
            ("graduation_year", "programme_id", "checkpoint_id"),
        )
        by_checkpoint = {year: {}, year - 1: {}}
        for (row_year, _programme, checkpoint), values in rows:
            by_checkpoint[row_year].setdefault(checkpoint, []).append(values)
        totals, last_year = (
            {
                checkpoint: Report._sum_figures(figures)
                for checkpoint, figures in by_checkpoint[key].items()
            }
            for key in (year, year - 1)
        )
        # the outcomes at the final checkpoint by status, salary band and reason at once
        statuses, salaries, reasons = {}, {}, {}
        for status, band, reason, count in Employment._read_group(
            unit + [("graduation_year", "=", year), ("checkpoint_id", "=", final.id)],
            ["status_id", "salary_band", "reason_id"],
            ["__count"],
        ):
            statuses[status] = statuses.get(status, 0) + count
            if band:
                salaries[band] = salaries.get(band, 0) + count
            if reason:
                reasons[reason] = reasons.get(reason, 0) + count
        final_total = totals.get(final, {})
        recorded = sum(statuses.values())
        bands = dict(Employment._fields["salary_band"]._description_selection(self.env))
        return {
            "department": department,
            "year": year,
            "final_checkpoint": final,
            "programme_rows": [
                {"programme": programme, "checkpoint": checkpoint, **values}
                for (_year, programme, checkpoint), values in sorted(
                    (row for row in rows if row[0][0] == year),
                    key=lambda r: (r[0][1].code, r[0][2].months),
                )
            ],
            "totals": [
                {
                    "checkpoint": checkpoint,
                    **values,
                    "last_year": last_year.get(checkpoint, {}),
                }
                for checkpoint, values in sorted(totals.items(), key=lambda r: r[0].months)
            ],
            "statuses": sorted(statuses.items(), key=lambda r: (r[0].sequence, r[0].id))
            + (
                [(None, final_total.get("graduate_count", 0) - recorded)]
                if final_total.get("graduate_count", 0) > recorded
                else []
            ),
            "salaries": [(bands[band], count) for band, count in sorted(salaries.items())],
            "reasons": sorted(reasons.items(), key=lambda r: (-r[1], r[0].sequence, r[0].id)),
        }

    @api.model
    def _xlsx_content(self, department, year):
        """The bytes of the XLSX report: the PDF's tables, a sheet each."""
        env = self.env
        data = self._report_data(department, year)
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
        return output.getvalue()

    @api.model
    def _get_report_values(self, docids, data=None):
        departments = self.env["hr.department"].browse(docids)
        year = int((data or {}).get("year") or self._default_year())
        return {
            "doc_ids": docids,
            "doc_model": "hr.department",
            "docs": departments,
            "year": year,
            "reports": {d.id: self._report_data(d, year) for d in departments},
        }
