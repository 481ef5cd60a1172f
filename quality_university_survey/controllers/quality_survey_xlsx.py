from werkzeug.exceptions import BadRequest, Forbidden, NotFound

from odoo import http
from odoo.addons.quality_university.controllers.xlsx import xlsx_response
from odoo.exceptions import AccessError
from odoo.http import request


class QualitySurveyXlsx(http.Controller):
    def _campaign(self, campaign_id):
        try:
            campaign_id = int(campaign_id)
        except (TypeError, ValueError) as error:
            raise BadRequest() from error
        if campaign_id <= 0:
            raise BadRequest()
        campaign = request.env["quality.survey.campaign"].browse(campaign_id).exists()
        if not campaign:
            raise NotFound()
        try:
            campaign.check_access("read")
        except AccessError as error:
            raise Forbidden() from error
        return campaign

    @http.route(
        "/quality_university_survey/campaign/<campaign_id>/indices.xlsx",
        type="http",
        auth="user",
        readonly=True,
    )
    def campaign_indices(self, campaign_id, **kwargs):
        """Satisfaction index per category × unit × question, as the reader may see it."""
        campaign = self._campaign(campaign_id)
        header, rows = campaign._indices_rows()
        return xlsx_response(
            f"survey_indices_{campaign.id}.xlsx", request.env._("Indices"), header, rows
        )

    @http.route(
        "/quality_university_survey/campaign/<campaign_id>/answers.xlsx",
        type="http",
        auth="user",
        readonly=True,
    )
    def campaign_answers(self, campaign_id, **kwargs):
        """Anonymised answers, for the quality office only."""
        campaign = self._campaign(campaign_id)
        try:
            header, rows = campaign._answers_rows()
        except AccessError as error:
            raise Forbidden() from error
        return xlsx_response(
            f"survey_answers_{campaign.id}.xlsx", request.env._("Answers"), header, rows
        )
