"""Write employment_sample.xlsx: the state pension-contribution export layout
for the graduates of graduates_sample.csv (text cells, so IINs keep their zeros)."""

from pathlib import Path

import xlsxwriter

HEADER = [
    "IIN",
    "Full name",
    "Employer BIN",
    "Employer",
    "Region",
    "Position",
    "First contribution",
    "Monthly contribution (KZT)",
    "Checkpoint (months)",
    "Status code",
]
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
