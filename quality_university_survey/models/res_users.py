from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    quality_survey_department_ids = fields.Many2many(
        "hr.department",
        string="Units Whose Survey Results I See",
        compute="_compute_quality_survey_department_ids",
        compute_sudo=True,
        help="The units this user heads or is quality officer of, with their sub-units.",
    )

    def _compute_quality_survey_department_ids(self):
        Department = self.env["hr.department"]
        headed = Department.search([("manager_id.user_id", "in", self.ids)])
        units = Department.search([("id", "child_of", headed.ids)])
        for user in self:
            roots = {str(unit.id) for unit in headed if unit.manager_id.user_id == user}
            user.quality_survey_department_ids = (
                units.filtered(lambda unit, roots=roots: roots & set(unit.parent_path.split("/")))
                | user.quality_officer_department_ids
            )
