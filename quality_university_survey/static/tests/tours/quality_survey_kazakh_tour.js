/** @odoo-module **/

import { registry } from "@web/core/registry";

// A student whose language is Kazakh answers the student survey on Odoo's survey page.
const QUESTIONS = [
    "Оқытушылар пәнді түсінікті түсіндіреді.",
    "Пәндерім бойынша бағалау әділ әрі ашық.",
    "Кітапхана мен электрондық оқу ресурстары қажеттіліктерімді қанағаттандырады.",
    "Аудиториялар мен зертханалар жақсы жабдықталған.",
    "Деканат пен қолдау қызметтері қажет кезде көмектеседі.",
];

function answerSteps() {
    const steps = [];
    QUESTIONS.forEach((title, index) => {
        const last = index === QUESTIONS.length - 1;
        steps.push(
            {
                content: `Question ${index + 1} in Kazakh`,
                trigger: `.js_question-wrapper:contains("${title}")`,
            },
            {
                content: "The progress reads in Kazakh",
                trigger: `.o_survey_progress_wrapper:contains("жауап берілді")`,
            },
            {
                content: "The scale labels read in Kazakh",
                trigger: `.js_question-wrapper:contains("${title}") :contains("Толық келісемін")`,
            },
            {
                content: "Answer 1 (strongly disagree)",
                trigger: `.js_question-wrapper:contains("${title}") label[for$="_1"]`,
                run: "click",
            },
            last
                ? {
                      content: "Submit, in Kazakh",
                      trigger: 'button[value="finish"]:not(.disabled):contains("Жіберу")',
                      run: "click",
                  }
                : {
                      content: "Next (Continue), in Kazakh",
                      trigger: 'button[value="next"]:not(.disabled):contains("Жалғастыру")',
                      run: "click",
                  }
        );
    });
    return steps;
}

registry.category("web_tour.tours").add("quality_survey_kazakh_student", {
    steps: () => [
        {
            content: "The survey's title in Kazakh",
            trigger: 'h1:contains("Білім алушылардың оқыту сапасына қанағаттанушылығы")',
        },
        {
            content: "Start, in Kazakh",
            trigger: 'button.btn:not(.disabled):contains("Сауалнаманы бастау")',
            run: "click",
        },
        ...answerSteps(),
        {
            content: "Thank-you page in Kazakh",
            trigger: 'h1:contains("Рақмет!")',
        },
    ],
});
