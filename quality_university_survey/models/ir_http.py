from odoo import api, models

from . import i18n_extra


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @api.model
    def get_translations_for_webclient(self, modules, lang):
        """Add this addon's JavaScript terms of survey (``i18n_extra``) where Odoo
        ships none; Odoo's own terms are never shadowed."""
        translations, lang_params = super().get_translations_for_webclient(modules, lang)
        lang = lang or self.env.context.get("lang")
        if not lang or lang == "en_US":
            return translations, lang_params
        shipped = {
            message["id"]
            for module_terms in translations.values()
            for message in module_terms.get("messages", ())
        }
        for module in i18n_extra.translated_modules():
            if module not in translations:
                continue
            added = [
                {"id": src, "string": value}
                for src, value in i18n_extra.web_terms(module, lang).items()
                if src not in shipped
            ]
            if added:
                shipped.update(message["id"] for message in added)
                translations[module] = {
                    **translations[module],
                    "messages": (*translations[module].get("messages", ()), *added),
                }
        return translations, lang_params
