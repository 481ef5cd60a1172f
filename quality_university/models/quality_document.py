from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.sql import create_index


class QualityDocument(models.Model):
    _name = "quality.document"
    _description = "Controlled Document"
    _inherit = ["quality.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    # the document's state follows its revisions; only its transitions are guarded here
    _workflow_state_field = None
    _workflow_fields = ()
    _order = "level, code, id"
    _check_company_auto = True
    _rec_names_search = ["code", "name"]

    code = fields.Char(
        copy=False,
        tracking=True,
        help="Document code, e.g. СЖҚ 04.ҚР 01. Left empty, it is built from the type's "
        "prefix, the manual clause and the next number within that clause and type.",
    )
    manual_clause = fields.Char(
        compute="_compute_manual_clause",
        store=True,
        readonly=False,
        help="Section of the quality manual the document belongs to, as codes write it "
        "(04 for 4.2.3 document control, 08 for 8.2.2 internal audit). Taken from the "
        "first process by default.",
    )
    name = fields.Char(string="Title", required=True, translate=True, tracking=True)
    type_id = fields.Many2one(
        "quality.document.type", required=True, tracking=True, ondelete="restrict"
    )
    level = fields.Integer(related="type_id.level", store=True, string="Hierarchy Level")
    process_ids = fields.Many2many(
        "quality.process",
        "quality_document_process_rel",
        "document_id",
        "process_id",
        string="Processes",
        check_company=True,
    )
    department_id = fields.Many2one(
        "hr.department", string="Owning Unit", tracking=True, check_company=True
    )
    author_id = fields.Many2one("res.users", default=lambda self: self.env.user, tracking=True)
    language = fields.Selection(
        [("kk", "Kazakh"), ("ru", "Russian"), ("en", "English")], default="kk", required=True
    )
    confidentiality = fields.Selection(
        [
            ("public", "Public to all staff"),
            ("internal", "Distributed units and staff"),
            ("restricted", "Restricted"),
        ],
        default="internal",
        required=True,
        tracking=True,
        help="Public: every employee reads the effective revision. Otherwise only the "
        "staff it is distributed to, besides its author, approver and the quality office.",
    )
    review_interval_months = fields.Integer(
        string="Review Interval (months)",
        compute="_compute_review_interval_months",
        store=True,
        readonly=False,
    )
    next_review_date = fields.Date(tracking=True)
    tag_ids = fields.Many2many("quality.document.tag", string="Tags")
    distribute_to_all = fields.Boolean(
        string="Distribute to All Staff",
        help="Every active employee of the company must acknowledge each effective revision.",
    )
    distribution_department_ids = fields.Many2many(
        "hr.department",
        "quality_document_distribution_department_rel",
        "document_id",
        "department_id",
        string="Distributed to Units",
        check_company=True,
        help="Employees of these units and of their sub-units acknowledge each effective revision.",
    )
    distribution_employee_ids = fields.Many2many(
        "hr.employee",
        "quality_document_distribution_employee_rel",
        "document_id",
        "employee_id",
        string="Distributed to Employees",
        check_company=True,
    )
    revision_ids = fields.One2many("quality.document.revision", "document_id", string="Revisions")
    current_revision_id = fields.Many2one(
        "quality.document.revision",
        string="Effective Revision",
        compute="_compute_current_revision_id",
        store=True,
    )
    edition = fields.Integer(related="current_revision_id.edition", string="Edition")
    date_effective = fields.Date(related="current_revision_id.date_effective")
    state = fields.Selection(
        [("draft", "Not Yet Effective"), ("effective", "Effective"), ("obsolete", "Withdrawn")],
        compute="_compute_current_revision_id",
        store=True,
    )
    approver_id = fields.Many2one(
        "res.users",
        compute="_compute_approver_id",
        help="The approver delegate of the document type, or else the rector.",
    )
    revision_count = fields.Integer(compute="_compute_revision_count")
    acknowledgement_rate = fields.Float(
        string="Acknowledged (%)",
        compute="_compute_acknowledgement_rate",
        help="Share of the staff who acknowledged the effective revision.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_company_unique",
            "UNIQUE(code, company_id)",
            "Another document of this company already has this code.",
        ),
        (
            "review_interval_positive",
            "CHECK(review_interval_months > 0)",
            "The review interval is a positive number of months.",
        ),
    ]

    def init(self):
        # the default order: a list's first page reads the index, not a sort of the table
        create_index(
            self.env.cr,
            "quality_document_level_code_id_idx",
            self._table,
            ["level", "code", "id"],
        )

    @api.depends("process_ids.code")
    def _compute_manual_clause(self):
        for document in self:
            chapter = (document.process_ids[:1].code or "").split(".")[0]
            if chapter.isdigit():
                document.manual_clause = f"{int(chapter):02d}"
            else:
                document.manual_clause = document.manual_clause or False

    @api.depends("type_id")
    def _compute_review_interval_months(self):
        for document in self:
            document.review_interval_months = document.type_id.review_interval_months or 12

    @api.depends("revision_ids.state")
    def _compute_current_revision_id(self):
        for document in self:
            states = document.revision_ids.mapped("state")
            effective = document.revision_ids.filtered(lambda r: r.state == "effective")
            document.current_revision_id = effective[:1]
            if effective:
                document.state = "effective"
            elif {"superseded", "archived", "destroyed"} & set(states):
                document.state = "obsolete"
            else:
                document.state = "draft"

    @api.depends("type_id.approver_id", "company_id.quality_rector_id.user_id")
    def _compute_approver_id(self):
        for document in self:
            document.approver_id = (
                document.type_id.approver_id or document.company_id.quality_rector_id.user_id
            )

    def _compute_revision_count(self):
        counts = dict(
            self.env["quality.document.revision"]._read_group(
                [("document_id", "in", self.ids)], ["document_id"], ["__count"]
            )
        )
        for document in self:
            document.revision_count = counts.get(document, 0)

    def _compute_acknowledgement_rate(self):
        # the rate of a document the reader may see is the same for every reader:
        # counted over the whole sheet, not over the lines the reader may read
        rates = dict(
            self.env["quality.document.acknowledgement"]
            .sudo()
            ._read_group(
                [
                    ("revision_id", "in", self.current_revision_id.ids),
                    ("state", "!=", "cancelled"),
                ],
                ["revision_id"],
                ["completion:avg"],
            )
        )
        for document in self:
            document.acknowledgement_rate = rates.get(document.current_revision_id.sudo(), 0.0)

    @api.model_create_multi
    def create(self, vals_list):
        documents = super().create(vals_list)
        # the clause comes from the processes: codes are built once the documents exist
        for document in documents.filtered(lambda d: not d.code):
            document.code = document.type_id._next_code(document.manual_clause, document.company_id)
        return documents

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        if self.revision_ids.filtered(lambda r: r.state != "draft"):
            raise UserError(
                self.env._(
                    "A document with agreed or approved revisions cannot be deleted: "
                    "archive it instead."
                )
            )

    def action_new_revision(self):
        """Open a new draft revision, with the reviewers of the latest one."""
        self.ensure_one()
        self._check_transition(group="quality_university.group_quality_officer")
        if self.revision_ids.filtered(lambda r: r.state in ("draft", "agreement", "approved")):
            raise UserError(
                self.env._(
                    "Document %(code)s already has a revision in preparation.", code=self.code
                )
            )
        latest = self.revision_ids.sorted("edition")[-1:]
        revision = self.env["quality.document.revision"].create(
            {
                "document_id": self.id,
                "edition": (latest.edition or 0) + 1,
                "review_line_ids": [
                    Command.create({"user_id": user.id}) for user in latest.review_line_ids.user_id
                ],
            }
        )
        return revision._get_form_action()

    def action_open_revisions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_university.quality_document_revision_action"
        )
        action["domain"] = [("document_id", "=", self.id)]
        action["context"] = {"default_document_id": self.id}
        return action

    def action_open_acknowledgements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_university.quality_document_acknowledgement_action"
        )
        action["domain"] = [("revision_id", "=", self.current_revision_id.id)]
        action["context"] = {"search_default_group_department": 1}
        return action

    def action_distribute(self):
        """Distribute the effective revision again, e.g. to newly added units or staff."""
        self._check_transition(group="quality_university.group_quality_officer")
        for document in self:
            if not document.current_revision_id:
                raise UserError(
                    self.env._("Document %(code)s has no effective revision.", code=document.code)
                )
            document.current_revision_id._distribute()

    def _cron_open_periodic_reviews(self):
        """Ask the configured reviewer (owning unit's head, the Management
        Representative or the author) to review every document whose date has come."""
        activity_type = self.env.ref("quality_university.mail_activity_type_document_review")
        documents = self.search(
            [
                ("next_review_date", "<=", fields.Date.today()),
                ("state", "=", "effective"),
                ("activity_ids", "not any", [("activity_type_id", "=", activity_type.id)]),
            ]
        )
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": self.env["ir.model"]._get_id(self._name),
                    "res_id": document.id,
                    "activity_type_id": activity_type.id,
                    "automated": True,
                    "user_id": document._periodic_reviewer().id,
                    "date_deadline": document.next_review_date,
                    "summary": self.env._("Periodic review of %(code)s", code=document.code),
                }
                for document in documents
            ]
        )
        return documents

    def _periodic_reviewer(self):
        """The person the company's settings name for periodic reviews: the head of the
        owning unit or the Management Representative, else the author."""
        self.ensure_one()
        company = self.company_id
        user = self.env["res.users"]
        if company.quality_document_review_by == "owner_head":
            user = self.sudo().department_id.manager_id.user_id
        elif company.quality_document_review_by == "representative":
            user = company.sudo().quality_representative_id.user_id
        return user or self.author_id or self.approver_id or self.env.user

    def _schedule_next_review(self, from_date):
        for document in self:
            document.next_review_date = from_date + relativedelta(
                months=document.review_interval_months or 12
            )
