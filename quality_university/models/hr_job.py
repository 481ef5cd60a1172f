from odoo import fields, models

EDUCATION_LEVELS = [
    ("graduate", "Graduate"),
    ("bachelor", "Bachelor"),
    ("master", "Master"),
    ("doctor", "Doctor"),
]
ACADEMIC_DEGREES = [
    ("candidate", "Candidate of Sciences or PhD"),
    ("doctor", "Doctor of Sciences"),
]


class HrJob(models.Model):
    _inherit = "hr.job"

    quality_education_level = fields.Selection(
        EDUCATION_LEVELS,
        string="Required Education",
        help="Lowest education level the position requires (the employee's "
        "certificate level in HR).",
    )
    quality_academic_degree = fields.Selection(ACADEMIC_DEGREES, string="Required Academic Degree")
    quality_experience_years = fields.Integer(string="Required Experience (years)")
    quality_requirement_ids = fields.One2many(
        "quality.job.requirement", "job_id", string="Required Trainings and Certificates"
    )

    _sql_constraints = [
        (
            "quality_experience_positive",
            "CHECK (quality_experience_years >= 0)",
            "The required experience cannot be negative.",
        ),
    ]
