from odoo import api, fields, models


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
    quality_auditor_qualified = fields.Boolean(
        string="Qualified Internal Auditor",
        tracking=True,
        help="Completed the internal auditor training; only qualified employees "
        "may be on an audit team.",
    )
    quality_auditor_qualification_date = fields.Date(
        string="Auditor Qualification Date",
        help="Date of the internal auditor training certificate.",
    )

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
