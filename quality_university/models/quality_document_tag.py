from odoo import fields, models


class QualityDocumentTag(models.Model):
    _name = "quality.document.tag"
    _description = "Controlled Document Tag"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()

    _sql_constraints = [("name_unique", "UNIQUE(name)", "A tag with this name already exists.")]
