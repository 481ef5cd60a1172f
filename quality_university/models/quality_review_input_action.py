from odoo import api, fields, models

from .quality_management_review import rate_line


class QualityReviewInputAction(models.AbstractModel):
    """Management review input: corrective, preventive and improvement actions and
    their effectiveness."""

    _name = "quality.review.input.action"
    _description = "Management Review Input: Actions"
    _quality_review_provider = True

    @api.model
    def _quality_review_section(self, date_from, date_to, company):
        Action = self.env["quality.action"].sudo()
        domain = [
            ("company_id", "=", company.id),
            ("date_deadline", ">=", date_from),
            ("date_deadline", "<=", date_to),
            ("state", "!=", "cancelled"),
        ]
        by_type = dict(Action._read_group(domain, ["action_type"], ["__count"]))
        by_result = dict(
            Action._read_group(
                domain + [("effectiveness_result", "!=", False)],
                ["effectiveness_result"],
                ["__count"],
            )
        )
        closed = Action.search_count(domain + [("state", "=", "closed")])
        overdue = Action.search_count(
            domain
            + [
                ("state", "in", ("planned", "in_progress")),
                ("date_deadline", "<", fields.Date.context_today(self)),
            ]
        )
        type_labels = dict(Action._fields["action_type"]._description_selection(self.env))
        evaluated = sum(by_result.values())
        effective = by_result.get("effective", 0)
        lines = [
            {"label": type_labels[kind], "value": by_type.get(kind, 0), "unit": ""}
            for kind in ("corrective", "preventive", "improvement")
        ]
        lines += [
            {"label": self.env._("Closed"), "value": closed, "unit": ""},
            {"label": self.env._("Overdue"), "value": overdue, "unit": ""},
            {"label": self.env._("Effectiveness evaluated"), "value": evaluated, "unit": ""},
            {"label": self.env._("Found effective"), "value": effective, "unit": ""},
            rate_line(self.env._("Effectiveness rate"), effective, evaluated),
        ]
        return {
            "key": "actions",
            "title": self.env._("Corrective and preventive actions and their effectiveness"),
            "sequence": 60,
            "lines": lines,
            "note": "",
        }
