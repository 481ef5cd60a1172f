from odoo import fields, models


class QualityTrainingCourse(models.Model):
    _name = "quality.training.course"
    _description = "Training or Certificate"
    _order = "sequence, name, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    validity_months = fields.Integer(
        string="Validity (months)",
        default=0,
        help="How long a completed training stays valid; 0 means it never expires.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    _sql_constraints = [
        (
            "validity_positive",
            "CHECK (validity_months >= 0)",
            "The validity of a training cannot be negative.",
        ),
    ]
