"""Inputs the fuzzer (``../shared/tools/fuzz.py``) broke once: each must give a record, never raise."""

from __future__ import annotations

from types import SimpleNamespace

from extractor import extract


class Calls:
    """A function that counts its calls: these tests check the work done on long inputs, not the time."""

    def __init__(self, function):
        self.function, self.count = function, 0

    def __call__(self, *args):
        self.count += 1
        return self.function(*args)


HEADER = (
    "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n--------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n---------------\n\nSố: 512/TB-UBND\n\nHà Nội, ngày 21 tháng 11 năm 2025\n\n"
)


def test_document_cut_inside_its_title_line():
    """Cut after the first letters of the title: the body would start past the end of the text."""
    record = extract(HEADER + "THÔNG BÁO\nKẾ")
    assert record.error is None
    assert record.number.raw == "512/TB-UBND"
    assert record.tasks == []



def test_document_cut_inside_a_character():
    data = (HEADER + "THÔNG BÁO\nKết luận của Chủ tịch UBND Thành phố\n1. Giao Sở Nội vụ chủ trì").encode()
    record = extract(data[:-1])  # the last byte of "ì" cut off: still UTF-8, not a legacy encoding
    assert record.source.encoding == "utf-8"
    assert [w.code for w in record.warnings] == ["encoding_errors"]
    assert record.number.raw == "512/TB-UBND"
    assert [t.id for t in record.tasks] == ["1"]


def test_a_line_repeated_thousands_of_times_inside_an_item_is_read_once(monkeypatch):
    """``Chính phủ;`` repeated 3,000 times in an item is one run of bodies: each sentence start inside
    it once began a new walk to its end (quadratic: seconds on a 46 KB input)."""
    from extractor.fields import tasks

    walks = Calls(tasks._run)
    monkeypatch.setattr(tasks, "_run", walks)
    body = ("NGHỊ QUYẾT\nVề dự án Pháp lệnh\n1. Giao Bộ Công an chủ trì soạn thảo. Báo cáo Chính phủ;\n"
            + "Chính phủ;\n" * 3000 + "2. Bộ Tư pháp chủ trì thẩm định dự án Pháp lệnh.\n")
    record = extract(HEADER + body)
    assert [(t.id, t.lead) for t in record.tasks] == [("1", ["Bộ Công an"]), ("2", ["Bộ Tư pháp"])]
    assert walks.count < 100


def test_archive_items_split_at_top_level_commas_in_one_pass():
    """The Lưu line's items: split at commas outside parentheses, as the look-ahead pattern it
    replaced did (``,(?![^()]*\\))``, quadratic on a long line: fuzzing found 4 s on 300 KB)."""
    import random

    import regex

    from extractor.fields.distribution import split_top_commas

    look_ahead = regex.compile(r",(?![^()]*\))")
    rng = random.Random(5)
    for _ in range(5000):
        text = "".join(rng.choice("VT ,()KTa") for _ in range(rng.randrange(40)))
        assert split_top_commas(text) == look_ahead.split(text)
    assert split_top_commas("VT, KTTH (Nam, 15b), NC") == ["VT", " KTTH (Nam, 15b)", " NC"]


def test_a_lu_line_run_on_by_thousands_of_lines_is_read():
    tail = ("\nNơi nhận:\n- Như trên;\n- Lưu: VT, KTTH (2)\n"
            + "khó khăn, thách thức nhằm hoàn thành các chỉ tiêu, kế hoạch năm 2025\n" * 3000)
    record = extract(HEADER + "THÔNG BÁO\nKết luận của Chủ tịch UBND Thành phố\n1. Giao Sở Nội vụ chủ trì." + tail)
    assert record.error is None
    assert record.archive[:2] == ["VT", "KTTH (2) khó khăn"]


def test_phoi_hop_repeated_thousands_of_times_in_an_item_reads_the_item_once(monkeypatch):
    """A line "… phối hợp chặt chẽ với Bộ Tài chính" repeated 3,000 times in one item (fuzz seed 722):
    the partners after each "phối hợp" were looked for up to the item's end, and every name checked
    against every list (minutes on a 330 KB input). Each list now ends where the next "phối hợp"
    begins, and the search for its end is reused."""
    from extractor.fields import tasks

    searches: list[Calls] = []  # (one per item's partner lists)
    read = 0

    class Counted(tasks._FirstMatch):
        def __init__(self, pattern, text):
            searches.append(Calls(pattern.search))
            super().__init__(SimpleNamespace(search=searches[-1]), text)

    pieces = tasks._pieces

    def counted_pieces(chunk, start, end):
        nonlocal read
        read += end - start
        return pieces(chunk, start, end)

    monkeypatch.setattr(tasks, "_FirstMatch", Counted)
    monkeypatch.setattr(tasks, "_pieces", counted_pieces)
    line = "Các tỉnh Quảng Ngãi, Gia Lai, Đắk Lắk chủ động phối hợp chặt chẽ với Bộ Tài chính\n"
    body = "CÔNG ĐIỆN\nVề việc khắc phục hậu quả mưa lũ\n1. Bộ Tài chính chủ trì, phối hợp với Bộ Nội vụ rà soát.\n"
    text = HEADER + body + "2. " + line * 3000 + "3. Bộ Y tế bảo đảm thuốc.\n"
    record = extract(text)
    tasks_by_id = {t.id: t for t in record.tasks}
    assert tasks_by_id["1"].cooperating == ["Bộ Nội vụ"]
    assert tasks_by_id["2"].cooperating[0] == "Bộ Tài chính"  # (no full stop: the list runs on, as for one line)
    assert tasks_by_id["3"].lead == ["Bộ Y tế"]
    assert sum(c.count for c in searches) < 50  # (one per list: 3,000 before)
    assert read <= len(text)  # (each list's text read once: 3,000 times the item before)


def test_long_partner_lists_are_read_in_one_pass(monkeypatch):
    """Thousands of unnamed kinds after one "phối hợp với", and thousands of "phối hợp với A; B" lists
    whose ";" lets each go on (review of session 7: 17 s and 34 s on inputs of 100–200 KB): each piece
    of a list is judged once, and a list going on past ";" stops where the next "phối hợp" begins."""
    from extractor.fields import tasks
    from extractor.grammar import patterns

    roles = patterns("body")["roles"]
    kind_matches, goes_on = Calls(roles["partner_kind"].match), Calls(tasks._list_goes_on)
    monkeypatch.setitem(roles, "partner_kind", SimpleNamespace(match=kind_matches))
    monkeypatch.setattr(tasks, "_list_goes_on", goes_on)
    kinds = ", ".join(f"đơn vị số {i}" for i in range(2000))
    pairs = "Sở Xây dựng phối hợp với Sở Tài chính; Sở Nội vụ " * 600
    record = extract(HEADER + "THÔNG BÁO\nVề việc phân công\n1. Sở Y tế chủ trì, phối hợp với " + kinds
                     + " tổ chức thực hiện.\n2. " + pairs + "\n")
    tasks_by_id = {t.id: t for t in record.tasks}
    assert tasks_by_id["1"].cooperating[:2] == ["đơn vị số 0", "đơn vị số 1"]
    assert "Sở Tài chính" in tasks_by_id["2"].cooperating
    assert kind_matches.count < 3 * 2000 + 3 * 1200  # (2,000 × 2,000 before)
    assert goes_on.count <= 600  # (one per ";": 180,000 before)


def test_a_capitalised_line_repeated_hundreds_of_times_is_no_single_name():
    """"quan đăng ký tàu biển Việt Nam - Bộ Xây dựng" repeated 3,000 times (fuzz seed 935): every "Bộ"
    opened a name that ran over all the lines after it (quadratic: 28 s on 179 KB). A name stops after
    a bounded number of capitals."""
    from extractor.ner import find_agencies

    text = "Giao Bộ Tư pháp chủ trì.\n" + "quan đăng ký tàu biển Việt Nam - Bộ Xây dựng\n" * 300
    names = [a.name for a in find_agencies(text)]
    assert names[0] == "Bộ Tư pháp"
    assert max(len(n) for n in names) < 300  # (13,700 characters before)
