from odoo import fields, models

MONTHS = [
    (str(number), name)
    for number, name in enumerate(
        (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        start=1,
    )
]


class QualityAuditProgrammeLine(models.Model):
    _name = "quality.audit.programme.line"
    _description = "Planned Audit"
    _inherit = ["quality.workflow.mixin"]
    _order = "programme_id, sequence, id"
    _check_company_auto = True
    _workflow_state_field = None
    _workflow_fields = ("audit_id",)
    _workflow_parent_field = "programme_id"

    sequence = fields.Integer(default=10)
    programme_id = fields.Many2one(
        "quality.audit.programme", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="programme_id.company_id", store=True)
    department_id = fields.Many2one(
        "hr.department", string="Unit", required=True, check_company=True
    )
    process_ids = fields.Many2many("quality.process", string="Processes", check_company=True)
    month = fields.Selection(MONTHS, required=True)
    lead_auditor_id = fields.Many2one("hr.employee", check_company=True)
    audit_id = fields.Many2one("quality.audit", readonly=True, copy=False)

    def _create_audit(self):
        Audit = self.env["quality.audit"]
        for line in self:
            audit = Audit.create(
                {
                    "name": self.env._("Audit of %(unit)s", unit=line.department_id.name),
                    "kind": "planned",
                    "programme_id": line.programme_id.id,
                    "department_ids": [fields.Command.set(line.department_id.ids)],
                    "process_ids": [fields.Command.set(line.process_ids.ids)],
                    "lead_auditor_id": line.lead_auditor_id.id,
                    "company_id": line.company_id.id,
                }
            )
            line._workflow_write({"audit_id": audit.id})
