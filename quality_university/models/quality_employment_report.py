from odoo import api, fields, models, tools
from odoo.tools import SQL

# the counts each rate is made of: (rate, numerator, denominator)
RATES = (
    ("knowledge_rate", "known_count", "graduate_count"),
    ("employment_rate", "positive_count", "base_count"),
    ("in_specialty_rate", "in_specialty_count", "employed_count"),
)

# the counts of a row, which add up over rows
COUNTS = (
    "graduate_count",
    "known_count",
    "excluded_count",
    "base_count",
    "positive_count",
    "employed_count",
    "in_specialty_count",
    "in_specialty_unproven_count",
    "months_to_job_total",
)
# the named indicators this report provides, and their rate
INDICATOR_RATES = {
    "employment_rate": "employment_rate",
    "employment_knowledge_rate": "knowledge_rate",
    "employment_in_specialty_rate": "in_specialty_rate",
}


def _rate(numerator, denominator):
    return round(100.0 * numerator / denominator, 2) if denominator else 0.0


class QualityEmploymentReport(models.Model):
    """Graduate employment by programme, graduation year and checkpoint: the one
    source of the figures the pivot, the PDF, the XLSX, the quality objectives and
    the management review show. Counts only: no person is visible here."""

    _name = "quality.employment.report"
    _description = "Graduate Employment Analysis"
    _auto = False
    _order = "graduation_year desc, programme_id, checkpoint_months"
    _rec_name = "programme_id"
    _quality_review_provider = True
    _quality_indicator_provider = True

    programme_id = fields.Many2one("quality.programme", readonly=True)
    department_id = fields.Many2one("hr.department", string="Graduating Department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    level = fields.Selection(
        [
            ("bachelor", "Bachelor"),
            ("master", "Master"),
            ("doctorate", "Doctorate"),
            ("specialised", "Specialised higher education"),
        ],
        readonly=True,
    )
    graduation_year = fields.Integer(readonly=True, aggregator=False)
    checkpoint_id = fields.Many2one("quality.employment.checkpoint", readonly=True)
    checkpoint_months = fields.Integer(readonly=True, aggregator=False)
    graduate_count = fields.Integer(string="Graduates", readonly=True)
    known_count = fields.Integer(string="Known Outcome", readonly=True)
    excluded_count = fields.Integer(string="Not Seeking (Excluded)", readonly=True)
    base_count = fields.Integer(string="Rate Base", readonly=True)
    positive_count = fields.Integer(string="Positive Outcome", readonly=True)
    employed_count = fields.Integer(string="Employed", readonly=True)
    in_specialty_count = fields.Integer(string="In Specialty (Proven)", readonly=True)
    in_specialty_unproven_count = fields.Integer(
        string="In Specialty (Claimed, No Evidence)", readonly=True
    )
    months_to_job_total = fields.Integer(string="Months to First Job (Sum)", readonly=True)
    knowledge_rate = fields.Float(string="Knowledge Rate (%)", readonly=True, aggregator="avg")
    employment_rate = fields.Float(
        string="Career Outcomes Rate (%)", readonly=True, aggregator="avg"
    )
    in_specialty_rate = fields.Float(
        string="In-specialty Rate (%)", readonly=True, aggregator="avg"
    )

    def _query(self):
        """One row per programme, graduation year and checkpoint. The id is made of
        those three (no window function), so a filter on them or on the unit reaches
        the graduates' indexes instead of aggregating every year of every unit."""
        return """
            SELECT (c.programme_id::bigint * 10000 + c.graduation_year) * 100000
                       + c.checkpoint_id AS id,
                   c.*,
                   c.known_count - c.excluded_count AS base_count,
                   CASE WHEN c.graduate_count > 0
                        THEN round(100.0 * c.known_count / c.graduate_count, 2) ELSE 0 END
                       AS knowledge_rate,
                   CASE WHEN c.known_count - c.excluded_count > 0
                        THEN round(100.0 * c.positive_count
                                   / (c.known_count - c.excluded_count), 2) ELSE 0 END
                       AS employment_rate,
                   CASE WHEN c.employed_count > 0
                        THEN round(100.0 * c.in_specialty_count / c.employed_count, 2) ELSE 0 END
                       AS in_specialty_rate
              FROM (
                SELECT g.programme_id,
                       p.department_id,
                       p.level,
                       g.company_id,
                       g.graduation_year,
                       cp.id AS checkpoint_id,
                       cp.months AS checkpoint_months,
                       count(*)::int AS graduate_count,
                       count(*) FILTER (WHERE s.known)::int AS known_count,
                       count(*) FILTER (WHERE s.known AND s.excluded)::int AS excluded_count,
                       count(*) FILTER (WHERE s.known AND s.positive)::int AS positive_count,
                       count(*) FILTER (WHERE s.known AND s.employed)::int AS employed_count,
                       count(*) FILTER (WHERE s.known AND s.employed AND s.in_specialty
                                          AND e.evidenced)::int AS in_specialty_count,
                       count(*) FILTER (WHERE s.known AND s.employed AND s.in_specialty
                                          AND NOT e.evidenced)::int AS in_specialty_unproven_count,
                       coalesce(sum(e.months_to_job) FILTER (WHERE s.employed), 0)::int
                           AS months_to_job_total
                  FROM quality_graduate g
                  JOIN quality_programme p ON p.id = g.programme_id
                 CROSS JOIN quality_employment_checkpoint cp
                  LEFT JOIN quality_graduate_employment e
                         ON e.graduate_id = g.id AND e.checkpoint_id = cp.id
                  LEFT JOIN quality_employment_status s ON s.id = e.status_id
                 WHERE g.active AND cp.active
                 GROUP BY g.programme_id, p.department_id, p.level, g.company_id,
                          g.graduation_year, cp.id, cp.months
              ) c
        """

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        """A rate of a group is its counts' ratio, not the average of its rows' rates."""
        wanted = [
            rate for rate, _num, _den in RATES if any(f.split(":")[0] == rate for f in fields)
        ]
        if wanted:
            fields = list(fields) + [
                count for rate, num, den in RATES if rate in wanted for count in (num, den)
            ]
        groups = super().read_group(domain, fields, groupby, offset, limit, orderby, lazy)
        for group in groups:
            for rate, numerator, denominator in RATES:
                if rate in wanted:
                    group[rate] = _rate(group.get(numerator) or 0, group.get(denominator) or 0)
        return groups

    # the figures, grouped ------------------------------------------------------

    @api.model
    def _final_checkpoint(self):
        return self.env["quality.employment.checkpoint"].search([], order="months desc", limit=1)

    @api.model
    def _figures(self, domain, groupby=()):
        """Counts and rates for ``domain`` grouped by ``groupby``: one query."""
        result = []
        for row in self._read_group(domain, list(groupby), [f"{c}:sum" for c in COUNTS]):
            keys, values = row[: len(groupby)], dict(zip(COUNTS, row[len(groupby) :], strict=True))
            result.append((keys, self._with_rates(values)))
        return result

    @api.model
    def _sum_figures(self, figures):
        """The figures of several groups as one: their counts summed, rates of the sums."""
        return self._with_rates({name: sum(values[name] for values in figures) for name in COUNTS})

    @api.model
    def _with_rates(self, counts):
        values = {name: counts[name] or 0 for name in COUNTS}
        for rate, numerator, denominator in RATES:
            values[rate] = _rate(values[numerator], values[denominator])
        values["months_to_job_avg"] = (
            round(values["months_to_job_total"] / values["employed_count"], 1)
            if values["employed_count"]
            else 0.0
        )
        return values

    @api.model
    def _unit_domain(self, departments):
        """The units and their sub-units, as ``child_of`` finds them, as a list of ids:
        the filter then reaches the graduates under the view's grouping."""
        units = (
            self.env["hr.department"]
            .sudo()
            .with_context(active_test=False)
            .search([("id", "child_of", departments.ids)])
        )
        return [("department_id", "in", units.ids)]

    @api.model
    def _cohort_domain(self, date_from, date_to, company=None, department=None):
        years = (fields.Date.to_date(date_from).year, fields.Date.to_date(date_to).year)
        domain = [
            ("graduation_year", ">=", years[0]),
            ("graduation_year", "<=", years[1]),
            ("checkpoint_id", "=", self._final_checkpoint().id),
        ]
        if company:
            domain.append(("company_id", "=", company.id))
        if department:
            domain += self._unit_domain(department)
        return domain

    # management review and quality objectives --------------------------------

    @api.model
    def _quality_review_section(self, date_from, date_to, company):
        figures = self._figures(self._cohort_domain(date_from, date_to, company))
        values = figures[0][1] if figures else {}
        checkpoint = self._final_checkpoint()
        lines = [
            {
                "label": self.env._("Graduates"),
                "value": values.get("graduate_count", 0),
                "unit": "",
            },
            {
                "label": self.env._("Knowledge rate"),
                "value": values.get("knowledge_rate", 0.0),
                "unit": "%",
            },
            {
                "label": self.env._("Career outcomes rate"),
                "value": values.get("employment_rate", 0.0),
                "unit": "%",
            },
            {
                "label": self.env._("In-specialty rate"),
                "value": values.get("in_specialty_rate", 0.0),
                "unit": "%",
            },
        ]
        return {
            "key": "graduate_employment",
            "title": self.env._("Graduate employment (7.5.3)"),
            "sequence": 60,
            "lines": lines,
            "note": self.env._(
                "Graduates of %(start)s–%(end)s, %(checkpoint)s; rates as the NACE "
                "first-destination standards define them.",
                start=fields.Date.to_date(date_from).year,
                end=fields.Date.to_date(date_to).year,
                checkpoint=checkpoint.name or "",
            ),
        }

    @api.model
    def _quality_indicators(self):
        return [
            ("employment_rate", self.env._("Graduate career outcomes rate (%)")),
            ("employment_knowledge_rate", self.env._("Graduate outcome knowledge rate (%)")),
            ("employment_in_specialty_rate", self.env._("Graduates employed in specialty (%)")),
        ]

    @api.model
    def _quality_indicator_value(self, code, date_from, date_to, department):
        rate = INDICATOR_RATES.get(code)
        if not rate:
            return None
        domain = self._cohort_domain(date_from, date_to, department=department or None)
        figures = self._figures(domain)
        if not figures or not figures[0][1]["graduate_count"]:
            return None
        return figures[0][1][rate]

    @api.model
    def _quality_indicator_values(self, code, date_from, date_to, departments):
        """``_quality_indicator_value`` of each unit of ``departments``: one query."""
        rate = INDICATOR_RATES.get(code)
        if not rate or not departments:
            return {}
        numerator, denominator = next((num, den) for r, num, den in RATES if r == rate)
        domain = self._cohort_domain(date_from, date_to, department=departments)
        counts = {
            keys[0]: [values["graduate_count"], values[numerator], values[denominator]]
            for keys, values in self._figures(domain, ("department_id",))
            if keys[0]
        }
        return {
            unit_id: _rate(num, den)
            for unit_id, (graduates, num, den) in departments._quality_roll_up(counts).items()
            if graduates
        }

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), SQL(self._query())
            )
        )
