from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QualityStakeholderRequirement(models.Model):
    """A requirement of an interested party and the agreement that binds it (5.2)."""

    _name = "quality.stakeholder.requirement"
    _description = "Stakeholder Requirement"
    _order = "partner_id, sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one(
        "res.partner", string="Stakeholder", required=True, index=True, ondelete="cascade"
    )
    name = fields.Text(string="Requirement", required=True)
    agreement = fields.Char(
        string="Binding Agreement",
        help="The contract, memorandum, law or order binding the university to it.",
    )
    agreement_date = fields.Date(string="Signed On")
    agreement_end = fields.Date(string="Valid Until")
    process_id = fields.Many2one("quality.process", check_company=True)
    department_id = fields.Many2one("hr.department", string="Unit", check_company=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.constrains("agreement_date", "agreement_end", "name")
    def _check_dates(self):
        for requirement in self:
            if not (requirement.name or "").strip():
                raise ValidationError(self.env._("Write the requirement."))
            if (
                requirement.agreement_date
                and requirement.agreement_end
                and requirement.agreement_end < requirement.agreement_date
            ):
                raise ValidationError(self.env._("The agreement must end after it is signed."))
