from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

MANAGER = "quality_university.group_quality_manager"


class QualityPolicyReview(models.Model):
    """The yearly review of the quality policy by the MR, reported to the Academic
    Council (5.3). The policy itself is a controlled document of type policy."""

    _name = "quality.policy.review"
    _description = "Quality Policy Review"
    _inherit = ["mail.thread", "quality.workflow.mixin"]
    _order = "date desc, id desc"
    _rec_name = "document_id"
    _check_company_auto = True
    _workflow_fields = ("state",)
    _workflow_locked_states = ("done",)

    document_id = fields.Many2one(
        "quality.document",
        string="Quality Policy",
        required=True,
        index=True,
        check_company=True,
        domain="[('type_id', '=', policy_type_id)]",
    )
    policy_type_id = fields.Many2one(
        "quality.document.type",
        default=lambda self: self.env.ref(
            "quality_university.document_type_policy", raise_if_not_found=False
        ),
    )
    date = fields.Date(string="Reviewed On", required=True, default=fields.Date.context_today)
    reviewer_id = fields.Many2one(
        "res.users", string="Reviewed By", default=lambda self: self.env.user, required=True
    )
    conclusion = fields.Selection(
        [
            ("suitable", "Suitable, kept unchanged"),
            ("revise", "To be revised"),
        ],
        required=True,
        default="suitable",
        tracking=True,
    )
    findings = fields.Text(help="Suitability to the university's mission and strategic plan.")
    council_date = fields.Date(string="Reported to the Academic Council On")
    council_minutes = fields.Char(string="Council Minutes No.")
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Reported")], default="draft", required=True, tracking=True
    )
    next_review_date = fields.Date(compute="_compute_next_review_date", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.depends("date")
    def _compute_next_review_date(self):
        for review in self:
            review.next_review_date = review.date and review.date + relativedelta(years=1)

    @api.constrains("date", "council_date")
    def _check_dates(self):
        for review in self:
            if review.council_date and review.council_date < review.date:
                raise ValidationError(
                    self.env._("The Council hears the review after it is written.")
                )

    def action_done(self):
        """The MR's review is reported to the Academic Council."""
        self._check_transition(from_states=("draft",), group=MANAGER)
        for review in self:
            if not review.council_date or not (review.findings or "").strip():
                raise UserError(
                    self.env._("Record the findings and the date of the Council's hearing first.")
                )
        self._workflow_write({"state": "done"})
        self.document_id.activity_ids.filtered(
            lambda a: a.activity_type_id == self._activity_type()
        ).action_feedback()

    def _activity_type(self):
        return self.env.ref("quality_university.mail_activity_type_policy_review")

    @api.model
    def _cron_policy_review_due(self):
        """Ask the MR for the policy's yearly review when a year has passed since the
        last reported one. Two queries for any number of policies."""
        policy_type = self.env.ref("quality_university.document_type_policy")
        policies = self.env["quality.document"].search(
            [("type_id", "=", policy_type.id), ("state", "=", "effective")]
        )
        last = dict(
            self._read_group(
                [("document_id", "in", policies.ids), ("state", "=", "done")],
                ["document_id"],
                ["date:max"],
            )
        )
        today = fields.Date.context_today(self)
        activity_type = self._activity_type()
        due = policies.filtered(
            lambda doc: (
                (not last.get(doc) or last[doc] + relativedelta(years=1) <= today)
                and not doc.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
            )
        )
        model_id = self.env["ir.model"]._get_id("quality.document")
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": doc.id,
                    "activity_type_id": activity_type.id,
                    "automated": True,
                    "user_id": (
                        doc.company_id.quality_representative_id.user_id or self.env.user
                    ).id,
                    "date_deadline": today,
                }
                for doc in due
            ]
        )
        return due
