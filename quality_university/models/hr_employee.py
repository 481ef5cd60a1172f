from odoo import fields, models


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
