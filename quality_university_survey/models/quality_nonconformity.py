from odoo import models


class QualityNonconformity(models.Model):
    _name = "quality.nonconformity"
    _inherit = ["quality.nonconformity", "quality.survey.threshold.mixin"]
