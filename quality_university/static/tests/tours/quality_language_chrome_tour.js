/**
 * The nine main screens of the Quality app and the chrome around them (control
 * panel, filter menu, pivot measures, chatter, activity dialog), opened as a
 * user of any language. Every screen's visible words are collected; the last
 * step fails, for a Kazakh user, when an English word remains in the chrome,
 * and, for a Russian user, when Odoo's own Russian terms are not those shown.
 * Data (field values, list cells, messages) is left out: the chrome is checked.
 */
import { registry } from "@web/core/registry";
import { user } from "@web/core/user";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// what a field, cell or message shows is data, not the screen's chrome
const DATA = [
    ".o_data_cell",
    ".o_field_widget:not(.o_field_x2many):not(.o_field_statusbar)",
    ".o_kanban_record .o_field_widget",
    ".o_breadcrumb .active",
    ".o_last_breadcrumb_item",
    ".o-mail-Message-body",
    ".o-mail-Message-author",
    ".o-mail-Followers-dropdown .o-mail-Follower",
    ".o_user_menu .oe_topbar_name",
    ".o_avatar",
].join(",");
// codes and names that are data wherever they appear
// (the brand "Odoo.com" included)
const DATA_WORDS = new Set([
    "ISO",
    "ESG",
    "NC",
    "CAPA",
    "PDF",
    "XLSX",
    "Odoo",
    "com",
    "OdooBot",
    "YourCompany",
    // the name of Discuss's default channel
    "general",
]);
// keys of the keyboard keep their names in every language
const KEYS = new Set(["CTRL", "Ctrl", "Enter", "Esc", "Escape", "Shift", "Alt", "Tab"]);
// Odoo's own Russian terms for the chrome the tour opens (Odoo's ru.po)
const ODOO_RUSSIAN = [
    "Фильтры",
    "Группировать по",
    "Избранное",
    "Измерения",
    "Отправить сообщение",
    "Внутренняя заметка",
];

function chromeTexts() {
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const el = node.parentElement;
        if (
            !el ||
            !node.textContent.trim() ||
            el.closest("script, style, noscript, template, .o_notification_manager") ||
            el.closest(DATA) ||
            !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })
        ) {
            continue;
        }
        texts.push(node.textContent);
    }
    for (const el of document.querySelectorAll("input[placeholder], textarea[placeholder]")) {
        if (el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) {
            texts.push(el.getAttribute("placeholder"));
        }
    }
    return texts;
}

function collect(screen) {
    const state = (window.__quChrome = window.__quChrome || { english: {}, text: [], samples: {} });
    const texts = chromeTexts();
    state.text.push(...texts);
    const words = new Set();
    for (const text of texts) {
        for (const word of text.match(/[A-Za-z]{2,}/g) || []) {
            if (!DATA_WORDS.has(word) && !KEYS.has(word)) {
                words.add(word);
                state.samples[word] = state.samples[word] || text.trim().slice(0, 80);
            }
        }
    }
    if (words.size) {
        state.english[screen] = [...words].sort();
    }
}

function check(content, trigger, screen) {
    return {
        content,
        trigger,
        run() {
            collect(screen);
        },
    };
}

function openMenu(parent, menu) {
    return [
        {
            content: `Open the menu ${parent}`,
            trigger: `.o_menu_sections .dropdown-toggle[data-menu-xmlid="quality_university.${parent}"]`,
            run: "click",
        },
        {
            content: `Open ${menu}`,
            trigger: `.dropdown-item[data-menu-xmlid="quality_university.${menu}"]`,
            run: "click",
        },
    ];
}

function closeModal() {
    return {
        content: "Close the dialog",
        trigger: ".modal .modal-header .btn-close",
        run: "click",
    };
}

registry.category("web_tour.tours").add("quality_language_chrome_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        check("The apps", '.o_app[data-menu-xmlid="quality_university.quality_menu_root"]', "home"),
        {
            content: "Open the Quality app",
            trigger: '.o_app[data-menu-xmlid="quality_university.quality_menu_root"]',
            run: "click",
        },
        // 1. process register and its filter menu
        ...openMenu("quality_menu_system", "quality_process_menu"),
        check("The process register", ".o_list_view .o_data_row", "process register"),
        {
            content: "Open the filter menu",
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        check("The filter menu", ".o_search_bar_menu .o_filter_menu", "filter menu"),
        {
            content: "Close the filter menu",
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        // the units (Odoo's departments) and a unit's form
        ...openMenu("quality_menu_system", "hr_department_quality_menu"),
        {
            content: "Open a group of units",
            trigger: ".o_list_view .o_group_header",
            run: "click",
        },
        check("The units", ".o_list_view .o_data_row", "units"),
        {
            content: "Open a unit",
            trigger: ".o_list_view .o_data_row .o_data_cell",
            run: "click",
        },
        check("The unit form", ".o_form_view .o-mail-Chatter-topbar", "unit form"),
        // 2-3. documents: list and form, chatter, a message, the activity dialog
        ...openMenu("quality_menu_documents", "quality_document_menu"),
        check("The document list", ".o_list_view .o_data_row", "document list"),
        {
            content: "Open a document",
            trigger: ".o_list_view .o_data_row .o_data_cell",
            run: "click",
        },
        check("The document form", ".o_form_view .o-mail-Chatter-topbar", "document form"),
        {
            content: "Write a message",
            trigger: ".o-mail-Chatter-sendMessage",
            run: "click",
        },
        {
            content: "Type the message",
            trigger: ".o-mail-Composer-input",
            run: "edit Құжатпен таныстым",
        },
        check("The composer", ".o-mail-Composer-send:enabled", "send message"),
        {
            content: "Send the message",
            trigger: ".o-mail-Composer-send:enabled",
            run: "click",
        },
        {
            content: "Point at the message",
            trigger: '.o-mail-Message:contains("Құжатпен таныстым")',
            run: "hover",
        },
        check(
            "The message and its actions",
            '.o-mail-Message:contains("Құжатпен таныстым") .o-mail-Message-actions',
            "chatter message"
        ),
        {
            content: "Log a note",
            trigger: ".o-mail-Chatter-logNote",
            run: "click",
        },
        check("The note composer", ".o-mail-Composer-input", "log note"),
        {
            content: "Schedule an activity",
            trigger: ".o-mail-Chatter-activity",
            run: "click",
        },
        check(
            "The activity dialog",
            '.modal .o_form_view .o_field_widget[name="activity_type_id"]',
            "activity dialog"
        ),
        closeModal(),
        // 4. "To Read"
        ...openMenu("quality_menu_documents", "quality_document_to_read_menu"),
        check("To Read", ".o_list_view, .o_view_nocontent", "to read"),
        // 5-6. nonconformities: list and form
        ...openMenu("quality_menu_improvement", "quality_nonconformity_menu"),
        check("The nonconformity list", ".o_list_view .o_data_row", "nonconformity list"),
        {
            content: "Open a nonconformity",
            trigger: ".o_list_view .o_data_row .o_data_cell",
            run: "click",
        },
        check("The nonconformity form", ".o_form_view .o-mail-Chatter-topbar", "nonconformity form"),
        // 7. nonconformity analysis: pivot, its measures, graph
        ...openMenu("quality_menu_reporting", "quality_nonconformity_dashboard_menu"),
        check("The analysis pivot", ".o_pivot_view .o_pivot table", "nonconformity pivot"),
        {
            content: "Open the measures",
            trigger: ".o_pivot_buttons .btn-group:first-child .dropdown-toggle",
            run: "click",
        },
        check("The measures menu", ".o-dropdown--menu .o_menu_item", "pivot measures"),
        {
            content: "Close the measures",
            trigger: ".o_pivot_buttons .btn-group:first-child .dropdown-toggle",
            run: "click",
        },
        {
            content: "Switch to the graph",
            trigger: ".o_switch_view.o_graph",
            run: "click",
        },
        check("The analysis graph", ".o_graph_view .o_graph_canvas_container canvas", "nonconformity graph"),
        // 8. audit form
        ...openMenu("quality_menu_audits", "quality_audit_menu"),
        {
            content: "Open an audit",
            trigger: ".o_list_view .o_data_row .o_data_cell",
            run: "click",
        },
        check("The audit form", ".o_form_view .o-mail-Chatter-topbar", "audit form"),
        // 9. actions (CAPA), then the user menu over them
        ...openMenu("quality_menu_improvement", "quality_action_menu"),
        check("The actions", ".o_list_view .o_data_row", "actions"),
        {
            content: "Open the user menu",
            trigger: ".o_user_menu button",
            run: "click",
        },
        check("The user menu", ".o-dropdown--menu .dropdown-item", "user menu"),
        {
            content: "Close the user menu",
            trigger: ".o_user_menu button",
            run: "click",
        },
        {
            content: "The chrome speaks the user's language",
            trigger: ".o_list_view",
            run() {
                const state = window.__quChrome;
                const lang = user.context.lang || "";
                if (lang.startsWith("kk")) {
                    const screens = Object.keys(state.english);
                    const words = new Set(screens.flatMap((s) => state.english[s]));
                    console.log(
                        `QU_CHROME_ENGLISH ${words.size} ${JSON.stringify(state.english)} ` +
                            JSON.stringify(state.samples)
                    );
                    if (words.size) {
                        throw new Error(
                            `${words.size} English words in the Kazakh chrome: ` +
                                JSON.stringify(state.english)
                        );
                    }
                } else if (lang.startsWith("ru")) {
                    const text = state.text.join("\n");
                    const missing = ODOO_RUSSIAN.filter((term) => !text.includes(term));
                    if (missing.length) {
                        throw new Error(`Odoo's Russian terms not shown: ${missing.join(", ")}`);
                    }
                }
            },
        },
    ],
});
