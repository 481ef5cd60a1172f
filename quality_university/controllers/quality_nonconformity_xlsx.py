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
        header, rows = env["quality.nonconformity"]._register_rows()
        return xlsx_response("nonconformity_register.xlsx", env._("Nonconformities"), header, rows)
