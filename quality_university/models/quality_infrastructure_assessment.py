from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

from .quality_training_plan import academic_year_dates, academic_year_selection


class QualityInfrastructureAssessment(models.Model):
    """The yearly act assessing the state of a unit's equipment and rooms (6.2)."""

    _name = "quality.infrastructure.assessment"
    _description = "Infrastructure State Assessment Act"
    _inherit = ["quality.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "academic_year desc, department_id, id"
    _check_company_auto = True
    _workflow_fields = ("state", "approved_by_id", "approved_date")
    _workflow_locked_states = ("approved",)

    name = fields.Char(compute="_compute_name", store=True)
    department_id = fields.Many2one(
        "hr.department", string="Unit", required=True, index=True, tracking=True
    )
    academic_year = fields.Selection(
        academic_year_selection(), required=True, index=True, tracking=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    commission_ids = fields.Many2many(
        "hr.employee",
        "quality_infra_assessment_employee_rel",
        "assessment_id",
        "employee_id",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved")],
        default="draft",
        required=True,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    approved_date = fields.Date(readonly=True, tracking=True)
    line_ids = fields.One2many(
        "quality.infrastructure.assessment.line", "assessment_id", string="Items"
    )
    conclusion = fields.Text()

    _sql_constraints = [
        (
            "unit_year_unique",
            "UNIQUE (department_id, academic_year, company_id)",
            "A unit has one state-assessment act per academic year.",
        ),
    ]

    @api.depends("department_id", "academic_year")
    def _compute_name(self):
        years = dict(academic_year_selection())
        for act in self:
            act.name = self.env._(
                "State assessment %(unit)s %(year)s",
                unit=act.department_id.name or "",
                year=years.get(act.academic_year, ""),
            )

    @api.constrains("date", "academic_year")
    def _check_date(self):
        for act in self:
            date_from, date_to = academic_year_dates(act.academic_year)
            if not date_from <= act.date <= date_to:
                raise ValidationError(
                    self.env._("The act's date must fall within its academic year.")
                )

    def action_load_equipment(self):
        """Add a line for every equipment item and room of the unit not yet listed."""
        self._check_transition(from_states=("draft",))
        equipment = self.env["maintenance.equipment"].search(
            [("quality_unit_id", "in", self.department_id.ids)]
        )
        for act in self:
            listed = act.line_ids.equipment_id
            act.line_ids = [
                Command.create({"equipment_id": item.id, "name": item.name})
                for item in equipment
                if item.quality_unit_id == act.department_id and item not in listed
            ]
        return True

    def action_approve(self):
        self._check_transition(
            from_states=("draft",), group="quality_university.group_quality_officer"
        )
        self._workflow_write(
            {
                "state": "approved",
                "approved_by_id": self.env.user.id,
                "approved_date": fields.Date.context_today(self),
            }
        )
        return True
