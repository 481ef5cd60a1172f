"""Write employment_sample.xlsx: the state pension-contribution export layout
for the graduates of graduates_sample.csv (text cells, so IINs keep their zeros)."""

import ast
from pathlib import Path

import xlsxwriter

WIZARD = Path(__file__).resolve().parent.parent / (
    "quality_university/wizard/quality_employment_import.py"
)


def wizard_columns(name):
    """A column list as the import wizard declares it, read from its source (no Odoo)."""
    for node in ast.parse(WIZARD.read_text()).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == name:
            return ast.literal_eval(node.value)
    raise LookupError(f"{name} is not in {WIZARD}")


HEADER = wizard_columns("EMPLOYMENT_COLUMNS")
ROWS = [
    [
        "040312450101",
        "Сапарова Інкәр Ерланқызы",
        "180340002345",
        "«Орал Софт» ЖШС",
        "Орал",
        "Бағдарламашы",
        "2026-09-01",
        "28000",
        "6",
        "employed_specialty",
    ],
    [
        "040519350102",
        "Құдайбергенов Әлихан Маратұлы",
        "961140003456",
        "«Жайық Банк» АҚ Орал филиалы",
        "Орал",
        "Операционист",
        "2026-10-01",
        "21000",
        "6",
        "employed_other",
    ],
    ["031125450103", "Темірова Аружан Асқарқызы", "", "", "", "", "", "", "6", "seeking"],
    [
        "040101350104",
        "Жақсыбеков Нұрбол Серікұлы",
        "010240009012",
        "Батыс Қазақстан облыстық сотының кеңсесі",
        "Батыс Қазақстан облысы",
        "Судья көмекшісі",
        "2026-08-15",
        "19500",
        "6",
        "employed_specialty",
    ],
    ["040707450105", "Мұратова Томирис Бекболатқызы", "", "", "", "", "", "", "6", "further_study"],
]


def main():
    path = Path(__file__).resolve().parent / "employment_sample.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("employment")
    for row_index, row in enumerate([HEADER, *ROWS]):
        for col, value in enumerate(row):
            sheet.write_string(row_index, col, value)
    workbook.close()


if __name__ == "__main__":
    main()
