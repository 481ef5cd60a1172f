import io

import openpyxl

from odoo.addons.quality_university.tests.common import activate_kazakh_and_russian
from odoo.tests import HttpCase, tagged

from .common import SurveyCampaignCommon


@tagged("post_install", "-at_install")
class TestSurveyReports(SurveyCampaignCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign.with_user(cls.manager).action_start()
        cls.done = cls._answer(cls.campaign)
        cls.campaign.with_user(cls.manager).action_close()
        cls.campaign.with_user(cls.manager).action_analyse()
        cls.manager.password = "qus_campaign_manager"
        cls.head_a.password = "qus_head_a"
        cls.identities = [
            text
            for partner in cls.campaign.partner_ids
            for text in (partner.name, partner.email, "Secretname")
        ]

    def _sheet(self, url, login):
        self.authenticate(login, login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, response.text[:300])
        workbook = openpyxl.load_workbook(io.BytesIO(response.content))
        return [list(row) for row in workbook.active.iter_rows(values_only=True)]

    def test_indices_xlsx_hides_small_groups(self):
        rows = self._sheet(
            f"/quality_university_survey/campaign/{self.campaign.id}/indices.xlsx",
            "qus_campaign_manager",
        )
        body = rows[1:]
        self.assertEqual(len(body), 12)  # 3 units × 4 questions
        for row in body:
            if row[3] == self.units["c"].name:
                self.assertEqual(row[6], "too few responses")
            else:
                self.assertIsInstance(row[6], int | float)
        # a head downloads only his unit's indices
        rows = self._sheet(
            f"/quality_university_survey/campaign/{self.campaign.id}/indices.xlsx", "qus_head_a"
        )
        self.assertEqual({row[3] for row in rows[1:]}, {self.units["a"].name})

    def test_answers_xlsx_is_anonymised(self):
        rows = self._sheet(
            f"/quality_university_survey/campaign/{self.campaign.id}/answers.xlsx",
            "qus_campaign_manager",
        )
        self.assertEqual(len(rows) - 1, 4 * 14)  # 14 respondents × 4 scale answers
        text = " ".join(str(cell) for row in rows for cell in row if cell is not None)
        for identity in self.identities:
            self.assertNotIn(identity, text)
        # units below the minimum group size are not named next to the answers
        self.assertNotIn(self.units["c"].name, text)
        self.assertEqual({row[0] for row in rows[1:]}, set(range(1, 15)))

    def test_answers_xlsx_is_refused_to_heads_and_bad_input(self):
        self.authenticate("qus_head_a", "qus_head_a")
        url = f"/quality_university_survey/campaign/{self.campaign.id}/answers.xlsx"
        self.assertEqual(self.url_open(url).status_code, 403)
        self.authenticate("qus_campaign_manager", "qus_campaign_manager")
        self.assertEqual(
            self.url_open("/quality_university_survey/campaign/abc/answers.xlsx").status_code, 400
        )
        self.assertEqual(
            self.url_open("/quality_university_survey/campaign/999999/indices.xlsx").status_code,
            404,
        )

    def test_council_summary_in_the_readers_language_without_identities(self):
        report = self.env.ref("quality_university_survey.quality_survey_campaign_summary_report")
        html, __ = report.with_user(self.manager)._render_qweb_html(
            report.report_name, self.campaign.ids
        )
        html = html.decode()
        self.assertIn("too few responses", html)
        self.assertIn("Learning resources", html)
        self.assertIn(self.campaign.action_ids.name, html)
        for identity in self.identities:
            self.assertNotIn(identity, html)
        activate_kazakh_and_russian(self.env, ["quality_university_survey"])
        self.manager.lang = "kk_KZ"
        html, __ = (
            report.with_user(self.manager)
            .with_context(lang="kk_KZ")
            ._render_qweb_html(report.report_name, self.campaign.ids)
        )
        self.assertIn("Оқу ресурстары", html.decode())
        self.assertIn("жауап саны тым аз", html.decode())

    def test_council_summary_renders_a_pdf(self):
        report = self.env.ref("quality_university_survey.quality_survey_campaign_summary_report")
        pdf, kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, self.campaign.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
