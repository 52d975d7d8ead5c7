"""Fixtures shared by the report tests."""
import numpy as np
import pandas as pd
import pytest


@pytest.fixture
def stances():
    rng = np.random.default_rng(0)
    rows = []
    plan = {("Ada Vale", "NATO"): 5, ("Ada Vale", "Russia"): 3, ("Bo Krell", "NATO"): 2,
            ("Bo Krell", "Ukraine"): 4, ("Cy Marsh", "Russia"): 1}
    for (speaker, target), n in plan.items():
        for i in range(n):
            score = float(np.clip(rng.normal(0.3 if target != "Russia" else -0.4, 0.3), -1, 1))
            label = "favor" if score > 0.2 else "against" if score < -0.2 else "neutral"
            rows.append(dict(doc_id=f"d{i}", statement_id=f"d{i}:{speaker[:2]}{target}",
                             speaker=speaker, target=target, target_mention=target,
                             score=score, label=label,
                             sentiment=float(np.clip(rng.normal(0, 0.5), -1, 1)),
                             method="lexicon", evidence="", date=f"2024-01-{i * 7 + 1:02d}",
                             source="Gazette"))
    return pd.DataFrame(rows)
