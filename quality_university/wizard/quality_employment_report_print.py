from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QualityEmploymentReportPrint(models.TransientModel):
    _name = "quality.employment.report.print"
    _description = "Print the Yearly Employment Report"

    department_id = fields.Many2one("hr.department", string="Graduating Department", required=True)
    year = fields.Integer(
        string="Graduation Year",
        required=True,
        default=lambda self: self.env[
            "report.quality_university.employment_report_document"
        ]._default_year(),
    )

    @api.constrains("year")
    def _check_year(self):
        if any(not 1950 <= wizard.year <= 2200 for wizard in self):
            raise ValidationError(self.env._("Choose a graduation year."))

    def action_print_pdf(self):
        self.ensure_one()
        return self.env.ref("quality_university.quality_employment_report_pdf").report_action(
            self.department_id, data={"year": self.year}
        )

    def action_export_xlsx(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": "/quality_university/employment_report.xlsx"
            f"?department_id={self.department_id.id}&year={self.year}",
            "target": "download",
        }
