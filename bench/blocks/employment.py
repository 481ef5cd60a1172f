"""Graduate employability: five graduation years of graduates over every kafedra's
programmes, their outcomes at the checkpoints, and what the quality office opens: the
analysis by department, the yearly report of a faculty (XLSX and PDF) and the list."""

from bench import clone_rows, create_users, first_page

FIRST_YEAR, LAST_YEAR = 2021, 2025
YEARS = LAST_YEAR - FIRST_YEAR + 1
# the outcome a hundredth of the graduates reports at each checkpoint (months after)
SHARES = {
    0: {
        "employed_specialty": 24,
        "employed_other": 10,
        "self_employed": 2,
        "further_study": 9,
        "military": 4,
        "volunteer": 1,
        "parental_leave": 2,
        "seeking": 32,
        "not_seeking": 4,
        "no_information": 12,
    },
    6: {
        "employed_specialty": 34,
        "employed_other": 13,
        "self_employed": 3,
        "further_study": 9,
        "military": 4,
        "volunteer": 1,
        "parental_leave": 3,
        "seeking": 19,
        "not_seeking": 4,
        "no_information": 10,
    },
    12: {
        "employed_specialty": 40,
        "employed_other": 14,
        "self_employed": 4,
        "further_study": 9,
        "military": 4,
        "volunteer": 1,
        "parental_leave": 3,
        "seeking": 12,
        "not_seeking": 4,
        "no_information": 9,
    },
}
LIST_FIELDS = (
    "student_code",
    "name",
    "programme_id",
    "department_id",
    "graduation_year",
    "funding",
    "latest_status_id",
    "latest_checkpoint_id",
    "obligation_state",
    "consent",
)


def generate(env, size, info):
    """Programmes, one graduate with an outcome through the ORM, the rest cloned."""
    units = env["hr.department"].browse(info["unit_ids"])
    kafedras = units.filtered(lambda unit: unit.quality_unit_type == "department")
    programmes = env["quality.programme"].create(
        [
            {
                "code": f"{prefix}{index:05d}",
                "name": f"{label} programme {index}",
                "level": level,
                "department_id": kafedra.id,
            }
            for index, kafedra in enumerate(kafedras)
            for prefix, label, level in (("6B", "Bachelor", "bachelor"), ("7M", "Master", "master"))
        ]
    )
    employers = env["res.partner"].create(
        [{"name": f"Employer {i}", "is_company": True} for i in range(10)]
    )
    users = create_users(
        env,
        [
            {
                "name": "Career Centre",
                "login": "bench_career",
                "groups": ["quality_university.group_quality_career"],
            },
            {
                "name": "Management Representative's Office",
                "login": "bench_analyst",
                "groups": ["quality_university.group_quality_manager"],
            },
        ],
    )
    template = env["quality.graduate"].create(
        {
            "name": "Graduate B0000000",
            "email": "graduate.b0000000@students.example",
            "student_code": "B0000000",
            "programme_id": programmes[0].id,
            "graduation_year": LAST_YEAR - 1,
            "graduation_date": f"{LAST_YEAR - 1}-06-25",
            "funding": "paid",
            "consent": True,
        }
    )
    template.partner_id.ref = template.student_code
    env["quality.graduate.employment"].create(
        {
            "graduate_id": template.id,
            "checkpoint_id": env.ref("quality_university.employment_checkpoint_12_months").id,
            "status_id": env.ref("quality_university.employment_status_employed_specialty").id,
            "source": "employer",
            "employer_id": employers[0].id,
            "sector": "private",
            "position": "Engineer",
            "work_time": "full",
            "date_start": f"{LAST_YEAR - 1}-09-01",
            "salary_band": "250_400",
        }
    )
    env.flush_all()
    add_graduates(env, template.id, size["graduates"] - 1, "B", employers.ids)
    return {
        "graduate_template": template.id,
        "employer_ids": employers.ids,
        "career_login": users[0].login,
        "analyst_login": users[1].login,
    }


def add_graduates(env, template_id, count, prefix, employer_ids):
    """`count` graduates cloned from the template with their people (res.partner) and
    their outcomes, every stored related field as the ORM would set it."""
    cr = env.cr
    cr.execute(
        "SELECT partner_id FROM quality_graduate WHERE id = %s",
        (template_id,),
    )
    template_partner = cr.fetchone()[0]
    code = f"'{prefix}' || lpad(g::text, 7, '0')"
    name = f"'Graduate ' || {code}"
    partner_ids = clone_rows(
        cr,
        "res_partner",
        template_partner,
        count,
        {
            "name": name,
            "complete_name": name,
            "ref": code,
            "email": f"lower({code}) || '@students.example'",
            "email_normalized": f"lower({code}) || '@students.example'",
            "commercial_partner_id": "NULL",
        },
    )
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)", (partner_ids,)
    )
    cr.execute("SELECT array_agg(id ORDER BY id) FROM quality_programme WHERE active")
    programme_ids = cr.fetchone()[0]
    year = f"({FIRST_YEAR} + g % {YEARS})"
    funding = "(CASE WHEN g % 20 = 0 THEN 'target' WHEN g % 20 < 9 THEN 'grant' ELSE 'paid' END)"
    graduate_ids = clone_rows(
        cr,
        "quality_graduate",
        template_id,
        count,
        {
            "student_code": code,
            "name": name,
            "programme_id": f"(ARRAY{programme_ids})[1 + (g * 7) % {len(programme_ids)}]",
            "graduation_year": year,
            "graduation_date": f"make_date({year}, 6, 25)",
            "funding": funding,
            "obligation_required": f"{funding} != 'paid'",
            "obligation_state": "'open'",
            "consent": "g % 5 != 0",
            "latest_employment_id": "NULL",
            "latest_status_id": "NULL",
            "latest_checkpoint_id": "NULL",
        },
    )
    # the person and the graduating department, as the related fields hold them
    cr.execute(
        """
        UPDATE quality_graduate g SET partner_id = p.id, name = p.name
          FROM res_partner p
         WHERE g.id = ANY(%s) AND p.id = ANY(%s) AND p.ref = g.student_code
        """,
        (graduate_ids, partner_ids),
    )
    cr.execute(
        """
        UPDATE quality_graduate g SET department_id = p.department_id
          FROM quality_programme p WHERE g.id = ANY(%s) AND p.id = g.programme_id
        """,
        (graduate_ids,),
    )
    # outcomes: every checkpoint passed (the last year's 12 months are still to come),
    # none at all for one graduate in twenty
    statuses = dict(env["quality.employment.status"].search([]).mapped(lambda s: (s.code, s.id)))
    reasons = env["quality.employment.reason"].search([]).ids
    buckets = {
        months: [statuses[code] for code, share in shares.items() for _ in range(share)]
        for months, shares in SHARES.items()
    }
    cr.execute(
        f"""
        INSERT INTO quality_graduate_employment
            (graduate_id, checkpoint_id, checkpoint_months, status_id, programme_id,
             department_id, graduation_year, company_id, employer_id, sector, region,
             position, work_time, date_start, months_to_job, salary_band, source, evidenced,
             reason_id, create_uid, create_date, write_uid, write_date)
        SELECT o.graduate_id, o.checkpoint_id, o.months, s.id, o.programme_id,
               o.department_id, o.graduation_year, o.company_id,
               CASE WHEN s.employed THEN (%(employers)s::int[])[1 + o.h %% 10] END,
               CASE WHEN s.employed THEN (ARRAY['public', 'private', 'private', 'ngo'])
                                         [1 + o.h %% 4] END,
               CASE WHEN s.employed THEN 'Region ' || o.h %% 17 END,
               CASE WHEN s.employed THEN 'Position ' || o.h %% 50 END,
               CASE WHEN s.employed THEN CASE WHEN o.h %% 9 = 0 THEN 'part' ELSE 'full' END END,
               CASE WHEN s.employed
                    THEN o.graduation_date + make_interval(months => o.h %% (o.months + 1)) END,
               CASE WHEN s.employed THEN o.h %% (o.months + 1) ELSE 0 END,
               CASE WHEN s.employed THEN (ARRAY['below_150', '150_250', '250_400', 'above_400'])
                                         [1 + o.h %% 4] END,
               CASE WHEN NOT s.employed THEN 'survey'
                    ELSE (ARRAY['employer', 'pension', 'survey'])[1 + o.h %% 3] END,
               s.employed AND o.h %% 3 < 2,
               CASE WHEN s.known AND NOT s.positive
                    THEN (%(reasons)s::int[])[1 + o.h %% %(reason_count)s] END,
               1, now() at time zone 'UTC', 1, now() at time zone 'UTC'
          FROM (
                SELECT g.id AS graduate_id, cp.id AS checkpoint_id, cp.months,
                       g.programme_id, g.department_id, g.graduation_year, g.graduation_date,
                       g.company_id, (g.id * 7919 + cp.months * 104729) %% 100 AS h,
                       CASE cp.months WHEN 0 THEN %(at_0)s::int[] WHEN 6 THEN %(at_6)s::int[]
                            ELSE %(at_12)s::int[] END AS bucket
                  FROM quality_graduate g
                 CROSS JOIN quality_employment_checkpoint cp
                 WHERE g.id = ANY(%(graduates)s) AND cp.active AND g.id %% 20 != 0
                   AND (cp.months < 12 OR g.graduation_year < {LAST_YEAR})
               ) o
          JOIN quality_employment_status s ON s.id = o.bucket[1 + o.h]
        """,
        {
            "employers": employer_ids,
            "reasons": reasons,
            "reason_count": len(reasons),
            "at_0": buckets[0],
            "at_6": buckets[6],
            "at_12": buckets[12],
            "graduates": graduate_ids,
        },
    )
    # the latest outcome of each graduate, as _compute_latest_employment_id sets it
    cr.execute(
        """
        UPDATE quality_graduate g
           SET latest_employment_id = l.id, latest_status_id = l.status_id,
               latest_checkpoint_id = l.checkpoint_id
          FROM (SELECT DISTINCT ON (graduate_id) id, graduate_id, status_id, checkpoint_id
                  FROM quality_graduate_employment WHERE graduate_id = ANY(%s)
                 ORDER BY graduate_id, checkpoint_months DESC, id DESC) l
         WHERE g.id = l.graduate_id
        """,
        (graduate_ids,),
    )
    return graduate_ids


def grow(env, size, info):
    """As many graduates again, over the same programmes and years."""
    add_graduates(env, info["graduate_template"], size["graduates"], "G", info["employer_ids"])
    env.invalidate_all()


def operations(env, info):
    Users = env["res.users"]
    officer = Users.search([("login", "=", info["officer_login"])])
    manager = Users.search([("login", "=", info["analyst_login"])])
    career = Users.search([("login", "=", info["career_login"])])
    faculty = env["hr.department"].browse(info["officer_unit"])
    year = LAST_YEAR - 1
    final = env["quality.employment.report"]._final_checkpoint()
    report = env.ref("quality_university.quality_employment_report_pdf")
    graduates = env["quality.graduate"].search_count([])
    Graduate = env["quality.graduate"]
    list_spec = {
        name: (
            {"fields": {"display_name": {}}} if Graduate._fields[name].type == "many2one" else {}
        )
        for name in LIST_FIELDS
    }
    counts = """
        count(*) AS graduates,
        count(*) FILTER (WHERE s.known) AS known,
        count(*) FILTER (WHERE s.known AND s.excluded) AS excluded,
        count(*) FILTER (WHERE s.known AND s.positive) AS positive,
        count(*) FILTER (WHERE s.known AND s.employed) AS employed,
        count(*) FILTER (WHERE s.known AND s.employed AND s.in_specialty AND e.evidenced)
            AS in_specialty,
        count(*) FILTER (WHERE s.known AND s.employed AND s.in_specialty
                           AND NOT e.evidenced) AS unproven,
        coalesce(sum(e.months_to_job) FILTER (WHERE s.employed), 0) AS months"""
    # the yearly report's figures of the faculty, this year and last: its XLSX and PDF
    report_floor = f"""SELECT g.graduation_year, g.programme_id, cp.id, e.status_id,
                       e.salary_band, e.reason_id, {counts}
                  FROM quality_graduate g
                 CROSS JOIN quality_employment_checkpoint cp
                  LEFT JOIN quality_graduate_employment e
                         ON e.graduate_id = g.id AND e.checkpoint_id = cp.id
                  LEFT JOIN quality_employment_status s ON s.id = e.status_id
                 WHERE g.active AND cp.active AND g.graduation_year IN (%s, %s)
                   AND g.department_id IN (SELECT id FROM hr_department
                                            WHERE parent_path LIKE %s)
                 GROUP BY GROUPING SETS ((g.graduation_year, g.programme_id, cp.id),
                                         (g.graduation_year, cp.id),
                                         (g.graduation_year, cp.id, e.status_id),
                                         (g.graduation_year, cp.id, e.salary_band),
                                         (g.graduation_year, cp.id, e.reason_id))"""
    report_params = (year, year - 1, f"{faculty.parent_path}%")
    return [
        (
            f"employment analysis by department, one year of {graduates} graduates",
            lambda env: (
                env["quality.employment.report"]
                .with_user(manager)
                .web_read_group(
                    [("graduation_year", "=", year), ("checkpoint_id", "=", final.id)],
                    ["graduate_count:sum", "knowledge_rate", "employment_rate"]
                    + ["in_specialty_rate"],
                    ["department_id"],
                )
            ),
            f"""SELECT p.department_id, {counts}
                  FROM quality_graduate g
                  JOIN quality_programme p ON p.id = g.programme_id
                  LEFT JOIN quality_graduate_employment e
                         ON e.graduate_id = g.id AND e.checkpoint_id = %s
                  LEFT JOIN quality_employment_status s ON s.id = e.status_id
                  LEFT JOIN hr_department d ON d.id = p.department_id
                 WHERE g.active AND g.graduation_year = %s
                 GROUP BY p.department_id, d.complete_name ORDER BY d.complete_name""",
            (final.id, year),
        ),
        (
            "employment report XLSX of a faculty, one year, as its officer",
            lambda env: (
                env["report.quality_university.employment_report_document"]
                .with_user(officer)
                ._xlsx_content(faculty.with_user(officer), year)
            ),
            report_floor,
            report_params,
        ),
        (
            "employment report PDF (HTML) of a faculty, one year, as its officer",
            lambda env: (
                env["ir.actions.report"]
                .with_user(officer)
                ._render_qweb_html(report.report_name, faculty.ids, data={"year": year})
            ),
            report_floor,
            report_params,
        ),
        (
            "graduate list, 80 rows, as the career centre",
            first_page("quality.graduate", list_spec, user=career, count_limit=10001),
            """SELECT g.id, g.student_code, g.name, p.code || ' ' || (p.name->>'en_US'),
                      d.complete_name, g.graduation_year, g.funding, s.name->>'en_US',
                      c.name->>'en_US', g.obligation_state, g.consent,
                      (SELECT count(*) FROM (SELECT 1 FROM quality_graduate
                                              WHERE active LIMIT 10001) n)
                 FROM quality_graduate g
                 LEFT JOIN quality_programme p ON p.id = g.programme_id
                 LEFT JOIN hr_department d ON d.id = g.department_id
                 LEFT JOIN quality_employment_status s ON s.id = g.latest_status_id
                 LEFT JOIN quality_employment_checkpoint c ON c.id = g.latest_checkpoint_id
                WHERE g.active
                ORDER BY g.graduation_year DESC, g.name, g.id LIMIT 80""",
            (),
        ),
    ]
