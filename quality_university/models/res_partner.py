from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # record rules hide a graduate's contact from staff outside the career centre,
    # the quality office and the graduating department
    quality_graduate_ids = fields.One2many("quality.graduate", "partner_id", string="Graduate Of")
