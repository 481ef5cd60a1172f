from collections import defaultdict

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.sql import create_index


class QualityDocumentAcknowledgement(models.Model):
    _name = "quality.document.acknowledgement"
    _description = "Acknowledgement of a Document Revision"
    _inherit = ["quality.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    # not by document, unit and employee (many2one: joined tables, a sort of the whole
    # table for each list page); the printed sheet and the export keep that order
    _order = "date_due, id"
    _rec_name = "revision_id"
    _check_company_auto = True
    # the sheet is written by the distribution and signed by the employee: nothing by hand
    _workflow_fields = (
        "state",
        "date_acknowledged",
        "acknowledged_by_id",
        "completion",
        "revision_id",
        "document_id",
        "employee_id",
        "user_id",
        "department_id",
        "job_title",
        "date_due",
        "company_id",
    )
    _workflow_locked_states = ("done",)

    revision_id = fields.Many2one(
        "quality.document.revision", required=True, index=True, ondelete="cascade", readonly=True
    )
    document_id = fields.Many2one(
        "quality.document", required=True, index=True, ondelete="cascade", readonly=True
    )
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="cascade", readonly=True
    )
    user_id = fields.Many2one("res.users", index=True, readonly=True)
    department_id = fields.Many2one("hr.department", string="Unit", index=True, readonly=True)
    job_title = fields.Char(string="Position", readonly=True)
    state = fields.Selection(
        [("pending", "To Read"), ("done", "Acknowledged"), ("cancelled", "Superseded")],
        default="pending",
        required=True,
        readonly=True,
        index=True,
    )
    date_due = fields.Date(string="Due", readonly=True)
    date_acknowledged = fields.Datetime(string="Acknowledged on", readonly=True)
    acknowledged_by_id = fields.Many2one("res.users", readonly=True)
    completion = fields.Float(
        string="Completion (%)",
        readonly=True,
        aggregator="avg",
        help="100 once acknowledged: its average is the completion rate.",
    )
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")
    edition = fields.Integer(related="revision_id.edition")
    document_type_id = fields.Many2one(related="document_id.type_id")
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)

    _sql_constraints = [
        (
            "employee_revision_unique",
            "UNIQUE(revision_id, employee_id)",
            "An employee acknowledges a revision once.",
        ),
    ]

    def init(self):
        # the default order: a list's first page reads the index, not a sort of the table
        create_index(
            self.env.cr,
            "quality_document_acknowledgement_date_due_id_idx",
            self._table,
            ["date_due", "id"],
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self._in_transition():
            raise UserError(
                self.env._("Acknowledgements are asked for by distributing a revision.")
            )
        return super().create(vals_list)

    @api.depends("state", "date_due")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for line in self:
            line.is_overdue = line.state == "pending" and line.date_due and line.date_due < today

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue acknowledgements."))
        domain = [("state", "=", "pending"), ("date_due", "<", fields.Date.context_today(self))]
        return domain if (operator == "=") == value else ["!", *domain]

    def action_acknowledge(self):
        """Sign the acknowledgement sheet (танысу парағы): once, for oneself."""
        self._check_transition(
            from_states=("pending",),
            users=lambda line: line.user_id,
            message=self.env._("You can only acknowledge documents for yourself."),
        )
        for line in self:
            line.sudo()._workflow_write(
                {
                    "state": "done",
                    "date_acknowledged": fields.Datetime.now(),
                    "acknowledged_by_id": line.user_id.id or self.env.uid,
                    "completion": 100.0,
                }
            )
        self.sudo().activity_feedback(
            ["quality_university.mail_activity_type_document_acknowledgement"]
        )
        return True

    def action_open_document(self):
        self.ensure_one()
        return self.revision_id._get_form_action()

    @api.model
    def _create_for_revision(self, revision, employees, date_due):
        """Create the pending acknowledgements of an effective revision for the employees
        of the query ``employees`` (ids of hr.employee): one INSERT for any number of them,
        without the ORM's per-record work. Employees who already have one are skipped.
        The caller flushes before and invalidates the cache after."""
        document = revision.document_id
        self.env.cr.execute(
            SQL(
                """
            INSERT INTO quality_document_acknowledgement
                (revision_id, document_id, employee_id, user_id, department_id, job_title,
                 state, date_due, completion, company_id,
                 create_uid, create_date, write_uid, write_date)
            SELECT %(revision)s, %(document)s, e.id, e.user_id, e.department_id,
                   e.job_title, 'pending', %(due)s, 0, %(company)s,
                   %(uid)s, now() at time zone 'UTC', %(uid)s, now() at time zone 'UTC'
              FROM hr_employee e
             WHERE e.id IN %(employees)s
            ON CONFLICT (revision_id, employee_id) DO NOTHING
            """,
                revision=revision.id,
                document=document.id,
                due=date_due,
                company=document.company_id.id,
                uid=self.env.uid,
                employees=employees.subselect(),
            )
        )

    def _cancel(self):
        self.sudo()._workflow_write({"state": "cancelled"})
        self.sudo().activity_unlink(
            ["quality_university.mail_activity_type_document_acknowledgement"]
        )

    def _cron_remind_overdue(self):
        """Give every overdue reader an activity, once: it stays in their to-do list
        and Odoo reminds them of it daily until they acknowledge."""
        activity_type = self.env.ref(
            "quality_university.mail_activity_type_document_acknowledgement"
        )
        overdue = self.search(
            [
                ("is_overdue", "=", True),
                ("user_id", "!=", False),
                ("activity_ids", "not any", [("activity_type_id", "=", activity_type.id)]),
            ]
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": line.id,
                    "activity_type_id": activity_type.id,
                    "automated": True,
                    "user_id": line.user_id.id,
                    "date_deadline": line.date_due,
                    "summary": self.env._(
                        "Read and acknowledge %(name)s", name=line.revision_id.name
                    ),
                }
                for line in overdue
            ]
        )
        self._notify_officers_overdue()
        return overdue

    @api.model
    def _notify_officers_overdue(self):
        """One digest activity per unit quality officer whose units (5.3, 5.5.1: the
        officers acknowledge their staff with the documents) have overdue readers,
        not one per reader: grouped queries, whatever the number of lines."""
        activity_type = self.env.ref(
            "quality_university.mail_activity_type_document_acknowledgement_digest"
        )
        Department = self.env["hr.department"].sudo()
        counts = dict(
            self.sudo()._read_group(
                [("is_overdue", "=", True), ("department_id", "!=", False)],
                ["department_id"],
                ["__count"],
            )
        )
        if not counts:
            return self.env["mail.activity"]
        units = Department.browse([d.id for d in counts])
        officer_units = Department.search(
            [("id", "parent_of", units.ids), ("quality_officer_ids.user_id", "!=", False)]
        )
        per_user = defaultdict(dict)
        for unit in units:
            path = set(unit.parent_path.split("/"))
            for officer_unit in officer_units:
                if str(officer_unit.id) in path:
                    for user in officer_unit.quality_officer_ids.user_id:
                        per_user[user][unit] = counts[unit]
        busy = set(
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("activity_type_id", "=", activity_type.id),
                    ("user_id", "in", [user.id for user in per_user]),
                ]
            )
            .user_id.ids
        )
        model_id = self.env["ir.model"]._get_id("hr.department")
        today = fields.Date.context_today(self)
        vals_list = []
        for user, unit_counts in per_user.items():
            if user.id in busy:
                continue
            lang_units = Department.with_context(lang=user.lang)
            items = Markup("").join(
                Markup("<li>%s: %s</li>") % (escape(lang_units.browse(unit.id).display_name), count)
                for unit, count in sorted(unit_counts.items(), key=lambda item: item[0].id)
            )
            first = min(unit_counts, key=lambda unit: unit.id)
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": first.id,
                    "activity_type_id": activity_type.id,
                    "automated": True,
                    "user_id": user.id,
                    "date_deadline": today,
                    "summary": self.with_context(lang=user.lang).env._(
                        "Overdue acknowledgements in %(count)s of your units",
                        count=len(unit_counts),
                    ),
                    "note": Markup("<ul>%s</ul>") % items,
                }
            )
        return self.env["mail.activity"].sudo().create(vals_list)
