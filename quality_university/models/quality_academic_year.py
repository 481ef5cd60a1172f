from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError


def academic_year_of(day):
    """The academic year (1 September - 31 August) a date falls in, as '2025/2026'."""
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}/{start + 1}"


def academic_year_dates(year):
    """First and last day of an academic year written '2025/2026'."""
    start = int(year.split("/")[0])
    return date(start, 9, 1), date(start + 1, 8, 31)


class QualityAcademicYearMixin(models.AbstractModel):
    """An academic year and the period it covers, shared by objectives, plans and reviews."""

    _name = "quality.academic.year.mixin"
    _description = "Academic Year"

    year = fields.Char(
        string="Academic Year",
        required=True,
        default=lambda self: academic_year_of(fields.Date.context_today(self)),
        help="Academic year, e.g. 2026/2027.",
    )
    date_from = fields.Date(
        string="Period Start",
        compute="_compute_period",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    date_to = fields.Date(
        string="Period End",
        compute="_compute_period",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )

    @api.depends("year")
    def _compute_period(self):
        for record in self:
            try:
                record.date_from, record.date_to = academic_year_dates(record.year or "")
            except (ValueError, IndexError):
                record.date_from = record.date_from or fields.Date.context_today(self)
                record.date_to = record.date_to or record.date_from

    @api.constrains("year", "date_from", "date_to")
    def _check_academic_year(self):
        for record in self:
            parts = (record.year or "").split("/")
            if (
                len(parts) != 2
                or not all(part.isdigit() and len(part) == 4 for part in parts)
                or int(parts[1]) != int(parts[0]) + 1
            ):
                raise ValidationError(
                    self.env._(
                        "Write the academic year as 2026/2027, not %(year)s.", year=record.year
                    )
                )
            if record.date_from and record.date_to and record.date_from > record.date_to:
                raise ValidationError(self.env._("The period must end after it starts."))
