"""Turn positioned words (from PDF glyphs, OCR) into lines in reading order, columns apart.

A directive's header and signature are printed in two columns (issuer | quốc hiệu; số | place and
date; Nơi nhận | signature). Read line by line across the page, the columns interleave. Here a
run of consecutive lines that each have a wide gap near the same x is a two-column block: its left
column is emitted first, then its right column, so the segmenter sees each column whole. Each
line is parted at its own gap nearest the block's (centred columns start at different x). A line
under the block stays in a column when it stands in line with it and follows closely, or when it
goes on with the column's dash list (Nơi nhận runs on below the signature, and LibreOffice spaces
every line as a blank line would be).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..regex_cache import compile_pattern

# All lengths are shares of the page's width or of a line's height, so they hold at any resolution
# (PDF points, OCR pixels).
COLUMN_GAP = 0.035  # a gap between two words wider than this share of the page separates columns (a space is ~1%)
COLUMN_LEAD = 0.01  # the column split is put this far left of the right column's first word
BLANK_LINE = 0.9  # a vertical gap above a one-column line of this share of a line's height ends a column block…
LIST_MARKS = "-+–•"  # …unless the line goes on with the dash list of its column (Nơi nhận below the signature:
# a producer that spaces its paragraphs, as LibreOffice does, leaves such a gap between every line)
ALIGNED = 0.01  # a line whose left edge, centre or right edge is this near a column line's is in that column
COLUMN_DRIFT = 0.25  # a later line's column gap this far (page share) from the block's first one starts a new block
FULL_WIDTH = 0.6  # a one-sided line wider than this page share is body text under the columns: the block ends


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float  # top
    x1: float
    y1: float  # bottom
    text: str
    confidence: float = 100.0  # OCR's, for words read from an image
    baseline: float | None = None  # where a PDF glyph stands (y, downwards), when known


def group_lines(boxes: list[Box]) -> list[list[Box]]:
    """Group boxes into lines by vertical overlap, top to bottom, each left to right."""
    lines: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: ((b.y0 + b.y1) / 2, b.x0)):
        mid = (box.y0 + box.y1) / 2
        if lines:
            last = lines[-1]
            first = last[0]  # compare with the line's first box, so lines do not grow into each other
            if first.y0 <= mid <= first.y1:
                last.append(box)
                continue
        lines.append([box])
    return [sorted(line, key=lambda b: b.x0) for line in lines]


def side_by_side(lines: list[list[Box]]) -> list[list[Box]]:
    """Lines (each left to right) with the lines that stand side by side, apart on the page and at
    about the same height, made one row: the two header columns, Nơi nhận beside the signature."""
    def extent(line):
        return min(b.y0 for b in line), max(b.y1 for b in line), line[0].x0, line[-1].x1

    rows: list[list[Box]] = []
    extents: list[tuple[float, float, float, float]] = []
    for line in sorted(lines, key=lambda ln: sum(extent(ln)[:2]) / 2):
        y0, y1, x0, x1 = extent(line)
        for i, (ry0, ry1, rx0, rx1) in enumerate(extents):
            overlap = min(y1, ry1) - max(y0, ry0)
            apart = x0 > rx1 or x1 < rx0
            if apart and overlap > 0.5 * min(y1 - y0, ry1 - ry0):
                rows[i] = sorted(rows[i] + line, key=lambda b: b.x0)
                extents[i] = (min(y0, ry0), max(y1, ry1), min(x0, rx0), max(x1, rx1))
                break
        else:
            rows.append(line)
            extents.append((y0, y1, x0, x1))
    return rows


def _gaps(line: list[Box], page_width: float) -> list[tuple[float, float]]:
    """(width, x) of each column gap in this line: a gap wider than ``COLUMN_GAP``, its x just left
    of the right column (a left line may run further right than the first one)."""
    return [(b.x0 - a.x1, b.x0 - page_width * COLUMN_LEAD) for a, b in zip(line, line[1:], strict=False)
            if b.x0 - a.x1 > page_width * COLUMN_GAP]


def _split_point(line: list[Box], page_width: float) -> float | None:
    """x of the widest column gap in this line, if it has one."""
    gaps = _gaps(line, page_width)
    return max(gaps)[1] if gaps else None


def reading_order(boxes: list[Box], page_width: float) -> str:
    """Text of one page with two-column blocks de-interleaved (left column, then right)."""
    return lines_in_order(group_lines(boxes), page_width)


def lines_in_order(lines: list[list[Box]], page_width: float) -> str:
    """Lines (each a list of boxes, left to right) with two-column runs de-interleaved."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        split = _split_point(lines[i], page_width)
        if split is None:
            out.append(" ".join(b.text for b in lines[i]))
            i += 1
            continue
        j = i
        left: list[str] = []
        right: list[str] = []
        left_spans: list[tuple[float, float]] = []  # (x0, x1) of each line of a column so far
        right_spans: list[tuple[float, float]] = []
        height = max(b.y1 for b in lines[i]) - min(b.y0 for b in lines[i])
        while j < len(lines):
            line = lines[j]
            s = _split_point(line, page_width)
            one_side = all(b.x1 <= split for b in line) or all(b.x0 >= split for b in line)
            if s is None and not one_side:
                break
            gap = min(b.y0 for b in line) - max(b.y1 for b in lines[j - 1]) if j > i else 0
            on_left = line[0].x0 < split
            goes_on = _goes_on(line, left if on_left else right)
            if s is None and gap > height * BLANK_LINE and not goes_on:
                break  # a blank line under the columns: the block has ended
            if s is None and not goes_on and not _aligned(line, left_spans if on_left else right_spans, page_width):
                break  # a line under the columns but not in line with its column: a centred title
            if s is not None and abs(s - split) > page_width * COLUMN_DRIFT:
                break
            # each line is parted at its own gap nearest the block's: a centred column's lines start
            # at different x, and a blank ("ngày      tháng") is a gap inside a column
            cut = split if one_side else min((x for _, x in _gaps(line, page_width)),
                                             key=lambda x: abs(x - split), default=split)
            lt = " ".join(b.text for b in line if (b.x0 + b.x1) / 2 < cut)
            rt = " ".join(b.text for b in line if (b.x0 + b.x1) / 2 >= cut)
            if lt:
                left.append(lt)
                left_spans.append(_extent([b for b in line if (b.x0 + b.x1) / 2 < cut]))
            if rt:
                right.append(rt)
                right_spans.append(_extent([b for b in line if (b.x0 + b.x1) / 2 >= cut]))
            j += 1
            wide = (line[-1].x1 - line[0].x0) > page_width * FULL_WIDTH
            if s is None and j - i > 1 and one_side and len(line) and wide:
                break
        if j == i + 1 and not (left and right):
            out.append(" ".join(b.text for b in lines[i]))
        else:
            out.extend(left)
            out.append("")
            out.extend(right)
            out.append("")
        i = max(j, i + 1)
    return "\n".join(out)


def _extent(boxes: list[Box]) -> tuple[float, float]:
    return min(b.x0 for b in boxes), max(b.x1 for b in boxes)


def _aligned(line: list[Box], spans: list[tuple[float, float]], page_width: float) -> bool:
    """Whether a line stands in line with a column's lines so far: its left edge, centre or right
    edge within ``ALIGNED`` of one of theirs (a column with no line yet takes any)."""
    x0, x1 = _extent(line)
    tolerance = page_width * ALIGNED
    return not spans or any(abs(x0 - a0) <= tolerance or abs(x1 - a1) <= tolerance
                            or abs((x0 + x1) - (a0 + a1)) / 2 <= tolerance for a0, a1 in spans)


def _goes_on(line: list[Box], column: list[str]) -> bool:
    """Whether a line continues a dash list of its column ("- Như trên;" … "- Lưu: VT"): a new item,
    or the rest of an item the column's last line leaves open (no ';' or '.' at its end)."""
    if not any(text[:1] in LIST_MARKS for text in column):
        return False
    return line[0].text[:1] in LIST_MARKS or not column[-1].rstrip().endswith((";", ".", ":"))


_PAGE_NUMBER = compile_pattern(r"^[\s\-–—]*(?P<n>\d{1,3})[\s\-–—.]*$")


def is_page_number(text: str, page: int) -> bool:
    """Whether a line printed at the top or foot of page ``page`` (1-based) is its number."""
    m = _PAGE_NUMBER.match(text)
    return bool(m) and int(m["n"]) == page and page > 1


def join_pages(texts: list[str]) -> str:
    """Pages joined into one text, without the page numbers printed at their top or foot: a lone
    "2" over the next page's first line would read as item 2 of the body."""
    kept = []
    for index, text in enumerate(texts, start=1):
        lines = text.split("\n")
        for end in (0, -1):
            filled = [i for i, line in enumerate(lines) if line.strip()]
            if not filled:
                break
            at = filled[end]
            if is_page_number(lines[at], index):
                del lines[at]
        kept.append("\n".join(lines))
    return "\n".join(kept)
