"""6-item De Jong Gierveld scores with pandas, vectorised: the benchmark's pandas peer.

Usage: python3 score_pandas.py INPUT.csv OUTPUT.csv
Coding: 1 = no, 2 = more or less, 3 = yes (MANUAL); blanks and negative codes are missing.
"""
import sys

import pandas as pd

source, target = sys.argv[1], sys.argv[2]
data = pd.read_csv(source)
emotional_items = ["lone3", "lone9", "lone10"]
social_items = ["lone4", "lone7", "lone8"]
answered = data[emotional_items + social_items].isin([1, 2, 3])
emotional_points = data[emotional_items].isin([2, 3]).sum(axis=1)
social_points = data[social_items].isin([1, 2]).sum(axis=1)
missing = (~answered).sum(axis=1)
total = (emotional_points + social_points).where(missing <= 1)
data["total"] = total.astype("Int64")
data["emotional"] = emotional_points.where(answered[emotional_items].all(axis=1)).astype("Int64")
data["social"] = social_points.where(answered[social_items].all(axis=1)).astype("Int64")
category = pd.cut(total, bins=[-1, 1, 4, 6], labels=[0, 1, 2])
data["category"] = category.astype("Int64")
data["category_label"] = category.map({0: "not lonely", 1: "moderately lonely", 2: "severely lonely"}).astype(object)
data["missing_items"] = missing
data["reason"] = missing.map(lambda count: f"{count} of 6 items missing; the total allows 1").where(missing > 1)
data.to_csv(target, index=False)
