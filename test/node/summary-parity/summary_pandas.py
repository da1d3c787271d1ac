"""Grouped, weighted summary of a DJG survey computed independently with pandas, for the parity test.

Usage: summary_pandas.py INPUT.csv SCALE(djg6|djg11) OUTPUT.json

Input columns: region, age, weight, lone1..lone11 (MANUAL coding: 1 = no, 2 = more or less,
3 = yes; blank or negative = missing; any other code = invalid, which makes the row unscorable).
Rules (reference §3-§5): emotional items score 1 for "yes" and "more or less", social items for
"no" and "more or less"; djg6 total tolerates one missing item, djg11 none; subscales none.
"""
import json
import math
import re
import sys

import numpy as np
import pandas as pd

source, scale, target = sys.argv[1:4]
frame = pd.read_csv(source, dtype=str, keep_default_na=False)

EMOTIONAL = {2, 3, 5, 6, 9, 10}
ITEMS = [3, 4, 7, 8, 9, 10] if scale == 'djg6' else list(range(1, 12))
TOLERANCE = 1 if scale == 'djg6' else 0
BANDS = [(0, 1), (2, 4), (5, 6)] if scale == 'djg6' else [(0, 2), (3, 8), (9, 10), (11, 11)]
SUBSCALE_BANDS = [(0, 0), (1, 3)] if scale == 'djg6' else []
if scale == 'djg6':
    INDICATORS = [('lonely', 'total', 2, 6), ('severely_lonely', 'total', 5, 6), ('band_not_lonely', 'total', 0, 1),
                  ('band_moderately_lonely', 'total', 2, 4), ('band_severely_lonely', 'total', 5, 6)]
else:
    INDICATORS = [('lonely', 'total', 3, 11), ('severely_lonely', 'total', 9, 11), ('emotionally_lonely', 'emotional', 2, 6),
                  ('socially_lonely', 'social', 2, 5), ('band_not_lonely', 'total', 0, 2), ('band_moderately_lonely', 'total', 3, 8),
                  ('band_severely_lonely', 'total', 9, 10), ('band_very_severely_lonely', 'total', 11, 11)]
Z = 1.959963984540054


def code_of(text):
    text = text.strip()
    if text == '':
        return None
    value = int(text)
    if value < 0:
        return None
    return value


def absent(code):
    # map() turns None into NaN in a numeric column.
    return code is None or (isinstance(code, float) and math.isnan(code))


# Item state: 'miss', 'bad', or the code 1..3; points 0/1 or NaN.
codes = {}
points = {}
for number in ITEMS:
    column = frame[f'lone{number}'].map(code_of)
    codes[number] = column
    def point(code, number=number):
        if absent(code) or code not in (1, 2, 3):
            return np.nan
        return 1.0 if (code >= 2 if number in EMOTIONAL else code <= 2) else 0.0
    points[number] = column.map(point)
invalid_row = pd.Series(False, index=frame.index)
for number in ITEMS:
    invalid_row |= codes[number].map(lambda code: not absent(code) and code not in (1, 2, 3))


def score(numbers, tolerance):
    block = pd.DataFrame({number: points[number] for number in numbers})
    missing = block.isna().sum(axis=1)
    total = block.sum(axis=1, skipna=True)
    total[(missing > tolerance) | invalid_row] = np.nan
    return total


scores = {
    'total': score(ITEMS, TOLERANCE),
    'emotional': score([n for n in ITEMS if n in EMOTIONAL], 0),
    'social': score([n for n in ITEMS if n not in EMOTIONAL], 0),
}


def parse_weight(text):
    try:
        value = float(text.strip())
    except ValueError:
        return np.nan
    return value if math.isfinite(value) and value >= 0 else np.nan


weight = frame['weight'].map(parse_weight)
usable = weight.fillna(0)
usable[usable <= 0] = 0


def wilson(successes, n):
    if not n > 0:
        return None
    p = successes / n
    z2 = Z * Z
    denominator = 1 + z2 / n
    center = (p + z2 / (2 * n)) / denominator
    half = (Z / denominator) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return {'lower': max(0.0, center - half), 'upper': min(1.0, center + half)}


def prevalence(mask, score_name, rows):
    has = rows & scores[score_name].notna()
    n = int(has.sum())
    count = int((has & mask).sum())
    w = usable[has]
    wsum = float(w.sum())
    wsq = float((w * w).sum())
    effective = wsum * wsum / wsq if wsq > 0 else 0.0
    share = float(usable[has & mask].sum()) / wsum if wsum > 0 else None
    return {
        'count': count,
        'proportion': count / n if n > 0 else None,
        'interval': wilson(count, n),
        'weightedProportion': share,
        'weightedInterval': None if share is None else wilson(share * effective, effective),
    }


def statistics(score_name, rows):
    values = scores[score_name][rows].dropna()
    w = usable[values.index]
    n = len(values)
    return {
        'n': n,
        'mean': float(values.mean()) if n > 0 else None,
        'sd': float(values.std(ddof=1)) if n > 1 else None,
        'weightedMean': float((values * w).sum() / w.sum()) if w.sum() > 0 else None,
    }


def level_slot(code):
    # 1 = no (-1), 2 = more or less (0), 3 = yes (1); missing; invalid.
    if absent(code):
        return 'missing'
    if code not in (1, 2, 3):
        return 'invalid'
    return code - 2


def figures(rows):
    read = int(rows.sum())
    result = {
        'read': read,
        'scored': int((rows & scores['total'].notna()).sum()),
        'missing': {name: int((rows & scores[name].isna()).sum()) for name in scores},
        'categories': [prevalence(scores['total'].between(low, high), 'total', rows) for low, high in BANDS],
        'subscaleCategories': {name: [prevalence(scores[name].between(low, high), name, rows) for low, high in SUBSCALE_BANDS] for name in ('emotional', 'social')},
        'indicators': [dict(id=ident, n=int((rows & scores[name].notna()).sum()), **prevalence(scores[name].between(low, high), name, rows)) for ident, name, low, high in INDICATORS],
        'scores': {name: statistics(name, rows) for name in scores},
        'items': [],
        'weightSum': float(usable[rows & scores['total'].notna()].sum()),
    }
    total_weight = float(usable[rows].sum())
    for number in ITEMS:
        slots = codes[number][rows].map(level_slot)
        entry = {'answers': {}, 'weighted': {}}
        for slot in (1, 0, -1, 'missing', 'invalid'):
            mask = slots == slot
            entry['answers'][str(slot)] = int(mask.sum()) / read if read > 0 else None
            entry['weighted'][str(slot)] = float(usable[mask[mask].index].sum()) / total_weight if total_weight > 0 else None
        result['items'].append(entry)
    return result


def group_of_age(text):
    text = text.strip()
    if text == '':
        return ('missing', 'missing')
    if re.fullmatch(r'[-+]?\d+([.,]\d+)?', text):
        value = float(text.replace(',', '.'))
        for low, high, label in [(18, 24, '18-24'), (25, 49, '25-49'), (50, 64, '50-64'), (65, 74, '65-74'), (75, None, '75+')]:
            if value >= low and (high is None or value <= high):
                return ('band', label)
    return ('other', 'other')


everything = pd.Series(True, index=frame.index)
output = {'overall': figures(everything), 'groups': {}}
region = frame['region'].str.strip()
for value in sorted(set(region)):
    key = 'region=' + (value if value != '' else '(missing)')
    output['groups'][key] = figures(region == value)
ages = frame['age'].map(group_of_age)
for kind, label in sorted(set(ages)):
    output['groups']['age=' + (label if kind == 'band' else f'({label})')] = figures(ages.map(lambda group, wanted=(kind, label): group == wanted))
with open(target, 'w') as handle:
    json.dump(output, handle)
