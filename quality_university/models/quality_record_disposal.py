from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.sql import create_index

from .quality_record_type import DISPOSAL_METHODS


class QualityRecordDisposal(models.Model):
    _name = "quality.record.disposal"
    _description = "Records Disposal Act"
    _inherit = ["quality.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_fields = ("state",)
    _workflow_locked_states = ("done",)

    name = fields.Char(
        string="Act No.", required=True, readonly=True, copy=False, default="/", tracking=True
    )
    date = fields.Date(default=fields.Date.context_today, required=True, tracking=True)
    method = fields.Selection(DISPOSAL_METHODS, default="shredding", required=True)
    member_ids = fields.Many2many(
        "hr.employee",
        "quality_record_disposal_member_rel",
        "disposal_id",
        "employee_id",
        string="Commission",
    )
    record_ids = fields.One2many(
        "quality.record",
        "disposal_id",
        string="Records",
        domain="[('state', '=', 'expired')]",
    )
    note = fields.Html()
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    def init(self):
        # the default order: a list's first page reads the index, not a sort of the table
        create_index(
            self.env.cr,
            "quality_record_disposal_date_id_idx",
            self._table,
            ["date DESC", "id DESC"],
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("quality.record.disposal")
        return super().create(vals_list)

    def action_done(self):
        """Complete the disposal act: its records are disposed of (quality office)."""
        self._check_transition(
            from_states=("draft",), group="quality_university.group_quality_manager"
        )
        for act in self:
            if not act.record_ids:
                raise UserError(self.env._("List the records to dispose of first."))
            if act.record_ids.filtered(lambda r: r.state != "expired"):
                raise UserError(
                    self.env._("Only records whose retention has expired can be disposed of.")
                )
        self.record_ids._workflow_write({"state": "disposed"})
        self._workflow_write({"state": "done"})
        return True
