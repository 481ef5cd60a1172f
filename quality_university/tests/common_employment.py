from odoo import Command
from odoo.tests import new_test_user

from .common import QualityCommon


class EmploymentCommon(QualityCommon):
    """A programme in each of two faculties (A: pedagogical, B: engineering), an
    officer of each, a career centre user and a hand-built cohort of 2030 in A:
    every status at least once, known and unknown outcomes."""

    YEAR = 2030

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.users["career"] = new_test_user(
            cls.env,
            login="qu_career",
            groups="base.group_user,quality_university.group_quality_career",
            name="Career Centre",
        )
        cls.users["officer_eng"] = new_test_user(
            cls.env,
            login="qu_officer_eng",
            groups="base.group_user,quality_university.group_quality_officer",
            name="Officer Engineering",
        )
        officer_eng = cls.env["hr.employee"].create(
            {
                "name": "Officer Engineering",
                "user_id": cls.users["officer_eng"].id,
                "department_id": cls.faculty_eng.id,
            }
        )
        cls.faculty_eng.quality_officer_ids = [Command.link(officer_eng.id)]
        cls.env.company.quality_career_user_id = cls.users["career"]
        Programme = cls.env["quality.programme"]
        cls.programme_a = Programme.create(
            {"code": "T-PED", "name": "Test Pedagogy", "department_id": cls.kafedra_ped.id}
        )
        cls.programme_b = Programme.create(
            {"code": "T-ENG", "name": "Test Engineering", "department_id": cls.faculty_eng.id}
        )
        cls.checkpoint_6 = ref("quality_university.employment_checkpoint_6_months")
        cls.checkpoint_12 = ref("quality_university.employment_checkpoint_12_months")
        cls.status = {
            status.code: status for status in cls.env["quality.employment.status"].search([])
        }
        # status at 12 months and evidence, one graduate each; None = no record
        cls.cohort_plan = [
            ("employed_specialty", "employer"),
            ("employed_specialty", "pension"),
            ("employed_specialty", "survey"),  # claimed, no evidence
            ("employed_other", "pension"),
            ("employed_other", "survey"),
            ("self_employed", "statement"),
            ("further_study", "survey"),
            ("military", "survey"),
            ("volunteer", "survey"),
            ("parental_leave", "survey"),
            ("seeking", "survey"),
            ("seeking", "statement"),
            ("not_seeking", "survey"),
            ("no_information", "survey"),
            (None, None),
            (None, None),
        ]
        cls.cohort = cls._make_graduates(cls.programme_a, len(cls.cohort_plan), "A")
        cls.env["quality.graduate.employment"].create(
            [
                {
                    "graduate_id": graduate.id,
                    "checkpoint_id": cls.checkpoint_12.id,
                    "status_id": cls.status[code].id,
                    "source": source,
                }
                for graduate, (code, source) in zip(cls.cohort, cls.cohort_plan, strict=True)
                if code
            ]
        )
        cls.graduate_b = cls._make_graduates(cls.programme_b, 1, "B")

    @classmethod
    def _make_graduates(cls, programme, count, prefix, **values):
        partners = cls.env["res.partner"].create(
            [
                {"name": f"Graduate {prefix}{index}", "email": f"g.{prefix}{index}@example.com"}
                for index in range(count)
            ]
        )
        return cls.env["quality.graduate"].create(
            [
                {
                    "partner_id": partner.id,
                    "student_code": f"T{prefix}{index:04d}",
                    "programme_id": programme.id,
                    "graduation_year": cls.YEAR,
                    **values,
                }
                for index, partner in enumerate(partners)
            ]
        )
