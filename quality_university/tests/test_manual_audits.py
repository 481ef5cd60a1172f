from datetime import date, timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import activate_kazakh_and_russian
from .common_audit import QualityAuditCommon

# 8.2.2: the criteria the manual audits against, exactly as seeded:
# (code, kind, en, ru, kk)
EXPECTED_CRITERIA = [
    ("ISO 9001:2008 4.1", "iso", "General requirements", "Общие требования", "Жалпы талаптар"),
    (
        "ISO 9001:2008 4.2",
        "iso",
        "Documentation requirements",
        "Требования к документации",
        "Құжаттамаға қойылатын талаптар",
    ),
    ("ISO 9001:2008 4.2.1", "iso", "General", "Общие положения", "Жалпы ережелер"),
    (
        "ISO 9001:2008 4.2.2",
        "iso",
        "Quality manual",
        "Руководство по качеству",
        "Сапа бойынша нұсқау",
    ),
    (
        "ISO 9001:2008 4.2.3",
        "iso",
        "Control of documents",
        "Управление документацией",
        "Құжаттарды басқару",
    ),
    (
        "ISO 9001:2008 4.2.4",
        "iso",
        "Control of records",
        "Управление записями",
        "Жазбаларды басқару",
    ),
    (
        "ISO 9001:2008 5.1",
        "iso",
        "Management commitment",
        "Обязательства руководства",
        "Басшылық міндеттемелері",
    ),
    (
        "ISO 9001:2008 5.2",
        "iso",
        "Customer focus",
        "Ориентация на потребителя",
        "Тұтынушыға бағытталу",
    ),
    (
        "ISO 9001:2008 5.3",
        "iso",
        "Quality policy",
        "Политика в области качества",
        "Сапа саласындағы саясат",
    ),
    ("ISO 9001:2008 5.4", "iso", "Planning", "Планирование", "Жоспарлау"),
    (
        "ISO 9001:2008 5.5",
        "iso",
        "Responsibility, authority and communication",
        "Ответственность, полномочия и обмен информацией",
        "Жауапкершілік, өкілеттік және ақпарат алмасу",
    ),
    (
        "ISO 9001:2008 5.6",
        "iso",
        "Management review",
        "Анализ со стороны руководства",
        "Басшылық тарапынан жасалған талдау",
    ),
    (
        "ISO 9001:2008 6.1",
        "iso",
        "Provision of resources",
        "Обеспечение ресурсами",
        "Қорлармен қамтамасыз ету",
    ),
    ("ISO 9001:2008 6.2", "iso", "Human resources", "Человеческие ресурсы", "Адами қорлар"),
    ("ISO 9001:2008 6.3", "iso", "Infrastructure", "Инфраструктура", "Инфрақұрылым"),
    ("ISO 9001:2008 6.4", "iso", "Work environment", "Производственная среда", "Өндірістік орта"),
    (
        "ISO 9001:2008 7.1",
        "iso",
        "Planning of product realization",
        "Планирование процессов жизненного цикла продукции",
        "Өнімнің өмірлік циклының үдерістерін жоспарлау",
    ),
    (
        "ISO 9001:2008 7.2",
        "iso",
        "Customer-related processes",
        "Процессы, связанные с потребителями",
        "Тұтынушымен байланысты үдерістер",
    ),
    (
        "ISO 9001:2008 7.3",
        "iso",
        "Design and development",
        "Проектирование и разработка",
        "Жобалау және әзірлеу",
    ),
    ("ISO 9001:2008 7.4", "iso", "Purchasing", "Закупки", "Сатып алу"),
    (
        "ISO 9001:2008 7.5",
        "iso",
        "Production and service provision",
        "Производство и обслуживание",
        "Өндіріс және қызмет көрсету",
    ),
    (
        "ISO 9001:2008 7.6",
        "iso",
        "Control of monitoring and measuring equipment",
        "Управление оборудованием для мониторинга и измерений",
        "Мониторинг және өлшеу құралдарын басқару",
    ),
    ("ISO 9001:2008 8.1", "iso", "General", "Общие положения", "Жалпы ережелер"),
    (
        "ISO 9001:2008 8.2",
        "iso",
        "Monitoring and measurement",
        "Мониторинг и измерение",
        "Мониторинг және өлшеу",
    ),
    (
        "ISO 9001:2008 8.3",
        "iso",
        "Control of nonconforming product",
        "Управление несоответствующей продукцией",
        "Сәйкес келмейтін өнімді басқару",
    ),
    ("ISO 9001:2008 8.4", "iso", "Analysis of data", "Анализ данных", "Деректер талдауы"),
    ("ISO 9001:2008 8.5", "iso", "Improvement", "Улучшение", "Жақсарту"),
    (
        "QM 4",
        "manual",
        "Quality management system of the university",
        "Система менеджмента качества университета",
        "БҚИТУ сапа менеджменті жүйесі",
    ),
    ("QM 4.1", "manual", "General provisions", "Общие положения", "Жалпы ережелер"),
    (
        "QM 4.2",
        "manual",
        "Documentation requirements",
        "Требования к документации",
        "Құжаттамаға қойылатын талаптар",
    ),
    ("QM 4.2.1", "manual", "General provisions", "Общие положения", "Жалпы ережелер"),
    ("QM 4.2.2", "manual", "Quality manual", "Руководство по качеству", "Сапа бойынша нұсқау"),
    ("QM 4.2.3", "manual", "Document control", "Управление документацией", "Құжаттарды басқару"),
    (
        "QM 4.2.4",
        "manual",
        "Records control (numbered after ISO 9001:2008; the manual's heading is lost)",
        "Управление записями (номер по ISO 9001:2008; заголовок в руководстве утрачен)",
        "Жазбаларды басқару (нөмірі ИСО 9001:2008 бойынша; нұсқаудағы тақырыбы жоқ)",
    ),
    (
        "QM 5",
        "manual",
        "Management responsibility",
        "Ответственность руководства",
        "Басшылық жауапкершілігі",
    ),
    (
        "QM 5.1",
        "manual",
        "Management commitment",
        "Обязательства руководства",
        "Басшылық міндеттемелері",
    ),
    (
        "QM 5.2",
        "manual",
        "Customer (stakeholder) focus",
        "Ориентация на потребителя",
        "Тұтынушыға бағытталу",
    ),
    (
        "QM 5.3",
        "manual",
        "Quality policy",
        "Политика в области качества",
        "Сапа саласындағы саясат",
    ),
    ("QM 5.4", "manual", "Planning", "Планирование", "Жоспарлау"),
    (
        "QM 5.5",
        "manual",
        "Responsibility, authority and communication",
        "Ответственность, полномочия и обмен информацией",
        "Жауапкершілік, өкілеттік және ақпарат алмасу",
    ),
    (
        "QM 5.5.1",
        "manual",
        "Responsibility and authority",
        "Ответственность и полномочия",
        "Жауапкершілік пен өкілеттік",
    ),
    (
        "QM 5.5.2",
        "manual",
        "Management representative",
        "Представитель руководства",
        "Басшылық өкілі",
    ),
    (
        "QM 5.5.3",
        "manual",
        "Internal communication",
        "Внутренний обмен информацией",
        "Ішкі ақпарат алмасу",
    ),
    (
        "QM 5.6",
        "manual",
        "Management review",
        "Анализ со стороны руководства",
        "Басшылық тарапынан жасалған талдау",
    ),
    ("QM 6", "manual", "Resource management", "Менеджмент ресурсов", "Қорлар менеджменті"),
    ("QM 6.1", "manual", "Personnel management", "Управление персоналом", "Қызметкерлерді басқару"),
    ("QM 6.2", "manual", "Infrastructure", "Инфраструктура", "Инфрақұрылым"),
    (
        "QM 7",
        "manual",
        "Product life-cycle processes",
        "Процессы жизненного цикла продукции",
        "Өнімнің өмірлік циклының үдерістері",
    ),
    (
        "QM 7.1",
        "manual",
        "Planning of product life-cycle processes",
        "Планирование процессов жизненного цикла продукции",
        "Өнімнің өмірлік циклының үдерістерін жоспарлау",
    ),
    (
        "QM 7.2",
        "manual",
        "Customer-related processes",
        "Процессы, связанные с потребителями",
        "Тұтынушымен байланысты үдерістер",
    ),
    (
        "QM 7.2.1",
        "manual",
        "Determination of requirements related to the educational service",
        "Определение требований, относящихся к образовательной услуге",
        "Білім беру қызметіне қатысты талаптарды анықтау",
    ),
    (
        "QM 7.2.2",
        "manual",
        "Customer communication",
        "Связь с потребителями",
        "Тұтынушымен байланыс",
    ),
    (
        "QM 7.3",
        "manual",
        "Design and development of educational services",
        "Проектирование и разработка образовательных услуг",
        "Білім беру қызметін жобалау және дайындау",
    ),
    (
        "QM 7.4",
        "manual",
        "Admission of applicants and enrolment of students",
        "Приём абитуриентов и формирование контингента",
        "Талапкерлерді қабылдау және білім алушыларды жинау",
    ),
    (
        "QM 7.5",
        "manual",
        "Provision of educational services",
        "Предоставление образовательных услуг",
        "Білім беру қызметтерін ұсыну",
    ),
    (
        "QM 7.5.1",
        "manual",
        "Implementation of educational programmes",
        "Реализация образовательных программ",
        "Білім беру бағдарламаларын жүзеге асыру",
    ),
    (
        "QM 7.5.2",
        "manual",
        "Upbringing and extracurricular work",
        "Воспитательная и внеучебная работа",
        "Тәрбие және оқудан тыс жұмыс",
    ),
    (
        "QM 7.5.3",
        "manual",
        "Graduate employment",
        "Трудоустройство выпускников",
        "Бітірушілерді жұмыспен қамту",
    ),
    (
        "QM 7.5.4",
        "manual",
        "Research and innovation",
        "Научная и инновационная деятельность",
        "Ғылыми және инновациялық қызмет",
    ),
    (
        "QM 7.5.5",
        "manual",
        "International activity",
        "Международная деятельность",
        "Халықаралық қызмет",
    ),
    (
        "QM 7.6",
        "manual",
        "Control of monitoring and measuring means",
        "Управление средствами мониторинга и измерений",
        "Мониторинг және өлшеулер құралдарын басқару",
    ),
    (
        "QM 8",
        "manual",
        "Measurement, analysis and improvement (chapter)",
        "Измерение, анализ и улучшение (раздел)",
        "Өлшеу, талдау және жақсарту (тарау)",
    ),
    ("QM 8.1", "manual", "General provisions", "Общие положения", "Жалпы ережелер"),
    (
        "QM 8.2",
        "manual",
        "Monitoring and measurement",
        "Мониторинг и измерение",
        "Мониторинг және өлшеу",
    ),
    (
        "QM 8.2.1",
        "manual",
        "Customer satisfaction",
        "Удовлетворённость потребителей",
        "Тұтынушылардың қанағаттанушылығы",
    ),
    ("QM 8.2.2", "manual", "Internal audit", "Внутренний аудит", "Ішкі аудит"),
    (
        "QM 8.2.3",
        "manual",
        "Monitoring and measurement of processes and product",
        "Мониторинг и измерение процессов и продукции",
        "Үдерістер мен өнімдер мониторингі және өлшеу",
    ),
    (
        "QM 8.3",
        "manual",
        "Control of nonconforming product",
        "Управление несоответствующей продукцией",
        "Сәйкес келмейтін өнімді басқару",
    ),
    ("QM 8.4", "manual", "Analysis of data", "Анализ данных", "Деректер талдауы"),
    ("QM 8.5", "manual", "Improvement", "Улучшение", "Жақсарту"),
    (
        "СЖҚ 04.ҚР 01",
        "procedure",
        "Documented procedure. Document control",
        "Документированная процедура. Управление документацией",
        "Құжатталған рет-жосық. Құжаттарды басқару",
    ),
    (
        "СЖҚ 04.ҚР 02",
        "procedure",
        "Documented procedure. Records control",
        "Документированная процедура. Управление записями",
        "Құжатталған рет-жосық. Жазбаларды басқару",
    ),
    (
        "СЖҚ 05.ҚР 01",
        "procedure",
        "Management review of the quality management system",
        "Анализ системы менеджмента качества со стороны руководства",
        "Басшылық тарапынан сапа менеджменті жүйесін талдау",
    ),
    (
        "СЖҚ 08.ҚР 01",
        "procedure",
        "Documented procedure. Internal audit",
        "Документированная процедура. Внутренний аудит",
        "Құжатталған рет-жосық. Ішкі аудит",
    ),
    (
        "СЖҚ 08.ҚР 02",
        "procedure",
        "Documented procedure. Control of nonconforming product",
        "Документированная процедура. Управление несоответствующей продукцией",
        "Құжатталған рет-жосық. Сәйкес келмейтін өнімді басқару",
    ),
    (
        "СЖҚ 08.ҚР 03",
        "procedure",
        "Documented procedure. Corrective actions",
        "Документированная процедура. Корректирующие действия",
        "Құжатталған рет-жосық. Түзету әрекеттері",
    ),
    (
        "СЖҚ 08.ҚР 04",
        "procedure",
        "Documented procedure. Preventive actions",
        "Документированная процедура. Предупреждающие действия",
        "Құжатталған рет-жосық. Ескерту әрекеттері",
    ),
    (
        "ESG 1.1",
        "esg",
        "Policy for quality assurance",
        "Политика в области обеспечения качества",
        "Сапаны қамтамасыз ету саясаты",
    ),
    (
        "ESG 1.2",
        "esg",
        "Design and approval of programmes",
        "Разработка и утверждение программ",
        "Бағдарламаларды әзірлеу және бекіту",
    ),
    (
        "ESG 1.3",
        "esg",
        "Student-centred learning, teaching and assessment",
        "Студентоцентрированное обучение, преподавание и оценка",
        "Студентке бағытталған оқыту, оқу және бағалау",
    ),
    (
        "ESG 1.4",
        "esg",
        "Student admission, progression, recognition and certification",
        "Приём студентов, их успеваемость, признание и сертификация",
        "Студенттерді қабылдау, олардың үлгерімі, тану және сертификаттау",
    ),
    ("ESG 1.5", "esg", "Teaching staff", "Преподавательский состав", "Оқытушылар құрамы"),
    (
        "ESG 1.6",
        "esg",
        "Learning resources and student support",
        "Учебные ресурсы и система поддержки студентов",
        "Оқу ресурстары және студенттерді қолдау жүйесі",
    ),
    ("ESG 1.7", "esg", "Information management", "Управление информацией", "Ақпаратты басқару"),
    (
        "ESG 1.8",
        "esg",
        "Public information",
        "Информирование общественности",
        "Жұртшылықты ақпараттандыру",
    ),
    (
        "ESG 1.9",
        "esg",
        "On-going monitoring and periodic review of programmes",
        "Постоянный мониторинг и периодический пересмотр программ",
        "Бағдарламаларды тұрақты мониторингтеу және мерзімді қайта қарау",
    ),
    (
        "ESG 1.10",
        "esg",
        "Cyclical external quality assurance",
        "Периодическое внешнее обеспечение качества",
        "Сапаны мерзімді сыртқы қамтамасыз ету",
    ),
]


@tagged("post_install", "-at_install")
class TestManualCriteria(QualityAuditCommon):
    def test_seeded_criteria_are_the_manuals(self):
        seeded = self.env["ir.model.data"].search(
            [("module", "=", "quality_university"), ("model", "=", "quality.audit.criterion")]
        )
        criteria = self.env["quality.audit.criterion"].browse(seeded.mapped("res_id")).sorted()
        self.assertEqual(
            [(c.code, c.kind, c.name) for c in criteria],
            [(code, kind, en) for code, kind, en, _ru, _kk in EXPECTED_CRITERIA],
        )
        iso = [code.split()[-1] for code, kind, *_names in EXPECTED_CRITERIA if kind == "iso"]
        self.assertEqual(iso[:6], ["4.1", "4.2", "4.2.1", "4.2.2", "4.2.3", "4.2.4"])
        self.assertEqual(iso[-5:], ["8.1", "8.2", "8.3", "8.4", "8.5"])
        esg = [code for code, kind, *_names in EXPECTED_CRITERIA if kind == "esg"]
        self.assertEqual(esg, [f"ESG 1.{i}" for i in range(1, 11)])
        self.assertEqual(
            self.env.ref("quality_university.criterion_manual_7_6").name,
            "Control of monitoring and measuring means",
        )

    def test_criteria_read_in_kazakh_and_russian(self):
        activate_kazakh_and_russian(self.env)
        seeded = self.env["ir.model.data"].search(
            [("module", "=", "quality_university"), ("model", "=", "quality.audit.criterion")]
        )
        criteria = self.env["quality.audit.criterion"].browse(seeded.mapped("res_id")).sorted()
        for lang, index in (("ru_RU", 3), ("kk_KZ", 4)):
            self.assertEqual(
                criteria.with_context(lang=lang).mapped("name"),
                [row[index] for row in EXPECTED_CRITERIA],
            )


@tagged("post_install", "-at_install")
class TestManualAudit(QualityAuditCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vicerector = new_test_user(
            cls.env,
            login="qu_vicerector",
            groups="base.group_user,quality_university.group_quality_top_management",
            name="Vice-rector",
        )
        cls.env.company.quality_rector_id = cls.employees["top"]
        cls.env.company.quality_representative_id = cls.employees["manager"]

    def _programme(self):
        return self.env["quality.audit.programme"].create(
            {
                "name": "Programme",
                "year": "2026/2027",
                "date_start": "2026-09-01",
                "date_end": "2027-06-30",
                "line_ids": [
                    Command.create(
                        {
                            "month": "11",
                            "department_id": self.faculty_ped.id,
                            "lead_auditor_id": self.employees["auditor"].id,
                        }
                    )
                ],
            }
        )

    def test_programme_approved_by_the_rector_or_delegate(self):
        programme = self._programme()
        with self.assertRaises(AccessError):
            programme.with_user(self.vicerector).action_approve()
        self.env.company.quality_programme_approver_id = self.vicerector
        programme.with_user(self.vicerector).action_approve()
        self.assertEqual(programme.approved_by_id, self.vicerector)
        second = self._programme()
        second.with_user(self.users["top"]).action_approve()
        self.assertEqual(second.state, "approved")

    def _audit_with_open_action(self):
        audit = self._create_audit(order_reference="№ 112-ө", order_date="2026-10-01")
        audit.with_user(self.users["auditor"]).action_start()
        audit.with_user(self.users["auditor"]).action_report()
        nc = self.env["quality.nonconformity"].create(
            {
                "audit_id": audit.id,
                "source": "internal_audit",
                "department_id": self.kafedra_ped.id,
                "process_id": self.process_ped.id,
                "description": "Tickets not reviewed",
            }
        )
        self.env["quality.action"].create(
            {
                "nonconformity_id": nc.id,
                "name": "Review the tickets",
                "responsible_id": self.users["officer"].id,
                "date_deadline": date.today() + timedelta(days=30),
            }
        )
        return audit

    def test_close_needs_follow_up_decision_and_reports_to_management(self):
        audit = self._audit_with_open_action()
        self.assertEqual(audit.unverified_action_count, 1)
        lead = self.users["auditor"]
        with self.assertRaisesRegex(UserError, "follow-up decision"):
            audit.with_user(lead).action_close()
        # the decision is the lead auditor's, with a text, and stamped by the transition
        with self.assertRaises(UserError):
            audit.with_user(lead).action_record_follow_up_decision()
        audit.with_user(lead).follow_up_decision = "Checked at the audit of next November."
        with self.assertRaises(AccessError):
            audit.with_user(self.users["manager"]).action_record_follow_up_decision()
        with self.assertRaises(UserError):
            audit.with_user(lead).write({"follow_up_decided_by_id": lead.id})
        audit.with_user(lead).action_record_follow_up_decision()
        self.assertEqual(audit.follow_up_decided_by_id, lead)
        self.assertEqual(audit.follow_up_decision_date, date.today())
        with self.assertRaises(UserError):
            audit.with_user(lead).follow_up_decision = "Changed afterwards"
        audit.with_user(lead).action_close()
        self.assertEqual(audit.state, "closed")
        # the rector and the MR receive the report
        message = audit.message_ids.filtered(lambda m: m.attachment_ids)[:1]
        self.assertTrue(message)
        self.assertEqual(
            message.partner_ids,
            self.users["top"].partner_id | self.users["manager"].partner_id,
        )
        self.assertTrue(message.attachment_ids.name.startswith("Audit report"))

    def test_audit_with_verified_actions_closes_without_decision(self):
        audit = self._audit_with_open_action()
        action = audit.nonconformity_ids.action_ids
        action.action_implemented()
        action.with_user(self.users["manager"]).action_verify()
        self.assertEqual(audit.unverified_action_count, 0)
        audit.with_user(self.users["auditor"]).action_close()
        self.assertEqual(audit.state, "closed")

    def test_order_must_precede_the_audit(self):
        with self.assertRaises(ValidationError):
            self._create_audit(order_date="2026-12-01", date_start="2026-11-01")


@tagged("post_install", "-at_install")
class TestManualNonconformity(QualityAuditCommon):
    def _nc(self, **values):
        vals = {
            "department_id": self.kafedra_ped.id,
            "process_id": self.process_ped.id,
            "description": "Grades of a group were entered twice",
        }
        vals.update(values)
        return self.env["quality.nonconformity"].create(vals)

    def test_decision_by_the_leader_or_delegate(self):
        self.process_ped.leader_id = self.employees["top"]
        delegate = self.users["manager"]
        nc = self._nc(decision="Correct the grade sheet", disposition="grade_correction")
        nc.action_analyse()
        for user in (self.users["officer"], delegate):
            with self.assertRaises(AccessError):
                nc.with_user(user).action_record_decision()
        self.process_ped.leader_delegate_id = delegate
        nc.with_user(delegate).action_record_decision()
        self.assertEqual(nc.decision_by_id, self.employees["manager"])
        with self.assertRaises(UserError):
            nc.write({"disposition": "concession"})
        with self.assertRaises(UserError):
            nc.write({"decision_by_id": self.employees["top"].id})

    def test_disposition_is_required_for_an_actual_nonconformity(self):
        nc = self._nc(decision="Re-teach")
        nc.action_analyse()
        with self.assertRaises(UserError):
            nc.action_record_decision()
        nc.disposition = "reteaching"
        nc.action_record_decision()
        self.assertTrue(nc.decision_date)

    def test_potential_nonconformity_leads_to_preventive_action(self):
        risk = self._nc(
            kind="potential",
            source="survey",
            description="Students' satisfaction with learning resources is falling",
        )
        risk.action_analyse()
        with self.assertRaises(UserError):
            risk.action_plan()  # its possible causes first
        risk.possible_causes = "Old textbooks; no e-library access from the dormitory"
        risk.action_plan()
        with self.assertRaises(ValidationError):
            self.env["quality.action"].create(
                {
                    "nonconformity_id": risk.id,
                    "action_type": "corrective",
                    "name": "Buy textbooks",
                    "responsible_id": self.users["officer"].id,
                    "date_deadline": date.today() + timedelta(days=60),
                }
            )
        action = self.env["quality.action"].create(
            {
                "nonconformity_id": risk.id,
                "action_type": "preventive",
                "name": "Open e-library access from the dormitory",
                "responsible_id": self.users["officer"].id,
                "date_deadline": date.today() + timedelta(days=60),
            }
        )
        risk.decision = "Plan the preventive action"
        risk.action_record_decision()  # no disposition: nothing nonconforming was delivered
        risk.action_start()
        self.assertEqual(risk.state, "in_progress")
        self.assertEqual(action.state, "in_progress")
        self.assertEqual(action.department_id, self.kafedra_ped)
