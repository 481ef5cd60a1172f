from odoo import fields, models
from odoo.exceptions import UserError


class QualityAuditFinding(models.Model):
    _name = "quality.audit.finding"
    _inherit = ["quality.audit.line.mixin"]
    _description = "Audit Finding"
    _order = "audit_id, sequence, id"
    _check_company_auto = True
    _workflow_fields = ("nonconformity_id",)

    sequence = fields.Integer(default=10)
    audit_id = fields.Many2one("quality.audit", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="audit_id.company_id", store=True)
    finding_type = fields.Selection(
        [
            ("conformity", "Conformity"),
            ("nonconformity", "Nonconformity"),
            ("observation", "Observation"),
            ("improvement", "Opportunity for Improvement"),
        ],
        string="Type",
        required=True,
        default="conformity",
    )
    severity = fields.Selection([("major", "Major"), ("minor", "Minor")])
    name = fields.Text(string="Finding", required=True)
    evidence = fields.Text()
    department_id = fields.Many2one("hr.department", string="Unit", check_company=True)
    process_id = fields.Many2one("quality.process", check_company=True)
    criterion_id = fields.Many2one("quality.audit.criterion", string="Requirement")
    nonconformity_id = fields.Many2one("quality.nonconformity", readonly=True, copy=False)

    def action_create_nonconformity(self):
        """Raise the nonconformity record of a nonconformity finding (the audit team,
        the quality office)."""
        self.audit_id._check_audit_step(("in_progress", "report", "follow_up"))
        for finding in self:
            if finding.finding_type != "nonconformity":
                raise UserError(self.env._("Only a nonconformity finding raises a nonconformity."))
            if finding.nonconformity_id:
                continue
            audit = finding.audit_id
            nonconformity = self.env["quality.nonconformity"]._workflow_create(
                {
                    "source": "internal_audit",
                    "audit_id": audit.id,
                    "finding_id": finding.id,
                    "department_id": (finding.department_id or audit.department_ids[:1]).id,
                    "process_id": (finding.process_id or audit.process_ids[:1]).id,
                    "criterion_id": finding.criterion_id.id,
                    "description": finding.name,
                    "evidence": finding.evidence,
                    "severity": finding.severity or "minor",
                    "detected_by_id": audit.lead_auditor_id.id,
                    "company_id": audit.company_id.id,
                }
            )
            finding._workflow_write({"nonconformity_id": nonconformity.id})
        return True
