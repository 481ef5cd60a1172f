from odoo import api, models
from odoo.tools.translate import TranslationImporter

from . import i18n_extra


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    @api.model
    def _load_module_terms(self, modules, langs, overwrite=False, imported_module=False):
        """Load this addon's terms of other modules (``i18n_extra/<module>.<lang>.po``)
        with Odoo's importer, for the modules loaded now, or all of them when this
        addon's own terms are loaded (install, update, language activation)."""
        res = super()._load_module_terms(
            modules, langs, overwrite=overwrite, imported_module=imported_module
        )
        targets = i18n_extra.translated_modules()
        if "quality_university" not in modules:
            targets = [module for module in targets if module in modules]
        # Odoo's importer refuses languages that are not active (yet)
        for lang in filter(self.env["res.lang"]._lang_get, langs):
            files = [
                (module, path) for module in targets for path in i18n_extra.term_files(module, lang)
            ]
            if not files:
                continue
            # where Odoo ships the language, only its missing terms are added
            for own in (True, False):
                importer = TranslationImporter(self.env.cr, verbose=False)
                loaded = False
                for module, path in files:
                    if (not i18n_extra.odoo_ships(module, lang)) == own:
                        importer.load_file(path, lang)
                        loaded = True
                if loaded:
                    importer.save(overwrite=overwrite and own)
        return res
