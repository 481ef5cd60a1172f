from odoo import api, fields, models
from odoo.exceptions import UserError

from .quality_workflow_mixin import _TRANSITION


class QualityDocumentCopy(models.Model):
    _name = "quality.document.copy"
    _description = "Controlled Paper Copy"
    _inherit = ["quality.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "revision_id, number"
    _check_company_auto = True
    _workflow_fields = ("state", "number", "date_withdrawn")
    _workflow_locked_states = ("withdrawn",)

    revision_id = fields.Many2one(
        "quality.document.revision",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        domain="[('state', '=', 'effective')]",
    )
    document_id = fields.Many2one(related="revision_id.document_id", store=True)
    number = fields.Integer(
        string="Copy No.", readonly=True, copy=False, help="Controlled copy number (Дана №)."
    )
    holder_id = fields.Many2one("hr.employee", required=True, tracking=True)
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        compute="_compute_department_id",
        store=True,
        readonly=False,
    )
    date_issued = fields.Date(string="Issued on", default=fields.Date.context_today, required=True)
    date_withdrawn = fields.Date(string="Withdrawn on", readonly=True, tracking=True)
    state = fields.Selection(
        [("issued", "Issued"), ("to_withdraw", "To Withdraw"), ("withdrawn", "Withdrawn")],
        default="issued",
        required=True,
        readonly=True,
        tracking=True,
    )
    company_id = fields.Many2one(related="revision_id.company_id", store=True)

    _sql_constraints = [
        ("number_unique", "UNIQUE(revision_id, number)", "Copy numbers are unique per revision."),
    ]

    @api.depends("holder_id")
    def _compute_department_id(self):
        for copy in self:
            copy.department_id = copy.holder_id.department_id

    @api.depends("document_id.code", "revision_id.edition", "number")
    def _compute_display_name(self):
        for copy in self:
            copy.display_name = self.env._(
                "%(revision)s, copy No. %(number)s",
                revision=copy.revision_id.name,
                number=copy.number,
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self._in_transition():
            self._check_workflow_create_vals(vals_list)
        revisions = self.env["quality.document.revision"].browse(
            [vals["revision_id"] for vals in vals_list]
        )
        if revisions.filtered(lambda r: r.state != "effective"):
            raise UserError(self.env._("Paper copies are issued of effective revisions only."))
        last = dict(
            self._read_group(
                [("revision_id", "in", revisions.ids)], ["revision_id"], ["number:max"]
            )
        )
        for vals in vals_list:
            revision = revisions.browse(vals["revision_id"])
            last[revision] = last.get(revision, 0) + 1
            vals["number"] = last[revision]
        # the number is the register's, given here: create as a transition
        copies = super(QualityDocumentCopy, self.with_context(quality_transition=_TRANSITION))
        return copies.create(vals_list).with_env(self.env)

    def _request_withdrawal(self):
        self._workflow_write({"state": "to_withdraw"})
        for copy in self:
            copy.activity_schedule(
                act_type_xmlid="quality_university.mail_activity_type_document_copy_withdrawal",
                user_id=(copy.document_id.author_id or self.env.user).id,
            )

    def action_withdraw(self):
        """Withdraw the paper copy from its holder (officers of the unit, quality office)."""
        self._check_transition(
            from_states=("issued", "to_withdraw"), group="quality_university.group_quality_officer"
        )
        self._workflow_write(
            {"state": "withdrawn", "date_withdrawn": fields.Date.context_today(self)}
        )
        self.activity_feedback(["quality_university.mail_activity_type_document_copy_withdrawal"])
