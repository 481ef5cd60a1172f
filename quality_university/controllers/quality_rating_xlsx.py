from werkzeug.exceptions import BadRequest, NotFound

from odoo import http
from odoo.http import content_disposition, request


class QualityRatingXlsx(http.Controller):
    @http.route("/quality_university/ranking.xlsx", type="http", auth="user", readonly=True)
    def ranking(self, rating_id=None, **kwargs):
        """A rating's ranking with the reader's rights and language."""
        if not rating_id or not str(rating_id).isdigit():
            raise BadRequest()
        rating = request.env["quality.rating"].browse(int(rating_id)).exists()
        if not rating or not rating.has_access("read"):
            raise NotFound()
        return request.make_response(
            rating._ranking_xlsx_content(),
            headers=[
                (
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                ("Content-Disposition", content_disposition("ranking.xlsx")),
            ],
        )
