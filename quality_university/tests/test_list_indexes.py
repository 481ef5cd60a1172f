from odoo.tests import TransactionCase, tagged

# The tables that grow with the university (staff, students, documents, years): the first
# page of their lists must read an index, never sort the whole table. Each needs a btree
# index whose leading columns are its default `_order` up to the first many2one: ordering
# by a many2one is ordering by the comodel's `_order` through a join, which no index of
# this table serves, so the index narrows the sort to the rows sharing that prefix (one
# year, one parent). An order that starts with a many2one belongs to lines read through
# their parent: the index must lead with that column.
GROWING_MODELS = (
    # registers
    "quality.nonconformity",
    "quality.action",
    "quality.complaint",
    "quality.document",
    "quality.document.revision",
    "quality.document.acknowledgement",
    "quality.record",
    "quality.record.disposal",
    "quality.audit",
    "quality.objective",
    "quality.qualification.assessment",
    "quality.graduate",
    "quality.graduate.employment",
    "quality.vacancy",
    "quality.demand.letter",
    "quality.training.plan.line",
    "quality.rating.line",
    "quality.survey.campaign",
    # lines read through their parent
    "quality.audit.finding",
    "quality.audit.question",
    "quality.audit.programme.line",
    "quality.document.review",
    "quality.document.copy",
    "quality.plan.line",
    "quality.plan.revision",
    "quality.objective.value",
    "quality.objective.revision",
    "quality.rating.value",
    "quality.management.review.decision",
    "quality.infrastructure.assessment.line",
)

# Tables that stay small whatever the size of the university: configuration (types,
# categories, criteria, catalogues) and what is made once a year or per unit per year.
SMALL_MODELS = (
    "quality.audit.checklist.template",
    "quality.audit.criterion",
    "quality.audit.programme",
    "quality.document.tag",
    "quality.document.type",
    "quality.employment.checkpoint",
    "quality.employment.reason",
    "quality.employment.status",
    "quality.infrastructure.assessment",
    "quality.job.fair",
    "quality.job.requirement",
    "quality.management.review",
    "quality.placement.forecast",
    "quality.plan",
    "quality.policy.review",
    "quality.process",
    "quality.process.activity",
    "quality.programme",
    "quality.rating",
    "quality.rating.indicator",
    "quality.rating.indicator.set",
    "quality.record.type",
    "quality.stakeholder.category",
    "quality.stakeholder.requirement",
    "quality.target.contract",
    "quality.training.course",
    "quality.training.plan",
    "quality.survey.category",
    "quality.survey.rate.target",
)

# The columns the lists of growing tables are filtered by as they open: their menus'
# default filters and the record rules of the people who open them.
FILTER_COLUMNS = {
    "quality.nonconformity": ("reporter_id", "department_id"),
    "quality.action": ("responsible_id", "reporter_id", "department_id"),
    "quality.complaint": ("department_id",),
    "quality.document.revision": ("state",),
    "quality.document.acknowledgement": ("user_id", "department_id", "state"),
    "quality.record": ("department_id",),
    "quality.graduate": ("department_id",),
    "quality.graduate.employment": ("department_id",),
    "quality.qualification.assessment": ("user_id", "department_id"),
    "quality.training.plan.line": ("user_id", "department_id"),
    "quality.rating.line": ("user_id", "department_id"),
    "quality.plan.line": ("responsible_id", "department_id"),
}

# Menus opening on a filter that keeps few rows of a long register: (table, index
# columns, words of the index's WHERE).
PARTIAL_INDEXES = (
    ("quality_action", [("date_deadline", False), ("id", False)], ("'planned'", "'in_progress'")),
    ("quality_nonconformity", [("date", True), ("id", True)], ("repeated",)),
)


@tagged("post_install", "-at_install")
class TestListIndexes(TransactionCase):
    def _indexes(self, table):
        """(name, [(column, descending)], predicate) of the table's valid btree indexes;
        an expression column is named None."""
        self.env.cr.execute(
            """
            SELECT ic.relname,
                   array_agg(a.attname ORDER BY k.n),
                   array_agg((i.indoption[k.n - 1] & 1) = 1 ORDER BY k.n),
                   pg_get_expr(i.indpred, i.indrelid)
              FROM pg_index i
              JOIN pg_class ic ON ic.oid = i.indexrelid
              JOIN pg_am am ON am.oid = ic.relam
             CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
              LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
             WHERE i.indrelid = %s::regclass
               AND am.amname = 'btree'
               AND i.indisvalid
               AND k.n <= i.indnkeyatts
             GROUP BY ic.relname, i.indpred, i.indrelid
            """,
            [table],
        )
        return [
            (name, list(zip(columns, descending, strict=True)), predicate)
            for name, columns, descending, predicate in self.env.cr.fetchall()
        ]

    def _order_prefix(self, model):
        """The leading terms of the default order an index can serve, as (column,
        descending); a leading many2one as (column, None), its direction immaterial."""
        prefix = []
        for term in model._order.split(","):
            fname, *direction = term.split()
            field = model._fields[fname]
            self.assertTrue(
                field.store and field.column_type and not field.translate,
                f"{model._name}: its order term {fname!r} is not a plain column",
            )
            if field.type == "many2one":
                if not prefix:
                    prefix.append((fname, None))
                break
            prefix.append((fname, bool(direction) and direction[0].lower() == "desc"))
        return prefix

    @staticmethod
    def _serves(columns, prefix):
        """Whether an index on ``columns`` reads in ``prefix`` order, forwards or
        backwards."""
        if [c for c, _desc in columns[: len(prefix)]] != [c for c, _desc in prefix]:
            return False
        same = [
            desc == index_desc
            for (_c, desc), (_i, index_desc) in zip(prefix, columns, strict=False)
            if desc is not None
        ]
        return all(same) or not any(same)

    def test_default_order_has_an_index(self):
        for model_name in GROWING_MODELS:
            if model_name not in self.env:  # the survey module is optional
                continue
            model = self.env[model_name]
            with self.subTest(model=model_name):
                prefix = self._order_prefix(model)
                indexes = [
                    (n, c) for n, c, predicate in self._indexes(model._table) if not predicate
                ]
                self.assertTrue(
                    any(self._serves(columns, prefix) for _name, columns in indexes),
                    f"{model_name}: no btree index starts with {prefix} (its _order "
                    f"{model._order!r}); a list page would sort the whole table. "
                    f"Create one in init() with odoo.tools.sql.create_index. "
                    f"Indexes: {indexes}",
                )

    def test_menu_and_rule_filters_have_an_index(self):
        for model_name, columns in FILTER_COLUMNS.items():
            model = self.env[model_name]
            leading = {c[0][0] for _n, c, predicate in self._indexes(model._table)}
            for column in columns:
                with self.subTest(model=model_name, column=column):
                    self.assertIn(column, leading, f"{model_name}.{column} has no index")

    def test_selective_menu_filters_have_a_partial_index(self):
        """The overdue actions and the repeated nonconformities are a few rows of a
        register of years: their menus read an index of those rows, in list order."""
        for table, columns, words in PARTIAL_INDEXES:
            with self.subTest(table=table):
                predicates = [
                    predicate
                    for _n, index_columns, predicate in self._indexes(table)
                    if predicate and index_columns == columns
                ]
                self.assertTrue(
                    any(all(word in p for word in words) for p in predicates),
                    f"{table}: no partial index on {columns} where {words}",
                )

    def test_every_quality_table_is_classified(self):
        """A new quality model decides whether its table grows with the university."""
        declared = set(GROWING_MODELS) | set(SMALL_MODELS)
        for model_name, model in self.env.registry.items():
            if (
                model_name.startswith("quality.")
                and model._auto
                and not model._abstract
                and not model._transient
            ):
                with self.subTest(model=model_name):
                    self.assertIn(
                        model_name,
                        declared,
                        "Declare it in GROWING_MODELS (with an index for its _order) or "
                        "in SMALL_MODELS",
                    )
