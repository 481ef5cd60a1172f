from odoo import fields, models, tools
from odoo.tools import SQL

EDUCATION_RANK = """CASE {col} WHEN 'doctor' THEN 4 WHEN 'master' THEN 3
    WHEN 'bachelor' THEN 2 WHEN 'graduate' THEN 1 ELSE 0 END"""
DEGREE_RANK = """CASE {col} WHEN 'doctor' THEN 2 WHEN 'candidate' THEN 1
    WHEN 'phd' THEN 1 ELSE 0 END"""

# "today" is the employee's own day (the time zone of the employee's working time):
# a training recorded in Oral just after midnight counts at once, though UTC is a day behind
GAP_QUERY = """
WITH emp AS (
    SELECT e.id AS employee_id, e.user_id, e.department_id, e.job_id,
           e.company_id, e.certificate, e.quality_academic_degree,
           e.quality_experience_since,
           j.quality_education_level, j.quality_academic_degree AS job_degree,
           COALESCE(j.quality_experience_years, 0) AS job_years,
           (now() AT TIME ZONE COALESCE(r.tz, 'UTC'))::date AS today
      FROM hr_employee e
      JOIN hr_job j ON j.id = e.job_id
      LEFT JOIN resource_resource r ON r.id = e.resource_id
     WHERE e.active
), gaps AS (
    SELECT emp.*, 'education' AS kind, NULL::integer AS course_id,
           NULL::date AS expired_on
      FROM emp
     WHERE emp.quality_education_level IS NOT NULL
       AND {edu_emp}
           < {edu_job}
    UNION ALL
    SELECT emp.*, 'degree', NULL, NULL
      FROM emp
     WHERE emp.job_degree IS NOT NULL
       AND {deg_emp}
           < {deg_job}
    UNION ALL
    SELECT emp.*, 'experience', NULL, NULL
      FROM emp
     WHERE emp.job_years > 0
       AND (emp.quality_experience_since IS NULL
            OR emp.quality_experience_since
               > emp.today - make_interval(years => emp.job_years))
    UNION ALL
    SELECT emp.*,
           CASE WHEN last.done_on IS NULL THEN 'training' ELSE 'expired' END,
           r.course_id,
           (last.done_on + make_interval(months => r.validity_months))::date
      FROM emp
      JOIN quality_job_requirement r ON r.job_id = emp.job_id
      LEFT JOIN LATERAL (
          SELECT MAX(COALESCE(l.date_end, l.date_start)) AS done_on
            FROM hr_resume_line l
           WHERE l.employee_id = emp.employee_id
             AND l.quality_course_id = r.course_id
             AND l.date_start <= emp.today
      ) last ON TRUE
     WHERE last.done_on IS NULL
        OR (r.validity_months > 0
            AND last.done_on + make_interval(months => r.validity_months)
                < emp.today)
)
SELECT row_number() OVER (
           ORDER BY gaps.employee_id, gaps.kind, gaps.course_id) AS id,
       gaps.employee_id, gaps.user_id, gaps.department_id, gaps.job_id,
       gaps.company_id, gaps.kind, gaps.course_id, gaps.expired_on,
       1 AS gap_count
  FROM gaps
""".format(
    edu_emp=EDUCATION_RANK.format(col="emp.certificate"),
    edu_job=EDUCATION_RANK.format(col="emp.quality_education_level"),
    deg_emp=DEGREE_RANK.format(col="emp.quality_academic_degree"),
    deg_job=DEGREE_RANK.format(col="emp.job_degree"),
)


class QualityQualificationGap(models.Model):
    """Who misses what: one row per employee and unmet requirement of the position."""

    _name = "quality.qualification.gap"
    _description = "Qualification Gap"
    _auto = False
    _order = "department_id, employee_id, kind, course_id"
    _rec_name = "employee_id"

    employee_id = fields.Many2one("hr.employee", readonly=True)
    user_id = fields.Many2one("res.users", readonly=True)
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    job_id = fields.Many2one("hr.job", string="Position", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    kind = fields.Selection(
        [
            ("education", "Education"),
            ("degree", "Academic Degree"),
            ("experience", "Experience"),
            ("training", "Training Missing"),
            ("expired", "Training Expired"),
        ],
        string="Gap",
        readonly=True,
    )
    course_id = fields.Many2one(
        "quality.training.course", string="Training or Certificate", readonly=True
    )
    expired_on = fields.Date(readonly=True)
    gap_count = fields.Integer(string="Gaps", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), SQL(GAP_QUERY))
        )
