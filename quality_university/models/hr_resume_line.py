from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


class HrResumeLine(models.Model):
    _inherit = "hr.resume.line"

    date_start = fields.Date(default=fields.Date.context_today)
    quality_course_id = fields.Many2one(
        "quality.training.course", string="Training or Certificate", index=True
    )
    quality_hours = fields.Float(string="Hours")
    quality_provider = fields.Char(string="Provider")
    quality_certificate = fields.Binary(string="Certificate", attachment=True)
    quality_certificate_name = fields.Char(string="Certificate File Name")
    quality_compliance_state = fields.Selection(
        related="employee_id.quality_compliance_state", string="Employee's Compliance"
    )

    @api.constrains("quality_hours")
    def _check_quality_hours(self):
        for line in self:
            if line.quality_hours < 0:
                raise ValidationError(self.env._("Training hours cannot be negative."))

    @api.model_create_multi
    def create(self, vals_list):
        types = self.env["hr.resume.line.type"].browse(
            [vals["line_type_id"] for vals in vals_list if vals.get("line_type_id")]
        )
        if types.filtered("quality_hr_only"):
            self._check_quality_hr()
        return super().create(vals_list)

    def write(self, vals):
        if self.line_type_id.filtered("quality_hr_only") or (
            vals.get("line_type_id")
            and self.env["hr.resume.line.type"].browse(vals["line_type_id"]).quality_hr_only
        ):
            self._check_quality_hr()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_recorded_by_hr(self):
        if self.line_type_id.filtered("quality_hr_only"):
            self._check_quality_hr()

    def _check_quality_hr(self):
        if not self.env.su and not self.env.user.has_group("hr.group_hr_user"):
            raise AccessError(
                self.env._(
                    "Trainings and certificates are recorded by HR; ask the HR office to "
                    "add or correct them."
                )
            )
