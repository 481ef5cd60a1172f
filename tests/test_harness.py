"""The README's commands: refusing plainly, installing Odoo into .venv/, PostgreSQL."""

import os
import shutil
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
import unittest
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# variables of the caller that would change what the commands do
CALLER_VARIABLES = (
    "ODOO_PATH",
    "PYTHONPATH",
    "QU_ODOO_SOURCE",
    "QU_NO_BOOTSTRAP",
    "QU_BOOTSTRAPPED",
)


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
        clean = {k: v for k, v in os.environ.items() if k not in CALLER_VARIABLES}
        env.setdefault("QU_NO_BOOTSTRAP", "1")
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


FAKE_MAIN = """
import sys
print("FAKE ODOO", sys.prefix, " ".join(sys.argv[1:]))
"""


def fake_odoo_source(path, version="18, 0", requirements=""):
    """A tiny tree shaped like Odoo's: odoo/release.py, odoo/__main__.py, requirements.txt."""
    package = path / "odoo"
    (package / "tools").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "tools" / "__init__.py").write_text("")
    (package / "release.py").write_text(f"version_info = ({version}, 0, 'final', 0, '')\n")
    (package / "__main__.py").write_text(FAKE_MAIN)
    (path / "requirements.txt").write_text(requirements)
    return path


def git_repository(path):
    """Commit the tree at path on a branch 18.0, as Odoo's repository has."""
    git = ["git", "-C", str(path), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    for args in (["init", "-q", "-b", "18.0"], ["add", "-A"], ["commit", "-qm", "fake"]):
        subprocess.run(git + args, check=True, capture_output=True)
    return path


class TestBootstrap(unittest.TestCase):
    """Without Odoo, scripts/demo installs a (fake) Odoo 18.0 into .venv/ and runs again there.

    Each test works on a copy of scripts/ with empty requirements of ours, and pip is kept
    offline (no index, no machine configuration): nothing is downloaded.
    """

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        root = Path(cls.tmp.name)
        venv.create(root / "python", with_pip=False)  # a Python without Odoo
        cls.python = str(root / "python" / "bin" / "python")
        cls.good_source = git_repository(fake_odoo_source(root / "odoo-18"))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def setUp(self):
        self.repo = Path(tempfile.mkdtemp(dir=self.tmp.name, prefix="repo-"))
        shutil.copytree(REPO / "scripts", self.repo / "scripts")
        # offline: no build tools or dev tools to fetch; the real files are used for real
        (self.repo / "scripts" / "odoo-build.txt").write_text("")
        (self.repo / "requirements-dev.txt").write_text("")

    def demo(self, source, db="qu_bootstrap_fake_db"):
        env = {k: v for k, v in os.environ.items() if k not in CALLER_VARIABLES}
        env.update(QU_ODOO_SOURCE=str(source), PIP_NO_INDEX="1", PIP_CONFIG_FILE=os.devnull)
        env.pop("PIP_FIND_LINKS", None)
        started = time.time()
        result = subprocess.run(
            [self.python, str(self.repo / "scripts" / "demo"), "--init-only", "--db", db],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )
        return result, time.time() - started

    def test_installs_then_reuses(self):
        result, _seconds = self.demo(self.good_source)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        venv_dir = self.repo / ".venv"
        for number in range(1, 8):
            self.assertIn(f"[{number}/7] ", result.stdout)
        # Odoo ran from the new environment, with the source cloned into it
        self.assertIn(f"FAKE ODOO {venv_dir}", result.stdout)
        self.assertIn("-i quality_university,quality_university_survey", result.stdout)
        self.assertTrue((venv_dir / ".quality_university_ready").exists())
        self.assertTrue((venv_dir / "src" / "odoo" / "odoo" / "release.py").exists())
        self.assertFalse((venv_dir / "src" / "odoo" / ".git").exists())

        again, seconds = self.demo(self.good_source)
        self.assertEqual(again.returncode, 0, again.stdout + again.stderr)
        self.assertNotIn("[1/7]", again.stdout)
        self.assertIn("made earlier", again.stdout)
        self.assertIn(f"FAKE ODOO {venv_dir}", again.stdout)
        self.assertLess(seconds, 15)

    def test_failed_step_leaves_nothing_behind(self):
        bad = git_repository(
            fake_odoo_source(
                Path(self.tmp.name) / "odoo-bad", requirements="quality-university-missing==1.0\n"
            )
        )
        result, _seconds = self.demo(bad)
        self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
        self.assertIn("Step 5/7 failed (Odoo's Python requirements", result.stderr)
        self.assertIn("quality-university-missing", result.stderr)  # pip's own words
        self.assertIn("was removed", result.stderr)
        self.assertFalse((self.repo / ".venv").exists())
        self.assertNotIn("FAKE ODOO", result.stdout)

    def test_wrong_version_is_refused(self):
        folder = fake_odoo_source(Path(self.tmp.name) / "odoo-17", version="17, 0")
        result, _seconds = self.demo(folder)
        self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
        self.assertIn("holds Odoo 17.0, not 18.0", result.stderr)
        self.assertFalse((self.repo / ".venv").exists())

    def test_tarball_replaces_a_half_made_environment(self):
        tarball = Path(self.tmp.name) / "odoo-18.0.tar.gz"
        with tarfile.open(tarball, "w:gz") as tar:
            tar.add(
                self.good_source,
                arcname="odoo-18.0",
                filter=lambda i: None if "/.git" in i.name else i,
            )
        (self.repo / ".venv" / "bin").mkdir(parents=True)  # as a killed run leaves it
        result, _seconds = self.demo(tarball)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("left half-made by an earlier run", result.stdout)
        self.assertIn(f"FAKE ODOO {self.repo / '.venv'}", result.stdout)


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
