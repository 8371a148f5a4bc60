"""Deadlines: time limits for doing something, as partial dates with a precision.

Forms handled: ``chậm nhất ngày 25/8/2019``, ``trước ngày 05 tháng 12 năm 2025`` (day);
``trong tháng 4/2019``, ``trong tháng 12 năm 2025`` (month); ``trong quý II/2019`` (quarter);
``6 tháng đầu năm 2026`` (half); ``trong năm 2026``, ``hoàn thành trong năm 2025`` (year);
recurring ``trước ngày 15/7 hằng năm`` (``--07-15``), ``tháng 12 hằng năm`` (``--12``), ``trước ngày
20 hằng tháng`` (``---20``), a day in a ``định kỳ`` clause (``định kỳ … trước ngày 20/11`` →
``--11-20``; ``định kỳ 6 tháng`` alone names no date, so it is no deadline); relative ``trong vòng
10 ngày kể từ ngày ký``
(resolved against the issue date, ``relative: true``; so is ``không quá 15 ngày làm việc kể từ ngày
ban hành``); in a plan or regulation a decision issues after its signature, the lines about ``trước``,
``chậm nhất``, ``hằng năm``; in a table with a time column (``Thời gian
hoàn thành``), a cell that is only a date (``2026``, ``Quý IV/2025``, ``30/11/2025``). A date
without a year takes the issue date's year, with a warning. A date merely mentioned (a cited
document's date, ``năm 2020 và những năm tiếp theo``) is not a deadline: each form needs its cue
word (or its column).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left, bisect_right, insort
from functools import cache
from itertools import accumulate

from ..grammar import settings
from ..normalize import clean_value
from ..record import Deadline
from ..regex_cache import compile_re
from .dates import iso_date

_DIGIT_ON = compile_re(r"\d[^\n]*")
_DIGIT = compile_re(r"\d")
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# a time limit ends at most this long before its document's issue date; an earlier date is a legal
# condition ("đã sử dụng đất ổn định trước ngày 01/7/2014") or a history, not a limit
PAST_DAYS = 366


def find_deadlines(text: str, start: int, end: int, issue: str | None,
                   tables_only: bool = False, year: int | None = None,
                   within: list[tuple[int, int]] | None = None) -> list[tuple[Deadline, list[str]]]:
    """Deadlines between ``start`` and ``end``, each with warnings (codes) it raises.
    ``tables_only``: only where a task table has a time column (an annex: long, mostly forms
    and figures, its time limits stand in such tables). ``year``: the document's year (from its
    number), for a document whose issue date is missing. ``within``: only the lines in these parts
    (an attached document's places about its cue words, ``attached_spans``; its tables are not read
    there: only those places are lower-cased, and a table's header is not among them)."""
    p = _lowercase_forms()
    words = settings("body")["deadline_words"]
    if tables_only and not p["time_line_written"].search(text, max(0, start - 1), end):
        return []  # no time column (found before the annex is lower-cased: most annexes have none)
    original = text
    # one case fold here instead of case-insensitive matching in every form, of what the forms read:
    # from the line break before ``start`` to ``end`` (after a body come its signature, recipients
    # and annexes, often the larger part of the text); the text stops at ``end``, offsets kept
    if within is None:
        text = original[:max(0, start - 1)] + _lower(original[max(0, start - 1):end])
    else:  # only the parts read (and the 60 characters a window reaches back) are lower-cased
        pieces, at = [original[:start]], start
        for lo, hi in within:
            lo = max(at, lo - 61)
            pieces += [original[at:lo], _lower(original[lo:hi])]
            at = hi
        text = "".join(pieces) + original[at:end]
    whole: list[str] = []  # the text lower-cased to its end, for the two checks that may read on past ``end``

    def to_end() -> str:
        if not whole:  # (made once, and only in the few documents whose candidates need it)
            whole.append(text + _lower(original[end:]) if within is None
                         else original[:max(0, start - 1)] + _lower(original[max(0, start - 1):]))
        return whole[0]

    column = _time_column(text, start, end, p)
    cores = _cores()
    if tables_only:
        if column is None:
            return []
        start = max(start, text.rfind("\n", start, column - 1) + 1)  # from the table's header on
    found: list[tuple[int, int, Deadline, list[str]]] = []
    taken: list[tuple[int, int]] = []  # their spans in order: they do not overlap, so the last that starts
    # before a new one's end is the only one that can overlap it (a table's hundred cells: no pass over all)
    issue_year = int(issue[:4]) if issue else None
    issued = dt.date.fromisoformat(issue) if issue and len(issue) == 10 else \
        dt.date(year, 1, 1) if year and 1900 <= year <= 2999 else None  # (its first day at the earliest)
    past_limit = (issued - dt.timedelta(days=PAST_DAYS)).isoformat() if issued else None

    def add(m: re.Match[str], value: str | None, precision: str, recurrence: str | None = None,
            relative: bool = False, notes: list[str] | None = None, cued: bool = True) -> None:
        if (p["range_end"].match(m.group()) or p["range_end_before"].search(text, max(start, m.start() - 8),
                                                                           m.start())) \
                and p["range_start"].search(text, max(start, m.start() - 65), m.start()):
            return  # "từ ngày 01/7 đến hết ngày 31/12": a period, not a time limit
        if p["as_of_before"].search(text, max(start, m.start() - 8), m.start()):
            return  # "tính đến hết ngày 31/10": the day a figure stands at
        if value and past_limit and value[:1].isdigit() and _period_end(value) < past_limit:
            return  # over a year before the issue date: a condition or a history, not this document's limit
        if precision == "year" and p["ongoing_after"].match(to_end(), m.end()):
            return  # "năm 2025 và các năm tiếp theo": a period that goes on
        if cued and precision != "day" and (p["not_limit_before"].search(text, max(start, m.start() - 60), m.start())
                                            or p["not_limit_after"].match(to_end(), m.end())):
            return  # a target, a period of work or under review, or a thing done: not a time limit
        if value and not ((k := bisect_left(taken, (m.end(),))) and taken[k - 1][1] > m.start()):
            insort(taken, m.span())
            found.append((m.start(), m.end(), Deadline(value=value, precision=precision, recurrence=recurrence,
                                                       relative=relative, raw=clean_value(original[m.start():m.end()])),
                          notes or []))

    # every form has a figure and a cue word in it: scan only the lines that hold both
    # (a window reaches back into the line before: table cells put "Trước ngày" above the date)
    windows: list[tuple[int, int]] = []
    cue = p["cue"]
    lines = _digit_lines(text, start, end) if within is None else \
        (line for lo, hi in within for line in _digit_lines(text, lo, hi))
    for line_start, line_end in lines:
        lo, hi = max(start, line_start - 60), line_end
        if not cue.search(text, lo, hi):
            continue
        if windows and lo <= windows[-1][1]:  # overlapping windows are scanned once
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))

    pieces = [text[lo:hi] for lo, hi in windows]  # (``text`` is lower-cased already)
    joined = "\n".join(pieces)
    opens = list(accumulate((len(piece) + 1 for piece in pieces[:-1]), initial=0))  # each piece's place in it
    # (each word is looked for once, not once per form that needs it)
    present: dict[str, bool] = {}  # a word: does any window hold it
    holding: dict[str, list[bool]] = {}  # a word: does each window hold it
    places: dict[str, list[int]] = {}  # a word: where it stands in ``joined``

    def anywhere(word: str) -> bool:
        if word not in present:
            present[word] = word in joined
        return present[word]

    def held(word: str) -> list[bool]:
        if word not in holding:
            holding[word] = [word in piece for piece in pieces] if anywhere(word) else [False] * len(pieces)
        return holding[word]

    def placed(word: str) -> list[int]:
        if not places:  # every form's first words, in one pass
            automaton, first_words = _first_words()
            places.update({first: [] for first in first_words})
            for last, first in automaton.iter(joined):
                places[first].append(last - len(first) + 1)
        return places[word]

    def scan(key: str):
        needs = words["needs"].get(key)
        if needs is not None and not any(map(anywhere, needs)):
            return  # no window has the form's word: most documents have no "quý", no "kể từ"
        core = cores.get(key)
        if core is not None and not core.search(joined):
            return  # no window has the form's core (one search: a window's core is in the joined windows)
        form = p[key]
        scanned = [True] * len(windows) if needs is None else [any(has) for has in zip(*map(held, needs), strict=True)]
        if core is not None:
            scanned = [ok and core.search(text, lo, hi) is not None
                       for ok, (lo, hi) in zip(scanned, windows, strict=True)]
        first = words["starts"].get(key)
        if first is None:
            for (lo, hi), ok in zip(windows, scanned, strict=True):
                if ok:
                    yield from form.finditer(text, lo, hi)
            return
        # a match opens with one of the form's first words: the form is tried only where they stand,
        # left to right, a match's end the next start (as ``finditer`` in each window)
        after = 0
        for at in sorted(at for word in first for at in placed(word)):
            k = bisect_right(opens, at) - 1
            if scanned[k]:
                lo, hi = windows[k]
                if (at := lo + at - opens[k]) >= after and (m := form.match(text, at, hi)):
                    after = m.end()
                    yield m

    cutover_cue = words["cutover_cue"]
    starts: list[set[str]] = []

    def cutovers() -> set[str]:
        """The days the document opens a period with (found once, for the first day with its cue)."""
        if not starts:
            starts.append({iso_date(c["y"], c["m"], c["d"]) for c in p["cutover_day"].finditer(to_end())})
        return starts[0]

    for m in scan("relative"):
        if issue and len(issue) == 10:
            base = dt.date.fromisoformat(issue)
            n = int(m["n"])
            if m["days"]:
                value = _add_working_days(base, n) if m["working"] else (base + dt.timedelta(days=n)).isoformat()
            else:
                value = _add_months(base, n)
            add(m, value, "day", relative=True)
    for m in scan("label"):
        items = list(p["label_item"].finditer(text, m.start("rest"), m.end("rest")))  # (spans in the text)
        if any(item["from"] for item in items) and (m["work"] or m["work_limit"]):
            continue  # "Thời gian thực hiện: từ … đến …" is a period of work, not a time limit
        for k, item in enumerate(items):
            if item["from"] or (k + 1 < len(items) and p["range_to"].match(text, item.end(), items[k + 1].start())):
                continue  # the start of a period ("từ tháng 11/2025", "tháng 11/2025 đến tháng 4/2026")
            if item["d"] or item["d2"]:
                day = (item["dy"] or item["dy2"], item["dm"] or item["dm2"], item["d"] or item["d2"])
                value, precision = iso_date(*day), "day"
            elif item["m"]:
                value, precision = iso_date(item["my"], item["m"]), "month"
            elif item["q"]:
                value, precision = f"{item['qy']}-Q{_QUARTERS[item['q'].upper()]}", "quarter"
            else:
                value, precision = item["y"], "year"
            add(item, value, precision, cued=False)
    for m in scan("report_year"):
        add(m, m["y"], "year")
    for m in scan("day"):
        if m["every"]:
            add(m, f"--{int(m['m']):02d}-{int(m['d']):02d}", "day", "yearly")
            continue
        notes = []
        year = m["y"]
        if not year and p["relative_year_after"].match(text, m.end()):
            continue  # "trước ngày 10 tháng 6 năm cuối của kỳ": the year is the period's, not known here
        if not year:
            sentence = text[max(start, text.rfind(".", start, m.start()) + 1, m.start() - 200):m.start()]
            if p["yearly_clause"].search(sentence):  # "định kỳ … trước ngày 20/11": every year
                add(m, f"--{int(m['m']):02d}-{int(m['d']):02d}", "day", "yearly")
                continue
            if issue_year is None:
                continue
            year, notes = issue_year, ["year_from_issue_date"]
        value = iso_date(year, m["m"], m["d"])
        if value and m["cue"].startswith(cutover_cue) and value in cutovers():
            continue  # "trước ngày 01/7/2025" where the document also counts "từ ngày 01/7/2025": a condition
        add(m, value, "day", notes=notes)
    for m in scan("yearly_month"):
        add(m, f"--{int(m['m']):02d}", "month", "yearly")
    for m in scan("monthly"):
        add(m, f"---{int(m['d']):02d}", "day", "monthly")
    for m in scan("month"):
        if m["every"]:
            add(m, f"--{int(m['m']):02d}", "month", "yearly")
        elif m["y"]:
            add(m, iso_date(m["y"], m["m"]), "month")
    for m in scan("quarter"):
        if m["y"] or issue_year:
            add(m, f"{m['y'] or issue_year}-Q{_QUARTERS[m['q'].upper()]}", "quarter",
                notes=[] if m["y"] else ["year_from_issue_date"])
    for m in scan("half"):
        if m["y"]:
            add(m, f"{m['y']}-H{1 if m['first'] else 2}", "half")
    for m in scan("year"):
        add(m, m["y"], "year")
    for m in _cells(text, column, end, p):
        if m["y"]:
            add(m, m["y"], "year", cued=False)
        elif m["q"]:
            add(m, f"{m['qy']}-Q{_QUARTERS[m['q'].upper()]}", "quarter", cued=False)
        elif m["m"]:
            add(m, iso_date(m["my"], m["m"]), "month", cued=False)
        else:
            add(m, iso_date(m["dy"], m["dm"], m["d"]), "day")
    found.sort(key=lambda f: f[0])
    out = []
    for s, e, d, notes in found:
        d.span = (s, e)
        out.append((d, notes))
    return out


def attached_start(text: str, start: int, end: int) -> int | None:
    """Where a document attached after the signature opens (its title line: "KẾ HOẠCH", "QUY CHẾ",
    "QUY ĐỊNH VỀ …"), looked for between ``start`` (the body's end) and ``end`` (an annex, or the
    text's end): a decision issuing a plan or a regulation puts it there, and its time limits are
    written as a body's are."""
    m = _lowercase_forms()["attached_title"].search(text, max(0, start - 1), end)
    return m.start() + 1 if m else None


def attached_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of an attached document worth reading for time limits: about each of its words a
    time limit stands by (``attached_cues``) with a figure near, from the line before the word to the
    line after it (a date may wrap away from its cue), overlapping parts merged. A regulation of tens
    of pages has a few such places; reading all its numbered lines as a body's would cost more than
    the rest of its record. (Each word is found as written, lower-case or capitalised.)"""
    places = []
    for word in _attached_cues():
        at = text.find(word, start, end)
        while at >= 0:
            if _DIGIT.search(text, max(start, at - 30), min(end, at + len(word) + 40)):
                places.append(at)  # ("trước khi", "hoàn thành nhiệm vụ": no date near)
            at = text.find(word, at + len(word), end)
    spans: list[tuple[int, int]] = []
    for at in sorted(places):
        line = text.rfind("\n", start, at)  # the break before the word's line
        lo = max(start, text.rfind("\n", start, line) + 1) if line >= 0 else start  # (the line before it)
        after = text.find("\n", at, end)  # the break after the word's line
        hi = end if after < 0 else text.find("\n", after + 1, end)  # (the line after it)
        hi = end if hi < 0 else hi
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], hi))
        else:
            spans.append((lo, hi))
    return spans


@cache
def _attached_cues() -> tuple[str, ...]:
    """The words an attached document is read about (``attached_cues``), lower-case and capitalised."""
    words = settings("body")["deadline_words"]["attached_cues"]
    return tuple(words) + tuple(word[0].upper() + word[1:] for word in words)


def _digit_lines(text: str, start: int, end: int):
    """Spans of the lines in ``text[start:end]`` that hold a figure, found from the figures (a
    pattern for "a line with a digit" would try every character of the lines without one): each
    match runs from a line's first figure to its end."""
    for m in _DIGIT_ON.finditer(text, start, end):
        yield max(start, text.rfind("\n", start, m.start()) + 1), m.end()


def _time_column(text: str, start: int, end: int, p: dict) -> int | None:
    """Where the title of a table's time column ends (the title is a cell: a line of its own)."""
    for line in p["time_line"].finditer(text, max(0, start - 1), end):  # short lines opening with the words
        if p["time_column"].fullmatch(line.group().strip()):
            return line.end()
    return None


def _cells(text: str, column: int | None, end: int, p: dict):
    """Cells that are only a date, below a table's time column (each cell on its own line)."""
    if column is None:
        return
    for line in _CELL_LINE.finditer(text, column, end):
        m = p["cell"].fullmatch(text, *line.span("cell"))  # (matched in place: spans in the text)
        if m:
            yield m


# a line (after the column's title, each opens with its break) whose text, spaces stripped, is 4 to 16
# characters ending with a figure: the lines a cell can fullmatch (every form of a cell ends with one)
_CELL_LINE = compile_re(r"\n[^\S\n]*(?P<cell>\S[^\n]{2,14}\d)[^\S\n]*(?=\n|\Z)")


@cache
def _lowercase_forms() -> dict[str, re.Pattern[str]]:
    """The deadline forms, compiled to run on lower-cased text without case-insensitive matching
    (but ``attached_title``, an attached document's title in capitals, run on the text as written).
    They keep to the standard library's syntax and run on its engine, which scans these word
    alternations faster than ``regex`` (deadlines went from 0.28 to 0.19 s on the pool)."""
    forms = settings("body")["deadlines"]
    return {key: compile_re(value.removeprefix("(?i)")) for key, value in forms.items()}


@cache
def _first_words():
    """An automaton finding the forms' first words (``starts``) in one pass, and the words."""
    import ahocorasick  # pyahocorasick (as the agencies' gazetteer)

    words = sorted({word for first in settings("body")["deadline_words"]["starts"].values() for word in first})
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton, words


@cache
def _cores() -> dict[str, re.Pattern[str]]:
    """A part of a form that every match of it holds (``[deadline_cores]``): a rare one, tested first."""
    return {key: compile_re(value) for key, value in settings("body")["deadline_cores"].items()}


def _lower(text: str) -> str:
    """``text`` lower-cased, offsets kept. (Lower-casing a part gives the letters of the whole's
    but for a Greek capital sigma at the part's edge, final or not: a letter no form reads.)"""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # keep offsets true


def _add_months(base: dt.date, n: int) -> str:
    """``n`` months after ``base``; a day the month lacks becomes its last day (31/1 + 1 month → 28/2 or 29/2)."""
    month = base.month - 1 + n
    year = base.year + month // 12
    month = month % 12 + 1
    day = min(base.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day).isoformat()


def _add_working_days(base: dt.date, n: int) -> str:
    """``n`` working days (Monday to Friday) after ``base``: "trong 05 ngày làm việc"."""
    day = base
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day.isoformat()


def _period_end(value: str) -> str:
    """The last day a deadline's value covers, as ISO text (compared as text): ``2025-03-15``,
    ``2025-03`` → ``2025-03-31``, ``2025-Q2`` → ``2025-06-31``, ``2025-H1``, ``2025``."""
    year, _, rest = value.partition("-")
    if not rest:
        return f"{year}-12-31"
    if rest[0] in "QH":
        month = int(rest[1]) * (3 if rest[0] == "Q" else 6)
        return f"{year}-{month:02d}-31"
    return value if len(rest) > 2 else f"{value}-31"
