from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

TOP = "quality_university.group_quality_top_management"
MANAGER = "quality_university.group_quality_manager"


class QualityAuditProgramme(models.Model):
    _name = "quality.audit.programme"
    _description = "Internal Audit Programme"
    _inherit = ["quality.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _workflow_fields = ("state", "approved_by_id", "approval_date")
    _workflow_locked_states = ("approved", "closed")

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
        readonly=True,
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
        """Approve the programme (top management)."""
        self._check_transition(from_states=("draft",), group=TOP)
        self._check_programme_approver()
        for programme in self:
            if not programme.line_ids:
                raise UserError(self.env._("Plan at least one audit before approval."))
        self._workflow_write(
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
        self._check_transition(from_states=("approved",), group=MANAGER)
        self._workflow_write({"state": "closed"})

    def action_reset_draft(self):
        """Reopen an approved programme: only top management, who approved it."""
        self._check_transition(from_states=("approved",), group=TOP)
        self._workflow_write({"state": "draft", "approved_by_id": False, "approval_date": False})

    def action_create_audits(self):
        """Create the planned audits of the approved programme not created yet."""
        self._check_transition(from_states=("approved",), group=MANAGER)
        self.line_ids.filtered(lambda line: not line.audit_id)._create_audit()
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(programme.state != "draft" for programme in self):
            raise UserError(self.env._("Only a draft audit programme can be deleted."))
