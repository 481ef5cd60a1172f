from contextlib import closing

from odoo.tests import TransactionCase, tagged

ADDONS = "odoo.addons.quality_university"  # and quality_university_survey

# Routes of our controllers that write, and so stay read/write, each with the reason.
# Every other route is read-only: Odoo runs it on the read replica when
# --db_replica_host is set (and, should it write after all, rolls back and runs it
# again on the primary, logging a warning).
WRITING_ROUTES = {}  # {url: reason}


def _button(name):
    """A button that only hands over a download URL: it reads nothing, any id does."""
    return lambda model: getattr(model.browse(1), name)()


# Model methods of our addons that a read replica may serve over RPC (@api.readonly),
# each with how to call it; each one is run below inside a read-only transaction.
READONLY_METHODS = {
    ("quality.overview", "onchange"): lambda model: model.onchange(
        {}, [], {name: {} for name in model._fields if name not in ("id", "display_name")}
    ),
    ("quality.rating", "action_export_xlsx"): _button("action_export_xlsx"),
    ("quality.survey.campaign", "action_export_indices"): _button("action_export_indices"),
    ("quality.survey.campaign", "action_export_answers"): _button("action_export_answers"),
}


@tagged("post_install", "-at_install")
class TestReadonlyRoutes(TransactionCase):
    """Read-only routes and calls go to the read replica (--db_replica_host): each of
    ours says which it is, and those that say read-only never write."""

    def _our_routes(self):
        return {
            rule.rule: rule.endpoint
            for rule in self.env["ir.http"].routing_map().iter_rules()
            if rule.endpoint.__module__.startswith(ADDONS)
        }

    def test_every_route_of_ours_is_readonly_unless_it_writes(self):
        routes = self._our_routes()
        # the enumeration finds our routes (the survey addon adds its own when installed)
        for url in (
            "/quality_university/documents.xlsx",
            "/quality_university/acknowledgements.xlsx",
            "/quality_university/nonconformity_register.xlsx",
            "/quality_university/employment_report.xlsx",
            "/quality_university/employment_import_template/<string:kind>.xlsx",
            "/quality_university/ranking.xlsx",
        ):
            self.assertIn(url, routes)
        for url, endpoint in routes.items():
            with self.subTest(route=url):
                readonly = endpoint.routing["readonly"]
                if url in WRITING_ROUTES:
                    self.assertIs(readonly, False, "a writing route must stay read/write")
                else:
                    self.assertIs(
                        readonly,
                        True,
                        "declare the route readonly=True, or list it in WRITING_ROUTES "
                        "with the reason it writes",
                    )

    def test_readonly_methods_are_the_listed_ones(self):
        """A method of ours marked @api.readonly is listed above, so that it is run in a
        read-only transaction below."""
        marked = {
            (name, attribute)
            for name in self.env.registry
            for cls in type(self.env[name]).mro()
            if cls.__module__.startswith(ADDONS)
            for attribute, value in vars(cls).items()
            if getattr(value, "_readonly", False)
        }
        installed = {key for key in READONLY_METHODS if key[0] in self.env}
        self.assertEqual(marked, installed)
        self.assertIn(("quality.overview", "onchange"), marked)

    def test_readonly_methods_do_not_write(self):
        self.env.flush_all()
        for (model, method), call in READONLY_METHODS.items():
            if model not in self.env:
                continue  # the survey addon's, when it is not installed
            with self.subTest(method=f"{model}.{method}"):
                # what a replica allows: a write raises ReadOnlySqlTransaction
                with closing(self.env.cr.savepoint(flush=False)):
                    self.env.cr.execute("SET TRANSACTION READ ONLY")
                    result = call(self.env[model])
                    self.env.flush_all()
                    self.assertTrue(result)
                self.env.invalidate_all()
