from odoo import http
from odoo.http import request

from .xlsx import xlsx_response


class QualityNonconformityXlsx(http.Controller):
    @http.route(
        "/quality_university/nonconformity_register.xlsx", type="http", auth="user", readonly=True
    )
    def nonconformity_register(self, **kwargs):
        """The nonconformity register the user may read, one row per nonconformity."""
        env = request.env
        records = env["quality.nonconformity"].search([], order="date, id")
        header = [
            env._("Code"),
            env._("Detected On"),
            env._("Source"),
            env._("Unit"),
            env._("Process"),
            env._("Requirement"),
            env._("Description"),
            env._("Severity"),
            env._("Stage"),
            env._("Repeated"),
            env._("Actions"),
        ]
        sources = dict(records._fields["source"]._description_selection(env))
        severities = dict(records._fields["severity"]._description_selection(env))
        states = dict(records._fields["state"]._description_selection(env))
        rows = [
            (
                nc.name,
                nc.date,
                sources.get(nc.source),
                nc.department_id.name,
                nc.process_id.display_name,
                nc.criterion_id.display_name,
                nc.description,
                severities.get(nc.severity),
                states.get(nc.state),
                env._("Yes") if nc.repeated else "",
                len(nc.action_ids),
            )
            for nc in records
        ]
        return xlsx_response("nonconformity_register.xlsx", env._("Nonconformities"), header, rows)
