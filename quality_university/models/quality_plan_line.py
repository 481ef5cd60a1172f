from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QualityPlanLine(models.Model):
    _name = "quality.plan.line"
    _description = "QMS Development Plan Activity"
    _inherit = ["mail.thread", "mail.activity.mixin", "quality.workflow.mixin"]
    _order = "plan_id, sequence, date_deadline, id"
    _check_company_auto = True
    # the activity, its responsible and deadline freeze with the approved plan; the
    # responsible reports progress and evidence all year long
    _workflow_fields = ()
    _workflow_parent_field = "plan_id"
    _workflow_lock_exempt = frozenset(
        {
            "message_main_attachment_id",
            "activity_ids",
            "message_follower_ids",
            "state",
            "evidence",
        }
    )

    sequence = fields.Integer(default=10)
    plan_id = fields.Many2one("quality.plan", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    year = fields.Char(related="plan_id.year", store=True, string="Academic Year")
    name = fields.Char(string="Activity", required=True)
    responsible_id = fields.Many2one("res.users", required=True, index=True)
    department_id = fields.Many2one("hr.department", string="Unit", index=True, check_company=True)
    date_deadline = fields.Date(string="Due Date", required=True, index=True)
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        string="Progress",
        default="planned",
        required=True,
        tracking=True,
    )
    evidence = fields.Text(help="What shows the activity is done: an order, minutes, a report.")
    review_decision_id = fields.Many2one(
        "quality.management.review.decision", string="From Review Decision", readonly=True
    )

    @api.constrains("name")
    def _check_name(self):
        for line in self:
            if not (line.name or "").strip():
                raise ValidationError(self.env._("Describe the activity."))

    @api.constrains("state", "evidence")
    def _check_evidence(self):
        for line in self:
            if line.state == "done" and not (line.evidence or "").strip():
                raise ValidationError(
                    self.env._("Record the evidence before marking %(name)s done.", name=line.name)
                )
