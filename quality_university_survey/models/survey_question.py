from odoo import fields, models


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    quality_category_id = fields.Many2one(
        "quality.survey.category",
        string="Question Category",
        index="btree_not_null",
        help="What the question measures (teaching quality, learning resources, support "
        "services...): the satisfaction index is reported per category.",
    )
