from odoo import fields, models


class HrResumeLineType(models.Model):
    _inherit = "hr.resume.line.type"

    quality_hr_only = fields.Boolean(
        string="Recorded by HR Only",
        help="Lines of this type (professional development, internal auditor training) "
        "are recorded by HR; employees cannot add or change them themselves.",
    )
