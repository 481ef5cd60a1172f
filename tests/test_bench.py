"""The benchmark at a tiny scale: its query counts stay flat when the data doubles."""

import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "bench.py"


class TestBenchmarkQueryCounts(unittest.TestCase):
    def test_query_counts_do_not_grow_with_the_data(self):
        with tempfile.TemporaryDirectory() as folder:
            figures_path = Path(folder) / "figures.json"
            run = subprocess.run(
                [
                    sys.executable,
                    str(BENCH),
                    "--scale",
                    "0.002",
                    "--repeat",
                    "2",
                    "--reset",
                    "--check-flat",
                    "--drop",
                    "--json",
                    str(figures_path),
                ],
                capture_output=True,
                text=True,
                timeout=900,
                check=False,
            )
            self.assertEqual(run.returncode, 0, run.stdout[-3000:] + run.stderr[-3000:])
            figures = json.loads(figures_path.read_text())
        self.assertGreaterEqual(len(figures["grown"]), 20)
        for row in figures["grown"]:
            with self.subTest(operation=row["operation"]):
                self.assertEqual(row["queries"], row["queries_before"])
        print(run.stdout[run.stdout.index("Operations") :])
