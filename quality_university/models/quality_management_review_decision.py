from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class QualityManagementReviewDecision(models.Model):
    """A decision of the management review and the output it becomes (5.6)."""

    _name = "quality.management.review.decision"
    _description = "Management Review Decision"
    _inherit = ["quality.workflow.mixin"]
    _order = "review_id, sequence, id"
    _check_company_auto = True
    _workflow_fields = ("action_id", "plan_line_id", "revision_id")
    _workflow_parent_field = "review_id"

    sequence = fields.Integer(default=10)
    review_id = fields.Many2one(
        "quality.management.review", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    state = fields.Selection(related="review_id.state", string="Review State")
    name = fields.Text(string="Decision", required=True)
    output_type = fields.Selection(
        [
            ("action", "Improvement action"),
            ("corrective", "Corrective action"),
            ("plan", "Activity of the QMS development plan"),
            ("document", "Change of a document"),
            ("none", "Noted, no output"),
        ],
        string="Becomes",
        required=True,
        default="action",
    )
    responsible_id = fields.Many2one("res.users")
    date_deadline = fields.Date(string="Deadline")
    department_id = fields.Many2one("hr.department", string="Unit", check_company=True)
    plan_id = fields.Many2one(
        "quality.plan", string="Into Plan", check_company=True, domain="[('state', '=', 'draft')]"
    )
    document_id = fields.Many2one("quality.document", check_company=True)
    action_id = fields.Many2one("quality.action", readonly=True, copy=False)
    plan_line_id = fields.Many2one("quality.plan.line", readonly=True, copy=False)
    revision_id = fields.Many2one(
        "quality.document.revision", string="Document Revision", readonly=True, copy=False
    )

    @api.constrains("output_type", "responsible_id", "date_deadline", "plan_id", "document_id")
    def _check_output(self):
        for decision in self:
            if not (decision.name or "").strip():
                raise ValidationError(self.env._("Write the decision."))
            if decision.output_type in ("action", "corrective", "plan") and not (
                decision.responsible_id and decision.date_deadline
            ):
                raise ValidationError(
                    self.env._("A decision that becomes work names a responsible and a deadline.")
                )
            if decision.output_type == "plan" and not decision.plan_id:
                raise ValidationError(self.env._("Choose the plan the activity goes into."))
            if decision.output_type == "document" and not decision.document_id:
                raise ValidationError(self.env._("Choose the document to change."))

    def _create_outputs(self):
        """Turn each decision into its output, linked back to it (called on holding)."""
        Action = self.env["quality.action"]
        for decision in self:
            if decision.output_type in ("action", "corrective") and not decision.action_id:
                action = Action.create(
                    {
                        "name": decision.name.split("\n")[0][:200],
                        "action_type": "improvement"
                        if decision.output_type == "action"
                        else "corrective",
                        "tasks": decision.name,
                        "responsible_id": decision.responsible_id.id,
                        "date_deadline": decision.date_deadline,
                        "department_id": decision.department_id.id,
                        "company_id": decision.company_id.id,
                    }
                )
                decision._workflow_write({"action_id": action.id})
            elif decision.output_type == "plan" and not decision.plan_line_id:
                if decision.plan_id.state != "draft":
                    raise UserError(
                        self.env._(
                            "The plan %(plan)s is approved: revise it before adding the "
                            "review's activities.",
                            plan=decision.plan_id.display_name,
                        )
                    )
                line = self.env["quality.plan.line"].create(
                    {
                        "plan_id": decision.plan_id.id,
                        "name": decision.name.split("\n")[0][:200],
                        "responsible_id": decision.responsible_id.id,
                        "date_deadline": decision.date_deadline,
                        "department_id": decision.department_id.id,
                        "review_decision_id": decision.id,
                    }
                )
                decision._workflow_write({"plan_line_id": line.id})
            elif decision.output_type == "document" and not decision.revision_id:
                document = decision.document_id
                revision = document.revision_ids.filtered(
                    lambda r: r.state in ("draft", "agreement", "approved")
                )[:1]
                if not revision:
                    latest = document.revision_ids.sorted("edition")[-1:]
                    revision = self.env["quality.document.revision"].create(
                        {
                            "document_id": document.id,
                            "edition": (latest.edition or 0) + 1,
                            "change_summary": decision.name,
                        }
                    )
                decision._workflow_write({"revision_id": revision.id})
