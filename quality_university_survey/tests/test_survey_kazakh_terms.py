from odoo.addons.quality_university.tests.common import activate_kazakh_and_russian
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSurveyKazakhTerms(TransactionCase):
    """Odoo ships no Kazakh for survey: the respondent's pages get it from quality_university
    i18n_extra/survey.kk.po, loaded by Odoo's own translation machinery."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # loading survey's terms alone is enough (install, update, language activation)
        activate_kazakh_and_russian(cls.env, ["survey"])

    def test_survey_page_templates_read_in_kazakh(self):
        for xmlid, term in (
            ("survey.survey_fill_form_start", "Сауалнаманы бастау"),
            ("survey.survey_fill_form_in_progress", "Жалғастыру"),
            ("survey.survey_fill_form_in_progress", "Жіберу"),
            ("survey.survey_progression", "жауап берілді"),
            ("survey.survey_fill_form_done", "Рақмет!"),
        ):
            view = self.env.ref(xmlid).with_context(lang="kk_KZ")
            self.assertIn(term, view.arch_db, xmlid)
            self.assertNotIn(term, self.env.ref(xmlid).with_context(lang="en_US").arch_db)

    def test_survey_page_scripts_read_in_kazakh(self):
        translations, __ = self.env["ir.http"].get_translations_for_webclient(
            ["survey", "web"], "kk_KZ"
        )
        messages = {m["id"]: m["string"] for m in translations["survey"]["messages"]}
        self.assertEqual(
            messages["This answer must be an email address."],
            "Бұл жауап электрондық пошта мекенжайы болуы тиіс.",
        )
        self.assertEqual(messages["or press Enter"], "немесе Enter басыңыз")
        # Russian is Odoo's own: nothing is added over it
        translations, __ = self.env["ir.http"].get_translations_for_webclient(["survey"], "ru_RU")
        russian = {m["id"]: m["string"] for m in translations["survey"]["messages"]}
        self.assertNotIn("немесе Enter басыңыз", russian.values())
