from werkzeug.exceptions import BadRequest

from odoo import http
from odoo.http import request

from .xlsx import xlsx_response


class QualityDocumentXlsx(http.Controller):
    """The document register and the acknowledgement status as XLSX, with the
    reader's access rights and language."""

    @http.route("/quality_university/documents.xlsx", type="http", auth="user", readonly=True)
    def document_register(self, **kwargs):
        env = request.env
        documents = env["quality.document"].search([])
        selection = env["quality.document"]._fields
        states = dict(selection["state"]._description_selection(env))
        confidentiality = dict(selection["confidentiality"]._description_selection(env))
        header = [
            env._("Code"),
            env._("Title"),
            env._("Type"),
            env._("Level"),
            env._("Owning Unit"),
            env._("Processes"),
            env._("Edition"),
            env._("Effective from"),
            env._("State"),
            env._("Confidentiality"),
            env._("Next Review"),
            env._("Acknowledged (%)"),
        ]
        rows = [
            (
                doc.code,
                doc.name,
                doc.type_id.name,
                doc.level,
                doc.department_id.display_name,
                ", ".join(doc.process_ids.mapped("code")),
                doc.edition or "",
                doc.date_effective,
                states.get(doc.state),
                confidentiality.get(doc.confidentiality),
                doc.next_review_date,
                round(doc.acknowledgement_rate, 1),
            )
            for doc in documents
        ]
        return xlsx_response("document_register.xlsx", env._("Document Register"), header, rows)

    @http.route(
        "/quality_university/acknowledgements.xlsx", type="http", auth="user", readonly=True
    )
    def acknowledgement_status(self, revision_id=None, **kwargs):
        env = request.env
        domain = [("state", "!=", "cancelled")]
        if revision_id:
            if not revision_id.isdigit():
                raise BadRequest(env._("revision_id must be a record id."))
            domain.append(("revision_id", "=", int(revision_id)))
        lines = env["quality.document.acknowledgement"].search(
            domain, order="date_due, document_id, department_id, employee_id"
        )
        states = dict(lines._fields["state"]._description_selection(env))
        header = [
            env._("Document"),
            env._("Edition"),
            env._("Unit"),
            env._("Employee"),
            env._("Position"),
            env._("Due"),
            env._("State"),
            env._("Acknowledged on"),
        ]
        rows = [
            (
                line.document_id.display_name,
                line.edition,
                line.department_id.display_name,
                line.employee_id.name,
                line.job_title,
                line.date_due,
                states.get(line.state),
                line.date_acknowledged,
            )
            for line in lines
        ]
        return xlsx_response("acknowledgements.xlsx", env._("Acknowledgements"), header, rows)
