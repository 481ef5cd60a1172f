from odoo import fields, models


class QualityProcessActivity(models.Model):
    _name = "quality.process.activity"
    _description = "QMS Process Activity"
    _order = "process_id, sequence, id"

    process_id = fields.Many2one("quality.process", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Text(string="Activity", required=True, translate=True)
    responsible = fields.Text(string="Responsible Executors", translate=True)
    documents = fields.Text(string="Describing Documents", translate=True)
    company_id = fields.Many2one(related="process_id.company_id", store=True)
