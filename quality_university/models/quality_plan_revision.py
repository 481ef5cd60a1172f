import json

from odoo import api, fields, models


class QualityPlanRevision(models.Model):
    """An approved revision of the QMS development plan, kept when the plan changes."""

    _name = "quality.plan.revision"
    _description = "Revision of the QMS Development Plan"
    _order = "plan_id, revision desc"

    plan_id = fields.Many2one("quality.plan", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    revision = fields.Integer(readonly=True)
    approved_by_id = fields.Many2one("res.users", readonly=True)
    approval_date = fields.Date(readonly=True)
    reason = fields.Text(string="Reason for the Change", readonly=True)
    line_count = fields.Integer(string="Activities", readonly=True)
    lines_json = fields.Text(readonly=True)
    lines_text = fields.Text(string="Activities as Approved", compute="_compute_lines_text")

    @api.depends("lines_json")
    def _compute_lines_text(self):
        for revision in self:
            lines = json.loads(revision.lines_json or "[]")
            revision.lines_text = "\n".join(
                f"{line['deadline']} · {line['activity']} · {line['responsible']}" for line in lines
            )
