import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("quality_management_review_prepare_tour", {
    url: "/odoo/action-quality_university.quality_management_review_action",
    steps: () => [
        {
            content: "Open the review of 2026/2027",
            trigger: '.o_data_row td[name="year"]:contains("2026/2027")',
            run: "click",
        },
        {
            content: "The inputs are collected live",
            trigger: '.o_field_widget[name="inputs_html"] .o_quality_review_inputs h4',
        },
        {
            content: "Hand the prepared review to the rector",
            trigger: 'button[name="action_prepare"]',
            run: "click",
        },
        {
            content: "The review is prepared",
            trigger: '.o_statusbar_status .o_arrow_button_current[data-value="prepared"]',
        },
    ],
});

registry.category("web_tour.tours").add("quality_management_review_hold_tour", {
    url: "/odoo/action-quality_university.quality_management_review_action",
    steps: () => [
        {
            content: "Open the prepared review of 2026/2027",
            trigger: '.o_data_row td[name="year"]:contains("2026/2027")',
            run: "click",
        },
        {
            content: "Hold the review",
            trigger: 'button[name="action_hold"]',
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The review is held",
            trigger: '.o_statusbar_status .o_arrow_button_current[data-value="held"]',
        },
    ],
});
