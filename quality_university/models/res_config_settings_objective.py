from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    quality_objective_on_track_percent = fields.Float(
        related="company_id.quality_objective_on_track_percent", readonly=False
    )
    quality_objective_at_risk_percent = fields.Float(
        related="company_id.quality_objective_at_risk_percent", readonly=False
    )
