import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.sql import create_index

CAREER_GROUP = "quality_university.group_quality_career"

PERSON_FIELDS = ("name", "email", "phone")
STUDY_FORMS = [
    ("full_time", "Full-time"),
    ("part_time", "Part-time"),
    ("distance", "Distance"),
]
FUNDINGS = [
    ("grant", "State grant"),
    ("paid", "Paid"),
    ("target", "Target-training contract"),
]


class QualityGraduate(models.Model):
    """A graduate of an educational programme; the person is a contact
    (``res.partner``), where the contacts live."""

    _name = "quality.graduate"
    _description = "Graduate"
    _inherit = ["quality.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "graduation_year desc, name, id"
    _check_company_auto = True
    _rec_names_search = ["name", "student_code"]

    _workflow_state_field = "obligation_state"
    _workflow_fields = ("obligation_state",)

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, ondelete="restrict", index=True
    )
    # name, email and phone are the person's: written through the graduate
    # (see create and write) by whoever may edit the graduate
    name = fields.Char(related="partner_id.name", store=True, readonly=False)
    email = fields.Char(related="partner_id.email", readonly=False)
    phone = fields.Char(related="partner_id.phone", readonly=False)
    student_code = fields.Char(
        string="Student ID", required=True, index=True, help="The registrar's number."
    )
    iin = fields.Char(string="IIN", index=True, help="Individual identification number.")
    programme_id = fields.Many2one(
        "quality.programme", required=True, index=True, check_company=True
    )
    department_id = fields.Many2one(
        related="programme_id.department_id", store=True, index=True, string="Graduating Department"
    )
    graduation_year = fields.Integer(required=True, index=True)
    graduation_date = fields.Date()
    study_form = fields.Selection(STUDY_FORMS, string="Form of Study", default="full_time")
    funding = fields.Selection(FUNDINGS, required=True, default="paid")
    consent = fields.Boolean(
        string="Consents to Be Contacted", help="The graduate agreed to receive vacancies."
    )
    target_contract_id = fields.Many2one(
        "quality.target.contract", string="Target-training Contract", check_company=True
    )
    employment_ids = fields.One2many("quality.graduate.employment", "graduate_id", "Outcomes")
    latest_employment_id = fields.Many2one(
        "quality.graduate.employment",
        string="Latest Outcome",
        compute="_compute_latest_employment_id",
        store=True,
    )
    latest_status_id = fields.Many2one(
        related="latest_employment_id.status_id", store=True, string="Latest Status", index=True
    )
    latest_checkpoint_id = fields.Many2one(
        related="latest_employment_id.checkpoint_id", store=True, string="Latest Checkpoint"
    )
    obligation_required = fields.Boolean(
        string="Owes Work-off",
        compute="_compute_obligation_required",
        store=True,
        help="State-grant and target-contract graduates owe a period of work.",
    )
    obligation_employer_id = fields.Many2one("res.partner", string="Work-off Employer")
    obligation_start = fields.Date(string="Work-off Start")
    obligation_months = fields.Integer(string="Work-off Period (Months)", default=36)
    obligation_state = fields.Selection(
        [
            ("open", "Owed"),
            ("working", "Working Off"),
            ("fulfilled", "Fulfilled"),
            ("breached", "Breached"),
        ],
        string="Work-off Obligation",
        default="open",
        required=True,
        tracking=True,
    )
    mail_vacancy_id = fields.Many2one(
        "quality.vacancy", compute="_compute_mail_vacancy_id", string="Vacancy to Announce"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "student_code_unique",
            "unique(student_code, company_id)",
            "A graduate with this student ID already exists.",
        ),
    ]

    def init(self):
        # the default order: a list's first page reads the index, not a sort of the table
        create_index(
            self.env.cr,
            "quality_graduate_graduation_year_name_id_idx",
            self._table,
            ["graduation_year DESC", "name", "id"],
        )

    @api.depends("employment_ids.checkpoint_id.months", "employment_ids.status_id")
    def _compute_latest_employment_id(self):
        for graduate in self:
            outcomes = graduate.employment_ids.sorted(
                lambda e: (e.checkpoint_id.months, e.id), reverse=True
            )
            graduate.latest_employment_id = outcomes[:1]

    @api.depends_context("quality_vacancy_id")
    def _compute_mail_vacancy_id(self):
        vacancy = self.env["quality.vacancy"].browse(self.env.context.get("quality_vacancy_id"))
        for graduate in self:
            graduate.mail_vacancy_id = vacancy

    @api.depends("funding")
    def _compute_obligation_required(self):
        for graduate in self:
            graduate.obligation_required = graduate.funding in ("grant", "target")

    @api.constrains("graduation_year")
    def _check_graduation_year(self):
        for graduate in self:
            if not 1950 <= graduate.graduation_year <= 2200:
                raise ValidationError(
                    self.env._("%(year)s is not a graduation year.", year=graduate.graduation_year)
                )

    @api.constrains("iin")
    def _check_iin(self):
        for graduate in self:
            if graduate.iin and not re.fullmatch(r"\d{12}", graduate.iin):
                raise ValidationError(
                    self.env._("An IIN has twelve digits: %(iin)s", iin=graduate.iin)
                )

    @api.constrains("obligation_months")
    def _check_obligation_months(self):
        if any(graduate.obligation_months < 0 for graduate in self):
            raise ValidationError(self.env._("The work-off period cannot be negative."))

    @api.model_create_multi
    def create(self, vals_list):
        """The person comes with the graduate: whoever may create the graduate
        creates the contact, without rights on every contact of the company."""
        new_people = [vals for vals in vals_list if not vals.get("partner_id")]
        if new_people:
            partners = (
                self.env["res.partner"]
                .sudo()
                .create(
                    [
                        {
                            "name": vals.get("name") or "",
                            "email": vals.get("email") or False,
                            "phone": vals.get("phone") or False,
                        }
                        for vals in new_people
                    ]
                )
            )
            for vals, partner in zip(new_people, partners, strict=True):
                vals["partner_id"] = partner.id
        for vals in vals_list:
            for key in PERSON_FIELDS:
                vals.pop(key, None)
        return super().create(vals_list)

    def write(self, vals):
        """Contacts of graduates are edited through the graduate, within its rules."""
        person = {key: vals.pop(key) for key in PERSON_FIELDS if key in vals}
        result = super().write(vals) if vals else True
        if person:
            self.check_access("write")
            self.partner_id.sudo().write(person)
        return result

    # work-off obligation --------------------------------------------------------

    def action_obligation_start(self):
        self._check_transition(from_states=("open",), group=CAREER_GROUP)
        for graduate in self:
            if not graduate.obligation_required:
                raise UserError(
                    self.env._("%(name)s owes no work-off.", name=graduate.display_name)
                )
            if not (graduate.obligation_employer_id and graduate.obligation_start):
                raise UserError(
                    self.env._(
                        "Set the employer and the start of the work-off of %(name)s first.",
                        name=graduate.display_name,
                    )
                )
        self._workflow_write({"obligation_state": "working"})

    def action_obligation_fulfil(self):
        self._check_transition(from_states=("working",), group=CAREER_GROUP)
        self._workflow_write({"obligation_state": "fulfilled"})
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_obligation_breach(self):
        self._check_transition(from_states=("open", "working"), group=CAREER_GROUP)
        self._workflow_write({"obligation_state": "breached"})

    def action_obligation_reopen(self):
        self._check_transition(
            from_states=("fulfilled", "breached"), group="quality_university.group_quality_manager"
        )
        self._workflow_write({"obligation_state": "open"})

    def _schedule_obligation_risk(self):
        """An activity for the career centre on every graduate whose work-off is at risk."""
        at_risk = self.filtered(
            lambda g: (
                g.obligation_required
                and g.obligation_state in ("open", "working")
                and g.latest_status_id.obligation_risk
            )
        )
        if not at_risk:
            return
        existing = (
            self.env["mail.activity"]
            .sudo()
            ._read_group(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", at_risk.ids),
                    ("activity_type_id", "=", self.env.ref("mail.mail_activity_data_todo").id),
                ],
                ["res_id"],
            )
        )
        done = {res_id for (res_id,) in existing}
        for graduate in at_risk.filtered(lambda g: g.id not in done):
            user = graduate.company_id.quality_career_user_id or self.env.user
            graduate.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Work-off obligation at risk"),
                note=self.env._(
                    "%(name)s owes a work-off and is now: %(status)s.",
                    name=graduate.name,
                    status=graduate.latest_status_id.name,
                ),
                user_id=user.id,
            )

    # demo --------------------------------------------------------------------

    @api.model
    def _demo_create_cohorts(self):
        """Two graduation years of the demo university, in one batch per model."""
        ref = self.env.ref
        programmes = [
            (ref(f"quality_university.programme_{key}"), profile) for key, profile in DEMO_PROFILES
        ]
        statuses = {
            code: ref(f"quality_university.employment_status_{code}")
            for code in {code for _key, profile in DEMO_PROFILES for code in profile}
        }
        checkpoints = [
            ref("quality_university.employment_checkpoint_graduation"),
            ref("quality_university.employment_checkpoint_6_months"),
            ref("quality_university.employment_checkpoint_12_months"),
        ]
        employers = [ref(f"quality_university.employer_{key}") for key in DEMO_EMPLOYERS]
        reasons = [
            ref("quality_university.employment_reason_no_vacancy"),
            ref("quality_university.employment_reason_experience"),
            ref("quality_university.employment_reason_youth_programme"),
            ref("quality_university.employment_reason_salary"),
        ]
        people, graduates = [], []
        for year, shift in ((2025, 0), (2026, 1)):
            for p_index, (programme, profile) in enumerate(programmes):
                for index in range(len(profile)):
                    number = p_index * 7 + index + shift * 3
                    female = (number + shift) % 2 == 0
                    surname = DEMO_SURNAMES[number % len(DEMO_SURNAMES)] + ("а" if female else "")
                    first = (DEMO_FEMALE if female else DEMO_MALE)[number % 6]
                    code = f"{year}{p_index + 1:02d}{index + 1:02d}"
                    people.append(
                        {
                            "name": f"{surname} {first}",
                            "email": f"graduate.{code}@students.wkitu.example",
                            "lang": "ru_RU" if number % 4 == 3 else "kk_KZ",
                        }
                    )
                    graduates.append(
                        {
                            "student_code": code,
                            "iin": f"{year - 2022:02d}{index % 12 + 1:02d}15"
                            f"{3 + number % 2}{p_index:02d}{number:03d}",
                            "programme_id": programme.id,
                            "graduation_year": year,
                            "graduation_date": f"{year}-06-25",
                            "study_form": "part_time" if index == 5 else "full_time",
                            "funding": ("grant", "paid", "target")[index % 3]
                            if p_index in (1, 2)
                            else ("grant", "paid")[index % 2],
                            "consent": index != 4,
                        }
                    )
        partners = self.env["res.partner"].create(people)
        records = self.create(
            [
                dict(vals, partner_id=partner.id)
                for vals, partner in zip(graduates, partners, strict=True)
            ]
        )
        outcomes = []
        for graduate in records:
            p_index = int(graduate.student_code[4:6]) - 1
            index = int(graduate.student_code[6:8]) - 1
            profile = DEMO_PROFILES[p_index][1]
            shift = graduate.graduation_year - 2025
            final = profile[(index + shift) % len(profile)]
            if final == "no_information":
                continue
            taken = checkpoints if shift == 0 else checkpoints[:2]
            for c_index, checkpoint in enumerate(taken):
                status = final
                if c_index == 0 and final in ("employed_other", "self_employed", "seeking"):
                    status = "seeking"
                values = {
                    "graduate_id": graduate.id,
                    "checkpoint_id": checkpoint.id,
                    "status_id": statuses.get(status, statuses["seeking"]).id,
                    "source": ("employer", "survey", "pension")[index % 3] if c_index else "survey",
                }
                if statuses[final].employed and status == final:
                    employer = employers[(p_index + index) % len(employers)]
                    values.update(
                        employer_id=employer.id,
                        position=DEMO_POSITIONS[p_index],
                        sector="private" if p_index in (0, 1, 5) else "public",
                        region="Батыс Қазақстан облысы",
                        work_time="part" if index == 3 else "full",
                        date_start=f"{graduate.graduation_year}-{8 + index % 3:02d}-01",
                        salary_band=("150_250", "250_400", "below_150", "above_400")[
                            (p_index + index) % 4
                        ],
                    )
                if status in ("seeking", "not_seeking"):
                    values["reason_id"] = reasons[(p_index + index) % len(reasons)].id
                outcomes.append(values)
        self.env["quality.graduate.employment"].create(outcomes)
        # target-contract graduates under their contracts; the 2025 grant holders
        # employed in their specialty work off their grant
        contracts = {
            (2025, "oil_gas"): ref("quality_university.target_contract_oil_2025"),
            (2026, "pedagogy"): ref("quality_university.target_contract_school_2026"),
        }
        for (year, key), contract in contracts.items():
            records.filtered(
                lambda g, year=year, key=key: (
                    g.graduation_year == year
                    and g.funding == "target"
                    and g.programme_id == ref(f"quality_university.programme_{key}")
                )
            ).target_contract_id = contract
        working = records.filtered(
            lambda g: (
                g.graduation_year == 2025
                and g.obligation_required
                and g.latest_status_id.in_specialty
            )
        )
        for graduate in working:
            graduate.write(
                {
                    "obligation_employer_id": graduate.latest_employment_id.employer_id.id,
                    "obligation_start": graduate.latest_employment_id.date_start,
                }
            )
        working._workflow_write({"obligation_state": "working"})
        return records


DEMO_PROFILES = [
    (
        "is",
        [
            "employed_specialty",
            "employed_specialty",
            "employed_other",
            "self_employed",
            "further_study",
            "seeking",
        ],
    ),
    (
        "oil_gas",
        [
            "employed_specialty",
            "employed_specialty",
            "employed_specialty",
            "employed_other",
            "military",
            "no_information",
        ],
    ),
    (
        "pedagogy",
        [
            "employed_specialty",
            "employed_specialty",
            "employed_specialty",
            "further_study",
            "parental_leave",
            "seeking",
        ],
    ),
    (
        "sport",
        [
            "employed_specialty",
            "employed_other",
            "military",
            "volunteer",
            "employed_specialty",
            "not_seeking",
        ],
    ),
    (
        "kazakh",
        [
            "employed_specialty",
            "employed_specialty",
            "employed_other",
            "further_study",
            "seeking",
            "no_information",
        ],
    ),
    (
        "economics",
        [
            "employed_other",
            "employed_specialty",
            "self_employed",
            "seeking",
            "further_study",
            "employed_other",
        ],
    ),
    (
        "law",
        [
            "employed_specialty",
            "employed_other",
            "seeking",
            "seeking",
            "military",
            "no_information",
        ],
    ),
    (
        "history",
        [
            "employed_specialty",
            "employed_other",
            "further_study",
            "parental_leave",
            "seeking",
            "not_seeking",
        ],
    ),
]
DEMO_EMPLOYERS = ["oil", "school", "court", "bank", "akimat", "it"]
DEMO_POSITIONS = [
    "Бағдарламашы",
    "Технолог-инженер",
    "Педагог-психолог",
    "Дене шынықтыру мұғалімі",
    "Қазақ тілі мұғалімі",
    "Экономист",
    "Заңгер",
    "Тарих мұғалімі",
]
DEMO_SURNAMES = [
    "Абенов",
    "Жұмабаев",
    "Сейітов",
    "Қасымов",
    "Нұрланов",
    "Төлегенов",
    "Оспанов",
    "Ермеков",
    "Бекқалиев",
    "Мұхамедиев",
    "Сәрсенов",
    "Ғабдуллин",
    "Исатаев",
]
DEMO_MALE = ["Ерлан", "Дәурен", "Асқар", "Нұрсұлтан", "Бауыржан", "Ержан"]
DEMO_FEMALE = ["Айгерім", "Дана", "Мөлдір", "Гүлназ", "Әсел", "Жанар"]
