"""Side by side with OCA's mgmtsystem_nonconformity (18.0), in a database of its own.

OCA's addons come from the package registry as `odoo-addon-*` wheels, installed with
no dependencies into a folder outside the repository (~/.cache/quality_university/oca).
The same number of nonconformities is generated; the equivalent operations are timed
on both databases: the first list page, grouped counts, and reading every row.
"""

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

OCA_DIR = Path.home() / ".cache" / "quality_university" / "oca"
OCA_ROOT = "mgmtsystem_nonconformity"


def install_oca_addons(odoo_root):
    """Download the OCA addon and every OCA dependency it names, unpacked to OCA_DIR."""
    addons = OCA_DIR / "addons"
    wheels = OCA_DIR / "wheels"
    addons.mkdir(parents=True, exist_ok=True)
    core = {p.name for p in (odoo_root / "addons").iterdir()} | {
        p.name for p in (odoo_root / "odoo" / "addons").iterdir()
    }
    todo, seen = [OCA_ROOT], set()
    while todo:
        name = todo.pop()
        if name in seen or name in core:
            continue
        seen.add(name)
        if not (addons / name).is_dir():
            package = "odoo-addon-" + name.replace("_", "-")
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "download",
                    "-q",
                    "--no-deps",
                    "-d",
                    str(wheels),
                    f"{package}>=18.0,<18.1",
                ],
                check=True,
            )
            wheel = next(wheels.glob(f"odoo_addon_{name}-18.0*.whl"))
            with zipfile.ZipFile(wheel) as archive:
                for member in archive.namelist():
                    if member.startswith(f"odoo/addons/{name}/"):
                        target = addons / member[len("odoo/addons/") :]
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(archive.read(member))
        manifest = ast.literal_eval((addons / name / "__manifest__.py").read_text())
        todo += manifest.get("depends", [])
    return str(addons)


def generate_oca(env, count):
    from bench import clone_rows

    partner = env["res.partner"].create({"name": "Bench University"})
    user = env.ref("base.user_admin")
    template = env["mgmtsystem.nonconformity"].create(
        {
            "partner_id": partner.id,
            "responsible_user_id": user.id,
            "manager_user_id": user.id,
            "user_id": user.id,
            "description": "Exam tickets not checked against the syllabus",
            "origin_ids": [(6, 0, env["mgmtsystem.nonconformity.origin"].search([], limit=1).ids)],
        }
    )
    env.flush_all()
    clone_rows(
        env.cr,
        "mgmtsystem_nonconformity",
        template.id,
        count - 1,
        {
            "ref": "'NC-B-' || g",
            "description": "'Nonconformity ' || g",
            "create_date": "TIMESTAMP '2024-01-01' + ((g * 7919) % 1000) * interval '1 day'",
        },
    )
    env.cr.execute("ANALYZE")


def oca_operations():
    spec = {
        "ref": {},
        "create_date": {},
        "partner_id": {"fields": {"display_name": {}}},
        "description": {},
        "user_id": {"fields": {"display_name": {}}},
        "responsible_user_id": {"fields": {"display_name": {}}},
        "manager_user_id": {"fields": {"display_name": {}}},
        "system_id": {"fields": {"display_name": {}}},
        "stage_id": {"fields": {"display_name": {}}},
    }
    model = "mgmtsystem.nonconformity"
    return {
        "first list page (80 rows)": lambda env: env[model].web_search_read([], spec, limit=80),
        "grouped counts by stage": lambda env: env[model].web_read_group(
            [], ["__count"], ["stage_id"]
        ),
        "read every row (export)": lambda env: env[model].search_read(
            [], ["ref", "create_date", "partner_id", "description", "stage_id"]
        ),
    }


def our_operations():
    spec = {
        "name": {},
        "date": {},
        "source": {},
        "department_id": {"fields": {"display_name": {}}},
        "process_id": {"fields": {"display_name": {}}},
        "criterion_id": {"fields": {"display_name": {}}},
        "severity": {},
        "repeated": {},
        "state": {},
    }
    model = "quality.nonconformity"
    return {
        "first list page (80 rows)": lambda env: env[model].web_search_read([], spec, limit=80),
        "grouped counts by stage": lambda env: env[model].web_read_group(
            [], ["__count"], ["state"]
        ),
        "read every row (export)": lambda env: env[model].search_read(
            [], ["name", "date", "department_id", "description", "state"]
        ),
    }


def compare_with_oca(env_vars, odoo_root, db_args, registry, size, args, oca_path):
    from bench import ensure_database, measure
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry

    db = f"qu_bench_oca_{str(args.scale).replace('.', '_')}"
    fresh = ensure_database(
        env_vars, odoo_root, db_args, db, OCA_ROOT, addons_path=oca_path, reset=args.reset
    )
    oca_registry = Registry(db)
    rows = []
    with oca_registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        if fresh or not env["mgmtsystem.nonconformity"].search_count([]):
            generate_oca(env, size["nonconformities"])
            cr.commit()
        # the admin user reads, as a user would (OCA has no unit rules)
        env = api.Environment(cr, env.ref("base.user_admin").id, {})
        oca = {name: measure(env, op, args.repeat) for name, op in oca_operations().items()}
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        env = api.Environment(cr, env.ref("base.user_admin").id, {})
        ours = {name: measure(env, op, args.repeat) for name, op in our_operations().items()}
    for name in ours:
        rows.append(
            {
                "operation": name,
                "ours_ms": ours[name][0],
                "ours_queries": ours[name][1],
                "oca_ms": oca[name][0],
                "oca_queries": oca[name][1],
                "ratio": ours[name][0] / oca[name][0],
            }
        )
    from bench import print_table

    print_table(
        f"Ours vs OCA mgmtsystem_nonconformity, {size['nonconformities']} nonconformities each",
        rows,
        ["operation", "ours_ms", "ours_queries", "oca_ms", "oca_queries", "ratio"],
    )
    return rows
