from odoo import fields, models

RATING_TYPES = [("employee", "Teaching Staff"), ("department", "Departments (kafedras)")]


class QualityRatingIndicatorSet(models.Model):
    _name = "quality.rating.indicator.set"
    _description = "Rating Indicator Set"
    _order = "rating_type, name, id"

    name = fields.Char(required=True, translate=True)
    rating_type = fields.Selection(RATING_TYPES, string="Rated", required=True, default="employee")
    indicator_ids = fields.One2many("quality.rating.indicator", "set_id", string="Indicators")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
