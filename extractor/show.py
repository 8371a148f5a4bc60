"""See the extraction: a document's text with every extracted value highlighted where it was read.

``python -m extractor show FILE -o FILE.html`` writes one offline HTML page: the text in displaCy's
entity style (a colour per label, the label after the value; hover for the value as the record
holds it), tasks underlined with their id, and the record's JSON beside it. Values may nest (an
agency inside a citation): marks are nested, and one that crosses another is split in two.
"""

from __future__ import annotations

import argparse
import heapq
import html
import sys
from dataclasses import dataclass
from pathlib import Path

from .labels import LABELS, values
from .record import Error, Record

# one colour per label, from displaCy's palette where a spaCy label means the same kind of thing
COLORS = {
    "DOC_TYPE": "#ffeb80", "NUMBER": "#e4e7d2", "ISSUER": "#7aecec", "ISSUE_DATE": "#bfe1d9",
    "RECIPIENT": "#9cc9cc", "LEAD": "#feca74", "PARTNER": "#c887fb", "DEADLINE": "#ff9561",
    "CITATION": "#ff8197", "SIGNATURE": "#aa9cfc", "DISTRIBUTION": "#bfeeb7", "STAMP": "#f0d0ff",
}


@dataclass(frozen=True, order=True)
class _Mark:
    start: int
    end: int
    opening: str
    closing: str


def render(source: str | Path) -> str:
    """The HTML page of a document (a path, or the text itself)."""
    text, record = _read(source)
    name = Path(record.source.path).name if record.source.path else "text"
    return page(text, record, name)


def page(text: str, record: Record, title: str) -> str:
    """The page of ``record`` read from ``text`` (its decoded source: spans are offsets into it)."""
    from spacy.displacy.templates import TPL_ENT, TPL_ENTS

    entity = " ".join(TPL_ENT.split()).replace(
        '<mark class="entity"', '<mark class="entity" data-label="{label}" data-span="{span}" title="{value}"')
    opening, closing = entity.split("{text}")
    found = values(record, text)
    marks = [_Mark(v.start, v.end, opening.format(label=v.label, bg=COLORS[v.label], span=f"{v.start},{v.end}",
                                                  value=html.escape(v.value)),
                   closing.format(label=v.label, kb_link="")) for v in found]
    for task in record.tasks:
        if task.span and task.span[1] > task.span[0]:
            who = "; ".join(task.lead) or "no lead"
            tip = html.escape(f"task {task.id}: {who}" + (f" — by {task.deadline.value}" if task.deadline else ""))
            marks.append(_Mark(task.span[0], task.span[1],
                               f'<span class="task" data-task="{html.escape(task.id)}" title="{tip}">'
                               f'<sup class="task-id">{html.escape(task.id)}</sup>', "</span>"))
    body = TPL_ENTS.format(content=_nest(text, marks), dir="ltr")
    counts = {label: sum(v.label == label for v in found) for label in LABELS}
    legend = "".join(
        f'<span class="key" style="background:{COLORS[label]}" title="{html.escape(LABELS[label])}">'
        f"{label} <b>{n}</b></span>" for label, n in counts.items() if n)
    legend += f'<span class="key task-key">TASK <b>{sum(1 for t in record.tasks if t.span)}</b></span>'
    facts = _facts(record)
    data = html.escape(record.model_dump_json(indent=2))
    return _PAGE.format(title=html.escape(title), facts=facts, legend=legend, body=body, data=data)


def _read(source: str | Path) -> tuple[str, Record]:
    from . import read
    from .pipeline import extract_text

    try:
        loaded = read.load(source)
    except read.ReadError as e:
        return "", Record(source=e.source or read.Source(path=str(source)), error=Error(code=e.code, message=str(e)))
    return loaded.text, extract_text(loaded.text, loaded.source, loaded.warnings)


def _nest(text: str, marks: list[_Mark]) -> str:
    """``text`` escaped with ``marks`` around their spans, properly nested: a mark that starts inside
    another and ends after it is split at the other's end."""
    heap = sorted((m.start, -m.end, i, m) for i, m in enumerate(marks) if m.end > m.start)
    heapq.heapify(heap)
    counter = len(heap)
    out: list[str] = []
    stack: list[_Mark] = []
    pos = 0
    while heap or stack:
        next_start = heap[0][0] if heap else len(text) + 1
        if stack and stack[-1].end <= next_start:
            top = stack.pop()
            out.append(_escape(text[pos:top.end]))
            pos = top.end
            out.append(top.closing)
            continue
        _, _, _, mark = heapq.heappop(heap)
        out.append(_escape(text[pos:mark.start]))
        pos = mark.start
        if stack and mark.end > stack[-1].end:
            rest = _Mark(stack[-1].end, mark.end, mark.opening, mark.closing)
            heapq.heappush(heap, (rest.start, -rest.end, counter, rest))
            counter += 1
            mark = _Mark(mark.start, stack[-1].end, mark.opening, mark.closing)
        out.append(mark.opening)
        stack.append(mark)
    out.append(_escape(text[pos:]))
    return "".join(out)


def _escape(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _facts(record: Record) -> str:
    """One line of what the record says, so the page reads without scrolling to the JSON."""
    if record.error:
        return f'<p class="error">error: {html.escape(record.error.code)} — {html.escape(record.error.message)}</p>'
    parts = [
        record.doc_type.name if record.doc_type else None,
        f"số {record.number.raw}" if record.number else None,
        record.issuer.name if record.issuer else None,
        record.issue_date.value if record.issue_date else None,
        f"{len(record.tasks)} tasks, {len(record.citations)} citations, {len(record.deadlines)} deadlines",
    ]
    warnings = ", ".join(w.code for w in record.warnings)
    line = " · ".join(html.escape(p) for p in parts if p)
    return f"<p>{line}</p>" + (f'<p class="warn">warnings: {html.escape(warnings)}</p>' if warnings else "")


_PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{title} — extraction</title>
<style>
body {{ margin: 0; font-family: -apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif;
       color: #222; background: #fafafa; }}
header {{ padding: 1rem 2rem 0.5rem; background: #fff; border-bottom: 1px solid #ddd; }}
h1 {{ font-size: 1.3rem; margin: 0 0 0.3rem; }}
header p {{ margin: 0.2rem 0; }}
.warn {{ color: #8a5a00; }} .error {{ color: #b00020; }}
.legend {{ margin: 0.5rem 0; line-height: 2; }}
.key {{ padding: 0.15em 0.5em; margin-right: 0.4em; border-radius: 0.35em; font-size: 0.8em; }}
.task-key {{ border-bottom: 2px dotted #3366cc; }}
main {{ display: flex; gap: 1.5rem; padding: 1rem 2rem; align-items: flex-start; }}
.text {{ flex: 3; min-width: 0; background: #fff; padding: 1rem 1.5rem; border: 1px solid #ddd;
         border-radius: 6px; font-size: 15px; }}
.task {{ border-bottom: 2px dotted #3366cc; -webkit-box-decoration-break: clone; box-decoration-break: clone; }}
.task-id {{ color: #3366cc; font-weight: bold; font-size: 0.7em; margin-right: 0.2em; }}
aside {{ flex: 2; min-width: 0; position: sticky; top: 1rem; max-height: calc(100vh - 2rem); overflow: auto;
         background: #fff; border: 1px solid #ddd; border-radius: 6px; }}
aside h2 {{ font-size: 1rem; margin: 0; padding: 0.6rem 1rem; border-bottom: 1px solid #eee; }}
pre {{ margin: 0; padding: 0.6rem 1rem; font-size: 12px; white-space: pre-wrap; word-break: break-word; }}
</style>
</head>
<body>
<header>
<h1>{title}</h1>
{facts}
<div class="legend">{legend}</div>
</header>
<main>
<section class="text">{body}</section>
<aside><h2>Record (JSON)</h2><pre>{data}</pre></aside>
</main>
</body>
</html>
"""


def add_show_command(sub: argparse._SubParsersAction) -> None:
    """Register ``show`` on the command line's subparsers."""
    cmd = sub.add_parser("show", help="a document's text with every extracted value highlighted (HTML)")
    cmd.add_argument("file", help="a document (.txt .md .docx .pdf or an image)")
    cmd.add_argument("-o", "--output", help="the HTML file to write (default: FILE's name with .html, here)")
    cmd.set_defaults(run=_show)


def _show(args: argparse.Namespace) -> int:
    try:
        import spacy  # noqa: F401 - displaCy's templates
    except ImportError:
        print('show needs spaCy: pip install -e ".[spacy]"', file=sys.stderr)
        return 2
    out = Path(args.output or Path(args.file).with_suffix(".html").name)
    out.write_text(render(Path(args.file)), encoding="utf-8")
    print(f"wrote {out}", file=sys.stderr)
    return 0
