from odoo import fields, models


class QualityProgramme(models.Model):
    _name = "quality.programme"
    _description = "Educational Programme"
    _order = "code, id"
    _check_company_auto = True
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True, index=True)
    name = fields.Char(required=True, translate=True)
    level = fields.Selection(
        [
            ("bachelor", "Bachelor"),
            ("master", "Master"),
            ("doctorate", "Doctorate"),
            ("specialised", "Specialised higher education"),
        ],
        required=True,
        default="bachelor",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Graduating Department",
        required=True,
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_company_unique",
            "unique(code, company_id)",
            "An educational programme's code is unique.",
        ),
    ]

    def _compute_display_name(self):
        for programme in self:
            programme.display_name = f"{programme.code} {programme.name}"
