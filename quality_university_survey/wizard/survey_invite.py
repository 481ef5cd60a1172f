from odoo import models


class SurveyInvite(models.TransientModel):
    _inherit = "survey.invite"

    def _get_answers_values(self):
        values = super()._get_answers_values()
        values.update(self.env["survey.user_input"]._quality_campaign_answer_values())
        return values
