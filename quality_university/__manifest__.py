{
    "name": "University Quality Management System",
    "summary": "ISO 9001 quality management for universities: process register, "
    "organisation, policy, documents, audits and CAPA",
    "version": "18.0.1.0.0",
    "category": "Quality",
    "author": "Quality University Team",
    "maintainers": ["quality-university"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": True,
    "depends": ["hr", "hr_skills", "mail"],
    "data": [
        "security/quality_university_groups.xml",
        "security/ir.model.access.csv",
        "security/quality_process_security.xml",
        "data/res_lang_data.xml",
        "data/hr_job_data.xml",
        "data/quality_process_data.xml",
        "views/quality_process_views.xml",
        "views/hr_department_views.xml",
        "views/res_config_settings_views.xml",
        "views/quality_menus.xml",
        "report/quality_process_reports.xml",
        "report/quality_process_templates.xml",
    ],
    "demo": [
        "demo/res_lang_demo.xml",
        "demo/hr_department_demo.xml",
        "demo/hr_employee_demo.xml",
        "demo/quality_process_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "quality_university/static/src/js/tours/*.js",
        ],
    },
}
