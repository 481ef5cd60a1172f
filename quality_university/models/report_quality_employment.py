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
        unit = [("department_id", "child_of", department.ids)]
        cohort = unit + [("graduation_year", "=", year)]
        by_programme = Report._figures(cohort, ("programme_id", "checkpoint_id"))
        totals = Report._figures(cohort, ("checkpoint_id",))
        last_year = {
            keys[0]: values
            for keys, values in Report._figures(
                unit + [("graduation_year", "=", year - 1)], ("checkpoint_id",)
            )
        }
        outcome = cohort + [("checkpoint_id", "=", final.id)]
        statuses = Employment._read_group(outcome, ["status_id"], ["__count"])
        salaries = Employment._read_group(
            outcome + [("salary_band", "!=", False)], ["salary_band"], ["__count"]
        )
        reasons = Employment._read_group(
            outcome + [("reason_id", "!=", False)], ["reason_id"], ["__count"]
        )
        final_total = next((v for k, v in totals if k[0] == final), {})
        recorded = sum(count for _status, count in statuses)
        bands = dict(Employment._fields["salary_band"]._description_selection(self.env))
        return {
            "department": department,
            "year": year,
            "final_checkpoint": final,
            "programme_rows": [
                {"programme": keys[0], "checkpoint": keys[1], **values}
                for keys, values in sorted(
                    by_programme, key=lambda r: (r[0][0].code, r[0][1].months)
                )
            ],
            "totals": [
                {
                    "checkpoint": keys[0],
                    **values,
                    "last_year": last_year.get(keys[0], {}),
                }
                for keys, values in sorted(totals, key=lambda r: r[0][0].months)
            ],
            "statuses": sorted(statuses, key=lambda r: r[0].sequence)
            + (
                [(None, final_total.get("graduate_count", 0) - recorded)]
                if final_total.get("graduate_count", 0) > recorded
                else []
            ),
            "salaries": [(bands[band], count) for band, count in sorted(salaries)],
            "reasons": sorted(reasons, key=lambda r: -r[1]),
        }

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
