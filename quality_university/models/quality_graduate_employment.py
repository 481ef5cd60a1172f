from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.sql import create_index

SALARY_BANDS = [
    ("below_150", "Below 150,000 KZT"),
    ("150_250", "150,000–250,000 KZT"),
    ("250_400", "250,000–400,000 KZT"),
    ("above_400", "Above 400,000 KZT"),
]
SOURCES = [
    ("survey", "Survey"),
    ("employer", "Employer letter or contract"),
    ("statement", "Graduate's statement"),
    ("pension", "State pension-contribution data"),
]
# sources that prove a job; a survey answer or a statement is a claim
EVIDENCE_SOURCES = ("employer", "pension")


class QualityGraduateEmployment(models.Model):
    """The outcome of one graduate at one checkpoint."""

    _name = "quality.graduate.employment"
    _description = "Graduate Employment Outcome"
    _order = "graduation_year desc, graduate_id, checkpoint_months, id"
    _check_company_auto = True
    _rec_name = "graduate_id"

    graduate_id = fields.Many2one(
        "quality.graduate", required=True, ondelete="cascade", index=True, check_company=True
    )
    checkpoint_id = fields.Many2one(
        "quality.employment.checkpoint", required=True, ondelete="restrict", index=True
    )
    checkpoint_months = fields.Integer(related="checkpoint_id.months", store=True)
    status_id = fields.Many2one("quality.employment.status", required=True, ondelete="restrict")
    programme_id = fields.Many2one(related="graduate_id.programme_id", store=True, index=True)
    department_id = fields.Many2one(related="graduate_id.department_id", store=True, index=True)
    graduation_year = fields.Integer(related="graduate_id.graduation_year", store=True)
    company_id = fields.Many2one(related="graduate_id.company_id", store=True, index=True)
    employer_id = fields.Many2one("res.partner")
    sector = fields.Selection(
        [
            ("public", "Public sector"),
            ("private", "Private sector"),
            ("ngo", "Non-profit"),
            ("self", "Own business"),
        ]
    )
    region = fields.Char()
    position = fields.Char()
    work_time = fields.Selection([("full", "Full time"), ("part", "Part time")])
    date_start = fields.Date(string="Start Date")
    months_to_job = fields.Integer(
        string="Months to First Job", compute="_compute_months_to_job", store=True
    )
    salary_band = fields.Selection(SALARY_BANDS)
    source = fields.Selection(SOURCES, required=True, default="survey")
    evidence = fields.Char(help="Reference of the letter, contract or data extract.")
    evidenced = fields.Boolean(
        compute="_compute_evidenced",
        store=True,
        help="Proven by an employer's document or the state pension-contribution data.",
    )
    reason_id = fields.Many2one("quality.employment.reason", string="Reason for Non-employment")
    note = fields.Text()

    _sql_constraints = [
        (
            "graduate_checkpoint_unique",
            "unique(graduate_id, checkpoint_id)",
            "A graduate has one outcome per checkpoint.",
        ),
    ]

    def init(self):
        # the default order goes on by many2one (joined, not indexable): the index serves its
        # leading year, so a list's first page sorts the latest cohort, not the table
        create_index(
            self.env.cr,
            "quality_graduate_employment_graduation_year_idx",
            self._table,
            ["graduation_year DESC"],
        )

    @api.depends("date_start", "graduate_id.graduation_date", "graduate_id.graduation_year")
    def _compute_months_to_job(self):
        for outcome in self:
            graduated = outcome.graduate_id.graduation_date or (
                outcome.graduation_year and fields.Date.to_date(f"{outcome.graduation_year}-07-01")
            )
            if outcome.date_start and graduated:
                delta = relativedelta(outcome.date_start, graduated)
                outcome.months_to_job = max(delta.years * 12 + delta.months, 0)
            else:
                outcome.months_to_job = 0

    @api.depends("source")
    def _compute_evidenced(self):
        for outcome in self:
            outcome.evidenced = outcome.source in EVIDENCE_SOURCES

    @api.constrains("status_id", "reason_id")
    def _check_reason(self):
        for outcome in self:
            if outcome.reason_id and outcome.status_id.positive:
                raise ValidationError(
                    self.env._("A positive outcome has no reason for non-employment.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        outcomes = super().create(vals_list)
        outcomes.graduate_id._schedule_obligation_risk()
        return outcomes

    def write(self, vals):
        result = super().write(vals)
        if "status_id" in vals or "checkpoint_id" in vals:
            self.graduate_id._schedule_obligation_risk()
        return result
