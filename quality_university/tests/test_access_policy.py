"""The declared access policy (the repository's top-level ``security/`` folder),
walked as the demo users the way RPC calls the ORM.

Every cell of ``security/access/*.csv`` (model × role × read/create/write/unlink)
and of ``security/transitions/*.csv`` (``action_*`` × role) is tried on demo
records found at runtime, one inside the role's units and one outside, so that a
model added later with its own rows and demo data is walked without editing this
test. A quality model or a public ``action_*`` method missing from the files fails.
"""

import csv
import logging
from pathlib import Path

import psycopg2

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger

_logger = logging.getLogger(__name__)

SECURITY = Path(__file__).resolve().parents[2] / "security"
OPERATIONS = ("read", "create", "write", "unlink")
ACCESS_VALUES = {"all", "unit", "own", "none"}
TRANSITION_VALUES = {"yes", "unit", "person", "no"}
ADDON_MODULE = "odoo.addons.quality_university"
SAMPLE = 4  # records tried per side of a cell
# what the demo data cannot show either way: counted and logged, not a difference
UNTRIED = ("untried", "no demo record", "no unlocked demo record", "no field to write", "reads no")
WRITABLE_TYPES = ("char", "text", "integer", "float", "date", "boolean", "selection")
LOG_FIELDS = {"create_uid", "write_uid", "create_date", "write_date"}


class _Rollback(Exception):
    """Undo a successful probe."""


def read_policy(folder, columns):
    """The rows of every CSV file of ``security/<folder>``."""
    rows = []
    for path in sorted((SECURITY / folder).glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            missing = set(columns) - set(reader.fieldnames or ())
            if missing:
                raise AssertionError(f"{path}: missing columns {sorted(missing)}")
            for number, row in enumerate(reader, start=2):
                rows.append(
                    {**{c: (row[c] or "").strip() for c in columns}, "_at": f"{path.name}:{number}"}
                )
    return rows


def quality_models(env):
    return sorted(
        name
        for name, model in env.registry.items()
        if name.startswith("quality.") and not model._abstract and not model._transient
    )


def public_actions(model):
    """Public ``action_*`` methods that the quality addons define on the model."""
    cls = type(model)
    names = set()
    for name in dir(cls):
        if not name.startswith("action_"):
            continue
        for klass in cls.__mro__:
            func = klass.__dict__.get(name)
            if callable(func) and (func.__module__ or "").startswith(ADDON_MODULE):
                names.add(name)
                break
    return sorted(names)


class AccessPolicyCase(TransactionCase):
    """The roles, the declared policy and the probes, shared by the policy tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not SECURITY.is_dir():
            raise AssertionError(f"The declared access policy is missing: {SECURITY}")
        cls.roles = {}
        with (SECURITY / "roles.csv").open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                user = cls.env["res.users"].search([("login", "=", row["demo_login"])])
                if not user:
                    raise AssertionError(f"demo user {row['demo_login']} is missing")
                cls.roles[row["role"]] = user
        cls.access = read_policy("access", ("model", "role", *OPERATIONS))
        cls.transitions = read_policy("transitions", ("model", "transition", "role", "allowed"))

    # what a record is to a role ---------------------------------------------

    def _units(self, user):
        """The units in the user's care (with their sub-units) or else the user's own."""
        care = user.sudo().quality_officer_department_ids
        own = user.employee_ids.sudo().department_id
        return care or self.env["hr.department"].sudo().search([("id", "child_of", own.ids)])

    def _unit_of(self, record, depth=0):
        """The units a record belongs to, or None when its model has none."""
        fields = record._fields
        parent = getattr(record, "_workflow_parent_field", None)
        if parent and depth < 3:
            return self._unit_of(record[parent], depth + 1)
        for name in ("department_id", "department_ids"):
            field = fields.get(name)
            if field and field.comodel_name == "hr.department":
                return record[name]
        if depth < 3:
            for name, field in fields.items():
                if (
                    field.type == "many2one"
                    and field.required
                    and field.comodel_name.startswith("quality.")
                    and field.comodel_name != record._name
                ):
                    return self._unit_of(record[name], depth + 1)
        return None

    def _names_user(self, record, user, depth=0, down=True):
        """A record is the user's own when it names him or her, or its parent does,
        or one of its lines (an acknowledgement, an agreement line) does."""
        parent = getattr(record, "_workflow_parent_field", None)
        if parent and depth < 2 and record[parent]:
            if self._names_user(record[parent], user, depth + 1, down=False):
                return True
        for name, field in record._fields.items():
            if not field.store or name in LOG_FIELDS:
                continue
            if field.type == "many2one":
                if field.comodel_name == "res.users" and record[name] == user:
                    return True
                if field.comodel_name == "hr.employee" and record[name] & user.employee_ids:
                    return True
            elif field.type == "one2many" and down and depth < 2:
                if field.comodel_name.startswith("quality.") and any(
                    self._names_user(line, user, depth + 1) for line in record[name]
                ):
                    return True
        return False

    def _samples(self, model_name, user):
        """(inside, own, outside) records of the model for the user, as superuser."""
        Model = self.env[model_name].sudo()
        domain = []
        if "company_id" in Model._fields and Model._fields["company_id"].store:
            domain = [("company_id", "in", [False, *user.company_ids.ids])]
        records = Model.search(domain, limit=400, order="id desc")
        units = self._units(user)
        inside, own, outside = Model.browse(), Model.browse(), Model.browse()
        for record in records:
            record_units = self._unit_of(record)
            is_own = self._names_user(record, user)
            if is_own:
                own |= record
            if record_units is None:
                if len(inside) <= len(outside):
                    inside |= record
                elif not is_own:
                    outside |= record
            elif record_units & units:
                inside |= record
            elif record_units and not is_own:
                outside |= record
        return inside, own, outside

    def _unlocked(self, records):
        if hasattr(records, "_workflow_locked"):
            return records - records._workflow_locked()
        return records

    # probes ------------------------------------------------------------------

    def _probe(self, func):
        """Run func in a savepoint that is always rolled back; say what happened."""
        try:
            with (
                mute_logger("odoo.sql_db", "odoo.models.unlink", "odoo.addons.mail"),
                self.env.cr.savepoint(),
            ):
                func()
                self.env.flush_all()
                raise _Rollback
        except _Rollback:
            return "ok"
        except AccessError as error:
            return getattr(error, "quality_refusal", "access")
        except UserError:
            return "refused"
        except psycopg2.Error:
            return "integrity"
        finally:
            self.env.invalidate_all()

    def _can_read(self, record, user):
        return self._probe(lambda: record.with_user(user).check_access("read")) == "ok"

    def _free_fields(self, Model):
        """A plain stored field nobody's workflow owns, to write its own value back."""
        workflow = set(getattr(Model, "_workflow_fields", ()))
        candidates = [
            (name, field)
            for name, field in Model._fields.items()
            if field.store
            and not field.compute
            and not field.related
            and not field.readonly
            and field.type in WRITABLE_TYPES
            and name not in workflow
            and name not in LOG_FIELDS
            and name not in ("active", "company_id", "sequence")
            and not name.startswith(("message_", "activity_"))
        ]
        candidates.sort(key=lambda item: (item[1].type not in ("text", "char"), item[0]))
        return [name for name, _field in candidates[:6]]

    def _try_write(self, record, user, names):
        """ok when the role may write one of the plain fields (a role may own only some)."""
        outcome = "none"
        for name in names:
            outcome = self._probe(
                lambda name=name: record.with_user(user).write({name: record[name]})
            )
            if outcome == "ok":
                break
        return outcome

    def _try_unlink(self, record, user):
        return self._probe(lambda: record.with_user(user).unlink())

    def _create_vals(self, template, user):
        """The required data of a template record (plus its unit), made unique."""
        vals = {}
        workflow = set(getattr(template, "_workflow_fields", ()))
        unique = " ".join(
            definition
            for _name, definition, _message in template._sql_constraints
            if definition.upper().startswith("UNIQUE")
        ).replace(" ", "")
        for name, field in template._fields.items():
            unit_field = name in ("department_id", "department_ids") and not field.related
            if not field.store or name in workflow or field.related:
                continue
            if not (unit_field or (field.required and not field.compute)):
                continue
            value = template[name]
            if field.type == "many2one":
                vals[name] = user.id if field.comodel_name == "res.users" else value.id
            elif field.type == "many2many":
                vals[name] = [Command.set(value.ids)]
            elif field.type == "one2many":
                continue
            elif field.type == "char" and value:
                vals[name] = f"{value} ({user.login})"
            elif field.type == "integer" and (f",{name}" in unique or f"({name}" in unique):
                vals[name] = (value or 0) + 1000 + user.id  # a unique number
            elif field.type in (
                "date",
                "datetime",
                "selection",
                "float",
                "text",
                "html",
                "integer",
            ):
                vals[name] = value or False
            elif field.type == "boolean":
                vals[name] = value
        return vals

    def _try_create(self, template, user):
        vals = self._create_vals(template, user)
        return self._probe(lambda: self.env[template._name].with_user(user).create(vals))

    def _call(self, record, user, method):
        return self._probe(lambda: getattr(record.with_user(user), method)())


@tagged("post_install", "-at_install")
class TestAccessPolicy(AccessPolicyCase):
    def test_policy_covers_every_model_and_transition(self):
        declared = {(row["model"], row["role"]) for row in self.access}
        missing = [
            f"{model} × {role}"
            for model in quality_models(self.env)
            for role in self.roles
            if (model, role) not in declared
        ]
        self.assertFalse(missing, f"models missing from security/access/*.csv: {missing}")
        declared = {(row["model"], row["transition"], row["role"]) for row in self.transitions}
        missing = [
            f"{model}.{method} × {role}"
            for model in quality_models(self.env)
            for method in public_actions(self.env[model])
            for role in self.roles
            if (model, method, role) not in declared
        ]
        self.assertFalse(missing, f"transitions missing from security/transitions/*.csv: {missing}")
        for row in self.access:
            self.assertIn(row["role"], self.roles, row["_at"])
            self.assertIn(row["model"], self.env, row["_at"])
            for operation in OPERATIONS:
                self.assertIn(row[operation], ACCESS_VALUES, f"{row['_at']} {operation}")
        for row in self.transitions:
            self.assertIn(row["role"], self.roles, row["_at"])
            self.assertIn(row["allowed"], TRANSITION_VALUES, row["_at"])
            self.assertTrue(
                callable(getattr(self.env[row["model"]], row["transition"], None)), row["_at"]
            )

    def test_declared_access_matches_the_server(self):
        differences, untried, cells = [], [], 0
        for row in self.access:
            if row["model"] not in self.env or row["role"] not in self.roles:
                continue
            user = self.roles[row["role"]]
            Model = self.env[row["model"]]
            inside, own, outside = self._samples(row["model"], user)
            for operation in OPERATIONS:
                cells += 1
                problem = self._check_cell(
                    Model, user, operation, row[operation], inside, own, outside
                )
                if problem and problem.startswith(UNTRIED):
                    untried.append(f"{row['_at']} {row['role']} {operation}: {problem}")
                elif problem:
                    differences.append(
                        f"{row['_at']} {row['model']} {row['role']} {operation}="
                        f"{row[operation]}: {problem}"
                    )
        _logger.info(
            "access policy: %s cells walked, %s differ, %s untried for lack of demo data",
            cells,
            len(differences),
            len(untried),
        )
        self.assertFalse(differences, "\n".join(differences))

    def _check_cell(self, Model, user, operation, expected, inside, own, outside):
        everything = inside[:SAMPLE] | own[:SAMPLE] | outside[:SAMPLE]
        if operation == "read":
            readable = {record: self._can_read(record, user) for record in everything}
            if expected == "none":
                seen = [r for r, ok in readable.items() if ok]
                return f"reads {seen[:3]}" if seen else None
            positive = {"all": everything, "unit": inside[:SAMPLE], "own": own[:SAMPLE]}[expected]
            if not positive:
                return "no demo record to try"
            refused = [r for r in positive if not readable[r]]
            # own records include history the procedure takes away (superseded revisions)
            if refused if expected != "own" else len(refused) == len(positive):
                return f"cannot read {refused[:3]}"
            if expected in ("unit", "own"):
                others = outside[:SAMPLE] | (inside[:SAMPLE] if expected == "own" else own.browse())
                if others and all(readable[r] for r in others):
                    return f"reads beyond its {expected}: {others[:3]}"
            return None
        if operation == "create":
            # templates in an open state (a closed parent takes no new line)
            inside, own, outside = (self._unlocked(r) or r for r in (inside, own, outside))
            if expected == "none":
                for template in everything[:SAMPLE]:
                    outcome = self._try_create(template, user)
                    if outcome == "ok":
                        return f"creates like {template}"
                return None
            sides = {
                "all": ((inside | own | outside)[:SAMPLE], outside[:SAMPLE]),
                "unit": (inside[:SAMPLE],),
                "own": (own[:SAMPLE] or inside[:SAMPLE],),
            }[expected]
            for index, templates in enumerate(sides):
                if not templates:
                    if index:
                        continue
                    return "no demo record to try"
                outcomes = {t: self._try_create(t, user) for t in templates}
                if "ok" not in outcomes.values():
                    if not {"access", "group", "person"} & set(outcomes.values()):
                        # the copy broke a business rule (one plan a year...), not access
                        return f"untried: copies refused by the data's rules {outcomes}"
                    return f"cannot create like {outcomes}"
            if expected == "unit" and outside:
                outcome = self._try_create(outside[0], user)
                if outcome == "ok":
                    return f"creates outside its units like {outside[0]}"
            return None
        # write and unlink
        field = self._free_fields(Model) if operation == "write" else None
        if operation == "write" and not field:
            return None if expected == "none" else "no field to write"

        def attempt(record):
            if operation == "write":
                return self._try_write(record, user, field)
            return self._try_unlink(record, user)

        ok = ("ok",) if operation == "write" else ("ok", "integrity")
        if expected == "none":
            for record in self._unlocked(everything)[:SAMPLE]:
                outcome = attempt(record)
                if outcome in ok:
                    return f"{operation}s {record} ({outcome})"
            return None
        sides = {
            "all": (inside | own | outside, self._unlocked(outside)),
            "unit": (inside,),
            "own": (own,),
        }[expected]
        for index, side in enumerate(sides):
            # a record in the right stage suffices: a stage may forbid what access allows
            positive = self._unlocked(side)[: SAMPLE * 2]
            if not positive:
                if index:
                    continue  # nothing open outside: the first side proved it
                return "no unlocked demo record to try"
            outcomes = {record: attempt(record) for record in positive}
            if not set(outcomes.values()) & set(ok):
                return f"cannot {operation}: {outcomes}"
        if expected in ("unit", "own"):
            others = self._unlocked(outside)[:SAMPLE]
            if others and all(attempt(record) in ok for record in others):
                return f"{operation}s beyond its {expected}: {others[:3]}"
        return None

    def test_declared_transitions_match_the_server(self):
        differences, untried, cells = [], [], 0
        for row in self.transitions:
            if row["model"] not in self.env or row["role"] not in self.roles:
                continue
            cells += 1
            user = self.roles[row["role"]]
            inside, own, outside = self._samples(row["model"], user)
            candidates = inside if row["allowed"] == "unit" else inside | own | outside
            readable = candidates.filtered(lambda r, user=user: self._can_read(r, user))
            problem = self._check_transition(row, user, readable, outside)
            if problem and problem.startswith(UNTRIED):
                untried.append(f"{row['_at']} {row['role']}: {problem}")
            elif problem:
                differences.append(
                    f"{row['_at']} {row['model']}.{row['transition']} {row['role']}="
                    f"{row['allowed']}: {problem}"
                )
        _logger.info(
            "transition policy: %s cells walked, %s differ, %s untried for lack of demo data",
            cells,
            len(differences),
            len(untried),
        )
        self.assertFalse(differences, "\n".join(differences))

    def _check_transition(self, row, user, readable, outside):
        method, expected = row["transition"], row["allowed"]
        tried = (
            readable[:SAMPLE] or outside[:1] or self.env[row["model"]].sudo().search([], limit=1)
        )
        if not tried:
            return "no demo record to try"
        outcomes = {record: self._call(record, user, method) for record in tried}
        if expected == "no":
            passed = {r: o for r, o in outcomes.items() if o not in ("group", "access")}
            return f"gets through: {passed}" if passed else None
        allowed = {"yes": ("ok", "refused"), "unit": ("ok", "refused")}.get(
            expected, ("ok", "refused", "person")
        )
        if not readable:
            return None if expected in ("yes", "person") else "reads no record to try"
        wrong = {r: o for r, o in outcomes.items() if o not in allowed}
        if wrong:
            return f"refused to the role: {wrong}"
        if expected == "unit" and outside:
            outcome = self._call(outside[0], user, method)
            if outcome not in ("group", "access", "person"):
                return f"runs outside its units on {outside[0]} ({outcome})"
        return None
