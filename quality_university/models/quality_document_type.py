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
    code_system = fields.Char(
        string="Code System Prefix",
        help="First part of the codes of this type, e.g. СЖҚ (сапа жүйесінің құжаты).",
    )
    code_abbreviation = fields.Char(
        help="Abbreviation of the type in codes, e.g. ҚР (құжатталған рет-жосық). With it, "
        "a document's code is built as the manual writes it: system prefix, the manual "
        "clause, the abbreviation and the number within that clause and type, e.g. "
        "«СЖҚ 04.ҚР 01».",
    )
    agreement_required = fields.Boolean(
        help="Revisions of this type cannot be approved before their reviewers agreed "
        "(келісу) and checked (тексеру) them.",
    )
    default_reviewer_ids = fields.Many2many(
        "res.users",
        "quality_document_type_reviewer_rel",
        "type_id",
        "user_id",
        string="Default Reviewers",
        help="Reviewers put on every new revision of this type that names none.",
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

    def _code_head(self, clause=None):
        """The code before the number: «СЖҚ 04.ҚР» with a clause, «СЖҚ СН» without."""
        self.ensure_one()
        if not self.code_abbreviation:
            return None
        abbreviation = self.code_abbreviation.strip()
        if clause:
            abbreviation = f"{clause.strip()}.{abbreviation}"
        return " ".join(part for part in ((self.code_system or "").strip(), abbreviation) if part)

    def _next_code(self, clause=None, company=None):
        """Next code of this type in the manual's clause: the highest number already
        used by a document of the company with the same head, plus one."""
        self.ensure_one()
        head = self._code_head(clause)
        if head:
            company = company or self.env.company
            codes = (
                self.env["quality.document"]
                .sudo()
                .with_context(active_test=False)
                .search_fetch(
                    [("company_id", "=", company.id), ("code", "=like", f"{head} %")], ["code"]
                )
                .mapped("code")
            )
            numbers = [
                int(code[len(head) + 1 :]) for code in codes if code[len(head) + 1 :].isdigit()
            ]
            return f"{head} {max(numbers, default=0) + 1:02d}"
        if self.sequence_id:
            return self.sequence_id.next_by_id()
        return self.env["ir.sequence"].next_by_code("quality.document")
