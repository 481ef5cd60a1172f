from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QualityPlacementForecast(models.Model):
    """Expected graduates of a programme and year against employers' letters and contracts."""

    _name = "quality.placement.forecast"
    _description = "Placement Forecast"
    _order = "year desc, programme_id"
    _check_company_auto = True
    _rec_name = "programme_id"

    programme_id = fields.Many2one(
        "quality.programme", required=True, index=True, check_company=True
    )
    department_id = fields.Many2one(related="programme_id.department_id", store=True, index=True)
    year = fields.Integer(string="Graduation Year", required=True)
    expected_graduates = fields.Integer(required=True)
    demand = fields.Integer(string="Demand (Letters)", compute="_compute_placement")
    contract_places = fields.Integer(compute="_compute_placement")
    expected_placed = fields.Integer(
        compute="_compute_placement", help="Letters and contracts, at most the graduates."
    )
    gap = fields.Integer(
        compute="_compute_placement", help="Expected graduates without a known demand."
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "programme_year_unique",
            "unique(programme_id, year)",
            "One forecast per programme and year.",
        ),
    ]

    @api.constrains("expected_graduates")
    def _check_expected(self):
        if any(forecast.expected_graduates < 0 for forecast in self):
            raise ValidationError(self.env._("Expected graduates cannot be negative."))

    def _compute_placement(self):
        domain = [("programme_id", "in", self.programme_id.ids)]
        letters = {
            (programme.id, year): total
            for programme, year, total in self.env["quality.demand.letter"]
            .sudo()
            ._read_group(domain, ["programme_id", "year"], ["specialists:sum"])
        }
        contracts = {
            (programme.id, year): total
            for programme, year, total in self.env["quality.target.contract"]
            .sudo()
            ._read_group(domain, ["programme_id", "graduation_year"], ["places:sum"])
        }
        for forecast in self:
            key = (forecast.programme_id.id, forecast.year)
            forecast.demand = letters.get(key, 0)
            forecast.contract_places = contracts.get(key, 0)
            forecast.expected_placed = min(
                forecast.demand + forecast.contract_places, forecast.expected_graduates
            )
            forecast.gap = forecast.expected_graduates - forecast.expected_placed
