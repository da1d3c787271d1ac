# Writes a survey workbook with openpyxl (write-only mode, as large exports are written):
# usage: python3 xlsx-fixture.py OUT.xlsx ROWS [OUT.csv]  (the CSV holds the same rows)
# Columns: respnr, gemeente, leeftijd, weegfactor, then the 6-item scale's items by 11-item number
# (lone3, lone4, lone7, lone8, lone9, lone10) as RIVM codes (1 = ja, 2 = min of meer, 3 = nee),
# with an empty cell now and then. A second sheet "Codes" holds the coding.
import csv
import random
import sys

from openpyxl import Workbook

out, rows = sys.argv[1], int(sys.argv[2])
random.seed(20261127)
book = Workbook(write_only=True)
sheet = book.create_sheet("Data")
header = ["respnr", "gemeente", "leeftijd", "weegfactor", "lone3", "lone4", "lone7", "lone8", "lone9", "lone10"]
sheet.append(header)
table = open(sys.argv[3], "w", newline="", encoding="utf-8") if len(sys.argv) > 3 else None
writer = csv.writer(table, lineterminator="\n") if table else None
if writer:
    writer.writerow(header)
places = ["Utrecht", "Zwolle", "Den Bosch", "Groningen", "Maastricht"]
for number in range(1, rows + 1):
    answers = [random.choice([1, 2, 3]) if random.random() > 0.02 else None for _ in range(6)]
    row = [number, random.choice(places), random.randint(18, 95), round(random.uniform(0.3, 2.5), 3), *answers]
    sheet.append(row)
    if writer:
        writer.writerow(["" if value is None else value for value in row])
codes = book.create_sheet("Codes")
codes.append(["code", "label"])
for code, label in [(1, "ja"), (2, "min of meer"), (3, "nee")]:
    codes.append([code, label])
book.save(out)
if table:
    table.close()
