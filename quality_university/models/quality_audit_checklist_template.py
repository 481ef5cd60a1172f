from odoo import fields, models


class QualityAuditChecklistTemplate(models.Model):
    _name = "quality.audit.checklist.template"
    _description = "Audit Checklist Question Template"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Text(string="Question", required=True, translate=True)
    process_id = fields.Many2one(
        "quality.process",
    )
    criterion_id = fields.Many2one(
        "quality.audit.criterion",
    )
    active = fields.Boolean(default=True)
