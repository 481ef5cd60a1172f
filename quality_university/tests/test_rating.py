import io
import logging
import time
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import QualityCommon

_logger = logging.getLogger(__name__)


class RatingCommon(QualityCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Department = cls.env["hr.department"]
        cls.rated = Department.create({"name": "Rated Faculty", "quality_unit_type": "faculty"})
        cls.unit1 = Department.create(
            {
                "name": "Rated Kafedra 1",
                "quality_unit_type": "department",
                "parent_id": cls.rated.id,
            }
        )
        cls.unit2 = Department.create(
            {
                "name": "Rated Kafedra 2",
                "quality_unit_type": "department",
                "parent_id": cls.rated.id,
            }
        )
        Employee = cls.env["hr.employee"]
        cls.a, cls.b = Employee.create(
            [{"name": n, "department_id": cls.unit1.id} for n in ("Rated A", "Rated B")]
        )
        cls.c, cls.d = Employee.create(
            [{"name": n, "department_id": cls.unit2.id} for n in ("Rated C", "Rated D")]
        )
        cls.indicator_set = cls.env["quality.rating.indicator.set"].create(
            {
                "name": "Test teaching staff rating",
                "rating_type": "employee",
                "indicator_ids": [
                    Command.create({"name": "Publications", "weight": 0.5, "source": "manual"}),
                    Command.create(
                        {
                            "name": "Training hours",
                            "weight": 0.3,
                            "source": "training_hours",
                            "category": "additional",
                        }
                    ),
                    Command.create(
                        {
                            "name": "Nonconformities",
                            "weight": 0.2,
                            "source": "nonconformities",
                            "direction": "lower",
                            "category": "additional",
                        }
                    ),
                ],
            }
        )
        cls.publications, cls.hours, cls.ncs = cls.indicator_set.indicator_ids.sorted("id")
        training = cls.env.ref("quality_university.resume_line_type_professional_development")
        cls.env["hr.resume.line"].create(
            [
                {
                    "employee_id": e.id,
                    "line_type_id": training.id,
                    "name": "Course",
                    "date_start": date(2024, 10, 1),
                    "quality_hours": hours,
                }
                for e, hours in ((cls.b, 20), (cls.c, 20), (cls.d, 40))
            ]
        )
        cls.env["quality.nonconformity"].create(
            [
                {
                    "department_id": cls.unit1.id,
                    "date": date(2024, 10, 10),
                    "description": f"Rated nonconformity {i}",
                }
                for i in (1, 2)
            ]
        )

    @classmethod
    def _rating(cls, year, name="Test rating"):
        return cls.env["quality.rating"].create(
            {
                "name": name,
                "indicator_set_id": cls.indicator_set.id,
                "academic_year": year,
                "department_id": cls.rated.id,
            }
        )

    def _enter(self, rating, values):
        rating.action_compute()
        for line in rating.line_ids:
            value = line.value_ids.filtered(lambda v: v.indicator_id == self.publications)
            value.value = values[line.employee_id]
        rating.action_compute()


@tagged("post_install", "-at_install")
class TestRating(RatingCommon):
    def test_hand_computed_scores_ranks_ties_and_deltas(self):
        last = self._rating("2023", "Last year")
        self._enter(last, {self.a: 0, self.b: 10, self.c: 0, self.d: 0})
        last.action_publish()
        # last year: no hours, no nonconformities (lower is better: everyone at best)
        last_scores = {line.employee_id: line.score for line in last.line_ids}
        self.assertEqual(last_scores, {self.a: 0.2, self.b: 0.7, self.c: 0.2, self.d: 0.2})
        rating = self._rating("2024")
        self._enter(rating, {self.a: 10, self.b: 5, self.c: 5, self.d: 0})
        self.assertEqual(rating.previous_rating_id, last)
        by_employee = {line.employee_id: line for line in rating.line_ids}
        # publications 0.5 × v/10; hours 0.3 × h/40; nonconformities 0.2 × (1 - n/2)
        expected = {
            self.a: (0.5, 2, 2, 0.3, 0),  # 0.5 + 0 + 0
            self.b: (0.4, 4, 1, -0.3, -3),  # 0.25 + 0.15 + 0
            self.c: (0.6, 1, 2, 0.4, 1),  # 0.25 + 0.15 + 0.2
            self.d: (0.5, 2, 2, 0.3, 0),  # 0 + 0.3 + 0.2: tie with A
        }
        for employee, (score, rank, previous_rank, delta, rank_delta) in expected.items():
            line = by_employee[employee]
            with self.subTest(employee=employee.name):
                self.assertAlmostEqual(line.score, score, places=4)
                self.assertEqual(line.rank, rank)
                self.assertEqual(line.previous_rank, previous_rank)
                self.assertAlmostEqual(line.score_delta, delta, places=4)
                self.assertEqual(line.rank_delta, rank_delta)
                self.assertEqual(line.faculty_id, self.rated)
        hours = by_employee[self.d].value_ids.filtered(lambda v: v.indicator_id == self.hours)
        self.assertEqual((hours.value, hours.normalised, hours.weighted), (40, 1, 0.3))
        with self.assertRaises(UserError):
            hours.value = 99

    def test_published_rating_refuses_changes_even_for_the_quality_office(self):
        rating = self._rating("2024")
        self._enter(rating, {self.a: 1, self.b: 2, self.c: 3, self.d: 4})
        manager = self.users["manager"]
        with self.assertRaises(AccessError):
            rating.with_user(self.users["officer"]).action_publish()
        rating.with_user(manager).action_publish()
        self.assertEqual(rating.state, "published")
        self.assertEqual(rating.published_by_id, manager)
        value = rating.line_ids[0].value_ids.filtered(lambda v: v.source == "manual")
        for attempt in (
            lambda: rating.with_user(manager).write({"name": "Changed"}),
            lambda: rating.with_user(manager).action_compute(),
            lambda: value.with_user(manager).write({"value": 100}),
            lambda: rating.sudo().write({"state": "draft"}),
            lambda: rating.line_ids[0].sudo().unlink(),
            lambda: rating.with_user(manager).unlink(),
        ):
            with self.assertRaises(UserError):
                attempt()
        self.assertNotEqual(value.value, 100)
        self.assertEqual(rating.name, "Test rating")

    def test_each_person_sees_own_line_heads_their_unit(self):
        rating = self._rating("2024")
        rating.action_compute()
        user_a = new_test_user(self.env, login="qu_rated_a", groups="base.group_user")
        self.a.user_id = user_a
        rating.action_compute()
        Line = self.env["quality.rating.line"]
        self.assertEqual(Line.with_user(user_a).search([]).employee_id, self.a)
        head = new_test_user(self.env, login="qu_rated_head", groups="base.group_user")
        self.unit2.manager_id = self.env["hr.employee"].create(
            {"name": "Head 2", "user_id": head.id, "department_id": self.unit2.id}
        )
        self.assertEqual(
            Line.with_user(head).search([("rating_id", "=", rating.id)]).employee_id,
            self.c | self.d,
        )
        self.assertEqual(
            len(Line.with_user(self.users["manager"]).search([("rating_id", "=", rating.id)])), 4
        )
        with self.assertRaises(AccessError):
            rating.with_user(user_a).action_compute()

    def test_rating_query_count_does_not_grow_with_the_population(self):
        """Compute a rating for 500 and for 5,000 employees: same number of queries."""
        Department = self.env["hr.department"]
        warm = self._rating("2024", "Warm-up")
        warm.action_compute()
        figures, xlsx_queries = {}, {}
        # one shared work contact spares creating 5,500 partners; the rating ignores it
        contact = self.env["res.partner"].create({"name": "Population contact"})
        for size in (500, 5000):
            unit = Department.create(
                {"name": f"Population {size}", "quality_unit_type": "department"}
            )
            self.env["hr.employee"].with_context(
                tracking_disable=True, mail_create_nolog=True
            ).create(
                [
                    {
                        "name": f"Teacher {size}-{i}",
                        "department_id": unit.id,
                        "work_contact_id": contact.id,
                    }
                    for i in range(size)
                ]
            )
            rating = self.env["quality.rating"].create(
                {
                    "name": f"Rating {size}",
                    "indicator_set_id": self.indicator_set.id,
                    "academic_year": "2024",
                    "department_id": unit.id,
                }
            )
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            started = time.time()
            rating.action_compute()
            figures[size] = (self.env.cr.sql_log_count - before, time.time() - started)
            self.assertEqual(rating.line_count, size)
            # the ranking XLSX (and PDF) read the lines and their names in one go
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            rating._ranking_xlsx_content()
            xlsx_queries[size] = self.env.cr.sql_log_count - before
        _logger.info(
            "Rating computation: %s queries / %.2f s for 500 employees, "
            "%s queries / %.2f s for 5000",
            figures[500][0],
            figures[500][1],
            figures[5000][0],
            figures[5000][1],
        )
        self.assertEqual(figures[500][0], figures[5000][0])
        self.assertLess(figures[500][0], 60)
        self.assertEqual(xlsx_queries[500], xlsx_queries[5000])

    def test_named_indicator_of_every_kafedra_in_one_go(self):
        """A kafedra rating's named indicator is each unit's own value, and the number
        of units does not change the number of queries."""
        Line = self.env["quality.training.plan.line"]
        course = self.env["quality.training.course"].create({"name": "Rated course"})
        self.env["quality.training.plan"].create(
            {
                "department_id": self.unit1.id,
                "academic_year": "2024",
                "line_ids": [
                    Command.create({"employee_id": e.id, "course_id": course.id})
                    for e in (self.a, self.b)
                ],
            }
        )
        self.env["hr.resume.line"].create(
            {
                "employee_id": self.a.id,
                "line_type_id": self.env.ref(
                    "quality_university.resume_line_type_professional_development"
                ).id,
                "name": course.name,
                "quality_course_id": course.id,
                "date_start": date(2024, 11, 5),
            }
        )
        indicator_set = self.env["quality.rating.indicator.set"].create(
            {
                "name": "Test kafedra rating",
                "rating_type": "department",
                "indicator_ids": [
                    Command.create(
                        {
                            "name": "Training plan execution",
                            "source": "named",
                            "indicator_code": "training_plan_execution",
                        }
                    ),
                ],
            }
        )
        rating = self.env["quality.rating"].create(
            {
                "name": "Kafedras",
                "indicator_set_id": indicator_set.id,
                "academic_year": "2024",
                "department_id": self.rated.id,
            }
        )
        rating.action_compute()
        values = {line.department_id: line.value_ids.value for line in rating.line_ids}
        expected = Line._quality_indicator_value(
            "training_plan_execution", date(2024, 9, 1), date(2025, 8, 31), self.unit1
        )
        self.assertEqual(values, {self.unit1: expected, self.unit2: 0.0})
        self.assertEqual(expected, 50.0)
        counts = []
        for more in (0, 10):
            self.env["hr.department"].create(
                [
                    {
                        "name": f"Rated Kafedra {more}-{i}",
                        "quality_unit_type": "department",
                        "parent_id": self.rated.id,
                    }
                    for i in range(more)
                ]
            )
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            rating.action_compute()
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(rating.line_count, 2 + more)
        self.assertEqual(counts[0], counts[1])


@tagged("post_install", "-at_install")
class TestRatingReports(HttpCase, RatingCommon):
    def test_ranking_pdf_and_xlsx(self):
        rating = self._rating("2024", 'Ranking =HYPERLINK("x")')
        self._enter(rating, {self.a: 10, self.b: 5, self.c: 5, self.d: 0})
        report = self.env.ref("quality_university.quality_rating_report")
        html = report._render_qweb_html(report.report_name, rating.ids)[0].decode()
        for name in ("Rated A", "Rated B", "Rated C", "Rated D", "Rated Faculty"):
            self.assertIn(name, html)
        pdf, kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, rating.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.authenticate("admin", "admin")
        response = self.url_open(f"/quality_university/ranking.xlsx?rating_id={rating.id}")
        self.assertEqual(response.status_code, 200)
        import openpyxl  # noqa: PLC0415

        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        self.assertEqual(sheet["A1"].value, rating.name)
        self.assertEqual(sheet["A1"].data_type, "s")
        rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)]
        self.assertEqual([row[0] for row in rows], [1, 2, 2, 4])
        self.assertEqual(rows[0][1], "Rated C")
        bad = self.url_open("/quality_university/ranking.xlsx?rating_id=abc")
        self.assertEqual(bad.status_code, 400)
