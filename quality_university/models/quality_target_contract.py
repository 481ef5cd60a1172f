from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QualityTargetContract(models.Model):
    _name = "quality.target.contract"
    _description = "Target-training Contract"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Contract No.", required=True, tracking=True)
    employer_id = fields.Many2one("res.partner", required=True, tracking=True)
    programme_id = fields.Many2one(
        "quality.programme", required=True, index=True, check_company=True
    )
    department_id = fields.Many2one(related="programme_id.department_id", store=True, index=True)
    date = fields.Date(string="Signed On", required=True, default=fields.Date.context_today)
    graduation_year = fields.Integer(required=True)
    places = fields.Integer(required=True, default=1)
    obligations = fields.Text(help="What the employer and the graduates undertake.")
    graduate_ids = fields.One2many("quality.graduate", "target_contract_id", string="Graduates")
    graduate_count = fields.Integer(compute="_compute_fulfilment", string="Graduates Linked")
    fulfilled_count = fields.Integer(compute="_compute_fulfilment", string="Working Off")
    fulfilment_rate = fields.Float(compute="_compute_fulfilment", string="Fulfilment (%)")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.constrains("places")
    def _check_places(self):
        if any(contract.places <= 0 for contract in self):
            raise ValidationError(self.env._("A contract trains at least one specialist."))

    def _compute_fulfilment(self):
        Graduate = self.env["quality.graduate"].sudo()
        linked = dict(
            Graduate._read_group(
                [("target_contract_id", "in", self.ids)], ["target_contract_id"], ["__count"]
            )
        )
        working = dict(
            Graduate._read_group(
                [
                    ("target_contract_id", "in", self.ids),
                    ("obligation_state", "in", ("working", "fulfilled")),
                ],
                ["target_contract_id"],
                ["__count"],
            )
        )
        for contract in self:
            contract.graduate_count = linked.get(contract, 0)
            contract.fulfilled_count = working.get(contract, 0)
            contract.fulfilment_rate = (
                100.0 * contract.fulfilled_count / contract.places if contract.places else 0.0
            )
