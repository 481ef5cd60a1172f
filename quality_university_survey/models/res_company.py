from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    quality_survey_min_group_size = fields.Integer(
        string="Minimum Group Size",
        default=5,
        help="A unit's satisfaction index is shown only when at least this many of its "
        "people answered; below it every report says 'too few responses'.",
    )
    quality_survey_threshold = fields.Float(
        string="Satisfaction Threshold",
        default=60.0,
        help="A category whose index falls below this level (0-100) in a unit opens an "
        "improvement action or a nonconformity when the campaign is analysed.",
    )

    @api.constrains("quality_survey_min_group_size", "quality_survey_threshold")
    def _check_quality_survey_settings(self):
        for company in self:
            if company.quality_survey_min_group_size < 1:
                raise ValidationError(self.env._("The minimum group size is at least 1."))
            if not 0 <= company.quality_survey_threshold <= 100:
                raise ValidationError(
                    self.env._("The satisfaction threshold lies between 0 and 100.")
                )
