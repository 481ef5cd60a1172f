from odoo import fields, models


class QualitySurveyCategory(models.Model):
    _name = "quality.survey.category"
    _description = "Survey Question Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "The code of a question category must be unique."),
    ]
