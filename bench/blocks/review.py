"""Management review: every block's inputs for one academic year, collected live."""

YEAR = "2025/2026"


def generate(env, size, info):
    review = env["quality.management.review"].create(
        {"name": "Bench review", "year": YEAR, "date": "2026-09-15"}
    )
    return {"review_id": review.id}


def grow(env, size, info):
    """The review reads the nonconformities, actions and acknowledgements that the
    core generator grows."""


def operations(env, info):
    review = env["quality.management.review"].browse(info["review_id"])
    period = {"from": review.date_from, "to": review.date_to, "company": review.company_id.id}
    return [
        (
            f"management-review inputs for {YEAR} (all blocks' sections)",
            lambda env: review.with_env(env)._collect_inputs(),
            # the floor aggregates the nonconformity, action and document sections only
            "WITH nc AS (SELECT * FROM quality_nonconformity WHERE company_id = %(company)s "
            "  AND date BETWEEN %(from)s AND %(to)s AND state != 'cancelled'), "
            "act AS (SELECT * FROM quality_action WHERE company_id = %(company)s "
            "  AND date_deadline BETWEEN %(from)s AND %(to)s AND state != 'cancelled'), "
            "ack AS (SELECT * FROM quality_document_acknowledgement "
            "  WHERE company_id = %(company)s AND state != 'cancelled' "
            "  AND date_due BETWEEN %(from)s AND %(to)s) "
            "SELECT 'nc-state', state, count(*) FROM nc GROUP BY state "
            "UNION ALL SELECT 'nc-source', source, count(*) FROM nc GROUP BY source "
            "UNION ALL SELECT 'nc-unit', department_id::text, count(*) FROM nc "
            "  GROUP BY department_id "
            "UNION ALL SELECT 'nc-flags', repeated::text || severity, count(*) FROM nc "
            "  GROUP BY repeated, severity "
            "UNION ALL SELECT 'act-type', action_type, count(*) FROM act GROUP BY action_type "
            "UNION ALL SELECT 'act-result', effectiveness_result || state, count(*) FROM act "
            "  GROUP BY effectiveness_result, state "
            "UNION ALL SELECT 'ack', state, count(*) FROM ack GROUP BY state "
            "UNION ALL SELECT 'rev', '', count(*) FROM quality_document_revision "
            "  WHERE company_id = %(company)s AND date_approved BETWEEN %(from)s AND %(to)s",
            period,
        )
    ]
