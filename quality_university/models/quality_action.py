from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class QualityAction(models.Model):
    _name = "quality.action"
    _description = "Corrective / Preventive Action"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_deadline, id"
    _check_company_auto = True

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
    responsible_id = fields.Many2one("res.users", required=True, tracking=True)
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
        tracking=True,
    )
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")
    implementation_note = fields.Text()
    date_done = fields.Date(string="Implemented On", readonly=True, tracking=True)
    verification_date = fields.Date(tracking=True)
    verified_by_id = fields.Many2one("res.users", tracking=True)
    verification_note = fields.Text()
    effectiveness_date = fields.Date(tracking=True)
    effectiveness_result = fields.Selection(
        [("effective", "Effective (aim achieved)"), ("not_effective", "Not effective")],
        tracking=True,
    )
    effectiveness_evaluator_id = fields.Many2one(
        "res.users", string="Effectiveness Evaluated By", tracking=True
    )
    effectiveness_note = fields.Text()

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
        domain = [
            ("date_deadline", "<", fields.Date.context_today(self)),
            ("state", "in", ("planned", "in_progress")),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

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
        for action in self.filtered(lambda a: a.state in ("planned", "in_progress")):
            action.activity_unlink(["mail.mail_activity_data_todo"])
            action.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=action.date_deadline,
                summary=self.env._("Carry out the action: %s", action.name),
                user_id=action.responsible_id.id,
            )

    def action_start(self):
        self.filtered(lambda a: a.state == "planned").write({"state": "in_progress"})

    def action_implemented(self):
        for action in self:
            if action.state not in ("planned", "in_progress"):
                raise UserError(self.env._("The action %s is not open.", action.name))
        self.write({"state": "implemented", "date_done": fields.Date.context_today(self)})
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_verify(self):
        for action in self:
            if action.state != "implemented":
                raise UserError(self.env._("Only an implemented action can be verified."))
        self.write(
            {
                "state": "verified",
                "verification_date": fields.Date.context_today(self),
                "verified_by_id": self.env.user.id,
            }
        )

    def action_close(self):
        for action in self:
            if action.state != "verified":
                raise UserError(self.env._("Verify the implementation first."))
            if not action.effectiveness_result or not action.effectiveness_date:
                raise UserError(
                    self.env._("Record the effectiveness evaluation (date and result) first.")
                )
        self.filtered(
            lambda a: not a.effectiveness_evaluator_id
        ).effectiveness_evaluator_id = self.env.user
        self.write({"state": "closed"})

    def action_cancel(self):
        self.write({"state": "cancelled"})
        self.activity_unlink(["mail.mail_activity_data_todo"])

    @api.model
    def _cron_remind_overdue(self):
        """Daily: remind the responsible of every overdue action once a day."""
        overdue = self.search([("is_overdue", "=", True)])
        for action in overdue:
            action.activity_schedule(
                "mail.mail_activity_data_warning",
                summary=self.env._("Overdue action: %s", action.name),
                note=self.env._("The deadline %s has passed.", action.date_deadline),
                user_id=action.responsible_id.id,
            )
        return overdue
