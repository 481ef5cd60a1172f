from odoo import fields, models


class QualityAuditQuestion(models.Model):
    _name = "quality.audit.question"
    _inherit = ["quality.audit.line.mixin"]
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
