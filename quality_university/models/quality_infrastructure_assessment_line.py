from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QualityInfrastructureAssessmentLine(models.Model):
    _name = "quality.infrastructure.assessment.line"
    _description = "State Assessment Item"
    _inherit = ["quality.workflow.mixin"]
    _order = "assessment_id, sequence, id"
    _workflow_parent_field = "assessment_id"
    _workflow_fields = ()

    assessment_id = fields.Many2one(
        "quality.infrastructure.assessment", required=True, ondelete="cascade", index=True
    )
    state = fields.Selection(related="assessment_id.state")
    department_id = fields.Many2one(
        related="assessment_id.department_id", store=True, index=True, string="Unit"
    )
    sequence = fields.Integer(default=10)
    equipment_id = fields.Many2one("maintenance.equipment", string="Equipment or Room")
    name = fields.Char(string="Item", required=True)
    condition = fields.Selection(
        [
            ("good", "Good"),
            ("satisfactory", "Satisfactory"),
            ("repair", "Needs repair"),
            ("unusable", "Unusable"),
        ],
        required=True,
        default="good",
    )
    needs = fields.Text(help="What the item needs: repair, replacement, purchase.")
    estimated_cost = fields.Float()

    @api.constrains("estimated_cost", "name")
    def _check_values(self):
        for line in self:
            if line.estimated_cost < 0:
                raise ValidationError(self.env._("An estimated cost cannot be negative."))
            if not (line.name or "").strip():
                raise ValidationError(self.env._("Name the assessed item."))
