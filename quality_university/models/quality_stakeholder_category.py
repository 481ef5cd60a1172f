from odoo import fields, models


class QualityStakeholderCategory(models.Model):
    """A group of interested parties named by the manual (5.2)."""

    _name = "quality.stakeholder.category"
    _description = "Stakeholder Category"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    partner_ids = fields.Many2many(
        "res.partner",
        "quality_stakeholder_category_partner_rel",
        "category_id",
        "partner_id",
        string="Stakeholders",
    )
    active = fields.Boolean(default=True)
