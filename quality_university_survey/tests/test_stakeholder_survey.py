from ast import literal_eval

from odoo.addons.quality_university.tests.common import activate_kazakh_and_russian
from odoo.exceptions import AccessError
from odoo.tests import Form, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestStakeholderSurvey(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="qus_manager",
            groups="base.group_user,quality_university.group_quality_manager",
        )
        cls.staff = new_test_user(cls.env, login="qus_staff", groups="base.group_user")

    def test_quality_office_builds_a_stakeholder_survey(self):
        self.assertTrue(self.manager.has_group("survey.group_survey_user"))
        form = Form(self.env["survey.survey"].with_user(self.manager))
        form.title = "Graduate employment plans"
        form.quality_stakeholder = "graduate"
        survey = form.save()
        self.assertEqual(survey.quality_process_id.code, "8.2.1")
        action = self.env.ref("quality_university_survey.survey_survey_quality_action")
        self.assertIn(survey, self.env["survey.survey"].search(literal_eval(action.domain)))

    def test_plain_staff_cannot_build_surveys(self):
        self.assertFalse(self.staff.has_group("survey.group_survey_user"))
        with self.assertRaises(AccessError):
            self.env["survey.survey"].with_user(self.staff).create(
                {"title": "Not mine", "quality_stakeholder": "staff"}
            )

    def test_stakeholder_groups_read_in_kazakh_and_russian(self):
        activate_kazakh_and_russian(self.env, ["quality_university_survey"])
        for lang, label, employers in (
            ("kk_KZ", "Мүдделі тараптар тобы", "Жұмыс берушілер"),
            ("ru_RU", "Группа заинтересованных сторон", "Работодатели"),
        ):
            field = (
                self.env["survey.survey"]
                .with_context(lang=lang)
                .fields_get(["quality_stakeholder"])["quality_stakeholder"]
            )
            self.assertEqual(field["string"], label)
            self.assertEqual(dict(field["selection"])["employer"], employers)
