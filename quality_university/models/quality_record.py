from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools.sql import create_index


class QualityRecord(models.Model):
    _name = "quality.record"
    _description = "Kept Record"
    _inherit = ["quality.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "retention_end_date, id"
    _check_company_auto = True
    _workflow_fields = ("state", "code", "number")
    _workflow_locked_states = ("disposed",)
    _rec_names_search = ["code", "name"]

    name = fields.Char(required=True, help="e.g. Exam sheets, 2020-2021 academic year")
    code = fields.Char(
        string="Identification",
        readonly=True,
        copy=False,
        index=True,
        help="The record's identification (сәйкестендіру): its register entry's code "
        "and its number within that entry.",
    )
    number = fields.Integer(readonly=True, copy=False)
    type_id = fields.Many2one(
        "quality.record.type", string="Register Entry", required=True, check_company=True
    )
    department_id = fields.Many2one(related="type_id.department_id", store=True, index=True)
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

    def init(self):
        # the default order: a list's first page reads the index, not a sort of the table
        create_index(
            self.env.cr,
            "quality_record_retention_end_date_id_idx",
            self._table,
            ["retention_end_date", "id"],
        )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._number()
        return records

    def _number(self):
        """Number the records within their register entry: one grouped query."""
        last = dict(
            self.sudo()._read_group(
                [("type_id", "in", self.type_id.ids), ("id", "not in", self.ids)],
                ["type_id"],
                ["number:max"],
            )
        )
        for record in self.sorted("id"):
            record_type = record.type_id
            last[record_type] = (last.get(record_type) or 0) + 1
            prefix = record_type.code or self.env._("REC")
            record._workflow_write(
                {"number": last[record_type], "code": f"{prefix}-{last[record_type]:03d}"}
            )

    @api.depends("code", "name")
    def _compute_display_name(self):
        for record in self:
            record.display_name = f"{record.code} {record.name}" if record.code else record.name

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
