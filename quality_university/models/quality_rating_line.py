from odoo import fields, models


class QualityRatingLine(models.Model):
    _name = "quality.rating.line"
    _description = "Rating Line"
    _inherit = ["quality.workflow.mixin"]
    _order = "rating_id, rank, id"
    _workflow_parent_field = "rating_id"
    _workflow_fields = ()
    _check_company_auto = True

    rating_id = fields.Many2one("quality.rating", required=True, ondelete="cascade", index=True)
    state = fields.Selection(related="rating_id.state")
    academic_year = fields.Selection(related="rating_id.academic_year", store=True)
    company_id = fields.Many2one("res.company", required=True, index=True)
    employee_id = fields.Many2one("hr.employee", index=True, readonly=True)
    user_id = fields.Many2one("res.users", index=True, readonly=True)
    department_id = fields.Many2one("hr.department", string="Unit", index=True, readonly=True)
    faculty_id = fields.Many2one("hr.department", index=True, readonly=True)
    score = fields.Float(digits=(16, 4), readonly=True, aggregator="avg")
    rank = fields.Integer(readonly=True, aggregator="min")
    previous_score = fields.Float(
        string="Last Year's Score", digits=(16, 4), readonly=True, aggregator="avg"
    )
    previous_rank = fields.Integer(string="Last Year's Rank", readonly=True, aggregator="min")
    score_delta = fields.Float(
        string="Score Change", digits=(16, 4), readonly=True, aggregator="avg"
    )
    rank_delta = fields.Integer(
        string="Rank Change",
        readonly=True,
        aggregator=None,
        help="Places gained since last year (negative: places lost).",
    )
    value_ids = fields.One2many("quality.rating.value", "line_id", string="Values")

    def _compute_display_name(self):
        for line in self:
            line.display_name = (
                line.employee_id.name or line.department_id.name or line.rating_id.name
            )

    def init(self):
        self.env.cr.execute(
            "CREATE INDEX IF NOT EXISTS quality_rating_line_rating_rank_idx "
            "ON quality_rating_line (rating_id, rank, id)"
        )
