from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .survey_survey import STAKEHOLDERS


class QualitySurveyRateTarget(models.Model):
    _name = "quality.survey.rate.target"
    _description = "Response-Rate Target"
    _order = "stakeholder, id"
    _rec_name = "stakeholder"

    stakeholder = fields.Selection(STAKEHOLDERS, string="Stakeholder Group", required=True)
    target_rate = fields.Float(
        string="Target Response Rate (%)", required=True, default=50.0, aggregator="avg"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "stakeholder_company_unique",
            "unique(stakeholder, company_id)",
            "A stakeholder group has one response-rate target per company.",
        ),
    ]

    @api.constrains("target_rate")
    def _check_target_rate(self):
        for target in self:
            if not 0 < target.target_rate <= 100:
                raise ValidationError(
                    self.env._("A response-rate target lies between 0 and 100 %.")
                )
