import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

ACADEMIC_DEGREES = [
    ("candidate", "Candidate of Sciences"),
    ("phd", "PhD"),
    ("doctor", "Doctor of Sciences"),
]
COMPLIANCE_STATES = [
    ("none", "No Requirements"),
    ("compliant", "Compliant"),
    ("gap", "Not Compliant"),
]


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    quality_officer_department_ids = fields.Many2many(
        "hr.department",
        "quality_department_officer_rel",
        "employee_id",
        "department_id",
        string="Quality Officer of Units",
        groups="hr.group_hr_user",
    )
    # The auditor's qualification follows from HR's record of the internal auditor
    # training (a resume line of the type set in the settings) and its validity.
    quality_auditor_qualified = fields.Boolean(
        string="Qualified Internal Auditor",
        compute="_compute_quality_auditor",
        inverse="_inverse_quality_auditor",
        search="_search_quality_auditor_qualified",
        compute_sudo=True,
        help="Holds a valid internal auditor training certificate; only qualified "
        "employees may be on an audit team.",
    )
    quality_auditor_qualification_date = fields.Date(
        string="Auditor Qualification Date",
        compute="_compute_quality_auditor",
        inverse="_inverse_quality_auditor",
        compute_sudo=True,
        help="Date of the latest internal auditor training certificate.",
    )
    quality_auditor_valid_until = fields.Date(
        string="Auditor Qualification Valid Until",
        compute="_compute_quality_auditor",
        compute_sudo=True,
    )
    quality_academic_degree = fields.Selection(
        ACADEMIC_DEGREES, string="Academic Degree", groups="hr.group_hr_user", tracking=True
    )
    quality_experience_since = fields.Date(
        string="Professional Experience Since",
        groups="hr.group_hr_user",
        help="Start of the professional (teaching or specialist) experience counted "
        "for the position's requirements.",
    )
    quality_compliance_state = fields.Selection(
        COMPLIANCE_STATES,
        string="Qualification Compliance",
        compute="_compute_quality_compliance",
        compute_sudo=True,
    )
    quality_gap_ids = fields.One2many(
        "quality.qualification.gap",
        "employee_id",
        string="Qualification Gaps",
        groups="hr.group_hr_user,quality_university.group_quality_manager",
    )
    quality_gap_summary = fields.Char(
        string="Missing Qualifications",
        compute="_compute_quality_compliance",
        compute_sudo=True,
    )
    quality_assessment_ids = fields.One2many(
        "quality.qualification.assessment", "employee_id", string="Qualification Assessments"
    )

    def _quality_today(self):
        """The employee's own day: today in the employee's time zone, as the gap view counts it."""
        self.ensure_one()
        now = pytz.utc.localize(self.env.cr.now())
        return now.astimezone(pytz.timezone(self.tz or "UTC")).date()

    def _compute_quality_auditor(self):
        dates = self._quality_auditor_dates()
        months = self.env.company.quality_auditor_validity_months
        for employee in self:
            date = dates.get(employee._origin.id or employee.id)
            valid_until = date and (date + relativedelta(months=months) if months else None)
            employee.quality_auditor_qualification_date = date
            employee.quality_auditor_valid_until = valid_until or False
            employee.quality_auditor_qualified = bool(
                date and (not valid_until or valid_until >= employee._quality_today())
            )

    def _inverse_quality_auditor(self):
        """Marking an employee qualified records the training in HR (a resume line)."""
        line_type = self.env.company._quality_auditor_line_type()
        existing = self._quality_auditor_dates()
        vals_list = []
        for employee in self:
            if not employee.quality_auditor_qualified:
                continue
            date = employee.quality_auditor_qualification_date or employee._quality_today()
            if existing.get(employee.id) == date:
                continue
            vals_list.append(
                {
                    "employee_id": employee.id,
                    "line_type_id": line_type.id,
                    "name": self.env._("Internal auditor training"),
                    "date_start": date,
                    "date_end": date,
                }
            )
        if vals_list:
            self.env["hr.resume.line"].sudo().create(vals_list)

    def _quality_auditor_dates(self, every=False):
        """Latest auditor-training date of each employee (of all of them with ``every``),
        in one query; a training counts from its date in the employee's own time zone."""
        ids = [i for i in (self._origin.ids or self.ids) if isinstance(i, int)]
        line_type = self.env.company._quality_auditor_line_type()
        if not (ids or every) or not line_type:
            return {}
        for model in ("hr.resume.line", "hr.employee", "resource.resource"):
            self.env[model].flush_model()
        self.env.cr.execute(
            SQL(
                """SELECT l.employee_id, MAX(l.date_start)
                     FROM hr_resume_line l
                     JOIN hr_employee e ON e.id = l.employee_id
                LEFT JOIN resource_resource r ON r.id = e.resource_id
                    WHERE l.line_type_id = %s
                      AND l.date_start <= (now() AT TIME ZONE COALESCE(r.tz, 'UTC'))::date
                      AND %s
                 GROUP BY l.employee_id""",
                line_type.id,
                SQL("TRUE") if every else SQL("l.employee_id = ANY(%s)", ids),
            )
        )
        return dict(self.env.cr.fetchall())

    def _search_quality_auditor_qualified(self, operator, value):
        if operator not in ("=", "!="):
            return [("id", "=", 0)]
        months = self.env.company.quality_auditor_validity_months
        dates = self._quality_auditor_dates(every=True)
        ids = [
            employee.id
            for employee in self.sudo().browse(dates)
            if not months
            or dates[employee.id] + relativedelta(months=months) >= employee._quality_today()
        ]
        positive = (operator == "=") == bool(value)
        return [("id", "in" if positive else "not in", ids)]

    def _compute_quality_compliance(self):
        ids = [i for i in self._origin.ids if isinstance(i, int)]
        gaps = {}
        if ids:
            self.env["hr.resume.line"].flush_model()
            self.env["hr.employee"].flush_model()
            groups = (
                self.env["quality.qualification.gap"]
                .sudo()
                ._read_group(
                    [("employee_id", "in", ids)],
                    ["employee_id", "kind", "course_id"],
                )
            )
            kinds = dict(
                self.env["quality.qualification.gap"]
                ._fields["kind"]
                ._description_selection(self.env)
            )
            for employee, kind, course in groups:
                label = kinds[kind] if not course else f"{kinds[kind]}: {course.name}"
                gaps.setdefault(employee.id, []).append(label)
        for employee in self:
            job = employee.sudo().job_id
            has_requirements = bool(
                job
                and (
                    job.quality_education_level
                    or job.quality_academic_degree
                    or job.quality_experience_years
                    or job.quality_requirement_ids
                )
            )
            missing = gaps.get(employee._origin.id)
            employee.quality_gap_summary = "; ".join(missing) if missing else False
            if missing:
                employee.quality_compliance_state = "gap"
            else:
                employee.quality_compliance_state = "compliant" if has_requirements else "none"

    @api.model_create_multi
    def create(self, vals_list):
        employees = super().create(vals_list)
        self.env["quality.document.revision"]._distribute_to_newcomers(
            employees.filtered("department_id")
        )
        return employees

    def write(self, vals):
        result = super().write(vals)
        if {"user_id", "quality_officer_department_ids", "department_id"} & vals.keys():
            self.env["hr.department"]._quality_scope_changed()
        if vals.get("department_id"):
            self.env["quality.document.revision"]._distribute_to_newcomers(self)
        return result
