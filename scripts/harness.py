"""Finds Odoo 18.0 and a PostgreSQL server for the README's commands.

Standard library only: it must be able to say plainly that Odoo is missing.

When Odoo is not importable and ODOO_PATH is not set, it installs Odoo 18.0 Community
into the project's own virtual environment `.venv/` and runs the command again from there
(see bootstrap()).

Overrides (environment variables):
  ODOO_PATH    folder of an Odoo 18.0 source tree (the one holding odoo-bin)
  QU_ODOO_SOURCE    where the bootstrap takes Odoo 18.0 from: a git repository (URL or
               local path; branch 18.0, shallow), a source folder or a tarball
               (default https://github.com/odoo/odoo.git)
  QU_NO_BOOTSTRAP   set to 1 to refuse instead of installing Odoo into .venv/
  PGHOST, PGPORT, PGUSER    the PostgreSQL server to use (default 127.0.0.1:5432,
               the current OS user); when none answers, a private cluster is started
  QU_PGDATA    folder of that private cluster (default ~/.local/share/quality_university/pgdata,
               or /var/lib/quality_university/pgdata as root)
  QU_PGPORT    its port (default 54329)
"""

import glob
import json
import os
import pwd
import re
import runpy
import shlex
import shutil
import socket
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCRIPTS = REPO / "scripts"
ADDONS = ["quality_university", "quality_university_survey"]
VENV = REPO / ".venv"
VENV_MARKER = ".quality_university_ready"  # written last: a .venv without it is half-made
ODOO_REPOSITORY = "https://github.com/odoo/odoo.git"
ODOO_BRANCH = "18.0"


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
            f"Odoo is not importable by {sys.executable}"
            + (f" from ODOO_PATH={odoo_path}" if odoo_path else "")
            + ".\nSet ODOO_PATH to an Odoo 18.0 source folder, or unset ODOO_PATH and "
            "QU_NO_BOOTSTRAP to let the command install Odoo 18.0 into .venv/. Nothing was run."
        )
    major, minor, root = probe.stdout.split(maxsplit=2)
    if (major, minor) != ("18", "0"):
        raise HarnessError(f"Odoo {major}.{minor} found in {root}; these addons need 18.0.")
    return env, Path(root.strip())


def ensure_odoo(for_tests=False):
    """find_odoo(), or install Odoo 18.0 into .venv/ and re-run this command from there.

    Returns what find_odoo() returns; when it re-runs the command it does not return.
    """
    try:
        return find_odoo()
    except HarnessError:
        if os.environ.get("ODOO_PATH") or os.environ.get("QU_NO_BOOTSTRAP") == "1":
            raise
        if os.environ.get("QU_BOOTSTRAPPED") == "1":
            raise HarnessError(
                f"Odoo is still not importable by {sys.executable} after the bootstrap: "
                f"remove {VENV} and run the command again."
            ) from None
    python = venv_python()
    if (VENV / VENV_MARKER).exists():
        print(f"Odoo 18.0 from {VENV} (made earlier; remove it to start afresh).", flush=True)
    else:
        bootstrap(for_tests=for_tests)
    # run this same command again, from the project's environment
    env = dict(os.environ, QU_BOOTSTRAPPED="1")
    os.execve(str(python), [str(python), sys.argv[0], *sys.argv[1:]], env)
    raise AssertionError("unreachable")  # pragma: no cover


def venv_python():
    return VENV / "bin" / "python"


class _Steps:
    """Numbered progress lines; each step's output goes to a log shown when it fails."""

    def __init__(self, total, log_path):
        self.total, self.number, self.log_path = total, 0, log_path
        log_path.parent.mkdir(parents=True, exist_ok=True)
        self.log = log_path.open("w")
        self.started = time.time()

    def step(self, text):
        self.number += 1
        self.current = text
        self.step_started = time.time()
        print(f"[{self.number}/{self.total}] {text}", flush=True)
        self.log.write(f"\n== [{self.number}/{self.total}] {text}\n")
        self.log.flush()

    def run(self, cmd, **kwargs):
        self.log.write("$ " + " ".join(str(c) for c in cmd) + "\n")
        self.log.flush()
        result = subprocess.run(
            [str(c) for c in cmd],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            check=False,
            **kwargs,
        )
        if result.returncode != 0:
            raise HarnessError(f"`{' '.join(str(c) for c in cmd)}` exited with {result.returncode}")
        return result

    def tail(self, lines=25):
        self.log.flush()
        return "".join(self.log_path.read_text(errors="replace").splitlines(True)[-lines:])


def bootstrap(for_tests=False):
    """Install Odoo 18.0 Community and the project's tools into .venv/.

    Every step is printed; a failed step says what failed, shows the end of its output and
    removes .venv/, so that the next run starts clean. The marker file written last tells a
    finished environment from a half-made one.
    """
    if not (3, 10) <= sys.version_info[:2] <= (3, 12):
        raise HarnessError(
            f"Odoo 18.0 runs on Python 3.10 to 3.12; {sys.executable} is "
            f"{sys.version.split()[0]}. Run the command with one of those."
        )
    source = os.environ.get("QU_ODOO_SOURCE") or ODOO_REPOSITORY
    kind = _source_kind(source)
    steps = _Steps(7, REPO / "var" / "bootstrap.log")
    print(
        f"Odoo is not importable by {sys.executable}: installing Odoo 18.0 Community "
        f"into {VENV} (log: {steps.log_path}).",
        flush=True,
    )
    if VENV.exists():
        print(f"Removing {VENV}, left half-made by an earlier run.", flush=True)
        shutil.rmtree(VENV)
    try:
        steps.step("Checking system packages: " + ", ".join(_system_packages(for_tests, kind)))
        ensure_system_packages(_system_packages(for_tests, kind), steps)
        steps.step(f"Creating the virtual environment {VENV} (Python {sys.version.split()[0]})")
        steps.run([sys.executable, "-m", "venv", VENV])
        python = venv_python()
        src = VENV / "src" / "odoo"
        waiting = {
            "git": f"git clone --depth 1 --branch {ODOO_BRANCH}, a few hundred MB",
            "folder": "copying the folder",
            "tarball": "unpacking the tarball",
        }[kind]
        steps.step(f"Odoo {ODOO_BRANCH} source from {source} (waiting for {waiting})")
        _get_source(source, kind, src, steps)
        version = runpy.run_path(str(src / "odoo" / "release.py"))["version_info"][:2]
        if tuple(version) != (18, 0):
            raise HarnessError(f"{source} holds Odoo {version[0]}.{version[1]}, not 18.0")
        pip = [python, "-m", "pip", "install", "--no-input"]
        constraints = ["-c", SCRIPTS / "odoo-constraints.txt"]
        steps.step("Build tools for old source packages (scripts/odoo-build.txt)")
        steps.run([*pip, *constraints, "-r", SCRIPTS / "odoo-build.txt"])
        with tempfile.TemporaryDirectory() as tmp:
            requirements = Path(tmp) / "requirements.txt"
            count = _filtered_requirements(src / "requirements.txt", requirements)
            steps.step(
                f"Odoo's Python requirements ({count} lines, with scripts/odoo-overrides.txt; "
                "waiting for pip, a few minutes when packages compile)"
            )
            steps.run([*pip, "--no-build-isolation", *constraints, "-r", requirements])
        steps.step("The project's test and lint tools (requirements-dev.txt)")
        steps.run([*pip, *constraints, "-r", REPO / "requirements-dev.txt"])
        steps.step("Making Odoo importable in the environment and checking it")
        purelib = subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        (Path(purelib) / "quality_university_odoo.pth").write_text(f"{src}\n")
        steps.run([python, "-c", "import odoo.release, odoo.tools"])
        (VENV / VENV_MARKER).write_text(
            json.dumps({"source": source, "odoo": str(src), "python": sys.version.split()[0]})
        )
    except (HarnessError, OSError, subprocess.SubprocessError, KeyError, SyntaxError) as error:
        tail = steps.tail()
        shutil.rmtree(VENV, ignore_errors=True)
        raise HarnessError(
            f"Step {steps.number}/{steps.total} failed ({steps.current}): {error}\n"
            f"--- end of its output ({steps.log_path}) ---\n{tail}"
            f"--- {VENV} was removed; fix the cause and run the command again."
        ) from None
    finally:
        steps.log.close()
    print(f"Odoo 18.0 installed into {VENV} in {time.time() - steps.started:.0f} s.", flush=True)


def _source_kind(source):
    path = Path(source)
    if re.match(r"^(https?|ssh|git|file)://|^[\w.-]+@[\w.-]+:", source):
        return "git"
    if path.is_dir():
        is_git = (path / ".git").exists() or (
            (path / "HEAD").is_file() and (path / "objects").is_dir()
        )
        return "git" if is_git else "folder"
    if path.is_file() and tarfile.is_tarfile(path):
        return "tarball"
    raise HarnessError(
        f"QU_ODOO_SOURCE={source} is neither a git repository, a folder nor a tarball."
    )


def _get_source(source, kind, dest, steps):
    dest.parent.mkdir(parents=True, exist_ok=True)
    if kind == "git":
        url = source if re.match(r"^\w+://|^[\w.-]+@", source) else Path(source).resolve().as_uri()
        steps.run(["git", "clone", "--depth", "1", "--branch", ODOO_BRANCH, url, dest])
        shutil.rmtree(dest / ".git")  # the history is not needed to run Odoo
    elif kind == "folder":
        shutil.copytree(source, dest, symlinks=True, ignore=shutil.ignore_patterns(".git"))
    else:
        unpack = Path(tempfile.mkdtemp(dir=dest.parent, prefix="unpack-"))
        with tarfile.open(source) as tar:
            if hasattr(tarfile, "data_filter"):
                tar.extractall(unpack, filter="data")
            else:  # pragma: no cover - Python before 3.10.12
                tar.extractall(unpack)  # noqa: S202
        entries = list(unpack.iterdir())
        if len(entries) == 1 and entries[0].is_dir():  # odoo-18.0/odoo/release.py
            entries[0].rename(dest)
            unpack.rmdir()
        else:
            unpack.rename(dest)
    if not (dest / "odoo" / "release.py").is_file():
        raise HarnessError(f"{source} has no odoo/release.py: it is not an Odoo source tree")


def _requirement_name(line):
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", line)
    return re.sub(r"[-_.]+", "-", match[1]).lower() if match else None


def _filtered_requirements(odoo_requirements, dest):
    """Odoo's requirements with the lines of the packages we pin ourselves replaced.

    Odoo's own file is left as it is; the copy goes to a temporary folder.
    """
    overrides = [
        line.strip()
        for line in (SCRIPTS / "odoo-overrides.txt").read_text().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    ours = {_requirement_name(line): line for line in overrides}
    kept, replaced = [], set()
    for line in odoo_requirements.read_text().splitlines():
        name = _requirement_name(line.split("#")[0])
        if name in ours:
            replaced.add(name)
        elif name:
            kept.append(line)
    kept += [ours[name] for name in sorted(replaced)]
    dest.write_text("\n".join(kept) + "\n")
    return len(kept)


# Debian package -> how to tell it is there
def _has_python_headers():
    return (Path(sysconfig.get_paths()["include"]) / "Python.h").exists()


SYSTEM_PACKAGES = {
    "build-essential": lambda: shutil.which("gcc"),
    "python3-dev": _has_python_headers,
    "libpq-dev": lambda: shutil.which("pg_config"),
    "libldap2-dev": lambda: Path("/usr/include/ldap.h").exists(),
    "libsasl2-dev": lambda: Path("/usr/include/sasl/sasl.h").exists(),
    "git": lambda: shutil.which("git"),
    "wkhtmltopdf": lambda: shutil.which("wkhtmltopdf"),
    "chromium": lambda: any(
        shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome")
    ),
}


def _system_packages(for_tests, kind):
    names = ["build-essential", "python3-dev", "libpq-dev", "libldap2-dev", "libsasl2-dev"]
    names += ["git"] if kind == "git" else []
    names += ["wkhtmltopdf"] + (["chromium"] if for_tests else [])
    return names


def ensure_system_packages(names, steps=None):
    """Install the missing Debian packages as root, or say the exact command to run."""
    missing = [name for name in names if not SYSTEM_PACKAGES[name]()]
    if not missing:
        return
    install = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    debian = Path("/etc/debian_version").exists() and shutil.which("apt-get")
    if not debian:
        raise HarnessError(
            "Missing system packages (Debian names): " + " ".join(missing) + ". "
            "Install their equivalents with your system's package manager, then run again."
        )
    if os.getuid() != 0:
        raise HarnessError(
            "Missing system packages: run\n  sudo apt-get update && sudo "
            + " ".join(install)
            + "\nthen run this command again."
        )
    print(f"    installing {' '.join(missing)} (waiting for apt-get)", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run = steps.run if steps else lambda cmd, **kw: subprocess.run(cmd, check=True, **kw)
    run(["apt-get", "update", "-qq"], env=env)
    run(install, env=env)


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


def pg_bin(name):
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    if not found:
        raise HarnessError(
            f"No PostgreSQL server answers and '{name}' is not installed: "
            "install PostgreSQL (e.g. Debian's postgresql package) or set PGHOST/PGPORT."
        )
    return found


def cluster_owner():
    """(command prefix, owner role) for PostgreSQL's server tools.

    PostgreSQL will not run as root: as root the clusters belong to 'postgres' and its
    tools run through `runuser -u postgres --`."""
    if os.getuid() == 0:
        return ["runuser", "-u", "postgres", "--"], "postgres"
    return [], pwd.getpwuid(os.getuid()).pw_name


def give_to_cluster_owner(path):
    """As root, hand a folder to 'postgres' (who cannot enter root's home)."""
    if os.getuid() == 0:
        shutil.chown(path, "postgres", "postgres")


def init_cluster(data, sync=True):
    """initdb a trust-authenticated UTF8 cluster in `data` (owned by cluster_owner());
    sync=False for a throwaway one (initdb --no-sync)."""
    run_as, owner = cluster_owner()
    data.mkdir(parents=True, exist_ok=True)
    give_to_cluster_owner(data)
    subprocess.run(
        run_as
        + [pg_bin("initdb"), "-D", str(data), "-A", "trust", "-U", owner, "-E", "UTF8"]
        + ([] if sync else ["--no-sync"]),
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=300,
    )


def start_cluster(data, port, log=None, settings=None, sockets=None):
    """Start the cluster in `data` on 127.0.0.1:`port` and wait until it answers.

    `settings` are server parameters (`-c name=value`); `log` defaults to
    `data`/server.log, `sockets` (the Unix socket's folder) to `data`; both must be
    writable by the cluster's owner."""
    run_as, _owner = cluster_owner()
    options = f"-p {port} -k {sockets or data} -c listen_addresses=127.0.0.1"
    for name, value in (settings or {}).items():
        options += " -c " + shlex.quote(f"{name}={value}")
    subprocess.run(
        run_as
        + [
            pg_bin("pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(log or data / "server.log"),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def stop_cluster(data, timeout=60):
    """Stop the cluster in `data` (fast shutdown); True when it was running."""
    if not (data / "postmaster.pid").exists():
        return False
    run_as, _owner = cluster_owner()
    subprocess.run(
        run_as
        + [pg_bin("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "-t", str(timeout)]
        + ["stop"],
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=timeout + 10,
    )
    return True


def ensure_login_role(port, owner):
    """The role Odoo connects as: the owner itself, or 'odoo' when the owner is 'postgres'
    (Odoo refuses to connect as 'postgres')."""
    user = "odoo" if owner == "postgres" else owner
    if user != owner:
        psql(
            ("127.0.0.1", port, owner),
            f"DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='{user}') "
            f"THEN CREATE ROLE {user} SUPERUSER LOGIN; END IF; END$$;",
        )
    return user


def _private_cluster():
    # as root, the cluster belongs to 'postgres', who cannot enter root's home
    default = (
        Path("/var/lib/quality_university/pgdata")
        if os.getuid() == 0
        else Path.home() / ".local/share/quality_university/pgdata"
    )
    data = Path(os.environ.get("QU_PGDATA", default))
    port = os.environ.get("QU_PGPORT", "54329")
    _run_as, owner = cluster_owner()
    if not (data / "PG_VERSION").exists():
        init_cluster(data)
    if not _answers("127.0.0.1", port):
        start_cluster(data, port)
    user = ensure_login_role(port, owner)
    print(f"Private PostgreSQL cluster in {data} on 127.0.0.1:{port} (role {user}).", flush=True)
    return "127.0.0.1", port, user


def psql(db_args, sql, database="postgres"):
    host, port, user = db_args
    return subprocess.run(
        [pg_bin("psql"), "-h", host, "-p", str(port), "-U", user, "-d", database, "-tAc", sql],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout.strip()


def database_exists(db_args, name):
    return psql(db_args, f"SELECT 1 FROM pg_database WHERE datname = '{name}'") == "1"


def drop_database(db_args, name):
    psql(db_args, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def odoo_command(odoo_root, db_args, database, *args):
    host, port, user = db_args
    # odoo-bin where there is one: with --workers, Odoo starts its websocket (gevent)
    # process by running sys.argv[0] again, which `-m odoo` makes odoo/__main__.py
    odoo_bin = odoo_root / "odoo-bin"
    return [
        sys.executable,
        *([str(odoo_bin)] if odoo_bin.is_file() else ["-m", "odoo"]),
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
