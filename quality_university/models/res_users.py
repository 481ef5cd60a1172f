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
        departments = self.env["hr.department"].search(
            [("quality_officer_ids.user_id", "in", self.ids)]
        )
        for user in self:
            mine = departments.filtered(lambda d, user=user: user in d.quality_officer_ids.user_id)
            user.quality_officer_department_ids = self.env["hr.department"].search(
                [("id", "child_of", mine.ids)]
            )
