{
    "name": "University Quality Management System: Stakeholder Surveys",
    "summary": "Stakeholder satisfaction surveys (students, staff, graduates, employers) "
    "on Odoo's survey app",
    "version": "18.0.1.0.0",
    "category": "Quality",
    "author": "Quality University Team",
    "maintainers": ["quality-university"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["quality_university", "survey"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/quality_university_survey_groups.xml",
        "security/ir.model.access.csv",
        "security/quality_survey_security.xml",
        "views/survey_survey_views.xml",
        "data/quality_survey_category_data.xml",
        "data/survey_template_data.xml",
        "views/quality_survey_campaign_views.xml",
        "views/quality_survey_result_views.xml",
        "views/quality_survey_category_views.xml",
        "report/quality_survey_reports.xml",
        "report/quality_survey_templates.xml",
    ],
    "demo": [
        "demo/survey_survey_demo.xml",
        "demo/quality_survey_campaign_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "quality_university_survey/static/tests/tours/*.js",
        ],
    },
}
