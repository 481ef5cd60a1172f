from odoo import api, fields, models

from ..models.quality_academic_year import academic_year_dates, academic_year_of


class QualityOverview(models.TransientModel):
    """Data analysis (8.4): one screen with the year's figures, each opening its
    graph or pivot, grouped by unit and year, down to the records."""

    _name = "quality.overview"
    _description = "Quality Overview"

    year = fields.Char(
        string="Academic Year",
        default=lambda self: academic_year_of(fields.Date.context_today(self)),
        required=True,
    )
    objective_count = fields.Integer(string="Objectives", compute="_compute_figures")
    objective_on_track = fields.Integer(string="On Track", compute="_compute_figures")
    objective_at_risk = fields.Integer(string="At Risk", compute="_compute_figures")
    objective_missed = fields.Integer(string="Missed", compute="_compute_figures")
    plan_completion = fields.Float(string="Plan Completion (%)", compute="_compute_figures")
    nonconformity_open = fields.Integer(string="Open Nonconformities", compute="_compute_figures")
    nonconformity_count = fields.Integer(string="Nonconformities", compute="_compute_figures")
    action_overdue = fields.Integer(string="Overdue Actions", compute="_compute_figures")
    acknowledgement_rate = fields.Float(
        string="Documents Acknowledged (%)", compute="_compute_figures"
    )
    audit_count = fields.Integer(string="Internal Audits", compute="_compute_figures")
    complaint_count = fields.Integer(
        string="Complaints and Suggestions", compute="_compute_figures"
    )

    def _period(self):
        try:
            return academic_year_dates(self.year or "")
        except (ValueError, IndexError):
            return academic_year_dates(academic_year_of(fields.Date.context_today(self)))

    @api.depends("year")
    def _compute_figures(self):
        Indicator = self.env["quality.indicator.core"]
        for overview in self:
            date_from, date_to = overview._period()
            objectives = dict(
                self.env["quality.objective"]._read_group(
                    [("year", "=", overview.year)], ["status"], ["__count"]
                )
            )
            overview.objective_count = sum(objectives.values())
            overview.objective_on_track = objectives.get("on_track", 0)
            overview.objective_at_risk = objectives.get("at_risk", 0)
            overview.objective_missed = objectives.get("missed", 0)
            lines = dict(
                self.env["quality.plan.line"]._read_group(
                    [("year", "=", overview.year), ("state", "!=", "cancelled")],
                    ["state"],
                    ["__count"],
                )
            )
            planned = sum(lines.values())
            overview.plan_completion = (
                round(100.0 * lines.get("done", 0) / planned, 1) if planned else 0.0
            )
            nc_domain = [("date", ">=", date_from), ("date", "<=", date_to)]
            ncs = dict(
                self.env["quality.nonconformity"]._read_group(nc_domain, ["state"], ["__count"])
            )
            overview.nonconformity_count = sum(
                count for state, count in ncs.items() if state != "cancelled"
            )
            overview.nonconformity_open = sum(
                count for state, count in ncs.items() if state not in ("closed", "cancelled")
            )
            overview.action_overdue = self.env["quality.action"].search_count(
                [("is_overdue", "=", True)]
            )
            overview.acknowledgement_rate = (
                Indicator._quality_indicator_value(
                    "acknowledgement_rate", date_from, date_to, self.env["hr.department"]
                )
                or 0.0
            )
            overview.audit_count = self.env["quality.audit"].search_count(
                [("date_start", ">=", date_from), ("date_start", "<=", date_to)]
            )
            overview.complaint_count = self.env["quality.complaint"].search_count(
                [("date", ">=", date_from), ("date", "<=", date_to)]
            )

    @api.readonly
    def onchange(self, values, field_names, fields_spec):
        """The screen's figures are computed on the fly, never stored, and the overview
        is never saved to show them: a read replica can serve them (--db_replica_host).
        The buttons stay read/write: the client saves the overview just before."""
        return super().onchange(values, field_names, fields_spec)

    def _open(self, xmlid, view_mode, domain, context=None):
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["view_mode"] = view_mode
        action["views"] = [(False, mode) for mode in view_mode.split(",")]
        action["domain"] = domain
        action["context"] = context or {}
        return action

    def action_open_objectives(self):
        self.ensure_one()
        return self._open(
            "quality_university.quality_objective_action",
            "pivot,graph,list,form",
            [("year", "=", self.year)],
        )

    def action_open_plan(self):
        self.ensure_one()
        return self._open(
            "quality_university.quality_plan_line_action",
            "graph,pivot,list,form",
            [("year", "=", self.year)],
        )

    def action_open_nonconformities(self):
        self.ensure_one()
        date_from, date_to = self._period()
        return self._open(
            "quality_university.quality_nonconformity_action",
            "pivot,graph,list,form",
            [("date", ">=", date_from), ("date", "<=", date_to)],
        )

    def action_open_actions(self):
        self.ensure_one()
        return self._open(
            "quality_university.quality_action_action",
            "graph,pivot,list,form",
            [],
        )

    def action_open_acknowledgements(self):
        self.ensure_one()
        date_from, date_to = self._period()
        return self._open(
            "quality_university.quality_document_acknowledgement_action",
            "pivot,graph,list,form",
            [("date_due", ">=", date_from), ("date_due", "<=", date_to)],
        )

    def action_open_audits(self):
        self.ensure_one()
        return self._open(
            "quality_university.quality_audit_action",
            "pivot,graph,list,form",
            [],
        )

    def action_open_complaints(self):
        self.ensure_one()
        date_from, date_to = self._period()
        return self._open(
            "quality_university.quality_complaint_action",
            "pivot,graph,list,form",
            [("date", ">=", date_from), ("date", "<=", date_to)],
        )
