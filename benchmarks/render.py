"""Render a directive's text as a real-looking DOCX, PDF or page images, for tests and benchmarks.

The layout follows Nghị định 30/2020/NĐ-CP: the header in two columns (issuer, number and
trích yếu left; quốc hiệu, tiêu ngữ, place and date right), the body across the page, and
Nơi nhận and the signature side by side. Where each block is comes from the extractor's own
segmenter, so a wrongly segmented document is also rendered wrongly (a limit of this measure).
Images can be degraded like a scan or a phone photo: blur, speckle, a small rotation and a red
seal over the signature.
"""

from __future__ import annotations

import io
import random
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import regex  # noqa: E402

from extractor.normalize import normalize  # noqa: E402
from extractor.segment import segment  # noqa: E402

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]
NATIONAL = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def font_path(bold: bool = False) -> Path | None:
    name = "DejaVuSerif-Bold.ttf" if bold else "DejaVuSerif.ttf"
    for d in FONT_DIRS:
        if (d / name).exists():
            return d / name
    return None


@dataclass
class Layout:
    left: list[str]
    right: list[str]
    middle: list[str]
    bottom_left: list[str]
    bottom_right: list[str]
    rest: list[str]
    centred: frozenset[str] = frozenset()  # middle lines printed centred: the title and the subject under it


def _lines(text: str) -> list[str]:
    return [ln for ln in (x.strip() for x in text.split("\n")) if ln]


def layout_of(raw: str) -> Layout:
    """Split a document into the blocks a printed directive puts side by side."""
    text = normalize(raw).text
    lay = segment(text)
    get = lay.get
    left: list[str] = []
    if get("issuer"):
        left += _lines(get("issuer").text)
    ends = [0]
    if get("number"):
        left.append(text[get("number").start:get("number").end].strip())
        ends.append(get("number").end)
    subject = get("subject")
    if subject is not None and subject.after_prefix:
        left.append("V/v " + " ".join(_lines(subject.text)))
        ends.append(subject.end)
    right = list(NATIONAL)
    if get("date"):
        right.append(" ".join(_lines(get("date").text)))
        ends.append(get("date").end)
    for key in ("title", "recipients"):
        if get(key) is not None and get(key).start < max(ends):
            ends.append(get(key).end)
    start = max(ends)
    tail_blocks = [b for b in (get("distribution"), get("signature")) if b is not None]
    body_end = min([b.start for b in tail_blocks] + [len(text)])
    if get("distribution"):
        body_end = min(body_end, text.rfind("\n", 0, get("distribution").start))
    middle = _lines(text[start:body_end])
    subject_in_header = any(line.startswith("V/v ") for line in left)
    title_blocks = [b for b in (get("title"), None if subject_in_header else subject) if b is not None]
    centred = frozenset(line for b in title_blocks for line in _lines(b.text))
    bottom_left = (["Nơi nhận:"] + _lines(get("distribution").text)) if get("distribution") else []
    bottom_right = _lines(get("signature").text) if get("signature") else []
    after = max([b.end for b in tail_blocks] + [body_end])
    rest = _lines(text[after:]) if tail_blocks else []
    return Layout(left, right, middle, bottom_left, bottom_right, rest, centred)


COLUMN_WIDTHS = (6.2, 9.0)  # cm: the header's and the signature's columns, as Nghị định 30 lays them out


def to_docx(raw: str, font: str | None = None) -> bytes:
    """A DOCX with the header and the signature in borderless two-column tables, formatted as
    Nghị định 30 asks: header blocks and signature centred in their cells, the title centred, the
    Nơi nhận list in a smaller size. ``font`` sets the body font (what LibreOffice then looks for
    when it converts the file)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    lay = layout_of(raw)
    document = docx.Document()
    if font:
        document.styles["Normal"].font.name = font

    def two_columns(left: list[str], right: list[str], centre_left: bool) -> None:
        table = document.add_table(rows=1, cols=2)
        table.autofit = False
        for column, width in zip(table.columns, COLUMN_WIDTHS, strict=True):
            column.width = Cm(width)
        for cell, lines, width in zip(table.rows[0].cells, (left, right), COLUMN_WIDTHS, strict=True):
            cell.width = Cm(width)
            cell.paragraphs[0].text = lines[0] if lines else ""
            for line in lines[1:]:
                cell.add_paragraph(line)
            for paragraph in cell.paragraphs:
                if centre_left or cell is not table.rows[0].cells[0]:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                else:  # the Nơi nhận list
                    for run in paragraph.runs:
                        run.font.size = Pt(9)

    two_columns(lay.left, lay.right, centre_left=True)
    for line in lay.middle:
        paragraph = document.add_paragraph(line)
        if line in lay.centred:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if lay.bottom_left or lay.bottom_right:
        two_columns(lay.bottom_left, lay.bottom_right, centre_left=False)
    for line in lay.rest:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# header and signature layouts other tools write (see ``to_docx_shaped``)
DOCX_SHAPES = ("three_columns", "merged_cells", "one_cell", "nested_tables", "line_breaks", "text_boxes")


def to_docx_shaped(raw: str, shape: str) -> bytes:
    """A DOCX whose header and signature are laid out as other tools and clerks do it:

    - ``three_columns``: a table of three columns, the middle one an empty spacer;
    - ``merged_cells``: one row per line pair, the trích yếu in a cell merged across both columns,
      the signature in a cell merged down beside the Nơi nhận lines;
    - ``one_cell``: each block one paragraph whose lines are manual line breaks (issuer, number
      and trích yếu in one cell);
    - ``nested_tables``: the two-column tables inside a one-cell frame table;
    - ``line_breaks``: recipient and distribution lists as one paragraph with manual line breaks;
    - ``text_boxes``: header and signature blocks in floating text boxes, as Word writes them
      (a DrawingML box and its VML copy for older readers)."""
    import docx

    lay = layout_of(raw)
    document = docx.Document()

    def fill(cell, lines: list[str], breaks: bool = False) -> None:
        paragraph = cell.paragraphs[0]
        if breaks:
            for i, line in enumerate(lines):
                run = paragraph.add_run(line)
                if i < len(lines) - 1:
                    run.add_break()
            return
        paragraph.text = lines[0] if lines else ""
        for line in lines[1:]:
            cell.add_paragraph(line)

    def columns(container, left: list[str], right: list[str]) -> None:
        if shape == "three_columns":
            cells = container.add_table(rows=1, cols=3).rows[0].cells
            fill(cells[0], left)
            fill(cells[2], right)
        elif shape == "merged_cells" and left is lay.left:
            subject = [ln for ln in left if ln.startswith("V/v")]
            upper = [ln for ln in left if ln not in subject]
            rows = max(len(upper), len(right))
            table = container.add_table(rows=rows + (1 if subject else 0), cols=2)
            for i in range(rows):
                table.cell(i, 0).text = upper[i] if i < len(upper) else ""
                table.cell(i, 1).text = right[i] if i < len(right) else ""
            if subject:
                table.cell(rows, 0).merge(table.cell(rows, 1)).text = subject[0]
        elif shape == "merged_cells":
            table = container.add_table(rows=max(len(left), 1), cols=2)
            for i, line in enumerate(left):
                table.cell(i, 0).text = line
            fill(table.cell(0, 1).merge(table.cell(len(table.rows) - 1, 1)), right)
        elif shape == "nested_tables":
            frame = container.add_table(rows=1, cols=1).rows[0].cells[0]
            cells = frame.add_table(rows=1, cols=2).rows[0].cells
            fill(cells[0], left)
            fill(cells[1], right)
        else:
            cells = container.add_table(rows=1, cols=2).rows[0].cells
            breaks = shape == "one_cell" or (shape == "line_breaks" and left is not lay.left)
            fill(cells[0], left, breaks)
            fill(cells[1], right, breaks)

    def paragraphs(lines: list[str]) -> None:
        if shape != "line_breaks":
            for line in lines:
                document.add_paragraph(line)
            return
        paragraph = None
        for line in lines:  # a list item ("- Sở Y tế;") goes on a new line of the paragraph before it
            if paragraph is not None and line[:1] in "-+":
                paragraph.runs[-1].add_break()
                paragraph.add_run(line)
            else:
                paragraph = document.add_paragraph(line)

    def blocks(left: list[str], right: list[str]) -> None:
        if shape == "text_boxes":
            paragraph = document.add_paragraph()
            _text_box(paragraph, left, x_cm=0.0, box_id=len(document.element.body))
            _text_box(paragraph, right, x_cm=8.5, box_id=len(document.element.body) + 100)
        else:
            columns(document, left, right)

    blocks(lay.left, lay.right)
    paragraphs(lay.middle)
    if lay.bottom_left or lay.bottom_right:
        blocks(lay.bottom_left, lay.bottom_right)
    paragraphs(lay.rest)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _text_box(paragraph, lines: list[str], x_cm: float, box_id: int) -> None:
    """A floating text box holding ``lines``, anchored in ``paragraph``, as Word writes one."""
    from xml.sax.saxutils import escape

    from docx.oxml import parse_xml

    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:v="urn:schemas-microsoft-com:vml"')
    content = "<w:txbxContent>" + "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(line)}</w:t></w:r></w:p>"
                                          for line in lines) + "</w:txbxContent>"
    emu = 360000
    height = max(len(lines), 1) * 250000
    xml = (f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
           f'<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{box_id}" '
           f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
           f'<wp:positionH relativeFrom="column"><wp:posOffset>{int(x_cm * emu)}</wp:posOffset></wp:positionH>'
           f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
           f'<wp:extent cx="{8 * emu}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
           f'<wp:docPr id="{box_id}" name="Text Box {box_id}"/><wp:cNvGraphicFramePr/>'
           f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
           f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
           f'<a:ext cx="{8 * emu}" cy="{height}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
           f'<wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
           f'</w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect style="position:absolute;width:226pt">'
           f'<v:textbox>{content}</v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    paragraph._p.append(parse_xml(xml))


def to_pdf(raw: str) -> bytes:
    """A PDF with a text layer (fpdf2), columns placed side by side as on paper."""
    from fpdf import FPDF

    lay = layout_of(raw)
    pdf = FPDF(format="A4")
    pdf.add_font("serif", "", str(font_path()))
    pdf.set_font("serif", size=11)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()

    def columns(left: list[str], right: list[str]) -> None:
        top = pdf.get_y()
        pdf.set_xy(15, top)
        pdf.multi_cell(80, 5.5, "\n".join(left) or " ")
        y_left = pdf.get_y()
        pdf.set_xy(105, top)
        pdf.multi_cell(90, 5.5, "\n".join(right) or " ")
        pdf.set_y(max(y_left, pdf.get_y()) + 4)

    columns(lay.left, lay.right)
    pdf.set_x(15)
    pdf.multi_cell(180, 5.5, "\n".join(lay.middle) or " ")
    pdf.ln(4)
    if lay.bottom_left or lay.bottom_right:
        if pdf.get_y() > 220:
            pdf.add_page()
        columns(lay.bottom_left, lay.bottom_right)
    if lay.rest:
        pdf.set_x(15)
        pdf.multi_cell(180, 5.5, "\n".join(lay.rest))
    return bytes(pdf.output())


# letters with stacked marks that a body font may lack (Liberation Serif's older releases): LibreOffice
# then draws each from a fallback font, in a text run of its own after the rest of the line
STACKED_MARKS = "ỈỉẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẾếỀềỂểỄễỆệỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỨứỪừỬửỮữỰựỦủỎỏẢảỊịỌọẠạỤụ"


def to_pdf_fallback_font(raw: str, fallback: str = STACKED_MARKS) -> bytes:
    """A PDF written the way LibreOffice writes one when the body font lacks some glyphs: each line
    is drawn in the body font with room left for the missing letters, which are then drawn from a
    second font after the line. A reader that trusts text runs reads "T Ỉ NH", "S ố"."""
    return _placed_pdf(raw, fallback, signed_fields=False)


# the blanks an e-office system fills in at signing: the number before its symbol, the day
SIGNING_BLANKS = regex.compile(r"(?<=^Số:\s*)\d+(?=\s*/)|(?<=ngày\s+)\d{1,2}(?=\s+tháng)")


def to_pdf_signed_fields(raw: str) -> bytes:
    """A PDF as e-office systems publish a signed directive: the page text has blanks where the
    number and the day go ("Số:    /UBND-KT", "ngày    tháng"), and each value is the appearance of a
    signature field (a widget annotation) laid over its blank."""
    return _placed_pdf(raw, "", signed_fields=True)


def _placed_pdf(raw: str, fallback: str, signed_fields: bool) -> bytes:
    """A PDF whose every line is placed by hand (see ``to_pdf_fallback_font``, ``to_pdf_signed_fields``)."""
    from fpdf import FPDF
    from fpdf.annotations import PDFAnnotation

    lay = layout_of(raw)
    pdf = FPDF(format="A4")
    pdf.add_font("serif", "", str(font_path()))
    pdf.add_font("fallback", "", str(font_path().with_name("DejaVuSans.ttf")))
    pdf.set_font("serif", size=11)
    pdf.add_page()
    leading = 5.5
    y = 20.0

    def width_of(text: str, family: str) -> float:
        pdf.set_font(family, size=11)
        width = pdf.get_string_width(text)
        pdf.set_font("serif", size=11)
        return width

    def shown(parts: list[str | float], family: str) -> str:
        """A TJ array: text in the font's subset codes, numbers as moves right (in user units, mm)."""
        pdf.set_font(family, size=11)
        font = pdf.current_font
        items = [f"{-part * pdf.k * 1000 / 11:.0f}" if isinstance(part, float) else font.encode_text(part)[:-3]
                 for part in parts]
        select = pdf._set_font_for_page(font, 11, wrap_in_text_object=False)
        pdf.set_font("serif", size=11)
        return f"{select} [{' '.join(items)}] TJ"

    def draw_line(x: float, y: float, line: str) -> None:
        if signed_fields:
            line = blank_and_sign(x, y, line)
        # as LibreOffice does: one text object for the line in the body font, the missing letters
        # skipped over by a move, then one text object with those letters in the fallback font.
        # fpdf2 has no public call for a TJ array, so the content is written with its own encoder.
        body: list[str | float] = []
        missing: list[str | float] = []
        cx, first, last_end = x, None, None
        for ch in line:
            if ch in fallback:
                width = width_of(ch, "fallback")
                body.append(width)
                if last_end is not None:
                    missing.append(cx - last_end)
                first = cx if first is None else first
                missing.append(ch)
                last_end = cx + width
            else:
                width = width_of(ch, "serif")
                body.append(ch)
            cx += width
        k, top = pdf.k, (pdf.h - y) * pdf.k
        out = [f"BT {x * k:.2f} {top:.2f} Td {shown(body, 'serif')}"]
        if missing:
            out.append(f"1 0 0 1 {first * k:.2f} {top:.2f} Tm {shown(missing, 'fallback')}")
        pdf._out(" ".join(out) + " ET")

    def blank_and_sign(x: float, y: float, line: str) -> str:
        """The line with its number or day left blank, and a widget showing that value over the blank."""
        for m in SIGNING_BLANKS.finditer(line):
            at = x + pdf.get_string_width(line[:m.start()])
            width = pdf.get_string_width(m.group())
            font = pdf.current_font
            stream = f"BT /F{font.i} 11 Tf 2 4 Td {font.encode_text(m.group())} ET".encode("latin-1")
            pdf.pages[pdf.page].add_annotation(PDFAnnotation(
                "Widget", field_type="Sig", x=(at - 1) * pdf.k, y=pdf.h_pt - (y - 5) * pdf.k,
                width=(width + 2) * pdf.k + 4, height=8 * pdf.k, title=f"Signature{len(line)}{m.start()}",
                appearance_stream=stream))
            line = line[:m.start()] + " " * (len(m.group()) * 2) + line[m.end():]
        return line

    def block(x: float, top: float, width: float, lines: list[str]) -> float:
        nonlocal y
        y = top
        for paragraph in lines:
            for line in pdf.multi_cell(width, leading, paragraph, dry_run=True, output="LINES"):
                if y > 280:
                    pdf.add_page()
                    y = 20.0
                draw_line(x, y, line)
                y += leading
        return y

    def columns(left: list[str], right: list[str]) -> None:
        nonlocal y
        top = y
        bottom = block(15, top, 80, left)
        y = max(bottom, block(105, top, 90, right)) + 4

    columns(lay.left, lay.right)
    y = block(15, y, 180, lay.middle) + 4
    if lay.bottom_left or lay.bottom_right:
        if y > 220:
            pdf.add_page()
            y = 20.0
        columns(lay.bottom_left, lay.bottom_right)
    block(15, y, 180, lay.rest)
    return bytes(pdf.output())


def to_images(raw: str, degrade: bool = True, seed: int = 7, dpi: int = 200):
    """Pages as PIL images (A4 at ``dpi``), optionally degraded like a scan."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rng = random.Random(seed)
    lay = layout_of(raw)
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    size = int(dpi * 13 / 72)  # 13 pt
    font = ImageFont.truetype(str(font_path()), size)
    line_h = int(size * 1.45)
    margin = int(dpi * 0.8)
    pages = []
    page = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(page)
    y = margin

    def new_page():
        nonlocal page, draw, y
        pages.append(page)
        page = Image.new("RGB", (width, height), "white")
        draw = ImageDraw.Draw(page)
        y = margin

    def wrap(line: str, max_w: int) -> list[str]:
        words, out, cur = line.split(), [], ""
        for w in words:
            trial = f"{cur} {w}".strip()
            if draw.textlength(trial, font=font) <= max_w or not cur:
                cur = trial
            else:
                out.append(cur)
                cur = w
        return out + ([cur] if cur else [])

    def column_pair(left: list[str], right: list[str]) -> None:
        nonlocal y
        col_w = (width - 2 * margin) // 2 - int(dpi * 0.4)
        lw = [w for ln in left for w in wrap(ln, col_w)]
        rw = [w for ln in right for w in wrap(ln, col_w)]
        if y + line_h * max(len(lw), len(rw)) > height - margin:
            new_page()
        for i, ln in enumerate(lw):
            draw.text((margin, y + i * line_h), ln, fill="black", font=font)
        for i, ln in enumerate(rw):
            draw.text((width // 2 + int(dpi * 0.1), y + i * line_h), ln, fill="black", font=font)
        y += line_h * (max(len(lw), len(rw)) + 1)

    column_pair(lay.left, lay.right)
    for line in lay.middle + [""] + lay.rest:
        for piece in wrap(line, width - 2 * margin) or [""]:
            if y + line_h > height - margin:
                new_page()
            draw.text((margin, y), piece, fill="black", font=font)
            y += line_h
    seal_at = None
    if lay.bottom_left or lay.bottom_right:
        y0 = y
        column_pair(lay.bottom_left, lay.bottom_right)
        seal_at = (width * 3 // 4 - int(dpi * 0.5), min(y0 + line_h * 2, height - margin))
    pages.append(page)
    if not degrade:
        return pages
    out = []
    for i, p in enumerate(pages):
        if seal_at and i == len(pages) - 1:  # a red seal over the signature, as on signed copies
            d = ImageDraw.Draw(p)
            r = int(dpi * 0.6)
            cx, cy = seal_at
            d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(220, 30, 30), width=int(dpi * 0.03))
        p = p.filter(ImageFilter.GaussianBlur(0.6))
        px = p.load()
        for _ in range(width * height // 2500):  # speckle
            px[rng.randrange(width), rng.randrange(height)] = (0, 0, 0)
        p = p.rotate(rng.uniform(-0.8, 0.8), expand=False, fillcolor="white")
        out.append(p)
    return out


def red_stamp(page, text: str, angle: float, at: tuple[int, int]):
    """``page`` with a red, turned, framed stamp (an urgency mark: "HỎA TỐC", "KHẨN") pasted at ``at``."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(font_path(bold=True)), 64)
    width = int(font.getlength(text)) + 40
    layer = Image.new("RGBA", (width, 110), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    draw.rectangle((2, 2, width - 3, 107), outline=(210, 30, 40, 255), width=6)
    draw.text((20, 18), text, font=font, fill=(210, 30, 40, 255))
    layer = layer.rotate(angle, expand=True)
    page.paste(layer, at, layer)
    return page


def to_image_pdf(raw: str, degrade: bool = True) -> bytes:
    """A scanned PDF: page images, no text layer."""
    images = to_images(raw, degrade)
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=200)
    return out.getvalue()
