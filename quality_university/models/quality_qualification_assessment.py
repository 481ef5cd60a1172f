from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.sql import create_index


class QualityQualificationAssessment(models.Model):
    _name = "quality.qualification.assessment"
    _description = "Qualification Assessment"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _rec_name = "employee_id"
    _check_company_auto = True

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, check_company=True
    )
    # stored for the record rule: an indexed column, not a subquery on the employees
    user_id = fields.Many2one(
        related="employee_id.user_id", string="User", store=True, index="btree_not_null"
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        index=True,
    )
    job_id = fields.Many2one(
        "hr.job", string="Position", compute="_compute_department_id", store=True, readonly=False
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    body = fields.Selection(
        [
            ("council", "Academic Council"),
            ("dean_office", "Dean's Office"),
            ("department", "Department"),
        ],
        string="Assessed By",
        required=True,
        default="department",
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    result = fields.Selection(
        [
            ("meets", "Meets the position"),
            ("meets_conditionally", "Meets the position on conditions"),
            ("does_not_meet", "Does not meet the position"),
        ],
        required=True,
        tracking=True,
    )
    decision = fields.Text()
    next_date = fields.Date(string="Next Assessment Due", tracking=True, index=True)

    def init(self):
        # the default order: a list's first page reads the index, not a sort of the table
        create_index(
            self.env.cr,
            "quality_qualification_assessment_date_id_idx",
            self._table,
            ["date DESC", "id DESC"],
        )

    @api.depends("employee_id")
    def _compute_department_id(self):
        for assessment in self:
            assessment.department_id = assessment.employee_id.department_id
            assessment.job_id = assessment.employee_id.job_id

    @api.constrains("date", "next_date")
    def _check_dates(self):
        for assessment in self:
            if assessment.next_date and assessment.next_date <= assessment.date:
                raise ValidationError(self.env._("The next assessment must be due after this one."))

    @api.constrains("decision")
    def _check_decision(self):
        for assessment in self:
            if assessment.decision is not False and not assessment.decision.strip():
                raise ValidationError(self.env._("The decision cannot be blank."))

    @api.model
    def _cron_schedule_next_assessment(self):
        """Plan an activity for the next assessment before it is due, once per assessment
        (only the latest assessment of each employee counts)."""
        activity_type = self.env.ref(
            "quality_university.mail_activity_type_qualification_assessment"
        )
        [(max_notice,)] = (
            self.env["res.company"]
            .sudo()
            ._read_group([], [], ["quality_assessment_notice_days:max"])
        )
        max_notice = max_notice or 30
        today = fields.Date.context_today(self)
        candidates = self.search(
            [("next_date", "!=", False), ("next_date", "<=", today + timedelta(days=max_notice))]
        )
        if not candidates:
            return
        latest = {
            employee.id: date
            for employee, date in self._read_group(
                [("employee_id", "in", candidates.employee_id.ids)],
                ["employee_id"],
                ["date:max"],
            )
        }
        planned = set(
            self.env["mail.activity"]
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", candidates.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            .mapped("res_id")
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for assessment in candidates:
            notice = assessment.company_id.quality_assessment_notice_days
            if (
                assessment.id in planned
                or latest.get(assessment.employee_id.id) != assessment.date
                or assessment.next_date > today + timedelta(days=notice)
            ):
                continue
            employee = assessment.employee_id
            user = (
                employee.parent_id.user_id
                or employee.department_id.manager_id.user_id
                or assessment.create_uid
            )
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": assessment.id,
                    "activity_type_id": activity_type.id,
                    "date_deadline": assessment.next_date,
                    "user_id": user.id,
                    "summary": self.env._(
                        "Qualification assessment of %(employee)s is due",
                        employee=employee.name,
                    ),
                }
            )
        if vals_list:
            self.env["mail.activity"].create(vals_list)
