import json

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import activate_kazakh_and_russian
from .common_employment import EmploymentCommon


@tagged("post_install", "-at_install")
class TestEmploymentRates(EmploymentCommon):
    def _row(self, programme, checkpoint):
        self.env.flush_all()
        Report = self.env["quality.employment.report"]
        Report.invalidate_model()
        return Report.search(
            [
                ("programme_id", "=", programme.id),
                ("graduation_year", "=", self.YEAR),
                ("checkpoint_id", "=", checkpoint.id),
            ]
        )

    def test_rates_of_the_hand_built_cohort(self):
        row = self._row(self.programme_a, self.checkpoint_12)
        self.assertEqual(len(row), 1)
        # by hand: 16 graduates; unknown = no information + 2 without a record
        graduates, known = 16, 13
        not_seeking = 1
        positive = 3 + 2 + 1 + 1 + 1 + 1  # employed, self-employed, study, military, volunteer
        employed = 3 + 2 + 1
        proven_in_specialty = 2
        self.assertEqual(row.graduate_count, graduates)
        self.assertEqual(row.known_count, known)
        self.assertEqual(row.base_count, known - not_seeking)
        self.assertEqual(row.positive_count, positive)
        self.assertEqual(row.employed_count, employed)
        self.assertEqual(row.in_specialty_count, proven_in_specialty)
        self.assertEqual(row.in_specialty_unproven_count, 1)
        self.assertAlmostEqual(row.knowledge_rate, 100 * 13 / 16, places=2)
        self.assertAlmostEqual(row.employment_rate, 100 * 9 / 12, places=2)
        self.assertAlmostEqual(row.in_specialty_rate, 100 * 2 / 6, places=2)
        # six months after: nobody recorded yet
        early = self._row(self.programme_a, self.checkpoint_6)
        self.assertEqual((early.graduate_count, early.known_count), (16, 0))
        self.assertEqual(early.knowledge_rate, 0.0)

    def test_rule_changes_with_the_flags_not_the_code(self):
        # a ministry that leaves military service out of the base
        self.status["military"].write({"positive": False, "excluded": True})
        row = self._row(self.programme_a, self.checkpoint_12)
        self.assertAlmostEqual(row.employment_rate, 100 * 8 / 11, places=2)
        self.assertAlmostEqual(row.knowledge_rate, 100 * 13 / 16, places=2)

    def test_group_rates_are_ratios_of_sums(self):
        Report = self.env["quality.employment.report"]
        self.env.flush_all()
        groups = Report.read_group(
            [("graduation_year", "=", self.YEAR), ("checkpoint_id", "=", self.checkpoint_12.id)],
            ["graduate_count", "knowledge_rate", "employment_rate"],
            ["graduation_year"],
        )
        self.assertEqual(len(groups), 1)
        # A's 16 graduates and B's one without an outcome
        self.assertEqual(groups[0]["graduate_count"], 17)
        self.assertAlmostEqual(groups[0]["knowledge_rate"], 100 * 13 / 17, places=2)
        self.assertAlmostEqual(groups[0]["employment_rate"], 100 * 9 / 12, places=2)

    def test_report_rows_equal_independent_sql_counts(self):
        self.env.flush_all()
        self.env.cr.execute(
            """
            SELECT g.programme_id, g.graduation_year, c.id, count(*)
              FROM quality_graduate g, quality_employment_checkpoint c
             WHERE g.active AND c.active
             GROUP BY 1, 2, 3
            """
        )
        graduates = {row[:3]: row[3] for row in self.env.cr.fetchall()}
        self.env.cr.execute(
            """
            SELECT g.programme_id, g.graduation_year, e.checkpoint_id,
                   sum(s.known::int), sum(s.positive::int), sum(s.employed::int),
                   sum((s.known AND s.excluded)::int)
              FROM quality_graduate_employment e
              JOIN quality_graduate g ON g.id = e.graduate_id
              JOIN quality_employment_status s ON s.id = e.status_id
             WHERE g.active
             GROUP BY 1, 2, 3
            """
        )
        outcomes = {row[:3]: row[3:] for row in self.env.cr.fetchall()}
        rows = self.env["quality.employment.report"].search([])
        self.assertEqual(len(rows), len(graduates))
        self.assertGreater(len(rows), 40, "the demo's two years are in the report too")
        for row in rows:
            key = (row.programme_id.id, row.graduation_year, row.checkpoint_id.id)
            known, positive, employed, excluded = outcomes.get(key, (0, 0, 0, 0))
            with self.subTest(key=key):
                self.assertEqual(row.graduate_count, graduates[key])
                self.assertEqual(
                    (row.known_count, row.positive_count, row.employed_count, row.excluded_count),
                    (known, positive, employed, excluded),
                )
        # and by graduating department
        self.env.cr.execute(
            """
            SELECT p.department_id, count(*)
              FROM quality_graduate g JOIN quality_programme p ON p.id = g.programme_id
             WHERE g.active GROUP BY 1
            """
        )
        per_department = dict(self.env.cr.fetchall())
        checkpoints = self.env["quality.employment.checkpoint"].search_count([])
        for department, total in self.env["quality.employment.report"]._read_group(
            [], ["department_id"], ["graduate_count:sum"]
        ):
            self.assertEqual(total, per_department[department.id] * checkpoints)

    def test_latest_outcome_is_stored(self):
        graduate = self.cohort[10]
        self.assertEqual(graduate.latest_status_id, self.status["seeking"])
        self.env["quality.graduate.employment"].create(
            {
                "graduate_id": graduate.id,
                "checkpoint_id": self.checkpoint_6.id,
                "status_id": self.status["employed_other"].id,
            }
        )
        # the 12-month outcome stays the latest
        self.assertEqual(graduate.latest_status_id, self.status["seeking"])
        self.assertEqual(
            self.env["quality.graduate"].search_count(
                [
                    ("latest_status_id", "=", self.status["seeking"].id),
                    ("graduation_year", "=", 2030),
                ]
            ),
            2,
        )

    def test_constraints(self):
        with self.assertRaises(ValidationError):
            self.env["quality.employment.status"].create(
                {"name": "Odd", "code": "odd", "in_specialty": True, "employed": False}
            )
        with self.assertRaises(ValidationError):
            self.cohort[0].graduation_year = 20
        with self.assertRaises(ValidationError):
            self.cohort[0].iin = "12345"
        with self.assertRaises(ValidationError):
            self.cohort[0].employment_ids.reason_id = self.env.ref(
                "quality_university.employment_reason_salary"
            )

    def test_indicator_and_review_section(self):
        Report = self.env["quality.employment.report"]
        self.assertIn("employment_rate", dict(Report._quality_indicators()))
        self.env.flush_all()
        value = Report._quality_indicator_value(
            "employment_rate", "2030-01-01", "2030-12-31", self.kafedra_ped
        )
        self.assertAlmostEqual(value, 75.0)
        self.assertAlmostEqual(
            Report._quality_indicator_value(
                "employment_rate", "2030-01-01", "2030-12-31", self.faculty_ped
            ),
            75.0,
        )
        self.assertIsNone(
            Report._quality_indicator_value("employment_rate", "2040-01-01", "2040-12-31", None)
        )
        self.assertIsNone(
            Report._quality_indicator_value("unknown", "2030-01-01", "2030-12-31", None)
        )
        # every unit at once, each with its sub-units, as unit by unit
        units = self.kafedra_ped | self.faculty_ped | self.faculty_eng
        for code in ("employment_rate", "employment_knowledge_rate"):
            with self.subTest(code=code):
                expected = {
                    unit.id: Report._quality_indicator_value(code, "2030-01-01", "2030-12-31", unit)
                    for unit in units
                }
                self.assertEqual(
                    Report._quality_indicator_values(code, "2030-01-01", "2030-12-31", units),
                    {key: value for key, value in expected.items() if value is not None},
                )
        self.assertEqual(
            Report._quality_indicator_values("employment_rate", "2040-01-01", "2040-12-31", units),
            {},
        )
        self.assertTrue(Report._quality_review_provider)
        section = Report._quality_review_section("2030-01-01", "2030-12-31", self.env.company)
        json.dumps(section)
        self.assertEqual(section["key"], "graduate_employment")
        values = {line["label"]: line["value"] for line in section["lines"]}
        self.assertEqual(values["Graduates"], 17)
        self.assertAlmostEqual(values["Career outcomes rate"], 75.0)
        self.assertAlmostEqual(values["Knowledge rate"], round(100 * 13 / 17, 2))


@tagged("post_install", "-at_install")
class TestEmploymentAccess(EmploymentCommon):
    def test_department_sees_and_edits_only_its_graduates(self):
        officer = self.users["officer"]
        Graduate = self.env["quality.graduate"].with_user(officer)
        mine = Graduate.search([("graduation_year", "=", self.YEAR)])
        self.assertEqual(mine, self.cohort)
        mine[0].phone = "+77010000000"
        self.assertEqual(self.cohort[0].partner_id.phone, "+77010000000")
        other = self.graduate_b.with_user(officer)
        with self.assertRaises(AccessError):
            other.read(["name"])
        with self.assertRaises(AccessError):
            self.graduate_b.partner_id.with_user(officer).read(["email"])
        with self.assertRaises(AccessError):
            other.write({"consent": True})
        with self.assertRaises(AccessError):
            self.env["quality.graduate.employment"].with_user(officer).create(
                {
                    "graduate_id": self.graduate_b.id,
                    "checkpoint_id": self.checkpoint_6.id,
                    "status_id": self.status["seeking"].id,
                }
            )
        # department B the other way round
        officer_eng = self.users["officer_eng"]
        with self.assertRaises(AccessError):
            self.cohort[0].with_user(officer_eng).read(["email"])
        with self.assertRaises(AccessError):
            self.cohort[0].partner_id.with_user(officer_eng).read(["email"])
        self.assertEqual(
            self.env["quality.graduate"].with_user(officer_eng).search([]), self.graduate_b
        )

    def test_staff_see_counts_not_people(self):
        user = self.users["user"]
        with self.assertRaises(AccessError):
            self.env["quality.graduate"].with_user(user).search([])
        with self.assertRaises(AccessError):
            self.cohort[0].partner_id.with_user(user).read(["email", "phone"])
        self.assertFalse(
            self.env["res.partner"]
            .with_user(user)
            .search([("id", "in", self.cohort.partner_id.ids)])
        )
        self.env.flush_all()
        rows = (
            self.env["quality.employment.report"]
            .with_user(user)
            .search([("programme_id", "=", self.programme_a.id)])
        )
        self.assertEqual(sum(rows.mapped("graduate_count")), 16 * len(rows))
        # an auditor is no career centre
        with self.assertRaises(AccessError):
            self.cohort[0].partner_id.with_user(self.users["auditor"]).read(["email"])

    def test_career_centre_and_quality_office_see_all(self):
        for role in ("career", "manager", "top"):
            with self.subTest(role=role):
                Graduate = self.env["quality.graduate"].with_user(self.users[role])
                found = Graduate.search([("graduation_year", "=", self.YEAR)])
                self.assertEqual(found, self.cohort | self.graduate_b)
                self.assertTrue(found.mapped("email"))
                self.assertEqual(
                    self.graduate_b.partner_id.with_user(self.users[role]).email,
                    self.graduate_b.email,
                )

    def test_work_off_obligation(self):
        graduate = self._make_graduates(self.programme_a, 1, "W", funding="grant")
        self.assertTrue(graduate.obligation_required)
        self.assertEqual(graduate.obligation_state, "open")
        self.env["quality.graduate.employment"].with_user(self.users["officer"]).create(
            {
                "graduate_id": graduate.id,
                "checkpoint_id": self.checkpoint_6.id,
                "status_id": self.status["seeking"].id,
            }
        )
        activity = graduate.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.users["career"])
        # no second activity for the same risk
        graduate.employment_ids.status_id = self.status["not_seeking"]
        self.assertEqual(len(graduate.activity_ids), 1)
        with self.assertRaises(UserError):
            graduate.obligation_state = "working"
        with self.assertRaises(AccessError):
            graduate.with_user(self.users["officer"]).action_obligation_start()
        career = graduate.with_user(self.users["career"])
        with self.assertRaises(UserError):
            career.action_obligation_start()
        career.write(
            {
                "obligation_employer_id": self.env.company.partner_id.id,
                "obligation_start": "2030-09-01",
            }
        )
        career.action_obligation_start()
        self.assertEqual(graduate.obligation_state, "working")
        career.action_obligation_fulfil()
        self.assertEqual(graduate.obligation_state, "fulfilled")
        self.assertFalse(graduate.activity_ids)
        with self.assertRaises(AccessError):
            career.action_obligation_reopen()
        graduate.with_user(self.users["manager"]).action_obligation_reopen()
        self.assertEqual(graduate.obligation_state, "open")
        # a paid graduate owes nothing
        self.assertFalse(self.cohort[10].obligation_required)
        self.assertFalse(self.cohort[10].activity_ids)


@tagged("post_install", "-at_install")
class TestVacancyBank(EmploymentCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_kazakh_and_russian(cls.env)

    def test_one_action_mails_consenting_graduates_in_their_language(self):
        consenting = self.cohort[:3]
        consenting.consent = True
        consenting[0].partner_id.lang = "ru_RU"
        consenting[1].partner_id.lang = "kk_KZ"
        self.graduate_b.consent = True  # another programme
        vacancy = self.env["quality.vacancy"].create(
            {
                "name": "Junior teacher",
                "employer_id": self.env.company.partner_id.id,
                "programme_ids": [(6, 0, self.programme_a.ids)],
                "region": "Oral",
            }
        )
        with self.assertRaises(AccessError):
            vacancy.with_user(self.users["officer"]).action_notify_graduates()
        vacancy.with_user(self.users["career"]).action_notify_graduates()
        self.assertEqual(vacancy.notified_count, 3)
        mails = self.env["mail.mail"].search(
            [
                ("model", "=", "quality.graduate"),
                ("res_id", "in", self.cohort.ids + self.graduate_b.ids),
            ]
        )
        self.assertEqual(len(mails), 3)
        self.assertEqual(set(mails.mapped("res_id")), set(consenting.ids))
        by_graduate = {mail.res_id: mail for mail in mails}
        self.assertIn("Вакансия", by_graduate[consenting[0].id].subject)
        self.assertIn("Бос орын", by_graduate[consenting[1].id].subject)
        self.assertIn("Junior teacher", by_graduate[consenting[2].id].body_html)
        self.assertEqual(by_graduate[consenting[2].id].recipient_ids, consenting[2].partner_id)
        vacancy.with_user(self.users["career"]).action_close()
        with self.assertRaises(UserError):
            vacancy.with_user(self.users["career"]).action_notify_graduates()
        with self.assertRaises(UserError):
            vacancy.write({"state": "open"})

    def test_forecast_and_contracts(self):
        self.env["quality.demand.letter"].create(
            {
                "employer_id": self.env.company.partner_id.id,
                "programme_id": self.programme_a.id,
                "year": 2031,
                "specialists": 3,
            }
        )
        contract = self.env["quality.target.contract"].create(
            {
                "name": "TC-1",
                "employer_id": self.env.company.partner_id.id,
                "programme_id": self.programme_a.id,
                "graduation_year": 2031,
                "places": 2,
            }
        )
        forecast = self.env["quality.placement.forecast"].create(
            {"programme_id": self.programme_a.id, "year": 2031, "expected_graduates": 10}
        )
        self.assertEqual((forecast.demand, forecast.contract_places), (3, 2))
        self.assertEqual((forecast.expected_placed, forecast.gap), (5, 5))
        self.cohort[:2].write({"target_contract_id": contract.id})
        self.assertEqual(contract.graduate_count, 2)
        self.assertEqual(contract.fulfilled_count, 0)
        with self.assertRaises(ValidationError):
            contract.places = 0
        # officers fill their own department's forecast, not another's
        forecast.with_user(self.users["officer"]).expected_graduates = 12
        other = self.env["quality.placement.forecast"].create(
            {"programme_id": self.programme_b.id, "year": 2031, "expected_graduates": 4}
        )
        with self.assertRaises(AccessError):
            other.with_user(self.users["officer"]).expected_graduates = 5
