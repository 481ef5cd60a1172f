from odoo import api, models
from odoo.exceptions import UserError

from .quality_document_revision import LOCKED_STATES

# what Odoo itself writes on any file it shares (a download link's token)
LOCK_EXEMPT_FIELDS = {"access_token"}


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _check_quality_revision_lock(self):
        """The files of an approved revision are frozen with it: the file bound to
        the revision and every file listed on it, whatever model it is bound to."""
        if not self.ids:
            return
        Revision = self.env["quality.document.revision"].sudo()
        bound = self.filtered(lambda a: a.res_model == Revision._name).mapped("res_id")
        if Revision.search_count(
            [
                ("state", "in", LOCKED_STATES),
                "|",
                ("id", "in", bound),
                ("attachment_ids", "in", self.ids),
            ],
            limit=1,
        ):
            raise UserError(
                self.env._(
                    "The files of an approved revision cannot be changed: prepare a new "
                    "revision instead."
                )
            )

    def write(self, vals):
        if set(vals) - LOCK_EXEMPT_FIELDS:
            self.sudo()._check_quality_revision_lock()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved_revision(self):
        self.sudo()._check_quality_revision_lock()
