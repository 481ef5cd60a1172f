from odoo import api, models


class QualityReviewInputNonconformity(models.AbstractModel):
    """Management review input: nonconformities found and eliminated."""

    _name = "quality.review.input.nonconformity"
    _description = "Management Review Input: Nonconformities"
    _quality_review_provider = True

    @api.model
    def _quality_review_section(self, date_from, date_to, company):
        Nonconformity = self.env["quality.nonconformity"].sudo()
        domain = [
            ("company_id", "=", company.id),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
            ("state", "!=", "cancelled"),
        ]
        by_state = dict(Nonconformity._read_group(domain, ["state"], ["__count"]))
        by_source = Nonconformity._read_group(domain, ["source"], ["__count"])
        by_unit = Nonconformity._read_group(domain, ["department_id"], ["__count"])
        repeated = Nonconformity.search_count(domain + [("repeated", "=", True)])
        major = Nonconformity.search_count(domain + [("severity", "=", "major")])
        source_labels = dict(Nonconformity._fields["source"]._description_selection(self.env))
        total = sum(by_state.values())
        closed = by_state.get("closed", 0)
        lines = [
            {"label": self.env._("Nonconformities"), "value": total, "unit": ""},
            {"label": self.env._("Open"), "value": total - closed, "unit": ""},
            {"label": self.env._("Closed (eliminated)"), "value": closed, "unit": ""},
            {"label": self.env._("Repeated"), "value": repeated, "unit": ""},
            {"label": self.env._("Major"), "value": major, "unit": ""},
        ]
        lines += [
            {
                "label": self.env._("Source: %(origin)s", origin=source_labels[source]),
                "value": count,
                "unit": "",
            }
            for source, count in by_source
        ]
        lines += [
            {"label": self.env._("By unit: %(unit)s", unit=unit.name), "value": count, "unit": ""}
            for unit, count in by_unit
        ]
        return {
            "key": "nonconformities",
            "title": self.env._("Nonconformities found and eliminated"),
            "sequence": 40,
            "lines": lines,
            "note": "",
        }
