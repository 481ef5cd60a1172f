from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    quality_survey_min_group_size = fields.Integer(
        related="company_id.quality_survey_min_group_size", readonly=False
    )
    quality_survey_threshold = fields.Float(
        related="company_id.quality_survey_threshold", readonly=False
    )
