from odoo import api, fields, models
from odoo.tools.sql import create_index

CAREER_GROUP = "quality_university.group_quality_career"


class QualityVacancy(models.Model):
    """A vacancy of an outside employer for students and young specialists.

    Our own model rather than ``hr.job``: a job position there is one of the
    company's own posts, recruited through its own pipeline; these are other
    employers' openings that the career centre only passes on."""

    _name = "quality.vacancy"
    _description = "Vacancy"
    _inherit = ["quality.workflow.mixin", "mail.thread"]
    _order = "state desc, date desc, id desc"
    _check_company_auto = True
    _workflow_fields = ("state", "notified_count")

    name = fields.Char(string="Position", required=True, tracking=True)
    employer_id = fields.Many2one("res.partner", required=True)
    programme_ids = fields.Many2many(
        "quality.programme",
        "quality_vacancy_programme_rel",
        "vacancy_id",
        "programme_id",
        string="Suits Programmes",
        check_company=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Graduating Department",
        compute="_compute_department_id",
        store=True,
        index=True,
    )
    region = fields.Char()
    conditions = fields.Text(help="Salary, schedule, housing and other conditions.")
    date = fields.Date(string="Published On", default=fields.Date.context_today, required=True)
    for_students = fields.Boolean(string="Open to Students")
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")], default="open", required=True, tracking=True
    )
    notified_count = fields.Integer(string="Graduates Informed", readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    def init(self):
        # the default order: a list's first page reads the index, not a sort of the table
        create_index(
            self.env.cr,
            "quality_vacancy_state_date_id_idx",
            self._table,
            ["state DESC", "date DESC", "id DESC"],
        )

    @api.depends("programme_ids.department_id")
    def _compute_department_id(self):
        for vacancy in self:
            vacancy.department_id = vacancy.programme_ids[:1].department_id

    def action_close(self):
        self._check_transition(from_states=("open",), group=CAREER_GROUP)
        self._workflow_write({"state": "closed"})

    def action_reopen(self):
        self._check_transition(from_states=("closed",), group=CAREER_GROUP)
        self._workflow_write({"state": "open"})

    def action_notify_graduates(self):
        """Mail the vacancy to every consenting graduate of a matching programme,
        each in his or her own language."""
        self.ensure_one()
        self._check_transition(from_states=("open",), group=CAREER_GROUP)
        graduates = self.env["quality.graduate"].search(
            [
                ("programme_id", "in", self.programme_ids.ids),
                ("consent", "=", True),
                ("partner_id.email", "!=", False),
            ]
        )
        template = self.env.ref("quality_university.mail_template_vacancy_graduate")
        if graduates:
            template.with_context(quality_vacancy_id=self.id).send_mail_batch(graduates.ids)
        self._workflow_write({"notified_count": self.notified_count + len(graduates)})
        self.message_post(
            body=self.env._(
                "The vacancy was sent to %(count)s consenting graduates.", count=len(graduates)
            )
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("%(count)s graduates informed.", count=len(graduates)),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
