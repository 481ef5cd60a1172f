from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import activate_kazakh_and_russian

RU_ACCESS_MESSAGE = (
    "Место подразделения в структуре, его тип и уполномоченных по качеству могут "
    "менять только отдел кадров или отдел качества."
)


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_kazakh_and_russian(cls.env)

    def test_kazakh_language_record(self):
        kazakh = self.env.ref("quality_university.lang_kk_KZ")
        self.assertEqual(kazakh.code, "kk_KZ")
        self.assertEqual(kazakh.iso_code, "kk")
        self.assertEqual(kazakh.date_format, "%d.%m.%Y")
        self.assertEqual(kazakh.week_start, "1")
        self.assertTrue(kazakh.active)
        self.assertIn(("kk_KZ", "Kazakh / Қазақша"), self.env["res.lang"].get_installed())

    def test_quality_menus_read_in_kazakh_and_russian(self):
        expected = {
            "quality_university.quality_menu_root": ("Сапа", "Качество"),
            "quality_university.quality_process_menu": ("Үдерістер тізілімі", "Реестр процессов"),
            "quality_university.quality_document_to_read_menu": ("Танысу керек", "К ознакомлению"),
            "quality_university.quality_nonconformity_report_menu": (
                "Сәйкессіздік туралы хабарлау",
                "Сообщить о несоответствии",
            ),
        }
        for xmlid, (kk, ru) in expected.items():
            menu = self.env.ref(xmlid)
            with self.subTest(menu=xmlid):
                self.assertEqual(menu.with_context(lang="kk_KZ").name, kk)
                self.assertEqual(menu.with_context(lang="ru_RU").name, ru)

    def test_field_labels_and_selections_are_translated(self):
        Process = self.env["quality.process"]
        for lang, label, kind in (
            ("kk_KZ", "Үдеріс иесі", "Басқарушылық"),
            ("ru_RU", "Владелец процесса", "Управленческий"),
        ):
            fields = Process.with_context(lang=lang).fields_get(["owner_id", "kind"])
            with self.subTest(lang=lang):
                self.assertEqual(fields["owner_id"]["string"], label)
                self.assertEqual(dict(fields["kind"]["selection"])["management"], kind)

    def test_user_error_messages_are_translated(self):
        user = new_test_user(self.env, login="qu_tr_user", groups="base.group_user")
        unit = self.env["hr.department"].create({"name": "Test Unit"})
        with self.assertRaises(AccessError) as caught:
            unit.with_user(user).with_context(lang="ru_RU").quality_unit_type = "office"
        self.assertEqual(str(caught.exception), RU_ACCESS_MESSAGE)
        self.assertFalse(unit.quality_unit_type)
