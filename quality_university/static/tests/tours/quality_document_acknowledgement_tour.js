import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("quality_document_acknowledgement_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Quality app",
            trigger: '.o_app[data-menu-xmlid="quality_university.quality_menu_root"]',
            run: "click",
        },
        {
            content: "Open the Documents menu",
            trigger: '.dropdown-toggle[data-menu-xmlid="quality_university.quality_menu_documents"]',
            run: "click",
        },
        {
            content: "Open my To Read list",
            trigger: '.dropdown-item[data-menu-xmlid="quality_university.quality_document_to_read_menu"]',
            run: "click",
        },
        {
            content: "The new procedure waits to be read",
            trigger: '.o_data_row:contains("Tour procedure") button[name="action_acknowledge"]',
            run: "click",
        },
        {
            content: "Once acknowledged it leaves the list",
            trigger: '.o_list_view:not(:has(.o_data_row:contains("Tour procedure")))',
        },
    ],
});
