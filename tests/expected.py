"""The part of a record that sample ``NAME.expected.json`` files pin down, as one flat dict."""

from __future__ import annotations


def summary(record: dict) -> dict:
    def get(obj, *keys):
        for k in keys:
            obj = obj.get(k) if isinstance(obj, dict) else None
        return obj

    sig = record.get("signature") or {}
    return {
        "error": get(record, "error", "code"),
        "doc_type": get(record, "doc_type", "name"),
        "number": get(record, "number", "raw"),
        "number_parts": [get(record, "number", k)
                         for k in ("number", "symbol", "type_code", "issuer_code", "unit_code", "year")],
        "issuer": get(record, "issuer", "name"),
        "issuer_parent": get(record, "issuer", "parent"),
        "issuer_inferred": get(record, "issuer", "inferred"),
        "place": record.get("place"),
        "issue_date": [get(record, "issue_date", "value"), get(record, "issue_date", "precision")],
        "subject": record.get("subject"),
        "urgency": record.get("urgency"),
        "recipients": [r["name"] for r in record.get("recipients") or []],
        "tasks": [[t["id"], t["lead"], t["cooperating"], get(t, "deadline", "value")]
                  for t in record.get("tasks") or []],
        "deadlines": [[d["value"], d["precision"], d["recurrence"], d["task"]] for d in record.get("deadlines") or []],
        "citations": [[c["number"], c["relation"]] for c in record.get("citations") or []],
        "signature": [sig.get("authority"), sig.get("position"), sig.get("signer")],
        "distribution": [[d["name"], d["note"]] for d in record.get("distribution") or []],
        "archive": record.get("archive"),
        "stamps": [[s["number"], s["date"]] for s in record.get("stamps") or []],
        "warnings": sorted({w["code"] for w in record.get("warnings") or []}),
    }


def expected_of(path) -> tuple[dict, dict[str, str]]:
    """(expected values, known misses: key → why the tool gets it wrong) of sample ``path``."""
    import json

    expected = json.loads(path.with_name(path.name.rsplit(".", 1)[0] + ".expected.json").read_text(encoding="utf-8"))
    misses = expected.pop("known_misses", {})
    return expected, misses


def expected_values(path) -> dict:
    """The expected values of sample ``path`` that the tool gets right (known misses left out)."""
    expected, misses = expected_of(path)
    return {k: v for k, v in expected.items() if k not in misses}
