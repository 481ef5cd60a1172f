import io

import xlsxwriter
from werkzeug.exceptions import BadRequest, Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError
from odoo.http import content_disposition, request
from odoo.tools import SQL


def _xlsx(filename, sheet_name, header, rows):
    """One sheet: texts through write_string (never formulas or links), numbers as
    numbers, empty cells for None."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet(sheet_name[:31])
    bold = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
    for col, title in enumerate(header):
        sheet.write_string(0, col, title, bold)
    for row_index, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if value is None or value is False:
                continue
            if isinstance(value, int | float):
                sheet.write_number(row_index, col, value)
            else:
                sheet.write_string(row_index, col, str(value))
    sheet.autofilter(0, 0, max(len(rows), 1), len(header) - 1)
    sheet.freeze_panes(1, 0)
    sheet.set_column(0, len(header) - 1, 22)
    workbook.close()
    return request.make_response(
        output.getvalue(),
        headers=[
            ("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ("Content-Disposition", content_disposition(filename)),
        ],
    )


class QualitySurveyXlsx(http.Controller):
    def _campaign(self, campaign_id):
        try:
            campaign_id = int(campaign_id)
        except (TypeError, ValueError) as error:
            raise BadRequest() from error
        if campaign_id <= 0:
            raise BadRequest()
        campaign = request.env["quality.survey.campaign"].browse(campaign_id).exists()
        if not campaign:
            raise NotFound()
        try:
            campaign.check_access("read")
        except AccessError as error:
            raise Forbidden() from error
        return campaign

    @http.route(
        "/quality_university_survey/campaign/<campaign_id>/indices.xlsx",
        type="http",
        auth="user",
        readonly=True,
    )
    def campaign_indices(self, campaign_id, **kwargs):
        """Satisfaction index per category × unit × question, as the reader may see it."""
        campaign = self._campaign(campaign_id)
        env = request.env
        results = env["quality.survey.result"].search([("campaign_id", "=", campaign.id)])
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
                campaign.name,
                campaign.academic_year,
                result.category_id.name or "",
                result.department_id.name or "",
                result.question_id.title or "",
                result.respondent_count,
                round(result.satisfaction_index, 1) if result.visibility == "shown" else too_few,
            )
            for result in results
        ]
        return _xlsx(f"survey_indices_{campaign.id}.xlsx", env._("Indices"), header, rows)

    @http.route(
        "/quality_university_survey/campaign/<campaign_id>/answers.xlsx",
        type="http",
        auth="user",
        readonly=True,
    )
    def campaign_answers(self, campaign_id, **kwargs):
        """Anonymised answers: a respondent number drawn in random order (from the
        answer's secret token), never a name, e-mail or login; the unit only where it
        has enough respondents. Scale and choice answers only: free texts may name."""
        campaign = self._campaign(campaign_id)
        env = request.env
        if not env.user.has_group("quality_university.group_quality_manager"):
            raise Forbidden()
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
                  JOIN units u ON u.department_id IS NOT DISTINCT FROM ui.quality_department_id
                 WHERE ui.quality_campaign_id = %(campaign)s AND ui.state = 'done'
                   AND ui.test_entry IS NOT TRUE AND line.skipped IS NOT TRUE
                   AND line.answer_type IN ('scale', 'suggestion')
                 ORDER BY md5(ui.access_token), q.sequence, q.id, line.id
                """,
                campaign=campaign.id,
                min_size=campaign.min_group_size,
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
        return _xlsx(f"survey_answers_{campaign.id}.xlsx", env._("Answers"), header, rows)
