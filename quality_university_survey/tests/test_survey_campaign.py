from contextlib import closing
from statistics import mean

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ANSWERS, SILENT, SurveyCampaignCommon, normalised


@tagged("post_install", "-at_install")
class TestSurveyCampaign(SurveyCampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign.with_user(cls.manager).action_start()
        cls.done = cls._answer(cls.campaign)

    def _expected(self):
        """Indices computed here from ANSWERS, independently of the view."""
        expected = {}
        for key, rows in ANSWERS.items():
            for position, question in enumerate(self.questions):
                expected[(self.units[key], question)] = mean(
                    normalised(row[position]) for row in rows
                )
        return expected

    def test_invitations_go_through_survey_invite(self):
        answers = self.campaign.user_input_ids
        total = sum(len(rows) + SILENT[key] for key, rows in ANSWERS.items())
        self.assertEqual(len(answers), total)
        self.assertEqual(answers.survey_id, self.survey)
        for key in ANSWERS:
            unit_answers = answers.filtered(
                lambda a, key=key: a.quality_department_id == self.units[key]
            )
            self.assertEqual(len(unit_answers), len(ANSWERS[key]) + SILENT[key])
        pending = answers.filtered(lambda a: a.state != "done")
        self.assertEqual(
            set(pending.partner_id.mapped("email"))
            <= set(self.campaign.partner_ids.mapped("email")),
            True,
        )
        mails = (
            self.env["mail.mail"].sudo().search([("recipient_ids", "in", answers.partner_id.ids)])
        )
        self.assertTrue(mails, "survey's invite wizard sent the invitations")
        # inviting again invites nobody twice
        self.campaign.with_user(self.manager).action_send_invitations()
        self.assertEqual(len(self.campaign.user_input_ids), total)

    def test_reminders_reach_only_non_respondents(self):
        Mail = self.env["mail.mail"].sudo()
        before = Mail.search([])
        self.campaign.with_user(self.manager).action_remind()
        reminders = Mail.search([]) - before
        pending = self.campaign.user_input_ids.filtered(lambda a: a.state != "done")
        self.assertEqual(len(reminders), sum(SILENT.values()))
        self.assertEqual(reminders.recipient_ids, pending.partner_id)
        self.assertIn("Reminder", reminders[0].subject)

    def test_indices_equal_independent_computation(self):
        rows = self.env["quality.survey.result"].search([("campaign_id", "=", self.campaign.id)])
        expected = self._expected()
        self.assertEqual(len(rows), len(expected))
        for row in rows:
            key = (row.department_id, row.question_id)
            self.assertEqual(row.category_id, row.question_id.quality_category_id)
            if row.department_id == self.units["c"]:
                self.assertEqual(row.visibility, "too_few")
                self.assertFalse(row.satisfaction_index)
            else:
                self.assertEqual(row.visibility, "shown")
                self.assertAlmostEqual(row.satisfaction_index, expected[key], places=6)
        # per category and unit: the mean of the question indices
        indices = self.campaign._category_indices()
        for key in ("a", "b"):
            for category, positions in ((self.teaching, (0, 1)), (self.resources, (2, 3))):
                value = mean(expected[(self.units[key], self.questions[p])] for p in positions)
                self.assertAlmostEqual(
                    indices[(self.campaign, category, self.units[key])], value, places=6
                )
        self.assertNotIn((self.campaign, self.teaching, self.units["c"]), indices)

    def test_minimum_group_size_hides_exactly_the_small_groups(self):
        Result = self.env["quality.survey.result"]
        hidden = Result.search(
            [("campaign_id", "=", self.campaign.id), ("visibility", "=", "too_few")]
        )
        self.assertEqual(hidden.department_id, self.units["c"])
        self.campaign.min_group_size = 6
        hidden = Result.search(
            [("campaign_id", "=", self.campaign.id), ("visibility", "=", "too_few")]
        )
        self.assertEqual(hidden.department_id, self.units["b"] | self.units["c"])
        self.campaign.min_group_size = 3
        self.assertFalse(
            Result.search([("campaign_id", "=", self.campaign.id), ("visibility", "=", "too_few")])
        )

    def test_response_rate_per_unit(self):
        rows = self.env["quality.survey.response"].search([("campaign_id", "=", self.campaign.id)])
        self.assertEqual(len(rows), 3)
        for row in rows:
            key = next(k for k, unit in self.units.items() if unit == row.department_id)
            invited = len(ANSWERS[key]) + SILENT[key]
            self.assertEqual(row.invited_count, invited)
            self.assertEqual(row.answered_count, len(ANSWERS[key]))
            self.assertAlmostEqual(row.response_rate, 100.0 * len(ANSWERS[key]) / invited)
            self.assertEqual(row.target_rate, 60.0)
            self.assertEqual(row.target_reached, row.response_rate >= 60.0)
        total = sum(len(r) for r in ANSWERS.values())
        invited = total + sum(SILENT.values())
        self.assertAlmostEqual(self.campaign.response_rate, 100.0 * total / invited)
        self.assertEqual(self.campaign.response_rate_target, 60.0)

    def test_below_threshold_opens_exactly_one_linked_action(self):
        campaign = self.campaign.with_user(self.manager)
        campaign.action_close()
        campaign.action_analyse()
        actions = self.env["quality.action"].search([("survey_campaign_id", "=", campaign.id)])
        # unit a rates resources low (index 21.9); unit b is above; unit c is too small
        self.assertEqual(len(actions), 1)
        self.assertEqual(actions.action_type, "improvement")
        self.assertEqual(actions.department_id, self.units["a"])
        self.assertEqual(actions.survey_category_id, self.resources)
        self.assertEqual(actions.responsible_id, self.head_a)
        self.assertEqual(campaign.action_ids, actions)
        campaign.action_analyse()
        campaign.action_analyse()
        self.assertEqual(
            self.env["quality.action"].search([("survey_campaign_id", "=", campaign.id)]), actions
        )

    def test_analysis_costs_the_same_queries_for_one_group_below_or_four(self):
        """The actions, their responsibles' to-dos and the campaign's note are created
        in batches, whatever the number of categories and units below the threshold."""
        self.units["a"].manager_id = False  # every action to the campaign's responsible
        campaign = self.campaign.with_user(self.manager)
        campaign.action_close()
        todo = self.env.ref("mail.mail_activity_data_todo")
        counts = {}
        for threshold in (60, 60, 100):  # the first run warms the caches
            with closing(self.env.cr.savepoint()):
                campaign.threshold = threshold
                self.env.flush_all()
                self.env.invalidate_all()
                before = self.cr.sql_log_count
                campaign.action_analyse()
                self.env.flush_all()
                counts[threshold] = self.cr.sql_log_count - before
                actions = campaign.action_ids
                # 60: unit a's learning resources; 100: both categories of units a and b
                self.assertEqual(len(actions), 1 if threshold == 60 else 4)
                for action in actions:
                    self.assertEqual(action.activity_ids.activity_type_id, todo)
                    self.assertEqual(action.activity_ids.user_id, self.manager)
                    self.assertEqual(action.activity_ids.date_deadline, action.date_deadline)
                notes = campaign.message_ids.filtered(lambda m: "analysis opened" in m.body)
                self.assertEqual(len(notes), 1)
                self.assertIn(f"opened {len(actions)} ", notes.body)
            self.env.invalidate_all()
        self.assertEqual(counts[60], counts[100])

    def test_below_threshold_can_open_a_survey_nonconformity(self):
        self.campaign.threshold_outcome = "nonconformity"
        self.campaign.threshold = 80
        campaign = self.campaign.with_user(self.manager)
        campaign.action_close()
        campaign.action_analyse()
        campaign.action_analyse()
        ncs = self.env["quality.nonconformity"].search([("survey_campaign_id", "=", campaign.id)])
        expected = {
            (unit, category)
            for (c, category, unit), index in campaign._category_indices().items()
            if index < 80
        }
        self.assertEqual({(nc.department_id, nc.survey_category_id) for nc in ncs}, expected)
        self.assertEqual(len(ncs), len(expected))
        self.assertEqual(set(ncs.mapped("source")), {"survey"})

    def test_workflow_is_guarded(self):
        with self.assertRaises(UserError):
            self.campaign.write({"state": "analysed"})
        with self.assertRaises(AccessError):
            self.campaign.with_user(self.head_a).action_close()
        with self.assertRaises(UserError):
            self.campaign.with_user(self.manager).action_analyse()  # still running
        self.campaign.with_user(self.manager).action_close()
        self.campaign.with_user(self.manager).action_analyse()
        with self.assertRaises(UserError):
            self.campaign.with_user(self.manager).name = "Changed after analysis"

    def test_constraints(self):
        with self.assertRaises(ValidationError):
            self.campaign.date_end = "2024-11-01"
        with self.assertRaises(ValidationError):
            self.campaign.academic_year = "2024-2026"
        with self.assertRaises(ValidationError):
            self.campaign.min_group_size = 0

    def test_anonymous_answers_keep_no_identity(self):
        respondent_partners = self.campaign.partner_ids
        for answer in self.done:
            self.assertFalse(answer.partner_id)
            self.assertFalse(answer.email)
            self.assertFalse(answer.nickname)
            self.assertEqual(answer.create_uid.id, 1)
            self.assertFalse(answer.message_follower_ids)
            self.assertFalse(answer.user_input_line_ids.create_uid - self.env.ref("base.user_root"))
        # the reporting models hold no person at all
        for model in ("quality.survey.result", "quality.survey.response"):
            relations = {
                field.comodel_name
                for name, field in self.env[model]._fields.items()
                if field.relational and name not in ("create_uid", "write_uid")
            }
            self.assertFalse(relations & {"res.partner", "res.users", "hr.employee"})
        # nothing in the database links a submitted answer to a student
        self.assertFalse(
            self.env["survey.user_input"].search(
                [("id", "in", self.done.ids), ("partner_id", "in", respondent_partners.ids)]
            )
        )
        # no queued invitation e-mail keeps the link of a submitted answer
        for token in self.done.mapped("access_token"):
            self.assertFalse(
                self.env["mail.mail"].sudo().search_count([("body_html", "ilike", token)])
            )
        # the pending ones are still known: reminders need them
        pending = self.campaign.user_input_ids - self.done
        self.assertEqual(len(pending.partner_id), sum(SILENT.values()))

    def test_named_campaign_keeps_identity(self):
        self.campaign.anonymous = False
        answer = self.campaign.user_input_ids.filtered(lambda a: a.state != "done")[0]
        partner = answer.partner_id
        answer._mark_done()
        self.assertEqual(answer.partner_id, partner)

    def test_heads_see_their_unit_above_minimum_size(self):
        Result = self.env["quality.survey.result"].with_user(self.head_a)
        rows = Result.search([])
        self.assertEqual(rows.department_id, self.units["a"])
        self.assertTrue(all(rows.mapped("satisfaction_index")))
        self.assertEqual(
            self.env["quality.survey.response"].with_user(self.head_a).search([]).department_id,
            self.units["a"],
        )
        self.assertEqual(
            self.env["quality.survey.campaign"].with_user(self.head_a).search([]), self.campaign
        )
        with self.assertRaises(AccessError):
            self.campaign.with_user(self.head_a).name = "Not mine to rename"

    def test_respondents_see_only_their_own_answers(self):
        student_user = self.env["res.users"].create(
            {
                "name": "Portal student",
                "login": "qus_portal_student",
                "partner_id": self.students["b"][-1].id,
                "groups_id": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        with self.assertRaises(AccessError):
            self.env["survey.user_input"].with_user(student_user).search([]).read(["partner_id"])
        with self.assertRaises(AccessError):
            self.env["quality.survey.result"].with_user(student_user).search([])

    def test_management_review_section_and_indicator(self):
        Result = self.env["quality.survey.result"]
        self.assertTrue(Result._quality_review_provider)
        self.assertTrue(Result._quality_indicator_provider)
        section = Result._quality_review_section("2024-09-01", "2025-08-31", self.env.company)
        self.assertEqual(section["key"], "stakeholder_satisfaction")
        expected = self._expected()
        shown = [v for (unit, q), v in expected.items() if unit != self.units["c"]]
        values = [line["value"] for line in section["lines"] if self.campaign.name in line["label"]]
        self.assertAlmostEqual(values[0], round(mean(shown), 1))
        self.assertIn(
            ("satisfaction_index", Result._quality_indicators()[0][1]), Result._quality_indicators()
        )
        value = Result._quality_indicator_value(
            "satisfaction_index", "2024-09-01", "2025-08-31", self.units["a"]
        )
        self.assertAlmostEqual(
            value, mean(v for (unit, q), v in expected.items() if unit == self.units["a"])
        )
        self.assertIsNone(
            Result._quality_indicator_value(
                "satisfaction_index", "2020-09-01", "2021-08-31", self.env["hr.department"]
            )
        )
