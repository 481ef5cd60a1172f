"""Kazakh (and any other missing language) for Odoo modules that ship none.

Odoo 18 has no Kazakh for ``web``, ``mail``, ``hr``...; this addon carries the
terms its users meet around its own screens as one PO file per translated
module: ``quality_university/i18n_extra/<module>.<lang>.po`` (``<lang>`` is
``kk`` or ``kk_KZ``, looked up like Odoo's own ``i18n/<lang>.po``).

* Model terms (menus, field labels, selections, views of that module) are
  loaded into the database with Odoo's ``TranslationImporter`` whenever Odoo
  loads the terms of that module or of this addon (install, update, language
  activation); references such as ``#: model:ir.ui.view,arch_db:mail.xyz``
  resolve to the other module's records.
* Code terms (``#. odoo-javascript``) are added to what
  ``ir.http.get_translations_for_webclient`` serves for that module.

Odoo's own translations always win: a term Odoo ships for a language is
never replaced, only the missing ones are added.
"""

import os

from odoo.tools.misc import ReadonlyDict
from odoo.tools.translate import (
    JAVASCRIPT_TRANSLATION_COMMENT,
    TranslationFileReader,
    get_po_paths,
)

EXTRA_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "i18n_extra")

# {(module, lang): {msgid: msgstr}} — the files never change while Odoo runs
_WEB_TERMS = {}


def lang_file_names(lang):
    """Base language first, then the regional one (it wins), as Odoo does."""
    return list(dict.fromkeys([lang.split("_", 1)[0], lang]))


def term_files(module, lang):
    """Paths of this addon's PO files for ``module`` in ``lang``."""
    paths = []
    for name in lang_file_names(lang):
        path = os.path.join(EXTRA_DIR, f"{module}.{name}.po")
        if os.path.isfile(path):
            paths.append(path)
    return paths


def translated_modules():
    """Names of the modules this addon carries terms for."""
    names = set()
    if os.path.isdir(EXTRA_DIR):
        for filename in os.listdir(EXTRA_DIR):
            if filename.endswith(".po") and filename.count(".") == 2:
                names.add(filename.split(".", 1)[0])
    return sorted(names)


def odoo_ships(module, lang):
    """Whether Odoo (the module itself) ships a PO file for ``lang``."""
    return any(True for _path in get_po_paths(module, lang))


def web_terms(module, lang):
    """{msgid: msgstr} of the web client's code terms of ``module`` in ``lang``."""
    key = (module, lang)
    if key not in _WEB_TERMS:
        terms = {}
        for path in term_files(module, lang):
            with open(path, "rb") as fileobj:
                for row in TranslationFileReader(fileobj, fileformat="po"):
                    if (
                        row.get("type") == "code"
                        and row.get("src")
                        and row.get("value")
                        and JAVASCRIPT_TRANSLATION_COMMENT in row["comments"]
                    ):
                        terms[row["src"]] = row["value"]
        _WEB_TERMS[key] = ReadonlyDict(terms)
    return _WEB_TERMS[key]
