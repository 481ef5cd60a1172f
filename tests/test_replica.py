"""The read replica, for real: Odoo with --db_replica_host runs the read-only routes and
calls on a streaming replica and the writes on the primary (bench/replica.py)."""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

REPLICA = Path(__file__).resolve().parent.parent / "bench" / "replica.py"
TIMEOUT = 600  # the first run installs the source database


class TestReadReplica(unittest.TestCase):
    def test_reads_run_on_the_replica_and_writes_on_the_primary(self):
        # scripts/test lends the database its Odoo suite just made (QU_SUITE_DB): no
        # second install. Alone, replica.py makes (once) and copies its own.
        source = os.environ.get("QU_SUITE_DB")
        started = time.monotonic()
        with tempfile.TemporaryDirectory() as folder:
            figures_path = Path(folder) / "figures.json"
            cmd = [sys.executable, str(REPLICA), "--json", str(figures_path)]
            cmd += ["--source-db", source] if source else []
            with subprocess.Popen(
                cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
            ) as run:
                try:
                    output, _ = run.communicate(timeout=TIMEOUT)
                except subprocess.TimeoutExpired:
                    # SIGTERM: replica.py stops its clusters and Odoo before it exits
                    run.send_signal(signal.SIGTERM)
                    output, _ = run.communicate(timeout=120)
                    self.fail(f"replica.py took more than {TIMEOUT} s:\n{output[-3000:]}")
            self.assertEqual(run.returncode, 0, output[-4000:])
            figures = json.loads(figures_path.read_text())
        rows = {row["request"]: row for row in figures["rows"]}
        reads = [row for row in figures["rows"] if row["expected"] == "replica"]
        # every read-only XLSX route of both addons, and the web client's reads
        self.assertEqual(sum(name.startswith("GET ") for name in rows), 8)
        for name in (
            "call_kw quality.nonconformity web_search_read",
            "call_kw quality.nonconformity web_read_group",
        ):
            self.assertIn(name, rows)
        for row in reads:
            with self.subTest(request=row["request"]):
                self.assertEqual(row["served_by"], "replica")
                self.assertEqual(row["primary_sql"], 0)  # not one statement of its own
                self.assertEqual(row["retried_rw"], 0)  # no write sent it back
        reads_with_sql = [row for row in reads if row["replica_sql"]]
        self.assertGreaterEqual(len(reads_with_sql), 8)
        write = rows["call_kw quality.nonconformity create"]
        self.assertEqual(write["served_by"], "primary")
        self.assertEqual(write["replica_sql"], 0)
        self.assertGreater(write["primary_sql"], 0)
        self.assertIsNotNone(figures["catch_up_ms"])  # the write reached the replica
        self.assertEqual(figures["problems"], [])
        print(
            f"\nread replica: {len(reads)} reads on the replica, the write on the primary, "
            f"replayed {figures['catch_up_ms']} ms after; {time.monotonic() - started:.0f} s "
            f"(steps: {figures['steps_s']})"
        )
