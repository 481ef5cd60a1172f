import json

from odoo import api, fields, models
from odoo.exceptions import UserError

TOP = "quality_university.group_quality_top_management"
MANAGER = "quality_university.group_quality_manager"


class QualityPlan(models.Model):
    """The yearly QMS development plan (5.4.2): prepared by the MR, approved by the
    rector, revised during the year with every approved revision kept."""

    _name = "quality.plan"
    _description = "QMS Development Plan"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "quality.workflow.mixin",
        "quality.academic.year.mixin",
    ]
    _order = "year desc, id desc"
    _check_company_auto = True
    _quality_review_provider = True
    _workflow_fields = ("state", "approved_by_id", "approval_date", "revision")
    _workflow_locked_states = ("approved",)
    _workflow_lock_exempt = frozenset(
        {"message_main_attachment_id", "activity_ids", "message_follower_ids", "revision_reason"}
    )

    name = fields.Char(
        required=True,
        tracking=True,
        default=lambda self: self.env._("QMS development plan"),
    )
    prepared_by_id = fields.Many2one("res.users", default=lambda self: self.env.user, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted for Approval"), ("approved", "Approved")],
        default="draft",
        required=True,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    approval_date = fields.Date(readonly=True, tracking=True)
    revision = fields.Integer(readonly=True, default=0, tracking=True)
    revision_reason = fields.Text(help="Why the approved plan is being changed.")
    line_ids = fields.One2many("quality.plan.line", "plan_id", string="Plan Activities")
    revision_ids = fields.One2many(
        "quality.plan.revision", "plan_id", string="Revision History", readonly=True
    )
    completion_rate = fields.Float(
        string="Completion (%)", compute="_compute_completion_rate", aggregator="avg"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    _sql_constraints = [
        ("year_unique", "UNIQUE(company_id, year)", "There is one QMS development plan a year."),
    ]

    @api.depends("line_ids.state")
    def _compute_completion_rate(self):
        groups = self.env["quality.plan.line"]._read_group(
            [("plan_id", "in", self.ids), ("state", "!=", "cancelled")],
            ["plan_id", "state"],
            ["__count"],
        )
        totals, done = {}, {}
        for plan, state, count in groups:
            totals[plan] = totals.get(plan, 0) + count
            if state == "done":
                done[plan] = count
        for plan in self:
            total = totals.get(plan, 0)
            plan.completion_rate = round(100.0 * done.get(plan, 0) / total, 1) if total else 0.0

    # transitions ---------------------------------------------------------------

    def action_submit(self):
        """The MR submits the plan to the rector."""
        self._check_transition(from_states=("draft",), group=MANAGER)
        for plan in self:
            if not plan.line_ids:
                raise UserError(self.env._("Plan at least one activity first."))
        self._workflow_write({"state": "submitted"})
        rector = self.company_id.quality_rector_id.user_id
        if rector:
            for plan in self:
                plan.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=rector.id,
                    summary=self.env._("Approve the QMS development plan %(year)s", year=plan.year),
                )

    def action_approve(self):
        """The rector approves the plan."""
        self._check_transition(from_states=("submitted",), group=TOP)
        self._workflow_write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "approval_date": fields.Date.context_today(self),
            }
        )
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_return(self):
        """The rector returns the submitted plan to the MR."""
        self._check_transition(from_states=("submitted",), group=TOP)
        self._workflow_write({"state": "draft"})

    def action_revise(self):
        """Open a new revision of the approved plan; the approved one is kept."""
        self._check_transition(from_states=("approved",), group=MANAGER)
        for plan in self:
            if not (plan.revision_reason or "").strip():
                raise UserError(self.env._("Write why the plan is revised first."))
            snapshot = [
                {
                    "activity": line.name,
                    "responsible": line.responsible_id.name or "",
                    "unit": line.department_id.name or "",
                    "deadline": fields.Date.to_string(line.date_deadline),
                    "status": line.state,
                }
                for line in plan.line_ids
            ]
            self.env["quality.plan.revision"].sudo().create(
                {
                    "plan_id": plan.id,
                    "revision": plan.revision,
                    "approved_by_id": plan.approved_by_id.id,
                    "approval_date": plan.approval_date,
                    "reason": plan.revision_reason,
                    "line_count": len(plan.line_ids),
                    "lines_json": json.dumps(snapshot, ensure_ascii=False),
                }
            )
            plan._workflow_write(
                {
                    "state": "draft",
                    "approved_by_id": False,
                    "approval_date": False,
                    "revision": plan.revision + 1,
                }
            )

    # management review -------------------------------------------------------------

    @api.model
    def _quality_review_section(self, date_from, date_to, company):
        Line = self.env["quality.plan.line"].sudo()
        domain = [
            ("company_id", "=", company.id),
            ("date_deadline", ">=", date_from),
            ("date_deadline", "<=", date_to),
        ]
        counts = dict(Line._read_group(domain, ["state"], ["__count"]))
        overdue = Line.search_count(
            domain
            + [
                ("state", "in", ("planned", "in_progress")),
                ("date_deadline", "<", fields.Date.context_today(self)),
            ]
        )
        labels = dict(Line._fields["state"]._description_selection(self.env))
        planned = sum(count for state, count in counts.items() if state != "cancelled")
        done = counts.get("done", 0)
        lines = [{"label": self.env._("Planned activities"), "value": planned, "unit": ""}]
        lines += [
            {"label": labels[state], "value": counts.get(state, 0), "unit": ""}
            for state in ("done", "in_progress", "planned", "cancelled")
        ]
        lines += [
            {"label": self.env._("Overdue"), "value": overdue, "unit": ""},
            {
                "label": self.env._("Execution of the plan"),
                "value": round(100.0 * done / planned, 1) if planned else 0.0,
                "unit": "%",
            },
        ]
        return {
            "key": "qms_plan",
            "title": self.env._("QMS development plan execution"),
            "sequence": 10,
            "lines": lines,
            "note": "",
        }
