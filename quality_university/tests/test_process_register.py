from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import QualityCommon, activate_kazakh_and_russian

# every process named by the quality manual (MISSION.md, "The processes by clause");
# records control sits under 4.2.3 in the manual and is ISO 9001:2008's clause 4.2.4
MANUAL_PROCESSES = [
    "4.2.3",
    "4.2.4",
    "5.1",
    "5.2",
    "5.3",
    "5.4",
    "5.5.1",
    "5.5.3",
    "5.6",
    "6",
    "6.1",
    "6.2",
    "7",
    "7.1",
    "7.2",
    "7.3",
    "7.4",
    "7.5",
    "7.5.1",
    "7.5.2",
    "7.5.3",
    "7.5.4",
    "7.5.5",
    "7.6",
    "8.1",
    "8.2.1",
    "8.2.2",
    "8.2.3",
    "8.3",
    "8.4",
    "8.5",
]


@tagged("post_install", "-at_install")
class TestProcessRegister(QualityCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_kazakh_and_russian(cls.env)
        cls.register = cls.env["quality.process"].search([("code", "in", MANUAL_PROCESSES)])

    def test_register_holds_every_process_of_the_manual(self):
        self.assertEqual(sorted(self.register.mapped("code")), sorted(MANUAL_PROCESSES))
        for process in self.register:
            with self.subTest(code=process.code):
                self.assertTrue(process.goal, "goal")
                self.assertTrue(process.leader_job_id or process.owner_job_id, "responsibility")
                self.assertTrue(process.activity_line_ids, "activity table")

    def test_register_reads_in_kazakh_and_russian(self):
        for lang in ("kk_KZ", "ru_RU"):
            translated = self.register.with_context(lang=lang)
            for process, english in zip(translated, self.register, strict=True):
                with self.subTest(lang=lang, code=process.code):
                    self.assertTrue(process.name and process.goal)
                    self.assertNotEqual(process.name, english.name)
                    self.assertNotEqual(process.goal, english.goal)
        kk = self.env.ref("quality_university.process_4_2_3").with_context(lang="kk_KZ")
        self.assertEqual(kk.name, "Құжаттарды басқару")
        ru = self.env.ref("quality_university.process_7_5_3").with_context(lang="ru_RU")
        self.assertEqual(ru.name, "Трудоустройство выпускников")

    def test_hierarchy_follows_the_manual(self):
        graduate_employment = self.env.ref("quality_university.process_7_5_3")
        self.assertEqual(graduate_employment.parent_id.code, "7.5")
        self.assertEqual(graduate_employment.parent_id.parent_id.code, "7")
        self.assertEqual(graduate_employment.kind, "main")
        self.assertEqual(self.env.ref("quality_university.process_5_6").kind, "management")
        self.assertEqual(self.env.ref("quality_university.process_4_2_3").kind, "supporting")

    def test_process_cannot_be_its_own_sub_process(self):
        parent = self.env.ref("quality_university.process_7_5")
        child = self.env.ref("quality_university.process_7_5_1")
        with self.assertRaises(UserError):
            parent.parent_id = child

    def test_code_is_unique(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["quality.process"].create({"code": "7.5.3", "name": "Duplicate"})

    def test_search_by_code_or_name(self):
        found = self.env["quality.process"].name_search("7.5.3")
        self.assertIn(self.env.ref("quality_university.process_7_5_3").id, [r[0] for r in found])
        self.assertEqual(self.process_ped.display_name, "T.1 Test teaching process")

    def test_leader_and_owner_follow_their_positions(self):
        job = self.env["hr.job"].create({"name": "Test Head of Quality"})
        holder = self.employees["manager"]
        holder.job_id = job
        form = Form(self.env["quality.process"])
        form.code = "T.3"
        form.name = "Test process with an owner"
        form.owner_job_id = job
        self.assertEqual(form.owner_id, holder)
        # two holders: nobody is guessed, the user picks one
        self.employees["top"].job_id = job
        form.leader_job_id = job
        self.assertFalse(form.leader_id)
        form.leader_id = self.employees["top"]
        process = form.save()
        self.assertEqual(process.leader_id, self.employees["top"])
        self.assertEqual(process.owner_id, holder)

    def test_unit_filter_finds_owned_and_scoped_processes(self):
        self.process_eng.scope_department_ids = self.kafedra_ped
        action = self.env.ref("quality_university.quality_process_action")
        view = self.env.ref("quality_university.quality_process_view_search")
        self.assertEqual(action.search_view_id, view)
        Process = self.env["quality.process"]
        domain = [
            "|",
            ("department_id", "child_of", self.faculty_ped.id),
            ("scope_department_ids", "child_of", self.faculty_ped.id),
        ]
        self.assertEqual(Process.search(domain), self.process_ped | self.process_eng)
