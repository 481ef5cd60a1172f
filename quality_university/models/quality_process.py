from odoo import api, fields, models


class QualityProcess(models.Model):
    _name = "quality.process"
    _description = "QMS Process"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, code, id"
    _parent_store = True
    _check_company_auto = True
    _rec_names_search = ["code", "name"]

    sequence = fields.Integer(default=10)
    code = fields.Char(
        required=True,
        tracking=True,
        help="Clause of the quality manual that describes the process, e.g. 7.5.3.",
    )
    name = fields.Char(required=True, translate=True, tracking=True)
    kind = fields.Selection(
        [
            ("management", "Management"),
            ("main", "Main"),
            ("supporting", "Supporting"),
        ],
        required=True,
        default="main",
        tracking=True,
    )
    parent_id = fields.Many2one(
        "quality.process",
        string="Parent Process",
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("quality.process", "parent_id", string="Sub-processes")
    goal = fields.Text(translate=True)
    leader_job_id = fields.Many2one(
        "hr.job",
        string="Leader Position",
        tracking=True,
        check_company=True,
        help="Position that leads the process (жетекшісі).",
    )
    leader_id = fields.Many2one(
        "hr.employee",
        string="Process Leader",
        compute="_compute_leader_id",
        store=True,
        readonly=False,
        tracking=True,
        check_company=True,
    )
    leader_delegate_id = fields.Many2one(
        "res.users",
        string="Leader's Delegate",
        tracking=True,
        help="Decides on the process's nonconformities in the leader's stead.",
    )
    owner_job_id = fields.Many2one(
        "hr.job",
        string="Owner Position",
        tracking=True,
        check_company=True,
        help="Position that owns the process (иесі) and answers for its results.",
    )
    owner_id = fields.Many2one(
        "hr.employee",
        string="Process Owner",
        compute="_compute_owner_id",
        store=True,
        readonly=False,
        tracking=True,
        check_company=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Responsible Unit",
        tracking=True,
        index=True,
        check_company=True,
        help="Unit that maintains this process; its quality officers may update it.",
    )
    scope = fields.Text(translate=True, help="Units where the process applies.")
    scope_department_ids = fields.Many2many(
        "hr.department",
        "quality_process_scope_department_rel",
        "process_id",
        "department_id",
        string="Scope Units",
        check_company=True,
    )
    activity_line_ids = fields.One2many(
        "quality.process.activity", "process_id", string="Activity Table", copy=True
    )
    register_note = fields.Text(
        string="Note",
        translate=True,
        help="How the register's entry relates to the manual's text (numbering, the "
        "university's own choices).",
    )
    inputs = fields.Text(translate=True)
    outputs = fields.Text(translate=True)
    evaluation_criteria = fields.Text(translate=True)
    monitoring_methods = fields.Text(string="Monitoring and Measurement Methods", translate=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "Each process code must be unique in a company.",
        ),
    ]

    @api.depends("leader_job_id.employee_ids")
    def _compute_leader_id(self):
        for process in self:
            process.leader_id = process._job_holder(process.leader_job_id, process.leader_id)

    @api.depends("owner_job_id.employee_ids")
    def _compute_owner_id(self):
        for process in self:
            process.owner_id = process._job_holder(process.owner_job_id, process.owner_id)

    @api.depends("code", "name")
    def _compute_display_name(self):
        for process in self:
            process.display_name = f"{process.code} {process.name}"

    def _job_holder(self, job, current):
        """Who holds ``job``: the current person if still one of its holders, else
        its only holder, else nobody (the user picks one)."""
        holders = job.sudo().employee_ids
        if current in holders:
            return current
        return holders if len(holders) == 1 else self.env["hr.employee"]
