from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QualityEmploymentCheckpoint(models.Model):
    _name = "quality.employment.checkpoint"
    _description = "Employment Checkpoint"
    _order = "months, id"

    name = fields.Char(required=True, translate=True)
    months = fields.Integer(
        string="Months After Graduation",
        required=True,
        help="When the outcome is taken: 0 at graduation, 6 or 12 months after.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("months_unique", "unique(months)", "Two checkpoints cannot fall on the same month."),
    ]

    @api.constrains("months")
    def _check_months(self):
        if any(checkpoint.months < 0 for checkpoint in self):
            raise ValidationError(self.env._("A checkpoint cannot come before graduation."))
