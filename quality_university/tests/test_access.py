from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import QualityCommon

ROLES = ("user", "officer", "auditor", "manager", "top")


@tagged("post_install", "-at_install")
class TestAccess(QualityCommon):
    """Create, read, write and unlink as each quality role, on each model."""

    def assertAllowed(self, allowed, operation, msg):
        if allowed:
            operation()
        else:
            with self.assertRaises(AccessError, msg=msg):
                operation()

    def test_process_access_by_role(self):
        # role: (create, read, write own unit, write other unit, unlink)
        expected = {
            "user": (False, True, False, False, False),
            "officer": (False, True, True, False, False),
            "auditor": (False, True, False, False, False),
            "manager": (True, True, True, True, True),
            "top": (True, True, True, True, True),
        }
        for role in ROLES:
            create, read, write_own, write_other, unlink = expected[role]
            Process = self.env["quality.process"].with_user(self.users[role])
            own = self.process_ped.with_user(self.users[role])
            other = self.process_eng.with_user(self.users[role])
            with self.subTest(role=role):
                self.assertAllowed(
                    create,
                    lambda P=Process, r=role: P.create({"code": f"N.{r}", "name": "New"}),
                    f"{role} create",
                )
                self.assertAllowed(read, lambda o=own: o.read(["name", "goal"]), f"{role} read")
                self.assertAllowed(
                    write_own, lambda o=own: o.write({"goal": "Own goal"}), f"{role} write own"
                )
                self.assertAllowed(
                    write_other,
                    lambda o=other: o.write({"goal": "Other goal"}),
                    f"{role} write other",
                )
                victim = self.env["quality.process"].create({"code": f"D.{role}", "name": "Gone"})
                self.assertAllowed(
                    unlink, lambda v=victim, u=self.users[role]: v.with_user(u).unlink(), role
                )

    def test_process_activity_access_by_role(self):
        # role: (read, create/write/unlink on own unit, same on another unit)
        expected = {
            "user": (True, False, False),
            "officer": (True, True, False),
            "auditor": (True, False, False),
            "manager": (True, True, True),
            "top": (True, True, True),
        }
        for role in ROLES:
            read, edit_own, edit_other = expected[role]
            user = self.users[role]
            Activity = self.env["quality.process.activity"].with_user(user)
            with self.subTest(role=role):
                own_line = self.process_ped.activity_line_ids.with_user(user)
                self.assertAllowed(read, lambda line=own_line: line.read(["name"]), role)
                for process, allowed in (
                    (self.process_ped, edit_own),
                    (self.process_eng, edit_other),
                ):
                    self.assertAllowed(
                        allowed,
                        lambda A=Activity, p=process: A.create(
                            {"process_id": p.id, "name": "Step"}
                        ),
                        f"{role} create on {process.code}",
                    )
                    line = self.env["quality.process.activity"].create(
                        {"process_id": process.id, "name": "Existing"}
                    )
                    self.assertAllowed(
                        allowed,
                        lambda line=line, u=user: line.with_user(u).write({"name": "Changed"}),
                        f"{role} write on {process.code}",
                    )
                    self.assertAllowed(
                        allowed,
                        lambda line=line, u=user: line.with_user(u).unlink(),
                        f"{role} unlink on {process.code}",
                    )

    def test_unit_quality_fields_by_role(self):
        for role in ROLES:
            allowed = role in ("manager", "top")
            faculty = self.faculty_eng.with_user(self.users[role])
            with self.subTest(role=role):
                self.assertAllowed(
                    allowed,
                    lambda f=faculty: f.write({"quality_unit_type": "centre"}),
                    f"{role} sets the unit type",
                )
                self.assertAllowed(
                    allowed,
                    lambda f=faculty: f.write(
                        {"quality_officer_ids": [Command.link(self.employees["user"].id)]}
                    ),
                    f"{role} appoints an officer",
                )
                self.assertAllowed(
                    allowed,
                    lambda f=faculty: f.read(["quality_officer_ids"]),
                    f"{role} reads the officers",
                )
        # what the refused roles tried left the unit as it was
        self.assertEqual(self.faculty_eng.quality_unit_type, "centre")
        self.assertEqual(self.faculty_eng.quality_officer_ids, self.employees["user"])

    def test_settings_need_quality_manager(self):
        self.assertFalse(self.users["user"].has_group("quality_university.group_quality_manager"))
        self.assertTrue(self.users["top"].has_group("quality_university.group_quality_manager"))
        menu = self.env.ref("quality_university.quality_menu_configuration")
        visible = self.env["ir.ui.menu"].with_user(self.users["user"])._visible_menu_ids()
        self.assertNotIn(menu.id, visible)
        visible = self.env["ir.ui.menu"].with_user(self.users["manager"])._visible_menu_ids()
        self.assertIn(self.env.ref("quality_university.quality_process_menu").id, visible)

    def test_every_employee_is_a_quality_user(self):
        plain = self.env["res.users"].create({"name": "Plain Employee", "login": "qu_plain"})
        self.assertTrue(plain.has_group("quality_university.group_quality_user"))
        self.assertFalse(plain.has_group("quality_university.group_quality_officer"))
