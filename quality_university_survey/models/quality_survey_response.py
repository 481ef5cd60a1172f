from odoo import fields, models, tools
from odoo.tools import SQL

from .survey_survey import STAKEHOLDERS


class QualitySurveyResponse(models.Model):
    """Invited, answered and response rate per campaign × unit, next to the target of
    the stakeholder group."""

    _name = "quality.survey.response"
    _description = "Survey Response Rate"
    _auto = False
    _order = "academic_year desc, campaign_id, department_id"
    _rec_name = "department_id"
    _depends = {
        "survey.user_input": [
            "quality_campaign_id",
            "quality_department_id",
            "state",
            "test_entry",
        ],
        "quality.survey.campaign": [
            "academic_year",
            "stakeholder",
            "company_id",
            "date_end",
        ],
        "quality.survey.rate.target": ["stakeholder", "target_rate", "company_id"],
    }

    campaign_id = fields.Many2one("quality.survey.campaign", readonly=True)
    academic_year = fields.Char(readonly=True)
    stakeholder = fields.Selection(STAKEHOLDERS, string="Stakeholder Group", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date = fields.Date(string="Campaign Closes On", readonly=True)
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    invited_count = fields.Integer(string="Invited", readonly=True)
    answered_count = fields.Integer(string="Answered", readonly=True)
    response_rate = fields.Float(
        string="Response Rate (%)", readonly=True, aggregator="avg", digits=(16, 1)
    )
    target_rate = fields.Float(
        string="Target Response Rate (%)", readonly=True, aggregator="max", digits=(16, 1)
    )
    target_reached = fields.Boolean(readonly=True)

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
            SELECT min(ui.id) AS id,
                   ui.quality_campaign_id AS campaign_id,
                   c.academic_year,
                   c.stakeholder,
                   c.company_id,
                   c.date_end AS date,
                   ui.quality_department_id AS department_id,
                   count(*) AS invited_count,
                   count(*) FILTER (WHERE ui.state = 'done') AS answered_count,
                   100.0 * count(*) FILTER (WHERE ui.state = 'done') / count(*)
                       AS response_rate,
                   coalesce(t.target_rate, 0) AS target_rate,
                   100.0 * count(*) FILTER (WHERE ui.state = 'done') / count(*)
                       >= coalesce(t.target_rate, 0) AS target_reached
              FROM survey_user_input ui
              JOIN quality_survey_campaign c ON c.id = ui.quality_campaign_id
              LEFT JOIN quality_survey_rate_target t ON t.stakeholder = c.stakeholder
                                                    AND t.company_id = c.company_id
             WHERE ui.test_entry IS NOT TRUE
             GROUP BY ui.quality_campaign_id, c.academic_year, c.stakeholder, c.company_id,
                      c.date_end, ui.quality_department_id, t.target_rate
        """
