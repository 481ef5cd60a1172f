from odoo import api, fields, models
from odoo.exceptions import AccessError

# the unit structure decides the quality officers' scope (record rules follow
# ``child_of``): only HR and the quality office change it
QUALITY_FIELDS = {"quality_unit_type", "quality_officer_ids", "parent_id", "company_id"}
SCOPE_FIELDS = {"quality_officer_ids", "parent_id", "company_id", "active"}


class HrDepartment(models.Model):
    _inherit = "hr.department"

    quality_unit_type = fields.Selection(
        [
            ("rectorate", "Rectorate"),
            ("faculty", "Faculty"),
            ("department", "Department (kafedra)"),
            ("office", "Office"),
            ("centre", "Centre"),
        ],
        string="Unit Type",
        tracking=True,
        help="Kind of structural unit in the university's quality management system.",
    )
    quality_officer_ids = fields.Many2many(
        "hr.employee",
        "quality_department_officer_rel",
        "department_id",
        "employee_id",
        string="Unit Quality Officers",
        groups="hr.group_hr_user,quality_university.group_quality_manager",
        help="Staff authorised for quality in this unit: they keep its records and "
        "acknowledge its staff with the policy and documents.",
    )
    quality_process_count = fields.Integer(compute="_compute_quality_process_count")

    @api.depends("complete_name")
    @api.depends_context("lang", "hierarchical_naming")
    def _compute_display_name(self):
        """hr stores ``complete_name`` once, in English: build the path from the
        translated names so a trilingual university reads its units in its language."""
        if not self.env.context.get("hierarchical_naming", True):
            return super()._compute_display_name()
        paths = {d: [int(i) for i in (d.parent_path or "").split("/") if i] for d in self}
        ancestors = self.sudo().browse({i for path in paths.values() for i in path})
        names = {ancestor.id: ancestor.name for ancestor in ancestors}
        for department, path in paths.items():
            department.display_name = (
                " / ".join(names[i] for i in path) if path else department.name
            )

    def _compute_quality_process_count(self):
        counts = dict(
            self.env["quality.process"]._read_group(
                [("department_id", "in", self.ids)], ["department_id"], ["__count"]
            )
        )
        for department in self:
            department.quality_process_count = counts.get(department, 0)

    def _quality_roll_up(self, counts):
        """Sum ``counts`` (``{department: [numbers]}``, e.g. a grouped count) into each
        unit of self with its sub-units, as ``child_of`` would: ``{unit id: [sums]}``."""
        counts = {department: numbers for department, numbers in counts.items() if department}
        self.browse({department.id for department in counts}).fetch(["parent_path"])
        wanted = set(self.ids)
        totals = {}
        for department, numbers in counts.items():
            # the department itself and every unit above it, from its path "1/5/9/"
            for unit_id in map(int, department.parent_path.split("/")[:-1]):
                if unit_id in wanted:
                    sums = totals.setdefault(unit_id, [0] * len(numbers))
                    for index, number in enumerate(numbers):
                        sums[index] += number
        return totals

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("parent_id") or vals.get("quality_officer_ids") for vals in vals_list):
            self._check_quality_organisation_access()
        departments = super().create(vals_list)
        if any(vals.get("quality_officer_ids") for vals in vals_list):
            departments._quality_scope_changed()
        return departments

    def write(self, vals):
        if QUALITY_FIELDS & vals.keys():
            self._check_quality_organisation_access()
        result = super().write(vals)
        if SCOPE_FIELDS & vals.keys():
            self._quality_scope_changed()
        return result

    def _quality_scope_changed(self):
        """Record rules read the officers' units: drop their cached domains and units."""
        self.env["res.users"].invalidate_model(["quality_officer_department_ids"])
        self.env.registry.clear_cache()

    def _check_quality_organisation_access(self):
        """Every employee may edit a department in ``hr``; only HR and the quality
        office may change its place in the quality management system."""
        user = self.env.user
        if (
            self.env.su
            or user.has_group("hr.group_hr_user")
            or user.has_group("quality_university.group_quality_manager")
        ):
            return
        raise AccessError(
            self.env._(
                "Only HR or the quality office may change a unit's place in the structure, "
                "its type or its quality officers."
            )
        )

    def action_open_quality_processes(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_university.quality_process_action"
        )
        action["domain"] = [("department_id", "=", self.id)]
        action["context"] = {"default_department_id": self.id}
        return action
