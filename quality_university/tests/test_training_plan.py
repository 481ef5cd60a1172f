from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import QualityCommon


@tagged("post_install", "-at_install")
class TestTrainingPlan(QualityCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_user = new_test_user(
            cls.env,
            login="qu_plan_hr",
            groups="base.group_user,hr.group_hr_user",
            name="Plan HR",
        )
        Course = cls.env["quality.training.course"]
        cls.course_a = Course.create({"name": "Plan course A"})
        cls.course_b = Course.create({"name": "Plan course B"})
        Employee = cls.env["hr.employee"]
        cls.e1, cls.e2, cls.e3 = Employee.create(
            [{"name": f"Planned {i}", "department_id": cls.kafedra_ped.id} for i in (1, 2, 3)]
        )
        cls.plan = cls.env["quality.training.plan"].create(
            {
                "department_id": cls.kafedra_ped.id,
                "academic_year": "2024",
                "line_ids": [
                    Command.create({"employee_id": cls.e1.id, "course_id": cls.course_a.id}),
                    Command.create({"employee_id": cls.e1.id, "course_id": cls.course_b.id}),
                    Command.create({"employee_id": cls.e2.id, "course_id": cls.course_a.id}),
                    Command.create({"employee_id": cls.e3.id, "course_id": cls.course_a.id}),
                ],
            }
        )
        cls.other_plan = cls.env["quality.training.plan"].create(
            {
                "department_id": cls.faculty_eng.id,
                "academic_year": "2024",
                "line_ids": [
                    Command.create({"employee_id": cls.e3.id, "course_id": cls.course_b.id}),
                ],
            }
        )
        cls.type = cls.env.ref("quality_university.resume_line_type_professional_development")

    def _record(self, employee, course, when):
        return (
            self.env["hr.resume.line"]
            .with_user(self.hr_user)
            .create(
                {
                    "employee_id": employee.id,
                    "line_type_id": self.type.id,
                    "name": course.name,
                    "quality_course_id": course.id,
                    "date_start": when,
                    "quality_hours": 24,
                }
            )
        )

    def test_execution_rate_is_the_share_of_planned_trainings_recorded_by_hr(self):
        self.assertEqual(self.plan.execution_rate, 0.0)
        self._record(self.e1, self.course_a, date(2024, 11, 5))  # counts
        self._record(self.e2, self.course_a, date(2024, 6, 1))  # before the year
        self._record(self.e3, self.course_b, date(2024, 12, 1))  # not the planned course
        self.assertEqual(self.plan.done_count, 1)
        self.assertEqual(self.plan.execution_rate, 25.0)
        done = self.plan.line_ids.filtered("done")
        self.assertEqual((done.employee_id, done.course_id), (self.e1, self.course_a))
        self.assertEqual(done.date_done, date(2024, 11, 5))
        line = self._record(self.e2, self.course_a, date(2025, 3, 10))
        self.assertEqual(self.plan.execution_rate, 50.0)
        expected = 100.0 * len(self.plan.line_ids.filtered("done")) / len(self.plan.line_ids)
        self.assertEqual(self.plan.execution_rate, expected)
        line.with_user(self.hr_user).unlink()
        self.assertEqual(self.plan.execution_rate, 25.0)

    def test_management_review_section_and_named_indicator(self):
        self._record(self.e1, self.course_a, date(2024, 11, 5))
        self._record(self.e3, self.course_b, date(2025, 1, 20))
        Line = self.env["quality.training.plan.line"]
        self.assertTrue(Line._quality_review_provider)
        section = Line._quality_review_section(
            date(2024, 9, 1), date(2025, 8, 31), self.env.company
        )
        self.assertEqual(section["key"], "training_plan_execution")
        values = {line["label"]: line["value"] for line in section["lines"]}
        planned = Line.search_count(
            [("plan_id.academic_year", "=", "2024"), ("company_id", "=", self.env.company.id)]
        )
        done = Line.search_count(
            [
                ("plan_id.academic_year", "=", "2024"),
                ("company_id", "=", self.env.company.id),
                ("done", "=", True),
            ]
        )
        self.assertEqual(values["Planned trainings"], planned)
        self.assertEqual(values["Trainings done"], done)
        self.assertEqual(values[self.kafedra_ped.name], 25.0)
        self.assertEqual(values[self.faculty_eng.name], 100.0)
        self.assertIn(
            ("training_plan_execution", "Training plan execution (%)"), Line._quality_indicators()
        )
        value = Line._quality_indicator_value(
            "training_plan_execution", date(2024, 9, 1), date(2025, 8, 31), self.kafedra_ped
        )
        self.assertEqual(value, 25.0)
        self.assertIsNone(
            Line._quality_indicator_value(
                "training_plan_execution", date(2019, 9, 1), date(2020, 8, 31), self.kafedra_ped
            )
        )
        # every unit at once, each with its sub-units, as unit by unit
        units = self.kafedra_ped | self.faculty_ped | self.faculty_eng
        self.assertEqual(
            Line._quality_indicator_values(
                "training_plan_execution", date(2024, 9, 1), date(2025, 8, 31), units
            ),
            {self.kafedra_ped.id: 25.0, self.faculty_ped.id: 25.0, self.faculty_eng.id: 100.0},
        )
        self.assertEqual(
            Line._quality_indicator_values(
                "training_plan_execution", date(2019, 9, 1), date(2020, 8, 31), units
            ),
            {},
        )

    def test_plan_validation_and_access(self):
        with self.assertRaises(ValidationError):
            self.plan.line_ids[0].date_planned = date(2026, 1, 1)
        teacher = new_test_user(self.env, login="qu_plan_teacher", groups="base.group_user")
        self.e2.user_id = teacher
        lines = self.env["quality.training.plan.line"].with_user(teacher).search([])
        self.assertEqual(lines.employee_id, self.e2)
        with self.assertRaises(AccessError):
            self.plan.with_user(teacher).write({"note": "Changed"})
        # the faculty's officer plans for the faculty's kafedras, not for others
        officer = self.users["officer"]
        self.plan.with_user(officer).write({"note": "<p>Agreed with the kafedra</p>"})
        self.assertNotIn(
            self.other_plan, self.env["quality.training.plan"].with_user(officer).search([])
        )
        with self.assertRaises(AccessError):
            self.other_plan.with_user(officer).write({"note": "<p>Not mine</p>"})
