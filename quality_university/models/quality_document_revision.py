from psycopg2 import errors

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, mute_logger

OFFICER = "quality_university.group_quality_officer"
MANAGER = "quality_university.group_quality_manager"
LOCKED_STATES = ("approved", "effective", "superseded", "archived", "destroyed")


class QualityDocumentRevision(models.Model):
    _name = "quality.document.revision"
    _description = "Controlled Document Revision"
    _inherit = ["quality.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "document_id, edition desc, id desc"
    _check_company_auto = True
    _workflow_fields = (
        "state",
        "approver_id",
        "approved_by_id",
        "date_approved",
        "date_superseded",
        "date_archived",
        "destruction_date",
        "destruction_method",
        "destroyed_by_id",
    )
    _workflow_locked_states = LOCKED_STATES

    name = fields.Char(compute="_compute_name", store=True)
    document_id = fields.Many2one(
        "quality.document", required=True, index=True, ondelete="cascade", check_company=True
    )
    code = fields.Char(related="document_id.code")
    document_type_id = fields.Many2one(related="document_id.type_id", store=True)
    department_id = fields.Many2one(related="document_id.department_id", store=True)
    edition = fields.Integer(required=True, default=1, tracking=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "quality_document_revision_attachment_rel",
        "revision_id",
        "attachment_id",
        string="Files",
        help="The revision's files, e.g. its PDF and DOCX.",
    )
    change_summary = fields.Text(string="Summary of Changes")
    pages_changed = fields.Char()
    prepared_by_id = fields.Many2one(
        "res.users", string="Prepared by", default=lambda self: self.env.user, tracking=True
    )
    date_prepared = fields.Date(string="Prepared on", default=fields.Date.context_today)
    review_line_ids = fields.One2many(
        "quality.document.review", "revision_id", string="Agreement", copy=True
    )
    agreement_deadline = fields.Date()
    approver_id = fields.Many2one(
        "res.users",
        compute="_compute_approver_id",
        store=True,
        tracking=True,
        help="The rector, or the approver delegate of the document type.",
    )
    approved_by_id = fields.Many2one("res.users", string="Approved by", readonly=True, copy=False)
    date_approved = fields.Date(readonly=True, copy=False, tracking=True)
    date_effective = fields.Date(
        string="Effective from",
        default=fields.Date.context_today,
        tracking=True,
        help="Approved revisions take effect on this date.",
    )
    date_superseded = fields.Date(readonly=True, copy=False)
    date_archived = fields.Date(readonly=True, copy=False)
    destruction_date = fields.Date(readonly=True, copy=False)
    destruction_method = fields.Char(readonly=True, copy=False)
    destroyed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("agreement", "In Agreement"),
            ("approved", "Approved"),
            ("effective", "Effective"),
            ("superseded", "Superseded"),
            ("archived", "Archived"),
            ("destroyed", "Destroyed"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    acknowledgement_ids = fields.One2many(
        "quality.document.acknowledgement", "revision_id", string="Acknowledgement Sheet"
    )
    copy_ids = fields.One2many("quality.document.copy", "revision_id", string="Controlled Copies")
    sheet_line_ids = fields.Many2many(
        "quality.document.acknowledgement",
        compute="_compute_sheet_line_ids",
        string="Acknowledgement Sheet Lines",
        help="The acknowledgements of this revision the reader may see: the reader's own, "
        "or the whole sheet for its author, the unit's officers and the quality office.",
    )
    acknowledgement_count = fields.Integer(compute="_compute_acknowledgement_stats")
    acknowledgement_rate = fields.Float(
        string="Acknowledged (%)", compute="_compute_acknowledgement_stats"
    )
    can_approve = fields.Boolean(compute="_compute_can_approve")
    company_id = fields.Many2one(related="document_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "edition_unique",
            "UNIQUE(document_id, edition)",
            "A document cannot have two revisions with the same edition number.",
        ),
        ("edition_positive", "CHECK(edition > 0)", "The edition is a positive number."),
    ]

    def init(self):
        # the database itself refuses a second effective revision of a document
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS quality_document_revision_one_effective "
                "ON quality_document_revision (document_id) WHERE state = 'effective'"
            )
        )

    @api.depends("document_id.code", "edition")
    def _compute_name(self):
        for revision in self:
            revision.name = self.env._(
                "%(code)s, edition %(edition)s",
                code=revision.document_id.code or "",
                edition=revision.edition,
            )

    @api.depends("document_id.approver_id")
    def _compute_approver_id(self):
        for revision in self:
            revision.approver_id = revision.document_id.approver_id

    @api.depends("approver_id", "state", "review_line_ids.state")
    @api.depends_context("uid")
    def _compute_can_approve(self):
        for revision in self:
            revision.can_approve = (
                revision.state == "agreement"
                and revision.approver_id == self.env.user
                and all(line.state == "agreed" for line in revision.review_line_ids)
            )

    @api.depends("acknowledgement_ids.state")
    @api.depends_context("uid")
    def _compute_sheet_line_ids(self):
        for revision in self:
            lines = revision.acknowledgement_ids.filtered(lambda a: a.state != "cancelled")
            # the sheet lists the staff unit by unit, by name
            revision.sheet_line_ids = lines._filtered_access("read").sorted(
                lambda a: (a.department_id.name or "", a.employee_id.name or "", a.id)
            )

    def _compute_acknowledgement_stats(self):
        stats = {
            revision: (count, rate)
            for revision, count, rate in self.env["quality.document.acknowledgement"]
            .sudo()
            ._read_group(
                [("revision_id", "in", self.ids), ("state", "!=", "cancelled")],
                ["revision_id"],
                ["__count", "completion:avg"],
            )
        }
        for revision in self:
            revision.acknowledgement_count, revision.acknowledgement_rate = stats.get(
                revision.sudo(), (0, 0.0)
            )

    @api.model_create_multi
    def create(self, vals_list):
        revisions = super().create(vals_list)
        revisions._attach_files()
        revisions._add_default_reviewers()
        return revisions

    def _add_default_reviewers(self):
        """A revision naming no reviewer gets its document type's default reviewers."""
        Review = self.env["quality.document.review"]
        Review.sudo().create(
            [
                {"revision_id": revision.id, "user_id": user.id}
                for revision in self.filtered(
                    lambda r: not r.review_line_ids and r.document_type_id.default_reviewer_ids
                )
                for user in revision.document_type_id.default_reviewer_ids
            ]
        )

    def _check_agreement_required(self):
        """A type requiring agreement (келісу, with checking — тексеру — by the same
        reviewers) cannot skip it: at least one reviewer, and every one agreed."""
        for revision in self.filtered("document_type_id.agreement_required"):
            lines = revision.review_line_ids
            if not lines or (
                revision.state == "agreement"
                and lines.filtered(lambda line: line.state != "agreed")
            ):
                raise UserError(
                    self.env._(
                        "%(type)s requires agreement: revision %(name)s cannot be approved "
                        "before its reviewers checked and agreed it.",
                        type=revision.document_type_id.name,
                        name=revision.name,
                    )
                )

    def write(self, vals):
        result = super().write(vals)
        if "attachment_ids" in vals:
            self._attach_files()
        return result

    def _attach_files(self):
        """The files belong to their revision: whoever may read the revision may read
        them, and nobody else (a superseded revision's files leave the workplace too).
        Only files the caller created and may edit are bound: nobody takes over
        someone else's attachment by listing it here."""
        user = self.env.user
        for revision in self:
            attachments = revision.sudo().attachment_ids
            files = attachments.filtered(
                lambda a: not a.res_id and (self.env.su or a.create_uid == user)
            )
            foreign = (attachments - files).filtered(
                lambda a, revision=revision: a.res_model != self._name or a.res_id != revision.id
            )
            if foreign and not self.env.su:
                raise AccessError(
                    self.env._(
                        "Revision %(name)s can only hold files uploaded for it.",
                        name=revision.name,
                    )
                )
            files.write({"res_model": self._name, "res_id": revision.id})

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(self.env._("Only draft revisions can be deleted."))

    # workflow ---------------------------------------------------------------

    def _get_form_action(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_submit(self):
        """Send the draft to its reviewers for agreement (officers of the unit and the
        quality office, who edit the draft)."""
        self._check_transition(from_states=("draft",), group=OFFICER)
        self._check_agreement_required()
        for revision in self:
            if not revision.attachment_ids:
                raise UserError(
                    self.env._("Attach the file of revision %(name)s first.", name=revision.name)
                )
            if not revision.approver_id:
                raise UserError(
                    self.env._(
                        "Revision %(name)s has no approver: set the rector in the quality "
                        "settings or an approver delegate on the document type.",
                        name=revision.name,
                    )
                )
        self._workflow_write({"state": "agreement"})
        self.review_line_ids._workflow_write({"state": "pending", "date_done": False})
        for revision in self:
            for line in revision.review_line_ids:
                revision.activity_schedule(
                    act_type_xmlid="quality_university.mail_activity_type_document_agreement",
                    date_deadline=revision.agreement_deadline,
                    user_id=line.user_id.id,
                )
            if not revision.review_line_ids:
                revision._request_approval()

    def _request_approval(self):
        for revision in self:
            revision.activity_schedule(
                act_type_xmlid="quality_university.mail_activity_type_document_approval",
                user_id=revision.approver_id.id,
            )

    def _return_to_author(self, comment):
        self._workflow_write({"state": "draft"})
        self.activity_unlink(
            [
                "quality_university.mail_activity_type_document_agreement",
                "quality_university.mail_activity_type_document_approval",
            ]
        )
        for revision in self:
            revision.message_post(
                body=self.env._("Returned for revision: %(comment)s", comment=comment)
            )
            revision.activity_schedule(
                act_type_xmlid="mail.mail_activity_data_todo",
                summary=self.env._("Revise the draft"),
                note=comment,
                user_id=revision.prepared_by_id.id or self.env.uid,
            )

    def action_approve(self):
        """Approve (бекіту): by the approver only, once every reviewer agreed."""
        self._check_transition(
            from_states=("agreement",),
            users=lambda revision: revision.approver_id,
            message=self.env._("Only the appointed approver approves a revision."),
        )
        self._check_agreement_required()
        for revision in self:
            if revision.review_line_ids.filtered(lambda line: line.state != "agreed"):
                raise UserError(
                    self.env._(
                        "Revision %(name)s still waits for the agreement of its reviewers.",
                        name=revision.name,
                    )
                )
        today = fields.Date.context_today(self)
        for revision in self:
            # the approver may be a delegate without the quality office's rights
            revision.sudo()._workflow_write(
                {
                    "state": "approved",
                    "date_approved": today,
                    "approved_by_id": revision.approver_id.id,
                }
            )
        approved = self.sudo()
        approved.activity_feedback(["quality_university.mail_activity_type_document_approval"])
        approved.filtered(lambda r: not r.date_effective or r.date_effective <= today)._publish()

    def action_publish(self):
        """Make an approved revision effective now."""
        self._check_transition(from_states=("approved",), group=MANAGER)
        self._publish()

    def _publish(self):
        """Make the revisions effective, superseding the previous effective revision of
        their documents in the same transaction, and distribute them."""
        if not self:
            return
        documents = self.document_id
        if len(documents) != len(self):
            raise UserError(self.env._("Only one revision of a document can be effective."))
        try:
            # a concurrent approval of the same document waits for nobody: it is refused
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM quality_document WHERE id IN %s FOR UPDATE NOWAIT",
                        tuple(documents.ids),
                    )
                )
        except errors.LockNotAvailable as error:
            raise UserError(
                self.env._(
                    "Another revision of this document is being approved right now. "
                    "Try again in a moment."
                )
            ) from error
        # what other transactions committed before the lock
        documents.invalidate_recordset(["revision_ids"])
        self.invalidate_model(["state"])
        today = fields.Date.context_today(self)
        previous = documents.revision_ids.filtered(lambda r: r.state == "effective") - self
        previous._workflow_write({"state": "superseded", "date_superseded": today})
        previous.flush_recordset(["state"])  # before the new one is effective: one at a time
        previous._supersede_copies_and_acknowledgements()
        self._workflow_write({"state": "effective", "date_effective": today})
        for revision in self:
            revision.document_id._schedule_next_review(today)
        self._distribute()

    def _supersede_copies_and_acknowledgements(self):
        self.acknowledgement_ids.filtered(lambda a: a.state == "pending")._cancel()
        self.copy_ids.filtered(lambda c: c.state == "issued")._request_withdrawal()

    def _distribute(self, newcomers=None):
        """Ask everybody the document is distributed to (or only the ``newcomers``
        among them) for an acknowledgement of the effective revision: one INSERT for
        any number of employees."""
        self.env.flush_all()
        Employee = self.env["hr.employee"]
        Acknowledgement = self.env["quality.document.acknowledgement"]
        today = fields.Date.context_today(self)
        for revision in self:
            document = revision.document_id
            domain = [("company_id", "=", document.company_id.id)]
            if newcomers is not None:
                domain += [("id", "in", newcomers.ids)]
            if not document.distribute_to_all:
                domain += [
                    "|",
                    ("department_id", "child_of", document.distribution_department_ids.ids),
                    ("id", "in", document.distribution_employee_ids.ids),
                ]
            employees = Employee.sudo()._search(domain)
            start = revision.date_effective or today
            if newcomers is not None:  # newcomers get their full time from today
                start = max(start, today)
            due = fields.Date.add(start, days=document.type_id.acknowledgement_days or 10)
            Acknowledgement._create_for_revision(revision, employees, due)
        Acknowledgement.invalidate_model()
        self.invalidate_recordset(["acknowledgement_ids"])

    def action_archive_revision(self):
        self._check_transition(from_states=("superseded",), group=MANAGER)
        self._workflow_write(
            {"state": "archived", "date_archived": fields.Date.context_today(self)}
        )

    def action_open_destruction(self):
        self.ensure_one()
        self._check_transition(from_states=("archived",), group=MANAGER)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Destruction Record"),
            "res_model": "quality.document.destruction",
            "view_mode": "form",
            "target": "new",
            "context": {"default_revision_id": self.id},
        }

    def _destroy(self, date, method):
        self._check_transition(from_states=("archived",), group=MANAGER)
        self._workflow_write(
            {
                "state": "destroyed",
                "destruction_date": date,
                "destruction_method": method,
                "destroyed_by_id": self.env.uid,
            }
        )
        self.message_post(
            body=self.env._(
                "Destroyed on %(date)s: %(method)s", date=fields.Date.to_string(date), method=method
            )
        )

    def action_open_acknowledgements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_university.quality_document_acknowledgement_action"
        )
        action["domain"] = [("revision_id", "=", self.id)]
        return action

    def action_print_acknowledgement_sheet(self):
        return self.env.ref(
            "quality_university.quality_document_acknowledgement_sheet_report"
        ).report_action(self)

    def _cron_publish_due(self):
        due = self.search(
            [("state", "=", "approved"), ("date_effective", "<=", fields.Date.today())]
        )
        for revision in due:
            revision._publish()
        return due

    @api.model
    def _distribute_to_newcomers(self, employees):
        """Staff who join a unit after distribution receive the effective documents
        distributed to it (or to everybody) to acknowledge: one search for the
        revisions and one INSERT per revision, whatever the number of newcomers."""
        employees = employees.sudo().filtered("active")
        if not employees:
            return self.browse()
        departments = employees.department_id
        revisions = self.sudo().search(
            [
                ("state", "=", "effective"),
                ("company_id", "in", employees.company_id.ids),
                "|",
                "|",
                ("document_id.distribute_to_all", "=", True),
                ("document_id.distribution_department_ids", "parent_of", departments.ids),
                ("document_id.distribution_employee_ids", "in", employees.ids),
            ]
        )
        revisions._distribute(employees)
        return revisions
