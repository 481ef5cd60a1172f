from odoo import fields, models


class QualityNonconformity(models.Model):
    """The complaint a nonconformity was opened from (source: complaint)."""

    _inherit = "quality.nonconformity"

    complaint_id = fields.Many2one(
        "quality.complaint", string="From Complaint", readonly=True, index=True, copy=False
    )

    def action_open_complaint(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "quality.complaint",
            "res_id": self.complaint_id.id,
            "view_mode": "form",
        }
