from odoo import Command
from odoo.tests import TransactionCase, new_test_user

# answers of each unit: {unit key: [[q1, q2, q3, q4], ...]} on a 1-5 scale;
# questions 1-2 are "teaching", 3-4 "resources"
ANSWERS = {
    "a": [[5, 4, 2, 1], [4, 4, 2, 2], [5, 5, 1, 2], [3, 4, 2, 3], [4, 5, 3, 1], [5, 3, 2, 2]],
    "b": [[4, 4, 4, 4], [5, 3, 5, 4], [3, 4, 4, 5], [4, 4, 4, 4], [4, 5, 5, 3]],
    "c": [[1, 1, 1, 1], [2, 1, 1, 2], [1, 2, 2, 1]],
}
# invited but silent, per unit
SILENT = {"a": 2, "b": 3, "c": 1}


def normalised(value, low=1, high=5):
    return (value - low) * 100.0 / (high - low)


class SurveyCampaignCommon(TransactionCase):
    """Three units (a with 6 respondents, b with 5, c with 3 — below the default
    minimum group size), a 1-5 survey of four questions in two categories, and an
    anonymous campaign inviting their students through survey's invite wizard."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, mail_create_nolog=True))
        Department = cls.env["hr.department"]
        cls.faculty = Department.create({"name": "Survey Test Faculty"})
        cls.units = {
            key: Department.create({"name": f"Survey Test Unit {key}", "parent_id": cls.faculty.id})
            for key in ANSWERS
        }
        cls.manager = new_test_user(
            cls.env,
            login="qus_campaign_manager",
            groups="base.group_user,quality_university.group_quality_manager",
            name="Campaign Manager",
        )
        cls.head_a = new_test_user(
            cls.env,
            login="qus_head_a",
            groups="base.group_user,quality_university.group_quality_user",
            name="Head of unit a",
        )
        cls.units["a"].manager_id = cls.env["hr.employee"].create(
            {"name": "Head of unit a", "user_id": cls.head_a.id}
        )
        cls.teaching = cls.env.ref("quality_university_survey.category_teaching")
        cls.resources = cls.env.ref("quality_university_survey.category_resources")
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "Test student survey",
                "quality_stakeholder": "student",
                "access_mode": "token",
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": f"Scale question {index}",
                            "question_type": "scale",
                            "scale_min": 1,
                            "scale_max": 5,
                            "constr_mandatory": True,
                            "sequence": index,
                            "quality_category_id": (
                                cls.teaching if index <= 2 else cls.resources
                            ).id,
                        }
                    )
                    for index in range(1, 5)
                ]
                + [
                    Command.create(
                        {"title": "Anything else?", "question_type": "text_box", "sequence": 9}
                    )
                ],
            }
        )
        cls.questions = cls.survey.question_ids.filtered(
            lambda q: q.question_type == "scale"
        ).sorted("sequence")
        cls.students = {}
        partner_vals = []
        for key, rows in ANSWERS.items():
            for index in range(len(rows) + SILENT[key]):
                partner_vals.append(
                    {
                        "name": f"Student {key}{index} Secretname",
                        "email": f"student.{key}{index}@example.edu.kz",
                        "quality_department_id": cls.units[key].id,
                    }
                )
        partners = cls.env["res.partner"].create(partner_vals)
        for key in ANSWERS:
            cls.students[key] = partners.filtered(
                lambda p, key=key: p.quality_department_id == cls.units[key]
            )
        cls.campaign = cls.env["quality.survey.campaign"].create(
            {
                "name": "Students 2024-2025",
                "academic_year": "2024-2025",
                "survey_id": cls.survey.id,
                "user_id": cls.manager.id,
                "audience": "partners",
                "department_ids": [Command.set([cls.faculty.id])],
                "partner_ids": [Command.set(partners.ids)],
                "date_start": "2024-12-01",
                "date_end": "2024-12-20",
            }
        )

    @classmethod
    def _answer(cls, campaign):
        """Submit the ANSWERS of each unit's first students (batched creates)."""
        line_vals, done = [], cls.env["survey.user_input"]
        for key, rows in ANSWERS.items():
            answers = campaign.user_input_ids.filtered(
                lambda a, key=key: a.quality_department_id == cls.units[key]
            ).sorted("id")
            for answer, values in zip(answers, rows, strict=False):
                done |= answer
                line_vals += [
                    {
                        "user_input_id": answer.id,
                        "question_id": question.id,
                        "answer_type": "scale",
                        "value_scale": value,
                    }
                    for question, value in zip(cls.questions, values, strict=True)
                ]
        cls.env["survey.user_input.line"].create(line_vals)
        done._mark_done()
        return done
