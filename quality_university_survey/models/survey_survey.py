from odoo import fields, models

STAKEHOLDERS = [
    ("student", "Students"),
    ("teacher", "Teaching Staff"),
    ("staff", "Staff"),
    ("graduate", "Graduates"),
    ("employer", "Employers"),
]


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    quality_stakeholder = fields.Selection(
        STAKEHOLDERS,
        string="Stakeholder Group",
        tracking=True,
        help="Interested party whose satisfaction the survey measures (manual 7.2, 8.2.1).",
    )
    quality_department_id = fields.Many2one(
        "hr.department",
        string="Surveyed Unit",
        help="Faculty, department or office whose service the survey evaluates.",
    )
    quality_process_id = fields.Many2one(
        "quality.process",
        string="QMS Process",
        default=lambda self: self.env.ref(
            "quality_university.process_8_2_1", raise_if_not_found=False
        ),
    )
