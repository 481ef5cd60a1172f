from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QualityObjectiveValue(models.Model):
    _name = "quality.objective.value"
    _description = "Measured Value of a Quality Objective"
    _order = "objective_id, date desc, id desc"
    _check_company_auto = True

    objective_id = fields.Many2one(
        "quality.objective", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="objective_id.company_id", store=True)
    department_id = fields.Many2one(related="objective_id.department_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    value = fields.Float(required=True)
    source = fields.Selection(
        [("manual", "Typed in"), ("computed", "Computed from live data")],
        required=True,
        default="manual",
        readonly=True,
    )
    note = fields.Char()

    @api.constrains("value")
    def _check_value(self):
        for line in self:
            if line.value < 0:
                raise ValidationError(self.env._("A measured value cannot be negative."))
