from odoo import api, models
from odoo.exceptions import UserError

from .quality_document_revision import LOCKED_STATES

CONTENT_FIELDS = {"datas", "raw", "db_datas", "url", "type", "res_model", "res_id"}


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _check_quality_revision_lock(self):
        locked = self.filtered(lambda a: a.res_model == "quality.document.revision")
        if locked and self.env["quality.document.revision"].sudo().search_count(
            [("id", "in", locked.mapped("res_id")), ("state", "in", LOCKED_STATES)], limit=1
        ):
            raise UserError(
                self.env._(
                    "The files of an approved revision cannot be changed: prepare a new "
                    "revision instead."
                )
            )

    def write(self, vals):
        if CONTENT_FIELDS & set(vals):
            self._check_quality_revision_lock()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved_revision(self):
        self._check_quality_revision_lock()
