from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class QualityDocumentReview(models.Model):
    _name = "quality.document.review"
    _description = "Agreement of a Document Revision"
    _inherit = ["quality.workflow.mixin"]
    _order = "revision_id, sequence, id"
    _workflow_fields = ("state", "date_done")
    _workflow_parent_field = "revision_id"

    sequence = fields.Integer(default=10)
    revision_id = fields.Many2one(
        "quality.document.revision", required=True, index=True, ondelete="cascade"
    )
    document_id = fields.Many2one(related="revision_id.document_id", store=True)
    revision_state = fields.Selection(related="revision_id.state", string="Revision State")
    user_id = fields.Many2one("res.users", string="Reviewer", required=True, index=True)
    state = fields.Selection(
        [("pending", "Waiting"), ("agreed", "Agreed"), ("returned", "Returned")],
        default="pending",
        required=True,
        readonly=True,
    )
    comment = fields.Text()
    date_done = fields.Datetime(string="Answered on", readonly=True)
    is_mine = fields.Boolean(compute="_compute_is_mine")
    company_id = fields.Many2one(related="revision_id.company_id", store=True)

    _sql_constraints = [
        (
            "reviewer_unique",
            "UNIQUE(revision_id, user_id)",
            "A reviewer is listed once per revision.",
        ),
    ]

    @api.depends("user_id")
    @api.depends_context("uid")
    def _compute_is_mine(self):
        for line in self:
            line.is_mine = line.user_id == self.env.user

    def write(self, vals):
        if "revision_id" in vals and self.filtered(
            lambda line: line.revision_id.id != vals["revision_id"]
        ):
            raise UserError(self.env._("An agreement line stays with its revision."))
        if (
            not self.env.su
            and not self.env.user.has_group("quality_university.group_quality_officer")
            and set(vals) - {"comment"}
        ):
            raise AccessError(self.env._("A reviewer only writes the comment of his or her line."))
        return super().write(vals)

    def _check_reviewer(self):
        self._check_transition(
            from_states=("pending",),
            users=lambda line: line.user_id,
            message=self.env._("Only the assigned reviewer answers for this agreement."),
        )
        for line in self:
            if line.revision_id.state != "agreement":
                raise UserError(
                    self.env._(
                        "Revision %(name)s is not waiting for your agreement.",
                        name=line.revision_id.name,
                    )
                )

    def _close_activities(self, feedback=None):
        agreement = self.env.ref("quality_university.mail_activity_type_document_agreement")
        for line in self:
            line.revision_id.activity_ids.filtered(
                lambda a, line=line: a.user_id == line.user_id and a.activity_type_id == agreement
            ).action_feedback(feedback=feedback)

    def action_agree(self):
        """Agree (келісу) with the revision; the last agreement asks for approval."""
        self._check_reviewer()
        self.sudo()._workflow_write({"state": "agreed", "date_done": fields.Datetime.now()})
        self._close_activities(feedback=self.env._("Agreed"))
        revisions = self.revision_id.sudo()
        revisions.filtered(
            lambda r: all(line.state == "agreed" for line in r.review_line_ids)
        )._request_approval()

    def action_return(self):
        """Return the revision to its author with the comment written on the line."""
        self._check_reviewer()
        for line in self:
            if not (line.comment or "").strip():
                raise UserError(self.env._("Write why you return the revision in the comment."))
        self.sudo()._workflow_write({"state": "returned", "date_done": fields.Datetime.now()})
        self._close_activities(feedback=self.env._("Returned"))
        for line in self:
            line.revision_id.sudo()._return_to_author(line.comment)
