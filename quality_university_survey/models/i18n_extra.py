"""Kazakh for the respondent's pages of Odoo's ``survey``, which Odoo 18 does not
translate.

The layout is the one ``quality_university`` uses for Odoo modules without Kazakh:
one PO file per translated module, ``<addon>/i18n_extra/<module>.<lang>.po``
(``<lang>`` is ``kk`` or ``kk_KZ``, looked up like Odoo's own ``i18n/<lang>.po``).
Here: ``quality_university_survey/i18n_extra/survey.kk.po``.

* Model terms (the QWeb templates of the survey page: start, next, submit,
  progress, thank-you) load into survey's ``ir.ui.view`` records with Odoo's
  ``TranslationImporter`` whenever Odoo loads this addon's or survey's terms
  (install, update, language activation).
* Code terms marked ``#. odoo-javascript`` are added to what
  ``ir.http.get_translations_for_webclient`` serves for ``survey``.

Odoo's own translations win: where Odoo ships the language, only missing terms
are added.
"""

import os

from odoo.tools.misc import ReadonlyDict
from odoo.tools.translate import (
    JAVASCRIPT_TRANSLATION_COMMENT,
    TranslationFileReader,
    get_po_paths,
)

ADDON = "quality_university_survey"
EXTRA_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "i18n_extra")

_WEB_TERMS = {}


def term_files(module, lang):
    """This addon's PO files for ``module`` in ``lang``: base language, then regional."""
    paths = []
    for name in dict.fromkeys([lang.split("_", 1)[0], lang]):
        path = os.path.join(EXTRA_DIR, f"{module}.{name}.po")
        if os.path.isfile(path):
            paths.append(path)
    return paths


def translated_modules():
    if not os.path.isdir(EXTRA_DIR):
        return []
    return sorted(
        {
            filename.split(".", 1)[0]
            for filename in os.listdir(EXTRA_DIR)
            if filename.endswith(".po") and filename.count(".") == 2
        }
    )


def odoo_ships(module, lang):
    return any(True for _path in get_po_paths(module, lang))


def web_terms(module, lang):
    """{msgid: msgstr} of the JavaScript terms of ``module`` in ``lang``."""
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
