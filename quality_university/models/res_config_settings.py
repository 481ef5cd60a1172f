from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    quality_rector_id = fields.Many2one(related="company_id.quality_rector_id", readonly=False)
    quality_representative_id = fields.Many2one(
        related="company_id.quality_representative_id", readonly=False
    )
    quality_nc_recurrence_days = fields.Integer(
        related="company_id.quality_nc_recurrence_days", readonly=False
    )

    quality_objective_on_track_percent = fields.Float(
        related="company_id.quality_objective_on_track_percent", readonly=False
    )
    quality_objective_at_risk_percent = fields.Float(
        related="company_id.quality_objective_at_risk_percent", readonly=False
    )
