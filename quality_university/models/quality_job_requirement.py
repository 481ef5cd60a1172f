from odoo import api, fields, models


class QualityJobRequirement(models.Model):
    _name = "quality.job.requirement"
    _description = "Training Required for a Position"
    _order = "job_id, sequence, id"
    _rec_name = "course_id"

    sequence = fields.Integer(default=10)
    job_id = fields.Many2one("hr.job", required=True, ondelete="cascade", index=True)
    course_id = fields.Many2one(
        "quality.training.course", string="Training or Certificate", required=True, index=True
    )
    validity_months = fields.Integer(
        string="Validity (months)",
        compute="_compute_validity_months",
        store=True,
        readonly=False,
        help="How long the training counts for this position; 0 means it never expires.",
    )

    _sql_constraints = [
        (
            "job_course_unique",
            "UNIQUE (job_id, course_id)",
            "A training is required once per position.",
        ),
        (
            "validity_positive",
            "CHECK (validity_months >= 0)",
            "The validity of a training cannot be negative.",
        ),
    ]

    @api.depends("course_id")
    def _compute_validity_months(self):
        for requirement in self:
            requirement.validity_months = requirement.course_id.validity_months
