from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from .common import activate_kazakh_and_russian

# processes whose activities the manual does not list: the university wrote them
UNIVERSITY_ACTIVITIES = ("4_2_3", "4_2_4", "5_1", "5_4", "7", "8_4")


@tagged("post_install", "-at_install")
class TestManualRegister(TransactionCase):
    """13: the register marks what the manual says and what the university added."""

    def ref(self, xmlid):
        return self.env.ref(f"quality_university.{xmlid}")

    def test_no_owner_or_leader_is_empty_in_the_demo(self):
        processes = self.env["quality.process"].search([])
        self.assertGreaterEqual(len(processes), 31)
        self.assertFalse(
            processes.filtered(lambda p: not p.owner_id).mapped("code"), "processes without owner"
        )
        self.assertFalse(
            processes.filtered(lambda p: not p.leader_id).mapped("code"),
            "processes without leader",
        )
        self.assertEqual(
            self.ref("process_7_5_4").owner_id, self.ref("employee_vicerector_research")
        )
        self.assertEqual(
            self.ref("process_7_5_2").owner_id, self.ref("employee_vicerector_upbringing")
        )
        self.assertEqual(self.ref("process_7_6").leader_id, self.ref("employee_academic"))

    def test_owners_as_the_manual_names_them(self):
        rector = self.ref("employee_rector")
        stakeholders = self.ref("process_7_2")
        self.assertEqual(stakeholders.leader_id, rector)
        self.assertEqual(stakeholders.owner_id, rector)
        self.assertEqual(stakeholders.department_id, self.ref("dep_rectorate"))
        employment = self.ref("process_7_5_3")
        reports = employment.activity_line_ids.filtered(
            lambda a: a.name == "Preparing reports on graduate employment"
        )
        self.assertEqual(reports.responsible, "Graduating departments")
        self.assertIn("career", employment.register_note)
        self.assertIn("university's own", employment.register_note)
        self.assertEqual(employment.owner_id, self.ref("employee_vicerector"))
        self.assertIn("ISO 9001:2008", self.ref("process_4_2_4").register_note)

    def test_activities_added_by_the_university_are_marked(self):
        Activity = self.env["quality.process.activity"]
        manual_processes = self.env["quality.process"].browse(
            self.env["ir.model.data"]
            .search(
                [
                    ("module", "=", "quality_university"),
                    ("model", "=", "quality.process"),
                    ("name", "=like", "process_%"),
                    ("name", "not like", "ped"),
                ]
            )
            .mapped("res_id")
        )
        added = Activity.search(
            [("origin", "=", "university"), ("process_id", "in", manual_processes.ids)]
        )
        self.assertEqual(
            set(added.process_id.mapped(lambda p: p.get_external_id()[p.id].split("process_")[1])),
            set(UNIVERSITY_ACTIVITIES),
        )
        manual = Activity.search([("origin", "=", "manual")])
        self.assertIn(self.ref("process_7_5_3"), manual.process_id)
        self.assertIn(self.ref("process_8_2_2"), manual.process_id)

    def test_note_in_kazakh(self):
        activate_kazakh_and_russian(self.env)
        note = self.ref("process_4_2_4").with_context(lang="kk_KZ").register_note
        self.assertIn("ИСО 9001:2008", note)


@tagged("post_install", "-at_install")
class TestManualDemo(TransactionCase):
    """14: the demo tells one consistent story."""

    def ref(self, xmlid):
        return self.env.ref(f"quality_university.{xmlid}")

    def test_demo_consistency(self):
        preventive = self.ref("revision_08_04_1")
        corrective_file = self.ref("revision_08_03_1").attachment_ids
        self.assertTrue(preventive.attachment_ids)
        self.assertFalse(preventive.attachment_ids & corrective_file)
        self.assertTrue(preventive.review_line_ids)
        self.assertEqual(set(preventive.review_line_ids.mapped("state")), {"agreed"})
        self.assertEqual(self.ref("nc_eng_kpi").process_id, self.ref("process_7_5_3"))
        in_analysis = self.env["quality.nonconformity"].search([("state", "=", "analysis")])
        self.assertTrue(in_analysis)
        self.assertFalse(
            in_analysis.action_ids.filtered(lambda a: a.state == "in_progress"),
            "a nonconformity in analysis has an action in progress",
        )
        self.assertEqual(
            self.ref("criterion_manual_7_6").name, "Control of monitoring and measuring means"
        )
        potential = self.env["quality.nonconformity"].search([("kind", "=", "potential")])
        self.assertGreaterEqual(len(potential.department_id), 2)
        self.assertEqual(set(potential.action_ids.mapped("action_type")), {"preventive"})
        self.assertTrue(self.ref("audit_lang_complaint").order_reference)


@tagged("post_install", "-at_install")
class TestManualRecords(TransactionCase):
    """6 (4.2.4, СЖҚ 04.ҚР 02): records are identified, and their register entry says
    where and how they are kept, protected and restored."""

    def test_records_are_identified(self):
        exam_sheets = self.env.ref("quality_university.record_type_exam_sheets")
        self.assertEqual(exam_sheets.code, "ЖЗ 07.01")
        self.assertTrue(exam_sheets.storage_place)
        self.assertTrue(exam_sheets.protection)
        self.assertTrue(exam_sheets.restoration)
        kept = exam_sheets.record_ids.sorted("number")
        self.assertEqual(
            kept.mapped("code"), [f"ЖЗ 07.01-{n:03d}" for n in range(1, len(kept) + 1)]
        )
        Record = self.env["quality.record"]
        new = Record.create(
            [
                {
                    "name": "Exam sheets, spring",
                    "type_id": exam_sheets.id,
                    "date_closed": "2026-06-30",
                },
                {
                    "name": "Exam sheets, summer",
                    "type_id": exam_sheets.id,
                    "date_closed": "2026-08-30",
                },
            ]
        )
        self.assertEqual(
            new.mapped("code"), [f"ЖЗ 07.01-{len(kept) + 1:03d}", f"ЖЗ 07.01-{len(kept) + 2:03d}"]
        )
        self.assertIn("ЖЗ 07.01", new[0].display_name)
        self.assertEqual([r[0] for r in Record.name_search(new[0].code)], new[0].ids)
        with self.assertRaises(UserError):
            new[0].write({"code": "ЖЗ 99"})
