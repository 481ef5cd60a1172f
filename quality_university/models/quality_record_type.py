from odoo import api, fields, models

DISPOSAL_METHODS = [
    ("shredding", "Shredding"),
    ("deletion", "Secure deletion"),
    ("archive", "Transfer to the archive"),
    ("other", "Other"),
]


class QualityRecordType(models.Model):
    _name = "quality.record.type"
    _description = "Records Register Entry"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "department_id, name, id"
    _check_company_auto = True

    name = fields.Char(string="Record", required=True, translate=True, tracking=True)
    code = fields.Char(
        string="Identification Code",
        tracking=True,
        help="Identifies the records of this entry (сәйкестендіру): each kept record is "
        "numbered after it, e.g. ЖЗ 08.01-003.",
    )
    process_id = fields.Many2one("quality.process", check_company=True, tracking=True)
    document_id = fields.Many2one(
        "quality.document",
        string="Required by Document",
        check_company=True,
        help="The documented procedure or form that requires keeping this record.",
    )
    department_id = fields.Many2one(
        "hr.department", string="Responsible Unit", check_company=True, tracking=True
    )
    responsible_id = fields.Many2one("hr.employee", tracking=True)
    storage_place = fields.Char(translate=True)
    medium = fields.Selection(
        [("paper", "Paper"), ("electronic", "Electronic"), ("both", "Paper and electronic")],
        default="paper",
        required=True,
    )
    protection = fields.Char(
        translate=True, help="How the record is protected from damage and loss (қорғау)."
    )
    restoration = fields.Char(
        translate=True,
        help="How the record is retrieved and restored when damaged or lost (қалпына келтіру).",
    )
    retention_years = fields.Integer(
        string="Retention (years)",
        default=5,
        tracking=True,
        help="How long the record is kept after it is closed; 0 means permanently.",
    )
    disposal_method = fields.Selection(DISPOSAL_METHODS, default="shredding", required=True)
    record_ids = fields.One2many("quality.record", "type_id", string="Kept Records")
    record_count = fields.Integer(compute="_compute_record_count")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("retention_positive", "CHECK(retention_years >= 0)", "Retention cannot be negative."),
        (
            "code_company_unique",
            "UNIQUE(code, company_id)",
            "Another entry of the records register has this identification code.",
        ),
    ]

    @api.depends("record_ids")
    def _compute_record_count(self):
        counts = dict(
            self.env["quality.record"]._read_group(
                [("type_id", "in", self.ids)], ["type_id"], ["__count"]
            )
        )
        for record_type in self:
            record_type.record_count = counts.get(record_type, 0)

    def action_open_records(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_university.quality_record_action"
        )
        action["domain"] = [("type_id", "=", self.id)]
        action["context"] = {"default_type_id": self.id}
        return action
