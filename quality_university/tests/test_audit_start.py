from odoo import fields
from odoo.tests import tagged

from .common_audit import QualityAuditCommon


@tagged("post_install", "-at_install")
class TestAuditStartSeveral(QualityAuditCommon):
    def test_several_audits_start_at_once(self):
        dated = self._create_audit(name="Dated audit", date_start="2026-11-02")
        undated = self._create_audit(name="Undated audit")
        (dated | undated).with_user(self.users["auditor"]).action_start()
        self.assertEqual((dated | undated).mapped("state"), ["in_progress", "in_progress"])
        self.assertEqual(dated.date_start, fields.Date.to_date("2026-11-02"))
        self.assertEqual(undated.date_start, fields.Date.context_today(undated))
