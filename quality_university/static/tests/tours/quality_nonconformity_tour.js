import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("quality_nonconformity_report_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Quality app",
            trigger: '.o_app[data-menu-xmlid="quality_university.quality_menu_root"]',
            run: "click",
        },
        {
            content: "Open the Improvement menu",
            trigger:
                '.dropdown-toggle[data-menu-xmlid="quality_university.quality_menu_improvement"]',
            run: "click",
        },
        {
            content: "Report a nonconformity",
            trigger:
                '.dropdown-item[data-menu-xmlid="quality_university.quality_nonconformity_report_menu"]',
            run: "click",
        },
        {
            content: "Choose the unit",
            trigger: '.o_field_widget[name="department_id"] input',
            run: "edit Tour Faculty",
        },
        {
            trigger: '.o-autocomplete--dropdown-menu .dropdown-item:contains("Tour Faculty")',
            run: "click",
        },
        {
            content: "Describe the problem",
            trigger: '.o_field_widget[name="description"] textarea',
            run: "edit The lecture hall projector has been broken for a month",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The nonconformity got its code",
            trigger: '.o_form_saved .o_field_widget[name="name"]:contains("NC/")',
        },
    ],
});

registry.category("web_tour.tours").add("quality_nonconformity_action_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Quality app",
            trigger: '.o_app[data-menu-xmlid="quality_university.quality_menu_root"]',
            run: "click",
        },
        {
            content: "Open the Improvement menu",
            trigger:
                '.dropdown-toggle[data-menu-xmlid="quality_university.quality_menu_improvement"]',
            run: "click",
        },
        {
            content: "Open the nonconformities",
            trigger:
                '.dropdown-item[data-menu-xmlid="quality_university.quality_nonconformity_menu"]',
            run: "click",
        },
        {
            content: "Open the projector nonconformity",
            trigger: '.o_data_row td[name="department_id"]:contains("Tour Faculty")',
            run: "click",
        },
        {
            content: "Go to the actions",
            trigger: '.o_notebook .nav-link[name="actions"]',
            run: "click",
        },
        {
            content: "Add an action",
            trigger: '.o_field_widget[name="action_ids"] .o_field_x2many_list_row_add a',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="action_ids"] .o_data_row [name="name"] input',
            run: "edit Replace the projector",
        },
        {
            trigger: '.o_field_widget[name="action_ids"] .o_data_row [name="responsible_id"] input',
            run: "edit Tour Officer",
        },
        {
            trigger: '.o-autocomplete--dropdown-menu .dropdown-item:contains("Tour Officer")',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="action_ids"] .o_data_row [name="date_deadline"] input',
            run: "edit 12/31/2030",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The action is planned",
            trigger: '.o_form_saved .o_field_widget[name="action_ids"] .o_data_row:contains("Replace the projector")',
        },
    ],
});
