from odoo import api, fields, models


class QualityDocumentType(models.Model):
    _name = "quality.document.type"
    _description = "Controlled Document Type"
    _order = "level, sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    level = fields.Integer(
        required=True,
        default=3,
        help="Level of the type in the 5-level document hierarchy: 1 policy and "
        "objectives, 2 quality manual, 3 documented procedures, 4 regulations, job "
        "descriptions and work instructions, 5 forms and records.",
    )
    code_prefix = fields.Char(
        help="Codes of new documents of this type without a code of their own are "
        "this prefix followed by a number."
    )
    sequence_id = fields.Many2one(
        "ir.sequence", string="Code Sequence", readonly=True, copy=False, ondelete="restrict"
    )
    approver_id = fields.Many2one(
        "res.users",
        string="Approver Delegate",
        help="Approves revisions of this type instead of the rector.",
    )
    review_interval_months = fields.Integer(
        string="Review Interval (months)",
        default=12,
        help="Default interval between periodic reviews of documents of this type.",
    )
    acknowledgement_days = fields.Integer(
        string="Days to Acknowledge",
        default=10,
        help="Staff must acknowledge an effective revision within this many days.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("level_range", "CHECK(level BETWEEN 1 AND 5)", "The hierarchy level is 1 to 5."),
        (
            "review_interval_positive",
            "CHECK(review_interval_months > 0)",
            "The review interval is a positive number of months.",
        ),
        (
            "acknowledgement_days_positive",
            "CHECK(acknowledgement_days > 0)",
            "The time to acknowledge is a positive number of days.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        doc_types = super().create(vals_list)
        for doc_type in doc_types.filtered(lambda t: t.code_prefix and not t.sequence_id):
            doc_type.sequence_id = (
                self.env["ir.sequence"]
                .sudo()
                .create(
                    {
                        "name": doc_type.name,
                        "prefix": doc_type.code_prefix,
                        "padding": 2,
                        "company_id": False,
                    }
                )
            )
        return doc_types

    def write(self, vals):
        result = super().write(vals)
        if "code_prefix" in vals:
            for doc_type in self.filtered("sequence_id"):
                doc_type.sequence_id.sudo().prefix = doc_type.code_prefix
        return result

    def _next_code(self):
        self.ensure_one()
        if self.sequence_id:
            return self.sequence_id.next_by_id()
        return self.env["ir.sequence"].next_by_code("quality.document")
