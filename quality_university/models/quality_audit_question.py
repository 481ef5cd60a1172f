from odoo import api, fields, models
from odoo.exceptions import UserError


class QualityAuditQuestion(models.Model):
    _name = "quality.audit.question"
    _description = "Audit Checklist Question"
    _order = "audit_id, sequence, id"

    sequence = fields.Integer(default=10)
    audit_id = fields.Many2one("quality.audit", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="audit_id.company_id", store=True)
    name = fields.Text(string="Question", required=True)
    criterion_id = fields.Many2one(
        "quality.audit.criterion",
    )
    answer = fields.Selection(
        [("yes", "Conforms"), ("partial", "Partly"), ("no", "Does not conform"), ("na", "N/A")]
    )
    evidence = fields.Text(help="Objective evidence seen: documents, records, interviews.")

    def _check_audit_open(self):
        if self.audit_id.filtered(lambda audit: audit.state == "closed"):
            raise UserError(self.env._("A closed audit is read-only."))

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_audit_open()
        return records

    def write(self, vals):
        self._check_audit_open()
        return super().write(vals)
