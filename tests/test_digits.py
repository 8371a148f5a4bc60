"""The handwritten-digit reader: its shipped model loads and reads pen digits, a slot is cut into
digits, and a header line with a hand-filled number and day comes out of OCR with them read and
reported. Digits are drawn here with pen strokes (no image data committed)."""

from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pytest

from extractor.readers import digits

# pen paths of a few digits, written the way they are filled in by hand, in a 60x90 box
STROKES = {
    "0": [[(30, 5), (10, 20), (5, 50), (15, 80), (35, 85), (52, 65), (55, 30), (45, 8), (30, 5)]],
    "2": [[(8, 25), (20, 6), (42, 5), (52, 22), (45, 45), (8, 84), (55, 82)]],
    "4": [[(40, 5), (5, 60), (55, 60)], [(40, 5), (40, 88)]],
    "7": [[(5, 8), (55, 8), (25, 88)]],
}


def pen(draw, digit: str, x: int, y: int, scale: float = 1.0, width: int = 7) -> None:
    for path in STROKES[digit]:
        draw.line([(x + px * scale, y + py * scale) for px, py in path], fill=0, width=width, joint="curve")


def slot_image(text: str, width: int = 260, gap: int = 70):
    from PIL import Image, ImageDraw

    image = Image.new("L", (width, 140), 255)
    draw = ImageDraw.Draw(image)
    for i, d in enumerate(text):
        pen(draw, d, 40 + i * gap, 20)
    return image


def test_shipped_model_reads_pen_digits():
    from PIL import ImageDraw

    for d in STROKES:
        image = slot_image("")
        pen(ImageDraw.Draw(image), d, 40, 20)
        [(read, confidence)] = digits.classify([np.asarray(image) < 128])
        assert (str(read), confidence >= digits.threshold()) == (d, True)


def test_slot_is_cut_into_digits_and_printed_neighbours_left_out():
    image = slot_image("47")
    grey = np.asarray(image).copy()
    grey[30:110, 230:236] = 0  # the printed "/" of "/TB-UBND" just past the slot
    reading = digits.read_slot(grey, 60, inner=(20, 220))
    assert reading is not None and reading.digits == "47" and reading.glyphs == 2
    touching = digits.read_slot(np.asarray(slot_image("20", gap=52)), 60)  # written in one stroke
    assert touching is not None and touching.digits == "20"
    assert digits.read_slot(np.full((140, 260), 255, dtype=np.uint8), 60) is None  # left blank


def tesseract_ready() -> bool:
    if not shutil.which("tesseract"):
        return False
    return "vie" in subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split()


@pytest.mark.skipif(not tesseract_ready(), reason="tesseract with Vietnamese data (tesseract-ocr-vie) not installed")
def test_hand_filled_number_and_day_are_read_and_reported():
    from PIL import Image, ImageDraw, ImageFont

    render = pytest.importorskip("render")
    if render.font_path() is None:
        pytest.skip("no DejaVu font")
    font = ImageFont.truetype(str(render.font_path()), 42)
    page = Image.new("RGB", (2480, 3508), "white")  # an A4 page at 300 dpi, header on top
    draw = ImageDraw.Draw(page)
    draw.text((250, 150), "ỦY BAN NHÂN DÂN", font=font, fill="black")
    draw.text((1250, 150), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=font, fill="black")
    draw.text((250, 300), "Số:", font=font, fill="black")
    draw.text((520, 300), "/TB-UBND", font=font, fill="black")
    draw.text((1250, 300), "Hà Tĩnh, ngày", font=font, fill="black")
    draw.text((1700, 300), "tháng 3 năm 2025", font=font, fill="black")
    grey = ImageDraw.Draw(page)
    for i, d in enumerate("47"):
        pen(grey, d, 345 + i * 75, 285, scale=0.8, width=6)
    for i, d in enumerate("20"):
        pen(grey, d, 1575 + i * 55, 285, scale=0.7, width=6)
    from extractor.readers.ocr import ocr_image

    result = ocr_image(page)
    assert "Số: 47/TB-UBND" in result.text
    assert "ngày 20 tháng 3 năm 2025" in result.text
    assert len(result.handwriting) == 2 and result.handwriting[0].startswith("number 47")
