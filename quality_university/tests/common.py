from odoo import Command
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


def activate_kazakh_and_russian(env, modules=("quality_university",)):
    """Activate kk_KZ and ru_RU and load the addons' translations into them."""
    for code in ("kk_KZ", "ru_RU"):
        env["res.lang"]._activate_lang(code)
    env["ir.module.module"]._load_module_terms(list(modules), ["kk_KZ", "ru_RU"], overwrite=True)


class QualityCommon(TransactionCase):
    """Two faculties with a kafedra each, a user per quality role and a process
    owned by each faculty."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Department = cls.env["hr.department"]
        cls.faculty_ped = Department.create(
            {"name": "Test Pedagogical Faculty", "quality_unit_type": "faculty"}
        )
        cls.kafedra_ped = Department.create(
            {
                "name": "Test Department of Pedagogy",
                "quality_unit_type": "department",
                "parent_id": cls.faculty_ped.id,
            }
        )
        cls.faculty_eng = Department.create(
            {"name": "Test Engineering Faculty", "quality_unit_type": "faculty"}
        )
        cls.users = {}
        for role, group in (
            ("user", "group_quality_user"),
            ("officer", "group_quality_officer"),
            ("auditor", "group_quality_auditor"),
            ("manager", "group_quality_manager"),
            ("top", "group_quality_top_management"),
        ):
            cls.users[role] = new_test_user(
                cls.env,
                login=f"qu_{role}",
                groups=f"base.group_user,quality_university.{group}",
                name=f"Quality {role}",
            )
        cls.employees = {
            role: cls.env["hr.employee"].create(
                {"name": user.name, "user_id": user.id, "department_id": cls.faculty_ped.id}
            )
            for role, user in cls.users.items()
        }
        cls.faculty_ped.quality_officer_ids = [Command.link(cls.employees["officer"].id)]
        Process = cls.env["quality.process"]
        cls.process_ped = Process.create(
            {
                "code": "T.1",
                "name": "Test teaching process",
                "kind": "main",
                "department_id": cls.kafedra_ped.id,
                "activity_line_ids": [Command.create({"name": "Plan the lessons"})],
            }
        )
        cls.process_eng = Process.create(
            {
                "code": "T.2",
                "name": "Test laboratory process",
                "kind": "supporting",
                "department_id": cls.faculty_eng.id,
                "activity_line_ids": [Command.create({"name": "Check the equipment"})],
            }
        )
