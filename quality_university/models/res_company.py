from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    quality_rector_id = fields.Many2one(
        "hr.employee",
        string="Rector",
        help="Leads the quality management system and approves its policy, "
        "audit programme and development plan.",
    )
    quality_representative_id = fields.Many2one(
        "hr.employee",
        string="Management Representative",
        help="Management Representative for quality: runs internal audits and "
        "records control and reports to the rector.",
    )
    quality_nc_recurrence_days = fields.Integer(
        string="Nonconformity Recurrence Window (days)",
        default=365,
        help="A nonconformity on the same process and requirement within this many "
        "days of an earlier one is flagged as repeated.",
    )
    quality_career_user_id = fields.Many2one(
        "res.users",
        string="Career Centre Responsible",
        help="Receives the activities on graduates whose work-off obligation is at risk.",
    )

    quality_objective_on_track_percent = fields.Float(
        string="Objective On Track From (%)",
        default=100.0,
        help="An objective whose progress from baseline to target reaches this share is on track.",
    )
    quality_objective_at_risk_percent = fields.Float(
        string="Objective At Risk From (%)",
        default=80.0,
        help="Below the on-track share but at least this share: at risk. Below it: missed.",
    )
    quality_document_review_by = fields.Selection(
        [
            ("owner_head", "Head of the owning unit"),
            ("representative", "Management Representative"),
            ("author", "Author of the document"),
        ],
        string="Periodic Review by",
        default="owner_head",
        required=True,
        help="Who receives the periodic review of a document when its date comes.",
    )
    quality_programme_approver_id = fields.Many2one(
        "res.users",
        string="Audit Programme Approver Delegate",
        help="Approves the internal audit programme instead of the rector.",
    )
    quality_auditor_line_type_id = fields.Many2one(
        "hr.resume.line.type",
        string="Internal Auditor Training Type",
        help="The resume-line type HR uses to record the internal auditor training.",
    )
    quality_auditor_validity_months = fields.Integer(
        string="Auditor Qualification Validity (months)",
        default=36,
        help="How long an internal auditor training qualifies; 0 means it never expires.",
    )
    quality_assessment_notice_days = fields.Integer(
        string="Qualification Assessment Notice (days)",
        default=30,
        help="How many days before the next qualification assessment is due an activity "
        "is planned for the employee's manager.",
    )

    def _quality_auditor_line_type(self):
        self.ensure_one()
        return (
            self.sudo().quality_auditor_line_type_id
            or self.env.ref(
                "quality_university.resume_line_type_auditor_training", raise_if_not_found=False
            )
            or self.env["hr.resume.line.type"]
        )
