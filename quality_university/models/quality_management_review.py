import json

from odoo import api, fields, models
from odoo.exceptions import UserError

TOP = "quality_university.group_quality_top_management"
MANAGER = "quality_university.group_quality_manager"


def rate_line(label, part, whole):
    """A line of a review input section: `part` of `whole` in per cent, a dash when
    there is nothing to count."""
    return {
        "label": label,
        "value": round(100.0 * part / whole, 1) if whole else "—",
        "unit": "%" if whole else "",
    }


class QualityManagementReview(models.Model):
    """The yearly management review (5.6, СЖҚ 05.ҚР 01).

    Its inputs come from *providers*: any model of the registry that sets
    ``_quality_review_provider = True`` and answers ``_quality_review_section(date_from,
    date_to, company)``. The review never names them, so a block installed later adds
    its section by itself. Holding the review freezes every section, in every active
    language, as a JSON snapshot: later data changes never alter a held review."""

    _name = "quality.management.review"
    _description = "Management Review"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "quality.workflow.mixin",
        "quality.academic.year.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_fields = ("state", "snapshot", "held_by_id", "date_held")
    _workflow_locked_states = ("held",)

    name = fields.Char(
        required=True,
        tracking=True,
        default=lambda self: self.env._("Management review"),
    )
    date = fields.Date(string="Meeting Date", required=True, tracking=True)
    chair_id = fields.Many2one(
        "hr.employee",
        default=lambda self: self.env.company.quality_rector_id,
        check_company=True,
        tracking=True,
    )
    participant_ids = fields.Many2many(
        "hr.employee",
        "quality_management_review_participant_rel",
        "review_id",
        "employee_id",
        string="Participants",
        check_company=True,
    )
    state = fields.Selection(
        [("draft", "In Preparation"), ("prepared", "Prepared"), ("held", "Held")],
        default="draft",
        required=True,
        tracking=True,
    )
    snapshot = fields.Json(
        string="Frozen Inputs", readonly=True, copy=False, help="Inputs frozen when held."
    )
    held_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    date_held = fields.Date(readonly=True, copy=False, tracking=True)
    inputs_html = fields.Html(
        string="Inputs", compute="_compute_inputs_html", sanitize=True, readonly=True
    )
    conclusions = fields.Html(help="Conclusions on the suitability and effectiveness of the QMS.")
    decision_ids = fields.One2many(
        "quality.management.review.decision", "review_id", string="Decisions"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.depends("state", "snapshot", "date_from", "date_to")
    @api.depends_context("lang")
    def _compute_inputs_html(self):
        for review in self:
            review.inputs_html = self.env["ir.qweb"]._render(
                "quality_university.quality_management_review_inputs",
                {"sections": review._get_sections()},
            )

    # inputs --------------------------------------------------------------------------

    @api.model
    def _review_providers(self):
        """Names of the models that declare ``_quality_review_provider``."""
        return sorted(
            name
            for name, model in self.env.registry.items()
            if getattr(model, "_quality_review_provider", False)
        )

    def _collect_inputs(self):
        """The sections of every provider for the review's period, in the context's
        language. The query count does not depend on the amount of data."""
        self.ensure_one()
        sections = {}
        for name in self._review_providers():
            provider = self.env[name].sudo().with_company(self.company_id)
            section = provider._quality_review_section(
                self.date_from, self.date_to, self.company_id
            )
            if section and section["key"] not in sections:
                # a JSON round trip proves the section can be frozen
                sections[section["key"]] = json.loads(json.dumps(section))
        return sorted(sections.values(), key=lambda s: (s.get("sequence", 100), s["key"]))

    def _get_sections(self):
        """Frozen sections of a held review (in the reader's language when it was
        active at holding), live ones otherwise."""
        self.ensure_one()
        if self.snapshot:
            lang = self.env.lang or "en_US"
            return (
                self.snapshot.get(lang)
                or self.snapshot.get("en_US")
                or next(iter(self.snapshot.values()), [])
            )
        if not self.date_from or not self.date_to:
            return []
        return self._collect_inputs()

    # transitions ---------------------------------------------------------------------

    def action_prepare(self):
        """The MR's office has gathered the inputs: the review is ready for the rector."""
        self._check_transition(from_states=("draft",), group=MANAGER)
        self._workflow_write({"state": "prepared"})
        for review in self:
            rector = review.chair_id.user_id or review.company_id.quality_rector_id.user_id
            if rector:
                review.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=review.date,
                    user_id=rector.id,
                    summary=self.env._("Hold the management review %(name)s", name=review.name),
                )

    def action_back_to_draft(self):
        self._check_transition(from_states=("prepared",), group=MANAGER)
        self._workflow_write({"state": "draft"})

    def action_hold(self):
        """Top management holds the review: inputs are frozen, decisions become
        actions, plan activities and document changes."""
        self._check_transition(from_states=("prepared",), group=TOP)
        langs = [code for code, _name in self.env["res.lang"].get_installed()]
        for review in self:
            snapshot = {lang: review.with_context(lang=lang)._collect_inputs() for lang in langs}
            review.decision_ids._create_outputs()
            review._workflow_write(
                {
                    "state": "held",
                    "snapshot": snapshot,
                    "held_by_id": self.env.uid,
                    "date_held": fields.Date.context_today(self),
                }
            )
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_print(self):
        self.ensure_one()
        return self.env.ref("quality_university.quality_management_review_report").report_action(
            self
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_held(self):
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(self.env._("Only a review in preparation can be deleted."))
