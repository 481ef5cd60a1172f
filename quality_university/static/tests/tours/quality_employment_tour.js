import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("quality_employment_analysis_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Quality app",
            trigger: '.o_app[data-menu-xmlid="quality_university.quality_menu_root"]',
            run: "click",
        },
        {
            content: "Open the Employment menu",
            trigger:
                '.dropdown-toggle[data-menu-xmlid="quality_university.quality_menu_employment"]',
            run: "click",
        },
        {
            content: "Open the employment analysis",
            trigger:
                '.dropdown-item[data-menu-xmlid="quality_university.quality_employment_report_menu"]',
            run: "click",
        },
        {
            content: "Programmes are the rows",
            trigger: '.o_pivot tbody th:contains("6B06101")',
        },
        {
            content: "Drill into the Information Systems programme",
            trigger: '.o_pivot tbody tr:has(th:contains("6B06101")) td.o_pivot_cell_value',
            run: "click",
        },
        {
            content: "Its rows by graduation year and checkpoint",
            trigger: '.o_list_view .o_data_row td:contains("6B06101")',
        },
        {
            content: "No other programme in the drill-down",
            trigger: '.o_list_view:not(:has(.o_data_row td:contains("6B07201")))',
        },
    ],
});
