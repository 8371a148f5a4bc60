"""Hostile and broken inputs give an error record, quickly and in bounded memory, never a traceback.

Each file is made here, small on disk: an image header claiming 30,000 × 30,000 pixels, a PDF of
thousands of pages (read up to ``read.MAX_PAGES``, with a warning) or of more scanned pages than OCR
reads, a Tesseract that fails or hangs (a stand-in program on PATH), PDFium failing on a page.
(The DOCX zip bomb is in ``test_read.py``.)"""

from __future__ import annotations

import io
import struct
import zlib

import pytest

from extractor import extract


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` × ``height`` pixels, with one tiny (bogus) data chunk."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + \
        chunk(b"IEND", b"")


def error_of(tmp_path, name: str, data: bytes) -> str | None:
    path = tmp_path / name
    path.write_bytes(data)
    record = extract(path)
    return record.error.code if record.error else None


@pytest.mark.parametrize("width, height", [(30_000, 30_000), (12_000, 8_000)])
def test_image_claiming_too_many_pixels_is_refused_before_it_is_decoded(tmp_path, width, height):
    """30,000² trips Pillow's decompression-bomb guard; 96 million pixels only our own limit."""
    assert error_of(tmp_path, "bomb.png", png_header(width, height)) == "too_large"


def test_pdf_of_thousands_of_pages_is_read_up_to_the_page_limit_with_a_warning(tmp_path):
    pdfium = pytest.importorskip("pypdfium2")
    from extractor import read

    pdf = pdfium.PdfDocument.new()
    for _ in range(3000):
        pdf.new_page(595, 842)
    out = io.BytesIO()
    pdf.save(out)
    path = tmp_path / "long.pdf"
    path.write_bytes(out.getvalue())
    record = extract(path)
    assert record.source.pages == 3000
    assert [w.code for w in record.warnings][:1] == ["max_pages"]
    assert f"first {read.MAX_PAGES} of 3000" in record.warnings[0].message


def test_pdf_with_more_pages_to_ocr_than_ocr_reads_is_refused_before_rendering(tmp_path):
    from PIL import Image

    from extractor.readers.ocr import MAX_OCR_PAGES

    scans = [Image.new("L", (80, 110), 255) for _ in range(MAX_OCR_PAGES + 1)]  # no text layer
    out = io.BytesIO()
    scans[0].save(out, format="PDF", save_all=True, append_images=scans[1:])
    assert error_of(tmp_path, "scans.pdf", out.getvalue()) == "too_large"


def test_pdfium_failing_on_a_page_gives_an_unreadable_record(tmp_path, monkeypatch):
    pdfium = pytest.importorskip("pypdfium2")
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    out = io.BytesIO()
    pdf.save(out)

    def broken(self, index):
        raise pdfium.PdfiumError("Failed to load page.")

    monkeypatch.setattr(pdfium.PdfDocument, "get_page", broken)
    assert error_of(tmp_path, "broken.pdf", out.getvalue()) == "unreadable"


@pytest.fixture
def fake_tesseract(tmp_path, monkeypatch):
    """Put a stand-in ``tesseract`` first on PATH; the test writes what it does."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    program = bin_dir / "tesseract"
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")

    def install(script: str) -> None:
        program.write_text("#!/bin/sh\n" + script + "\n")
        program.chmod(0o755)
    return install


def page_png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (400, 300), 255).save(out, format="PNG")
    return out.getvalue()


def test_tesseract_exiting_with_an_error_gives_ocr_failed(tmp_path, fake_tesseract):
    fake_tesseract("echo 'Error: Leptonica cannot read the image' >&2; exit 1")
    assert error_of(tmp_path, "page.png", page_png()) == "ocr_failed"


def test_tesseract_running_out_of_time_gives_ocr_failed(tmp_path, fake_tesseract, monkeypatch):
    from extractor.readers import ocr

    fake_tesseract("exec sleep 30")
    monkeypatch.setattr(ocr, "PAGE_SECONDS", 1)
    assert error_of(tmp_path, "page.png", page_png()) == "ocr_failed"


@pytest.mark.parametrize("name, data", [
    ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF"),
    ("broken.docx", b"PK\x03\x04" + b"\x00" * 200),
    ("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
    ("broken.tiff", b"II*\x00" + b"\xff" * 100),
])
def test_broken_files_give_an_unreadable_record(tmp_path, name, data):
    assert error_of(tmp_path, name, data) == "unreadable"
