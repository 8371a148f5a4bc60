"""DOCX: paragraphs, tables and text boxes in document order; a layout table is read column by column.

The header of a directive is usually a borderless table (issuer, số, trích yếu on the left;
quốc hiệu, tiêu ngữ, place and date on the right) and the end another one (Nơi nhận left, signature
right). Reading each column whole keeps those blocks apart for the segmenter. Tools and clerks lay
them out in many ways, all read here: a third, empty spacer column; cells merged across or down;
a whole block in one cell, its lines manual line breaks; a table nested in a frame table; blocks
in floating text boxes. A table with more than two columns of text is a data table: one line a row.

The archive is opened with a size limit: a DOCX is a zip, and a small one can expand to gigabytes.
"""

from __future__ import annotations

import io
import zipfile

from ..record import Source
from .base import Document, ReadError

MAX_UNZIPPED = 200 * 1024 * 1024  # bytes a DOCX may expand to (a long directive with pictures is a few MB)
MAX_RATIO = 200  # expanded/compressed; XML compresses about 10×, a zip bomb thousands of times
LAYOUT_COLUMNS = 2  # a table with at most this many columns of text is a layout, read column by column

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _check_size(data: bytes, src: Source) -> None:
    """Refuse an archive that would expand past ``MAX_UNZIPPED`` (its directory says how far)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as e:
        raise ReadError("unreadable", f"not a readable DOCX file: {e}", src) from e
    if expanded > MAX_UNZIPPED or expanded > MAX_RATIO * len(data) + 10 * 1024 * 1024:
        raise ReadError("too_large", f"the DOCX expands to {expanded} bytes from {len(data)} (a zip bomb?)", src)


def read_docx(data: bytes, src: Source, max_pages: int) -> Document:  # a DOCX has no pages to count
    _check_size(data, src)
    try:
        import docx  # python-docx

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise ReadError("unreadable", f"not a readable DOCX file: {e}", src) from e
    except Exception as e:  # noqa: BLE001 - python-docx raises many kinds on broken files
        raise ReadError("unreadable", f"not a readable DOCX file: {type(e).__name__}: {e}", src) from e
    src.encoding = "utf-8"
    return Document("\n".join(_blocks(document.element.body, document)), src)


def _blocks(container, parent) -> list[str]:
    """Lines of the paragraphs, tables and content controls directly in ``container`` (the body, a
    cell, a text box), in order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for child in container.iterchildren():
        if child.tag == f"{_W}p":
            lines.extend(Paragraph(child, parent).text.split("\n"))
            for box in _text_boxes(child):
                lines.extend(_blocks(box, parent))
                lines.append("")
        elif child.tag == f"{_W}tbl":
            lines.extend(_table_lines(Table(child, parent)))
        elif child.tag == f"{_W}sdt":  # a content control: its content is ordinary blocks
            for content in child.iterchildren(f"{_W}sdtContent"):
                lines.extend(_blocks(content, parent))
    return lines


def _text_boxes(paragraph) -> list:
    """The text boxes anchored in a paragraph, each once (Word writes a VML copy for old readers
    inside ``mc:Fallback``: that copy is skipped)."""
    boxes = []
    for box in paragraph.iter(f"{_W}txbxContent"):
        if not any(a.tag == _FALLBACK for a in box.iterancestors()):
            boxes.append(box)
    return [b for b in boxes if not any(a in boxes for a in b.iterancestors())]


def _table_lines(table) -> list[str]:
    rows = table.rows
    if not rows:
        return []
    grid = [_unique(row.cells) for row in rows]
    contents = {id(cell._tc): _blocks(cell._tc, cell) for row in grid for cell in row}
    n_cols = max(len(row.cells) for row in rows)
    filled = [col for col in range(n_cols)
              if any(col < len(row.cells) and any(line.strip() for line in contents[id(row.cells[col]._tc)])
                     for row in rows)]
    if len(filled) <= LAYOUT_COLUMNS:
        lines: list[str] = []
        seen: set[int] = set()
        for col in filled or range(min(n_cols, LAYOUT_COLUMNS)):
            for row in rows:
                cell = row.cells[col] if col < len(row.cells) else None
                if cell is None or id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                lines.extend(contents[id(cell._tc)])
            lines.append("")
        return lines
    # a data table: one line per row, its cells apart
    return ["  ".join(" ".join(contents[id(cell._tc)]) for cell in row) for row in grid]


def _unique(cells) -> list:
    """A row's cells with a cell merged across columns counted once."""
    seen: set[int] = set()
    out = []
    for cell in cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            out.append(cell)
    return out
