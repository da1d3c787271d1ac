# Writes the .xlsx test files with openpyxl (a different writer than the reader under test) and a
# JSON description of what each holds: usage: python3 make-workbooks.py DIRECTORY
import datetime
import json
import os
import random
import sys
import zipfile

from openpyxl import Workbook

directory = sys.argv[1]
answers = ["ja", "min of meer", "nee"]
random.seed(7)


def survey_rows(count, coded):
    rows = []
    for number in range(1, count + 1):
        items = []
        for _ in range(6):
            roll = random.random()
            if roll < 0.08:
                items.append(None)  # an empty cell: openpyxl writes no <c> for it
            elif coded:
                items.append(random.choice([1, 2, 3]))
            else:
                items.append(random.choice(answers))
        weight = round(random.uniform(0.2, 3.0), 3)
        remark = random.choice([None, "geen", "Café & <zo>", "één, twee; \"drie\""])
        rows.append([number, random.choice(["Utrecht", "Zwolle", "'s-Hertogenbosch"]), random.randint(18, 95), weight, *items, remark])
    return rows


header = ["respnr", "gemeente", "leeftijd (jaren)", "weegfactor", "vraag3", "vraag4", "vraag7", "vraag8", "vraag9", "vraag10", "opmerking"]
description = {}

# Normal mode: strings go to the shared string table.
for name, write_only in [("enquete-shared.xlsx", False), ("enquete-inline.xlsx", True)]:
    book = Workbook(write_only=write_only)
    if not write_only:
        book.remove(book.active)
    text_rows = survey_rows(200, coded=False)
    coded_rows = survey_rows(150, coded=True)
    sheet = book.create_sheet("Antwoorden")
    sheet.append(header)
    for row in text_rows:
        sheet.append(row)
    codes = book.create_sheet("Codes RIVM")
    codes.append(header)
    for row in coded_rows:
        codes.append(row)
    book.save(os.path.join(directory, name))
    description[name] = {"header": header, "sheets": {"Antwoorden": text_rows, "Codes RIVM": coded_rows}}

# Cell types: booleans, a date (stored as a serial number), a float, text that looks like a number.
book = Workbook()
sheet = book.active
sheet.title = "Typen"
sheet.append(["id", "waar", "datum", "getal", "tekst"])
sheet.append([1, True, datetime.datetime(2024, 3, 1), 1.625, "007"])
sheet.append([2, False, None, -3, "tekst met\nregeleinde"])
# A sparse row far to the right, beyond the header: kept under its column letter.
sheet["A4"] = 3
sheet["H4"] = "buiten de kop"
book.save(os.path.join(directory, "types.xlsx"))

# A sheet without a header: numbers in its first row.
book = Workbook()
sheet = book.active
sheet.title = "Data"
for row in survey_rows(5, coded=True):
    sheet.append(row[4:10])
book.save(os.path.join(directory, "no-header.xlsx"))

# An empty first sheet, and a header naming a column twice.
book = Workbook()
book.active.title = "Leeg"
twice = book.create_sheet("Dubbel")
twice.append(["vraag3", "vraag4", "vraag3"])
twice.append(["ja", "nee", "ja"])
book.save(os.path.join(directory, "empty-and-duplicate.xlsx"))

# Handcrafted parts (zipfile, not openpyxl): what other writers emit.
content_types = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"""
root_rels = """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
workbook = """<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Blad &amp; co" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>"""
workbook_rels = """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>"""
shared = """<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>vraag3</t></si><si><r><t>vraag</t></r><r><t>4</t></r></si><si><t>ja</t><rPh><t>JA</t></rPh></si><si><t xml:space="preserve">min of meer</t></si><si><t>regel_x000D_einde &amp; &#233;&#xE9;n</t></si></sst>"""
sheet = """<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>opmerking</x:t></x:is></x:c></x:row>
<!-- a comment between rows -->
<x:row r="2"><x:c r="A2" t="s"><x:v>2</x:v></x:c><x:c r="B2" t="s"><x:v>3</x:v></x:c><x:c r="C2" t="s"><x:v>4</x:v></x:c></x:row>
<x:row r="3"><x:c r="B3" t="str"><x:f>A1</x:f><x:v><![CDATA[nee]]></x:v></x:c><x:c r="C3" t="e"><x:v>#N/A</x:v></x:c></x:row>
<x:row r="5"><x:c r="A5" t="s"><x:v>99</x:v></x:c><x:c r="B5" t="inlineStr"><x:is><x:t>ja</x:t></x:is></x:c></x:row>
<x:row r="6"><x:c r="A6" t="inlineStr"><x:is><x:t>ja</x:t></x:is></x:c><x:c r="A6" t="inlineStr"><x:is><x:t>nee</x:t></x:is></x:c></x:row>
<x:row r="7"><x:c r="XFE7"><x:v>1</x:v></x:c><x:c r="B7" t="inlineStr"><x:is><x:t>nee</x:t></x:is></x:c></x:row>
<x:row r="8"><x:c t="inlineStr"><x:is><x:t>nee</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>ja</x:t></x:is></x:c></x:row>
</x:sheetData></x:worksheet>"""


def write_handmade(name, workbook, shared, sheet):
    with zipfile.ZipFile(os.path.join(directory, name), "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", root_rels)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        archive.writestr("xl/sharedStrings.xml", shared)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)


write_handmade("handmade.xlsx", workbook, shared, sheet)

# Six item columns, rows with unreadable cells between readable ones.
items = ["vraag3", "vraag4", "vraag7", "vraag8", "vraag9", "vraag10"]
letters = "ABCDEF"


def cells(row, values):
    return "".join(f'<c r="{letters[i]}{row}" t="inlineStr"><is><t>{v}</t></is></c>' for i, v in enumerate(values))


good = ["ja", "nee", "ja", "min of meer", "nee", "ja"]
bad_rows = "".join([
    f'<row r="1">{cells(1, items)}</row>',
    f'<row r="2">{cells(2, good)}</row>',
    '<row r="3"><c r="A3" t="s"><v>7</v></c>' + cells(3, good).split("</c>", 1)[1] + "</row>",
    f'<row r="4">{cells(4, good)}<c r="B4"><v>2</v></c></row>',
    f'<row r="5"><c r="XFE5"><v>1</v></c>{cells(5, good)}</row>',
    f'<row r="6">{cells(6, good)}</row>',
])
write_handmade(
    "bad-cells.xlsx",
    workbook.replace("Blad &amp; co", "Data"),
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
    f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{bad_rows}</sheetData></worksheet>',
)

# The same workbook with its parts stored, not deflated: damage then lands in the XML itself.
with zipfile.ZipFile(os.path.join(directory, "enquete-shared.xlsx")) as source, zipfile.ZipFile(os.path.join(directory, "enquete-stored.xlsx"), "w", zipfile.ZIP_STORED) as stored:
    for info in source.infolist():
        stored.writestr(info.filename, source.read(info.filename))

with open(os.path.join(directory, "description.json"), "w", encoding="utf-8") as out:
    json.dump(description, out, ensure_ascii=False)
