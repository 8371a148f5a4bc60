"""Export records: JSON Lines for batches, flat tables (CSV, Parquet) for analysis."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path


def write(lines: Iterable[str], out: Path) -> None:
    lines = list(lines)
    suffix = out.suffix.lower()
    if suffix in (".csv", ".parquet"):
        frame = to_frame(json.loads(line) for line in lines)
        frame.to_csv(out, index=False) if suffix == ".csv" else frame.to_parquet(out, index=False)
        return
    with out.open("w", encoding="utf-8") as f:
        for line in lines:
            f.write(line + "\n")


def flatten(record: dict) -> dict:
    """One row per document: scalar fields, lists joined with ``; ``, counts of tasks and citations."""
    def get(*keys):
        value = record
        for k in keys:
            value = (value or {}).get(k) if isinstance(value, dict) else None
        return value

    return {
        "path": get("source", "path"),
        "error": get("error", "code"),
        "doc_type": get("doc_type", "name"),
        "number": get("number", "raw"),
        "issuer": get("issuer", "name"),
        "issuer_inferred": get("issuer", "inferred"),
        "place": record.get("place"),
        "issue_date": get("issue_date", "value"),
        "subject": record.get("subject"),
        "signer": get("signature", "signer"),
        "position": get("signature", "position"),
        "recipients": "; ".join(r["name"] for r in record.get("recipients") or []),
        "n_tasks": len(record.get("tasks") or []),
        "n_citations": len(record.get("citations") or []),
        "deadlines": "; ".join(d["value"] for d in record.get("deadlines") or []),
        "urgency": record.get("urgency"),
        "warnings": "; ".join(w["code"] for w in record.get("warnings") or []),
    }


def to_frame(records: Iterable[dict]):
    import pandas as pd

    return pd.DataFrame([flatten(r) for r in records])


def tasks_frame(records: Iterable[dict]):
    """One row per task, for trackers: document, task id, lead, cooperating, deadline."""
    import pandas as pd

    rows = []
    for r in records:
        for t in r.get("tasks") or []:
            rows.append({
                "path": (r.get("source") or {}).get("path"),
                "number": (r.get("number") or {}).get("raw"),
                "task": t["id"], "text": t["text"],
                "lead": "; ".join(t.get("lead") or []),
                "cooperating": "; ".join(t.get("cooperating") or []),
                "deadline": (t.get("deadline") or {}).get("value"),
            })
    return pd.DataFrame(rows)
