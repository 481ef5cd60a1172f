from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class QualityRecord(models.Model):
    _name = "quality.record"
    _description = "Kept Record"
    _inherit = ["quality.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "retention_end_date, id"
    _check_company_auto = True
    _workflow_fields = ("state",)
    _workflow_locked_states = ("disposed",)

    name = fields.Char(required=True, help="e.g. Exam sheets, 2020-2021 academic year")
    type_id = fields.Many2one(
        "quality.record.type", string="Register Entry", required=True, check_company=True
    )
    department_id = fields.Many2one(related="type_id.department_id", store=True)
    responsible_id = fields.Many2one(related="type_id.responsible_id")
    location = fields.Char(help="Shelf, folder or electronic location.")
    date_closed = fields.Date(
        string="Closed on", required=True, help="Retention counts from this date."
    )
    retention_end_date = fields.Date(
        string="Keep Until", compute="_compute_retention_end_date", store=True
    )
    state = fields.Selection(
        [("kept", "Kept"), ("expired", "Retention Expired"), ("disposed", "Disposed")],
        default="kept",
        required=True,
        readonly=True,
        tracking=True,
    )
    disposal_id = fields.Many2one("quality.record.disposal", string="Disposal Act", readonly=True)
    company_id = fields.Many2one(related="type_id.company_id", store=True)

    @api.depends("date_closed", "type_id.retention_years")
    def _compute_retention_end_date(self):
        for record in self:
            years = record.type_id.retention_years
            record.retention_end_date = (
                record.date_closed + relativedelta(years=years)
                if record.date_closed and years
                else False
            )

    def _cron_flag_expired(self):
        """Flag the records whose retention has ended and ask their keeper to dispose."""
        expired = self.search(
            [("state", "=", "kept"), ("retention_end_date", "<", fields.Date.today())]
        )
        expired._workflow_write({"state": "expired"})
        for record in expired.filtered("responsible_id.user_id"):
            record.activity_schedule(
                act_type_xmlid="mail.mail_activity_data_todo",
                summary=self.env._("Retention expired: dispose of the record"),
                user_id=record.responsible_id.user_id.id,
            )
        return expired
