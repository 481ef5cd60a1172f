from datetime import UTC, date, timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common_audit import QualityAuditCommon

EDUCATION = {"graduate": 1, "bachelor": 2, "master": 3, "doctor": 4}
DEGREE = {"candidate": 1, "phd": 1, "doctor": 2}


@tagged("post_install", "-at_install")
class TestStaffQualification(QualityAuditCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = date.today()
        cls.hr_user = new_test_user(
            cls.env,
            login="qu_staff_hr",
            groups="base.group_user,hr.group_hr_user,quality_university.group_quality_user",
            name="Staff HR",
        )
        Course = cls.env["quality.training.course"]
        cls.course_qms = Course.create({"name": "Test QMS basics", "validity_months": 12})
        cls.course_ped = Course.create({"name": "Test pedagogy", "validity_months": 0})
        cls.job = cls.env["hr.job"].create(
            {
                "name": "Test Lecturer",
                "quality_education_level": "master",
                "quality_academic_degree": "candidate",
                "quality_experience_years": 5,
                "quality_requirement_ids": [
                    Command.create({"course_id": cls.course_qms.id}),
                    Command.create({"course_id": cls.course_ped.id}),
                ],
            }
        )
        Employee = cls.env["hr.employee"]
        cls.unit = cls.kafedra_ped
        cls.compliant = Employee.create(
            {
                "name": "Compliant Lecturer",
                "department_id": cls.unit.id,
                "job_id": cls.job.id,
                "certificate": "master",
                "quality_academic_degree": "phd",
                "quality_experience_since": cls.today - relativedelta(years=10),
            }
        )
        cls.missing = Employee.create(
            {
                "name": "Missing Lecturer",
                "department_id": cls.unit.id,
                "job_id": cls.job.id,
                "certificate": "bachelor",
                "quality_experience_since": cls.today - relativedelta(years=2),
            }
        )
        cls.doctor = Employee.create(
            {
                "name": "Doctor Lecturer",
                "department_id": cls.faculty_eng.id,
                "job_id": cls.job.id,
                "certificate": "doctor",
                "quality_academic_degree": "doctor",
                "quality_experience_since": cls.today - relativedelta(years=6),
            }
        )
        cls.no_job = Employee.create({"name": "No Position", "department_id": cls.unit.id})
        cls.training_type = cls.env.ref(
            "quality_university.resume_line_type_professional_development"
        )
        cls._train(cls.compliant, cls.course_qms, cls.today - relativedelta(months=2))
        cls._train(cls.compliant, cls.course_ped, cls.today - relativedelta(years=5))
        cls._train(cls.missing, cls.course_qms, cls.today - relativedelta(years=2))
        cls._train(cls.doctor, cls.course_qms, cls.today - relativedelta(months=1))

    @classmethod
    def _train(cls, employee, course, when, hours=36.0, user=None):
        Line = cls.env["hr.resume.line"].with_user(user or cls.hr_user)
        return Line.create(
            {
                "employee_id": employee.id,
                "line_type_id": cls.training_type.id,
                "name": course.name,
                "quality_course_id": course.id,
                "date_start": when,
                "date_end": when,
                "quality_hours": hours,
            }
        )

    def _expected_gaps(self, employees):
        """An independent computation of who misses what, straight from the rules."""
        expected = set()
        for employee in employees:
            job = employee.job_id
            if not job:
                continue
            if EDUCATION.get(employee.certificate, 0) < EDUCATION[job.quality_education_level]:
                expected.add((employee.id, "education", False))
            if (
                DEGREE.get(employee.quality_academic_degree, 0)
                < DEGREE[job.quality_academic_degree]
            ):
                expected.add((employee.id, "degree", False))
            since = employee.quality_experience_since
            if not since or since + relativedelta(years=job.quality_experience_years) > self.today:
                expected.add((employee.id, "experience", False))
            for requirement in job.quality_requirement_ids:
                lines = employee.resume_line_ids.filtered(
                    lambda line, r=requirement: line.quality_course_id == r.course_id
                )
                if not lines:
                    expected.add((employee.id, "training", requirement.course_id.id))
                    continue
                last = max(line.date_end or line.date_start for line in lines)
                months = requirement.validity_months
                if months and last + relativedelta(months=months) < self.today:
                    expected.add((employee.id, "expired", requirement.course_id.id))
        return expected

    def test_compliance_and_gap_report_match_an_independent_computation(self):
        employees = self.compliant | self.missing | self.doctor | self.no_job
        self.env.flush_all()
        rows = self.env["quality.qualification.gap"].search([("employee_id", "in", employees.ids)])
        actual = {(row.employee_id.id, row.kind, row.course_id.id) for row in rows}
        self.assertEqual(actual, self._expected_gaps(employees))
        self.assertEqual(len(rows), 6)
        self.assertEqual(self.compliant.quality_compliance_state, "compliant")
        self.assertEqual(self.missing.quality_compliance_state, "gap")
        self.assertEqual(self.doctor.quality_compliance_state, "gap")
        self.assertEqual(self.no_job.quality_compliance_state, "none")
        self.assertIn(self.course_ped.name, self.doctor.quality_gap_summary)
        # grouped by unit, as the pivot shows it
        per_unit = dict(
            self.env["quality.qualification.gap"]._read_group(
                [("employee_id", "in", employees.ids)], ["department_id"], ["gap_count:sum"]
            )
        )
        self.assertEqual(per_unit[self.unit], 5)
        self.assertEqual(per_unit[self.faculty_eng], 1)
        # HR records the missing training: the doctor becomes compliant
        self._train(self.doctor, self.course_ped, self.today)
        self.doctor.invalidate_recordset()
        self.assertEqual(self.doctor.quality_compliance_state, "compliant")

    def test_a_training_counts_from_the_employees_own_day(self):
        """An employee's "today" is the employee's own: far east and far west of UTC alike."""
        job = self.env["hr.job"].create(
            {
                "name": "Test Trainer",
                "quality_requirement_ids": [Command.create({"course_id": self.course_qms.id})],
            }
        )
        Employee = self.env["hr.employee"]
        for tz in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):  # UTC+14, UTC-11
            employee = Employee.create({"name": f"Trainer in {tz}", "job_id": job.id, "tz": tz})
            local_today = self.env.cr.now().replace(tzinfo=UTC).astimezone(ZoneInfo(tz)).date()
            self._train(employee, self.course_qms, local_today + timedelta(days=1))
            employee.invalidate_recordset()
            self.assertEqual(employee.quality_compliance_state, "gap", tz)
            self._train(employee, self.course_qms, local_today)
            employee.invalidate_recordset()
            self.assertEqual(employee.quality_compliance_state, "compliant", tz)
            # the auditor training, too, is recorded and counted on the employee's day
            employee.quality_auditor_qualified = True
            employee.invalidate_recordset()
            self.assertEqual(employee.quality_auditor_qualification_date, local_today, tz)
            self.assertTrue(employee.quality_auditor_qualified, tz)
            self.assertIn(employee, Employee.search([("quality_auditor_qualified", "=", True)]), tz)

    def test_employee_reads_own_compliance_through_public_profile(self):
        user = new_test_user(self.env, login="qu_staff_self", groups="base.group_user")
        self.missing.user_id = user
        public = self.env["hr.employee.public"].with_user(user).browse(self.missing.id)
        self.assertEqual(public.quality_compliance_state, "gap")
        self.assertIn(self.env._("Education"), public.quality_gap_summary)
        gaps = self.env["quality.qualification.gap"].with_user(user).search([])
        self.assertEqual(gaps.employee_id, self.missing)

    def test_training_lines_are_recorded_by_hr_only(self):
        user = new_test_user(self.env, login="qu_staff_self2", groups="base.group_user")
        self.no_job.user_id = user
        with self.assertRaises(AccessError):
            self._train(self.no_job, self.course_qms, self.today, user=user)
        auditor_type = self.env.ref("quality_university.resume_line_type_auditor_training")
        with self.assertRaises(AccessError):
            self.env["hr.resume.line"].with_user(user).create(
                {
                    "employee_id": self.no_job.id,
                    "line_type_id": auditor_type.id,
                    "name": "Self-certified auditor",
                    "date_start": self.today,
                }
            )
        # their own ordinary resume lines stay theirs to edit
        line = (
            self.env["hr.resume.line"]
            .with_user(user)
            .create({"employee_id": self.no_job.id, "name": "Hobby", "date_start": self.today})
        )
        self.assertTrue(line)
        with self.assertRaises(ValidationError):
            self._train(self.no_job, self.course_qms, self.today, hours=-1)

    def test_expired_auditor_training_stops_assignment(self):
        auditor_type = self.env.ref("quality_university.resume_line_type_auditor_training")
        self.assertEqual(self.env.company._quality_auditor_line_type(), auditor_type)
        expired = self.env["hr.employee"].create(
            {"name": "Expired Auditor", "department_id": self.faculty_eng.id}
        )
        self.env["hr.resume.line"].with_user(self.hr_user).create(
            {
                "employee_id": expired.id,
                "line_type_id": auditor_type.id,
                "name": "Internal auditor training",
                "date_start": self.today - relativedelta(years=4),
            }
        )
        self.env.company.quality_auditor_validity_months = 36
        self.assertFalse(expired.quality_auditor_qualified)
        self.assertEqual(expired.quality_auditor_valid_until, self.today - relativedelta(years=1))
        self.assertNotIn(
            expired, self.env["hr.employee"].search([("quality_auditor_qualified", "=", True)])
        )
        with self.assertRaises(ValidationError):
            self._create_audit(auditor_ids=[Command.set(expired.ids)])
        # a longer validity in the settings qualifies the same training again
        settings = self.env["res.config.settings"].create({"quality_auditor_validity_months": 60})
        settings.execute()
        expired.invalidate_recordset()
        self.assertTrue(expired.quality_auditor_qualified)
        self.assertTrue(self._create_audit(auditor_ids=[Command.set(expired.ids)]))
        # the flag written by hand records the training in HR
        fresh = self.env["hr.employee"].create(
            {
                "name": "Fresh Auditor",
                "department_id": self.faculty_eng.id,
                "quality_auditor_qualified": True,
            }
        )
        self.assertEqual(
            len(fresh.resume_line_ids.filtered(lambda rl: rl.line_type_id == auditor_type)), 1
        )
        self.assertTrue(fresh.quality_auditor_qualified)

    def test_assessment_activity_before_due_without_duplicates(self):
        Assessment = self.env["quality.qualification.assessment"]
        with self.assertRaises(ValidationError):
            Assessment.create(
                {
                    "employee_id": self.missing.id,
                    "date": self.today,
                    "result": "meets",
                    "next_date": self.today - timedelta(days=1),
                }
            )
        older = Assessment.create(
            {
                "employee_id": self.compliant.id,
                "body": "dean_office",
                "date": self.today - relativedelta(years=5),
                "result": "meets",
                "next_date": self.today + timedelta(days=5),
            }
        )
        latest = Assessment.create(
            {
                "employee_id": self.compliant.id,
                "body": "council",
                "date": self.today - relativedelta(years=1),
                "result": "meets",
                "decision": "Meets the position of lecturer.",
                "next_date": self.today + timedelta(days=10),
            }
        )
        far = Assessment.create(
            {
                "employee_id": self.missing.id,
                "date": self.today,
                "result": "meets_conditionally",
                "next_date": self.today + relativedelta(years=3),
            }
        )
        self.assertEqual(latest.department_id, self.unit)
        activity_type = self.env.ref(
            "quality_university.mail_activity_type_qualification_assessment"
        )
        Assessment._cron_schedule_next_assessment()
        Assessment._cron_schedule_next_assessment()
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", Assessment._name),
                ("res_id", "in", (older | latest | far).ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        self.assertEqual(activities.mapped("res_id"), latest.ids)
        self.assertEqual(activities.date_deadline, latest.next_date)
        self.assertFalse(older.activity_ids | far.activity_ids)

    def test_assessments_visible_to_the_employee_and_the_unit_head(self):
        head_user = new_test_user(self.env, login="qu_staff_head", groups="base.group_user")
        head = self.env["hr.employee"].create(
            {"name": "Head of Kafedra", "user_id": head_user.id, "department_id": self.unit.id}
        )
        self.unit.manager_id = head
        own_user = new_test_user(self.env, login="qu_staff_own", groups="base.group_user")
        self.missing.user_id = own_user
        Assessment = self.env["quality.qualification.assessment"]
        mine = Assessment.create(
            {"employee_id": self.missing.id, "date": self.today, "result": "meets"}
        )
        other = Assessment.create(
            {"employee_id": self.doctor.id, "date": self.today, "result": "meets"}
        )
        self.assertEqual(Assessment.with_user(own_user).search([]), mine)
        self.assertIn(mine, Assessment.with_user(head_user).search([]))
        self.assertNotIn(other, Assessment.with_user(head_user).search([]))
        with self.assertRaises(AccessError):
            mine.with_user(own_user).write({"result": "does_not_meet"})
        self.assertEqual(self.env["hr.employee"].browse(self.unit.manager_id.id).user_id, head_user)
        self.assertIn(self.unit, head_user.quality_headed_department_ids)
