#!/usr/bin/env python3
"""Benchmark the quality system at university scale.

    python3 bench/bench.py --scale 0.1            # a laptop, minutes
    python3 bench/bench.py --scale 1              # the whole university, by hand

Generates a seeded university of N x (60 units, 5,000 employees, 5,000 documents,
500,000 acknowledgements, 20,000 nonconformities, 50,000 actions) in a database of its
own, then measures each operation: server time (median of repeated runs, cold cache),
SQL queries, and the time of one hand-written SQL query giving the same result (the
floor). With --oca it builds the same nonconformities in OCA's mgmtsystem_nonconformity
(registry wheels, outside the repository) and compares; with --load it serves the
database with several workers and lets hundreds of staff acknowledge a new revision at
once, then checks that nothing was lost; with --replica it shows Odoo running the
read-only routes and calls on a streaming replica (bench/replica.py). Nothing here is a
timed test.
"""

import argparse
import importlib
import json
import statistics
import sys
import time
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import harness  # noqa: E402

BASE = {
    "units": 60,
    "employees": 5000,
    "documents": 5000,
    "acknowledgements": 500_000,
    "nonconformities": 20_000,
    "actions": 50_000,
    "graduates": 100_000,
    "survey_answers": 200_000,
    "rated_employees": 5000,
}
LOAD_USERS = 200
MODULES = "quality_university,quality_university_survey"


def blocks():
    """The modules of bench/blocks/: each generates its block's data and measures its
    operations (`generate(env, size, info)`, `operations(env, info)`, `grow(env, size,
    info)`), so a new block of the product brings its figures without touching this file."""
    folder = Path(__file__).resolve().parent / "blocks"
    sys.path.insert(0, str(folder.parent))
    return [
        importlib.import_module(f"blocks.{path.stem}")
        for path in sorted(folder.glob("*.py"))
        if not path.stem.startswith("_")
    ]


def sizes(scale):
    return {key: max(int(value * scale), 4) for key, value in BASE.items()}


# -- database ------------------------------------------------------------------------


def ensure_database(env, odoo_root, db_args, name, modules, addons_path=None, reset=False):
    """Install `modules` into a new database `name`, unless it exists and was made from
    the addons as they are now (a database of older code is made anew). True when new."""
    import subprocess

    from replica import addons_hash

    stamp = f"qu_bench {modules} {addons_hash()}"
    exists = harness.database_exists(db_args, name)
    if exists and not reset:
        comment = harness.psql(
            db_args,
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
            f"WHERE datname = '{name}'",
        )
        if comment == stamp:
            return False
        print(f"  the addons changed since {name} was made: making it anew", flush=True)
    if exists:
        harness.drop_database(db_args, name)
    cmd = harness.odoo_command(
        odoo_root,
        db_args,
        name,
        "-i",
        modules,
        "--without-demo",
        "all",
        "--stop-after-init",
        "--workers",
        "0",
        "--http-port",
        str(harness.free_port()),
        "--log-level",
        "warn",
    )
    if addons_path:
        cmd[cmd.index("--addons-path") + 1] += "," + addons_path
    print(f"  installing {modules} into {name}", flush=True)
    subprocess.run(cmd, env=env, check=True)
    harness.psql(db_args, f"COMMENT ON DATABASE \"{name}\" IS '{stamp}'")
    return True


def open_registry(odoo_root, db_args, name, addons_path=None):
    import odoo
    from odoo.tools import config

    host, port, user = db_args
    paths = harness.addons_path(odoo_root) + ("," + addons_path if addons_path else "")
    config.parse_config(
        [
            "--addons-path",
            paths,
            "--db_host",
            host,
            "--db_port",
            str(port),
            "--db_user",
            user,
            "--log-level",
            "warn",
        ]
    )
    return odoo.modules.registry.Registry(name)


def create_users(env, rows):
    """Internal users of the bench, each dict's login its password, plus the groups
    (xml ids) its optional "groups" names."""
    from odoo import Command

    return (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            [
                {
                    "password": row["login"],
                    **{key: value for key, value in row.items() if key != "groups"},
                    "groups_id": [
                        Command.link(env.ref(xmlid).id)
                        for xmlid in ("base.group_user", *row.get("groups", ()))
                    ],
                }
                for row in rows
            ]
        )
    )


def first_page(model, spec, domain=(), user=None, **kwargs):
    """An operation: the first 80 rows of a list view, asked as the web client asks them
    (as `user`, when named)."""

    def operation(env):
        records = env[model].with_user(user) if user else env[model]
        return records.web_search_read(list(domain), spec, limit=80, **kwargs)

    return operation


def clone_rows(cr, table, template_id, count, overrides):
    """Insert `count` copies of one row (the table's latest when `template_id` is None),
    each column of `overrides` an SQL expression of g (1..count). New NOT NULL columns
    of later versions come along by themselves."""
    cr.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = %s AND column_name != 'id'",
        (table,),
    )
    columns = [row[0] for row in cr.fetchall()]
    select = [overrides.get(col, f't."{col}"').replace("%", "%%") for col in columns]
    names = ", ".join(f'"{col}"' for col in columns)
    cr.execute(
        f'INSERT INTO "{table}" ({names}) '
        f"SELECT {', '.join(select)} FROM generate_series(1, %s) g, "
        f'"{table}" t WHERE t.id = COALESCE(%s, (SELECT max(id) FROM "{table}")) '
        "RETURNING id",
        (count, template_id),
    )
    return [row[0] for row in cr.fetchall()]


# -- the generator -------------------------------------------------------------------


def generate(env, size, seed=1):
    """A seeded university, batched; raw SQL through the ORM's cursor for the bulk."""
    from odoo import Command

    cr = env.cr
    company = env.company
    company.name = "Bench University"
    env["ir.config_parameter"].set_param("password.hashing.rounds", 1000)
    Department = env["hr.department"]
    faculties = Department.create(
        [
            {"name": f"Faculty {i}", "quality_unit_type": "faculty"}
            for i in range(max(size["units"] // 10, 2))
        ]
    )
    kafedras = Department.create(
        [
            {
                "name": f"Department {i}",
                "quality_unit_type": "department",
                "parent_id": faculties[i % len(faculties)].id,
            }
            for i in range(size["units"] - len(faculties))
        ]
    )
    units = faculties | kafedras
    users = create_users(
        env,
        [
            {"name": f"Staff {i}", "login": f"staff{i}"}
            for i in range(min(LOAD_USERS, size["employees"]))
        ],
    )
    employees = env["hr.employee"].create(
        [
            {
                "name": f"Employee {i}",
                "department_id": kafedras[i % len(kafedras)].id,
                "job_title": "Lecturer",
                "user_id": users[i].id if i < len(users) else False,
            }
            for i in range(size["employees"])
        ]
    )
    # an officer per faculty: the first user of a kafedra of that faculty
    officer = users[0]
    officer_unit = kafedras[0].parent_id
    officer_unit.quality_officer_ids = [Command.link(employees[0].id)]
    officer.groups_id = [Command.link(env.ref("quality_university.group_quality_officer").id)]
    env.flush_all()

    # documents: one real, through the workflow, then clones
    doc_type = env["quality.document.type"].search([("level", "=", 3)], limit=1)
    template_doc = env["quality.document"].create(
        {"name": "Template procedure", "type_id": doc_type.id, "distribute_to_all": True}
    )
    template_rev = env["quality.document.revision"].create({"document_id": template_doc.id})
    env.flush_all()
    doc_ids = clone_rows(
        cr,
        "quality_document",
        template_doc.id,
        size["documents"] - 1,
        {
            "code": "'B-' || g",
            "name": "jsonb_build_object('en_US', 'Procedure ' || g)",
            "department_id": f"(ARRAY{units.ids})[1 + g % {len(units)}]",
            "distribute_to_all": "false",
        },
    )
    cr.execute("SELECT id FROM quality_document WHERE id = ANY(%s) ORDER BY id", (doc_ids,))
    rev_ids = []
    for chunk in range(0, len(doc_ids), 1000):
        part = doc_ids[chunk : chunk + 1000]
        rev_ids += clone_rows(
            cr,
            "quality_document_revision",
            template_rev.id,
            len(part),
            {
                "document_id": f"(ARRAY{part})[g]",
                "name": f"'B-' || (ARRAY{part})[g] || ', edition 1'",
                "state": "'effective'",
            },
        )
    cr.execute(
        "UPDATE quality_document d SET current_revision_id = r.id, state = 'effective' "
        "FROM quality_document_revision r WHERE r.document_id = d.id AND r.id = ANY(%s)",
        (rev_ids,),
    )
    # acknowledgements: each revision to a stripe of the staff, 70 % signed
    per_rev = max(size["acknowledgements"] // max(len(rev_ids), 1), 1)
    cr.execute(
        """
        INSERT INTO quality_document_acknowledgement
            (revision_id, document_id, employee_id, user_id, department_id, job_title, state,
             date_due, completion, company_id, create_uid, create_date, write_uid, write_date,
             date_acknowledged, acknowledged_by_id)
        SELECT r.id, r.document_id, e.id, e.user_id, e.department_id, e.job_title,
               CASE WHEN (r.id + k) %% 10 < 7 THEN 'done' ELSE 'pending' END,
               CURRENT_DATE + ((r.id + k) %% 40 - 20),
               CASE WHEN (r.id + k) %% 10 < 7 THEN 100 ELSE 0 END,
               %(company)s, 1, now(), 1, now(),
               CASE WHEN (r.id + k) %% 10 < 7 THEN now() END,
               CASE WHEN (r.id + k) %% 10 < 7 THEN e.user_id END
          FROM quality_document_revision r
          CROSS JOIN generate_series(0, %(per)s - 1) k
          JOIN hr_employee e ON e.id = (%(emp_ids)s::int[])[1 + (r.id * 7919 + k * 31) %% %(emps)s]
         WHERE r.id = ANY(%(revs)s)
        ON CONFLICT (revision_id, employee_id) DO NOTHING
        """,
        {
            "company": company.id,
            "per": per_rev,
            "emps": len(employees),
            "emp_ids": employees.ids,
            "revs": rev_ids,
        },
    )
    # nonconformities and actions: one each through the ORM, then clones
    process = env["quality.process"].search([], limit=1)
    template_nc = env["quality.nonconformity"].create(
        {
            "department_id": kafedras[0].id,
            "description": "Exam tickets not checked against the syllabus",
            "process_id": process.id,
        }
    )
    template_action = env["quality.action"].create(
        {
            "name": "Check the exam tickets",
            "nonconformity_id": template_nc.id,
            "responsible_id": users[0].id,
            "date_deadline": "2026-06-30",
        }
    )
    env.flush_all()
    states = "(ARRAY['new','analysis','action_plan','in_progress','effectiveness','closed'])"
    nc_ids = clone_rows(
        cr,
        "quality_nonconformity",
        template_nc.id,
        size["nonconformities"] - 1,
        {
            "name": "'NC-B-' || lpad(g::text, 6, '0')",
            "date": "DATE '2024-01-01' + (g * 7919) % 1000",
            "department_id": f"(ARRAY{units.ids})[1 + (g * 13) % {len(units)}]",
            "state": f"{states}[1 + g % 6]",
            "severity": "CASE WHEN g % 5 = 0 THEN 'major' ELSE 'minor' END",
            "description": "'Nonconformity ' || g",
        },
    )
    per_nc = size["actions"] / max(len(nc_ids), 1)
    action_count = size["actions"] - 1
    clone_rows(
        cr,
        "quality_action",
        template_action.id,
        action_count,
        {
            "name": "'Action ' || g",
            "nonconformity_id": f"(ARRAY{nc_ids})[1 + floor((g - 1) / {per_nc})::int "
            f"% {len(nc_ids)}]",
            "date_deadline": "DATE '2024-03-01' + (g * 31) % 1000",
            "state": "(ARRAY['planned','in_progress','implemented','verified','closed'])"
            "[1 + g % 5]",
        },
    )
    cr.execute(
        "UPDATE quality_action a SET department_id = n.department_id "
        "FROM quality_nonconformity n WHERE a.nonconformity_id = n.id"
    )
    cr.execute("ANALYZE")
    env.invalidate_all()
    return {
        "unit_ids": units.ids,
        "officer_login": officer.login,
        "officer_unit": officer_unit.id,
        "user_ids": users.ids,
        "doc_type": doc_type.id,
    }


def grow(env, size):
    """Add the same amount again (for the flat-query check at twice the size)."""
    cr = env.cr
    clone_rows(
        cr,
        "quality_nonconformity",
        None,
        size["nonconformities"],
        {"name": "'NC-G-' || lpad(g::text, 6, '0')", "date": "DATE '2023-01-01' + g % 900"},
    )
    emp_ids = clone_rows(
        cr,
        "hr_employee",
        None,
        size["employees"],
        {"name": "'Grown ' || g", "user_id": "NULL", "work_contact_id": "NULL"},
    )
    cr.execute(
        "SELECT id FROM quality_document_revision WHERE state = 'effective' ORDER BY id LIMIT 1"
    )
    rev = cr.fetchone()[0]
    clone_rows(
        cr,
        "quality_document_acknowledgement",
        None,
        len(emp_ids),
        {"employee_id": f"(ARRAY{emp_ids})[g]", "revision_id": str(rev), "state": "'pending'"},
    )
    cr.execute("ANALYZE")
    env.invalidate_all()


# -- measuring -----------------------------------------------------------------------


def measure(env, operation, repeat=5):
    """Median wall time (ms) and SQL queries of `operation(env)`, each run rolled back.
    Two first runs warm the registry's caches (views, rules), as on a running server:
    one is not always enough (a record a first run read as superuser, e.g. in a rule's
    domain, it reads as the user in the second, through rules not yet cached)."""
    cr = env.cr
    times, queries = [], []
    for run in range(repeat + 2):
        env.invalidate_all()
        with closing(cr.savepoint(flush=False)):
            before = cr.sql_log_count
            start = time.perf_counter()
            operation(env)
            env.flush_all()
            elapsed = (time.perf_counter() - start) * 1000
            count = cr.sql_log_count - before
        env.invalidate_all()
        if run > 1:
            times.append(elapsed)
            queries.append(count)
    return statistics.median(times), max(queries)


def measure_sql(cr, sql, params=(), repeat=5):
    """Median time (ms) of one hand-written query giving the same result: the floor."""
    times = []
    for _ in range(repeat):
        with closing(cr.savepoint(flush=False)):
            start = time.perf_counter()
            cr.execute(sql, params)
            cr.fetchall()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def operations(env, info):
    """(name, ORM operation, floor SQL, params) for each measured operation."""
    from odoo import fields
    from odoo.addons.quality_university.controllers.xlsx import xlsx_content

    officer = env["res.users"].search([("login", "=", info["officer_login"])])
    reader = env["res.users"].browse(info["user_ids"][1])
    ack_spec = {
        "document_id": {"fields": {"display_name": {}}},
        "revision_id": {"fields": {"display_name": {}}},
        "date_due": {},
        "state": {},
    }
    nc_spec = {
        name: ({"fields": {"display_name": {}}} if field.type == "many2one" else {})
        for name, field in env["quality.nonconformity"]._fields.items()
        if name
        in (
            "name",
            "date",
            "source",
            "department_id",
            "process_id",
            "criterion_id",
            "severity",
            "repeated",
            "state",
        )
    }
    doc_type = env["quality.document.type"].browse(info["doc_type"])
    # the officer's faculty and its kafedras (a faculty is a root: its path is "6/")
    officer_units = env["hr.department"].browse(info["officer_unit"]).parent_path + "%"
    staff = env["hr.employee"].search_count([])

    def distribute(env):
        document = env["quality.document"].create(
            {"name": "Distributed", "type_id": doc_type.id, "distribute_to_all": True}
        )
        revision = env["quality.document.revision"].create({"document_id": document.id})
        env.cr.execute(
            "UPDATE quality_document_revision SET state = 'effective' WHERE id = %s",
            (revision.id,),
        )
        revision.invalidate_recordset()
        revision._distribute()

    today = fields.Date.today()
    return [
        (
            f"distribute a revision to {staff} employees",
            distribute,
            "INSERT INTO quality_document_acknowledgement (revision_id, document_id, "
            "employee_id, state, completion, company_id) SELECT r.id, r.document_id, e.id, "
            "'pending', 0, 1 FROM hr_employee e, (SELECT id, document_id FROM "
            "quality_document_revision LIMIT 1) r ON CONFLICT DO NOTHING RETURNING id",
            (),
        ),
        (
            "one employee's To Read list",
            first_page(
                "quality.document.acknowledgement",
                ack_spec,
                [("user_id", "=", reader.id), ("state", "=", "pending")],
                reader,
            ),
            "SELECT a.id, a.date_due, a.state, d.name->>'en_US', r.name "
            "FROM quality_document_acknowledgement a "
            "JOIN quality_document d ON d.id = a.document_id "
            "JOIN quality_document_revision r ON r.id = a.revision_id "
            "WHERE a.user_id = %s AND a.state = 'pending' "
            "ORDER BY a.date_due, a.document_id, a.department_id, a.employee_id LIMIT 80",
            (reader.id,),
        ),
        (
            "acknowledgement completion by unit",
            lambda env: env["quality.document.acknowledgement"].web_read_group(
                [("state", "!=", "cancelled")],
                ["completion:avg"],
                ["department_id"],
            ),
            "SELECT a.department_id, avg(a.completion), count(*) "
            "FROM quality_document_acknowledgement a "
            "LEFT JOIN hr_department dep ON dep.id = a.department_id "
            "WHERE a.state != 'cancelled' GROUP BY a.department_id, dep.name "
            "ORDER BY dep.name",
            (),
        ),
        (
            "nonconformity list, 80 rows, as an officer",
            first_page("quality.nonconformity", nc_spec, user=officer),
            "SELECT n.id, n.name, n.date, n.source, dep.name, n.severity, n.state "
            "FROM quality_nonconformity n LEFT JOIN hr_department dep "
            "ON dep.id = n.department_id WHERE n.department_id IN "
            "(SELECT id FROM hr_department WHERE parent_path LIKE %s) "
            "ORDER BY n.date DESC, n.id DESC LIMIT 80",
            (officer_units,),
        ),
        (
            "nonconformity counts by stage, as an officer",
            lambda env: (
                env["quality.nonconformity"]
                .with_user(officer)
                .web_read_group([], ["__count"], ["state"])
            ),
            "SELECT n.state, count(*) FROM quality_nonconformity n WHERE n.department_id IN "
            "(SELECT id FROM hr_department WHERE parent_path LIKE %s) GROUP BY n.state",
            (officer_units,),
        ),
        (
            "nonconformity register XLSX, as an officer",
            lambda env: xlsx_content(
                "Nonconformities", *env["quality.nonconformity"].with_user(officer)._register_rows()
            ),
            "SELECT n.name, n.date, n.source, dep.name, p.name, c.name, n.description, "
            "n.severity, n.state, n.repeated, (SELECT count(*) FROM quality_action a "
            "WHERE a.nonconformity_id = n.id) FROM quality_nonconformity n "
            "LEFT JOIN hr_department dep ON dep.id = n.department_id "
            "LEFT JOIN quality_process p ON p.id = n.process_id "
            "LEFT JOIN quality_audit_criterion c ON c.id = n.criterion_id "
            "WHERE n.department_id IN (SELECT id FROM hr_department WHERE parent_path LIKE %s) "
            "ORDER BY n.date, n.id",
            (officer_units,),
        ),
        (
            "overdue actions, counted",
            lambda env: env["quality.action"].search_count([("is_overdue", "=", True)]),
            "SELECT count(*) FROM quality_action WHERE date_deadline < %s "
            "AND state IN ('planned', 'in_progress')",
            (today,),
        ),
    ]


def run_benchmark(env, info, repeat):
    rows = []
    measured = operations(env, info)
    for block in blocks():
        measured += block.operations(env, info)
    for name, operation, floor_sql, params in measured:
        ms, queries = measure(env, operation, repeat)
        floor = measure_sql(env.cr, floor_sql, params, repeat)
        rows.append(
            {
                "operation": name,
                "ms": ms,
                "queries": queries,
                "floor_ms": floor,
                "ratio": ms / floor,
            }
        )
    return rows


def print_table(title, rows, columns):
    print(f"\n{title}")
    widths = {c: max(len(c), *(len(fmt(r[c])) for r in rows)) for c in columns}
    print("  ".join(c.ljust(widths[c]) for c in columns))
    for row in rows:
        print("  ".join(fmt(row[c]).ljust(widths[c]) for c in columns))


def fmt(value):
    return f"{value:.1f}" if isinstance(value, float) else str(value)


# -- main ------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--reset", action="store_true", help="generate the database anew")
    parser.add_argument("--check-flat", action="store_true", help="grow x2, compare queries")
    parser.add_argument("--oca", action="store_true", help="compare with OCA mgmtsystem")
    parser.add_argument("--load", action="store_true", help="concurrent staff over JSON-RPC")
    parser.add_argument(
        "--replica", action="store_true", help="reads on a streaming replica (bench/replica.py)"
    )
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--drop", action="store_true", help="drop the databases afterwards")
    args = parser.parse_args()
    env_vars, odoo_root = harness.find_odoo()
    db_args = harness.postgres()
    size = sizes(args.scale)
    db = f"qu_bench_{str(args.scale).replace('.', '_')}"
    print(f"Scale {args.scale}: {size}", flush=True)
    started = time.time()
    fresh = ensure_database(env_vars, odoo_root, db_args, db, MODULES, reset=args.reset)
    oca_path = None
    if args.oca:
        from oca import install_oca_addons

        oca_path = install_oca_addons(odoo_root)
    registry = open_registry(odoo_root, db_args, db, addons_path=oca_path)
    from odoo import SUPERUSER_ID, api

    figures = {"scale": args.scale, "size": size}
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        param = env["ir.config_parameter"]
        if fresh or not param.get_param("quality_bench.info"):
            t0 = time.time()
            param.set_param("quality_bench.info", json.dumps(generate(env, size)))
            cr.commit()
            print(f"  generated the core in {time.time() - t0:.0f} s", flush=True)
        info = json.loads(param.get_param("quality_bench.info"))
        for block in blocks():
            # a block added since the database was made is generated into it
            if block.__name__ not in info.setdefault("blocks", []):
                t0 = time.time()
                info.update(block.generate(env, size, info))
                info["blocks"].append(block.__name__)
                cr.execute("ANALYZE")
                env.invalidate_all()
                param.set_param("quality_bench.info", json.dumps(info))
                cr.commit()
                name = block.__name__.rsplit(".", 1)[-1]
                print(f"  generated {name} in {time.time() - t0:.0f} s", flush=True)
        rows = run_benchmark(env, info, args.repeat)
        cr.rollback()
        print_table(
            f"Operations at scale {args.scale}",
            rows,
            ["operation", "ms", "queries", "floor_ms", "ratio"],
        )
        figures["operations"] = rows
        if args.check_flat:
            grow(env, size)
            for block in blocks():
                block.grow(env, size, info)
            cr.execute("ANALYZE")
            env.invalidate_all()
            grown = run_benchmark(env, info, args.repeat)
            cr.rollback()
            for small, big in zip(rows, grown, strict=True):
                big["queries_before"] = small["queries"]
            print_table(
                "After doubling nonconformities, employees and one revision's readers",
                grown,
                ["operation", "ms", "queries", "queries_before"],
            )
            figures["grown"] = grown
            figures["flat"] = all(r["queries"] == r["queries_before"] for r in grown)
            print("query counts flat:", figures["flat"])
    if args.oca:
        from oca import compare_with_oca

        figures["oca"] = compare_with_oca(
            env_vars, odoo_root, db_args, registry, size, args, oca_path
        )
    if args.load:
        from load import run_load

        figures["load"] = run_load(env_vars, odoo_root, db_args, db, info, registry)
    if args.replica:
        from replica import SOURCE_DB, run_replica_demo

        print("\nRead replica (bench/replica.py):", flush=True)
        figures["replica"] = run_replica_demo(env_vars, odoo_root, db_args)
    print(f"\nTotal {time.time() - started:.0f} s")
    if args.drop:
        import odoo

        odoo.sql_db.close_all()
        harness.drop_database(db_args, db)
        if args.replica:
            harness.drop_database(db_args, SOURCE_DB)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2, default=str))
    replica_ok = not figures.get("replica", {}).get("problems")
    return 0 if figures.get("flat", True) and replica_ok else 1


if __name__ == "__main__":
    sys.exit(main())
