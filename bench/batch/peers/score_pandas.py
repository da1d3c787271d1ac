"""6-item De Jong Gierveld scores with pandas and NumPy, vectorised: the benchmark's pandas peer.

Usage: python3 score_pandas.py INPUT.csv OUTPUT.csv
Coding: 1 = no, 2 = more or less, 3 = yes (MANUAL); blanks and negative codes are missing.
"""
import sys

import numpy as np
import pandas as pd

source, target = sys.argv[1], sys.argv[2]
data = pd.read_csv(source)
codes = data[["lone3", "lone9", "lone10", "lone4", "lone7", "lone8"]].to_numpy()
answered = (codes >= 1) & (codes <= 3)
emotional = np.isin(codes[:, :3], (2, 3)).sum(axis=1)
social = np.isin(codes[:, 3:], (1, 2)).sum(axis=1)
missing = 6 - answered.sum(axis=1)
scored = missing <= 1
total = emotional + social
category = np.select([total <= 1, total <= 4], [0, 1], 2)
labels = np.array(["not lonely", "moderately lonely", "severely lonely"], dtype=object)
data["total"] = pd.Series(total).where(scored).astype("Int64")
data["emotional"] = pd.Series(emotional).where(answered[:, :3].all(axis=1)).astype("Int64")
data["social"] = pd.Series(social).where(answered[:, 3:].all(axis=1)).astype("Int64")
data["category"] = pd.Series(category).where(scored).astype("Int64")
data["category_label"] = pd.Series(labels[category]).where(scored)
data["missing_items"] = missing
data["reason"] = pd.Series(missing).astype(str).add(" of 6 items missing; the total allows 1").where(~scored)
data.to_csv(target, index=False)
