from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.sql import create_index

OFFICER = "quality_university.group_quality_officer"
# what the reporter (any employee) writes in his or her report
REPORTER_FIELDS = {
    "date",
    "source",
    "department_id",
    "process_id",
    "criterion_id",
    "requirement",
    "description",
    "evidence",
    "detected_by_id",
    "immediate_correction",
    "company_id",
    # anyone may report a potential nonconformity (a risk they observe), 8.5.3
    "kind",
}

SOURCES = [
    ("internal_audit", "Internal audit"),
    ("external_audit", "External audit"),
    ("complaint", "Complaint"),
    ("survey", "Survey result"),
    ("monitoring", "Monitoring / KPI"),
    ("student_performance", "Student performance"),
    ("staff_report", "Staff report"),
    ("other", "Other"),
]


class QualityNonconformity(models.Model):
    _name = "quality.nonconformity"
    _description = "Nonconformity"
    _inherit = ["quality.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_fields = (
        "state",
        "reporter_id",
        "date_closed",
        "repeated",
        "repeated_of_id",
        "finding_id",
        # the process leader's decision is recorded by its transition only
        "decision_by_id",
        "decision_date",
    )
    _workflow_locked_states = ("closed", "cancelled")
    _rec_names_search = ["name", "description"]

    name = fields.Char(string="Code", required=True, readonly=True, copy=False, default="/")
    date = fields.Date(
        string="Detected On", required=True, default=fields.Date.context_today, tracking=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    source = fields.Selection(SOURCES, required=True, default="staff_report", tracking=True)
    kind = fields.Selection(
        [("actual", "Nonconformity"), ("potential", "Potential nonconformity")],
        required=True,
        default="actual",
        tracking=True,
        help="A potential nonconformity (8.5.3) is a risk observed in monitoring, surveys "
        "or audits: it is eliminated by preventive actions before it occurs.",
    )
    possible_causes = fields.Text(
        help="Possible causes of the potential nonconformity (СЖҚ 08.ҚР 04)."
    )
    audit_id = fields.Many2one("quality.audit", check_company=True, index=True)
    finding_id = fields.Many2one("quality.audit.finding", readonly=True)
    department_id = fields.Many2one(
        "hr.department", string="Unit", required=True, tracking=True, index=True, check_company=True
    )
    process_id = fields.Many2one("quality.process", tracking=True, index=True, check_company=True)
    process_leader_id = fields.Many2one(
        related="process_id.leader_id",
    )
    criterion_id = fields.Many2one("quality.audit.criterion", string="Requirement Not Met")
    requirement = fields.Text(string="Requirement Details")
    description = fields.Text(required=True)
    evidence = fields.Text()
    detected_by_id = fields.Many2one(
        "hr.employee",
        default=lambda self: self.env.user.employee_id,
        check_company=True,
    )
    reporter_id = fields.Many2one(
        "res.users",
        string="Reported By",
        default=lambda self: self.env.user,
        readonly=True,
        index=True,
    )
    severity = fields.Selection(
        [("major", "Major"), ("minor", "Minor")], required=True, default="minor", tracking=True
    )
    state = fields.Selection(
        [
            ("new", "New"),
            ("analysis", "Analysis"),
            ("action_plan", "Action Plan"),
            ("in_progress", "In Progress"),
            ("effectiveness", "Effectiveness Check"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        default="new",
        required=True,
        readonly=True,
        tracking=True,
        group_expand=True,
    )
    cancel_reason = fields.Text(tracking=True)
    immediate_correction = fields.Text(help="What was done at once to contain the problem.")
    why_1 = fields.Char()
    why_2 = fields.Char()
    why_3 = fields.Char()
    why_4 = fields.Char()
    why_5 = fields.Char()
    root_cause = fields.Text()
    cause_category = fields.Selection(
        [
            ("people", "People / competence"),
            ("method", "Method / procedure"),
            ("document", "Documentation"),
            ("resource", "Resources / infrastructure"),
            ("management", "Management / planning"),
            ("external", "External"),
        ],
        tracking=True,
    )
    disposition = fields.Selection(
        [
            ("reassessment", "Re-assessment of the students"),
            ("reteaching", "Re-teaching of the topic"),
            ("grade_correction", "Correction of the grade sheet"),
            ("material_correction", "Correction of the examination material"),
            ("concession", "Concession with the process leader's approval"),
            ("other", "Other"),
        ],
        tracking=True,
        help="What was done with the nonconforming educational service to prevent its "
        "unintended use (мақсатсыз қолданылуын болдырмау).",
    )
    disposition_note = fields.Text(string="Disposition Details")
    decision = fields.Text(
        help="Decision of the process leader on how to handle the nonconformity."
    )
    decision_by_id = fields.Many2one(
        "hr.employee", string="Decided By", tracking=True, readonly=True, copy=False
    )
    decision_date = fields.Date(string="Decided On", readonly=True, copy=False, tracking=True)
    action_ids = fields.One2many("quality.action", "nonconformity_id", string="Actions")
    action_count = fields.Integer(compute="_compute_action_count")
    repeated = fields.Boolean(readonly=True, tracking=True)
    repeated_of_id = fields.Many2one(
        "quality.nonconformity", string="Repeats", readonly=True, index=True
    )
    age_days = fields.Integer(string="Age (days)", compute="_compute_age_days")
    date_closed = fields.Date(readonly=True, tracking=True)

    def init(self):
        # the default order: a list's first page reads the index, not a sort of the table
        create_index(
            self.env.cr,
            "quality_nonconformity_date_id_idx",
            self._table,
            ["date DESC", "id DESC"],
        )
        # the repeated nonconformities' menu: a few among the years' reports
        create_index(
            self.env.cr,
            "quality_nonconformity_repeated_date_id_idx",
            self._table,
            ["date DESC", "id DESC"],
            where="repeated",
        )

    @api.depends("action_ids")
    def _compute_action_count(self):
        for nc in self:
            nc.action_count = len(nc.action_ids)

    @api.depends("date", "date_closed")
    def _compute_age_days(self):
        today = fields.Date.context_today(self)
        for nc in self:
            age = ((nc.date_closed or today) - nc.date).days if nc.date else 0
            nc.age_days = age

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        for nc in self:
            if nc.date and nc.date > today:
                raise ValidationError(
                    self.env._("A nonconformity cannot be detected in the future.")
                )

    @api.constrains("description")
    def _check_description(self):
        for nc in self:
            if not (nc.description or "").strip():
                raise ValidationError(self.env._("Describe the nonconformity."))

    def _check_reporter_fields(self, fields_set):
        """A reporter without the officer's role only writes the report itself."""
        if self.env.su or self.env.user.has_group(OFFICER):
            return
        other = set(fields_set) - REPORTER_FIELDS - self._workflow_lock_exempt
        if other:
            raise AccessError(
                self.env._(
                    "%(field)s is decided by the unit's quality officer.",
                    field=self._fields[other.pop()]._description_string(self.env),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        defaults = self.default_get(["severity"])
        for vals in vals_list:
            self._check_reporter_fields(
                name
                for name in vals
                if vals[name]
                and name not in ("name", *self._workflow_fields)
                and vals[name] != defaults.get(name)
            )
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].sudo().next_by_code("quality.nonconformity") or "/"
                )
        records = super().create(vals_list)
        records._detect_recurrence()
        return records

    def _detect_recurrence(self):
        """Flag a nonconformity repeating an earlier one on the same process and
        requirement within the company's recurrence window."""
        for nc in self.sudo():
            if not nc.process_id or not nc.criterion_id:
                continue
            window = nc.company_id.quality_nc_recurrence_days or 0
            earlier = self.sudo().search(
                [
                    ("id", "!=", nc.id),
                    ("company_id", "=", nc.company_id.id),
                    ("process_id", "=", nc.process_id.id),
                    ("criterion_id", "=", nc.criterion_id.id),
                    ("date", "<=", nc.date),
                    ("date", ">=", nc.date - relativedelta(days=window)),
                    ("state", "!=", "cancelled"),
                ],
                order="date desc, id desc",
                limit=1,
            )
            if earlier:
                nc._workflow_write({"repeated": True, "repeated_of_id": earlier.id})

    def write(self, vals):
        self._check_reporter_fields(vals)
        if {"decision", "disposition", "disposition_note"} & set(vals) and self.filtered(
            "decision_date"
        ):
            raise UserError(
                self.env._("The process leader's decision is recorded and can no longer change.")
            )
        return super().write(vals)

    def _check_state(self, allowed):
        """Steps of the unit's quality officer (and the quality office)."""
        self._check_transition(from_states=allowed, group=OFFICER)

    def action_analyse(self):
        self._check_state(("new",))
        self._workflow_write({"state": "analysis"})

    def action_plan(self):
        self._check_state(("analysis",))
        for nc in self:
            if nc.kind == "potential":
                if not (nc.possible_causes or "").strip():
                    raise UserError(
                        self.env._("Record the possible causes of %(name)s first.", name=nc.name)
                    )
            elif not nc.root_cause or not nc.cause_category:
                raise UserError(self.env._("Record the root cause and its category first."))
        self._workflow_write({"state": "action_plan"})

    def action_start(self):
        self._check_state(("action_plan",))
        for nc in self:
            if not nc.action_ids:
                raise UserError(self.env._("Plan at least one action first."))
            if not nc.decision or not nc.decision_date:
                raise UserError(self.env._("The process leader's decision is missing."))
        self._workflow_write({"state": "in_progress"})
        self.action_ids.filtered(lambda a: a.state == "planned").action_start()

    def action_check_effectiveness(self):
        self._check_state(("in_progress",))
        for nc in self:
            if nc.action_ids.filtered(lambda a: a.state in ("planned", "in_progress")):
                raise UserError(self.env._("Every action must be implemented first."))
        self._workflow_write({"state": "effectiveness"})

    def action_close(self):
        self._check_state(("effectiveness",))
        for nc in self:
            actions = nc.action_ids.filtered(lambda a: a.state != "cancelled")
            if not actions or actions.filtered(lambda a: a.state != "closed"):
                raise ValidationError(
                    self.env._(
                        "%(name)s cannot close: every action must be verified and its "
                        "effectiveness evaluated.",
                        name=nc.name,
                    )
                )
            if actions.filtered(lambda a: a.effectiveness_result != "effective"):
                raise ValidationError(
                    self.env._(
                        "%(name)s cannot close: the actions were not found effective.",
                        name=nc.name,
                    )
                )
        self._workflow_write({"state": "closed", "date_closed": fields.Date.context_today(self)})

    def action_cancel(self):
        self._check_state(("new", "analysis", "action_plan", "in_progress", "effectiveness"))
        for nc in self:
            if not (nc.cancel_reason or "").strip():
                raise UserError(self.env._("Give the reason for cancelling %s.", nc.name))
        self.action_ids.filtered(lambda a: a.state not in ("closed", "cancelled")).action_cancel()
        self._workflow_write({"state": "cancelled"})

    def _decision_makers(self):
        """Who decides on the nonconformity (8.3): the leader of its process or the
        leader's delegate; with neither named, the head of its unit."""
        self.ensure_one()
        process = self.sudo().process_id
        users = process.leader_id.user_id | process.leader_delegate_id
        return users or self.sudo().department_id.manager_id.user_id

    def action_record_decision(self):
        """Record the decision and the disposition as the process leader's own."""
        self._check_transition(
            from_states=("analysis", "action_plan"),
            users=lambda nc: nc._decision_makers(),
            message=self.env._(
                "Only the leader of the nonconformity's process or the leader's delegate "
                "records the decision."
            ),
        )
        for nc in self:
            if not (nc.decision or "").strip():
                raise UserError(self.env._("Write the decision on %(name)s first.", name=nc.name))
            if nc.kind == "actual" and not nc.disposition:
                raise UserError(
                    self.env._(
                        "Say what was done with the nonconforming service of %(name)s.",
                        name=nc.name,
                    )
                )
        today = fields.Date.context_today(self)
        for nc in self:
            leader = nc.sudo().process_id.leader_id
            if leader and (self.env.su or leader.user_id == self.env.user):
                decided_by = leader
            else:
                decided_by = self.env.user.employee_id
            nc._workflow_write({"decision_by_id": decided_by.id, "decision_date": today})

    def action_print_report(self):
        return self.env.ref("quality_university.quality_nonconformity_report").report_action(self)

    @api.model
    def _register_rows(self):
        """Header and rows of the register the user may read, one row per nonconformity:
        one query for the rows and one for their action counts, whatever their number."""
        env = self.env
        fnames = ["name", "date", "source", "department_id", "process_id", "criterion_id"]
        fnames += ["description", "severity", "state", "repeated"]
        records = self.search_fetch([], fnames, order="date, id")
        action_counts = dict(
            env["quality.action"]._read_group(
                [("nonconformity_id", "in", records.ids)], ["nonconformity_id"], ["__count"]
            )
        )
        labels = {
            fname: dict(self._fields[fname]._description_selection(env))
            for fname in ("source", "severity", "state")
        }
        header = [
            env._("Code"),
            env._("Detected On"),
            env._("Source"),
            env._("Unit"),
            env._("Process"),
            env._("Requirement"),
            env._("Description"),
            env._("Severity"),
            env._("Stage"),
            env._("Repeated"),
            env._("Actions"),
        ]
        rows = [
            (
                nc.name,
                nc.date,
                labels["source"].get(nc.source),
                nc.department_id.name,
                nc.process_id.display_name,
                nc.criterion_id.display_name,
                nc.description,
                labels["severity"].get(nc.severity),
                labels["state"].get(nc.state),
                env._("Yes") if nc.repeated else "",
                action_counts.get(nc, 0),
            )
            for nc in records
        ]
        return header, rows

    def action_view_actions(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_university.quality_action_action"
        )
        action["domain"] = [("nonconformity_id", "in", self.ids)]
        action["context"] = {
            "default_nonconformity_id": self.id,
            "default_action_type": "preventive" if self[:1].kind == "potential" else "corrective",
        }
        return action
