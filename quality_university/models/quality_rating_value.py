from odoo import api, fields, models
from odoo.exceptions import UserError


class QualityRatingValue(models.Model):
    _name = "quality.rating.value"
    _description = "Rating Indicator Value"
    _inherit = ["quality.workflow.mixin"]
    _order = "line_id, indicator_id"
    _workflow_parent_field = "rating_id"
    _workflow_fields = ()
    _rec_name = "indicator_id"

    rating_id = fields.Many2one("quality.rating", required=True, ondelete="cascade", index=True)
    state = fields.Selection(related="rating_id.state")
    line_id = fields.Many2one("quality.rating.line", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one("res.company", required=True, index=True)
    indicator_id = fields.Many2one(
        "quality.rating.indicator", required=True, ondelete="cascade", index=True
    )
    category = fields.Selection(related="indicator_id.category")
    source = fields.Selection(related="indicator_id.source")
    weight = fields.Float(related="indicator_id.weight")
    value = fields.Float(digits=(16, 4), default=0.0)
    normalised = fields.Float(digits=(16, 4), readonly=True)
    weighted = fields.Float(string="Points", digits=(16, 4), readonly=True)

    _sql_constraints = [
        (
            "line_indicator_unique",
            "UNIQUE (line_id, indicator_id)",
            "An indicator has one value per rated person or unit.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        if not self._in_transition():
            raise UserError(self.env._("Rating values are created when the rating is computed."))
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - {"value"}:
            raise UserError(self.env._("Only an entered value can be changed."))
        if self.filtered(lambda v: v.indicator_id.source != "manual"):
            raise UserError(
                self.env._("This value is computed from live data and cannot be entered.")
            )
        if vals.get("value", 0) < 0:
            raise UserError(self.env._("An indicator's value cannot be negative."))
        return super().write(vals)
