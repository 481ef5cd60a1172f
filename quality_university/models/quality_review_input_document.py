from odoo import api, fields, models

from .quality_management_review import rate_line


class QualityReviewInputDocument(models.AbstractModel):
    """Management review input: documents approved and acknowledged by the staff."""

    _name = "quality.review.input.document"
    _description = "Management Review Input: Documents"
    _quality_review_provider = True

    @api.model
    def _quality_review_section(self, date_from, date_to, company):
        Acknowledgement = self.env["quality.document.acknowledgement"].sudo()
        domain = [
            ("company_id", "=", company.id),
            ("state", "!=", "cancelled"),
            ("date_due", ">=", date_from),
            ("date_due", "<=", date_to),
        ]
        by_state = dict(Acknowledgement._read_group(domain, ["state"], ["__count"]))
        overdue = Acknowledgement.search_count(
            domain + [("state", "=", "pending"), ("date_due", "<", fields.Date.context_today(self))]
        )
        approved = (
            self.env["quality.document.revision"]
            .sudo()
            .search_count(
                [
                    ("company_id", "=", company.id),
                    ("date_approved", ">=", date_from),
                    ("date_approved", "<=", date_to),
                ]
            )
        )
        total = sum(by_state.values())
        done = by_state.get("done", 0)
        lines = [
            {"label": self.env._("Revisions approved"), "value": approved, "unit": ""},
            {"label": self.env._("Acknowledgements due"), "value": total, "unit": ""},
            {"label": self.env._("Acknowledged"), "value": done, "unit": ""},
            {"label": self.env._("Acknowledgement overdue"), "value": overdue, "unit": ""},
            rate_line(self.env._("Acknowledgement rate"), done, total),
        ]
        return {
            "key": "documents",
            "title": self.env._("Acknowledgement of documents"),
            "sequence": 70,
            "lines": lines,
            "note": "",
        }
