from odoo import api, fields, models, tools
from odoo.tools import SQL

from .survey_survey import STAKEHOLDERS


class QualitySurveyResult(models.Model):
    """Satisfaction index per campaign × category × unit × question.

    The index of a question is the mean of its scale answers normalised to 0-100:
    (value - min) / (max - min) × 100, i.e. (v - 1) / 4 × 100 on a 1-5 scale. A unit
    with fewer respondents than the campaign's minimum group size keeps its rows (so
    reports can say "too few responses") but its index is NULL everywhere.
    Aggregated indices (per category, unit, campaign) are the mean of the question
    indices shown, the pivot's own average. No column names a respondent.
    """

    _name = "quality.survey.result"
    _description = "Satisfaction Index"
    _auto = False
    _order = "academic_year desc, campaign_id, category_id, department_id, question_id"
    _rec_name = "question_id"

    # contracts with the management review and the quality objectives (issue 12)
    _quality_review_provider = True
    _quality_indicator_provider = True
    # what the view reads: pending writes to these are flushed before it is queried
    _depends = {
        "survey.user_input": [
            "quality_campaign_id",
            "quality_department_id",
            "state",
            "test_entry",
        ],
        "survey.user_input.line": [
            "user_input_id",
            "question_id",
            "value_scale",
            "answer_type",
            "skipped",
        ],
        "survey.question": ["scale_min", "scale_max", "quality_category_id"],
        "quality.survey.campaign": [
            "academic_year",
            "stakeholder",
            "survey_id",
            "company_id",
            "date_end",
            "min_group_size",
        ],
    }

    campaign_id = fields.Many2one("quality.survey.campaign", readonly=True)
    academic_year = fields.Char(readonly=True)
    stakeholder = fields.Selection(STAKEHOLDERS, string="Stakeholder Group", readonly=True)
    survey_id = fields.Many2one("survey.survey", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date = fields.Date(string="Campaign Closes On", readonly=True)
    category_id = fields.Many2one("quality.survey.category", readonly=True)
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    question_id = fields.Many2one("survey.question", readonly=True)
    respondent_count = fields.Integer(string="Respondents", readonly=True, aggregator="max")
    answer_count = fields.Integer(string="Answers", readonly=True)
    satisfaction_index = fields.Float(readonly=True, aggregator="avg", digits=(16, 1))
    visibility = fields.Selection(
        [("shown", "Shown"), ("too_few", "Too few responses")],
        readonly=True,
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                SQL(self._view_query()),
            )
        )

    def _view_query(self):
        return """
            WITH respondents AS (
                SELECT ui.quality_campaign_id AS campaign_id,
                       ui.quality_department_id AS department_id,
                       count(*) AS respondent_count
                  FROM survey_user_input ui
                 WHERE ui.quality_campaign_id IS NOT NULL
                   AND ui.state = 'done'
                   AND ui.test_entry IS NOT TRUE
                 GROUP BY ui.quality_campaign_id, ui.quality_department_id
            ), scores AS (
                SELECT ui.quality_campaign_id AS campaign_id,
                       ui.quality_department_id AS department_id,
                       line.question_id,
                       min(line.id) AS id,
                       count(*) AS answer_count,
                       avg((line.value_scale - q.scale_min) * 100.0
                           / (q.scale_max - q.scale_min)) AS mean
                  FROM survey_user_input_line line
                  JOIN survey_user_input ui ON ui.id = line.user_input_id
                  JOIN survey_question q ON q.id = line.question_id
                 WHERE ui.quality_campaign_id IS NOT NULL
                   AND ui.state = 'done'
                   AND ui.test_entry IS NOT TRUE
                   AND line.answer_type = 'scale'
                   AND line.skipped IS NOT TRUE
                   AND q.scale_max > q.scale_min
                 GROUP BY ui.quality_campaign_id, ui.quality_department_id, line.question_id
            )
            SELECT s.id,
                   s.campaign_id,
                   c.academic_year,
                   c.stakeholder,
                   c.survey_id,
                   c.company_id,
                   c.date_end AS date,
                   q.quality_category_id AS category_id,
                   s.department_id,
                   s.question_id,
                   r.respondent_count,
                   s.answer_count,
                   CASE WHEN r.respondent_count >= c.min_group_size THEN s.mean END
                       AS satisfaction_index,
                   CASE WHEN r.respondent_count >= c.min_group_size THEN 'shown'
                        ELSE 'too_few' END AS visibility
              FROM scores s
              JOIN quality_survey_campaign c ON c.id = s.campaign_id
              JOIN survey_question q ON q.id = s.question_id
              JOIN respondents r ON r.campaign_id = s.campaign_id
                                AND r.department_id IS NOT DISTINCT FROM s.department_id
        """

    # management review (issue 12) --------------------------------------------------

    @api.model
    def _quality_review_section(self, date_from, date_to, company):
        """Stakeholder satisfaction: index and response rate of every campaign closing
        in the period, with the response-rate target. Three grouped queries."""
        domain = [
            ("date", ">=", date_from),
            ("date", "<=", date_to),
            ("company_id", "=", company.id),
        ]
        indices = dict(
            self.sudo()._read_group(
                [*domain, ("visibility", "=", "shown")],
                ["campaign_id"],
                ["satisfaction_index:avg"],
            )
        )
        responses = {
            campaign: (invited, answered)
            for campaign, invited, answered in self.env["quality.survey.response"]
            .sudo()
            ._read_group(domain, ["campaign_id"], ["invited_count:sum", "answered_count:sum"])
        }
        campaigns = (
            self.env["quality.survey.campaign"]
            .sudo()
            .browse({c.id for c in indices} | {c.id for c in responses})
        ).sorted(lambda c: (c.academic_year, c.stakeholder, c.id))
        below = dict(
            self.env["quality.action"]
            .sudo()
            ._read_group(
                [("survey_campaign_id", "in", campaigns.ids)], ["survey_campaign_id"], ["__count"]
            )
        )
        below_nc = dict(
            self.env["quality.nonconformity"]
            .sudo()
            ._read_group(
                [("survey_campaign_id", "in", campaigns.ids)], ["survey_campaign_id"], ["__count"]
            )
        )
        lines = []
        for campaign in campaigns:
            index = indices.get(campaign)
            invited, answered = responses.get(campaign, (0, 0))
            lines.append(
                {
                    "label": self.env._("%(campaign)s: satisfaction index", campaign=campaign.name),
                    "value": round(index, 1)
                    if index is not None
                    else self.env._("too few responses"),
                    "unit": "/100" if index is not None else "",
                }
            )
            lines.append(
                {
                    "label": self.env._(
                        "%(campaign)s: response rate (target %(target).0f %%)",
                        campaign=campaign.name,
                        target=campaign.response_rate_target,
                    ),
                    "value": round(100.0 * answered / invited, 1) if invited else 0.0,
                    "unit": "%",
                }
            )
            lines.append(
                {
                    "label": self.env._(
                        "%(campaign)s: categories below the threshold", campaign=campaign.name
                    ),
                    "value": below.get(campaign, 0) + below_nc.get(campaign, 0),
                    "unit": "",
                }
            )
        return {
            "key": "stakeholder_satisfaction",
            "title": self.env._("Stakeholder satisfaction"),
            "sequence": 20,
            "lines": lines,
            "note": self.env._(
                "Satisfaction index: mean of scale answers normalised to 0-100; units with "
                "fewer respondents than the minimum group size are left out."
            ),
        }

    # quality objectives (issue 12) ------------------------------------------------

    @api.model
    def _quality_indicators(self):
        return [("satisfaction_index", self.env._("Stakeholder satisfaction index (0-100)"))]

    @api.model
    def _quality_indicator_value(self, code, date_from, date_to, department):
        if code != "satisfaction_index":
            return None
        domain = [
            ("date", ">=", date_from),
            ("date", "<=", date_to),
            ("visibility", "=", "shown"),
        ]
        if department:
            domain.append(("department_id", "child_of", department.ids))
        [(index,)] = self.sudo()._read_group(domain, [], ["satisfaction_index:avg"])
        return None if index is False or index is None else index
