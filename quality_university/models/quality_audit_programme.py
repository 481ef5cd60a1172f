from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class QualityAuditProgramme(models.Model):
    _name = "quality.audit.programme"
    _description = "Internal Audit Programme"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    year = fields.Char(required=True, help="Academic year, e.g. 2026/2027.")
    date_start = fields.Date(required=True)
    date_end = fields.Date(required=True)
    objectives = fields.Html()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    approval_date = fields.Date(readonly=True, tracking=True)
    line_ids = fields.One2many(
        "quality.audit.programme.line", "programme_id", string="Planned Audits"
    )
    audit_ids = fields.One2many("quality.audit", "programme_id", string="Audits")
    audit_count = fields.Integer(compute="_compute_audit_count")

    _sql_constraints = [
        ("dates_check", "CHECK(date_start <= date_end)", "The programme must end after it starts."),
    ]

    @api.depends("audit_ids")
    def _compute_audit_count(self):
        for programme in self:
            programme.audit_count = len(programme.audit_ids)

    def action_approve(self):
        self._check_programme_approver()
        for programme in self:
            if programme.state != "draft":
                raise UserError(self.env._("Only a draft programme can be approved."))
            if not programme.line_ids:
                raise UserError(self.env._("Plan at least one audit before approval."))
        self.write(
            {
                "state": "approved",
                "approved_by_id": self.env.user.id,
                "approval_date": fields.Date.context_today(self),
            }
        )

    def _check_programme_approver(self):
        """8.2.2: the rector approves the audit programme, or the delegate the
        quality settings name — not any member of top management."""
        if self.env.su:
            return
        for programme in self:
            company = programme.company_id.sudo()
            approvers = company.quality_rector_id.user_id | company.quality_programme_approver_id
            if self.env.user not in approvers:
                raise AccessError(
                    self.env._(
                        "The audit programme is approved by the rector or the approver "
                        "delegate named in the quality settings."
                    )
                )

    def action_close(self):
        self.write({"state": "closed"})

    def action_reset_draft(self):
        self.write({"state": "draft", "approved_by_id": False, "approval_date": False})

    def action_create_audits(self):
        """Create the planned audits of the approved programme not created yet."""
        for programme in self:
            if programme.state != "approved":
                raise UserError(self.env._("Approve the programme first."))
            programme.line_ids.filtered(lambda line: not line.audit_id)._create_audit()
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(programme.state != "draft" for programme in self):
            raise UserError(self.env._("Only a draft audit programme can be deleted."))
