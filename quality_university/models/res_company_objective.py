from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    quality_objective_on_track_percent = fields.Float(
        string="Objective On Track From (%)",
        default=100.0,
        help="An objective whose progress from baseline to target reaches this share is on track.",
    )
    quality_objective_at_risk_percent = fields.Float(
        string="Objective At Risk From (%)",
        default=80.0,
        help="Below the on-track share but at least this share: at risk. Below it: missed.",
    )
