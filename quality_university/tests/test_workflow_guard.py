"""Every workflow field of every quality model, and every transition the declared
policy refuses to a role, tried as each role below the quality office."""

import logging

from odoo import fields
from odoo.tests import tagged

from .test_access_policy import AccessPolicyCase, quality_models

_logger = logging.getLogger(__name__)

ROLES = ("user", "officer", "auditor")


def a_value(record, name, user):
    """A value different from the record's for a workflow field."""
    field = record._fields[name]
    current = record[name]
    if field.type == "many2one":
        if field.comodel_name == "res.users":
            return user.id if current != user else record.env.ref("base.user_admin").id
        other = (
            record.env[field.comodel_name].sudo().search([("id", "not in", current.ids)], limit=1)
        )
        return other.id or False
    if field.type == "selection":
        values = [key for key, _label in field._description_selection(record.env)]
        return next((key for key in values if key != current), False)
    if field.type in ("date", "datetime"):
        return fields.Date.today() if current != fields.Date.today() else "2000-01-01"
    if field.type == "boolean":
        return not current
    if field.type in ("integer", "float", "monetary"):
        return (current or 0) + 7
    return f"{current or ''} (forged)"


@tagged("post_install", "-at_install")
class TestWorkflowGuard(AccessPolicyCase):
    def test_no_role_writes_a_workflow_field(self):
        through, tried = [], 0
        for model in quality_models(self.env):
            names = getattr(self.env[model], "_workflow_fields", ())
            if not names:
                continue
            for role in ROLES:
                user = self.roles[role]
                inside, own, outside = self._samples(model, user)
                readable = (inside | own | outside).filtered(
                    lambda r, user=user: self._can_read(r, user)
                )[:3]
                for record in readable:
                    for name in names:
                        value = a_value(record, name, user)
                        tried += 1
                        forged = record.with_user(user)
                        outcome = self._probe(
                            lambda forged=forged, name=name, value=value: forged.write(
                                {name: value}
                            )
                        )
                        if outcome == "ok":
                            through.append(f"{role} wrote {model}.{name} on {record}")
        _logger.info("workflow guard: %s workflow field writes tried", tried)
        self.assertGreater(tried, 100)
        self.assertFalse(through, "\n".join(through))

    def test_no_role_runs_a_refused_transition(self):
        through, tried = [], 0
        for row in self.transitions:
            if row["allowed"] != "no" or row["role"] not in ROLES:
                continue
            if row["model"] not in self.env:
                continue
            user = self.roles[row["role"]]
            inside, own, outside = self._samples(row["model"], user)
            readable = (inside | own | outside).filtered(
                lambda r, user=user: self._can_read(r, user)
            )[:3]
            for record in readable:
                tried += 1
                outcome = self._call(record, user, row["transition"])
                if outcome not in ("group", "access", "person"):
                    through.append(
                        f"{row['role']} ran {row['model']}.{row['transition']} "
                        f"on {record} ({outcome})"
                    )
        _logger.info("workflow guard: %s refused transitions tried", tried)
        self.assertGreater(tried, 10)
        self.assertFalse(through, "\n".join(through))
