"""Department and staff rating: last year's published rating and this year's of the
teaching staff (the bench's employees) and of the kafedras, with the training hours HR
recorded and the values the quality office entered; then what the Compute button, the
ranking XLSX and PDF and the ranking by department cost."""

from bench import clone_rows, create_users

# The floor of "compute": one statement that takes every value from its source (the
# entered ones from the table, the live ones from HR's trainings and, for the staff, the
# acknowledgement sheets, for the kafedras the nonconformities and the training plans),
# normalises, weighs, sums, ranks and writes the lines whose score or rank changed.
SOURCES = {
    "employee_id": """
        LEFT JOIN (SELECT r.employee_id, sum(r.quality_hours) AS hours FROM hr_resume_line r
                    WHERE r.date_start BETWEEN %(from)s AND %(to)s AND r.quality_hours > 0
                    GROUP BY r.employee_id) h ON h.employee_id = l.employee_id
        LEFT JOIN (SELECT employee_id,
                          100.0 * count(*) FILTER (WHERE state = 'done') / count(*) AS ack
                     FROM quality_document_acknowledgement
                    WHERE state IN ('done', 'pending')
                      AND coalesce(date_due, create_date::date) BETWEEN %(from)s AND %(to)s
                    GROUP BY employee_id) a ON a.employee_id = l.employee_id
        LEFT JOIN (SELECT NULL::int AS department_id, 0 AS nc) n ON false
        LEFT JOIN (SELECT NULL::int AS department_id, 0 AS plan) pl ON false""",
    "department_id": """
        LEFT JOIN (SELECT e.department_id, sum(r.quality_hours) AS hours
                     FROM hr_resume_line r JOIN hr_employee e ON e.id = r.employee_id
                    WHERE r.date_start BETWEEN %(from)s AND %(to)s AND r.quality_hours > 0
                    GROUP BY e.department_id) h ON h.department_id = l.department_id
        LEFT JOIN (SELECT NULL::int AS employee_id, 0 AS ack) a ON false
        LEFT JOIN (SELECT department_id, count(*) AS nc FROM quality_nonconformity
                    WHERE date BETWEEN %(from)s AND %(to)s AND state != 'cancelled'
                    GROUP BY department_id) n ON n.department_id = l.department_id
        LEFT JOIN (SELECT pl.department_id,
                          100.0 * count(*) FILTER (WHERE pl.done) / count(*) AS plan
                     FROM quality_training_plan_line pl
                     JOIN quality_training_plan p ON p.id = pl.plan_id
                    WHERE p.date_from <= %(to)s AND p.date_to >= %(from)s
                    GROUP BY pl.department_id) pl ON pl.department_id = l.department_id""",
}
LIVE_VALUES = """
    WITH vals AS (
            SELECT v.line_id, v.indicator_id, i.weight, i.direction, i.normalisation,
                   coalesce(CASE i.source WHEN 'manual' THEN v.value
                                          WHEN 'training_hours' THEN h.hours
                                          WHEN 'acknowledgement_rate' THEN a.ack
                                          WHEN 'nonconformities' THEN n.nc
                                          ELSE pl.plan END, 0) AS value
              FROM quality_rating_value v
              JOIN quality_rating_indicator i ON i.id = v.indicator_id
              JOIN quality_rating_line l ON l.id = v.line_id {sources}
             WHERE v.rating_id = %(rating)s),
         top AS (SELECT indicator_id, max(value) AS top FROM vals GROUP BY indicator_id),
         score AS (
            SELECT v.line_id, round(sum(v.weight * CASE
                       WHEN v.normalisation = 'none' THEN v.value
                       WHEN coalesce(t.top, 0) = 0 AND v.direction = 'lower' THEN 1
                       WHEN coalesce(t.top, 0) = 0 THEN 0
                       WHEN v.direction = 'lower' THEN 1 - v.value / t.top
                       ELSE v.value / t.top END)::numeric, 4) AS score
              FROM vals v JOIN top t ON t.indicator_id = v.indicator_id
             GROUP BY v.line_id)
    UPDATE quality_rating_line l SET score = r.score, rank = r.rank
      FROM (SELECT line_id, score, rank() OVER (ORDER BY score DESC) AS rank FROM score) r
     WHERE l.id = r.line_id AND (l.score, l.rank) IS DISTINCT FROM (r.score, r.rank)
    RETURNING l.id
"""


def academic_year(env):
    from odoo import fields

    today = fields.Date.context_today(env["quality.rating"])
    return today.year if today.month >= 9 else today.year - 1


def generate(env, size, info):
    """Training hours by SQL, the ratings through the ORM (the Compute button), the
    entered values by SQL."""

    cr = env.cr
    rater = create_users(
        env,
        [
            {
                "name": "Rating Office",
                "login": "bench_rater",
                "groups": ["quality_university.group_quality_manager"],
            }
        ],
    )
    employees = env["hr.employee"].search([], order="id")
    missing = size["rated_employees"] - len(employees)
    if missing > 0:
        employees |= employees.browse(
            clone_rows(
                cr,
                "hr_employee",
                employees[-1].id,
                missing,
                {"name": "'Rated ' || g", "user_id": "NULL", "work_contact_id": "NULL"},
            )
        )
    year = academic_year(env)
    add_training_hours(env, employees.ids, year)
    ratings = {}
    for key, set_xmlid in (
        ("staff", "quality_university.quality_rating_set_teachers"),
        ("kafedra", "quality_university.quality_rating_set_departments"),
    ):
        indicator_set = env.ref(set_xmlid)
        for rating_year in (year - 1, year):
            rating = env["quality.rating"].create(
                {
                    "name": f"{indicator_set.name} {rating_year}",
                    "indicator_set_id": indicator_set.id,
                    "academic_year": str(rating_year),
                }
            )
            rating.action_compute()
            enter_values(env, rating)
            if rating_year < year:
                rating.action_publish()
            else:
                rating.action_compute()
            ratings[key] = rating.id
    env.flush_all()
    return {
        "rater_login": rater.login,
        "staff_rating": ratings["staff"],
        "kafedra_rating": ratings["kafedra"],
    }


def add_training_hours(env, employee_ids, year):
    """Two trainings a year for each employee, last year and this year, as HR records
    them (resume lines with hours)."""
    cr = env.cr
    template = env["hr.resume.line"].create(
        {
            "employee_id": employee_ids[0],
            "name": "Professional development course",
            "line_type_id": env.ref(
                "quality_university.resume_line_type_professional_development"
            ).id,
            "date_start": f"{year}-10-01",
            "quality_hours": 36,
        }
    )
    env.flush_all()
    count = len(employee_ids) * 4 - 1
    clone_rows(
        cr,
        "hr_resume_line",
        template.id,
        count,
        {
            "employee_id": f"(ARRAY{employee_ids})[1 + g % {len(employee_ids)}]",
            "date_start": f"DATE '{year - 1}-09-15' + (g * 7) % 700",
            "quality_hours": "8 + (g * 13) % 64",
        },
    )


def enter_values(env, rating):
    """What the quality office enters by hand (publications), spread over 0-30."""
    env.flush_all()
    env.cr.execute(
        """
        UPDATE quality_rating_value v SET value = (v.line_id * 7919 + v.rating_id) %% 31
          FROM quality_rating_indicator i
         WHERE v.rating_id = %s AND i.id = v.indicator_id AND i.source = 'manual'
        """,
        (rating.id,),
    )
    env.invalidate_all()


def grow(env, size, info):
    """As many rated employees again, in as many new kafedras, with their trainings."""
    cr = env.cr
    Department = env["hr.department"]
    kafedras = Department.search([("quality_unit_type", "=", "department")], order="id")
    new_units = Department.create(
        [
            {
                "name": f"Grown department {i}",
                "quality_unit_type": "department",
                "parent_id": kafedra.parent_id.id,
            }
            for i, kafedra in enumerate(kafedras)
        ]
    )
    env.flush_all()
    employee_ids = clone_rows(
        cr,
        "hr_employee",
        None,
        size["rated_employees"],
        {
            "name": "'Grown rated ' || g",
            "user_id": "NULL",
            "work_contact_id": "NULL",
            "department_id": f"(ARRAY{new_units.ids})[1 + g % {len(new_units)}]",
        },
    )
    add_training_hours(env, employee_ids, academic_year(env))
    env.invalidate_all()


def operations(env, info):
    rater = env["res.users"].search([("login", "=", info["rater_login"])])
    staff = env["quality.rating"].browse(info["staff_rating"])
    kafedra = env["quality.rating"].browse(info["kafedra_rating"])
    report = env.ref("quality_university.quality_rating_report")
    people = env["hr.employee"].search_count([])
    units = env["hr.department"].search_count([("quality_unit_type", "=", "department")])
    ranking = """
        SELECT l.rank, e.name, d.name->>'en_US', f.name->>'en_US', l.score,
               l.previous_rank, l.score_delta
          FROM quality_rating_line l
          LEFT JOIN hr_employee e ON e.id = l.employee_id
          LEFT JOIN hr_department d ON d.id = l.department_id
          LEFT JOIN hr_department f ON f.id = l.faculty_id
         WHERE l.rating_id = %s ORDER BY l.rank, l.id"""
    return [
        (
            f"staff rating of {people} employees: compute scores and ranks",
            lambda env: staff.with_env(env(user=rater)).action_compute(),
            LIVE_VALUES.format(sources=SOURCES["employee_id"]),
            {"rating": staff.id, "from": staff.date_from, "to": staff.date_to},
        ),
        (
            f"kafedra rating of {units} kafedras: compute scores and ranks",
            lambda env: kafedra.with_env(env(user=rater)).action_compute(),
            LIVE_VALUES.format(sources=SOURCES["department_id"]),
            {"rating": kafedra.id, "from": kafedra.date_from, "to": kafedra.date_to},
        ),
        (
            "staff ranking XLSX",
            lambda env: staff.with_env(env(user=rater))._ranking_xlsx_content(),
            ranking,
            (staff.id,),
        ),
        (
            "staff ranking PDF (HTML)",
            lambda env: (
                env["ir.actions.report"]
                .with_user(rater)
                ._render_qweb_html(report.report_name, staff.ids)
            ),
            ranking,
            (staff.id,),
        ),
        (
            "staff rating by department",
            lambda env: (
                env["quality.rating.line"]
                .with_user(rater)
                .web_read_group(
                    [("rating_id", "=", staff.id)],
                    ["score:avg", "rank:min"],
                    ["department_id"],
                )
            ),
            """SELECT l.department_id, avg(l.score), min(l.rank), count(*)
                 FROM quality_rating_line l
                 LEFT JOIN hr_department d ON d.id = l.department_id
                WHERE l.rating_id = %s
                GROUP BY l.department_id, d.complete_name ORDER BY d.complete_name""",
            (staff.id,),
        ),
    ]
