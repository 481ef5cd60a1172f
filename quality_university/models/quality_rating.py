import io

import xlsxwriter

from odoo import api, fields, models
from odoo.tools import SQL

from .quality_training_plan import academic_year_dates, academic_year_selection


class QualityRating(models.Model):
    """A yearly teaching-staff or department rating, computed with a constant number
    of grouped SQL statements whatever the number of people rated."""

    _name = "quality.rating"
    _description = "Rating"
    _inherit = ["quality.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "academic_year desc, rating_type, id desc"
    _check_company_auto = True
    _workflow_fields = ("state", "published_by_id", "published_date")
    _workflow_locked_states = ("published",)

    name = fields.Char(required=True, translate=True, tracking=True)
    indicator_set_id = fields.Many2one(
        "quality.rating.indicator.set", required=True, tracking=True, check_company=True
    )
    rating_type = fields.Selection(
        string="Rated", related="indicator_set_id.rating_type", store=True
    )
    academic_year = fields.Selection(
        academic_year_selection(), required=True, index=True, tracking=True
    )
    date_from = fields.Date(compute="_compute_dates", store=True)
    date_to = fields.Date(compute="_compute_dates", store=True)
    department_id = fields.Many2one(
        "hr.department",
        string="Scope",
        help="Rate the staff or departments of this unit and its sub-units; empty rates "
        "the whole university.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published")],
        default="draft",
        required=True,
        tracking=True,
    )
    published_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    published_date = fields.Date(readonly=True, tracking=True)
    line_ids = fields.One2many("quality.rating.line", "rating_id", string="Ranking")
    line_count = fields.Integer(compute="_compute_line_count")
    previous_rating_id = fields.Many2one(
        "quality.rating", string="Last Year's Rating", compute="_compute_previous_rating_id"
    )
    computed_on = fields.Datetime(readonly=True)

    @api.depends("academic_year")
    def _compute_dates(self):
        for rating in self:
            if rating.academic_year:
                rating.date_from, rating.date_to = academic_year_dates(rating.academic_year)
            else:
                rating.date_from = rating.date_to = False

    def _compute_line_count(self):
        counts = dict(
            self.env["quality.rating.line"]._read_group(
                [("rating_id", "in", self.ids)], ["rating_id"], ["__count"]
            )
        )
        for rating in self:
            rating.line_count = counts.get(rating, 0)

    def _compute_previous_rating_id(self):
        for rating in self:
            rating.previous_rating_id = rating._previous_rating()

    def _previous_rating(self):
        self.ensure_one()
        if not self.academic_year:
            return self.browse()
        return (
            self.sudo()
            .search(
                [
                    ("state", "=", "published"),
                    ("rating_type", "=", self.rating_type),
                    ("company_id", "=", self.company_id.id),
                    ("department_id", "=", self.department_id.id),
                    ("academic_year", "=", str(int(self.academic_year) - 1)),
                    ("id", "!=", self.id),
                ],
                order="published_date desc, id desc",
                limit=1,
            )
            .with_env(self.env)
        )

    # transitions -------------------------------------------------------------

    def action_compute(self):
        """(Re)compute values, scores, ranks and last year's comparison."""
        self._check_transition(
            from_states=("draft",), group="quality_university.group_quality_manager"
        )
        for rating in self:
            rating.sudo()._compute_rating()
        return True

    def action_publish(self):
        self._check_transition(
            from_states=("draft",), group="quality_university.group_quality_manager"
        )
        for rating in self:
            rating.sudo()._compute_rating()
        self._workflow_write(
            {
                "state": "published",
                "published_by_id": self.env.user.id,
                "published_date": fields.Date.context_today(self),
            }
        )
        return True

    def action_open_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_university.quality_rating_line_action"
        )
        action["domain"] = [("rating_id", "=", self.id)]
        action["context"] = {"default_rating_id": self.id}
        return action

    # computation -------------------------------------------------------------

    def _population_departments(self):
        """Ids of the units in scope (the scope unit and its sub-units), or None."""
        if not self.department_id:
            return None
        return (
            self.env["hr.department"]
            .with_context(active_test=False)
            ._search([("id", "child_of", self.department_id.id)])
        )

    def _compute_rating(self):
        """Every statement below is one grouped query: the count does not depend on the
        number of employees or units rated."""
        self.ensure_one()
        self.env.flush_all()
        cr = self.env.cr
        scope = self._population_departments()
        scope_sql = SQL("TRUE") if scope is None else SQL("d.id IN %s", scope.subselect())
        is_employee = self.rating_type == "employee"
        uid = self.env.uid
        # 1. the population: one line per active employee (or kafedra) in scope
        if is_employee:
            population = SQL(
                """SELECT e.id AS employee_id, e.department_id AS department_id
                     FROM hr_employee e JOIN hr_department d ON d.id = e.department_id
                    WHERE e.active AND e.company_id = %s AND %s""",
                self.company_id.id,
                scope_sql,
            )
            key = SQL("employee_id")
        else:
            population = SQL(
                """SELECT NULL::integer AS employee_id, d.id AS department_id
                     FROM hr_department d
                    WHERE d.active AND d.quality_unit_type = 'department'
                      AND d.company_id = %s AND %s""",
                self.company_id.id,
                scope_sql,
            )
            key = SQL("department_id")
        cr.execute(
            SQL(
                """DELETE FROM quality_rating_line l
                    WHERE l.rating_id = %s
                      AND l.%s NOT IN (SELECT p.%s FROM (%s) p)""",
                self.id,
                key,
                key,
                population,
            )
        )
        cr.execute(
            SQL(
                """INSERT INTO quality_rating_line
                       (rating_id, company_id, employee_id, department_id, faculty_id,
                        user_id, score, create_uid, write_uid, create_date, write_date)
                   SELECT %s, %s, p.employee_id, p.department_id,
                          (SELECT f.id FROM hr_department f
                            WHERE f.quality_unit_type = 'faculty'
                              AND starts_with(dep.parent_path, f.parent_path)
                            ORDER BY length(f.parent_path) DESC LIMIT 1),
                          e.user_id, 0, %s, %s, now() at time zone 'UTC',
                          now() at time zone 'UTC'
                     FROM (%s) p
                     JOIN hr_department dep ON dep.id = p.department_id
                     LEFT JOIN hr_employee e ON e.id = p.employee_id
                    WHERE NOT EXISTS (SELECT 1 FROM quality_rating_line l
                                       WHERE l.rating_id = %s AND l.%s = p.%s)""",
                self.id,
                self.company_id.id,
                uid,
                uid,
                population,
                self.id,
                key,
                key,
            )
        )
        if is_employee:
            # people move between units and get users: refresh the existing lines
            cr.execute(
                SQL(
                    """UPDATE quality_rating_line l
                          SET user_id = e.user_id, department_id = e.department_id,
                              faculty_id = (SELECT f.id FROM hr_department f
                                             JOIN hr_department dep ON dep.id = e.department_id
                                            WHERE f.quality_unit_type = 'faculty'
                                              AND starts_with(dep.parent_path, f.parent_path)
                                            ORDER BY length(f.parent_path) DESC LIMIT 1)
                         FROM hr_employee e
                        WHERE l.rating_id = %s AND e.id = l.employee_id
                          AND (l.user_id IS DISTINCT FROM e.user_id
                               OR l.department_id IS DISTINCT FROM e.department_id)""",
                    self.id,
                )
            )
        # 2. one value per line and indicator of the set
        indicators = self.indicator_set_id.indicator_ids
        cr.execute(
            SQL(
                """DELETE FROM quality_rating_value
                    WHERE rating_id = %s AND NOT indicator_id = ANY(%s)""",
                self.id,
                indicators.ids,
            )
        )
        cr.execute(
            SQL(
                """INSERT INTO quality_rating_value
                       (rating_id, line_id, indicator_id, value, company_id,
                        create_uid, write_uid, create_date, write_date)
                   SELECT l.rating_id, l.id, i, 0, l.company_id, %s, %s,
                          now() at time zone 'UTC', now() at time zone 'UTC'
                     FROM quality_rating_line l CROSS JOIN unnest(%s) AS i
                    WHERE l.rating_id = %s
                      AND NOT EXISTS (SELECT 1 FROM quality_rating_value v
                                       WHERE v.line_id = l.id AND v.indicator_id = i)""",
                uid,
                uid,
                indicators.ids,
                self.id,
            )
        )
        # 3. the values the system knows
        for indicator in indicators.filtered(lambda i: i.source != "manual"):
            self._update_live_values(indicator, is_employee)
        # 4. normalisation and weighted values, then score, rank and last year's in one
        # statement each; rows whose figures did not change are not rewritten
        cr.execute(
            SQL(
                """UPDATE quality_rating_value v
                      SET normalised = n.normalised, weighted = n.weighted
                     FROM (SELECT n.id, n.normalised,
                                  ROUND((n.weight * n.normalised)::numeric, 6) AS weighted
                             FROM (SELECT v.id, i.weight, CASE
                                          WHEN i.normalisation = 'none' THEN v.value
                                          WHEN COALESCE(m.top, 0) = 0
                                               AND i.direction = 'lower' THEN 1
                                          WHEN COALESCE(m.top, 0) = 0 THEN 0
                                          WHEN i.direction = 'lower' THEN 1 - v.value / m.top
                                          ELSE v.value / m.top END AS normalised
                                     FROM quality_rating_value v
                                     JOIN quality_rating_indicator i ON i.id = v.indicator_id
                                     JOIN (SELECT indicator_id, MAX(value) AS top
                                             FROM quality_rating_value WHERE rating_id = %s
                                            GROUP BY indicator_id) m
                                       ON m.indicator_id = v.indicator_id
                                    WHERE v.rating_id = %s) n) n
                    WHERE v.id = n.id
                      AND (v.normalised, v.weighted) IS DISTINCT FROM (n.normalised, n.weighted)""",
                self.id,
                self.id,
            )
        )
        previous = self._previous_rating()
        cr.execute(
            SQL(
                """UPDATE quality_rating_line l
                      SET score = n.score, rank = n.rank, previous_score = n.previous_score,
                          previous_rank = n.previous_rank, score_delta = n.score_delta,
                          rank_delta = n.rank_delta
                     FROM (SELECT r.id, r.score, r.rank, p.score AS previous_score,
                                  p.rank AS previous_rank, r.score - p.score AS score_delta,
                                  p.rank - r.rank AS rank_delta
                             FROM (SELECT s.id, s.key, s.score,
                                          RANK() OVER (ORDER BY s.score DESC) AS rank
                                     FROM (SELECT l.id, l.%s AS key,
                                                  COALESCE(t.total, l.score) AS score
                                             FROM quality_rating_line l
                                             LEFT JOIN (SELECT line_id,
                                                               ROUND(SUM(weighted)::numeric, 4)
                                                                   AS total
                                                          FROM quality_rating_value
                                                         WHERE rating_id = %s
                                                         GROUP BY line_id) t
                                               ON t.line_id = l.id
                                            WHERE l.rating_id = %s) s) r
                             LEFT JOIN quality_rating_line p
                                    ON p.rating_id = %s AND p.%s = r.key) n
                    WHERE l.id = n.id
                      AND (l.score, l.rank, l.previous_score, l.previous_rank, l.score_delta,
                           l.rank_delta)
                          IS DISTINCT FROM (n.score, n.rank, n.previous_score, n.previous_rank,
                                            n.score_delta, n.rank_delta)""",
                key,
                self.id,
                self.id,
                previous.id or None,
                key,
            )
        )
        self._workflow_write({"computed_on": fields.Datetime.now()})
        self.env.invalidate_all()

    def _update_live_values(self, indicator, is_employee):
        """Write one indicator's values for every line in one statement."""
        date_from, date_to = self.date_from, self.date_to
        per_unit = False
        if indicator.source == "training_hours":
            source = SQL(
                """SELECT l.employee_id AS key, SUM(l.quality_hours) AS value
                     FROM hr_resume_line l
                    WHERE l.date_start BETWEEN %s AND %s AND l.quality_hours > 0
                    GROUP BY l.employee_id""",
                date_from,
                date_to,
            )
            if not is_employee:
                source = SQL(
                    """SELECT e.department_id AS key, SUM(h.value) AS value
                         FROM (%s) h JOIN hr_employee e ON e.id = h.key
                        GROUP BY e.department_id""",
                    source,
                )
                per_unit = True
        elif indicator.source == "nonconformities":
            source = SQL(
                """SELECT department_id AS key, COUNT(*) AS value
                     FROM quality_nonconformity
                    WHERE date BETWEEN %s AND %s AND state != 'cancelled'
                    GROUP BY department_id""",
                date_from,
                date_to,
            )
            per_unit = True
        elif indicator.source == "acknowledgement_rate":
            column = SQL("employee_id") if is_employee else SQL("department_id")
            per_unit = not is_employee
            source = SQL(
                """SELECT %s AS key,
                          100.0 * COUNT(*) FILTER (WHERE state = 'done') / COUNT(*) AS value
                     FROM quality_document_acknowledgement
                    WHERE state IN ('done', 'pending')
                      AND COALESCE(date_due, create_date::date) BETWEEN %s AND %s
                    GROUP BY %s""",
                column,
                date_from,
                date_to,
                column,
            )
        else:  # named: one value per unit, from the indicator's provider
            units = self.env["hr.department"].browse(
                [
                    department.id
                    for (department,) in self.env["quality.rating.line"]._read_group(
                        [("rating_id", "=", self.id)], ["department_id"]
                    )
                    if department
                ]
            )
            named = indicator._named_values(date_from, date_to, units)
            source = SQL(
                "SELECT unnest(%s::integer[]) AS key, unnest(%s::float[]) AS value",
                list(named),
                [float(value) for value in named.values()],
            )
            per_unit = True
        line_key = SQL("department_id") if per_unit or not is_employee else SQL("employee_id")
        self.env.cr.execute(
            SQL(
                """UPDATE quality_rating_value v SET value = COALESCE(src.value, 0)
                     FROM quality_rating_line l
                     LEFT JOIN (%s) src ON src.key = l.%s
                    WHERE v.line_id = l.id AND v.rating_id = %s AND v.indicator_id = %s
                      AND v.value IS DISTINCT FROM COALESCE(src.value, 0)""",
                source,
                line_key,
                self.id,
                indicator.id,
            )
        )

    def _report_lines(self):
        """The lines the reader may see (reports read x2many fields without rules), with
        what the PDF and the XLSX print: three queries for any number of lines."""
        self.ensure_one()
        lines = self.env["quality.rating.line"].search_fetch(
            [("rating_id", "=", self.id)],
            ["rank", "employee_id", "department_id", "faculty_id", "score"]
            + ["previous_rank", "score_delta"],
            order="rank, id",
        )
        lines.employee_id.fetch(["name"])
        (lines.department_id | lines.faculty_id).fetch(["name", "complete_name"])
        return lines

    def _ranking_xlsx_content(self):
        """The bytes of the ranking's XLSX with the reader's rights and language: text with
        write_string, numbers with write_number, never a formula."""
        self.ensure_one()
        env = self.env
        lines = self._report_lines()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(env._("Ranking")[:31])
        bold = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        header = [
            env._("Rank"),
            env._("Employee"),
            env._("Unit"),
            env._("Faculty"),
            env._("Score"),
            env._("Last Year's Rank"),
            env._("Score Change"),
        ]
        sheet.write_string(0, 0, self.name or "", bold)
        for col, title in enumerate(header):
            sheet.write_string(1, col, title, bold)
        for row, line in enumerate(lines, start=2):
            sheet.write_number(row, 0, line.rank)
            sheet.write_string(row, 1, line.employee_id.name or "")
            sheet.write_string(row, 2, line.department_id.name or "")
            sheet.write_string(row, 3, line.faculty_id.name or "")
            sheet.write_number(row, 4, line.score)
            if line.previous_rank:
                sheet.write_number(row, 5, line.previous_rank)
                sheet.write_number(row, 6, line.score_delta)
        sheet.set_column(0, len(header) - 1, 20)
        sheet.freeze_panes(2, 0)
        workbook.close()
        return output.getvalue()

    @api.readonly
    def action_export_xlsx(self):
        """Only hands over the download URL: a read replica can answer."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/quality_university/ranking.xlsx?rating_id={self.id}",
            "target": "download",
        }
