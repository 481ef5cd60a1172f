"""Stakeholder satisfaction surveys: a yearly campaign of five stakeholder groups.

The campaigns run through the addon's own flow (created, started: survey's invitation
wizard invites two contacts of every unit; one of them answers through survey's
`_mark_done`, which anonymises the answer); the bulk of the answers is cloned from those
answered and pending invitations through the ORM's cursor, with everything the reporting
views read: the campaign, the respondent's unit, the state and the stored related fields
of each answer line (survey, question sequence). The campaigns are then closed, ready to
be analysed.
"""

from bench import clone_rows, create_users, first_page

YEAR = "2025-2026"
# share of the answers of each stakeholder group, and their survey
STAKEHOLDERS = {
    "student": (0.5, "quality_university_survey.template_student"),
    "teacher": (0.15, "quality_university_survey.template_staff"),
    "staff": (0.1, None),  # a copy of the teaching staff's survey
    "graduate": (0.15, "quality_university_survey.template_graduate"),
    "employer": (0.1, "quality_university_survey.template_employer"),
}
RESPONSE_RATE = 0.7  # answered / invited
CHUNK = 5000  # answers cloned per INSERT


def generate(env, size, info):
    from odoo import Command

    units = env["hr.department"].browse(info["unit_ids"])
    faculties = units.filtered(lambda unit: not unit.parent_id)
    office = create_users(
        env,
        [
            {
                "name": "Quality Office",
                "login": "survey_office",
                "email": "quality.office@bench.example.edu",
                "groups": ["quality_university.group_quality_manager"],
            }
        ],
    )
    surveys = {
        stakeholder: env.ref(xmlid) if xmlid else None
        for stakeholder, (__, xmlid) in STAKEHOLDERS.items()
    }
    # the administrative staff answer a copy of the staff survey
    surveys["staff"] = surveys["teacher"].copy({"quality_stakeholder": "staff"})
    surveys["staff"].title = "Administrative staff satisfaction"
    # two contacts of every unit per stakeholder group: one answers, one does not
    partners = env["res.partner"].create(
        [
            {
                "name": f"Respondent {stakeholder} {unit.id}-{index}",
                "email": f"{stakeholder}.{unit.id}.{index}@bench.example.edu",
                "quality_department_id": unit.id,
            }
            for stakeholder in STAKEHOLDERS
            for unit in units
            for index in range(2)
        ]
    )
    Campaign = env["quality.survey.campaign"].with_user(office)
    campaigns = Campaign.create(
        [
            {
                "name": f"{survey.title} {YEAR}",
                "academic_year": YEAR,
                "survey_id": survey.id,
                "user_id": office.id,
                "audience": "partners",
                "department_ids": [Command.set(faculties.ids)],
                "partner_ids": [
                    Command.set(
                        partners.filtered(
                            lambda p, s=stakeholder: p.name.startswith(f"Respondent {s} ")
                        ).ids
                    )
                ],
                "date_start": "2026-03-01",
                "date_end": "2026-04-30",
            }
            for stakeholder, survey in surveys.items()
        ]
    )
    campaigns.action_start()
    # the first invitation of each unit answers every scale question
    answered = env["survey.user_input"]
    line_vals = []
    for campaign in campaigns:
        questions = _scale_questions(campaign.survey_id)
        seen = set()
        for answer in campaign.user_input_ids.sorted("id"):
            if answer.quality_department_id in seen:
                continue
            seen.add(answer.quality_department_id)
            answered |= answer
            answer.predefined_question_ids = [Command.set(questions.ids)]
            line_vals += [
                {
                    "user_input_id": answer.id,
                    "question_id": question.id,
                    "answer_type": "scale",
                    "value_scale": 4,
                }
                for question in questions
            ]
    env["survey.user_input.line"].create(line_vals)
    answered._mark_done()
    env.flush_all()
    info = {
        "survey_office_login": office.login,
        "survey_campaign_ids": campaigns.ids,
        "survey_unit_ids": units.ids,
    }
    _clone_answers(env, size["survey_answers"], info, "b")
    campaigns.action_close()
    env.flush_all()
    return info


def grow(env, size, info):
    """As many units again (under the same faculties) and as many answers again, spread
    over the old and the new units: the results double."""
    units = env["hr.department"].browse(info["survey_unit_ids"])
    faculties = units.filtered(lambda unit: not unit.parent_id)
    new_units = env["hr.department"].create(
        [
            {
                "name": f"Grown department {index}",
                "quality_unit_type": "department",
                "parent_id": faculties[index % len(faculties)].id,
            }
            for index in range(len(units))
        ]
    )
    env.flush_all()
    info["survey_unit_ids"] = units.ids + new_units.ids
    _clone_answers(env, size["survey_answers"], info, "g")


def _scale_questions(survey):
    return survey.question_ids.filtered(
        lambda q: q.question_type == "scale" and q.quality_category_id
    ).sorted(lambda q: (q.sequence, q.id))


def _clone_answers(env, count, info, tag):
    """About `count` answer lines over the campaigns (by stakeholder share) and units,
    cloned from each campaign's answered and pending invitation; 30 % of those invited
    do not answer. Each unit's answers lean to 4 of 5, a few categories of some units
    to 3 (below the default threshold)."""
    cr = env.cr
    unit_ids = info["survey_unit_ids"]
    units = len(unit_ids)
    campaigns = env["quality.survey.campaign"].browse(info["survey_campaign_ids"])
    for campaign in campaigns:
        share = STAKEHOLDERS[campaign.stakeholder][0]
        questions = _scale_questions(campaign.survey_id)
        respondents = max(int(count * share / len(questions)), 1)
        cr.execute(
            "SELECT id, state FROM survey_user_input WHERE quality_campaign_id = %s "
            "ORDER BY state = 'done' DESC, id",
            (campaign.id,),
        )
        templates = {state: answer_id for answer_id, state in reversed(cr.fetchall())}
        done_id, pending_id = templates["done"], templates["new"]
        cr.execute(
            "SELECT question_id, id FROM survey_user_input_line WHERE user_input_id = %s",
            (done_id,),
        )
        template_lines = dict(cr.fetchall())
        token = f"'{tag}-{campaign.id}-'"
        for start in range(0, respondents, CHUNK):
            part = min(CHUNK, respondents - start)
            # g of this chunk is answer number start + g: its unit is fixed by it
            unit = f"(({start} + g) % {units})"
            input_ids = clone_rows(
                cr,
                "survey_user_input",
                done_id,
                part,
                {
                    "access_token": f"md5({token} || ({start} + g))",
                    "quality_department_id": f"(ARRAY{unit_ids})[1 + {unit}]",
                    "create_date": "t.create_date + (g % 3600) * interval '1 second'",
                    "write_date": "t.write_date + (g % 3600) * interval '1 second'",
                    "end_datetime": "t.end_datetime + (g % 86400) * interval '1 minute'",
                },
            )
            cr.execute(
                "INSERT INTO survey_question_survey_user_input_rel "
                "(survey_user_input_id, survey_question_id) "
                "SELECT i, q FROM unnest(%s::int[]) i, unnest(%s::int[]) q",
                (input_ids, questions.ids),
            )
            for position, question in enumerate(questions):
                level = f"4 - (({unit} + 2 * {position}) % 4 = 0)::int"
                spread = (
                    f"CASE (g * 37) % 5 WHEN 0 THEN -1 WHEN 4 THEN 1 WHEN 2 THEN {position % 2} "
                    "ELSE 0 END"
                )
                clone_rows(
                    cr,
                    "survey_user_input_line",
                    template_lines[question.id],
                    part,
                    {
                        "user_input_id": f"(ARRAY{input_ids})[g]",
                        "value_scale": f"LEAST(5, GREATEST(1, {level} + {spread}))",
                        "create_date": "t.create_date + (g % 3600) * interval '1 second'",
                        "write_date": "t.write_date + (g % 3600) * interval '1 second'",
                    },
                )
        pending = int(respondents * (1 - RESPONSE_RATE) / RESPONSE_RATE)
        if pending:
            clone_rows(
                cr,
                "survey_user_input",
                pending_id,
                pending,
                {
                    "access_token": f"md5({token} || 'p' || g)",
                    "quality_department_id": f"(ARRAY{unit_ids})[1 + g % {units}]",
                    "partner_id": "NULL",
                    "email": f"'invited' || g || '.' || {token} || '@bench.example.edu'",
                    "nickname": "NULL",
                },
            )
    cr.execute("ANALYZE survey_user_input")
    cr.execute("ANALYZE survey_user_input_line")
    env.invalidate_all()


def operations(env, info):
    """(name, ORM operation, floor SQL, params), as bench.operations()."""
    from odoo.addons.quality_university.controllers.xlsx import xlsx_content

    office = env["res.users"].search([("login", "=", info["survey_office_login"])])
    campaigns = env["quality.survey.campaign"].browse(info["survey_campaign_ids"])
    campaign = campaigns.filtered(lambda c: c.stakeholder == "student")
    survey = campaign.survey_id
    Result = env["quality.survey.result"].with_user(office)
    answers_spec = {
        "create_date": {},
        "survey_id": {"fields": {"display_name": {}}},
        "nickname": {},
        "partner_id": {"fields": {"display_name": {}}},
        "email": {},
        "attempts_number": {},
        "deadline": {},
        "test_entry": {},
        "scoring_success": {},
        "scoring_percentage": {},
        "state": {},
    }
    lines_spec = {
        "user_input_id": {"fields": {"display_name": {}}},
        "question_id": {"fields": {"display_name": {}}},
        "create_date": {},
        "answer_type": {},
        "skipped": {},
    }
    survey_types = ("assessment", "custom", "live_session", "survey")

    def indices_xlsx(env):
        header, rows = campaign.with_user(office)._indices_rows()
        return xlsx_content("Indices", header, rows)

    def answers_xlsx(env):
        header, rows = campaign.with_user(office)._answers_rows()
        return xlsx_content("Answers", header, rows)

    return [
        (
            "survey index by category and unit",
            lambda env: Result.web_read_group(
                [("academic_year", "=", YEAR)],
                ["satisfaction_index:avg", "respondent_count:max"],
                ["stakeholder", "category_id", "department_id"],
                lazy=False,
            ),
            "SELECT r.stakeholder, r.category_id, r.department_id, avg(r.satisfaction_index), "
            "max(r.respondent_count), count(*) FROM quality_survey_result r "
            "LEFT JOIN quality_survey_category cat ON cat.id = r.category_id "
            "LEFT JOIN hr_department dep ON dep.id = r.department_id "
            "WHERE r.academic_year = %s GROUP BY r.stakeholder, r.category_id, cat.sequence, "
            "r.department_id, dep.name "
            "ORDER BY r.stakeholder, cat.sequence, r.category_id, dep.name->>'en_US'",
            (YEAR,),
        ),
        (
            "analyse the year's campaigns: actions below the threshold",
            lambda env: campaigns.with_user(office).action_analyse(),
            "SELECT r.campaign_id, r.category_id, r.department_id, avg(r.satisfaction_index) "
            "FROM quality_survey_result r JOIN quality_survey_campaign c ON c.id = r.campaign_id "
            "WHERE r.campaign_id = ANY(%s) AND r.visibility = 'shown' "
            "AND r.category_id IS NOT NULL "
            "GROUP BY r.campaign_id, r.category_id, r.department_id "
            "HAVING avg(r.satisfaction_index) < min(c.threshold)",
            (campaigns.ids,),
        ),
        (
            "council summary of a campaign (indices, last year's, rates)",
            lambda env: campaign.with_user(office)._summary_data(),
            "SELECT r.category_id, r.department_id, r.visibility, avg(r.satisfaction_index), "
            "max(r.respondent_count), (SELECT sum(invited_count) FROM quality_survey_response "
            "WHERE campaign_id = %(c)s) FROM quality_survey_result r "
            "WHERE r.campaign_id = %(c)s GROUP BY r.category_id, r.department_id, r.visibility",
            {"c": campaign.id},
        ),
        (
            "survey indices XLSX of a campaign",
            indices_xlsx,
            "SELECT c.name, c.academic_year, cat.name->>'en_US', dep.name->>'en_US', "
            "q.title->>'en_US', r.respondent_count, round(r.satisfaction_index, 1), "
            "r.visibility FROM quality_survey_result r "
            "JOIN quality_survey_campaign c ON c.id = r.campaign_id "
            "LEFT JOIN quality_survey_category cat ON cat.id = r.category_id "
            "LEFT JOIN hr_department dep ON dep.id = r.department_id "
            "JOIN survey_question q ON q.id = r.question_id "
            "WHERE r.campaign_id = %s "
            "ORDER BY cat.sequence, cat.id, dep.name->>'en_US', dep.id, q.sequence, q.id",
            (campaign.id,),
        ),
        (
            "survey answers XLSX of a campaign (anonymised)",
            answers_xlsx,
            "WITH units AS (SELECT quality_department_id AS department_id, count(*) AS n "
            "FROM survey_user_input WHERE quality_campaign_id = %(c)s AND state = 'done' "
            "AND test_entry IS NOT TRUE GROUP BY quality_department_id) "
            "SELECT md5(ui.access_token), CASE WHEN u.n >= %(m)s THEN dep.name->>'en_US' END, "
            "cat.name->>'en_US', q.title->>'en_US', line.value_scale "
            "FROM survey_user_input_line line "
            "JOIN survey_user_input ui ON ui.id = line.user_input_id "
            "JOIN survey_question q ON q.id = line.question_id "
            "LEFT JOIN quality_survey_category cat ON cat.id = q.quality_category_id "
            "LEFT JOIN hr_department dep ON dep.id = ui.quality_department_id "
            "JOIN units u ON u.department_id IS NOT DISTINCT FROM ui.quality_department_id "
            "WHERE ui.quality_campaign_id = %(c)s AND ui.state = 'done' "
            "AND ui.test_entry IS NOT TRUE AND line.skipped IS NOT TRUE "
            "AND line.answer_type IN ('scale', 'suggestion') "
            "ORDER BY md5(ui.access_token), q.sequence, q.id, line.id",
            {"c": campaign.id, "m": campaign.min_group_size},
        ),
        (
            "completed answers of the year's campaigns, first page",
            first_page(
                "survey.user_input",
                answers_spec,
                [("quality_campaign_id", "in", campaigns.ids), ("state", "=", "done")],
                office,
            ),
            "SELECT ui.id, ui.create_date, s.title->>'en_US', ui.nickname, ui.email, "
            "ui.deadline, ui.scoring_success, ui.scoring_percentage, ui.state "
            "FROM survey_user_input ui JOIN survey_survey s ON s.id = ui.survey_id "
            "WHERE ui.quality_campaign_id = ANY(%s) AND ui.state = 'done' "
            "ORDER BY ui.create_date DESC LIMIT 80",
            (campaigns.ids,),
        ),
        (
            "detailed answers of a survey, first page",
            first_page(
                "survey.user_input.line",
                lines_spec,
                [("survey_id.survey_type", "in", survey_types), ("survey_id", "=", survey.id)],
                office,
            ),
            "SELECT line.id, s.title->>'en_US', q.title->>'en_US', line.create_date, "
            "line.answer_type, line.skipped FROM survey_user_input_line line "
            "JOIN survey_survey s ON s.id = line.survey_id "
            "JOIN survey_question q ON q.id = line.question_id "
            "WHERE line.survey_id = %s "
            "ORDER BY line.question_sequence, line.id LIMIT 80",
            (survey.id,),
        ),
    ]
