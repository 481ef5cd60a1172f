from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common_review import IN_YEAR, YEAR, QualityReviewCommon


@tagged("post_install", "-at_install")
class TestObjective(QualityReviewCommon):
    def _objective(self, user="manager", **values):
        vals = {
            "name": "Test objective",
            "year": YEAR,
            "indicator": "Share",
            "baseline": 0.0,
            "target": 100.0,
        }
        vals.update(values)
        return self.env["quality.objective"].with_user(self.users[user]).create(vals)

    def _measure(self, objective, value, day=IN_YEAR):
        self.env["quality.objective.value"].create(
            {"objective_id": objective.id, "value": value, "date": day}
        )

    def test_period_follows_the_academic_year(self):
        objective = self._objective()
        self.assertEqual(objective.date_from, date(2030, 9, 1))
        self.assertEqual(objective.date_to, date(2031, 8, 31))
        with self.assertRaises(ValidationError):
            self._objective(year="2030-2031")

    def test_status_thresholds(self):
        objective = self._objective()
        self.assertEqual(objective.status, "no_data")
        self._measure(objective, 100)
        self.assertEqual((objective.progress, objective.status), (100.0, "on_track"))
        self._measure(objective, 85, day=date(2030, 12, 1))
        self.assertEqual((objective.current_value, objective.status), (85.0, "at_risk"))
        self._measure(objective, 50, day=date(2031, 1, 1))
        self.assertEqual(objective.status, "missed")
        # the thresholds are the company's settings
        self.company.quality_objective_at_risk_percent = 40.0
        self.assertEqual(objective.status, "at_risk")
        self.company.quality_objective_on_track_percent = 50.0
        self.assertEqual(objective.status, "on_track")
        # at most the target: fewer is better
        lower = self._objective(direction="le", baseline=20.0, target=10.0)
        self._measure(lower, 12)
        self.assertEqual(lower.progress, 80.0)
        self._measure(lower, 9, day=date(2030, 12, 1))
        self.assertEqual(lower.status, "on_track")

    def test_named_indicator_moves_with_live_data(self):
        catalogue = self.env["quality.objective"]._indicator_catalogue()
        for code in (
            "acknowledgement_rate",
            "nc_closed_on_time",
            "audit_programme_completion",
            "capa_effectiveness",
        ):
            self.assertIn(code, catalogue)
        # every indicator provider of the registry is in the catalogue
        for name, model in self.registry.models.items():
            if getattr(model, "_quality_indicator_provider", False):
                for code, _label in self.env[name]._quality_indicators():
                    self.assertIn(code, catalogue)
        objective = self._objective(indicator_code="capa_effectiveness", target=90.0)
        with self.assertRaises(UserError):
            objective.action_measure()  # no evaluated action in the year yet
        actions = self._actions(2, self.faculty_ped)
        actions._workflow_write(
            {"effectiveness_date": IN_YEAR, "effectiveness_result": "effective"}
        )
        self._actions(2, self.faculty_eng)._workflow_write(
            {"effectiveness_date": IN_YEAR, "effectiveness_result": "not_effective"}
        )
        objective.action_measure()
        self.assertEqual(objective.current_value, 50.0)
        self.assertEqual(objective.value_ids.source, "computed")
        self._actions(4, self.faculty_ped)._workflow_write(
            {"effectiveness_date": IN_YEAR, "effectiveness_result": "effective"}
        )
        objective.value_ids.date = date(2020, 10, 1)
        objective.action_measure()
        self.assertEqual(objective.current_value, 75.0)
        # a unit objective counts its unit only
        unit_objective = self._objective(
            level="unit", department_id=self.faculty_ped.id, indicator_code="capa_effectiveness"
        )
        unit_objective.action_measure()
        self.assertEqual(unit_objective.current_value, 100.0)
        with self.assertRaises(AccessError):
            objective.with_user(self.users["officer"]).action_measure()

    def test_monthly_measurement(self):
        this_year = self.env["quality.objective"].create(
            {
                "name": "Current",
                "indicator": "Share",
                "target": 90.0,
                "indicator_code": "capa_effectiveness",
            }
        )
        self._objective(indicator_code="capa_effectiveness")  # another year: left alone
        actions = self._actions(2, self.faculty_ped)
        actions._workflow_write(
            {"effectiveness_date": date.today(), "effectiveness_result": "effective"}
        )
        values = self.env["quality.objective"]._cron_measure()
        self.assertIn(this_year, values.objective_id)
        self.assertEqual(this_year.current_value, this_year._indicator_value())
        self.assertFalse(values.filtered(lambda v: v.objective_id.year == YEAR))

    def test_nonconformities_closed_on_time(self):
        objective = self._objective(indicator_code="nc_closed_on_time")
        ncs = self._nonconformities(4, self.faculty_ped)
        ncs[:2]._workflow_write({"state": "closed", "date_closed": IN_YEAR})
        late = self._actions(1, self.faculty_ped, deadline=date(2030, 11, 20))
        late._workflow_write({"nonconformity_id": ncs[1].id, "date_done": date(2030, 12, 20)})
        objective.action_measure()
        self.assertEqual(objective.current_value, 25.0)

    def test_approval_and_yearly_revision(self):
        objective = self._objective()
        with self.assertRaises(AccessError):
            objective.action_approve()
        objective.with_user(self.users["top"]).action_approve()
        self.assertEqual(objective.state, "approved")
        self.assertEqual(objective.approved_by_id, self.users["top"])
        with self.assertRaises(UserError):
            objective.write({"target": 50.0})
        # values keep arriving on an approved objective
        self._measure(objective, 60)
        self.assertEqual(objective.current_value, 60.0)
        objective.action_revise()
        self.assertEqual((objective.state, objective.revision), ("draft", 1))
        history = objective.revision_ids
        self.assertEqual(len(history), 1)
        self.assertEqual((history.target, history.year, history.current_value), (100.0, YEAR, 60.0))
        self.assertEqual(history.approved_by_id, self.users["top"])
        objective.write({"year": "2031/2032", "target": 80.0})
        objective.with_user(self.users["top"]).action_approve()
        objective.action_revise()
        self.assertEqual(objective.revision_ids.sorted("revision").mapped("target"), [100.0, 80.0])

    def test_levels_and_unit_visibility(self):
        with self.assertRaises(ValidationError):
            self._objective(level="unit")
        form = Form(self.env["quality.objective"].with_user(self.users["manager"]))
        form.name = "Publish two articles"
        form.indicator = "Articles"
        form.year = YEAR
        form.target = 2
        form.level = "teacher"
        form.employee_id = self.employees["user"]
        objective = form.save()
        self.assertEqual(objective.department_id, self.faculty_ped)
        university = self._objective(name="University")
        ped = self._objective(name="Ped", level="unit", department_id=self.kafedra_ped.id)
        eng = self._objective(name="Eng", level="unit", department_id=self.faculty_eng.id)
        Objective = self.env["quality.objective"]
        officer_sees = Objective.with_user(self.users["officer"]).search([("year", "=", YEAR)])
        self.assertIn(ped, officer_sees)
        self.assertIn(university, officer_sees)
        self.assertNotIn(eng, officer_sees)
        user_sees = Objective.with_user(self.users["user"]).search([("year", "=", YEAR)])
        self.assertEqual(user_sees, university | objective)
        ped.with_user(self.users["officer"]).write({"target": 90})
        with self.assertRaises(AccessError):
            eng.with_user(self.users["officer"]).write({"target": 90})
        with self.assertRaises(AccessError):
            university.with_user(self.users["officer"]).write({"target": 90})
