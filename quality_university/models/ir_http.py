from odoo import api, models

from . import i18n_extra


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @api.model
    def get_translations_for_webclient(self, modules, lang):
        """Serve this addon's code terms (``i18n_extra/<module>.<lang>.po``) for the
        modules Odoo has no translation of them for; Odoo's own terms are kept."""
        translations, lang_params = super().get_translations_for_webclient(modules, lang)
        lang = lang or self.env.context.get("lang")
        if not lang or lang == "en_US":
            return translations, lang_params
        # the web client merges every module's terms: never shadow any of Odoo's
        shipped = {
            message["id"]
            for module_terms in translations.values()
            for message in module_terms.get("messages", ())
        }
        for module in list(translations):
            extra = i18n_extra.web_terms(module, lang)
            added = [
                {"id": src, "string": value} for src, value in extra.items() if src not in shipped
            ]
            if added:
                shipped.update(message["id"] for message in added)
                translations[module] = {
                    **translations[module],
                    "messages": (*translations[module].get("messages", ()), *added),
                }
        return translations, lang_params
