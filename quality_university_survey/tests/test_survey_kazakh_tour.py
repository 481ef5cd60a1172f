from statistics import mean

from odoo import Command
from odoo.addons.quality_university.tests.common import activate_kazakh_and_russian
from odoo.tests import HttpCase, new_test_user, tagged

from .common import normalised


@tagged("post_install", "-at_install")
class TestSurveyKazakhTour(HttpCase):
    """A student whose language is Kazakh answers the shipped student survey on
    Odoo's survey page; every step reads in Kazakh and the campaign's index moves."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_kazakh_and_russian(cls.env, ["survey", "quality_university_survey"])
        cls.survey = cls.env.ref("quality_university_survey.template_student")
        cls.unit = cls.env["hr.department"].create({"name": "Tour Test Programme"})
        cls.student = new_test_user(
            cls.env,
            login="qus_kk_student",
            groups="base.group_portal",
            name="Әсел Тұрсынова",
            lang="kk_KZ",
        )
        cls.student.partner_id.quality_department_id = cls.unit
        classmates = cls.env["res.partner"].create(
            [
                {
                    "name": f"Classmate {index}",
                    "email": f"classmate{index}@example.edu.kz",
                    "quality_department_id": cls.unit.id,
                    "lang": "kk_KZ",
                }
                for index in range(5)
            ]
        )
        manager = new_test_user(
            cls.env,
            login="qus_tour_manager",
            groups="base.group_user,quality_university.group_quality_manager",
        )
        cls.campaign = cls.env["quality.survey.campaign"].create(
            {
                "name": "Tour campaign",
                "academic_year": "2025-2026",
                "survey_id": cls.survey.id,
                "audience": "partners",
                "department_ids": [Command.set(cls.unit.ids)],
                "partner_ids": [Command.set((classmates | cls.student.partner_id).ids)],
                "date_start": "2025-12-01",
                "date_end": "2099-12-20",
            }
        )
        cls.campaign.with_user(manager).action_start()
        cls.questions = cls.survey.question_ids.filtered(
            lambda q: q.question_type == "scale"
        ).sorted("sequence")
        # the classmates answered 4 everywhere
        answers = cls.campaign.user_input_ids.filtered(lambda a: a.partner_id in classmates)
        cls.env["survey.user_input.line"].create(
            [
                {
                    "user_input_id": answer.id,
                    "question_id": question.id,
                    "answer_type": "scale",
                    "value_scale": 4,
                }
                for answer in answers
                for question in cls.questions
            ]
        )
        answers._mark_done()

    def _index(self):
        [(index,)] = self.env["quality.survey.result"]._read_group(
            [("campaign_id", "=", self.campaign.id), ("visibility", "=", "shown")],
            [],
            ["satisfaction_index:avg"],
        )
        return index

    def test_kazakh_student_answers_on_the_survey_page(self):
        self.assertAlmostEqual(self._index(), normalised(4))
        answer = self.campaign.user_input_ids.filtered(
            lambda a: a.partner_id == self.student.partner_id
        )
        self.assertEqual(answer.state, "new")
        self.start_tour(
            f"/survey/start/{self.survey.access_token}?answer_token={answer.access_token}",
            "quality_survey_kazakh_student",
            login="qus_kk_student",
        )
        self.env.invalidate_all()
        self.assertEqual(answer.state, "done")
        self.assertEqual(sorted(answer.user_input_line_ids.mapped("value_scale")), [1] * 5)
        # anonymous campaign: the submitted answer no longer names the student
        self.assertFalse(answer.partner_id)
        # six respondents now: five answered 4, the student 1 on each question
        expected = mean([normalised(4)] * 5 + [normalised(1)])
        self.assertAlmostEqual(self._index(), expected)
        self.assertEqual(
            self.env["quality.survey.result"].search_count(
                [("campaign_id", "=", self.campaign.id), ("respondent_count", "=", 6)]
            ),
            5,
        )
