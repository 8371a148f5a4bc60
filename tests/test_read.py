"""Every format a user holds gives the same record as the typed text: encodings, DOCX, PDF, scans.

Fixtures are made by the tests from the project's own samples (no binary test data committed):
legacy encodings by the converters, DOCX with python-docx, PDF with fpdf2, page images with
Pillow, degraded like a scan (blur, speckle, rotation, a red seal)."""

from __future__ import annotations

import codecs
import json
import shutil
import subprocess
import unicodedata

import pytest
from conftest import SAMPLES, sample_files
from expected import expected_values, summary

from extractor import extract
from extractor.readers.legacy import encode_tcvn3, encode_vni

render = pytest.importorskip("render")

HATINH = SAMPLES / "cv-ubnd-hatinh-cchc.txt"
KEY_FIELDS = ["doc_type", "number", "issuer", "place", "issue_date", "subject", "recipients", "signature",
              "distribution", "archive"]


def expected(path) -> dict:
    return expected_values(path)


def record_of(tmp_path, name: str, data: bytes) -> dict:
    path = tmp_path / name
    path.write_bytes(data)
    return json.loads(extract(path).model_dump_json())


def to_cp1258(text: str) -> bytes:
    """Windows-1258 keeps â ê ô ă ơ ư đ precomposed and writes the tone marks apart."""
    shapes = {"\u0302", "\u0306", "\u031b"}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", parts[0] + "".join(p for p in parts[1:] if p in shapes))
            out += (base + "".join(p for p in parts[1:] if p not in shapes)).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
@pytest.mark.parametrize("encoding", ["tcvn3", "tcvn3-capitals-font", "vni"])
def test_legacy_font_encodings_give_the_same_record(tmp_path, path, encoding):
    """Also TCVN3 as the ABC fonts write capitals (.VnTimeH): accented capitals on lower-case codes."""
    text = path.read_text(encoding="utf-8")
    data = encode_vni(text) if encoding == "vni" else encode_tcvn3(text, capitals_font=encoding != "tcvn3")
    record = record_of(tmp_path, path.name, data)
    assert record["source"]["encoding"] == encoding.split("-")[0]
    got = summary(record)
    for key, value in expected(path).items():
        if key == "warnings":
            continue
        if encoding == "tcvn3-capitals-font":  # "Ủy ban" typed in two fonts reads "ủy ban": its case is lost
            assert json.dumps(got[key], ensure_ascii=False).casefold() == \
                json.dumps(value, ensure_ascii=False).casefold(), key
        else:
            assert got[key] == value, key


@pytest.mark.parametrize("name, encode", [
    ("utf-16", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
    ("utf-8-sig", lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
    ("cp1258", to_cp1258),
    ("nfd", lambda t: unicodedata.normalize("NFD", t).encode("utf-8")),
])
def test_unicode_encodings_and_windows_1258(tmp_path, name, encode):
    record = record_of(tmp_path, "doc.txt", encode(HATINH.read_text(encoding="utf-8")))
    got, want = summary(record), expected(HATINH)
    assert [k for k in KEY_FIELDS if got[k] != want[k]] == []


def test_docx_with_header_and_signature_tables(tmp_path):
    record = record_of(tmp_path, "doc.docx", render.to_docx(HATINH.read_text(encoding="utf-8")))
    assert record["source"]["format"] == "docx"
    got, want = summary(record), expected(HATINH)
    assert [k for k in KEY_FIELDS + ["tasks", "citations"] if got[k] != want[k]] == []


def test_docx_table_is_read_column_by_column(tmp_path):
    import docx

    document = docx.Document()
    cells = document.add_table(rows=2, cols=2).rows
    cells[0].cells[0].text, cells[0].cells[1].text = "BỘ Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    cells[1].cells[0].text, cells[1].cells[1].text = "Số: 12/BYT-KH", "Hà Nội, ngày 02 tháng 01 năm 2024"
    document.add_paragraph("V/v báo cáo")
    path = tmp_path / "t.docx"
    document.save(path)
    from extractor.read import load_path

    assert load_path(path).text.split("\n")[:4] == ["BỘ Y TẾ", "Số: 12/BYT-KH", "",
                                                   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]


def test_pdf_text_layer_keeps_columns_apart(tmp_path):
    if render.font_path() is None:
        pytest.skip("no DejaVu font to write the PDF")
    pytest.importorskip("fpdf")
    record = record_of(tmp_path, "doc.pdf", render.to_pdf(HATINH.read_text(encoding="utf-8")))
    assert record["source"]["ocr"] is False
    got, want = summary(record), expected(HATINH)
    assert [k for k in KEY_FIELDS + ["tasks"] if got[k] != want[k]] == []


def test_signature_box_only_text_layer_is_not_usable():
    from extractor.readers.pdf import usable_text

    assert not usable_text("Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi\nThời gian ký: 24.01.2025 09:15:22 +07:00")
    assert usable_text(HATINH.read_text(encoding="utf-8"))


def tesseract_ready() -> bool:
    if not shutil.which("tesseract"):
        return False
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split()
    return "vie" in langs and render.font_path() is not None


@pytest.mark.skipif(not tesseract_ready(), reason="tesseract with Vietnamese data (tesseract-ocr-vie) not installed")
def test_scanned_page_image_through_ocr(tmp_path):
    [page] = render.to_images(HATINH.read_text(encoding="utf-8"), degrade=True)
    path = tmp_path / "scan.png"
    page.save(path)
    record = json.loads(extract(path).model_dump_json())
    assert record["source"]["ocr"] is True
    got = summary(record)
    assert got["number"] == "1523/UBND-KT"
    assert got["issuer"] == "Ủy ban nhân dân tỉnh Hà Tĩnh"
    assert got["issue_date"] == ["2019-03-05", "day"]
    assert got["place"] == "Hà Tĩnh"
    assert [t[0] for t in got["tasks"]] == ["1", "2", "3", "3.a", "3.b"]


@pytest.mark.skipif(not tesseract_ready(), reason="tesseract with Vietnamese data (tesseract-ocr-vie) not installed")
def test_scanned_pdf_without_text_layer_is_ocred(tmp_path):
    record = record_of(tmp_path, "scan.pdf", render.to_image_pdf(HATINH.read_text(encoding="utf-8")))
    assert record["source"]["ocr"] is True and record["source"]["pages"] == 1
    assert summary(record)["number"] == "1523/UBND-KT"


def test_page_numbers_are_not_read_as_items():
    from extractor.readers.columns import join_pages

    pages = ["1. Sở Tài chính rà soát nguồn vốn;\na) Báo cáo UBND tỉnh", "2\nchung tay thực hiện.\n2. Sở Xây dựng",
             "- 3 -\n3. Công an tỉnh bảo đảm an ninh.\n"]
    assert join_pages(pages) == ("1. Sở Tài chính rà soát nguồn vốn;\na) Báo cáo UBND tỉnh\nchung tay thực hiện.\n"
                                 "2. Sở Xây dựng\n3. Công an tỉnh bảo đảm an ninh.\n")


@pytest.mark.skipif(not tesseract_ready(), reason="tesseract with Vietnamese data (tesseract-ocr-vie) not installed")
def test_lines_left_out_by_layout_analysis_are_read_again():
    from PIL import ImageDraw

    from extractor.readers.columns import Box
    from extractor.readers.ocr import _dropped_lines, _prepare

    text = "4. Sở Tài nguyên và Môi trường chủ trì, phối hợp với các cơ quan, đơn vị liên quan hướng dẫn."
    [page] = render.to_images(text, degrade=False)
    draw = ImageDraw.Draw(page)
    draw.line([(1100, 1500), (1180, 1440), (1220, 1520), (1300, 1450)], fill="black", width=6)  # a signature
    image = _prepare(page)
    # as if Tesseract had given no word for the paragraph: it is found and read; the scribble is not
    lines = _dropped_lines(image, [])
    read = " ".join(b.text for line in lines for b in line)
    assert "Sở Tài nguyên và Môi trường chủ trì" in read
    assert len(lines) == 2
    # once its words are known, nothing is read twice
    assert _dropped_lines(image, [[Box(0, 0, image.width, image.height // 2, "…")]]) == []


def test_a_file_goes_to_the_reader_its_content_names(tmp_path):
    """A PDF saved under a wrong suffix, or handed over as bytes, is read as the PDF it is."""
    if render.font_path() is None:
        pytest.skip("no DejaVu font to write the PDF")
    from extractor.read import load

    data = render.to_pdf(HATINH.read_text(encoding="utf-8"))
    misnamed = tmp_path / "download.txt"
    misnamed.write_bytes(data)
    for source in (misnamed, data):
        document = load(source)
        assert document.source.format == "pdf"
        assert "Số: 1523/UBND-KT" in document.text


def test_ocr_reports_the_fields_it_could_not_read_as_data():
    from extractor.readers.ocr import OcrPage, unreadable_fields

    pages = [OcrPage("…", 90.0, 300, ["number unreadable (best guesses 46 (0.41))", "day 24 (two readers agree)"]),
             OcrPage("…", 88.0, 250, [])]
    assert unreadable_fields(pages) == frozenset({"number"})
    assert unreadable_fields(pages[1:]) == frozenset()


def test_pdf_words_whose_letters_come_from_two_fonts_are_read_whole(tmp_path):
    """LibreOffice draws the letters its body font lacks from a fallback font, after the line;
    read from text runs the words fall apart ("T Ỉ NH", "S ố"). Read from glyph boxes they do not."""
    if render.font_path() is None:
        pytest.skip("no DejaVu font to write the PDF")
    pytest.importorskip("fpdf")
    from extractor.read import load

    data = render.to_pdf_fallback_font(HATINH.read_text(encoding="utf-8"))
    text = load(data).text
    assert "TỈNH HÀ TĨNH" in text and "Số: 1523/UBND-KT" in text and "Chủ tịch UBND tỉnh có ý kiến chỉ đạo" in text
    record = record_of(tmp_path, "doc.pdf", data)
    got, want = summary(record), expected(HATINH)
    assert [k for k in KEY_FIELDS + ["tasks"] if got[k] != want[k]] == []


@pytest.mark.parametrize("shape", render.DOCX_SHAPES)
def test_docx_header_and_signature_in_other_layouts(tmp_path, shape):
    """Three columns, merged cells, a block in one cell with manual line breaks, nested tables,
    text boxes: each gives the record of the typed text."""
    record = record_of(tmp_path, "doc.docx", render.to_docx_shaped(HATINH.read_text(encoding="utf-8"), shape))
    got, want = summary(record), expected(HATINH)
    assert [k for k in KEY_FIELDS + ["tasks"] if got[k] != want[k]] == []


def test_docx_data_table_is_read_row_by_row(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells + table.rows[1].cells,
                          ["STT", "Nội dung", "Thời hạn", "1", "Rà soát thủ tục hành chính", "Tháng 4/2025"],
                          strict=True):
        cell.text = text
    path = tmp_path / "t.docx"
    document.save(path)
    from extractor.read import load_path

    assert load_path(path).text.split("\n") == ["STT  Nội dung  Thời hạn",
                                                "1  Rà soát thủ tục hành chính  Tháng 4/2025"]


def test_docx_that_expands_to_much_more_than_its_size_is_refused(tmp_path):
    """A zip bomb: 60 MB of zeros packed into a DOCX of some 60 kB is refused before it is unpacked."""
    import zipfile

    path = tmp_path / "bomb.docx"
    path.write_bytes(render.to_docx(HATINH.read_text(encoding="utf-8")))
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive, \
            archive.open("word/media/image1.bin", "w") as member:
        for _ in range(60):
            member.write(bytes(1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    record = extract(path)
    assert record.error is not None and record.error.code == "too_large"


def test_signed_pdf_number_and_day_are_read_from_the_form_fields(tmp_path):
    """e-office systems fill the number and the day in at signing, as the appearance of signature
    fields over the blanks: they go into the line they sit on, and the record says where they came from."""
    if render.font_path() is None:
        pytest.skip("no DejaVu font to write the PDF")
    pytest.importorskip("fpdf")
    data = render.to_pdf_signed_fields(HATINH.read_text(encoding="utf-8"))
    from extractor.read import load

    text = load(data).text
    assert "Số: 1523 /UBND-KT" in text and "Hà Tĩnh, ngày 05 tháng 3 năm 2019" in text
    record = record_of(tmp_path, "signed.pdf", data)
    got, want = summary(record), expected(HATINH)
    assert [k for k in KEY_FIELDS + ["tasks"] if got[k] != want[k]] == []
    [note] = [w["message"] for w in record["warnings"] if w["code"] == "form_field"]
    assert "'1523'" in note and "'05'" in note


def test_pdf_nơi_nhận_running_on_to_the_next_page_stays_in_its_column():
    """The Nơi nhận list beside the signature goes on at the top of the next page (after its page
    number): it is read whole, before the signature."""
    if render.font_path() is None:
        pytest.skip("no DejaVu font to write the PDF")
    fpdf = pytest.importorskip("fpdf")
    from extractor.read import load

    pdf = fpdf.FPDF(format="A4")
    pdf.add_font("serif", "", str(render.font_path()))
    pdf.set_font("serif", size=11)
    pdf.add_page()
    pdf.text(15, 30, "Yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.")
    left = ["Nơi nhận:", "- Như trên;", "- Thường trực Tỉnh ủy;", "- Chủ tịch, các PCT UBND tỉnh;"]
    right = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nguyễn Văn An"]
    for row, (a, b) in enumerate(zip(left, right, strict=True)):
        pdf.text(15, 250 + 6 * row, a)
        pdf.text(120, 250 + 6 * row, b)
    pdf.add_page()
    pdf.text(104, 12, "2")
    for row, line in enumerate(["- Sở Tài chính;", "- Lưu: VT, KT."]):
        pdf.text(15, 25 + 6 * row, line)
    text = load(bytes(pdf.output())).text
    assert text.split("\n")[1:8] == ["Nơi nhận:", "- Như trên;", "- Thường trực Tỉnh ủy;",
                                     "- Chủ tịch, các PCT UBND tỉnh;", "- Sở Tài chính;", "- Lưu: VT, KT.", ""]
    assert "\n2\n" not in text


def boxes_line(y: float, *words: tuple[float, str]) -> list:
    """One line of word boxes at height ``y`` (points, 11 pt text), each word at its x."""
    from extractor.readers.columns import Box

    return [Box(x, y, x + 6 * len(text), y + 11, text) for x, text in words]


def test_columns_spaced_like_libreoffice_keep_their_lists_and_leave_a_centred_title_out():
    """Lines 9 to 13 pt apart, as wide as a blank line: the Nơi nhận list running on below the
    signature stays in its column; the centred title close under the header is not the right column's."""
    from extractor.readers.columns import lines_in_order

    header = [boxes_line(100, (90, "SỞ"), (108, "Y"), (116, "TẾ"),
                         (300, "CỘNG"), (330, "HÒA"), (352, "XÃ"), (368, "HỘI")),
              boxes_line(124, (90, "Số:"), (112, "12/SYT"), (300, "Hà"), (318, "Nội,"), (345, "ngày"), (372, "05")),
              boxes_line(144, (310, "KẾ"), (326, "HOẠCH"))]
    assert lines_in_order(header, 595).split("\n") == ["SỞ Y TẾ", "Số: 12/SYT", "", "CỘNG HÒA XÃ HỘI",
                                                       "Hà Nội, ngày 05", "", "KẾ HOẠCH"]
    tail = [boxes_line(400, (90, "Nơi"), (110, "nhận:"), (330, "KT."), (350, "GIÁM"), (380, "ĐỐC")),
            boxes_line(424, (90, "-"), (98, "Như"), (120, "trên;"), (330, "Lê"), (346, "Văn"), (368, "An")),
            boxes_line(448, (90, "-"), (98, "UBND"), (128, "các"), (150, "xã,")),
            boxes_line(472, (104, "phường;")),
            boxes_line(496, (90, "-"), (98, "Lưu:"), (124, "VT."))]
    assert lines_in_order(tail, 595).split("\n") == ["Nơi nhận:", "- Như trên;", "- UBND các xã,", "phường;",
                                                     "- Lưu: VT.", "", "KT. GIÁM ĐỐC", "Lê Văn An", ""]


@pytest.mark.skipif(not tesseract_ready(), reason="tesseract with Vietnamese data (tesseract-ocr-vie) not installed")
@pytest.mark.parametrize("mark, angle", [("HỎA TỐC", 10), ("THƯỢNG KHẨN", -14)])
def test_red_urgency_stamp_on_a_scan_is_read(tmp_path, mark, angle):
    """The red seals are masked before OCR; a red, turned urgency stamp in the header is read apart."""
    [page] = render.to_images(HATINH.read_text(encoding="utf-8"), degrade=True)
    path = tmp_path / "scan.png"
    render.red_stamp(page, mark, angle, (700, 0)).save(path)
    record = json.loads(extract(path).model_dump_json())
    assert record["urgency"] == mark
    assert summary(record)["number"] == "1523/UBND-KT"
