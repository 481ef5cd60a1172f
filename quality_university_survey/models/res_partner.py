from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    quality_department_id = fields.Many2one(
        "hr.department",
        string="University Unit",
        index="btree_not_null",
        help="For students, graduates and employers surveyed by the university: the "
        "department or programme they study in, graduated from or employ graduates of.",
    )
