from odoo import api, fields, models


class QualityIndicatorCore(models.AbstractModel):
    """Named indicators computed from the core blocks' live data (8.4).

    Implements the indicator contract: ``_quality_indicators`` lists ``(code, label)``
    and ``_quality_indicator_value`` answers a percentage, or ``None`` without data.
    Every value is one or two grouped counts, whatever the number of records."""

    _name = "quality.indicator.core"
    _description = "Quality Indicators of the Core Blocks"
    _quality_indicator_provider = True

    @api.model
    def _quality_indicators(self):
        return [
            ("acknowledgement_rate", self.env._("Documents acknowledged on the sheet (%)")),
            ("nc_closed_on_time", self.env._("Nonconformities closed on time (%)")),
            ("audit_programme_completion", self.env._("Audit programme completion (%)")),
            ("capa_effectiveness", self.env._("Effective corrective actions (%)")),
        ]

    @api.model
    def _quality_indicator_value(self, code, date_from, date_to, department):
        method = {
            "acknowledgement_rate": self._indicator_acknowledgement_rate,
            "nc_closed_on_time": self._indicator_nc_closed_on_time,
            "audit_programme_completion": self._indicator_audit_programme_completion,
            "capa_effectiveness": self._indicator_capa_effectiveness,
        }.get(code)
        if not method:
            return None
        return method(date_from, date_to, department)

    @api.model
    def _unit_domain(self, department, field="department_id"):
        return [(field, "child_of", department.ids)] if department else []

    @api.model
    def _share(self, model, domain, part_domain):
        """Percentage of the records of ``domain`` that also match ``part_domain``:
        one grouped query."""
        Model = self.env[model].sudo()
        total = Model.search_count(domain)
        if not total:
            return None
        return round(100.0 * Model.search_count(domain + part_domain) / total, 1)

    def _indicator_acknowledgement_rate(self, date_from, date_to, department):
        return self._share(
            "quality.document.acknowledgement",
            [
                ("company_id", "=", self.env.company.id),
                ("state", "!=", "cancelled"),
                ("date_due", ">=", date_from),
                ("date_due", "<=", date_to),
                *self._unit_domain(department),
            ],
            [("state", "=", "done")],
        )

    def _indicator_nc_closed_on_time(self, date_from, date_to, department):
        """Nonconformities detected in the period, closed without any action
        implemented after (or still open past) its deadline."""
        Action = self.env["quality.action"]
        Action.flush_model(["nonconformity_id", "date_done", "date_deadline", "state"])
        self.env.cr.execute(
            """
            SELECT DISTINCT nonconformity_id FROM quality_action
             WHERE nonconformity_id IS NOT NULL AND company_id = %s
               AND (date_done > date_deadline
                    OR (state IN ('planned', 'in_progress') AND date_deadline < %s))
            """,
            (self.env.company.id, fields.Date.context_today(self)),
        )
        late_ids = [row[0] for row in self.env.cr.fetchall()]
        return self._share(
            "quality.nonconformity",
            [
                ("company_id", "=", self.env.company.id),
                ("state", "!=", "cancelled"),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
                *self._unit_domain(department),
            ],
            [("state", "=", "closed"), ("id", "not in", late_ids)],
        )

    def _indicator_audit_programme_completion(self, date_from, date_to, department):
        return self._share(
            "quality.audit.programme.line",
            [
                ("company_id", "=", self.env.company.id),
                ("programme_id.state", "in", ("approved", "closed")),
                ("programme_id.date_start", "<=", date_to),
                ("programme_id.date_end", ">=", date_from),
                *self._unit_domain(department),
            ],
            [("audit_id.state", "in", ("report", "follow_up", "closed"))],
        )

    def _indicator_capa_effectiveness(self, date_from, date_to, department):
        return self._share(
            "quality.action",
            [
                ("company_id", "=", self.env.company.id),
                ("effectiveness_result", "!=", False),
                ("effectiveness_date", ">=", date_from),
                ("effectiveness_date", "<=", date_to),
                *self._unit_domain(department),
            ],
            [("effectiveness_result", "=", "effective")],
        )
