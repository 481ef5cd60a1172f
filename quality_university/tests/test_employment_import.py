import base64
from pathlib import Path

from odoo.tests import tagged

from .common_employment import EmploymentCommon

DATA = Path(__file__).resolve().parents[2] / "data"


@tagged("post_install", "-at_install")
class TestEmploymentImport(EmploymentCommon):
    def _import(self, kind, filename, content, user="career"):
        wizard = (
            self.env["quality.employment.import"]
            .with_user(self.users[user])
            .create({"kind": kind, "filename": filename, "file": base64.b64encode(content)})
        )
        wizard.action_import()
        return wizard

    def _sample(self, name):
        return (DATA / name).read_bytes()

    def test_good_files_import_and_reimport_changes_nothing(self):
        Graduate = self.env["quality.graduate"]
        before = Graduate.search_count([])
        wizard = self._import(
            "graduates", "graduates_sample.csv", self._sample("graduates_sample.csv")
        )
        self.assertEqual(wizard.state, "done", wizard.message)
        self.assertEqual(wizard.message, "6 created, 0 updated, 0 unchanged.")
        graduates = Graduate.search([("student_code", "like", "S2026-")])
        self.assertEqual(len(graduates), 6)
        first = graduates.filtered(lambda g: g.student_code == "S2026-001")
        self.assertEqual(first.programme_id.code, "6B06101")
        self.assertEqual(str(first.graduation_date), "2026-06-25")
        self.assertEqual((first.funding, first.iin, first.consent), ("grant", "040312450101", True))
        self.assertEqual(first.partner_id.email, "inkar.saparova@students.wkitu.example")
        self.assertFalse(graduates.filtered(lambda g: g.student_code == "S2026-003").consent)

        employment = self._sample("employment_sample.xlsx")
        wizard = self._import("employment", "employment_sample.xlsx", employment)
        self.assertEqual(wizard.state, "done", wizard.message)
        self.assertEqual(wizard.message, "5 created, 0 updated, 0 unchanged.")
        self.assertEqual(first.latest_status_id.code, "employed_specialty")
        outcome = first.employment_ids
        self.assertEqual(outcome.employer_id.vat, "180340002345")
        self.assertEqual(outcome.source, "pension")
        self.assertTrue(outcome.evidenced)
        self.assertEqual(outcome.salary_band, "250_400")  # 28,000 is 10% of 280,000
        # the demo employer is found by its BIN, not duplicated
        self.assertEqual(outcome.employer_id, self.env.ref("quality_university.employer_it"))

        stamps = {g.id: g.write_date for g in graduates}
        outcome_stamps = {e.id: e.write_date for e in graduates.employment_ids}
        partners = self.env["res.partner"].search_count([])
        again = self._import(
            "graduates", "graduates_sample.csv", self._sample("graduates_sample.csv")
        )
        self.assertEqual(again.message, "0 created, 0 updated, 6 unchanged.")
        again = self._import("employment", "employment_sample.xlsx", employment)
        self.assertEqual(again.message, "0 created, 0 updated, 5 unchanged.")
        self.assertEqual(Graduate.search_count([]), before + 6)
        self.assertEqual(self.env["res.partner"].search_count([]), partners)
        self.assertEqual({g.id: g.write_date for g in graduates}, stamps)
        self.assertEqual({e.id: e.write_date for e in graduates.employment_ids}, outcome_stamps)

        # a corrected file updates instead of duplicating
        changed = self._sample("graduates_sample.csv").replace(b",part_time,", b",full_time,")
        again = self._import("graduates", "graduates_sample.csv", changed)
        self.assertEqual(again.message, "0 created, 1 updated, 5 unchanged.")
        self.assertEqual(Graduate.search_count([]), before + 6)

    def test_bad_rows_are_all_reported_and_nothing_is_saved(self):
        lines = self._sample("graduates_sample.csv").decode().splitlines()
        bad = [
            lines[0],
            lines[1],  # good
            lines[2].replace(",6B06101,", ",9X99999,"),  # unknown programme
            lines[3].replace("25.06.2026", "31.02.2026"),  # bad date
            lines[4].replace("S2026-004", "S2026-001"),  # duplicate of row 2
            lines[5].replace("Мұратова Томирис Бекболатқызы", ""),  # missing name
            lines[6],  # good
        ]
        Graduate = self.env["quality.graduate"]
        partners = self.env["res.partner"].search_count([])
        before = Graduate.search_count([])
        wizard = self._import("graduates", "bad.csv", "\n".join(bad).encode())
        self.assertEqual(wizard.state, "error")
        errors = wizard.message.splitlines()
        self.assertEqual(len(errors), 4, wizard.message)
        self.assertIn("Row 3: unknown programme 9X99999", errors[0])
        self.assertIn("Row 4: bad graduation date 31.02.2026", errors[1])
        self.assertIn("Row 5: student ID S2026-001 repeats row 2", errors[2])
        self.assertIn("Row 6: the full name is missing", errors[3])
        self.assertEqual(Graduate.search_count([]), before)
        self.assertEqual(self.env["res.partner"].search_count([]), partners)

    def test_bad_employment_rows(self):
        self._import("graduates", "graduates_sample.csv", self._sample("graduates_sample.csv"))
        from io import BytesIO

        import openpyxl

        book = openpyxl.load_workbook(BytesIO(self._sample("employment_sample.xlsx")))
        sheet = book.active
        sheet["A2"] = "999999999999"  # nobody
        sheet["G3"] = "not a date"
        sheet["J4"] = "astronaut"
        sheet["I5"] = "7"  # no such checkpoint
        output = BytesIO()
        book.save(output)
        count = self.env["quality.graduate.employment"].search_count([])
        wizard = self._import("employment", "employment.xlsx", output.getvalue())
        self.assertEqual(wizard.state, "error")
        self.assertEqual(
            [line.split(":")[0] for line in wizard.message.splitlines()],
            ["Row 2", "Row 3", "Row 4", "Row 5"],
        )
        self.assertIn("no graduate has the IIN 999999999999", wizard.message)
        self.assertIn("unknown status astronaut", wizard.message)
        self.assertEqual(self.env["quality.graduate.employment"].search_count([]), count)

    def test_wrong_layout_is_refused(self):
        from odoo.exceptions import UserError

        with self.assertRaises(UserError):
            self._import("employment", "graduates_sample.csv", self._sample("graduates_sample.csv"))
        with self.assertRaises(UserError):
            self._import("graduates", "graduates.txt", b"whatever")
