from odoo import fields, models


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    quality_auditor_qualified = fields.Boolean(string="Qualified Internal Auditor", readonly=True)
    quality_auditor_qualification_date = fields.Date(
        string="Auditor Qualification Date", readonly=True
    )
