from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    quality_rector_id = fields.Many2one(related="company_id.quality_rector_id", readonly=False)
    quality_representative_id = fields.Many2one(
        related="company_id.quality_representative_id", readonly=False
    )
    quality_nc_recurrence_days = fields.Integer(
        related="company_id.quality_nc_recurrence_days", readonly=False
    )

    quality_objective_on_track_percent = fields.Float(
        related="company_id.quality_objective_on_track_percent", readonly=False
    )
    quality_objective_at_risk_percent = fields.Float(
        related="company_id.quality_objective_at_risk_percent", readonly=False
    )
    quality_document_review_by = fields.Selection(
        related="company_id.quality_document_review_by", readonly=False
    )
    quality_programme_approver_id = fields.Many2one(
        related="company_id.quality_programme_approver_id", readonly=False
    )
    quality_auditor_line_type_id = fields.Many2one(
        related="company_id.quality_auditor_line_type_id", readonly=False
    )
    quality_auditor_validity_months = fields.Integer(
        related="company_id.quality_auditor_validity_months", readonly=False
    )
    quality_assessment_notice_days = fields.Integer(
        related="company_id.quality_assessment_notice_days", readonly=False
    )
