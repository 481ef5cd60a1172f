from odoo import fields, models


class MaintenanceEquipment(models.Model):
    _inherit = "maintenance.equipment"

    quality_unit_id = fields.Many2one(
        "hr.department",
        string="Owner Unit",
        index=True,
        tracking=True,
        help="The unit this equipment or room belongs to; its yearly state assessment covers it.",
    )
    quality_kind = fields.Selection(
        [("equipment", "Equipment"), ("room", "Room")],
        string="Kind",
        default="equipment",
    )
