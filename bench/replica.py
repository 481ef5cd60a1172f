#!/usr/bin/env python3
"""Scale-out on existing engines: Odoo sends read-only requests to a read replica.

    python3 bench/replica.py        # under a minute; the first run installs its source DB

Starts a private primary PostgreSQL cluster and a streaming replica of it
(`pg_basebackup -R`) on two free local ports in a temporary folder, copies a database
with both addons and their demo data onto the primary, and serves it with Odoo in
multi-process mode (`--workers 2`) with `--db_replica_host/--db_replica_port` pointing
at the replica. Then, logged in as a demo quality manager, it calls every read-only
XLSX route, reads nonconformities through /web/dataset/call_kw and creates one, and
shows from the servers' own statement logs (`log_min_duration_statement = 0`) which
server ran each request. It checks that the reads ran on the replica, the write on the
primary, and that the write reached the replica. Everything it starts stops when it
ends, and the temporary folder is removed.

The database it copies is --source-db, or `qu_replica_source` on the usual server,
made once with both addons and demo data and made anew when the addons' files change
(or with --reset).
"""

import argparse
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import closing, contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import harness  # noqa: E402

SOURCE_DB = "qu_replica_source"
DB = "qu_replica_demo"  # the copy's name on the private primary
LOGIN = "quality"  # a demo quality manager (login = password)
TIMEOUT = 120  # seconds, for any one step
LOG_PREFIX = "%m [%p] %d "
# "2025-11-25 17:00:00.123 UTC [4242] qu_replica_demo LOG:  duration: 0.051 ms  statement: ..."
# (a statement of several lines goes on, unprefixed, on the next lines)
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[\d+\] ")
STATEMENT = re.compile(
    r"^\S+ \S+ \S+ \[\d+\] (?P<db>\S+) LOG:  duration: [\d.]+ ms  "
    r"(?:statement|execute [^:]*): (?P<sql>.*)",
    re.DOTALL,
)
CONNECTION = re.compile(r"^\S+ \S+ \S+ \[\d+\] (?P<db>\S+) LOG:  connection authorized")
# not the request's own work: transaction control, the pool's reset of a connection,
# the multi-process signalling check every request runs on the primary first, and
# Odoo's device trace (res.device.log: at most once per session and hour, which a
# read-only request writes through a read/write cursor of its own)
BOOKKEEPING = re.compile(
    r"^\s*(?:BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|DISCARD ALL)\b|_signaling|res_device_log",
    re.IGNORECASE,
)
RETRY = "retrying with a read/write cursor"


# -- the source database -------------------------------------------------------------


def addons_hash():
    """What the source database was made from: the addons' files, tests aside."""
    digest = hashlib.sha1()
    for addon in harness.ADDONS:
        for path in sorted((harness.REPO / addon).rglob("*")):
            relative = path.relative_to(harness.REPO)
            if not path.is_file() or "tests" in relative.parts or path.suffix == ".pyc":
                continue
            digest.update(str(relative).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def installed(db_args, name):
    """True when `name` holds both addons, installed."""
    if not harness.database_exists(db_args, name):
        return False
    query = (
        "SELECT count(*) FROM ir_module_module WHERE state = 'installed' AND name IN ("
        + ", ".join(f"'{addon}'" for addon in harness.ADDONS)
        + ")"
    )
    try:
        return harness.psql(db_args, query, database=name) == str(len(harness.ADDONS))
    except subprocess.CalledProcessError:  # not an Odoo database
        return False


def ensure_source(env, odoo_root, db_args, name=SOURCE_DB, reset=False):
    """The database to copy: both addons with demo data, made anew when the addons'
    files changed since it was made."""
    stamp = f"quality_university replica source {addons_hash()}"
    comment = (
        f"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '{name}'"
    )
    if not reset and installed(db_args, name) and harness.psql(db_args, comment) == stamp:
        return name
    harness.drop_database(db_args, name)
    print(
        f"  installing both addons with demo data into {name} (once, a minute or two)",
        flush=True,
    )
    subprocess.run(
        harness.odoo_command(
            odoo_root,
            db_args,
            name,
            "-i",
            ",".join(harness.ADDONS),
            "--stop-after-init",
            "--workers",
            "0",
            "--max-cron-threads",
            "0",
            "--http-port",
            str(harness.free_port()),
            "--log-level",
            "warn",
        ),
        env=env,
        check=True,
        timeout=TIMEOUT * 10,
    )
    harness.psql(db_args, f"COMMENT ON DATABASE \"{name}\" IS '{stamp}'")
    return name


# -- the two clusters ----------------------------------------------------------------


class Clusters:
    """A private primary and its streaming replica in a temporary folder."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="qu_replica_"))
        harness.give_to_cluster_owner(self.folder)
        self.primary = self.folder / "primary"
        self.replica = self.folder / "replica"
        self.primary_log = self.folder / "primary.log"
        self.replica_log = self.folder / "replica.log"
        self.primary_port = harness.free_port()
        self.replica_port = self.primary_port
        while self.replica_port == self.primary_port:
            self.replica_port = harness.free_port()
        self.owner = harness.cluster_owner()[1]
        self.user = None

    # a throwaway cluster: no fsync; statements logged with their database
    SETTINGS = {"fsync": "off", "log_line_prefix": LOG_PREFIX, "log_checkpoints": "off"}

    def start_primary(self):
        harness.init_cluster(self.primary, sync=False)
        harness.start_cluster(
            self.primary, self.primary_port, self.primary_log, self.SETTINGS, self.folder
        )
        self.user = harness.ensure_login_role(self.primary_port, self.owner)

    def start_replica(self):
        """pg_basebackup -R from the primary, then start it as a hot standby."""
        run_as = harness.cluster_owner()[0]
        subprocess.run(
            run_as
            + [
                harness.pg_bin("pg_basebackup"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.primary_port),
                "-U",
                self.owner,
                "-D",
                str(self.replica),
                "-R",
                "-X",
                "stream",
                "-c",
                "fast",
                "--no-sync",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=TIMEOUT,
        )
        harness.start_cluster(
            self.replica, self.replica_port, self.replica_log, self.SETTINGS, self.folder
        )
        if self.sql("replica", "SELECT pg_is_in_recovery()") != "t":
            raise harness.HarnessError("the replica is not in recovery: it is no replica")

    def db_args(self, which):
        port = self.primary_port if which == "primary" else self.replica_port
        return ("127.0.0.1", port, self.user)

    def sql(self, which, query, database="postgres"):
        return harness.psql(self.db_args(which), query, database=database)

    def stop(self, keep_logs=None):
        for data in (self.replica, self.primary):
            harness.stop_cluster(data)
        if keep_logs:
            Path(keep_logs).mkdir(parents=True, exist_ok=True)
            for log in self.folder.glob("*.log"):
                shutil.copy(log, keep_logs)
        shutil.rmtree(self.folder, ignore_errors=True)


def copy_database(db_args, source, clusters):
    """pg_dump the source, pg_restore it onto the private primary as DB."""
    dump = clusters.folder / "source.dump"
    host, port, user = db_args
    subprocess.run(
        [harness.pg_bin("pg_dump"), "-h", host, "-p", str(port), "-U", user, "-Fc", "-Z0"]
        + ["-f", str(dump), source],
        check=True,
        timeout=TIMEOUT,
    )
    clusters.sql("primary", f'CREATE DATABASE "{DB}"')
    _host, port, user = clusters.db_args("primary")
    subprocess.run(
        [harness.pg_bin("pg_restore"), "-h", "127.0.0.1", "-p", str(port), "-U", user]
        + ["-d", DB, "--no-owner", "--no-acl", "-j", "2", str(dump)],
        check=True,
        timeout=TIMEOUT * 2,
    )
    dump.unlink()


# -- watching where statements run ---------------------------------------------------


class Watch:
    """New lines of the two servers' logs and of Odoo's since the last mark."""

    def __init__(self, paths):
        self.paths = paths
        self.offsets = dict.fromkeys(paths, 0)

    def mark(self):
        for name, path in self.paths.items():
            self.offsets[name] = path.stat().st_size if path.exists() else 0

    def new_lines(self, name):
        path = self.paths[name]
        if not path.exists():
            return []
        with path.open("rb") as log:
            log.seek(self.offsets[name])
            return log.read().decode(errors="replace").splitlines()

    def entries(self, name):
        """The server's log entries since the mark, each with its continuation lines."""
        entries = []
        for line in self.new_lines(name):
            if LOG_LINE.match(line) or not entries:
                entries.append(line)
            else:
                entries[-1] += "\n" + line
        return entries

    def statements(self, name):
        """(work, bookkeeping) statement counts on our database since the mark."""
        work = bookkeeping = 0
        for entry in self.entries(name):
            connection = CONNECTION.match(entry)
            if connection and connection["db"] == DB:
                bookkeeping += 1  # a worker's first connection to this server
                continue
            match = STATEMENT.match(entry)
            if not match or match["db"] != DB:
                continue
            if BOOKKEEPING.search(match["sql"]):
                bookkeeping += 1
            else:
                work += 1
        return work, bookkeeping


# -- Odoo ----------------------------------------------------------------------------


@contextmanager
def odoo_server(env, odoo_root, clusters, log_path):
    """Odoo with two workers on the primary, reading from the replica; stopped on exit."""
    import requests

    port = harness.free_port()
    cmd = harness.odoo_command(
        odoo_root,
        clusters.db_args("primary"),
        DB,
        "--workers",
        "2",
        "--max-cron-threads",
        "0",
        "--db_replica_host",
        "127.0.0.1",
        "--db_replica_port",
        str(clusters.replica_port),
        "--http-interface",
        "127.0.0.1",
        "--http-port",
        str(port),
        "--gevent-port",
        str(harness.free_port()),
        "--data-dir",
        str(clusters.folder / "odoo-data"),
        "--limit-time-real",
        str(TIMEOUT),
        "--log-level",
        "warn",
    )
    url = f"http://127.0.0.1:{port}"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + TIMEOUT
        while True:
            if server.poll() is not None:
                raise harness.HarnessError(
                    f"Odoo exited with {server.returncode}:\n" + log_path.read_text()[-3000:]
                )
            try:
                if requests.get(f"{url}/web/health", timeout=5).ok:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise harness.HarnessError(f"Odoo did not answer on {url} in {TIMEOUT} s")
            time.sleep(0.3)
        yield url
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=30)


class Client:
    def __init__(self, url):
        import requests

        self.url = url
        self.session = requests.Session()

    def json(self, path, params):
        response = self.session.post(
            f"{self.url}{path}",
            json={"jsonrpc": "2.0", "method": "call", "params": params},
            timeout=TIMEOUT,
        )
        response.raise_for_status()
        body = response.json()
        if "error" in body:
            raise harness.HarnessError(f"{path}: {body['error']['data']['message']}")
        return body["result"]

    def call(self, model, method, args, kwargs=None, path="/web/dataset/call_kw"):
        return self.json(
            f"{path}/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def get(self, path):
        response = self.session.get(f"{self.url}{path}", timeout=TIMEOUT)
        if response.status_code != 200 or not response.content.startswith(b"PK"):
            raise harness.HarnessError(f"GET {path}: {response.status_code}, not an XLSX file")
        return response


def requests_to_make(ids):
    """(label, expected server, callable(client)) in the order they are made."""
    nc_fields = {
        "name": {},
        "date": {},
        "state": {},
        "severity": {},
        "department_id": {"fields": {"display_name": {}}},
    }
    overview = {
        name: {}
        for name in (
            "year",
            "objective_count",
            "plan_completion",
            "nonconformity_open",
            "action_overdue",
            "acknowledgement_rate",
            "audit_count",
            "complaint_count",
        )
    }
    xlsx = [
        "/quality_university/documents.xlsx",
        f"/quality_university/acknowledgements.xlsx?revision_id={ids['revision']}",
        "/quality_university/nonconformity_register.xlsx",
        f"/quality_university/employment_report.xlsx?department_id={ids['department']}"
        f"&year={ids['year']}",
        "/quality_university/employment_import_template/graduates.xlsx",
        f"/quality_university/ranking.xlsx?rating_id={ids['rating']}",
        f"/quality_university_survey/campaign/{ids['campaign']}/indices.xlsx",
        f"/quality_university_survey/campaign/{ids['campaign']}/answers.xlsx",
    ]
    made = [(f"GET {path.split('?')[0]}", "replica", lambda c, p=path: c.get(p)) for path in xlsx]
    made += [
        (
            "call_kw quality.nonconformity web_search_read",
            "replica",
            lambda c: c.call(
                "quality.nonconformity",
                "web_search_read",
                [],
                {"domain": [], "specification": nc_fields, "limit": 80},
            ),
        ),
        (
            "call_kw quality.nonconformity web_read_group",
            "replica",
            lambda c: c.call(
                "quality.nonconformity",
                "web_read_group",
                [],
                {"domain": [], "fields": ["__count"], "groupby": ["state"]},
            ),
        ),
        (
            "call_kw quality.overview onchange (figures)",
            "replica",
            lambda c: c.call("quality.overview", "onchange", [[], {}, [], overview]),
        ),
        (
            "call_button quality.rating action_export_xlsx",
            "replica",
            lambda c: c.call(
                "quality.rating",
                "action_export_xlsx",
                [[ids["rating"]]],
                path="/web/dataset/call_button",
            ),
        ),
        (
            "call_kw quality.nonconformity create",
            "primary",
            lambda c: c.call(
                "quality.nonconformity",
                "create",
                [{"department_id": ids["department"], "description": "Replica demo write"}],
            ),
        ),
    ]
    return made


def demo_ids(clusters):
    """Records the requests name: looked up on the primary before Odoo starts."""

    def one(query):
        value = clusters.sql("primary", query, database=DB)
        if not value:
            raise harness.HarnessError(f"the source database has no demo record for: {query}")
        return int(value.split("|")[0])

    return {
        "revision": one(
            "SELECT id FROM quality_document_revision WHERE state = 'effective' ORDER BY id LIMIT 1"
        ),
        "department": one(
            "SELECT department_id FROM quality_programme WHERE department_id IS NOT NULL "
            "ORDER BY id LIMIT 1"
        ),
        "year": one("SELECT max(graduation_year) FROM quality_graduate"),
        "rating": one("SELECT id FROM quality_rating ORDER BY id LIMIT 1"),
        "campaign": one("SELECT id FROM quality_survey_campaign ORDER BY id LIMIT 1"),
    }


class ReplayProbe:
    """How long the replica takes to replay what the primary has written: connections
    to both servers' `postgres` database, outside the statements counted."""

    def __init__(self, clusters):
        import psycopg2

        self.connections = []
        for host, port, user in (clusters.db_args("primary"), clusters.db_args("replica")):
            connection = psycopg2.connect(host=host, port=port, user=user, dbname="postgres")
            connection.autocommit = True
            self.connections.append(connection)

    def wait(self, since):
        """Milliseconds from `since` (perf_counter) until the replica has replayed the
        primary's WAL as it is now; None after TIMEOUT."""
        primary, replica = (connection.cursor() for connection in self.connections)
        primary.execute("SELECT pg_current_wal_lsn()")
        lsn = primary.fetchone()[0]
        while time.perf_counter() - since < TIMEOUT:
            replica.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", (lsn,))
            if replica.fetchone()[0]:
                return round((time.perf_counter() - since) * 1000, 1)
            time.sleep(0.001)
        return None

    def close(self):
        for connection in self.connections:
            connection.close()


def served_by(replica, primary):
    """Where the request ran, from (work, bookkeeping) statement counts of each server:
    a request whose only statements on the replica are transaction control still ran
    there (it found everything in the worker's caches)."""
    on_replica = any(replica)
    on_primary = primary[0] > 0
    if on_replica and on_primary:
        return "both"
    return "replica" if on_replica else "primary" if on_primary else "none"


def run_replica_demo(env, odoo_root, db_args, source=None, reset=False, keep_logs=None):
    """Run the demonstration; return its figures (rows, catch-up, problems)."""
    started = step = time.monotonic()
    steps = {}

    def done(name):
        nonlocal step
        steps[name] = round(time.monotonic() - step, 1)
        step = time.monotonic()

    source = source or ensure_source(env, odoo_root, db_args, reset=reset)
    if not installed(db_args, source):
        raise harness.HarnessError(f"{source} does not hold both addons, installed")
    done("source")
    clusters = Clusters()
    rows, problems = [], []
    figures = {"source": source, "catch_up_ms": None, "steps_s": steps}
    try:
        clusters.start_primary()
        done("primary")
        copy_database(db_args, source, clusters)
        done("copy")
        # every statement and connection from now on in each server's log
        clusters.sql("primary", "ALTER SYSTEM SET log_min_duration_statement = 0")
        clusters.sql("primary", "ALTER SYSTEM SET log_connections = on")
        clusters.sql("primary", "SELECT pg_reload_conf()")
        clusters.start_replica()  # the base backup carries those settings over
        done("replica")
        ids = demo_ids(clusters)
        figures["setup_s"] = round(time.monotonic() - started, 1)
        print(
            f"Primary 127.0.0.1:{clusters.primary_port}, streaming replica "
            f"127.0.0.1:{clusters.replica_port} (asynchronous), copy of {source}; "
            f"ready in {figures['setup_s']} s",
            flush=True,
        )
        odoo_log = clusters.folder / "odoo.log"
        watch = Watch(
            {"primary": clusters.primary_log, "replica": clusters.replica_log, "odoo": odoo_log}
        )
        probe = ReplayProbe(clusters)
        done("ids")
        with odoo_server(env, odoo_root, clusters, odoo_log) as url, closing(probe):
            done("odoo")
            client = Client(url)
            client.json("/web/session/authenticate", {"db": DB, "login": LOGIN, "password": LOGIN})
            for label, expected, make in requests_to_make(ids):
                watch.mark()
                start = time.perf_counter()
                result = make(client)
                answered = time.perf_counter()
                ms = (answered - start) * 1000
                if expected == "primary":
                    created = result[0] if isinstance(result, list) else result
                    figures["catch_up_ms"] = probe.wait(answered)
                time.sleep(0.02)  # the servers log a statement before they answer it
                replica = watch.statements("replica")
                primary = watch.statements("primary")
                retried = sum(RETRY in line for line in watch.new_lines("odoo"))
                row = {
                    "request": label,
                    "expected": expected,
                    "served_by": served_by(replica, primary),
                    "replica_sql": replica[0],
                    "replica_bookkeeping": replica[1],
                    "primary_sql": primary[0],
                    "primary_bookkeeping": primary[1],
                    "retried_rw": retried,
                    "ms": round(ms, 1),
                }
                rows.append(row)
                if row["served_by"] != expected or retried:
                    problems.append(f"{label}: served by {row['served_by']}, expected {expected}")
            query = f"SELECT count(*) FROM quality_nonconformity WHERE id = {int(created)}"
            if figures["catch_up_ms"] is None or clusters.sql("replica", query, DB) != "1":
                problems.append(f"the new nonconformity did not reach the replica in {TIMEOUT} s")
            done("requests")
        done("odoo_stop")
        odoo_lines = odoo_log.read_text(errors="replace").splitlines()
        problems += [
            f"Odoo: {line[:300]}"
            for line in odoo_lines
            if re.search(r" (WARNING|ERROR|CRITICAL) ", line)
        ]
        # outside Odoo's log format: a process that could not start (on some systems the
        # websocket process, which this demonstration does not use)
        figures["tracebacks"] = sum(line.startswith("Traceback") for line in odoo_lines)
    finally:
        clusters.stop(keep_logs)
        done("clusters_stop")
    figures.update(rows=rows, problems=problems, seconds=round(time.monotonic() - started, 1))
    print_rows(rows)
    print(
        f"The replica had replayed the write {figures['catch_up_ms']} ms after Odoo answered "
        f"it. Total {figures['seconds']} s."
    )
    if figures.get("tracebacks"):
        print(
            f"Note: {figures['tracebacks']} traceback(s) in Odoo's output outside its log "
            "(a process that could not start; --keep-logs DIR keeps them)."
        )
    for problem in problems:
        print("PROBLEM:", problem)
    return figures


def print_rows(rows):
    table = [
        {
            "request": row["request"],
            "expected": row["expected"],
            "served by": row["served_by"],
            "replica SQL": f"{row['replica_sql']} (+{row['replica_bookkeeping']})",
            "primary SQL": f"{row['primary_sql']} (+{row['primary_bookkeeping']})",
            "ms": f"{row['ms']:.0f}",
        }
        for row in rows
    ]
    widths = {key: max(len(key), *(len(r[key]) for r in table)) for key in table[0]}
    print(
        "\nWhere each request ran: statements of the request in each server's log "
        "(+ transaction control and Odoo's bookkeeping)"
    )
    print("  ".join(key.ljust(width) for key, width in widths.items()))
    for row in table:
        print("  ".join(row[key].ljust(width) for key, width in widths.items()))


def _terminate(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source-db",
        help=f"database with both addons to copy (default: {SOURCE_DB}, made when needed)",
    )
    parser.add_argument("--reset", action="store_true", help=f"make {SOURCE_DB} anew")
    parser.add_argument("--drop", action="store_true", help=f"drop {SOURCE_DB} afterwards")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--keep-logs", metavar="DIR", help="copy the servers' and Odoo's logs here")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _terminate)  # stop the clusters on a plain kill too
    try:
        env, odoo_root = harness.find_odoo()
        db_args = harness.postgres()
    except harness.HarnessError as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 2
    try:
        figures = run_replica_demo(
            env, odoo_root, db_args, args.source_db, args.reset, args.keep_logs
        )
    except (harness.HarnessError, subprocess.SubprocessError) as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Interrupted: the clusters and Odoo are stopped.", file=sys.stderr)
        return 130
    finally:
        if args.drop and not args.source_db:
            harness.drop_database(db_args, SOURCE_DB)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))
    return 1 if figures["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
