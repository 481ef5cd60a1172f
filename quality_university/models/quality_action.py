from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.sql import create_index

OFFICER = "quality_university.group_quality_officer"


class QualityAction(models.Model):
    _name = "quality.action"
    _description = "Corrective / Preventive Action"
    _inherit = ["quality.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_deadline, id"
    _check_company_auto = True
    _workflow_fields = (
        "state",
        "date_done",
        "verification_date",
        "verified_by_id",
        "effectiveness_date",
        "effectiveness_result",
        "effectiveness_evaluator_id",
        "reporter_id",
    )
    _workflow_locked_states = ("closed", "cancelled")

    name = fields.Char(string="Action", required=True, tracking=True)
    action_type = fields.Selection(
        [
            ("corrective", "Corrective"),
            ("preventive", "Preventive"),
            ("improvement", "Improvement"),
        ],
        string="Type",
        required=True,
        default="corrective",
        tracking=True,
    )
    nonconformity_id = fields.Many2one(
        "quality.nonconformity", ondelete="cascade", index=True, check_company=True
    )
    # the reporter follows the actions of his or her report (record rule): stored and
    # indexed, the rule is an OR of two indexes, not a subquery the planner cannot weigh
    reporter_id = fields.Many2one(related="nonconformity_id.reporter_id", store=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        index=True,
        check_company=True,
    )
    responsible_id = fields.Many2one("res.users", required=True, tracking=True, index=True)
    date_deadline = fields.Date(string="Deadline", required=True, tracking=True)
    tasks = fields.Text()
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("in_progress", "In Progress"),
            ("implemented", "Implemented"),
            ("verified", "Verified"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        default="planned",
        required=True,
        readonly=True,
        tracking=True,
    )
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")
    implementation_note = fields.Text()
    date_done = fields.Date(string="Implemented On", readonly=True, tracking=True)
    verification_date = fields.Date(readonly=True, tracking=True)
    verified_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    verification_note = fields.Text()
    effectiveness_date = fields.Date(readonly=True, tracking=True)
    effectiveness_result = fields.Selection(
        [("effective", "Effective (aim achieved)"), ("not_effective", "Not effective")],
        readonly=True,
        tracking=True,
    )
    effectiveness_evaluator_id = fields.Many2one(
        "res.users", string="Effectiveness Evaluated By", readonly=True, tracking=True
    )
    effectiveness_note = fields.Text()

    def init(self):
        # the default order: a list's first page reads the index, not a sort of the table
        create_index(
            self.env.cr,
            "quality_action_date_deadline_id_idx",
            self._table,
            ["date_deadline", "id"],
        )
        # the overdue menu: in a register of years the open actions are the few recent ones
        create_index(
            self.env.cr,
            "quality_action_open_date_deadline_id_idx",
            self._table,
            ["date_deadline", "id"],
            where="state IN ('planned', 'in_progress')",
        )

    @api.constrains("action_type", "nonconformity_id")
    def _check_preventive_for_potential(self):
        for action in self:
            if action.nonconformity_id.kind == "potential" and action.action_type != "preventive":
                raise ValidationError(
                    self.env._(
                        "A potential nonconformity is eliminated by preventive actions "
                        "(СЖҚ 08.ҚР 04): %(name)s must be preventive.",
                        name=action.name,
                    )
                )

    @api.depends("nonconformity_id.department_id")
    def _compute_department_id(self):
        for action in self:
            if action.nonconformity_id:
                action.department_id = action.nonconformity_id.department_id

    @api.depends("date_deadline", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for action in self:
            action.is_overdue = bool(
                action.date_deadline
                and action.date_deadline < today
                and action.state in ("planned", "in_progress")
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue actions."))
        # the same states as the partial index of init(): the overdue list reads it
        domain = [
            ("date_deadline", "<", fields.Date.context_today(self)),
            ("state", "in", ("planned", "in_progress")),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    @api.constrains("department_id", "nonconformity_id")
    def _check_department(self):
        for action in self:
            nonconformity = action.sudo().nonconformity_id
            if nonconformity and action.sudo().department_id != nonconformity.department_id:
                raise ValidationError(
                    self.env._(
                        "An action belongs to the unit of its nonconformity %(name)s.",
                        name=nonconformity.name,
                    )
                )

    @api.constrains("date_deadline", "nonconformity_id")
    def _check_date_deadline(self):
        for action in self:
            nonconformity = action.sudo().nonconformity_id
            # a year of slack for late plans, not a deadline from another century
            earliest = fields.Date.subtract(
                nonconformity.date or fields.Date.to_date(action.create_date), years=1
            )
            if action.date_deadline and action.date_deadline < earliest:
                raise ValidationError(
                    self.env._(
                        "The deadline of %(name)s comes before the problem was found.",
                        name=action.name,
                    )
                )

    @api.constrains("name")
    def _check_name(self):
        for action in self:
            if not (action.name or "").strip():
                raise ValidationError(self.env._("Describe the action."))

    @api.model_create_multi
    def create(self, vals_list):
        actions = super().create(vals_list)
        actions._schedule_responsible_activity()
        return actions

    def write(self, vals):
        res = super().write(vals)
        if "responsible_id" in vals or "date_deadline" in vals:
            self._schedule_responsible_activity()
        return res

    def _schedule_responsible_activity(self):
        """One to-do for the responsible of each open action, replacing the previous
        one: a search, an unlink and a create for all the actions (activity_schedule
        per action would cost three queries each)."""
        actions = self.filtered(lambda a: a.state in ("planned", "in_progress"))
        if not actions or self.env.context.get("mail_activity_automation_skip"):
            return
        actions.activity_unlink(["mail.mail_activity_data_todo"])
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].create(
            [
                {
                    "activity_type_id": todo.id,
                    "summary": self.env._("Carry out the action: %s", action.name),
                    "automated": True,
                    "note": todo.default_note,
                    "date_deadline": action.date_deadline or fields.Date.context_today(action),
                    "res_model_id": model_id,
                    "res_id": action.id,
                    "user_id": action.responsible_id.id or todo.default_user_id.id or self.env.uid,
                }
                for action in actions
            ]
        )

    def _check_responsible_or_officer(self, from_states):
        """The responsible carries out his or her action; the unit's officer too."""
        if self.env.su or self.env.user.has_group(OFFICER):
            self._check_transition(from_states=from_states, group=OFFICER)
        else:
            self._check_transition(
                from_states=from_states,
                users=lambda action: action.responsible_id,
                message=self.env._("Only the responsible carries out this action."),
            )

    def _check_verifier(self, from_states):
        """Verification and effectiveness: the unit's officer or the quality office,
        never the responsible of the action."""
        self._check_transition(
            from_states=from_states,
            group=OFFICER,
            exclude_users=lambda action: action.responsible_id,
            message=self.env._("The responsible cannot verify his or her own action."),
        )

    def action_start(self):
        self._check_responsible_or_officer(("planned", "in_progress"))
        self.filtered(lambda a: a.state == "planned")._workflow_write({"state": "in_progress"})

    def action_implemented(self):
        self._check_responsible_or_officer(("planned", "in_progress"))
        self._workflow_write({"state": "implemented", "date_done": fields.Date.context_today(self)})
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_verify(self):
        """Verify the implementation (a verifier other than the responsible)."""
        self._check_verifier(("implemented",))
        self._workflow_write(
            {
                "state": "verified",
                "verification_date": fields.Date.context_today(self),
                "verified_by_id": self.env.user.id,
            }
        )

    def _evaluate(self, result):
        self._check_verifier(("verified",))
        self._workflow_write(
            {
                "state": "closed",
                "effectiveness_result": result,
                "effectiveness_date": fields.Date.context_today(self),
                "effectiveness_evaluator_id": self.env.user.id,
            }
        )

    def action_close(self):
        """Close the action: its effectiveness is evaluated as achieved."""
        self._evaluate("effective")

    def action_close_not_effective(self):
        """Close the action as not effective: the nonconformity needs a new action."""
        self._evaluate("not_effective")

    def action_cancel(self):
        self._check_transition(
            from_states=("planned", "in_progress", "implemented", "verified"), group=OFFICER
        )
        self._workflow_write({"state": "cancelled"})
        self.activity_unlink(["mail.mail_activity_data_todo", "mail.mail_activity_data_warning"])

    @api.model
    def _cron_remind_overdue(self):
        """Daily: give the responsible of every overdue action one warning, kept until
        the action is done (no duplicate warning per run)."""
        warning = self.env.ref("mail.mail_activity_data_warning")
        overdue = self.search(
            [
                ("is_overdue", "=", True),
                ("activity_ids", "not any", [("activity_type_id", "=", warning.id)]),
            ]
        )
        for action in overdue:
            action.activity_schedule(
                "mail.mail_activity_data_warning",
                summary=self.env._("Overdue action: %s", action.name),
                note=self.env._("The deadline %s has passed.", action.date_deadline),
                user_id=action.responsible_id.id,
            )
        return overdue
