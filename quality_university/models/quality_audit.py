from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.sql import create_index

AUDITOR = "quality_university.group_quality_auditor"
MANAGER = "quality_university.group_quality_manager"


class QualityAudit(models.Model):
    _name = "quality.audit"
    _description = "Internal Audit"
    _inherit = ["quality.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    # the follow-up decision is stamped by the lead auditor's transition only
    _workflow_fields = ("state", "follow_up_decided_by_id", "follow_up_decision_date")
    _workflow_locked_states = ("closed",)

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(
        [
            ("planned", "Planned (audit programme)"),
            ("unplanned", "Unplanned (management order)"),
            ("stakeholder", "On a stakeholder's requirement"),
            ("external_prep", "Preparation for an external/accreditation audit"),
        ],
        required=True,
        default="planned",
        tracking=True,
    )
    programme_id = fields.Many2one(
        "quality.audit.programme", string="Audit Programme", check_company=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    department_ids = fields.Many2many(
        "hr.department", string="Audited Units", required=True, check_company=True
    )
    process_ids = fields.Many2many(
        "quality.process", string="Audited Processes", check_company=True
    )
    criterion_ids = fields.Many2many("quality.audit.criterion", string="Audit Criteria")
    scope = fields.Text()
    lead_auditor_id = fields.Many2one("hr.employee", tracking=True, check_company=True)
    auditor_ids = fields.Many2many("hr.employee", string="Audit Team", check_company=True)
    date_start = fields.Date(string="Start Date", tracking=True)
    date_end = fields.Date(string="End Date", tracking=True)
    audit_plan = fields.Html()
    question_ids = fields.One2many("quality.audit.question", "audit_id", string="Checklist")
    finding_ids = fields.One2many("quality.audit.finding", "audit_id", string="Findings")
    nonconformity_ids = fields.One2many(
        "quality.nonconformity", "audit_id", string="Nonconformities"
    )
    nonconformity_count = fields.Integer(compute="_compute_nonconformity_count")
    order_reference = fields.Char(
        string="Order / Plan No.",
        tracking=True,
        help="Number of the rector's order or of the audit plan that launched the audit.",
    )
    order_date = fields.Date(string="Order / Plan Date", tracking=True)
    order_file = fields.Binary(string="Order / Plan File", attachment=True, copy=False)
    order_filename = fields.Char(copy=False)
    unverified_action_count = fields.Integer(
        compute="_compute_unverified_action_count",
        help="Actions of the audit's nonconformities not verified yet.",
    )
    follow_up_decision = fields.Text(
        help="The lead auditor's decision on the actions still unverified when the audit "
        "closes (e.g. checked at the next audit).",
    )
    follow_up_decided_by_id = fields.Many2one(
        "res.users", string="Follow-up Decided by", readonly=True, copy=False, tracking=True
    )
    follow_up_decision_date = fields.Date(readonly=True, copy=False, tracking=True)
    conclusions = fields.Html()
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("in_progress", "In Progress"),
            ("report", "Report"),
            ("follow_up", "Follow-up"),
            ("closed", "Closed"),
        ],
        default="planned",
        required=True,
        readonly=True,
        tracking=True,
    )

    def init(self):
        # the default order: a list's first page reads the index, not a sort of the table
        create_index(
            self.env.cr,
            "quality_audit_date_start_id_idx",
            self._table,
            ["date_start DESC", "id DESC"],
        )

    @api.depends("nonconformity_ids")
    def _compute_nonconformity_count(self):
        for audit in self:
            audit.nonconformity_count = len(audit.nonconformity_ids)

    def _compute_unverified_action_count(self):
        counts = dict(
            self.env["quality.action"]
            .sudo()
            ._read_group(
                [
                    ("nonconformity_id.audit_id", "in", self.ids),
                    ("state", "not in", ("verified", "closed", "cancelled")),
                ],
                ["nonconformity_id"],
                ["__count"],
            )
        )
        per_audit = {}
        for nonconformity, count in counts.items():
            per_audit[nonconformity.audit_id.id] = (
                per_audit.get(nonconformity.audit_id.id, 0) + count
            )
        for audit in self:
            audit.unverified_action_count = per_audit.get(audit.id, 0)

    @api.constrains("order_date", "date_start")
    def _check_order_date(self):
        for audit in self:
            if audit.order_date and audit.date_start and audit.order_date > audit.date_start:
                raise ValidationError(
                    self.env._(
                        "The order or plan of %(name)s must precede the audit.", name=audit.name
                    )
                )

    @api.constrains("lead_auditor_id", "auditor_ids", "department_ids")
    def _check_auditors(self):
        for audit in self:
            audited = audit.sudo().department_ids
            for auditor in (audit.lead_auditor_id | audit.auditor_ids).sudo():
                if not auditor.quality_auditor_qualified:
                    raise ValidationError(
                        self.env._(
                            "%(auditor)s is not a qualified internal auditor.",
                            auditor=auditor.name,
                        )
                    )
                own = auditor.department_id
                if not own:
                    continue
                # the auditor's unit, its sub-units and the unit directly above it
                own_family = (
                    self.env["hr.department"].sudo().search([("id", "child_of", own.id)])
                    | own.parent_id
                )
                if audited & own_family:
                    raise ValidationError(
                        self.env._(
                            "%(auditor)s cannot audit %(unit)s: auditors never audit "
                            "their own unit.",
                            auditor=auditor.name,
                            unit=", ".join((audited & own_family).mapped("name")),
                        )
                    )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for audit in self:
            if audit.date_start and audit.date_end and audit.date_end < audit.date_start:
                raise ValidationError(
                    self.env._("The audit %(name)s cannot end before it starts.", name=audit.name)
                )

    def write(self, vals):
        if "follow_up_decision" in vals and self.filtered("follow_up_decided_by_id"):
            raise UserError(self.env._("The lead auditor's follow-up decision is recorded."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_planned(self):
        if any(audit.state != "planned" for audit in self):
            raise UserError(self.env._("Only a planned audit can be deleted."))

    def _check_audit_step(self, from_states):
        """The audit team (independent of the audited units) or the quality office."""
        if self.env.su or self.env.user.has_group(MANAGER):
            self._check_transition(from_states=from_states, group=MANAGER)
        else:
            self._check_transition(
                from_states=from_states,
                group=AUDITOR,
                users=lambda audit: (audit.lead_auditor_id | audit.auditor_ids).user_id,
                message=self.env._("Only the audit team or the quality office runs an audit."),
            )

    def _set_state(self, allowed, state):
        self._check_audit_step(allowed)
        self._workflow_write({"state": state})

    def action_start(self):
        self._check_audit_step(("planned",))
        for audit in self:
            if not audit.lead_auditor_id:
                raise UserError(self.env._("Appoint the lead auditor first."))
        self._set_state(("planned",), "in_progress")
        undated = self.filtered(lambda a: not a.date_start)
        if undated:
            undated.date_start = fields.Date.context_today(self)

    def action_report(self):
        self._set_state(("in_progress",), "report")

    def action_follow_up(self):
        self._set_state(("report",), "follow_up")

    def action_close(self):
        self._check_audit_step(("report", "follow_up"))
        for audit in self:
            if audit.finding_ids.filtered(
                lambda f: f.finding_type == "nonconformity" and not f.nonconformity_id
            ):
                raise UserError(
                    self.env._("Raise a nonconformity for every nonconformity finding first.")
                )
        self._check_follow_up_decided()
        self._set_state(("report", "follow_up"), "closed")
        self._report_to_management()

    def action_record_follow_up_decision(self):
        """The lead auditor decides what becomes of the actions still unverified
        (СЖҚ 08.ҚР 01: checking CAPA is the audit's last step)."""
        self._check_transition(
            from_states=("report", "follow_up"),
            users=lambda audit: audit.sudo().lead_auditor_id.user_id,
            message=self.env._("Only the lead auditor records the follow-up decision."),
        )
        for audit in self:
            if not (audit.follow_up_decision or "").strip():
                raise UserError(
                    self.env._("Write the follow-up decision of %(name)s first.", name=audit.name)
                )
        self._workflow_write(
            {
                "follow_up_decided_by_id": self.env.uid,
                "follow_up_decision_date": fields.Date.context_today(self),
            }
        )

    def _check_follow_up_decided(self):
        for audit in self:
            if audit.unverified_action_count and not audit.follow_up_decided_by_id:
                raise UserError(
                    self.env._(
                        "%(name)s cannot close: %(count)s actions of its nonconformities are "
                        "not verified and the lead auditor has recorded no follow-up decision.",
                        name=audit.name,
                        count=audit.unverified_action_count,
                    )
                )

    def _report_to_management(self):
        """8.2.2: the results of internal audits are reported to the university's
        management — the rector and the Management Representative receive the report."""
        report = self.env.ref("quality_university.quality_audit_report")
        for audit in self:
            company = audit.company_id.sudo()
            partners = (
                company.quality_rector_id.user_id.partner_id
                | company.quality_representative_id.user_id.partner_id
            )
            content, kind = report.sudo()._render_qweb_pdf(report.report_name, audit.ids)
            attachment = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    {
                        "name": self.env._("Audit report %(name)s", name=audit.name) + f".{kind}",
                        "raw": content,
                        "res_model": audit._name,
                        "res_id": audit.id,
                    }
                )
            )
            audit.message_subscribe(partner_ids=partners.ids)
            audit.sudo().message_post(
                body=self.env._(
                    "The audit is closed: its report goes to the rector and the Management "
                    "Representative for the management review."
                ),
                partner_ids=partners.ids,
                attachment_ids=attachment.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )

    def action_load_checklist(self):
        """Copy the questions of the templates matching the audited processes and criteria."""
        self._check_audit_step(("planned", "in_progress"))
        Template = self.env["quality.audit.checklist.template"]
        for audit in self:
            templates = Template.search(
                [
                    "|",
                    ("process_id", "in", audit.process_ids.ids),
                    ("criterion_id", "in", audit.criterion_ids.ids),
                ]
            )
            existing = set(audit.question_ids.mapped("name"))
            audit.question_ids = [
                Command.create({"name": template.name, "criterion_id": template.criterion_id.id})
                for template in templates
                if template.name not in existing
            ]

    def action_view_nonconformities(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_university.quality_nonconformity_action"
        )
        action["domain"] = [("audit_id", "in", self.ids)]
        action["context"] = {"default_audit_id": self.id}
        return action
