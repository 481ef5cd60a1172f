"""Finds Odoo 18.0 and a PostgreSQL server for the README's commands.

Standard library only: it must be able to say plainly that Odoo is missing.

Overrides (environment variables):
  ODOO_PATH    folder of an Odoo 18.0 source tree (the one holding odoo-bin)
  PGHOST, PGPORT, PGUSER    the PostgreSQL server to use (default 127.0.0.1:5432,
               the current OS user); when none answers, a private cluster is started
  QU_PGDATA    folder of that private cluster (default ~/.local/share/quality_university/pgdata,
               or /var/lib/quality_university/pgdata as root)
  QU_PGPORT    its port (default 54329)
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ADDONS = ["quality_university", "quality_university_survey"]


class HarnessError(Exception):
    """A prerequisite is missing: the message says which and what to do."""


def find_odoo():
    """Return (python command list, odoo root folder) for Odoo 18.0."""
    env = dict(os.environ)
    odoo_path = env.get("ODOO_PATH")
    if odoo_path:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [odoo_path, env.get("PYTHONPATH")]))
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, odoo.release as r; "
            "print(r.version_info[0], r.version_info[1], "
            "os.path.dirname(os.path.dirname(r.__file__)))",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if probe.returncode != 0:
        raise HarnessError(
            f"Odoo is not importable by {sys.executable}.\n"
            "Install Odoo 18.0 Community into this Python (see README, Prerequisites) "
            "or set ODOO_PATH to its source folder. Nothing was run."
        )
    major, minor, root = probe.stdout.split(maxsplit=2)
    if (major, minor) != ("18", "0"):
        raise HarnessError(f"Odoo {major}.{minor} found in {root}; these addons need 18.0.")
    return env, Path(root.strip())


def addons_path(odoo_root):
    paths = [odoo_root / "addons", odoo_root / "odoo" / "addons", REPO]
    return ",".join(str(p) for p in paths if p.is_dir())


def _answers(host, port):
    try:
        with socket.create_connection((host, int(port)), timeout=2):
            return True
    except OSError:
        return False


def postgres():
    """Return (host, port, user) of a PostgreSQL server, starting a private one if needed."""
    host = os.environ.get("PGHOST", "127.0.0.1")
    port = os.environ.get("PGPORT", "5432")
    user = os.environ.get("PGUSER") or pwd.getpwuid(os.getuid()).pw_name
    if _answers(host, port):
        if user == "postgres":
            raise HarnessError("Odoo refuses to connect as 'postgres': set PGUSER to another role.")
        return host, port, user
    print(f"No PostgreSQL answers on {host}:{port}; starting a private cluster.", flush=True)
    return _private_cluster()


def _pg_bin(name):
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    if not found:
        raise HarnessError(
            f"No PostgreSQL server answers and '{name}' is not installed: "
            "install PostgreSQL (e.g. Debian's postgresql package) or set PGHOST/PGPORT."
        )
    return found


def _private_cluster():
    as_root = os.getuid() == 0
    # as root, the cluster belongs to 'postgres', who cannot enter root's home
    default = (
        Path("/var/lib/quality_university/pgdata")
        if as_root
        else Path.home() / ".local/share/quality_university/pgdata"
    )
    data = Path(os.environ.get("QU_PGDATA", default))
    port = os.environ.get("QU_PGPORT", "54329")
    # PostgreSQL will not run as root: the cluster then belongs to 'postgres'
    run_as = ["runuser", "-u", "postgres", "--"] if as_root else []
    owner = "postgres" if as_root else pwd.getpwuid(os.getuid()).pw_name
    if not (data / "PG_VERSION").exists():
        data.mkdir(parents=True, exist_ok=True)
        if as_root:
            shutil.chown(data, "postgres", "postgres")
        subprocess.run(
            run_as + [_pg_bin("initdb"), "-D", str(data), "-A", "trust", "-U", owner, "-E", "UTF8"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    if not _answers("127.0.0.1", port):
        subprocess.run(
            run_as
            + [
                _pg_bin("pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(data / "server.log"),
                "-o",
                f"-p {port} -k {data} -c listen_addresses=127.0.0.1",
                "-w",
                "start",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    user = "odoo" if owner == "postgres" else owner
    if user != owner:
        subprocess.run(
            [
                _pg_bin("psql"),
                "-h",
                "127.0.0.1",
                "-p",
                port,
                "-U",
                owner,
                "-d",
                "postgres",
                "-tAc",
                f"DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='{user}') "
                f"THEN CREATE ROLE {user} SUPERUSER LOGIN; END IF; END$$;",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    print(f"Private PostgreSQL cluster in {data} on 127.0.0.1:{port} (role {user}).", flush=True)
    return "127.0.0.1", port, user


def psql(db_args, sql):
    host, port, user = db_args
    return subprocess.run(
        [_pg_bin("psql"), "-h", host, "-p", str(port), "-U", user, "-d", "postgres", "-tAc", sql],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def database_exists(db_args, name):
    return psql(db_args, f"SELECT 1 FROM pg_database WHERE datname = '{name}'") == "1"


def drop_database(db_args, name):
    psql(db_args, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def odoo_command(odoo_root, db_args, database, *args):
    host, port, user = db_args
    return [
        sys.executable,
        "-m",
        "odoo",
        "--addons-path",
        addons_path(odoo_root),
        "--db_host",
        host,
        "--db_port",
        str(port),
        "--db_user",
        user,
        "-d",
        database,
        "--db-filter",
        f"^{database}$",
        *args,
    ]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
