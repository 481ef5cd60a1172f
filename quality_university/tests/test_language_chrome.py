import polib

from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import code_translations

from ..models import i18n_extra
from .common import activate_kazakh_and_russian


def _pot_entries(module):
    """{msgid: entry} of the module's own template, as Odoo ships it."""
    return {entry.msgid: entry for entry in polib.pofile(file_path(f"{module}/i18n/{module}.pot"))}


@tagged("post_install", "-at_install")
class TestExtraTranslations(TransactionCase):
    """Kazakh for Odoo's own modules around our screens (i18n_extra/<module>.kk.po)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_kazakh_and_russian(cls.env)
        cls.modules = i18n_extra.translated_modules()

    def test_terms_files_cover_the_chrome_modules(self):
        self.assertTrue({"web", "mail", "hr"} <= set(self.modules))

    def test_every_term_is_translated_and_still_odoo_s(self):
        """Fails when Odoo renames a term we translate (the screen would fall back to
        English) or when one of our entries has no Kazakh."""
        for module in self.modules:
            pot = _pot_entries(module)
            for path in i18n_extra.term_files(module, "kk_KZ"):
                for entry in polib.pofile(path):
                    with self.subTest(module=module, msgid=entry.msgid):
                        self.assertTrue(entry.msgstr.strip(), "no Kazakh")
                        self.assertIn(entry.msgid, pot, "no longer a term of Odoo")
                        self.assertFalse(entry.fuzzy)
                        # a term keeps Odoo's placeholders
                        for placeholder in ("%s", "%(", "{{", "%d"):
                            self.assertEqual(
                                entry.msgid.count(placeholder),
                                entry.msgstr.count(placeholder),
                                placeholder,
                            )
                        # the references are the ones Odoo's template gives the term
                        refs = {ref for ref, _line in pot[entry.msgid].occurrences}
                        for ref, _line in entry.occurrences:
                            self.assertIn(ref, refs)

    def test_web_client_serves_kazakh_code_terms(self):
        translations, params = self.env["ir.http"].get_translations_for_webclient(
            ["web", "mail", "hr"], "kk_KZ"
        )
        self.assertEqual(params["code"], "kk_KZ")
        terms = {
            message["id"]: message["string"]
            for module in translations.values()
            for message in module["messages"]
        }
        self.assertEqual(terms["Measures"], "Өлшемдер")
        self.assertEqual(terms["Send message"], "Хабарлама жіберу")
        self.assertEqual(terms["Log note"], "Ескертпе жазу")
        self.assertEqual(terms["Filters"], "Сүзгілер")
        # every code term of ours is served (one Kazakh text per English term)
        for module in ("web", "mail", "hr"):
            for src, value in i18n_extra.web_terms(module, "kk_KZ").items():
                with self.subTest(module=module, term=src):
                    self.assertIn(terms.get(src), {value, *self._same_term_elsewhere(src)})

    def _same_term_elsewhere(self, src):
        """The Kazakh of a term that several modules share (the client merges them)."""
        return {i18n_extra.web_terms(module, "kk_KZ").get(src) for module in self.modules}

    def test_russian_and_english_are_exactly_odoo_s(self):
        modules = list(self.env.registry._init_modules)
        for lang in ("ru_RU", "en_US"):
            translations, _params = self.env["ir.http"].get_translations_for_webclient(
                modules, lang
            )
            for module in modules:
                with self.subTest(lang=lang, module=module):
                    self.assertEqual(
                        translations[module], code_translations.get_web_translations(module, lang)
                    )

    def test_model_terms_of_other_modules_read_in_kazakh(self):
        Activity = self.env["mail.activity"].with_context(lang="kk_KZ")
        fields = Activity.fields_get(["summary", "date_deadline", "activity_type_id"])
        self.assertEqual(fields["summary"]["string"], "Қысқаша мазмұны")
        self.assertEqual(fields["date_deadline"]["string"], "Мерзімі")
        self.assertEqual(fields["activity_type_id"]["string"], "Іс түрі")
        todo = self.env.ref("mail.mail_activity_data_todo").with_context(lang="kk_KZ")
        self.assertEqual(todo.name, "Орындау керек")
        # Russian stays as Odoo ships it
        ru = self.env.ref("mail.mail_activity_data_todo").with_context(lang="ru_RU")
        self.assertNotEqual(ru.name, "Орындау керек")


@tagged("post_install", "-at_install")
class TestLanguageChromeTour(HttpCase):
    """The nine screens and the chrome around them as the Management Representative
    (demo user `mr`), in Kazakh and in Russian."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_kazakh_and_russian(cls.env)
        cls.mr = cls.env.ref("quality_university.user_mr")

    def test_kazakh_user_sees_no_english_in_the_chrome(self):
        self.assertEqual(self.mr.lang, "kk_KZ")
        self.start_tour("/odoo", "quality_language_chrome_tour", login="mr")

    def test_russian_user_sees_odoo_s_russian(self):
        self.mr.lang = "ru_RU"
        self.start_tour("/odoo", "quality_language_chrome_tour", login="mr")
