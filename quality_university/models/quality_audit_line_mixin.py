from odoo import api, models
from odoo.exceptions import UserError


class QualityAuditLineMixin(models.AbstractModel):
    """Checklist answers and findings belong to their audit: closed with it."""

    _name = "quality.audit.line.mixin"
    _description = "Line of an Audit"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_audit_open()
        return records

    def write(self, vals):
        self._check_audit_open()
        return super().write(vals)

    def _check_audit_open(self):
        if self.audit_id.filtered(lambda audit: audit.state == "closed"):
            raise UserError(self.env._("A closed audit is read-only."))
