import logging
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_review import BEFORE_YEAR, IN_YEAR, YEAR, QualityReviewCommon, section_values

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestManagementReview(QualityReviewCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Nonconformity = cls.env["quality.nonconformity"]
        cls.nc_ped = cls._nonconformities(3, cls.kafedra_ped, severity="major")
        cls.nc_eng = cls._nonconformities(2, cls.faculty_eng)
        cls._nonconformities(4, cls.faculty_eng, day=BEFORE_YEAR)  # another year
        cls.nc_cancelled = cls._nonconformities(1, cls.faculty_eng)
        cls.nc_cancelled.write({"cancel_reason": "Duplicate"})
        cls.nc_cancelled.action_cancel()
        # one closed through its whole cycle, one repeated
        Nonconformity.browse(cls.nc_ped[0].id)._workflow_write(
            {"state": "closed", "date_closed": IN_YEAR}
        )
        Nonconformity.browse(cls.nc_ped[1].id)._workflow_write({"repeated": True})
        cls.complaints = cls._complaints(2, cls.faculty_ped) | cls._complaints(
            1, cls.faculty_eng, kind="suggestion"
        )
        cls.actions = cls._actions(3, cls.faculty_ped) | cls._actions(
            2, cls.faculty_eng, action_type="preventive"
        )
        cls.actions[:2]._workflow_write(
            {
                "state": "closed",
                "effectiveness_date": IN_YEAR,
                "effectiveness_result": "effective",
            }
        )
        cls.actions[2]._workflow_write(
            {"effectiveness_date": IN_YEAR, "effectiveness_result": "not_effective"}
        )

    def _independent_nonconformity_counts(self):
        """Counted in Python from the records, not with the provider's queries."""
        ncs = self.env["quality.nonconformity"].search([("company_id", "=", self.company.id)])
        in_year = ncs.filtered(
            lambda nc: date(2030, 9, 1) <= nc.date <= date(2031, 8, 31) and nc.state != "cancelled"
        )
        return {
            "total": len(in_year),
            "closed": len(in_year.filtered(lambda nc: nc.state == "closed")),
            "repeated": len(in_year.filtered("repeated")),
            "major": len(in_year.filtered(lambda nc: nc.severity == "major")),
            "ped": len(in_year.filtered(lambda nc: nc.department_id == self.kafedra_ped)),
            "eng": len(in_year.filtered(lambda nc: nc.department_id == self.faculty_eng)),
        }

    def test_inputs_equal_independent_counts(self):
        review = self._review()
        sections = review._get_sections()
        expected = self._independent_nonconformity_counts()
        self.assertEqual(expected["total"], 5)
        values = section_values(sections, "nonconformities")
        self.assertEqual(values["Nonconformities"], expected["total"])
        self.assertEqual(values["Closed (eliminated)"], expected["closed"])
        self.assertEqual(values["Open"], expected["total"] - expected["closed"])
        self.assertEqual(values["Repeated"], expected["repeated"])
        self.assertEqual(values["Major"], expected["major"])
        self.assertEqual(values[f"By unit: {self.kafedra_ped.name}"], expected["ped"])
        self.assertEqual(values[f"By unit: {self.faculty_eng.name}"], expected["eng"])

        complaints = section_values(sections, "complaints")
        self.assertEqual(
            complaints["Complaints"],
            len(self.complaints.filtered(lambda c: c.kind == "complaint")),
        )
        self.assertEqual(complaints["Suggestions and wishes"], 1)
        self.assertEqual(complaints["Waiting for an answer"], len(self.complaints))

        actions = section_values(sections, "actions")
        all_actions = self.env["quality.action"].search(
            [
                ("date_deadline", ">=", review.date_from),
                ("date_deadline", "<=", review.date_to),
                ("state", "!=", "cancelled"),
            ]
        )
        self.assertEqual(
            actions["Corrective"],
            len(all_actions.filtered(lambda a: a.action_type == "corrective")),
        )
        self.assertEqual(actions["Preventive"], 2)
        self.assertEqual(actions["Closed"], 2)
        self.assertEqual(actions["Effectiveness evaluated"], 3)
        self.assertEqual(actions["Found effective"], 2)
        self.assertEqual(actions["Effectiveness rate"], round(200 / 3, 1))

    def test_every_registered_provider_contributes_a_section(self):
        """The review scans the registry: every model declaring the contract, in
        whichever addon, gives a section, without the review naming any of them."""
        declared = sorted(
            name
            for name, model in self.registry.models.items()
            if getattr(model, "_quality_review_provider", False)
        )
        review = self._review()
        self.assertEqual(review._review_providers(), declared)
        # the core blocks, each in its own model file
        for name in (
            "quality.plan",
            "quality.objective",
            "quality.complaint",
            "quality.review.input.audit",
            "quality.review.input.nonconformity",
            "quality.review.input.action",
            "quality.review.input.document",
        ):
            self.assertIn(name, declared)
        keys = {section["key"] for section in review._get_sections()}
        expected_keys = {
            self.env[name]
            .sudo()
            ._quality_review_section(review.date_from, review.date_to, self.company)["key"]
            for name in declared
        }
        self.assertEqual(keys, expected_keys)
        self.assertGreaterEqual(len(keys), 7)

    def test_holding_freezes_the_inputs(self):
        review = self._review()
        review.action_prepare()
        with self.assertRaises(AccessError):
            review.action_hold()  # the MR's office prepares, top management holds
        review.with_user(self.users["top"]).action_hold()
        self.assertEqual(review.state, "held")
        self.assertEqual(review.held_by_id, self.users["top"])
        frozen = review._get_sections()
        html = review.inputs_html
        # the data moves on
        self._nonconformities(7, self.faculty_ped)
        self._complaints(2, self.faculty_eng)
        self.actions[3]._workflow_write({"state": "closed"})
        self.env.invalidate_all()
        self.assertEqual(review._get_sections(), frozen)
        self.assertEqual(review.inputs_html, html)
        self.assertEqual(section_values(frozen, "nonconformities")["Nonconformities"], 5)
        live = self._review(name="Another").with_user(self.users["manager"])._get_sections()
        self.assertEqual(section_values(live, "nonconformities")["Nonconformities"], 12)
        # a held review no longer changes, not even by the rector
        with self.assertRaises(UserError):
            review.with_user(self.users["top"]).write({"name": "Changed"})
        with self.assertRaises(UserError):
            review.with_user(self.users["top"]).write({"snapshot": {}})

    def test_snapshot_fields_are_set_by_the_workflow_only(self):
        with self.assertRaises(UserError):
            self._review(snapshot={"en_US": []})
        review = self._review()
        with self.assertRaises(UserError):
            review.write({"state": "held"})

    def test_decisions_become_actions_plan_lines_and_document_changes(self):
        plan = self.env["quality.plan"].create({"year": "2031/2032"})
        doc_type = self.env.ref("quality_university.document_type_procedure")
        document = self.env["quality.document"].create(
            {"name": "Test procedure", "type_id": doc_type.id}
        )
        review = self._review(
            decision_ids=[
                Command.create(
                    {
                        "name": "Train the unit quality officers",
                        "output_type": "action",
                        "responsible_id": self.users["officer"].id,
                        "date_deadline": date(2031, 9, 30),
                        "department_id": self.faculty_ped.id,
                    }
                ),
                Command.create(
                    {
                        "name": "Audit the laboratories twice a year",
                        "output_type": "plan",
                        "plan_id": plan.id,
                        "responsible_id": self.users["manager"].id,
                        "date_deadline": date(2031, 12, 1),
                    }
                ),
                Command.create(
                    {
                        "name": "Add repeated nonconformities to the procedure",
                        "output_type": "document",
                        "document_id": document.id,
                    }
                ),
                Command.create({"name": "The QMS is suitable", "output_type": "none"}),
            ]
        )
        review.action_prepare()
        review.with_user(self.users["top"]).action_hold()
        action_decision, plan_decision, doc_decision, noted = review.decision_ids
        self.assertEqual(action_decision.action_id.action_type, "improvement")
        self.assertEqual(action_decision.action_id.responsible_id, self.users["officer"])
        self.assertEqual(action_decision.action_id.date_deadline, date(2031, 9, 30))
        self.assertEqual(action_decision.action_id.department_id, self.faculty_ped)
        self.assertEqual(plan_decision.plan_line_id.plan_id, plan)
        self.assertEqual(plan_decision.plan_line_id.review_decision_id, plan_decision)
        self.assertEqual(doc_decision.revision_id.document_id, document)
        self.assertEqual(doc_decision.revision_id.state, "draft")
        self.assertIn("repeated", doc_decision.revision_id.change_summary)
        self.assertFalse(noted.action_id or noted.plan_line_id or noted.revision_id)
        # decisions freeze with the held review
        with self.assertRaises(UserError):
            action_decision.write({"name": "Changed"})

    def test_collecting_inputs_takes_the_same_queries_at_two_sizes(self):
        review = self._review()
        self._count_queries(review)  # warm the registry's and the translations' caches
        small = self._count_queries(review)
        # ten times the data, in more units
        units = self.env["hr.department"].create(
            [{"name": f"Size unit {index}"} for index in range(6)]
        )
        for unit in units:
            self._nonconformities(8, unit)
            self._complaints(5, unit)
            self._actions(6, unit)
        plan = self.env["quality.plan"].create({"year": YEAR})
        self.env["quality.plan.line"].create(
            [
                {
                    "plan_id": plan.id,
                    "name": f"Activity {index}",
                    "responsible_id": self.users["manager"].id,
                    "date_deadline": IN_YEAR,
                    "department_id": units[index % 6].id,
                }
                for index in range(30)
            ]
        )
        large = self._count_queries(review)
        self.env.invalidate_all()
        with self.assertQueryCount(small):
            sections = review._collect_inputs()
        self.assertEqual(section_values(sections, "nonconformities")["Nonconformities"], 5 + 48)
        self.assertEqual(small, large)
        _logger.info(
            "management review inputs: %s queries, then %s with 10x the data", small, large
        )

    def _count_queries(self, review):
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        review._collect_inputs()
        return self.cr.sql_log_count - start
