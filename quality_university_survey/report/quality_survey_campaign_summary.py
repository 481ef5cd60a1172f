from odoo import api, models


class QualitySurveyCampaignSummary(models.AbstractModel):
    _name = "report.quality_university_survey.campaign_summary_document"
    _description = "Survey Campaign Summary for the Academic Council"

    @api.model
    def _get_report_values(self, docids, data=None):
        campaigns = self.env["quality.survey.campaign"].browse(docids)
        campaigns.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "quality.survey.campaign",
            "docs": campaigns,
            "summaries": {c.id: c._summary_data() for c in campaigns},
        }
