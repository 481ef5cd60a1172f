from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.sql import create_index

TOP = "quality_university.group_quality_top_management"
MANAGER = "quality_university.group_quality_manager"


class QualityObjective(models.Model):
    """A measurable quality objective (5.4.1) at one of the manual's three levels."""

    _name = "quality.objective"
    _description = "Quality Objective"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "quality.workflow.mixin",
        "quality.academic.year.mixin",
    ]
    _order = "year desc, level, sequence, id"
    _check_company_auto = True
    _quality_review_provider = True
    _workflow_fields = ("state", "approved_by_id", "approval_date", "revision")
    _workflow_locked_states = ("approved",)
    _workflow_lock_exempt = frozenset(
        {
            "message_main_attachment_id",
            "activity_ids",
            "message_follower_ids",
            # measured values arrive all year long
            "value_ids",
            "current_value",
            "progress",
            "status",
        }
    )

    sequence = fields.Integer(default=10)
    name = fields.Char(string="Objective", required=True, tracking=True)
    level = fields.Selection(
        [
            ("university", "University (strategic development plan)"),
            ("unit", "Unit (work plan)"),
            ("teacher", "Teacher (individual plan)"),
        ],
        required=True,
        default="university",
        tracking=True,
    )
    department_id = fields.Many2one(
        "hr.department", string="Unit", index=True, tracking=True, check_company=True
    )
    employee_id = fields.Many2one("hr.employee", string="Teacher", check_company=True)
    process_id = fields.Many2one("quality.process", check_company=True)
    policy_commitment = fields.Char(help="The commitment of the quality policy it serves.")
    indicator = fields.Char(
        required=True, help="What is measured, e.g. share of graduates employed."
    )
    indicator_code = fields.Selection(
        selection="_selection_indicator_code",
        string="Computed From",
        help="A named indicator computing the value from live data. Empty: values are typed in.",
    )
    uom = fields.Char(string="Unit of Measure", default="%")
    baseline = fields.Float()
    target = fields.Float(required=True, tracking=True)
    direction = fields.Selection(
        [("ge", "≥ at least the target"), ("le", "≤ at most the target")],
        required=True,
        default="ge",
    )
    owner_id = fields.Many2one("res.users", default=lambda self: self.env.user, tracking=True)
    value_ids = fields.One2many("quality.objective.value", "objective_id", string="Measured Values")
    current_value = fields.Float(compute="_compute_progress", store=True)
    progress = fields.Float(
        string="Progress (%)", compute="_compute_progress", store=True, aggregator="avg"
    )
    status = fields.Selection(
        [
            ("no_data", "No data"),
            ("on_track", "On track"),
            ("at_risk", "At risk"),
            ("missed", "Missed"),
        ],
        string="Progress Status",
        compute="_compute_progress",
        store=True,
        index=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved")],
        default="draft",
        required=True,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    approval_date = fields.Date(readonly=True, tracking=True)
    revision = fields.Integer(readonly=True, default=0)
    revision_ids = fields.One2many(
        "quality.objective.revision", "objective_id", string="Revision History", readonly=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    def init(self):
        # the default order: a list's first page reads the index, not a sort of the table
        create_index(
            self.env.cr,
            "quality_objective_year_level_sequence_id_idx",
            self._table,
            ["year DESC", "level", "sequence", "id"],
        )

    @api.model
    def _selection_indicator_code(self):
        return [(code, label) for code, (label, _provider) in self._indicator_catalogue().items()]

    @api.depends(
        "value_ids.value",
        "value_ids.date",
        "baseline",
        "target",
        "direction",
        "company_id.quality_objective_on_track_percent",
        "company_id.quality_objective_at_risk_percent",
    )
    def _compute_progress(self):
        for objective in self:
            latest = objective.value_ids.sorted(lambda v: (v.date, v.id))[-1:]
            objective.current_value = latest.value
            if not latest:
                objective.progress = 0.0
                objective.status = "no_data"
                continue
            objective.progress = objective._progress_of(latest.value)
            company = objective.company_id
            if objective.progress >= (company.quality_objective_on_track_percent or 100.0):
                objective.status = "on_track"
            elif objective.progress >= (company.quality_objective_at_risk_percent or 0.0):
                objective.status = "at_risk"
            else:
                objective.status = "missed"

    def _progress_of(self, value):
        """How far the value went from the baseline to the target, in per cent."""
        self.ensure_one()
        meets = value >= self.target if self.direction == "ge" else value <= self.target
        if self.target == self.baseline:
            return 100.0 if meets else 0.0
        progress = 100.0 * (value - self.baseline) / (self.target - self.baseline)
        return round(max(progress, 0.0), 1)

    @api.constrains("level", "department_id", "employee_id", "direction", "baseline", "target")
    def _check_level(self):
        for objective in self:
            if objective.level == "unit" and not objective.department_id:
                raise ValidationError(self.env._("A unit objective names its unit."))
            if objective.level == "teacher" and not objective.employee_id:
                raise ValidationError(self.env._("An individual objective names its teacher."))
            if not (objective.name or "").strip() or not (objective.indicator or "").strip():
                raise ValidationError(self.env._("Name the objective and its indicator."))

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        if self.employee_id and not self.department_id:
            self.department_id = self.employee_id.department_id

    # transitions ---------------------------------------------------------------

    def action_approve(self):
        """The rector sets the objectives (5.4.1)."""
        self._check_transition(from_states=("draft",), group=TOP)
        self._workflow_write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "approval_date": fields.Date.context_today(self),
            }
        )

    def action_revise(self):
        """Yearly revision: keep the approved wording in the history and reopen it."""
        self._check_transition(from_states=("approved",), group=MANAGER)
        self.env["quality.objective.revision"].sudo().create(
            [
                {
                    "objective_id": objective.id,
                    "revision": objective.revision,
                    "year": objective.year,
                    "name": objective.name,
                    "baseline": objective.baseline,
                    "target": objective.target,
                    "current_value": objective.current_value,
                    "status": objective.status,
                    "approved_by_id": objective.approved_by_id.id,
                    "approval_date": objective.approval_date,
                }
                for objective in self
            ]
        )
        for objective in self:
            objective._workflow_write(
                {
                    "state": "draft",
                    "approved_by_id": False,
                    "approval_date": False,
                    "revision": objective.revision + 1,
                }
            )

    def action_measure(self):
        """Record today's value of the named indicator for the objective's period."""
        self._check_transition(group=MANAGER)
        today = fields.Date.context_today(self)
        values = []
        for objective in self:
            if not objective.indicator_code:
                raise UserError(
                    self.env._(
                        "%(name)s has no named indicator: type its values in.", name=objective.name
                    )
                )
            value = objective._indicator_value()
            if value is None:
                raise UserError(
                    self.env._("There is no data yet for %(name)s.", name=objective.name)
                )
            values.append(
                {"objective_id": objective.id, "date": today, "value": value, "source": "computed"}
            )
        self.env["quality.objective.value"].create(values)

    @api.model
    def _cron_measure(self):
        """Monthly: record the value of every current objective computed from a named
        indicator, skipping those without data yet."""
        today = fields.Date.context_today(self)
        objectives = self.search(
            [
                ("indicator_code", "!=", False),
                ("date_from", "<=", today),
                ("date_to", ">=", today),
            ]
        )
        values = []
        for objective in objectives:
            value = objective._indicator_value()
            if value is not None:
                values.append(
                    {
                        "objective_id": objective.id,
                        "date": today,
                        "value": value,
                        "source": "computed",
                    }
                )
        return self.env["quality.objective.value"].create(values)

    # indicators ------------------------------------------------------------------

    @api.model
    def _indicator_providers(self):
        """Every model of the registry that declares ``_quality_indicator_provider``."""
        return [
            self.env[name]
            for name, model in self.env.registry.items()
            if getattr(model, "_quality_indicator_provider", False)
        ]

    @api.model
    def _indicator_catalogue(self):
        """``{code: (label, provider)}`` of every named indicator installed."""
        catalogue = {}
        for provider in self._indicator_providers():
            for code, label in provider._quality_indicators():
                catalogue.setdefault(code, (label, provider))
        return catalogue

    def _indicator_value(self, date_from=None, date_to=None):
        self.ensure_one()
        entry = self._indicator_catalogue().get(self.indicator_code)
        if not entry:
            return None
        department = (
            self.department_id if self.level != "university" else self.department_id.browse()
        )
        provider = entry[1].sudo().with_company(self.company_id)
        return provider._quality_indicator_value(
            self.indicator_code, date_from or self.date_from, date_to or self.date_to, department
        )

    # management review -------------------------------------------------------------

    @api.model
    def _quality_review_section(self, date_from, date_to, company):
        domain = [
            ("company_id", "=", company.id),
            ("date_from", "<=", date_to),
            ("date_to", ">=", date_from),
        ]
        counts = dict(self.sudo()._read_group(domain, ["status"], ["__count"]))
        labels = dict(self._fields["status"]._description_selection(self.env))
        total = sum(counts.values())
        lines = [{"label": self.env._("Objectives"), "value": total, "unit": ""}]
        lines += [
            {"label": labels[key], "value": counts.get(key, 0), "unit": ""}
            for key in ("on_track", "at_risk", "missed", "no_data")
        ]
        by_level = self.sudo()._read_group(domain, ["level"], ["progress:avg"])
        level_labels = dict(self._fields["level"]._description_selection(self.env))
        lines += [
            {
                "label": self.env._("Average progress: %(level)s", level=level_labels[level]),
                "value": round(progress or 0.0, 1),
                "unit": "%",
            }
            for level, progress in by_level
        ]
        return {
            "key": "objectives",
            "title": self.env._("Quality objectives"),
            "sequence": 20,
            "lines": lines,
            "note": "",
        }
