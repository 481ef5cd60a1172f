from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    quality_officer_department_ids = fields.Many2many(
        "hr.department",
        string="Units Under My Quality Care",
        compute="_compute_quality_officer_department_ids",
        compute_sudo=True,
        help="Units (with their sub-units) where this user's employee is a unit "
        "quality officer. Record rules use it to scope a unit's quality data.",
    )

    def _compute_quality_officer_department_ids(self):
        Department = self.env["hr.department"]
        officer_units = Department.search([("quality_officer_ids.user_id", "in", self.ids)])
        units = Department.search([("id", "child_of", officer_units.ids)])
        for user in self:
            roots = {
                str(unit.id) for unit in officer_units if user in unit.quality_officer_ids.user_id
            }
            user.quality_officer_department_ids = units.filtered(
                lambda unit, roots=roots: roots & set(unit.parent_path.split("/"))
            )

    quality_headed_department_ids = fields.Many2many(
        "hr.department",
        string="Units I Head",
        compute="_compute_quality_headed_department_ids",
        compute_sudo=True,
        help="Units (with their sub-units) whose head (manager) is this user's employee. "
        "Record rules use it to show heads their unit's staff data.",
    )

    def _compute_quality_headed_department_ids(self):
        Department = self.env["hr.department"]
        headed = Department.search([("manager_id.user_id", "in", self.ids)])
        units = Department.search([("id", "child_of", headed.ids)])
        for user in self:
            roots = {str(unit.id) for unit in headed if unit.manager_id.user_id == user}
            user.quality_headed_department_ids = units.filtered(
                lambda unit, roots=roots: roots & set(unit.parent_path.split("/"))
            )
