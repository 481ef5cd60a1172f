from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.sql import create_index


class QualityDemandLetter(models.Model):
    """A letter from an enterprise stating its long-term need for specialists."""

    _name = "quality.demand.letter"
    _description = "Employer Demand Letter"
    _order = "date desc, id desc"
    _check_company_auto = True
    _rec_name = "employer_id"

    employer_id = fields.Many2one("res.partner", required=True)
    date = fields.Date(string="Received On", required=True, default=fields.Date.context_today)
    programme_id = fields.Many2one(
        "quality.programme", required=True, index=True, check_company=True
    )
    department_id = fields.Many2one(related="programme_id.department_id", store=True, index=True)
    year = fields.Integer(string="Needed In", required=True)
    specialists = fields.Integer(string="Specialists Needed", required=True, default=1)
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    def init(self):
        # the default order: a list's first page reads the index, not a sort of the table
        create_index(
            self.env.cr,
            "quality_demand_letter_date_id_idx",
            self._table,
            ["date DESC", "id DESC"],
        )

    @api.constrains("specialists")
    def _check_specialists(self):
        if any(letter.specialists <= 0 for letter in self):
            raise ValidationError(self.env._("A demand letter asks for at least one specialist."))
