import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("quality_process_register_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Quality app",
            trigger: '.o_app[data-menu-xmlid="quality_university.quality_menu_root"]',
            run: "click",
        },
        {
            content: "Open the System menu",
            trigger: '.dropdown-toggle[data-menu-xmlid="quality_university.quality_menu_system"]',
            run: "click",
        },
        {
            content: "Open the process register",
            trigger: '.dropdown-item[data-menu-xmlid="quality_university.quality_process_menu"]',
            run: "click",
        },
        {
            content: "Open graduate employment",
            trigger: '.o_data_row td[name="code"]:contains("7.5.3")',
            run: "click",
        },
        {
            content: "Its goal and activity table are shown",
            trigger: '.o_form_view .o_field_widget[name="goal"]:not(:empty)',
        },
        {
            trigger: '.o_form_view .o_field_widget[name="activity_line_ids"] .o_data_row',
        },
        {
            content: "Process data are one tab away",
            trigger: '.o_notebook .nav-link[name="process_data"]',
            run: "click",
        },
        {
            trigger: '.o_form_view .o_field_widget[name="inputs"]',
        },
    ],
});
