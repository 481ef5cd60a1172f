from odoo import api, fields, models
from odoo.exceptions import UserError

from .quality_record_type import DISPOSAL_METHODS


class QualityRecordDisposal(models.Model):
    _name = "quality.record.disposal"
    _description = "Records Disposal Act"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

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

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("quality.record.disposal")
        return super().create(vals_list)

    def write(self, vals):
        if self.filtered(lambda d: d.state == "done") and set(vals) - {
            "message_main_attachment_id"
        }:
            raise UserError(self.env._("A completed disposal act cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if self.filtered(lambda d: d.state == "done"):
            raise UserError(self.env._("A completed disposal act cannot be deleted."))

    def action_done(self):
        for act in self:
            if act.state != "draft":
                raise UserError(self.env._("This disposal act is already completed."))
            if not act.record_ids:
                raise UserError(self.env._("List the records to dispose of first."))
            if act.record_ids.filtered(lambda r: r.state != "expired"):
                raise UserError(
                    self.env._("Only records whose retention has expired can be disposed of.")
                )
        self.record_ids.write({"state": "disposed"})
        self.write({"state": "done"})
        return True
