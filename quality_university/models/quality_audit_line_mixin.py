from odoo import models


class QualityAuditLineMixin(models.AbstractModel):
    """Checklist answers and findings belong to their audit: closed with it."""

    _name = "quality.audit.line.mixin"
    _inherit = ["quality.workflow.mixin"]
    _description = "Line of an Audit"
    _workflow_state_field = None
    _workflow_fields = ()
    _workflow_parent_field = "audit_id"
