from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.sql import create_index


class QualityTrainingPlanLine(models.Model):
    _name = "quality.training.plan.line"
    _description = "Planned Training"
    # the plan's own order starts with its academic year: stored here, the year is indexed
    _order = "academic_year desc, plan_id, employee_id, id"
    _check_company_auto = True
    _quality_review_provider = True
    _quality_indicator_provider = True

    plan_id = fields.Many2one(
        "quality.training.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    department_id = fields.Many2one(
        related="plan_id.department_id", string="Unit", store=True, index=True
    )
    academic_year = fields.Selection(related="plan_id.academic_year", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, check_company=True)
    # stored for the record rule: an indexed column, not a subquery on the employees
    user_id = fields.Many2one(
        related="employee_id.user_id", string="User", store=True, index="btree_not_null"
    )
    course_id = fields.Many2one(
        "quality.training.course", string="Training or Certificate", required=True
    )
    date_planned = fields.Date(string="Planned Date")
    hours_planned = fields.Float(string="Planned Hours")
    resume_line_id = fields.Many2one(
        "hr.resume.line",
        string="Recorded Training",
        compute="_compute_done",
        store=True,
        compute_sudo=True,
    )
    done = fields.Boolean(compute="_compute_done", store=True, compute_sudo=True, index=True)
    date_done = fields.Date(related="resume_line_id.date_start", string="Done On")

    def init(self):
        # the default order goes on by many2one (joined, not indexable): the index serves its
        # leading year, so a list's first page sorts the latest academic year, not the table
        create_index(
            self.env.cr,
            "quality_training_plan_line_academic_year_idx",
            self._table,
            ["academic_year DESC"],
        )

    @api.constrains("hours_planned")
    def _check_hours_planned(self):
        for line in self:
            if line.hours_planned < 0:
                raise ValidationError(self.env._("Planned hours cannot be negative."))

    @api.constrains("date_planned", "plan_id")
    def _check_date_planned(self):
        for line in self:
            plan = line.plan_id
            if line.date_planned and not plan.date_from <= line.date_planned <= plan.date_to:
                raise ValidationError(
                    self.env._(
                        "The planned date of %(employee)s's training falls outside the "
                        "plan's academic year.",
                        employee=line.employee_id.name,
                    )
                )

    @api.depends(
        "employee_id",
        "course_id",
        "plan_id.date_from",
        "plan_id.date_to",
        "employee_id.resume_line_ids.quality_course_id",
        "employee_id.resume_line_ids.date_start",
    )
    def _compute_done(self):
        """A planned training is done when HR recorded a resume line of the same
        training for the employee within the plan's academic year."""
        lines = self.filtered(lambda line: line.employee_id and line.course_id and line.plan_id)
        found = {}
        if lines:
            resume_lines = self.env["hr.resume.line"].search(
                [
                    ("employee_id", "in", lines.employee_id.ids),
                    ("quality_course_id", "in", lines.course_id.ids),
                    ("date_start", ">=", min(lines.plan_id.mapped("date_from"))),
                    ("date_start", "<=", max(lines.plan_id.mapped("date_to"))),
                ],
                order="date_start, id",
            )
            for resume_line in resume_lines:
                key = (resume_line.employee_id.id, resume_line.quality_course_id.id)
                found.setdefault(key, []).append(resume_line)
        for line in self:
            match = next(
                (
                    resume_line
                    for resume_line in found.get((line.employee_id.id, line.course_id.id), [])
                    if line.plan_id.date_from <= resume_line.date_start <= line.plan_id.date_to
                ),
                self.env["hr.resume.line"],
            )
            line.resume_line_id = match
            line.done = bool(match)

    # management review and quality objectives --------------------------------

    def _quality_period_domain(self, date_from, date_to):
        return [
            ("plan_id.date_from", "<=", date_to),
            ("plan_id.date_to", ">=", date_from),
        ]

    @api.model
    def _quality_review_section(self, date_from, date_to, company):
        domain = self._quality_period_domain(date_from, date_to) + [("company_id", "=", company.id)]
        groups = self.sudo()._read_group(domain, ["department_id", "done"], ["__count"])
        per_unit = {}
        for department, done, count in groups:
            planned_done = per_unit.setdefault(department, [0, 0])
            planned_done[0] += count
            planned_done[1] += count if done else 0
        planned = sum(value[0] for value in per_unit.values())
        done = sum(value[1] for value in per_unit.values())
        lines = [
            {"label": self.env._("Planned trainings"), "value": planned, "unit": ""},
            {"label": self.env._("Trainings done"), "value": done, "unit": ""},
            {
                "label": self.env._("Training plan execution"),
                "value": round(100.0 * done / planned, 1) if planned else 0.0,
                "unit": "%",
            },
        ]
        for department, (unit_planned, unit_done) in sorted(
            per_unit.items(), key=lambda item: item[0].name or ""
        ):
            lines.append(
                {
                    "label": department.name,
                    "value": round(100.0 * unit_done / unit_planned, 1),
                    "unit": "%",
                }
            )
        return {
            "key": "training_plan_execution",
            "title": self.env._("Staff training plan results"),
            "sequence": 60,
            "lines": lines,
            "note": self.env._(
                "Execution = planned trainings that HR recorded as a resume line of the "
                "employee within the academic year ÷ planned trainings."
            ),
        }

    @api.model
    def _quality_indicators(self):
        return [("training_plan_execution", self.env._("Training plan execution (%)"))]

    @api.model
    def _quality_indicator_value(self, code, date_from, date_to, department):
        if code != "training_plan_execution":
            return None
        domain = self._quality_period_domain(date_from, date_to)
        if department:
            domain.append(("department_id", "child_of", department.ids))
        groups = self.sudo()._read_group(domain, ["done"], ["__count"])
        planned = sum(count for _done, count in groups)
        if not planned:
            return None
        return 100.0 * sum(count for done, count in groups if done) / planned

    @api.model
    def _quality_indicator_values(self, code, date_from, date_to, departments):
        """``_quality_indicator_value`` of each unit of ``departments``: one query."""
        if code != "training_plan_execution" or not departments:
            return {}
        domain = self._quality_period_domain(date_from, date_to)
        domain.append(("department_id", "child_of", departments.ids))
        counts = {}
        for department, done, count in self.sudo()._read_group(
            domain, ["department_id", "done"], ["__count"]
        ):
            planned_done = counts.setdefault(department, [0, 0])
            planned_done[0] += count
            planned_done[1] += count if done else 0
        return {
            unit_id: 100.0 * done / planned
            for unit_id, (planned, done) in departments._quality_roll_up(counts).items()
            if planned
        }
