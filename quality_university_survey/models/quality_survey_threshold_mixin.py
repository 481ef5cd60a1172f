from odoo import fields, models
from odoo.tools import SQL


class QualitySurveyThresholdMixin(models.AbstractModel):
    """What a record opened by a satisfaction index under its threshold keeps of it:
    the campaign, the category and the index. At most one record of a model per
    campaign, category and unit, whatever runs the analysis."""

    _name = "quality.survey.threshold.mixin"
    _description = "Opened by a Satisfaction Index"

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
        if not self._abstract:
            self.env.cr.execute(
                SQL(
                    "CREATE UNIQUE INDEX IF NOT EXISTS %s ON %s "
                    "(survey_campaign_id, survey_category_id, department_id) "
                    "WHERE survey_campaign_id IS NOT NULL",
                    SQL.identifier(f"{self._table}_survey_threshold_uniq"),
                    SQL.identifier(self._table),
                )
            )
        return res
