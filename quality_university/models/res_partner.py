from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # record rules hide a graduate's contact from staff outside the career centre,
    # the quality office and the graduating department
    quality_graduate_ids = fields.One2many("quality.graduate", "partner_id", string="Graduate Of")
    quality_stakeholder_category_ids = fields.Many2many(
        "quality.stakeholder.category",
        "quality_stakeholder_category_partner_rel",
        "partner_id",
        "category_id",
        string="Stakeholder Categories",
    )
    quality_requirement_ids = fields.One2many(
        "quality.stakeholder.requirement", "partner_id", string="Stakeholder Requirements"
    )
    quality_complaint_ids = fields.One2many(
        "quality.complaint", "partner_id", string="Complaints and Suggestions"
    )
