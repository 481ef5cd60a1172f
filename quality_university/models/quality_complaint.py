from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.sql import create_index

OFFICER = "quality_university.group_quality_officer"


class QualityComplaint(models.Model):
    """A complaint, wish or suggestion of a stakeholder (7.2.2, 8.2.1)."""

    _name = "quality.complaint"
    _description = "Complaint or Suggestion"
    _inherit = ["mail.thread", "mail.activity.mixin", "quality.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "subject"]
    _quality_review_provider = True
    _workflow_fields = ("state", "date_answered", "nonconformity_id")
    _workflow_locked_states = ("closed",)

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    kind = fields.Selection(
        [("complaint", "Complaint"), ("suggestion", "Suggestion or wish")],
        required=True,
        default="complaint",
        tracking=True,
    )
    subject = fields.Char(required=True, tracking=True)
    description = fields.Text(required=True)
    date = fields.Date(string="Received On", required=True, default=fields.Date.context_today)
    anonymous = fields.Boolean(help="Received without the stakeholder's name.")
    partner_id = fields.Many2one("res.partner", string="Stakeholder", tracking=True)
    channel = fields.Selection(
        [
            ("in_person", "In person"),
            ("letter", "Letter"),
            ("email", "E-mail"),
            ("phone", "Telephone"),
            ("website", "Website / blog of the rector"),
            ("box", "Box of complaints and suggestions"),
            ("survey", "Survey"),
        ],
        required=True,
        default="in_person",
    )
    department_id = fields.Many2one(
        "hr.department", string="Unit", index=True, tracking=True, check_company=True
    )
    responsible_id = fields.Many2one("res.users", default=lambda self: self.env.user, tracking=True)
    date_deadline = fields.Date(
        string="Answer By",
        required=True,
        default=lambda self: fields.Date.context_today(self) + timedelta(days=15),
        tracking=True,
    )
    answer = fields.Text()
    outcome = fields.Selection(
        [
            ("upheld", "Upheld"),
            ("partly", "Partly upheld"),
            ("rejected", "Not upheld"),
            ("adopted", "Suggestion adopted"),
        ],
        tracking=True,
    )
    state = fields.Selection(
        [("new", "Received"), ("answered", "Answered"), ("closed", "Closed")],
        default="new",
        required=True,
        tracking=True,
    )
    date_answered = fields.Date(readonly=True, tracking=True)
    nonconformity_id = fields.Many2one(
        "quality.nonconformity", readonly=True, copy=False, index=True, check_company=True
    )
    is_overdue = fields.Boolean(compute="_compute_is_overdue")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    def init(self):
        # the default order: a list's first page reads the index, not a sort of the table
        create_index(
            self.env.cr,
            "quality_complaint_date_id_idx",
            self._table,
            ["date DESC", "id DESC"],
        )

    @api.depends("state", "date_deadline")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for complaint in self:
            complaint.is_overdue = complaint.state == "new" and complaint.date_deadline < today

    @api.constrains("anonymous", "partner_id", "date", "date_deadline", "subject")
    def _check_complaint(self):
        for complaint in self:
            if complaint.anonymous and complaint.partner_id:
                raise ValidationError(self.env._("An anonymous complaint names no stakeholder."))
            if complaint.date_deadline < complaint.date:
                raise ValidationError(self.env._("The answer is due after the complaint arrives."))
            if not (complaint.subject or "").strip():
                raise ValidationError(self.env._("Give the complaint a subject."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].sudo().next_by_code("quality.complaint") or "/"
                )
        complaints = super().create(vals_list)
        complaints._schedule_answer()
        return complaints

    def write(self, vals):
        result = super().write(vals)
        if {"responsible_id", "date_deadline"} & set(vals):
            self._schedule_answer()
        return result

    def _schedule_answer(self):
        # the system asks the responsible, whoever recorded the complaint
        for complaint in self.sudo().filtered(lambda c: c.state == "new" and c.responsible_id):
            complaint.activity_unlink(["mail.mail_activity_data_todo"])
            complaint.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=complaint.date_deadline,
                summary=self.env._("Answer %(name)s", name=complaint.name),
                user_id=complaint.responsible_id.id,
            )

    def _is_responsible(self):
        user = self.env.user
        return lambda complaint: (
            complaint.responsible_id | (user if user.has_group(OFFICER) else user.browse())
        )

    # transitions ---------------------------------------------------------------

    def action_answer(self):
        """The responsible (or a quality officer of the unit) answers."""
        self._check_transition(from_states=("new",), users=self._is_responsible())
        for complaint in self:
            if not (complaint.answer or "").strip() or not complaint.outcome:
                raise UserError(self.env._("Write the answer and the outcome first."))
        self._workflow_write(
            {"state": "answered", "date_answered": fields.Date.context_today(self)}
        )
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_close(self):
        self._check_transition(from_states=("answered",), group=OFFICER)
        self._workflow_write({"state": "closed"})

    def action_open_nonconformity(self):
        """Record the problem the complaint reveals as a nonconformity (source: complaint)."""
        self.ensure_one()
        self._check_transition(from_states=("new", "answered"), group=OFFICER)
        if self.nonconformity_id:
            raise UserError(self.env._("%(name)s already has a nonconformity.", name=self.name))
        if not self.department_id:
            raise UserError(self.env._("Name the unit concerned first."))
        nonconformity = self.env["quality.nonconformity"].create(
            {
                "source": "complaint",
                "department_id": self.department_id.id,
                "description": f"{self.subject}\n{self.description}",
                "complaint_id": self.id,
                "company_id": self.company_id.id,
            }
        )
        self._workflow_write({"nonconformity_id": nonconformity.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "quality.nonconformity",
            "res_id": nonconformity.id,
            "view_mode": "form",
        }

    # management review -------------------------------------------------------------

    @api.model
    def _quality_review_section(self, date_from, date_to, company):
        Complaint = self.sudo()
        domain = [
            ("company_id", "=", company.id),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
        ]
        by_kind = dict(Complaint._read_group(domain, ["kind"], ["__count"]))
        by_state = dict(Complaint._read_group(domain, ["state"], ["__count"]))
        late = Complaint.search_count(
            domain
            + [("state", "=", "new"), ("date_deadline", "<", fields.Date.context_today(self))]
        )
        with_nc = Complaint.search_count(domain + [("nonconformity_id", "!=", False)])
        by_unit = Complaint._read_group(domain, ["department_id"], ["__count"])
        lines = [
            {"label": self.env._("Complaints"), "value": by_kind.get("complaint", 0), "unit": ""},
            {
                "label": self.env._("Suggestions and wishes"),
                "value": by_kind.get("suggestion", 0),
                "unit": "",
            },
            {
                "label": self.env._("Answered or closed"),
                "value": by_state.get("answered", 0) + by_state.get("closed", 0),
                "unit": "",
            },
            {
                "label": self.env._("Waiting for an answer"),
                "value": by_state.get("new", 0),
                "unit": "",
            },
            {"label": self.env._("Answer overdue"), "value": late, "unit": ""},
            {"label": self.env._("Led to a nonconformity"), "value": with_nc, "unit": ""},
        ]
        lines += [
            {
                "label": self.env._("By unit: %(unit)s", unit=unit.name or self.env._("no unit")),
                "value": count,
                "unit": "",
            }
            for unit, count in by_unit
        ]
        return {
            "key": "complaints",
            "title": self.env._("Complaints and suggestions of stakeholders"),
            "sequence": 50,
            "lines": lines,
            "note": "",
        }
