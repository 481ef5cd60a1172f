from odoo import fields, models


class QualityAuditCriterion(models.Model):
    _name = "quality.audit.criterion"
    _description = "Audit Criterion"
    _order = "sequence, code, id"
    _rec_names_search = ["code", "name"]

    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, help="Clause or reference, e.g. ISO 9001 8.5.1.")
    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(
        [
            ("iso", "ISO 9001 clause"),
            ("manual", "Quality manual section"),
            ("procedure", "Procedure"),
            ("esg", "ESG standard"),
            ("other", "Other"),
        ],
        required=True,
        default="iso",
    )
    active = fields.Boolean(default=True)

    def _compute_display_name(self):
        for criterion in self:
            criterion.display_name = f"{criterion.code} {criterion.name}"
