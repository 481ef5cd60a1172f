import logging
import time

from odoo import SUPERUSER_ID, api, sql_db
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from .common_document import DocumentCommon

_logger = logging.getLogger(__name__)

# queries of one distribution, whatever the number of employees
DISTRIBUTION_QUERIES = 7


@tagged("post_install", "-at_install")
class TestDistributionQueries(DocumentCommon):
    def approved_revision_for(self, size):
        faculty = self.env["hr.department"].create({"name": f"Faculty of {size}"})
        kafedra = self.env["hr.department"].create(
            {"name": f"Kafedra of {size}", "parent_id": faculty.id}
        )
        self.env["hr.employee"].create(
            [
                {"name": f"Teacher {i}", "department_id": kafedra.id, "job_title": "Teacher"}
                for i in range(size)
            ]
        )
        document = self.env["quality.document"].create(
            {
                "name": f"Regulation for {size}",
                # a work instruction needs no agreement: approved straight away
                "type_id": self.env.ref("quality_university.document_type_work_instruction").id,
                "distribution_department_ids": [faculty.id],
            }
        )
        revision = self.draft_revision(document, reviewers=(), author=None)
        revision.date_effective = "2099-01-01"
        self.make_effective(revision)
        self.assertEqual(revision.state, "approved")
        return revision

    def test_distribution_queries_do_not_grow_with_the_staff(self):
        for size in (20, 2000):
            with self.subTest(size=size):
                revision = self.approved_revision_for(size)
                revision._workflow_write({"state": "effective"})
                self.env.invalidate_all()
                self.env.flush_all()
                with self.assertQueryCount(DISTRIBUTION_QUERIES):
                    started, queries = time.perf_counter(), self.cr.sql_log_count
                    revision._distribute()
                    queries = self.cr.sql_log_count - queries
                    elapsed = time.perf_counter() - started
                _logger.info(
                    "Distribution to %s employees: %s queries, %.0f ms",
                    size,
                    queries,
                    elapsed * 1000,
                )
                self.assertEqual(revision.acknowledgement_count, size)
                self.assertEqual(set(revision.acknowledgement_ids.mapped("job_title")), {"Teacher"})
        # distributing again adds nobody twice
        revision._distribute()
        self.assertEqual(revision.acknowledgement_count, 2000)


@tagged("post_install", "-at_install")
class TestConcurrentApproval(TransactionCase):
    """Two people approve two revisions of one document at the same moment, in two
    real transactions: the second waits for nobody and is refused, and after the
    first commits it supersedes it. There is never a second effective revision."""

    def setUp(self):
        super().setUp()
        self.db = sql_db.db_connect(self.env.cr.dbname)
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            document = env["quality.document"].create(
                {
                    "code": "CONCURRENCY-TEST",
                    "name": "Concurrency test",
                    "type_id": env.ref("quality_university.document_type_work_instruction").id,
                }
            )
            revisions = env["quality.document.revision"]._workflow_create(
                [
                    {
                        "document_id": document.id,
                        "edition": edition,
                        "approver_id": env.ref("base.user_admin").id,
                        "attachment_ids": [(0, 0, {"name": "f.pdf", "raw": b"%PDF-1.4"})],
                    }
                    for edition in (1, 2)
                ]
            )
            revisions.action_submit()
            self.document_id, self.revision_ids = document.id, revisions.ids
        self.addCleanup(self.cleanup)

    def cleanup(self):
        with self.db.cursor() as cr:
            cr.execute(
                "DELETE FROM mail_message WHERE model = 'quality.document.revision' "
                "AND res_id IN %s",
                [tuple(self.revision_ids)],
            )
            cr.execute("DELETE FROM quality_document WHERE id = %s", [self.document_id])

    def approve(self, cr, revision_id):
        env = api.Environment(cr, SUPERUSER_ID, {})
        env["quality.document.revision"].browse(revision_id).action_approve()

    def test_concurrent_approvals(self):
        first, second = self.revision_ids
        with self.db.cursor() as cr_a, self.db.cursor() as cr_b:
            self.approve(cr_a, first)  # holds the document until it commits
            with self.assertRaisesRegex(UserError, "being approved right now"):
                self.approve(cr_b, second)
            cr_b.rollback()
            cr_a.commit()
            self.approve(cr_b, second)
            cr_b.commit()
        with self.db.cursor() as cr:
            cr.execute(
                "SELECT id, state FROM quality_document_revision WHERE document_id = %s "
                "ORDER BY id",
                [self.document_id],
            )
            self.assertEqual(cr.fetchall(), [(first, "superseded"), (second, "effective")])
