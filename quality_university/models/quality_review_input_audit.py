from odoo import api, models


class QualityReviewInputAudit(models.AbstractModel):
    """Management review input: internal and external audit results."""

    _name = "quality.review.input.audit"
    _description = "Management Review Input: Audits"
    _quality_review_provider = True

    @api.model
    def _quality_review_section(self, date_from, date_to, company):
        Audit = self.env["quality.audit"].sudo()
        domain = [
            ("company_id", "=", company.id),
            ("date_start", ">=", date_from),
            ("date_start", "<=", date_to),
        ]
        by_state = dict(Audit._read_group(domain, ["state"], ["__count"]))
        findings = dict(
            self.env["quality.audit.finding"]
            .sudo()
            ._read_group(
                [("audit_id", "any", domain)],
                ["finding_type"],
                ["__count"],
            )
        )
        finding_labels = dict(
            self.env["quality.audit.finding"]
            ._fields["finding_type"]
            ._description_selection(self.env)
        )
        completion = (
            self.env["quality.indicator.core"]
            .with_company(company)
            ._quality_indicator_value(
                "audit_programme_completion", date_from, date_to, self.env["hr.department"]
            )
        )
        external = (
            self.env["quality.nonconformity"]
            .sudo()
            .search_count(
                [
                    ("company_id", "=", company.id),
                    ("source", "=", "external_audit"),
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                ]
            )
        )
        lines = [
            {"label": self.env._("Internal audits"), "value": sum(by_state.values()), "unit": ""},
            {
                "label": self.env._("Internal audits closed"),
                "value": by_state.get("closed", 0),
                "unit": "",
            },
            {
                "label": self.env._("Audit programme completion"),
                "value": completion if completion is not None else "—",
                "unit": "%" if completion is not None else "",
            },
        ]
        lines += [
            {
                "label": self.env._("Findings: %(kind)s", kind=finding_labels[kind]),
                "value": findings.get(kind, 0),
                "unit": "",
            }
            for kind in ("nonconformity", "observation", "improvement", "conformity")
        ]
        lines.append(
            {
                "label": self.env._("Nonconformities found by external audits"),
                "value": external,
                "unit": "",
            }
        )
        return {
            "key": "audits",
            "title": self.env._("Results of internal and external audits"),
            "sequence": 30,
            "lines": lines,
            "note": "",
        }
