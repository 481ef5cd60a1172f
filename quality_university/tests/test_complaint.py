from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_review import IN_YEAR, QualityReviewCommon


@tagged("post_install", "-at_install")
class TestComplaint(QualityReviewCommon):
    def test_complaint_opens_a_nonconformity_linked_both_ways(self):
        partner = self.env["res.partner"].create(
            {
                "name": "Test employer",
                "quality_stakeholder_category_ids": [
                    fields.Command.link(
                        self.env.ref("quality_university.stakeholder_category_employers").id
                    )
                ],
            }
        )
        complaint = (
            self.env["quality.complaint"]
            .with_user(self.users["user"])
            .create(
                {
                    "subject": "No practice supervisor",
                    "description": "Nobody supervised our trainees",
                    "partner_id": partner.id,
                    "channel": "letter",
                    "department_id": self.faculty_ped.id,
                    "responsible_id": self.users["officer"].id,
                    "date": IN_YEAR,
                    "date_deadline": IN_YEAR + relativedelta(days=10),
                }
            )
        )
        complaint = complaint.with_env(self.env)
        self.assertEqual(complaint.create_uid, self.users["user"])
        self.assertTrue(complaint.name.startswith("ШҰ-"))
        activity = complaint.activity_ids
        self.assertEqual(activity.user_id, self.users["officer"])
        self.assertEqual(activity.date_deadline, date(2030, 11, 25))
        self.assertEqual(partner.quality_complaint_ids, complaint)
        with self.assertRaises(AccessError):
            complaint.with_user(self.users["user"]).action_open_nonconformity()
        complaint.with_user(self.users["officer"]).action_open_nonconformity()
        nc = complaint.nonconformity_id
        self.assertEqual(nc.source, "complaint")
        self.assertEqual(nc.complaint_id, complaint)
        self.assertEqual(nc.department_id, self.faculty_ped)
        self.assertIn("supervised", nc.description)
        with self.assertRaises(UserError):
            complaint.with_user(self.users["officer"]).action_open_nonconformity()
        # the answer
        officer_complaint = complaint.with_user(self.users["officer"])
        with self.assertRaises(UserError):
            officer_complaint.action_answer()
        officer_complaint.write({"answer": "A supervisor is appointed", "outcome": "upheld"})
        officer_complaint.action_answer()
        self.assertEqual(complaint.state, "answered")
        self.assertFalse(complaint.activity_ids)
        officer_complaint.action_close()
        with self.assertRaises(UserError):
            officer_complaint.write({"answer": "Changed"})

    def test_anonymous_and_dates(self):
        partner = self.env["res.partner"].create({"name": "Someone"})
        Complaint = self.env["quality.complaint"]
        with self.assertRaises(ValidationError):
            Complaint.create(
                {"subject": "S", "description": "D", "anonymous": True, "partner_id": partner.id}
            )
        with self.assertRaises(ValidationError):
            Complaint.create(
                {
                    "subject": "S",
                    "description": "D",
                    "date": IN_YEAR,
                    "date_deadline": IN_YEAR - relativedelta(days=1),
                }
            )
        with self.assertRaises(UserError):
            Complaint.create({"subject": "S", "description": "D", "state": "closed"})

    def test_only_the_responsible_or_an_officer_answers(self):
        complaint = self._complaints(1, self.faculty_eng, responsible_id=self.users["manager"].id)
        complaint.write({"answer": "Done", "outcome": "rejected"})
        with self.assertRaises(AccessError):
            complaint.with_user(self.users["user"]).action_answer()
        complaint.with_user(self.users["manager"]).action_answer()
        self.assertEqual(complaint.date_answered, fields.Date.today())


@tagged("post_install", "-at_install")
class TestPolicyReview(QualityReviewCommon):
    def test_yearly_review_due_activity(self):
        # the demo's policy was last reviewed on 2025-10-20: the cron asked for this year's
        policy = self.env.ref("quality_university.document_quality_policy")
        self.assertEqual(policy.state, "effective")
        review_type = self.env.ref("quality_university.mail_activity_type_policy_review")
        self.assertEqual(
            len(policy.activity_ids.filtered(lambda a: a.activity_type_id == review_type)), 1
        )
        Review = self.env["quality.policy.review"]
        self.assertNotIn(policy, Review._cron_policy_review_due())  # once
        policy.activity_ids.unlink()
        self.assertIn(policy, Review._cron_policy_review_due())
        review = Review.with_user(self.users["manager"]).create(
            {"document_id": policy.id, "date": fields.Date.today()}
        )
        with self.assertRaises(UserError):
            review.action_done()  # findings and the Council's date first
        review.write({"findings": "Still suitable", "council_date": fields.Date.today()})
        with self.assertRaises(AccessError):
            review.with_user(self.users["officer"]).action_done()
        review.action_done()
        self.assertFalse(policy.activity_ids.filtered(lambda a: a.activity_type_id == review_type))
        self.assertEqual(review.next_review_date, fields.Date.today() + relativedelta(years=1))
        self.assertNotIn(policy, Review._cron_policy_review_due())
        with self.assertRaises(UserError):
            review.write({"findings": "Changed"})
        with self.assertRaises(ValidationError):
            Review.create(
                {
                    "document_id": policy.id,
                    "date": fields.Date.today(),
                    "council_date": fields.Date.today() - relativedelta(days=3),
                }
            )
