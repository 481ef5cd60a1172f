from odoo import fields, models


class QualityAction(models.Model):
    _inherit = "quality.action"

    survey_campaign_id = fields.Many2one(
        "quality.survey.campaign",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
    )
    survey_category_id = fields.Many2one("quality.survey.category", readonly=True)
    survey_index = fields.Float(string="Satisfaction Index", readonly=True, digits=(16, 1))

    def init(self):
        res = super().init()
        # one action per campaign, category and unit, whatever runs the analysis
        self.env.cr.execute(
            """CREATE UNIQUE INDEX IF NOT EXISTS quality_action_survey_threshold_uniq
                   ON quality_action (survey_campaign_id, survey_category_id, department_id)
                WHERE survey_campaign_id IS NOT NULL"""
        )
        return res
