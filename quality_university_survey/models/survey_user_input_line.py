from odoo import models, tools


class SurveyUserInputLine(models.Model):
    _inherit = "survey.user_input.line"

    def init(self):
        res = super().init()
        # Detailed Answers of a survey, in their default order (question_sequence, id):
        # the first page without sorting every answer of the survey
        tools.create_index(
            self.env.cr,
            "survey_user_input_line_survey_order_idx",
            self._table,
            ["survey_id", "question_sequence", "id"],
        )
        return res
