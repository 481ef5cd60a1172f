from datetime import date

from odoo import api, fields, models


def academic_year_selection():
    return [(str(year), f"{year}–{year + 1}") for year in range(2020, 2036)]


def academic_year_dates(year):
    """1 September of the first year to 31 August of the next."""
    year = int(year)
    return date(year, 9, 1), date(year + 1, 8, 31)


class QualityTrainingPlan(models.Model):
    _name = "quality.training.plan"
    _description = "Training Plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "academic_year desc, department_id, id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    department_id = fields.Many2one(
        "hr.department", string="Unit", required=True, index=True, tracking=True
    )
    academic_year = fields.Selection(
        academic_year_selection(), required=True, index=True, tracking=True
    )
    date_from = fields.Date(compute="_compute_dates", store=True)
    date_to = fields.Date(compute="_compute_dates", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    line_ids = fields.One2many("quality.training.plan.line", "plan_id", string="Planned Trainings")
    line_count = fields.Integer(string="Planned", compute="_compute_execution", store=True)
    done_count = fields.Integer(string="Done", compute="_compute_execution", store=True)
    execution_rate = fields.Float(
        string="Execution (%)",
        compute="_compute_execution",
        store=True,
        aggregator="avg",
        help="Planned trainings that HR recorded as a resume line ÷ planned trainings.",
    )
    note = fields.Html()

    _sql_constraints = [
        (
            "unit_year_unique",
            "UNIQUE (department_id, academic_year, company_id)",
            "A unit has one training plan per academic year.",
        ),
    ]

    @api.depends("department_id", "academic_year")
    def _compute_name(self):
        years = dict(academic_year_selection())
        for plan in self:
            plan.name = self.env._(
                "Training plan %(unit)s %(year)s",
                unit=plan.department_id.name or "",
                year=years.get(plan.academic_year, ""),
            )

    @api.depends("academic_year")
    def _compute_dates(self):
        for plan in self:
            if plan.academic_year:
                plan.date_from, plan.date_to = academic_year_dates(plan.academic_year)
            else:
                plan.date_from = plan.date_to = False

    @api.depends("line_ids.done")
    def _compute_execution(self):
        for plan in self:
            plan.line_count = len(plan.line_ids)
            plan.done_count = len(plan.line_ids.filtered("done"))
            plan.execution_rate = (
                100.0 * plan.done_count / plan.line_count if plan.line_count else 0.0
            )
