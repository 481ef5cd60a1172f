from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_document import DocumentCommon


@tagged("post_install", "-at_install")
class TestScheduledReminders(DocumentCommon):
    def test_overdue_acknowledgements_get_one_activity(self):
        revision = self.make_effective(self.draft_revision())
        staff_line = revision.acknowledgement_ids.filtered(
            lambda a: a.user_id == self.users["user"]
        )
        late = revision.acknowledgement_ids.filtered(lambda a: a.user_id)
        Acknowledgement = self.env["quality.document.acknowledgement"]
        self.assertFalse(Acknowledgement._cron_remind_overdue() & late)
        late.sudo()._workflow_write({"date_due": fields.Date.today() - relativedelta(days=1)})
        staff_line.with_user(self.users["user"]).action_acknowledge()
        reminded = Acknowledgement._cron_remind_overdue() & late
        self.assertEqual(reminded, late - staff_line)
        self.assertEqual(reminded.activity_ids.user_id, (late - staff_line).user_id)
        # the next day's run does not pile up activities
        self.assertFalse(Acknowledgement._cron_remind_overdue() & late)
        # acknowledging closes the reminder
        officer_line = reminded.filtered(lambda a: a.user_id == self.users["officer"])
        officer_line.with_user(self.users["officer"]).action_acknowledge()
        officer_line.invalidate_recordset(["activity_ids"])
        self.assertFalse(officer_line.activity_ids)

    def test_periodic_review_opens_an_activity_for_due_documents(self):
        self.make_effective(self.draft_revision())
        Document = self.env["quality.document"]
        self.assertFalse(Document._cron_open_periodic_reviews() & self.document)
        self.document.next_review_date = fields.Date.today()
        self.assertEqual(Document._cron_open_periodic_reviews() & self.document, self.document)
        review = self.env.ref("quality_university.mail_activity_type_document_review")
        activity = self.document.activity_ids.filtered(lambda a: a.activity_type_id == review)
        self.assertEqual(activity.user_id, self.users["officer"])
        self.assertFalse(Document._cron_open_periodic_reviews() & self.document)


@tagged("post_install", "-at_install")
class TestRecordsControl(DocumentCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.record_type = cls.env["quality.record.type"].create(
            {
                "name": "Examination sheets",
                "process_id": cls.process_ped.id,
                "document_id": cls.document.id,
                "department_id": cls.kafedra_ped.id,
                "responsible_id": cls.employees["officer"].id,
                "storage_place": "Cabinet 2",
                "retention_years": 5,
            }
        )
        today = fields.Date.today()
        cls.old, cls.recent = cls.env["quality.record"].create(
            [
                {
                    "name": "Sheets 2018",
                    "type_id": cls.record_type.id,
                    "date_closed": today - relativedelta(years=6),
                },
                {
                    "name": "Sheets 2025",
                    "type_id": cls.record_type.id,
                    "date_closed": today - relativedelta(months=6),
                },
            ]
        )

    def test_retention_expiry_and_disposal(self):
        self.assertEqual(self.old.retention_end_date, self.old.date_closed + relativedelta(years=5))
        expired = self.env["quality.record"]._cron_flag_expired()
        self.assertIn(self.old, expired)
        self.assertNotIn(self.recent, expired)
        self.assertEqual(self.old.state, "expired")
        self.assertEqual(self.old.activity_ids.user_id, self.users["officer"])
        Disposal = self.env["quality.record.disposal"].with_user(self.users["manager"])
        # a record still within its retention cannot be disposed of
        act = Disposal.create({"record_ids": [(6, 0, (self.old | self.recent).ids)]})
        with self.assertRaises(UserError):
            act.action_done()
        self.assertEqual(self.recent.state, "kept")
        act.record_ids = [(6, 0, self.old.ids)]
        act.action_done()
        self.assertTrue(act.name.startswith("ЖА-"))
        self.assertEqual(self.old.state, "disposed")
        with self.assertRaises(UserError):
            act.write({"method": "deletion"})
        with self.assertRaises(UserError):
            self.old.unlink()

    def test_a_units_records_stay_with_the_unit(self):
        RecordType = self.env["quality.record.type"]
        self.assertEqual(
            RecordType.with_user(self.users["officer"]).search([("id", "=", self.record_type.id)]),
            self.record_type,
        )
        self.assertFalse(
            RecordType.with_user(self.outsider).search([("id", "=", self.record_type.id)])
        )
        with self.assertRaises(AccessError):
            self.record_type.with_user(self.users["user"]).write({"retention_years": 1})
        self.record_type.with_user(self.users["officer"]).write({"storage_place": "Cabinet 3"})
        self.assertEqual(self.record_type.storage_place, "Cabinet 3")
