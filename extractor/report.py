"""The corpus report: one offline HTML page of plots about a batch of records, for researchers.

``python -m extractor report RECORDS.jsonl -o report.html`` (or ``report PATH...`` to extract the
documents first). Sections: the corpus at a glance, the work (tasks, agencies, deadlines), the
citations, and the terms of the tasks (underthesea's word segmentation of task texts only).
Figures are matplotlib SVGs embedded as data URIs (each one its own document, so their ids never
clash) and graphs are laid out by networkx: nothing is fetched when the page is opened.
"""

from __future__ import annotations

import argparse
import base64
import calendar
import html
import io
import json
import math
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from .grammar import word_list

TOP = 15  # bars in a "top N" chart
KEY_FIELDS = {  # the record's key → its name in "share of documents with each key field"
    "doc_type": "document type", "number": "number", "issuer": "issuer", "issue_date": "issue date",
    "subject": "subject", "recipients": "recipients", "tasks": "tasks", "deadlines": "deadlines",
    "citations": "citations", "signature": "signature", "distribution": "Nơi nhận",
}
RELATIONS = {
    "based_on": "căn cứ (based on)", "implements": "thực hiện (implements)", "replaces": "thay thế (replaces)",
    "amends": "sửa đổi, bổ sung (amends)", "guides": "hướng dẫn (guides)", "refers": "other reference",
}
PALETTE = ["#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3", "#937860", "#DA8BC3", "#8C8C8C", "#CCB974"]


@dataclass
class Section:
    id: str
    title: str
    intro: str = ""
    figures: list[str] = field(default_factory=list)  # HTML of <figure> elements


# ---------------------------------------------------------------- reading

def read_records(paths: list[str], jobs: int = 1) -> list[dict]:
    """Records from JSON Lines files (a line that is not a JSON object is skipped with a warning),
    or extracted from documents (with a progress line)."""
    if paths and all(p.endswith(".jsonl") and Path(p).is_file() for p in paths):
        records = []
        for p in paths:
            with open(p, encoding="utf-8", errors="replace") as f:
                for number, line in enumerate(f, 1):
                    try:
                        record = json.loads(line) if line.strip() else None
                    except json.JSONDecodeError:
                        record = "not JSON"
                    if isinstance(record, dict):
                        records.append(record)
                    elif record is not None:
                        print(f"warning: {p} line {number} is not a JSON record: skipped", file=sys.stderr)
        return records
    from .batch import expand_inputs, run

    files, _ = expand_inputs(paths)
    records = []
    for i, result in enumerate(run(files, jobs), 1):
        records.append(json.loads(result.line))
        print(f"\rextracting {i}/{len(files)}", end="", file=sys.stderr)
    print(file=sys.stderr)
    return records


# ---------------------------------------------------------------- values read from records

def _date(value: str | None, *, end: bool = False) -> date | None:
    """An ISO date, month (``2025-11``), quarter (``2026-Q1``) or year as a day: its last day when
    ``end`` (a deadline "in November" ends on the 30th), else its first. Recurring values give None."""
    if not value or value.startswith("-"):
        return None
    try:
        parts = value.split("-")
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 12, 31) if end else date(year, 1, 1)
        if parts[1].startswith("Q"):
            month = int(parts[1][1:]) * 3 if end else int(parts[1][1:]) * 3 - 2
        elif parts[1].startswith("H"):
            month = int(parts[1][1:]) * 6 if end else int(parts[1][1:]) * 6 - 5
        else:
            month = int(parts[1])
        if len(parts) == 2 or parts[1][0] in "QH":
            return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        return date(year, month, int(parts[2]))
    except (ValueError, IndexError):
        return None


def _name(record: dict, key: str, sub: str = "name") -> str | None:
    value = record.get(key)
    return value.get(sub) if isinstance(value, dict) else None


def _short(name: str, width: int = 38) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def _number_key(number: str | None) -> str:
    return "".join((number or "").upper().split())


# ---------------------------------------------------------------- figures

def _figure(width: float = 6.4, height: float = 3.6):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    return fig, fig.add_subplot()


def _embed(fig, caption: str, note: str = "") -> str:
    """A ``<figure>`` with the plot as an SVG data URI and its caption."""
    buf = io.BytesIO()
    fig.savefig(buf, format="svg")
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    note_html = f'<span class="note">{html.escape(note)}</span>' if note else ""
    return (f'<figure><img alt="{html.escape(caption)}" src="data:image/svg+xml;base64,{data}">'
            f"<figcaption>{html.escape(caption)}{note_html}</figcaption></figure>")


def _style(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=8)


def _empty(ax, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=10, color="#777", transform=ax.transAxes)
    ax.set_axis_off()


def _barh(counts: list[tuple[str, float]], caption: str, *, xlabel: str = "documents", color: str = PALETTE[0],
          percent: bool = False, note: str = "", empty: str = "nothing to count in this corpus") -> str:
    height = max(1.8, 0.28 * len(counts) + 0.8)
    fig, ax = _figure(6.4, height)
    if not counts:
        _empty(ax, empty)
        return _embed(fig, caption, note)
    labels = [_short(str(k)) for k, _ in counts][::-1]
    values = [v for _, v in counts][::-1]
    bars = ax.barh(range(len(values)), values, color=color)
    ax.set_yticks(range(len(values)), labels)
    ax.bar_label(bars, labels=[f"{v:.0%}" if percent else f"{v:,.0f}" for v in values], padding=2, fontsize=7)
    ax.set_xlabel(xlabel, fontsize=8)
    ax.xaxis.get_major_locator().set_params(integer=True)
    if percent:
        ax.set_xlim(0, 1.12)
        ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    _style(ax)
    return _embed(fig, caption, note)


def _boxplot(groups: list[tuple[str, list[int]]], caption: str, note: str) -> str:
    fig, ax = _figure(6.4, max(2.0, 0.32 * len(groups) + 0.9))
    if not groups:
        _empty(ax, "no deadline with a dated issue in this corpus")
        return _embed(fig, caption, note)
    groups = groups[::-1]
    ax.boxplot([g for _, g in groups], orientation="horizontal", widths=0.6, showfliers=True,
               flierprops={"markersize": 3, "alpha": 0.5}, medianprops={"color": PALETTE[1]})
    ax.set_yticks(range(1, len(groups) + 1), [f"{_short(k, 32)} ({len(g)})" for k, g in groups])
    ax.set_xscale("symlog", linthresh=30)
    ax.set_xlim(0, max(max(g) for _, g in groups) * 1.5 + 1)
    ax.set_xlabel("days from the issue date to the deadline", fontsize=8)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:,.0f}")
    _style(ax)
    return _embed(fig, caption, note)


def _network(graph, caption: str, note: str, *, empty: str, circle: bool) -> str:
    """A graph drawn with networkx: node size by weight, edge width by count; on a circle (names
    readable however dense the graph) or by springs (small separate components, names beside)."""
    import networkx as nx

    fig, ax = _figure(7.2, 6.4 if circle else 5.6)
    if graph.number_of_edges() == 0:
        _empty(ax, empty)
        return _embed(fig, caption, note)
    if circle:  # a spring layout piles well-connected agencies up in the middle; neighbours stay near
        # each other on the circle by ordering it along a depth-first walk of the graph
        order = list(nx.dfs_preorder_nodes(graph.to_undirected(), source=max(graph, key=graph.degree)))
        order += [n for n in graph if n not in order]
        pos = nx.circular_layout(order)
    else:
        pos = nx.spring_layout(graph, seed=7, k=2 / math.sqrt(graph.number_of_nodes()))
    sizes = [60 + 25 * graph.nodes[n].get("size", 1) ** 0.8 for n in graph]
    widths = [0.6 + 0.8 * math.log1p(d.get("weight", 1)) for _, _, d in graph.edges(data=True)]
    nx.draw_networkx_edges(graph, pos, ax=ax, width=widths, edge_color="#9aa7b8", alpha=0.8, arrows=True,
                           arrowsize=8, node_size=sizes, connectionstyle="arc3,rad=0.08")
    nx.draw_networkx_nodes(graph, pos, ax=ax, node_size=sizes, node_color=[graph.nodes[n].get("color", PALETTE[0])
                                                                         for n in graph], alpha=0.9)
    if circle:
        for n, (x, y) in pos.items():  # names outside the circle, along its radius
            angle = math.degrees(math.atan2(y, x))
            flip = 90 < angle % 360 < 270
            ax.text(x * 1.08, y * 1.08, _short(str(graph.nodes[n].get("label", n)), 30), fontsize=6.5,
                    rotation=angle + 180 if flip else angle, rotation_mode="anchor",
                    ha="right" if flip else "left", va="center")
        ax.set_xlim(-2.1, 2.1)
        ax.set_ylim(-1.9, 1.9)
        ax.set_aspect("equal")
    else:
        nx.draw_networkx_labels(graph, pos, ax=ax, font_size=6.5,
                                labels={n: _short(str(graph.nodes[n].get("label", n)), 28) for n in graph})
    ax.set_axis_off()
    return _embed(fig, caption, note)


def _calendar(days: Counter, year: int) -> str:
    """A calendar heat map of one year: weeks across, weekdays down, colour by deadlines that day."""
    import numpy as np

    first = date(year, 1, 1)
    grid = np.full((7, 54), np.nan)
    for day in range(366 if calendar.isleap(year) else 365):
        d = date.fromordinal(first.toordinal() + day)
        week = (day + first.weekday()) // 7
        grid[d.weekday(), week] = days.get(d, 0)
    fig, ax = _figure(7.6, 1.9)
    masked = np.ma.masked_invalid(grid)
    import matplotlib

    cmap = matplotlib.colormaps["YlOrRd"].with_extremes(bad="white", under="#ebedf0")
    busiest = max([1] + [n for d, n in days.items() if d.year == year])  # each year on its own scale
    image = ax.imshow(masked, aspect="equal", cmap=cmap, vmin=0.5, vmax=busiest)
    ax.set_yticks(range(7), ["Mon", "", "Wed", "", "Fri", "", "Sun"], fontsize=7)
    starts = [((date(year, m, 1).toordinal() - first.toordinal()) + first.weekday()) // 7 for m in range(1, 13)]
    ax.set_xticks(starts, [calendar.month_abbr[m] for m in range(1, 13)], fontsize=7)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    fig.colorbar(image, ax=ax, shrink=0.8, pad=0.01).ax.tick_params(labelsize=7)
    total = sum(v for d, v in days.items() if d.year == year)
    return _embed(fig, f"Deadlines in {year}, by day ({total:,} with a day)",
                  "deadlines before their document's issue date left out")


def _table(headers: list[str], rows: Iterable[Iterable[str]], cls: str = "") -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


# ---------------------------------------------------------------- sections

def glance(records: list[dict]) -> Section:
    ok = [r for r in records if not r.get("error")]
    types = Counter(_name(r, "doc_type") or "(unknown)" for r in ok)
    issuers = Counter(_name(r, "issuer") or "(unknown)" for r in ok)
    months = Counter(v[:7] for r in ok if (v := (r.get("issue_date") or {}).get("value")) and len(v) >= 7)
    warnings = Counter(w["code"] for r in records for w in r.get("warnings") or [])
    errors = Counter(r["error"]["code"] for r in records if r.get("error"))
    shares = [(label, sum(1 for r in ok if r.get(key)) / len(ok)) for key, label in KEY_FIELDS.items()] if ok else []
    section = Section("glance", "The corpus at a glance",
                      f"{len(records):,} records: {len(ok):,} documents read, {sum(errors.values()):,} error records.")
    section.figures.append(_barh(types.most_common(TOP), "Documents by type"))
    section.figures.append(_barh(issuers.most_common(TOP), f"Documents by issuer (top {TOP})", color=PALETTE[2]))
    section.figures.append(_months(months))
    section.figures.append(_barh(shares, "Share of documents with each key field", xlabel="share of documents",
                                 color=PALETTE[4], percent=True))
    section.figures.append(_barh(warnings.most_common(), "Warnings by kind", xlabel="warnings", color=PALETTE[1],
                                 empty="no warning in this corpus"))
    section.figures.append(_barh(errors.most_common(), "Error records by kind", xlabel="records", color=PALETTE[3],
                                 empty="no error record in this corpus"))
    return section


def _months(months: Counter) -> str:
    fig, ax = _figure(6.4, 2.8)
    if not months:
        _empty(ax, "no issue date in this corpus")
        return _embed(fig, "Documents by month of issue")
    first, last = min(months), max(months)
    keys, (y, m) = [], map(int, first.split("-"))
    while f"{y:04d}-{m:02d}" <= last and len(keys) < 600:
        keys.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    bars = ax.bar(range(len(keys)), [months.get(k, 0) for k in keys], color=PALETTE[0])
    if len(keys) <= 36:  # small months stay readable next to a large one
        ax.bar_label(bars, labels=[f"{months.get(k, 0):,}" if months.get(k) else "" for k in keys], fontsize=7)
    step = max(1, len(keys) // 12)
    ax.set_xticks(range(0, len(keys), step), keys[::step], rotation=45, ha="right")
    ax.set_ylabel("documents", fontsize=8)
    _style(ax)
    return _embed(fig, "Documents by month of issue")


def work(records: list[dict]) -> Section:
    import networkx as nx

    led = Counter(lead for r in records for t in r.get("tasks") or [] for lead in t.get("lead") or [])
    tasks = sum(len(r.get("tasks") or []) for r in records)
    with_lead = sum(1 for r in records for t in r.get("tasks") or [] if t.get("lead"))
    section = Section("work", "The work: who is asked to do what, and by when",
                      f"{tasks:,} tasks, {with_lead:,} of them with a lead agency; "
                      f"{len(led):,} distinct lead agencies.")
    section.figures.append(_barh(led.most_common(TOP), f"Tasks per lead agency (top {TOP})", xlabel="tasks led",
                                 color=PALETTE[1]))
    pairs = Counter((lead, partner) for r in records for t in r.get("tasks") or []
                    for lead in t.get("lead") or [] for partner in t.get("cooperating") or [] if lead != partner)
    graph = nx.DiGraph()
    degree = Counter()
    for (a, b), n in pairs.items():
        degree[a] += n
        degree[b] += n
    keep = {name for name, _ in degree.most_common(30)}
    for (a, b), n in pairs.items():
        if a in keep and b in keep:
            graph.add_edge(a, b, weight=n)
    for n in graph:
        graph.nodes[n]["size"] = led.get(n, 0)
        graph.nodes[n]["color"] = PALETTE[1] if led.get(n) else PALETTE[0]
    section.figures.append(_network(
        graph, "Lead–partner network: who is told to work with whom",
        f"{len(pairs):,} lead→partner pairs in all; the {graph.number_of_nodes()} agencies most involved shown; "
        "orange agencies lead tasks (size by tasks led), arrows point from the lead to its partner (phối hợp)",
        empty="no task names a partner in this corpus", circle=True))
    by_type: dict[str, list[int]] = defaultdict(list)
    by_agency: dict[str, list[int]] = defaultdict(list)
    calendar_days: Counter = Counter()
    dropped = 0
    for r in records:
        issued = _date((r.get("issue_date") or {}).get("value"))
        kind = _name(r, "doc_type") or "(unknown)"
        for d in r.get("deadlines") or []:
            due = _date(d.get("value"), end=True)
            if due and issued and due < issued:
                dropped += 1
                continue
            if due and d.get("precision") == "day":
                calendar_days[due] += 1
            if due and issued:
                by_type[kind].append((due - issued).days)
        for t in r.get("tasks") or []:
            due = _date((t.get("deadline") or {}).get("value"), end=True)
            if due and issued and (due - issued).days >= 0:
                for lead in t.get("lead") or []:
                    by_agency[lead].append((due - issued).days)
    note = (f"a deadline of a month, quarter or year counts to its last day; {dropped} deadline(s) before the "
            "issue date left out")
    section.figures.append(_boxplot(sorted(by_type.items(), key=lambda kv: -len(kv[1]))[:12],
                                    "Deadline horizon by document type", note))
    section.figures.append(_boxplot(sorted(by_agency.items(), key=lambda kv: -len(kv[1]))[:12],
                                    "Deadline horizon by lead agency (the 12 with most dated tasks)", note))
    years = [y for y, _ in Counter(d.year for d in calendar_days.elements()).most_common(3)]
    for year in sorted(years):
        section.figures.append(_calendar(calendar_days, year))
    if not years:
        fig, ax = _figure(7.6, 1.6)
        _empty(ax, "no deadline with a day in this corpus")
        section.figures.append(_embed(fig, "Deadlines by day"))
    return section


def citations(records: list[dict]) -> Section:
    import networkx as nx

    cited = Counter(_number_key(c.get("number")) for r in records for c in r.get("citations") or [])
    shown: dict[str, dict] = {}
    citing: dict[str, set[int]] = defaultdict(set)
    for i, r in enumerate(records):
        for c in r.get("citations") or []:
            key = _number_key(c.get("number"))
            shown.setdefault(key, c)
            citing[key].add(i)
    relations = Counter(RELATIONS.get(c.get("relation"), c.get("relation")) for r in records
                        for c in r.get("citations") or [])
    total = sum(cited.values())
    section = Section("citations", "The citations: which documents the others rest on",
                      f"{total:,} citations of {len(cited):,} distinct documents.")
    rows = []
    for key, n in cited.most_common(TOP):
        c = shown[key]
        what = " ".join(x for x in (c.get("doc_type"), c.get("number")) if x)
        rows.append([html.escape(what), html.escape(c.get("date") or ""), f"{n:,}", f"{len(citing[key]):,}"])
    section.figures.append('<figure class="table"><figcaption>Most cited documents</figcaption>'
                           + _table(["document", "date", "citations", "citing documents"], rows) + "</figure>")
    section.figures.append(_barh(relations.most_common(), "Citations by relation", xlabel="citations",
                                 color=PALETTE[3]))
    own = {_number_key((r.get("number") or {}).get("raw")): i for i, r in enumerate(records) if r.get("number")}
    own.pop("", None)
    graph = nx.DiGraph()
    for i, r in enumerate(records):
        for c in r.get("citations") or []:
            j = own.get(_number_key(c.get("number")))
            if j is not None and j != i:
                for k in (i, j):
                    graph.add_node(k, label=(records[k].get("number") or {}).get("raw") or f"#{k + 1}")
                graph.add_edge(i, j, weight=1)
    for n in graph:
        graph.nodes[n]["size"] = graph.in_degree(n) * 4
        graph.nodes[n]["color"] = PALETTE[3] if graph.in_degree(n) else PALETTE[0]
    section.figures.append(_network(
        graph, "Citation graph of the corpus: documents citing documents of the same corpus",
        f"{graph.number_of_edges():,} citations between {graph.number_of_nodes():,} documents of the corpus; "
        "red documents are cited (size by times cited), arrows point from the citing document to the cited",
        empty="no document cites another document of this corpus", circle=False))
    return section


def terms(records: list[dict], jobs: int = 1) -> Section:
    """Terms of the tasks: task texts segmented into words by underthesea (in ``jobs`` processes),
    counted per lead agency and per year; each group's top terms are its key terms against the rest."""
    texts: list[tuple[str, list[str], str]] = []  # (text, leads, year)
    for r in records:
        year = ((r.get("issue_date") or {}).get("value") or "")[:4] or "(no date)"
        for t in r.get("tasks") or []:
            if t.get("text"):
                texts.append((_without_agencies(t), t.get("lead") or [], year))
    started = time.perf_counter()
    distinct = list(dict.fromkeys(text for text, _, _ in texts))
    if jobs > 1 and len(distinct) > 200:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            words = list(pool.map(_terms_of, distinct, chunksize=100))
    else:
        words = [_terms_of(text) for text in distinct]
    segmented = dict(zip(distinct, words, strict=True))
    seconds = time.perf_counter() - started
    overall: Counter = Counter()
    by_agency: dict[str, Counter] = defaultdict(Counter)
    by_year: dict[str, Counter] = defaultdict(Counter)
    for text, leads, year in texts:
        words = segmented[text]
        overall.update(words)
        by_year[year].update(words)
        for lead in leads:
            by_agency[lead].update(words)
    section = Section("terms", "Terms: what the tasks ask",
                      f"Task texts segmented into words with underthesea: {len(texts):,} task texts "
                      f"({len(segmented):,} distinct) in {seconds:.1f} s. Words of two syllables or more are "
                      "counted (so “cải cách”, “hành chính”, “báo cáo” count as the words they are), "
                      "without the common words of grammars/report_stopwords.tsv; an agency's or a year's top "
                      "terms are those it uses often and more than the others do (count × log of the rate ratio); "
                      "the names of a task's own agencies are left out of its text.")
    section.figures.append(_barh(overall.most_common(20), "Most frequent terms in task texts", xlabel="occurrences",
                                 color=PALETTE[4], empty="no task text in this corpus"))
    agencies = sorted(by_agency, key=lambda a: -sum(by_agency[a].values()))[:12]
    rows = [[html.escape(a), f"{sum(1 for _, leads, _ in texts if a in leads):,}", _terms_cell(by_agency[a], overall)]
            for a in agencies]
    section.figures.append('<figure class="table wide"><figcaption>Top terms per lead agency '
                           "(the 12 agencies with most task words)</figcaption>"
                           + _table(["lead agency", "tasks", "top terms (occurrences)"], rows, "terms") + "</figure>")
    rows = [[html.escape(y), f"{sum(1 for _, _, yy in texts if yy == y):,}", _terms_cell(by_year[y], overall)]
            for y in sorted(by_year)]
    section.figures.append('<figure class="table wide"><figcaption>Top terms per year of issue</figcaption>'
                           + _table(["year", "tasks", "top terms (occurrences)"], rows, "terms") + "</figure>")
    return section


def _terms_of(text: str) -> list[str]:
    """The words of ``text`` (underthesea's segmentation) that count as terms: two syllables or
    more, no digit, not a stop word; in lower case."""
    from underthesea import word_tokenize

    stop = _stop_words()
    return [w for w in (w.lower() for w in word_tokenize(text))
            if " " in w and w not in stop and not any(ch.isdigit() for ch in w)]


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(word_list("report_stopwords.tsv"))


def _without_agencies(task: dict) -> str:
    """The task's text without the names of its agencies: the terms say what is asked, not of whom."""
    text = task["text"]
    for name in sorted((task.get("lead") or []) + (task.get("cooperating") or []), key=len, reverse=True):
        text = text.replace(name, " ")
    return text


def _terms_cell(group: Counter, overall: Counter, n: int = 10) -> str:
    """The group's key terms: its count of a term times the log ratio of the term's rate in the group
    to its rate in the rest of the corpus (frequent and over-represented both count); a group that
    is the whole corpus gets its most frequent terms."""
    size, total = sum(group.values()), sum(overall.values())
    rest_size = total - size
    if rest_size <= 0:
        ranked = [w for w, _ in group.most_common(n)]
    else:
        def score(word: str) -> float:
            rest = overall[word] - group[word]
            return group[word] * (math.log(group[word] / size) - math.log((rest + 0.5) / rest_size))
        ranked = sorted((w for w, c in group.items() if c >= 2 and score(w) > 0), key=lambda w: (-score(w), w))[:n]
    return ", ".join(f"{html.escape(w)} <small>({group[w]})</small>" for w in ranked) or "—"


# ---------------------------------------------------------------- the page

def build(records: list[dict], title: str = "Corpus report", jobs: int = 1) -> str:
    """The report's HTML for ``records`` (dicts as in a JSON Lines file); ``jobs`` processes
    segment the task texts."""
    import matplotlib

    started = time.perf_counter()
    style = {"font.family": "DejaVu Sans", "font.size": 8, "svg.fonttype": "path", "axes.titlesize": 9,
             "svg.hashsalt": "report"}
    with matplotlib.rc_context(style):
        sections = [glance(records), work(records), citations(records), terms(records, jobs)]
    seconds = time.perf_counter() - started
    tasks = sum(len(r.get("tasks") or []) for r in records)
    cards = [("documents", len(records)), ("error records", sum(1 for r in records if r.get("error"))),
             ("tasks", tasks), ("deadlines", sum(len(r.get("deadlines") or []) for r in records)),
             ("citations", sum(len(r.get("citations") or []) for r in records))]
    nav = " · ".join(f'<a href="#{s.id}">{html.escape(s.title.split(":")[0])}</a>' for s in sections)
    body = "".join(
        f'<section id="{s.id}"><h2>{html.escape(s.title)}</h2><p class="intro">{html.escape(s.intro)}</p>'
        f'<div class="grid">{"".join(s.figures)}</div></section>' for s in sections)
    return _PAGE.format(
        title=html.escape(title), nav=nav, body=body,
        cards="".join(f'<div class="card"><b>{n:,}</b>{html.escape(k)}</div>' for k, n in cards),
        footer=html.escape(f"Made by python -m extractor report in {seconds:.1f} s on {date.today().isoformat()}."))


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ margin: 0; font-family: 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif; color: #222;
       background: #f6f7f9; }}
header {{ background: #1f3a5f; color: #fff; padding: 1.2rem 2rem; }}
header h1 {{ margin: 0 0 0.6rem; font-size: 1.5rem; }}
header nav a {{ color: #cfe0ff; }}
.cards {{ display: flex; gap: 0.8rem; margin: 0.8rem 0 0.4rem; flex-wrap: wrap; }}
.card {{ background: rgba(255,255,255,0.12); border-radius: 6px; padding: 0.4rem 0.9rem; font-size: 0.85rem; }}
.card b {{ display: block; font-size: 1.3rem; }}
section {{ padding: 0.5rem 2rem 1rem; }}
h2 {{ font-size: 1.2rem; border-bottom: 2px solid #1f3a5f; padding-bottom: 0.2rem; }}
.intro {{ color: #444; max-width: 70rem; }}
.grid {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 1rem;
         align-items: start; }}
figure {{ margin: 0; background: #fff; border: 1px solid #dde1e6; border-radius: 6px; padding: 0.6rem; }}
figure.wide {{ grid-column: 1 / -1; }}
figure img {{ width: 100%; height: auto; display: block; }}
figcaption {{ font-weight: bold; font-size: 0.9rem; margin: 0.3rem 0; }}
figcaption .note {{ display: block; font-weight: normal; color: #666; font-size: 0.8rem; }}
table {{ border-collapse: collapse; width: 100%; font-size: 0.82rem; }}
th, td {{ text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #eee; vertical-align: top; }}
th {{ background: #f0f2f5; }}
td small {{ color: #888; }}
footer {{ color: #777; font-size: 0.8rem; padding: 1rem 2rem 2rem; }}
</style>
</head>
<body>
<header><h1>{title}</h1><div class="cards">{cards}</div><nav>{nav}</nav></header>
{body}
<footer>{footer}</footer>
</body>
</html>
"""


def add_report_command(sub: argparse._SubParsersAction) -> None:
    """Register ``report`` on the command line's subparsers."""
    cmd = sub.add_parser("report", help="an HTML report with plots of a corpus (records or documents)")
    cmd.add_argument("paths", nargs="+", help="JSON Lines files of records, or documents and directories")
    cmd.add_argument("-o", "--output", default="report.html", help="the HTML file to write (default report.html)")
    cmd.add_argument("-j", "--jobs", type=int, default=1,
                     help="worker processes extracting documents and segmenting task texts")
    cmd.add_argument("--title", default="Corpus report", help="the page's title")
    cmd.set_defaults(run=_report)


def _report(args: argparse.Namespace) -> int:
    try:
        import matplotlib  # noqa: F401
        import networkx  # noqa: F401
        import underthesea  # noqa: F401
    except ImportError as e:
        print(f'report needs the research extra ({e.name} is missing): pip install -e ".[research]"', file=sys.stderr)
        return 2
    started = time.perf_counter()
    records = read_records(args.paths, args.jobs)
    Path(args.output).write_text(build(records, args.title, args.jobs), encoding="utf-8")
    print(f"wrote {args.output}: {len(records)} records, {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0
