from odoo import models


class QualityAction(models.Model):
    _name = "quality.action"
    _inherit = ["quality.action", "quality.survey.threshold.mixin"]
