import logging
import time

from odoo.tests import tagged
from odoo.tools import SQL

from .common import SurveyCampaignCommon

_logger = logging.getLogger(__name__)

BATCH = 10_000  # answers per INSERT


@tagged("post_install", "-at_install")
class TestSurveyQueryCount(SurveyCampaignCommon):
    """The index computation issues the same number of queries for 2,000 and for
    200,000 answers: everything is grouped in SQL (the reporting view)."""

    def _insert_answers(self, count):
        """``count`` scale answers (4 per respondent) spread over the three units,
        inserted in batches of BATCH answers."""
        questions = self.questions.ids
        units = [unit.id for unit in self.units.values()]
        per_batch = BATCH // len(questions)
        respondents = count // len(questions)
        for start in range(0, respondents, per_batch):
            size = min(per_batch, respondents - start)
            self.env.cr.execute(
                SQL(
                    """
                    WITH inputs AS (
                        INSERT INTO survey_user_input
                               (survey_id, quality_campaign_id, quality_department_id, state,
                                access_token, test_entry, create_date, write_date)
                        SELECT %(survey)s, %(campaign)s, (%(units)s::int[])[1 + mod(n, 3)], 'done',
                               md5(random()::text || n), false, now(), now()
                          FROM generate_series(1, %(size)s) AS n
                     RETURNING id
                    )
                    INSERT INTO survey_user_input_line
                           (user_input_id, question_id, answer_type, value_scale, skipped,
                            create_date, write_date)
                    SELECT inputs.id, q.question_id, 'scale', 1 + mod(inputs.id + q.question_id, 5),
                           false, now(), now()
                      FROM inputs CROSS JOIN unnest(%(questions)s::int[]) AS q(question_id)
                    """,
                    survey=self.survey.id,
                    campaign=self.campaign.id,
                    units=units,
                    size=size,
                    questions=questions,
                )
            )
        self.env.invalidate_all()

    def _measure(self, size):
        Result = self.env["quality.survey.result"]
        self._insert_answers(size)
        lines = self.env["survey.user_input.line"].search_count(
            [("user_input_id.quality_campaign_id", "=", self.campaign.id)]
        )
        self.assertEqual(lines, size)
        counts = {}
        started = time.perf_counter()
        for name, call in (
            ("category indices", lambda: self.campaign._category_indices()),
            (
                "review section",
                lambda: Result._quality_review_section(
                    "2024-09-01", "2025-08-31", self.env.company
                ),
            ),
            (
                "indicator",
                lambda: Result._quality_indicator_value(
                    "satisfaction_index", "2024-09-01", "2025-08-31", self.faculty
                ),
            ),
            ("council summary", lambda: self.campaign._summary_data()),
            ("indices XLSX rows", lambda: self.campaign._indices_rows()),
        ):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            result = call()
            counts[name] = self.cr.sql_log_count - before
            self.assertTrue(result)
        elapsed = time.perf_counter() - started
        indices = self.campaign._category_indices()
        self.assertEqual(len(indices), 6)  # 2 categories × 3 units, all above 5 respondents
        return counts, elapsed

    def test_query_count_does_not_grow_with_answers(self):
        small, small_time = self._measure(2_000)
        self.env.cr.execute(
            "DELETE FROM survey_user_input WHERE quality_campaign_id = %s", (self.campaign.id,)
        )
        self.env.invalidate_all()
        large, large_time = self._measure(200_000)
        _logger.info(
            "Survey index queries: 2,000 answers %s (%.2f s), 200,000 answers %s (%.2f s)",
            small,
            small_time,
            large,
            large_time,
        )
        self.assertEqual(small, large)
        # and the figures themselves are small and fixed
        with self.assertQueryCount(small["category indices"]):
            self.env.invalidate_all()
            self.campaign._category_indices()
