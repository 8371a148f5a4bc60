"""The extracted values as labelled spans of the source text (what show marks and spaCy's entities are)."""

from __future__ import annotations

from extractor.labels import agency_values, fold, values
from extractor.pipeline import extract_text
from extractor.record import Record, Task

TEXT = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 88/UBND-NC\nQuảng Trị, ngày 4 tháng 3 năm 2025\n"
        "V/v rà soát hồ sơ\nKính gửi: Sở Nội vụ.\n"
        "1. Uỷ ban nhân dân\nhuyện Cam Lộ chủ trì, phối hợp với Sở Tài chính rà soát hồ sơ, "
        "báo cáo trước ngày 20/3/2025.\n"
        "a) Lập danh sách;\nb) Gửi Sở Nội vụ.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Hòa\n")


def test_fold_keeps_offsets_and_compares_letters_without_marks():
    assert fold("Uỷ ban\nỦy") == "uy ban uy"
    assert len(fold("cu\u0309a")) == len("cu\u0309a")  # NFD marks stay, one character for one


def test_agencies_are_found_in_their_task_across_old_tone_marks_and_line_breaks():
    record = extract_text(TEXT)
    assert record.tasks[0].lead == ["Ủy ban nhân dân huyện Cam Lộ"]
    found = {(v.label, TEXT[v.start:v.end]) for v in values(record, TEXT)}
    assert ("LEAD", "Uỷ ban nhân dân\nhuyện Cam Lộ") in found
    assert ("PARTNER", "Sở Tài chính") in found
    assert ("DEADLINE", "trước ngày 20/3/2025") in found
    assert ("NUMBER", "88/UBND-NC") in found
    # the sub-items inherit the lead: it is one value, at the parent's words, not at "Sở Nội vụ"
    assert [(v.label, v.start) for v in values(record, TEXT) if v.label == "LEAD"] == [
        ("LEAD", TEXT.index("Uỷ ban"))]


def test_an_agency_written_under_a_shared_head_is_placed_at_its_own_part():
    text = "1. Các Sở: Tài chính, Xây dựng rà soát danh mục."
    record = Record(tasks=[Task(id="1", text=text, lead=["Sở Tài chính", "Sở Xây dựng"], span=(0, len(text)))])
    assert [(text[v.start:v.end], v.value) for v in agency_values(record, text)] == [
        ("Tài chính", "Sở Tài chính"), ("Xây dựng", "Sở Xây dựng")]


def test_an_agency_the_text_never_writes_has_no_place():
    text = "1. Rà soát danh mục thủ tục hành chính."
    record = Record(tasks=[Task(id="1", text=text, lead=["Sở Tư pháp"], span=(0, len(text)))])
    assert agency_values(record, text) == []
