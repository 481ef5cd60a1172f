"""The README's commands must refuse plainly, and non-zero, when Odoo is missing."""

import os
import socket
import subprocess
import sys
import tempfile
import unittest
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


class TestHarnessWithoutOdoo(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # a Python of its own, without this machine's site-packages, hence without Odoo
        cls.tmp = tempfile.TemporaryDirectory()
        venv.create(cls.tmp.name, with_pip=False)
        cls.python = str(Path(cls.tmp.name) / "bin" / "python")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def run_script(self, script, **env):
        clean = {k: v for k, v in os.environ.items() if k not in ("ODOO_PATH", "PYTHONPATH")}
        return subprocess.run(
            [self.python, str(REPO / "scripts" / script)],
            capture_output=True,
            text=True,
            env=dict(clean, **env),
            timeout=120,
            check=False,
        )

    def test_test_command_says_odoo_is_missing(self):
        result = self.run_script("test")
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("Odoo is not importable", result.stderr)
        self.assertNotIn("passed", result.stdout)

    def test_demo_command_says_odoo_is_missing(self):
        result = self.run_script("demo")
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("Odoo is not importable", result.stderr)

    def test_odoo_path_pointing_nowhere_is_refused(self):
        result = self.run_script("test", ODOO_PATH="/nonexistent")
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("ODOO_PATH", result.stderr)


class TestPrivatePostgres(unittest.TestCase):
    """When no server answers, the commands start a private PostgreSQL cluster."""

    def test_private_cluster_starts_and_answers(self):
        with tempfile.TemporaryDirectory() as tmp:
            os.chmod(tmp, 0o755)  # as root, the cluster's owner 'postgres' must enter it
            data = Path(tmp) / "pgdata"
            probe = (
                "import harness; db = harness.postgres(); "
                "print(db[1], db[2], harness.database_exists(db, 'postgres'))"
            )
            env = dict(
                os.environ,
                PGPORT=str(free_port()),  # nobody listens there
                QU_PGDATA=str(data),
                QU_PGPORT=str(free_port()),
            )
            try:
                result = subprocess.run(
                    [sys.executable, "-c", probe],
                    cwd=REPO / "scripts",
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=120,
                    check=False,
                )
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertIn("starting a private cluster", result.stdout)
                port, role, answers = result.stdout.splitlines()[-1].split()
                self.assertEqual(port, env["QU_PGPORT"])
                self.assertNotEqual(role, "postgres")  # Odoo refuses that role
                self.assertEqual(answers, "True")
            finally:
                if (data / "postmaster.pid").exists():
                    subprocess.run(
                        (["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else [])
                        + ["pg_ctl", "-D", str(data), "-m", "fast", "stop"],
                        check=True,
                        capture_output=True,
                        env=dict(os.environ, PATH=f"{pg_bindir()}:{os.environ['PATH']}"),
                    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pg_bindir():
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    return str(found[0]) if found else ""


if __name__ == "__main__":
    unittest.main()
