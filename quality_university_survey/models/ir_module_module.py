from odoo import models
from odoo.tools.translate import TranslationImporter

from . import i18n_extra


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(self, modules, langs, overwrite=False, imported_module=False):
        """Load ``i18n_extra/<module>.<lang>.po`` of this addon (survey's respondent
        pages in Kazakh) with Odoo's importer when survey's or this addon's terms load."""
        res = super()._load_module_terms(
            modules, langs, overwrite=overwrite, imported_module=imported_module
        )
        targets = i18n_extra.translated_modules()
        if i18n_extra.ADDON not in modules:
            targets = [module for module in targets if module in modules]
        installed = set(
            self.sudo()
            .search([("name", "in", targets), ("state", "=", "installed")])
            .mapped("name")
        ) | (set(modules) & set(targets))
        for lang in langs:
            for own in (True, False):
                importer = TranslationImporter(self.env.cr, verbose=False)
                loaded = False
                for module in targets:
                    if module not in installed or (not i18n_extra.odoo_ships(module, lang)) != own:
                        continue
                    for path in i18n_extra.term_files(module, lang):
                        importer.load_file(path, lang)
                        loaded = True
                if loaded:
                    importer.save(overwrite=overwrite and own)
        return res
