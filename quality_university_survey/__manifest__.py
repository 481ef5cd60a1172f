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
    "data": [
        "security/quality_university_survey_groups.xml",
        "views/survey_survey_views.xml",
    ],
    "demo": [
        "demo/survey_survey_demo.xml",
    ],
}
