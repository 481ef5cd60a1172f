from odoo import fields, models


class QualityObjectiveRevision(models.Model):
    """The wording of an objective as approved before a yearly revision."""

    _name = "quality.objective.revision"
    _description = "Revision of a Quality Objective"
    _order = "objective_id, revision desc"

    objective_id = fields.Many2one(
        "quality.objective", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one(related="objective_id.company_id", store=True)
    revision = fields.Integer(readonly=True)
    year = fields.Char(string="Academic Year", readonly=True)
    name = fields.Char(string="Wording", readonly=True)
    baseline = fields.Float(readonly=True)
    target = fields.Float(readonly=True)
    current_value = fields.Float(string="Value Reached", readonly=True)
    status = fields.Selection(
        [
            ("no_data", "No data"),
            ("on_track", "On track"),
            ("at_risk", "At risk"),
            ("missed", "Missed"),
        ],
        string="Progress Status",
        readonly=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True)
    approval_date = fields.Date(readonly=True)
