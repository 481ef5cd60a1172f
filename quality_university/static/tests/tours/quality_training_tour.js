import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("quality_training_compliance_tour", {
    url: "/odoo/action-quality_university.hr_resume_line_training_action",
    steps: () => [
        {
            content: "Record a new training",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the employee",
            trigger: '.o_field_widget[name="employee_id"] input',
            run: "edit Tour Lecturer",
        },
        {
            trigger: '.o-autocomplete--dropdown-menu .dropdown-item:contains("Tour Lecturer")',
            run: "click",
        },
        {
            content: "Before the training the employee misses a requirement",
            trigger:
                '.o_field_widget[name="quality_compliance_state"] .text-bg-danger',
        },
        {
            content: "Choose the training",
            trigger: '.o_field_widget[name="quality_course_id"] input',
            run: "edit Tour QMS course",
        },
        {
            trigger: '.o-autocomplete--dropdown-menu .dropdown-item:contains("Tour QMS course")',
            run: "click",
        },
        {
            content: "Name it as on the certificate",
            trigger: '.o_field_widget[name="name"] input',
            run: "edit Tour QMS course certificate",
        },
        {
            content: "Hours",
            trigger: '.o_field_widget[name="quality_hours"] input',
            run: "edit 36",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The employee's compliance turned green",
            trigger:
                '.o_form_saved .o_field_widget[name="quality_compliance_state"] .text-bg-success',
        },
    ],
});
