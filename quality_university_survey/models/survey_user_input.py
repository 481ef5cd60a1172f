from odoo import SUPERUSER_ID, api, fields, models, tools


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    quality_campaign_id = fields.Many2one(
        "quality.survey.campaign",
        string="Survey Campaign",
        readonly=True,
        index="btree_not_null",
        ondelete="cascade",
    )
    quality_department_id = fields.Many2one(
        "hr.department", string="Respondent's Unit", readonly=True, index="btree_not_null"
    )

    def init(self):
        res = super().init()
        # survey's Participations list opens in this order (create_date desc) over the
        # answers of every campaign and year: read its first page from an index
        tools.create_index(
            self.env.cr, "survey_user_input_create_date_idx", self._table, ["create_date DESC"]
        )
        return res

    def _mark_done(self):
        result = super()._mark_done()
        self.filtered(lambda answer: answer.quality_campaign_id.anonymous)._quality_anonymise()
        return result

    def _quality_anonymise(self):
        """Cut every link between a submitted answer of an anonymous campaign and its
        respondent: partner, e-mail, nickname, the users who created and wrote it (the
        respondent's own user when logged in), its followers and messages, and the
        invitation e-mails still queued with its link. The unit stays:
        results are reported per unit only above the campaign's minimum group size."""
        if not self:
            return
        ids = tuple(self.ids)
        # invitations and reminders still waiting in the mail queue carry the answer's link
        patterns = [f"%{token}%" for token in self.mapped("access_token") if token]
        self.env["mail.mail"].flush_model(["body_html"])
        self.env.cr.execute(
            "SELECT id FROM mail_mail WHERE body_html LIKE ANY(%s)", (patterns or [""],)
        )
        queued = [row[0] for row in self.env.cr.fetchall()]
        if queued:
            self.env["mail.mail"].sudo().browse(queued).unlink()
        self.flush_recordset()
        self.env["survey.user_input.line"].flush_model()
        cr = self.env.cr
        cr.execute(
            """UPDATE survey_user_input
                  SET partner_id = NULL, email = NULL, nickname = NULL,
                      create_uid = %s, write_uid = %s
                WHERE id IN %s""",
            (SUPERUSER_ID, SUPERUSER_ID, ids),
        )
        cr.execute(
            """UPDATE survey_user_input_line SET create_uid = %s, write_uid = %s
                WHERE user_input_id IN %s""",
            (SUPERUSER_ID, SUPERUSER_ID, ids),
        )
        cr.execute(
            "DELETE FROM mail_followers WHERE res_model = 'survey.user_input' AND res_id IN %s",
            (ids,),
        )
        cr.execute(
            "DELETE FROM mail_message WHERE model = 'survey.user_input' AND res_id IN %s",
            (ids,),
        )
        self.invalidate_recordset()
        self.env["survey.user_input.line"].invalidate_model()
        self.env["mail.followers"].invalidate_model()

    @api.model
    def _quality_campaign_answer_values(self):
        context = self.env.context
        values = {}
        if context.get("quality_campaign_id"):
            values["quality_campaign_id"] = context["quality_campaign_id"]
            values["quality_department_id"] = context.get("quality_department_id") or False
        return values
