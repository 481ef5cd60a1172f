import logging
import time

from odoo.tests import tagged

from .common_employment import EmploymentCommon

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestEmploymentReportQueries(EmploymentCommon):
    """Building the yearly report and the analysis issues the same number of
    queries for 1,000 and for 10,000 graduates."""

    def _add_graduates(self, count, offset):
        """``count`` graduates of 2031 in A with an outcome at 12 months, by SQL."""
        cr = self.env.cr
        partner = self.env["res.partner"].create({"name": "Bulk graduate"})
        cr.execute(
            """
            INSERT INTO quality_graduate (partner_id, name, student_code, programme_id,
                   department_id, graduation_year, funding, obligation_state,
                   obligation_required, company_id, active, consent)
            SELECT %s, 'Bulk graduate ' || n, 'BULK' || n, %s, %s, 2031, 'paid', 'open',
                   false, %s, true, false
              FROM generate_series(%s, %s) n
            RETURNING id
            """,
            (
                partner.id,
                self.programme_a.id,
                self.kafedra_ped.id,
                self.env.company.id,
                offset,
                offset + count - 1,
            ),
        )
        ids = [row[0] for row in cr.fetchall()]
        codes = ["employed_specialty", "employed_other", "seeking", "not_seeking", "military"]
        cr.execute(
            """
            INSERT INTO quality_graduate_employment (graduate_id, checkpoint_id,
                   checkpoint_months, status_id, programme_id, department_id, graduation_year,
                   company_id, source, evidenced, months_to_job, salary_band, reason_id)
            SELECT g, %s, 12, (%s::int[])[1 + g %% 5], %s, %s, 2031, %s, 'pension', true,
                   g %% 7, 'below_150', CASE WHEN g %% 5 = 2 THEN %s END
              FROM unnest(%s::int[]) g
            """,
            (
                self.checkpoint_12.id,
                [self.status[code].id for code in codes],
                self.programme_a.id,
                self.kafedra_ped.id,
                self.env.company.id,
                self.env.ref("quality_university.employment_reason_no_vacancy").id,
                ids,
            ),
        )
        self.env.invalidate_all()

    def _build(self):
        """Everything the PDF, the XLSX and the analysis read."""
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        report = self.env["report.quality_university.employment_report_document"]
        start_queries, start = self.env.cr.sql_log_count, time.perf_counter()
        data = report._report_data(self.faculty_ped, 2031)
        self.env["quality.employment.report"].read_group(
            [("graduation_year", "=", 2031)],
            ["graduate_count", "knowledge_rate", "employment_rate", "in_specialty_rate"],
            ["programme_id", "checkpoint_id"],
            lazy=False,
        )
        self.env["quality.employment.report"]._quality_indicator_value(
            "employment_rate", "2031-01-01", "2031-12-31", self.faculty_ped
        )
        return data, self.env.cr.sql_log_count - start_queries, time.perf_counter() - start

    def test_query_count_does_not_grow_with_graduates(self):
        self._add_graduates(1000, 0)
        self._build()  # warm the caches
        small, small_queries, small_time = self._build()
        self._add_graduates(9000, 1000)
        self._build()
        large, large_queries, large_time = self._build()
        final = [t for t in small["totals"] if t["checkpoint"] == self.checkpoint_12][0]
        self.assertEqual(final["graduate_count"], 1000)
        final = [t for t in large["totals"] if t["checkpoint"] == self.checkpoint_12][0]
        self.assertEqual(final["graduate_count"], 10000)
        self.assertEqual(final["employed_count"], 4000)
        self.assertAlmostEqual(final["employment_rate"], 100 * 6000 / 8000)
        self.assertEqual(small_queries, large_queries)
        _logger.info(
            "Employment report: %s queries for 1,000 graduates (%.3f s), %s for 10,000 (%.3f s)",
            small_queries,
            small_time,
            large_queries,
            large_time,
        )
        with self.assertQueryCount(large_queries):
            self.env.invalidate_all()
            self.env["report.quality_university.employment_report_document"]._report_data(
                self.faculty_ped, 2031
            )
            self.env["quality.employment.report"].read_group(
                [("graduation_year", "=", 2031)],
                ["graduate_count", "knowledge_rate", "employment_rate", "in_specialty_rate"],
                ["programme_id", "checkpoint_id"],
                lazy=False,
            )
            self.env["quality.employment.report"]._quality_indicator_value(
                "employment_rate", "2031-01-01", "2031-12-31", self.faculty_ped
            )
