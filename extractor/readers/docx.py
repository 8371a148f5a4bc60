"""DOCX: paragraphs and tables in document order; a table is read cell by cell, column by column.

The header of a directive is usually a borderless two-column table (issuer, số, trích yếu on the
left; quốc hiệu, tiêu ngữ, place and date on the right) and the end another one (Nơi nhận left,
signature right). Reading each column whole keeps those blocks apart for the segmenter.
"""

from __future__ import annotations

import io
import zipfile

from ..record import Source
from .base import READERS, Document, ReadError


@READERS.register("docx", (".docx",), magic=(b"PK\x03\x04",))
def read_docx(data: bytes, src: Source) -> Document:
    try:
        import docx  # python-docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise ReadError("unreadable", f"not a readable DOCX file: {e}", src) from e
    except Exception as e:  # noqa: BLE001 - python-docx raises many kinds on broken files
        raise ReadError("unreadable", f"not a readable DOCX file: {type(e).__name__}: {e}", src) from e
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            lines.extend(_table_lines(Table(child, document)))
    src.encoding = "utf-8"
    return Document("\n".join(lines), src)


def _table_lines(table) -> list[str]:
    rows = table.rows
    if not rows:
        return []
    n_cols = max(len(r.cells) for r in rows)
    lines: list[str] = []
    if n_cols == 2:
        for col in range(2):
            seen = set()
            for row in rows:
                cell = row.cells[col] if col < len(row.cells) else None
                if cell is None or id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                lines.extend(p.text for p in cell.paragraphs)
            lines.append("")
        return lines
    for row in rows:  # a data table: one line per row, cells separated
        lines.append("  ".join(c.text.replace("\n", " ") for c in row.cells))
    return lines
