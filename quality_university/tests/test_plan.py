import json
from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_review import IN_YEAR, YEAR, QualityReviewCommon


@tagged("post_install", "-at_install")
class TestPlan(QualityReviewCommon):
    def _plan(self):
        return (
            self.env["quality.plan"]
            .with_user(self.users["manager"])
            .create(
                {
                    "year": YEAR,
                    "line_ids": [
                        Command.create(
                            {
                                "name": "Train the officers",
                                "responsible_id": self.users["officer"].id,
                                "department_id": self.faculty_ped.id,
                                "date_deadline": IN_YEAR,
                            }
                        ),
                        Command.create(
                            {
                                "name": "Renew the laboratory",
                                "responsible_id": self.users["manager"].id,
                                "department_id": self.faculty_eng.id,
                                "date_deadline": date(2031, 5, 1),
                            }
                        ),
                    ],
                }
            )
        )

    def test_approval_progress_and_revision_history(self):
        plan = self._plan()
        self.assertEqual(plan.prepared_by_id, self.users["manager"])
        with self.assertRaises(AccessError):
            plan.with_user(self.users["officer"]).action_submit()
        plan.action_submit()
        with self.assertRaises(AccessError):
            plan.action_approve()  # the MR prepares, the rector approves
        plan.with_user(self.users["top"]).action_approve()
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.approved_by_id, self.users["top"])
        train, lab = plan.line_ids
        with self.assertRaises(UserError):
            train.write({"name": "Something else"})
        with self.assertRaises(UserError):
            plan.write({"name": "Another plan"})
        # the responsible reports progress on the approved plan, with evidence
        mine = train.with_user(self.users["officer"])
        with self.assertRaises(ValidationError):
            mine.write({"state": "done"})
        mine.write({"state": "done", "evidence": "Order No 12"})
        with self.assertRaises(AccessError):
            lab.with_user(self.users["officer"]).write({"state": "done", "evidence": "x"})
        self.assertEqual(plan.completion_rate, 50.0)
        # a revision keeps the approved plan
        with self.assertRaises(UserError):
            plan.action_revise()  # without a reason
        plan.revision_reason = "The review adds an activity"
        plan.action_revise()
        self.assertEqual((plan.state, plan.revision), ("draft", 1))
        kept = plan.revision_ids
        self.assertEqual(kept.revision, 0)
        self.assertEqual(kept.approved_by_id, self.users["top"])
        self.assertEqual(
            [line["activity"] for line in json.loads(kept.lines_json)],
            ["Train the officers", "Renew the laboratory"],
        )
        self.assertIn("Train the officers", kept.lines_text)
        lab.write({"name": "Renew two laboratories"})
        plan.action_submit()
        plan.with_user(self.users["top"]).action_approve()
        self.assertEqual(plan.revision, 1)

    def test_units_see_their_own_activities(self):
        plan = self._plan()
        Line = self.env["quality.plan.line"]
        self.assertEqual(
            Line.with_user(self.users["officer"])
            .search([("plan_id", "=", plan.id)])
            .mapped("name"),
            ["Train the officers"],
        )
        self.assertFalse(Line.with_user(self.users["user"]).search([("plan_id", "=", plan.id)]))
        self.assertEqual(
            len(Line.with_user(self.users["top"]).search([("plan_id", "=", plan.id)])), 2
        )

    def test_one_plan_a_year(self):
        self._plan()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                self.env["quality.plan"].create({"year": YEAR})


@tagged("post_install", "-at_install")
class TestOverview(QualityReviewCommon):
    def test_overview_figures_and_drill_down(self):
        ncs = self._nonconformities(3, self.faculty_ped)
        ncs[0]._workflow_write({"state": "closed", "date_closed": IN_YEAR})
        self._complaints(2, self.faculty_eng)
        objective = self.env["quality.objective"].create(
            {"name": "O", "year": YEAR, "indicator": "I", "target": 10.0}
        )
        self.env["quality.objective.value"].create({"objective_id": objective.id, "value": 10.0})
        overview = self.env["quality.overview"].with_user(self.users["top"]).create({"year": YEAR})
        self.assertEqual(overview.nonconformity_count, 3)
        self.assertEqual(overview.nonconformity_open, 2)
        self.assertEqual(overview.complaint_count, 2)
        self.assertEqual((overview.objective_count, overview.objective_on_track), (1, 1))
        action = overview.action_open_nonconformities()
        self.assertEqual(action["views"][0][1], "pivot")
        self.assertEqual(self.env["quality.nonconformity"].search(action["domain"]), ncs)
        action = overview.action_open_objectives()
        self.assertEqual(self.env["quality.objective"].search(action["domain"]), objective)
        for method in (
            "action_open_plan",
            "action_open_actions",
            "action_open_acknowledgements",
            "action_open_audits",
            "action_open_complaints",
        ):
            self.assertEqual(getattr(overview, method)()["type"], "ir.actions.act_window")
        with self.assertRaises(AccessError):
            self.env["quality.overview"].with_user(self.users["officer"]).create({"year": YEAR})
