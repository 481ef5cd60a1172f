from odoo import api, fields, models
from odoo.exceptions import ValidationError

SOURCES = [
    ("manual", "Entered"),
    ("training_hours", "Training hours (HR)"),
    ("nonconformities", "Nonconformities of the unit"),
    ("acknowledgement_rate", "Document acknowledgement rate (%)"),
    ("named", "Named indicator"),
]


class QualityRatingIndicator(models.Model):
    _name = "quality.rating.indicator"
    _description = "Rating Indicator"
    _order = "set_id, category, sequence, id"

    set_id = fields.Many2one(
        "quality.rating.indicator.set", string="Indicator Set", required=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    category = fields.Selection(
        [("base", "Base (accreditation)"), ("additional", "Additional (current activity)")],
        required=True,
        default="base",
    )
    weight = fields.Float(required=True, default=1.0)
    source = fields.Selection(SOURCES, required=True, default="manual")
    indicator_code = fields.Selection(
        selection="_selection_indicator_code",
        string="Named Indicator",
        help="An indicator another part of the system computes (survey index, graduate "
        "employment, training plan execution...): the value of the employee's unit.",
    )
    direction = fields.Selection(
        [("higher", "Higher is better"), ("lower", "Lower is better")],
        required=True,
        default="higher",
    )
    normalisation = fields.Selection(
        [("max", "Value ÷ highest value"), ("none", "Value as is")],
        required=True,
        default="max",
    )

    _sql_constraints = [
        ("weight_positive", "CHECK (weight > 0)", "An indicator's weight must be positive."),
    ]

    @api.model
    def _selection_indicator_code(self):
        # the named indicators are those objectives can measure: one catalogue for both
        catalogue = self.env["quality.objective"]._indicator_catalogue()
        return sorted((code, label) for code, (label, _provider) in catalogue.items())

    @api.constrains("source", "indicator_code")
    def _check_indicator_code(self):
        for indicator in self:
            if indicator.source == "named" and not indicator.indicator_code:
                raise ValidationError(
                    self.env._("Choose the named indicator of %(name)s.", name=indicator.name)
                )

    def _named_values(self, date_from, date_to, departments):
        """``{department id: value}`` of the units that have one, each unit with its
        sub-units: in one go from a provider that implements
        ``_quality_indicator_values``, else unit by unit."""
        self.ensure_one()
        entry = self.env["quality.objective"]._indicator_catalogue().get(self.indicator_code)
        if not entry:
            return {}
        provider = entry[1]
        if hasattr(provider, "_quality_indicator_values"):
            return provider._quality_indicator_values(
                self.indicator_code, date_from, date_to, departments
            )
        values = {
            department.id: provider._quality_indicator_value(
                self.indicator_code, date_from, date_to, department
            )
            for department in departments
        }
        return {key: value for key, value in values.items() if value is not None}
