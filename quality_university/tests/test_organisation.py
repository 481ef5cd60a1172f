from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import QualityCommon


@tagged("post_install", "-at_install")
class TestOrganisation(QualityCommon):
    def test_officer_units_include_sub_units(self):
        officer = self.users["officer"]
        self.assertEqual(
            officer.quality_officer_department_ids, self.faculty_ped | self.kafedra_ped
        )
        self.assertFalse(self.users["user"].quality_officer_department_ids)

    def test_officer_cannot_edit_another_units_process(self):
        officer = self.users["officer"]
        self.process_ped.with_user(officer).write({"goal": "Plan teaching well"})
        self.assertEqual(self.process_ped.goal, "Plan teaching well")
        with self.assertRaises(AccessError):
            self.process_eng.with_user(officer).write({"goal": "Not mine"})
        self.assertFalse(self.process_eng.goal)

    def test_appointing_an_officer_takes_effect_at_once(self):
        officer = self.users["officer"]
        with self.assertRaises(AccessError):
            self.process_eng.with_user(officer).write({"goal": "Not yet"})
        self.faculty_eng.quality_officer_ids = [Command.link(self.employees["officer"].id)]
        self.process_eng.with_user(officer).write({"goal": "Now mine too"})
        self.assertEqual(self.process_eng.goal, "Now mine too")
        self.faculty_eng.quality_officer_ids = [Command.clear()]
        with self.assertRaises(AccessError):
            self.process_eng.with_user(officer).write({"goal": "No longer"})

    def test_settings_set_rector_and_representative(self):
        settings = Form(self.env["res.config.settings"])
        settings.quality_rector_id = self.employees["top"]
        settings.quality_representative_id = self.employees["manager"]
        settings.save().execute()
        self.assertEqual(self.env.company.quality_rector_id, self.employees["top"])
        self.assertEqual(self.env.company.quality_representative_id, self.employees["manager"])

    def test_units_read_in_the_readers_language(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.faculty_ped.with_context(lang="ru_RU").name = "Педагогический факультет"
        self.kafedra_ped.with_context(lang="ru_RU").name = "Кафедра педагогики"
        kafedra = self.kafedra_ped.with_context(lang="ru_RU")
        self.assertEqual(kafedra.display_name, "Педагогический факультет / Кафедра педагогики")
        self.assertEqual(
            self.kafedra_ped.display_name, "Test Pedagogical Faculty / Test Department of Pedagogy"
        )
        flat = self.kafedra_ped.with_context(lang="ru_RU", hierarchical_naming=False)
        self.assertEqual(flat.display_name, "Кафедра педагогики")

    def test_department_process_button(self):
        self.assertEqual(self.kafedra_ped.quality_process_count, 1)
        self.assertEqual(self.faculty_eng.quality_process_count, 1)
        action = self.kafedra_ped.action_open_quality_processes()
        self.assertEqual(self.env["quality.process"].search(action["domain"]), self.process_ped)
