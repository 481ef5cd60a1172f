from odoo import fields, models


class QualityDocumentDestruction(models.TransientModel):
    _name = "quality.document.destruction"
    _description = "Destruction Record of a Document Revision"

    revision_id = fields.Many2one("quality.document.revision", required=True)
    date = fields.Date(default=fields.Date.context_today, required=True)
    method = fields.Char(required=True, help="e.g. Shredded by the records commission")

    def action_confirm(self):
        self.ensure_one()
        self.revision_id._destroy(self.date, self.method)
        return {"type": "ir.actions.act_window_close"}
