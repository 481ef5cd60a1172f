from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QualityEmploymentStatus(models.Model):
    """An outcome a graduate may report, and how it counts in the rates.

    The rates follow the NACE first-destination standards: a university that
    reports to its ministry by another rule changes these flags, not the code."""

    _name = "quality.employment.status"
    _description = "Employment Status"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True, help="Used by imports and reports.")
    sequence = fields.Integer(default=10)
    known = fields.Boolean(
        string="Known Outcome",
        default=True,
        help="The graduate's outcome is known (counts in the knowledge rate).",
    )
    positive = fields.Boolean(
        string="Positive Outcome",
        help="Counts as a career outcome: employed, self-employed, military service, "
        "volunteer or service programme, further study.",
    )
    employed = fields.Boolean(help="Counts as employed (the in-specialty rate's base).")
    in_specialty = fields.Boolean()
    excluded = fields.Boolean(
        string="Excluded From the Base",
        help="Known, but left out of the career outcomes rate's base (not seeking).",
    )
    obligation_risk = fields.Boolean(
        string="Puts the Work-off Obligation at Risk",
        help="A grant-funded graduate with this status gets an activity for the career centre.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "An employment status's code is unique."),
    ]

    @api.constrains("known", "positive", "employed", "in_specialty", "excluded")
    def _check_flags(self):
        for status in self:
            if not status.known and (
                status.positive or status.employed or status.in_specialty or status.excluded
            ):
                raise ValidationError(
                    self.env._("An unknown outcome cannot count as positive, employed or excluded.")
                )
            if status.in_specialty and not status.employed:
                raise ValidationError(
                    self.env._("Work in the specialty is a kind of employment: mark it employed.")
                )
            if status.positive and status.excluded:
                raise ValidationError(
                    self.env._("A positive outcome cannot be excluded from the base.")
                )
