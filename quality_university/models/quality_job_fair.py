from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QualityJobFair(models.Model):
    _name = "quality.job.fair"
    _description = "Job Fair"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    date = fields.Date(required=True, tracking=True)
    department_id = fields.Many2one(
        "hr.department", string="Organised By", required=True, index=True, check_company=True
    )
    employer_ids = fields.Many2many(
        "res.partner", "quality_job_fair_employer_rel", "fair_id", "partner_id", "Employers"
    )
    vacancies_offered = fields.Integer()
    attendance = fields.Integer(string="Students and Graduates Attending")
    hired = fields.Integer(string="Hired After the Fair")
    results = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.constrains("vacancies_offered", "attendance", "hired")
    def _check_counts(self):
        for fair in self:
            if min(fair.vacancies_offered, fair.attendance, fair.hired) < 0:
                raise ValidationError(self.env._("A job fair's figures cannot be negative."))
