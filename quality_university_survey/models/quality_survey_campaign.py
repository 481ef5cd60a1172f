import re
from collections import Counter
from datetime import timedelta

from odoo import Command, api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .survey_survey import STAKEHOLDERS

INVITATION_BATCH = 100
ACADEMIC_YEAR = re.compile(r"^(\d{4})-(\d{4})$")


class QualitySurveyCampaign(models.Model):
    _name = "quality.survey.campaign"
    _description = "Satisfaction Survey Campaign"
    _inherit = ["mail.thread", "mail.activity.mixin", "quality.workflow.mixin"]
    _order = "academic_year desc, stakeholder, id desc"
    _check_company_auto = True

    _workflow_fields = ("state", "date_closed", "date_analysed", "analysed_by_id")
    _workflow_locked_states = ("analysed",)

    name = fields.Char(string="Campaign", required=True, tracking=True)
    academic_year = fields.Char(
        required=True,
        tracking=True,
        index=True,
        help="Academic year surveyed, written 2024-2025.",
    )
    survey_id = fields.Many2one(
        "survey.survey",
        required=True,
        tracking=True,
        index=True,
        domain="[('quality_stakeholder', '!=', False)]",
    )
    stakeholder = fields.Selection(
        STAKEHOLDERS,
        string="Stakeholder Group",
        compute="_compute_stakeholder",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    department_ids = fields.Many2many(
        "hr.department",
        "quality_survey_campaign_department_rel",
        "campaign_id",
        "department_id",
        string="Target Units",
        check_company=True,
        help="Faculties, departments or programmes surveyed (with their sub-units).",
    )
    audience = fields.Selection(
        [("employees", "Employees of the target units"), ("partners", "Listed people")],
        required=True,
        default="partners",
        help="Staff surveys invite the employees of the target units; students, graduates "
        "and employers are listed as contacts with their unit.",
    )
    partner_ids = fields.Many2many(
        "res.partner",
        "quality_survey_campaign_partner_rel",
        "campaign_id",
        "partner_id",
        string="Listed People",
        help="Students, graduates or employers to invite; each contact's unit decides "
        "where the answer counts.",
    )
    date_start = fields.Date(
        string="Opens On", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(string="Closes On", required=True, tracking=True)
    anonymous = fields.Boolean(
        default=True,
        tracking=True,
        help="No report, export or view links an answer to its respondent: the identity "
        "is erased from each answer when it is submitted.",
    )
    min_group_size = fields.Integer(
        string="Minimum Group Size",
        default=lambda self: self.env.company.quality_survey_min_group_size or 5,
        tracking=True,
    )
    threshold = fields.Float(
        string="Satisfaction Threshold",
        default=lambda self: self.env.company.quality_survey_threshold or 60.0,
        tracking=True,
    )
    threshold_outcome = fields.Selection(
        [("action", "Improvement action"), ("nonconformity", "Nonconformity")],
        string="Below the Threshold",
        required=True,
        default="action",
        help="What a category below the threshold in a unit opens when the campaign is "
        "analysed: exactly one per campaign, category and unit.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("running", "Running"),
            ("closed", "Closed"),
            ("analysed", "Analysed"),
        ],
        default="draft",
        required=True,
        tracking=True,
        group_expand=True,
    )
    date_closed = fields.Date(string="Closed On", readonly=True, tracking=True)
    date_analysed = fields.Date(string="Analysed On", readonly=True, tracking=True)
    analysed_by_id = fields.Many2one("res.users", readonly=True)
    conclusion = fields.Html(help="Analysis of the results for the Academic Council.")
    invited_partner_ids = fields.Many2many(
        "res.partner",
        "quality_survey_campaign_invited_rel",
        "campaign_id",
        "partner_id",
        string="Invited People",
        readonly=True,
        help="Everybody invited so far. Which of them answered is not kept for anonymous "
        "campaigns.",
    )
    user_input_ids = fields.One2many(
        "survey.user_input", "quality_campaign_id", string="Invitations"
    )
    invited_count = fields.Integer(string="Invited", compute="_compute_counts")
    answered_count = fields.Integer(string="Answered", compute="_compute_counts")
    response_rate = fields.Float(string="Response Rate (%)", compute="_compute_counts")
    response_rate_target = fields.Float(
        string="Target Response Rate (%)", compute="_compute_response_rate_target"
    )
    action_ids = fields.One2many("quality.action", "survey_campaign_id", string="Actions")
    nonconformity_ids = fields.One2many(
        "quality.nonconformity", "survey_campaign_id", string="Nonconformities"
    )
    action_count = fields.Integer(compute="_compute_action_count")

    def init(self):
        # the list's default order
        tools.create_index(
            self.env.cr,
            "quality_survey_campaign_order_idx",
            self._table,
            ["academic_year DESC", "stakeholder", "id DESC"],
        )

    @api.depends("survey_id")
    def _compute_stakeholder(self):
        for campaign in self:
            if campaign.survey_id.quality_stakeholder:
                campaign.stakeholder = campaign.survey_id.quality_stakeholder

    def _compute_counts(self):
        groups = (
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [("quality_campaign_id", "in", self.ids), ("test_entry", "=", False)],
                ["quality_campaign_id", "state"],
                ["__count"],
            )
        )
        invited, answered = {}, {}
        for campaign, state, count in groups:
            invited[campaign.id] = invited.get(campaign.id, 0) + count
            if state == "done":
                answered[campaign.id] = answered.get(campaign.id, 0) + count
        for campaign in self:
            campaign.invited_count = invited.get(campaign.id, 0)
            campaign.answered_count = answered.get(campaign.id, 0)
            campaign.response_rate = (
                100.0 * campaign.answered_count / campaign.invited_count
                if campaign.invited_count
                else 0.0
            )

    @api.depends("stakeholder", "company_id")
    def _compute_response_rate_target(self):
        targets = {
            (t.stakeholder, t.company_id.id): t.target_rate
            for t in self.env["quality.survey.rate.target"]
            .sudo()
            .search_fetch([], ["stakeholder", "company_id", "target_rate"])
        }
        for campaign in self:
            campaign.response_rate_target = targets.get(
                (campaign.stakeholder, campaign.company_id.id), 0.0
            )

    @api.depends("action_ids", "nonconformity_ids")
    def _compute_action_count(self):
        for campaign in self:
            campaign.action_count = len(campaign.action_ids) + len(campaign.nonconformity_ids)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for campaign in self:
            if campaign.date_end < campaign.date_start:
                raise ValidationError(
                    self.env._("Campaign %(name)s closes before it opens.", name=campaign.name)
                )

    @api.constrains("academic_year")
    def _check_academic_year(self):
        for campaign in self:
            match = ACADEMIC_YEAR.match(campaign.academic_year or "")
            if not match or int(match.group(2)) != int(match.group(1)) + 1:
                raise ValidationError(
                    self.env._("Write the academic year as two consecutive years, e.g. 2024-2025.")
                )

    @api.constrains("min_group_size", "threshold", "name")
    def _check_settings(self):
        for campaign in self:
            if campaign.min_group_size < 1:
                raise ValidationError(self.env._("The minimum group size is at least 1."))
            if not 0 <= campaign.threshold <= 100:
                raise ValidationError(
                    self.env._("The satisfaction threshold lies between 0 and 100.")
                )
            if not (campaign.name or "").strip():
                raise ValidationError(self.env._("Give the campaign a name."))

    # transitions ---------------------------------------------------------------

    def action_start(self):
        self._check_transition(
            from_states=("draft",), group="quality_university.group_quality_manager"
        )
        for campaign in self:
            if not campaign.survey_id.question_ids.filtered(
                lambda q: q.question_type == "scale" and q.quality_category_id
            ):
                raise UserError(
                    self.env._(
                        "The survey of %(name)s has no scale question with a category: "
                        "there would be no satisfaction index.",
                        name=campaign.name,
                    )
                )
        self._workflow_write({"state": "running"})
        self._send_invitations()
        return True

    def action_send_invitations(self):
        """Invite the people of the audience not invited yet (new students, staff)."""
        self._check_transition(
            from_states=("running",), group="quality_university.group_quality_manager"
        )
        self._send_invitations()
        return True

    def action_remind(self):
        """Remind everybody invited who has not submitted the survey yet."""
        self._check_transition(
            from_states=("running",), group="quality_university.group_quality_manager"
        )
        template = self.env.ref("quality_university_survey.mail_template_campaign_reminder")
        for campaign in self:
            pending = (
                self.env["survey.user_input"]
                .sudo()
                .search(
                    [
                        ("quality_campaign_id", "=", campaign.id),
                        ("state", "!=", "done"),
                        ("test_entry", "=", False),
                    ]
                )
            )
            for start in range(0, len(pending), INVITATION_BATCH):
                batch = pending[start : start + INVITATION_BATCH]
                invite = self.env["survey.invite"].create(
                    {
                        "survey_id": campaign.survey_id.id,
                        "template_id": template.id,
                        "partner_ids": [Command.set(batch.partner_id.ids)],
                        "deadline": fields.Datetime.to_datetime(campaign.date_end),
                    }
                )
                for answer in batch:
                    invite._send_mail(answer)
            campaign.message_post(
                body=self.env._(
                    "Reminder sent to %(count)s people who have not answered yet.",
                    count=len(pending),
                )
            )
        return True

    def action_close(self):
        self._check_transition(
            from_states=("running",), group="quality_university.group_quality_manager"
        )
        self._workflow_write({"state": "closed", "date_closed": fields.Date.context_today(self)})
        return True

    def action_analyse(self):
        """Analyse the results: open one improvement action or nonconformity per
        category and unit below the threshold. Running it again opens nothing twice."""
        self._check_transition(
            from_states=("closed", "analysed"), group="quality_university.group_quality_manager"
        )
        self._workflow_write(
            {
                "state": "analysed",
                "date_analysed": fields.Date.context_today(self),
                "analysed_by_id": self.env.user.id,
            }
        )
        self._open_threshold_actions()
        return True

    def action_open_results(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_university_survey.quality_survey_result_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"search_default_group_category": 1}
        return action

    @api.readonly
    def action_export_indices(self):
        """Only hands over the download URL: a read replica can answer."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/quality_university_survey/campaign/{self.id}/indices.xlsx",
            "target": "download",
        }

    @api.readonly
    def action_export_answers(self):
        """Only hands over the download URL: a read replica can answer."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/quality_university_survey/campaign/{self.id}/answers.xlsx",
            "target": "download",
        }

    def action_open_actions(self):
        self.ensure_one()
        if self.threshold_outcome == "nonconformity":
            action = self.env["ir.actions.act_window"]._for_xml_id(
                "quality_university.quality_nonconformity_action"
            )
        else:
            action = self.env["ir.actions.act_window"]._for_xml_id(
                "quality_university.quality_action_action"
            )
        action["domain"] = [("survey_campaign_id", "=", self.id)]
        action["context"] = {}
        return action

    # business ------------------------------------------------------------------

    def _audience_units(self):
        """{partner: unit} of the people this campaign invites."""
        self.ensure_one()
        units = self.env["hr.department"].search([("id", "child_of", self.department_ids.ids)])
        if self.audience == "employees":
            employees = (
                self.env["hr.employee"]
                .sudo()
                .search(
                    [("department_id", "in", units.ids), ("company_id", "=", self.company_id.id)]
                )
            )
            return {
                employee.work_contact_id: employee.department_id
                for employee in employees
                if employee.work_contact_id
            }
        partners = self.partner_ids
        if self.department_ids:
            partners = partners.filtered(lambda p: p.quality_department_id in units)
        return {partner: partner.quality_department_id for partner in partners}

    def _send_invitations(self):
        """Invite the audience in batches through survey's own invitation wizard; each
        answer it creates carries the campaign and the respondent's unit."""
        template = self.env.ref("survey.mail_template_user_input_invite")
        for campaign in self:
            audience = campaign._audience_units()
            invited = campaign.invited_partner_ids
            by_unit = {}
            for partner, unit in audience.items():
                if partner not in invited:
                    by_unit.setdefault(unit, self.env["res.partner"])
                    by_unit[unit] |= partner
            count = 0
            for unit, partners in by_unit.items():
                for start in range(0, len(partners), INVITATION_BATCH):
                    batch = partners[start : start + INVITATION_BATCH]
                    invite = (
                        self.env["survey.invite"]
                        .with_context(
                            quality_campaign_id=campaign.id, quality_department_id=unit.id
                        )
                        .create(
                            {
                                "survey_id": campaign.survey_id.id,
                                "template_id": template.id,
                                "partner_ids": [Command.set(batch.ids)],
                                "existing_mode": "new",
                                "deadline": fields.Datetime.to_datetime(
                                    campaign.date_end + timedelta(days=1)
                                ),
                            }
                        )
                    )
                    invite.action_invite()
                    count += len(batch)
            new = self.env["res.partner"].union(*by_unit.values())
            if new:
                campaign.invited_partner_ids = [Command.link(partner_id) for partner_id in new.ids]
            if count:
                campaign.message_post(
                    body=self.env._("Invitations sent to %(count)s people.", count=count)
                )
                campaign.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=campaign.date_end,
                    summary=self.env._("Close the campaign and analyse its results"),
                    user_id=campaign.user_id.id,
                )

    def _category_indices(self):
        """{(campaign, category, unit): index} of the groups shown (enough respondents),
        one grouped query over the reporting view."""
        groups = (
            self.env["quality.survey.result"]
            .sudo()
            ._read_group(
                [
                    ("campaign_id", "in", self.ids),
                    ("visibility", "=", "shown"),
                    ("category_id", "!=", False),
                ],
                ["campaign_id", "category_id", "department_id"],
                ["satisfaction_index:avg"],
            )
        )
        return {(c, cat, unit): index for c, cat, unit, index in groups}

    def _open_threshold_actions(self):
        indices = self._category_indices()
        Action = self.env["quality.action"].sudo()
        Nonconformity = self.env["quality.nonconformity"].sudo()
        opened = {
            (rec.survey_campaign_id.id, rec.survey_category_id.id, rec.department_id.id)
            for records in (
                Action.search([("survey_campaign_id", "in", self.ids)]),
                Nonconformity.search([("survey_campaign_id", "in", self.ids)]),
            )
            for rec in records
        }
        today = fields.Date.context_today(self)
        process = self.env.ref("quality_university.process_8_2_1", raise_if_not_found=False)
        action_vals, nc_vals = [], []
        for (campaign, category, unit), index in sorted(
            indices.items(), key=lambda item: (item[0][0].id, item[0][1].id, item[0][2].id)
        ):
            key = (campaign.id, category.id, unit.id)
            if index is None or index >= campaign.threshold or key in opened or not unit:
                continue
            opened.add(key)
            description = self.env._(
                "%(campaign)s: the satisfaction index of «%(category)s» in %(unit)s is "
                "%(index).1f, below the threshold %(threshold).1f.",
                campaign=campaign.name,
                category=category.name,
                unit=unit.name,
                index=index,
                threshold=campaign.threshold,
            )
            link = {
                "survey_campaign_id": campaign.id,
                "survey_category_id": category.id,
                "survey_index": index,
                "company_id": campaign.company_id.id,
            }
            if campaign.threshold_outcome == "nonconformity":
                nc_vals.append(
                    {
                        **link,
                        "source": "survey",
                        "department_id": unit.id,
                        "process_id": process.id if process else False,
                        "description": description,
                        "severity": "minor",
                    }
                )
            else:
                action_vals.append(
                    {
                        **link,
                        "name": self.env._(
                            "Improve «%(category)s» in %(unit)s",
                            category=category.name,
                            unit=unit.name,
                        ),
                        "action_type": "improvement",
                        "department_id": unit.id,
                        "responsible_id": (unit.manager_id.user_id or campaign.user_id).id,
                        "date_deadline": today + timedelta(days=90),
                        "tasks": description,
                    }
                )
        actions = Action.create(action_vals) if action_vals else Action
        nonconformities = Nonconformity.create(nc_vals) if nc_vals else Nonconformity
        # one note on each campaign that opened some, logged in one batch
        opened_count = Counter(record.survey_campaign_id.id for record in actions) + Counter(
            record.survey_campaign_id.id for record in nonconformities
        )
        self.browse(list(opened_count))._message_log_batch(
            {
                campaign_id: self.env._(
                    "The analysis opened %(count)s improvement actions or "
                    "nonconformities for categories below the threshold.",
                    count=count,
                )
                for campaign_id, count in opened_count.items()
            }
        )
        return actions, nonconformities

    def _previous_campaign(self):
        """The campaign of the same stakeholder group and survey the year before."""
        self.ensure_one()
        return self.search(
            [
                ("stakeholder", "=", self.stakeholder),
                ("company_id", "=", self.company_id.id),
                ("academic_year", "<", self.academic_year),
                ("state", "in", ("closed", "analysed")),
            ],
            order="academic_year desc, id desc",
            limit=1,
        )

    def _summary_data(self):
        """The figures of the Academic Council summary and the XLSX of indices, as the
        reader may see them: rows of the reporting views (record rules apply), small
        groups marked "too few responses", the previous year's indices alongside."""
        self.ensure_one()
        Result = self.env["quality.survey.result"]
        previous = self._previous_campaign()
        campaigns = self | previous
        by_category = {
            (campaign, category): index
            for campaign, category, index in Result._read_group(
                [
                    ("campaign_id", "in", campaigns.ids),
                    ("visibility", "=", "shown"),
                    ("category_id", "!=", False),
                ],
                ["campaign_id", "category_id"],
                ["satisfaction_index:avg"],
            )
        }
        cells = Result._read_group(
            [("campaign_id", "=", self.id)],
            ["category_id", "department_id", "visibility"],
            ["satisfaction_index:avg", "respondent_count:max"],
        )
        units = {}
        for category, unit, visibility, index, respondents in cells:
            units.setdefault(unit, {})[category] = {
                "index": index if visibility == "shown" else None,
                "respondents": respondents,
            }
        categories = (
            self.env["quality.survey.category"]
            .browse(sorted({category.id for category, *__ in cells if category}))
            .sorted()
        )
        rates = self.env["quality.survey.response"]._read_group(
            [("campaign_id", "=", self.id)],
            ["department_id"],
            ["invited_count:sum", "answered_count:sum"],
        )
        return {
            "previous": previous,
            "categories": [
                {
                    "category": category,
                    "index": by_category.get((self, category)),
                    "previous": by_category.get((previous, category)) if previous else None,
                }
                for category in categories
            ],
            "units": sorted(
                (
                    {"unit": unit, "cells": cells_by_category}
                    for unit, cells_by_category in units.items()
                ),
                key=lambda row: row["unit"].display_name or "",
            ),
            "rates": [
                {
                    "unit": unit,
                    "invited": int(invited),
                    "answered": int(answered),
                    "rate": 100.0 * answered / invited if invited else 0.0,
                }
                for unit, invited, answered in rates
            ],
            "target": self.response_rate_target,
        }

    def _indices_rows(self):
        """Header and rows of the XLSX of indices, as the reader may see them (record
        rules apply): one row per category × unit × question, small groups marked "too
        few responses". One query for the rows, one for each kind of name."""
        self.ensure_one()
        env = self.env
        results = env["quality.survey.result"].search_fetch(
            [("campaign_id", "=", self.id)],
            [
                "category_id",
                "department_id",
                "question_id",
                "respondent_count",
                "satisfaction_index",
                "visibility",
            ],
        )
        too_few = env._("too few responses")
        header = [
            env._("Campaign"),
            env._("Academic Year"),
            env._("Category"),
            env._("Unit"),
            env._("Question"),
            env._("Respondents"),
            env._("Satisfaction Index"),
        ]
        rows = [
            (
                self.name,
                self.academic_year,
                result.category_id.name or "",
                result.department_id.name or "",
                result.question_id.title or "",
                result.respondent_count,
                round(result.satisfaction_index, 1) if result.visibility == "shown" else too_few,
            )
            for result in results
        ]
        return header, rows

    def _answers_rows(self):
        """Header and rows of the anonymised answers: a respondent number drawn in random
        order (from the answer's secret token), never a name, e-mail or login; the unit
        only where it has enough respondents. Scale and choice answers only: free texts
        may name. The quality office's alone (the shared workflow guard): the answers are
        read past record rules."""
        self.ensure_one()
        env = self.env
        self._check_transition(group="quality_university.group_quality_manager")
        env["survey.user_input"].flush_model()
        env["survey.user_input.line"].flush_model()
        env.cr.execute(
            SQL(
                """
                WITH units AS (
                    SELECT quality_department_id AS department_id, count(*) AS respondents
                      FROM survey_user_input
                     WHERE quality_campaign_id = %(campaign)s AND state = 'done'
                       AND test_entry IS NOT TRUE
                     GROUP BY quality_department_id
                )
                SELECT md5(ui.access_token) AS respondent,
                       CASE WHEN u.respondents >= %(min_size)s
                            THEN ui.quality_department_id END AS department_id,
                       line.question_id,
                       line.value_scale,
                       line.suggested_answer_id
                  FROM survey_user_input_line line
                  JOIN survey_user_input ui ON ui.id = line.user_input_id
                  JOIN survey_question q ON q.id = line.question_id
                  -- an equality (not IS NOT DISTINCT FROM) lets the planner hash-join,
                  -- whatever the table statistics (e.g. just after a large import)
                  JOIN units u
                    ON COALESCE(u.department_id, 0) = COALESCE(ui.quality_department_id, 0)
                 WHERE ui.quality_campaign_id = %(campaign)s AND ui.state = 'done'
                   AND ui.test_entry IS NOT TRUE AND line.skipped IS NOT TRUE
                   AND line.answer_type IN ('scale', 'suggestion')
                 ORDER BY md5(ui.access_token), q.sequence, q.id, line.id
                """,
                campaign=self.id,
                min_size=self.min_group_size,
            )
        )
        lines = env.cr.fetchall()
        questions = env["survey.question"].sudo().browse({line[2] for line in lines})
        suggestions = (
            env["survey.question.answer"].sudo().browse({line[4] for line in lines if line[4]})
        )
        units = env["hr.department"].sudo().browse({line[1] for line in lines if line[1]})
        titles = {q.id: (q.title or "", q.quality_category_id.name or "") for q in questions}
        labels = {s.id: s.value or "" for s in suggestions}
        unit_names = {u.id: u.name for u in units}
        numbers = {}
        too_few = env._("too few responses")
        rows = []
        for respondent, unit_id, question_id, value_scale, suggestion_id in lines:
            number = numbers.setdefault(respondent, len(numbers) + 1)
            title, category = titles[question_id]
            rows.append(
                (
                    number,
                    unit_names.get(unit_id, too_few),
                    category,
                    title,
                    labels[suggestion_id] if suggestion_id else value_scale,
                )
            )
        header = [
            env._("Respondent No."),
            env._("Unit"),
            env._("Category"),
            env._("Question"),
            env._("Answer"),
        ]
        return header, rows

    # demo --------------------------------------------------------------------

    @api.model
    def _demo_run(self, analysed_ids, running_ids):
        """Demo story: the student campaigns of two years are answered (batched
        creates), closed and analysed; the staff campaign runs. Learning resources of
        the information systems department drop below the threshold in the second year."""
        analysed = self.browse(analysed_ids)
        running = self.browse(running_ids)
        (analysed | running).with_context(mail_notrack=True).action_start()
        low_unit = self.env.ref("quality_university.dep_information_systems")
        resources = self.env.ref("quality_university_survey.category_resources")
        for year_index, campaign in enumerate(analysed.sorted("academic_year")):
            by_unit = {}
            for answer in campaign.user_input_ids.sorted("id"):
                by_unit.setdefault(answer.quality_department_id, []).append(answer)
            answered = self.env["survey.user_input"]
            for unit_answers in by_unit.values():
                # in the larger programmes one student does not answer
                keep = unit_answers[:-1] if len(unit_answers) >= 7 else unit_answers
                answered |= self.env["survey.user_input"].union(*keep)
            questions = campaign.survey_id.question_ids.filtered(
                lambda q: q.question_type == "scale"
            )
            line_vals = []
            # six answers of a programme spread around its level without moving its mean
            spread = (0, 1, -1, 0, -1, 1)
            for position, answer in enumerate(answered):
                for question in questions:
                    unit_id = answer.quality_department_id.id
                    # 4 (index 75) or 5 (about 92) by programme, question and year
                    level = 4 + (unit_id + question.id + year_index) % 3 // 2
                    if (
                        question.quality_category_id == resources
                        and answer.quality_department_id == low_unit
                    ):
                        level = 4 if year_index == 0 else 3  # 75, then 50
                    line_vals.append(
                        {
                            "user_input_id": answer.id,
                            "question_id": question.id,
                            "answer_type": "scale",
                            "value_scale": min(5, max(1, level + spread[position % 6])),
                        }
                    )
            self.env["survey.user_input.line"].create(line_vals)
            answered._mark_done()
        analysed.action_close()
        analysed.action_analyse()
        return True
