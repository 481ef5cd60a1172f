from odoo import fields, models


class QualityEmploymentReason(models.Model):
    _name = "quality.employment.reason"
    _description = "Reason for Non-employment"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
