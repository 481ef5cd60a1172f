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
    origin = fields.Selection(
        [("manual", "Quality manual"), ("university", "Added by the university")],
        required=True,
        default="university",
        help="Whether the activity and its executors are listed by the quality manual or "
        "were added by the university (e.g. derived from the manual's text).",
    )
    company_id = fields.Many2one(related="process_id.company_id", store=True)
