from odoo import fields, models

from .hr_employee import COMPLIANCE_STATES


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    quality_auditor_qualified = fields.Boolean(
        string="Qualified Internal Auditor", compute="_compute_quality_staff"
    )
    quality_auditor_qualification_date = fields.Date(
        string="Auditor Qualification Date", compute="_compute_quality_staff"
    )
    quality_auditor_valid_until = fields.Date(
        string="Auditor Qualification Valid Until", compute="_compute_quality_staff"
    )
    quality_compliance_state = fields.Selection(
        COMPLIANCE_STATES, string="Qualification Compliance", compute="_compute_quality_staff"
    )
    quality_gap_summary = fields.Char(
        string="Missing Qualifications", compute="_compute_quality_staff"
    )

    def _compute_quality_staff(self):
        employees = self.env["hr.employee"].sudo().browse(self.ids)
        names = (
            "quality_auditor_qualified",
            "quality_auditor_qualification_date",
            "quality_auditor_valid_until",
            "quality_compliance_state",
            "quality_gap_summary",
        )
        values = {row["id"]: row for row in employees.read(list(names))}
        for employee in self:
            row = values.get(employee.id, {})
            for name in names:
                employee[name] = row.get(name, False)
