"""TCVN3 (ABC) and VNI: the pre-Unicode Vietnamese font encodings, detected and converted.

Both put Vietnamese letters on byte values that other code pages use for Latin letters, so a
file decodes "successfully" as Windows-1252 and reads as mojibake (``Vi\\u00d6t``, ``Vieät``).
The tables are data in ``grammars/encodings/``; here are the converters both ways. Which of the
two a file is written in is decided in ``encoding`` (see ``encoding.legacy_decode``).
"""

from __future__ import annotations

import unicodedata
from functools import cache

from ..grammar import rows, settings


@cache
def tcvn3_table() -> dict[int, str]:
    return {int(byte, 16): char for byte, char, *_ in rows("encodings/tcvn3.tsv")}


@cache
def vni_table() -> dict[str, str]:
    """VNI sequence (as Windows-1252 text) → Unicode letter, for every Vietnamese letter."""
    g = settings("encodings/vni")
    tones = [g["tones"][k] for k in ("acute", "grave", "hook", "tilde", "dot")]
    table: dict[str, str] = {}
    # plain vowels and the horn vowels (whose VNI form is a letter of its own) with tones
    for base, forms in settings("readers")["vowels"].items():
        vni_lower, vni_upper = base, base.upper()
        for key, value in g["letters"].items():
            if value == base:
                vni_lower = key
            elif value == base.upper():
                vni_upper = key
        for t, (low, up) in enumerate(tones):
            table[vni_lower + low] = forms[2 + 2 * t]
            table[vni_upper + up] = forms[3 + 2 * t]
    # â ê ô (circumflex) and ă (breve), alone and with tones
    shaped = {("a", "circumflex"): "âấầẩẫậ", ("e", "circumflex"): "êếềểễệ", ("o", "circumflex"): "ôốồổỗộ",
              ("a", "breve"): "ăắằẳẵặ"}
    for (base, shape), letters in shaped.items():
        for i, letter in enumerate(letters):
            table[base + g["shapes"][shape][i]] = letter
            table[base.upper() + g["shapes"][f"{shape}_upper"][i]] = letter.upper()
    table.update(g["letters"])
    return table


def decode_tcvn3(data: bytes) -> str:
    table = tcvn3_table()
    return unicodedata.normalize("NFC", "".join(table.get(b, chr(b)) for b in data))


def decode_vni(data: bytes) -> str:
    text = data.decode("cp1252", errors="replace")
    table = vni_table()
    out = []
    i = 0
    while i < len(text):
        pair = text[i:i + 2]
        if pair in table:
            out.append(table[pair])
            i += 2
        else:
            out.append(table.get(text[i], text[i]))
            i += 1
    return "".join(out)


# the capitals the ABC fonts have codes of their own for; an accented capital has none
ABC_CAPITALS = frozenset("ĂÂÊÔƠƯĐ")


def encode_tcvn3(text: str, capitals_font: bool = False) -> bytes:
    """TCVN3 bytes of ``text``. With ``capitals_font``, as the ABC fonts write it: an accented capital
    is typed as its lower-case letter in a capitals font (.VnTimeH), which draws it as a capital."""
    reverse = {ch: b for b, ch in tcvn3_table().items()}

    def typed(ch: str) -> str:
        return ch.lower() if capitals_font and ch.isupper() and ord(ch) > 0x7F and ch not in ABC_CAPITALS else ch

    letters = (typed(ch) for ch in unicodedata.normalize("NFC", text))
    return bytes(reverse[ch] if ch in reverse else ord(ch) for ch in letters if ch in reverse or ord(ch) < 256)


def encode_vni(text: str) -> bytes:
    reverse = {letter: seq for seq, letter in vni_table().items() if len(seq) == 2 or letter != seq}
    out = "".join(reverse.get(ch, ch) for ch in unicodedata.normalize("NFC", text))
    return out.encode("cp1252", errors="replace")
