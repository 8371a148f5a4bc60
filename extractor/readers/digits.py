"""Read a number written by hand: the number and the day filled in after a directive is signed.

Tesseract is trained on print; the pen strokes of ``Số: 46 /TB-UBND`` or ``ngày 24 tháng`` come out
of it as noise or as the wrong digits. Here the ink of the slot is cut into glyphs (connected
strokes; pieces of one digit merged, two touching digits split at their thinnest column) and each
glyph is classified by a small perceptron trained on handwritten digits (``scripts/train_digits.py``;
the weights ship in ``digits.npz`` and need NumPy only). Every reading carries the classifier's
confidence, so the caller keeps or flags it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

SIZE = 28  # glyphs are read as 28x28 images, the digit inside 20x20, centred on its mass
MODEL = Path(__file__).with_name("digits.npz")


@dataclass(frozen=True)
class Reading:
    digits: str
    confidence: float  # the least sure glyph's probability
    glyphs: int


def normalize_glyph(ink: np.ndarray) -> np.ndarray:
    """A glyph's ink (True where written) as the classifier's input: cropped to its box, scaled to
    fit 20x20 keeping its shape, centred on its centre of mass in 28x28, values 0..1."""
    from PIL import Image

    ys, xs = np.nonzero(ink)
    if len(ys) == 0:
        return np.zeros((SIZE, SIZE), dtype=np.float32)
    box = ink[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
    h, w = box.shape
    scale = 20.0 / max(h, w)
    nh, nw = max(1, round(h * scale)), max(1, round(w * scale))
    small = np.asarray(Image.fromarray((box * 255).astype(np.uint8)).resize((nw, nh), Image.BILINEAR),
                       dtype=np.float32) / 255.0
    out = np.zeros((SIZE, SIZE), dtype=np.float32)
    total = small.sum() or 1.0
    cy = (small.sum(axis=1) * np.arange(nh)).sum() / total
    cx = (small.sum(axis=0) * np.arange(nw)).sum() / total
    top = int(round(SIZE / 2 - cy))
    left = int(round(SIZE / 2 - cx))
    top, left = min(max(top, 0), SIZE - nh), min(max(left, 0), SIZE - nw)
    out[top:top + nh, left:left + nw] = small
    return out


@cache
def _model() -> dict[str, np.ndarray]:
    with np.load(MODEL) as data:
        return {k: data[k] for k in data.files}


def threshold() -> float:
    """The confidence at which the held-out readings were 99.5% right (set by the training)."""
    return float(_model()["threshold"])


def _conv_relu_pool(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """3x3 convolution (padding 1), ReLU, 2x2 max pooling, on a batch (n, channels, h, w)."""
    n, c, h, w = x.shape
    padded = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    windows = np.lib.stride_tricks.sliding_window_view(padded, (3, 3), axis=(2, 3))  # n, c, h, w, 3, 3
    out = np.einsum("nchwij,ocij->nohw", windows, weight, optimize=True) + bias[None, :, None, None]
    out = np.maximum(out, 0.0)
    return out.reshape(n, out.shape[1], h // 2, 2, w // 2, 2).max(axis=(3, 5))


def classify(glyphs: list[np.ndarray]) -> list[tuple[int, float]]:
    """Each glyph's digit and probability: the networks of ``scripts/train_digits.py`` (each two
    convolution layers and two dense ones) run with NumPy, their probabilities averaged."""
    if not glyphs:
        return []
    m = _model()
    batch = np.stack([normalize_glyph(g) for g in glyphs])[:, None]
    members = sorted({k.split("_", 1)[0] for k in m if k.startswith("m")})
    probs = np.zeros((len(glyphs), 10))
    for name in members:  # the mean of the networks' probabilities
        x = _conv_relu_pool(batch, m[f"{name}_0_weight"], m[f"{name}_0_bias"])
        x = _conv_relu_pool(x, m[f"{name}_3_weight"], m[f"{name}_3_bias"])
        x = np.maximum(x.reshape(len(glyphs), -1) @ m[f"{name}_7_weight"].T + m[f"{name}_7_bias"], 0.0)
        logits = x @ m[f"{name}_10_weight"].T + m[f"{name}_10_bias"]
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        probs += p / p.sum(axis=1, keepdims=True) / len(members)
    return [(int(p.argmax()), float(p.max())) for p in probs]


def ink_of(grey: np.ndarray) -> np.ndarray:
    """Ink pixels of a small grey crop: Otsu's threshold, never lighter than mid grey."""
    hist = np.bincount(grey.reshape(-1), minlength=256).astype(np.float64)
    total = hist.sum()
    cum, cum_mean = np.cumsum(hist), np.cumsum(hist * np.arange(256))
    between = np.zeros(256)
    w0 = cum / total
    w1 = 1 - w0
    valid = (w0 > 0) & (w1 > 0)
    m0 = np.where(cum > 0, cum_mean / np.maximum(cum, 1), 0)
    m1 = np.where(total - cum > 0, (cum_mean[-1] - cum_mean) / np.maximum(total - cum, 1), 0)
    between[valid] = w0[valid] * w1[valid] * (m0[valid] - m1[valid]) ** 2
    return grey < min(int(between.argmax()) + 1, 160)


def components(ink: np.ndarray) -> list[tuple[int, int, int, int, np.ndarray]]:
    """Connected strokes (8-neighbours): (x0, y0, x1, y1, mask of the crop) for each."""
    h, w = ink.shape
    seen = np.zeros_like(ink, dtype=bool)
    out = []
    for y, x in zip(*np.nonzero(ink), strict=True):
        if seen[y, x]:
            continue
        stack = [(y, x)]
        seen[y, x] = True
        pixels = []
        while stack:
            cy, cx = stack.pop()
            pixels.append((cy, cx))
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    ny, nx = cy + dy, cx + dx
                    if 0 <= ny < h and 0 <= nx < w and ink[ny, nx] and not seen[ny, nx]:
                        seen[ny, nx] = True
                        stack.append((ny, nx))
        ys = np.array([p[0] for p in pixels])
        xs = np.array([p[1] for p in pixels])
        mask = np.zeros_like(ink, dtype=bool)
        mask[ys, xs] = True
        out.append((int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1, mask))
    return out


def glyphs_in(ink: np.ndarray, text_height: float, inner: tuple[int, int] | None = None) -> list[np.ndarray]:
    """The written digits of a slot, left to right.

    ``inner`` is the slot's x range inside the crop (the crop reaches a little into the printed
    words beside it, so a digit written over the slot's edge is seen whole): strokes centred
    outside it are the printed neighbours ("ngày", "/TB-UBND") and are left out, and so are specks.
    Strokes over one another are one digit (the bar of a 5, a 4 written in two strokes); a glyph
    wider than tall is digits written together, cut at their thinnest columns."""
    h, w = ink.shape
    lo, hi = inner or (0, w)
    parts = []
    for x0, y0, x1, y1, mask in components(ink):
        tall = y1 - y0
        if tall < text_height * 0.45 or mask.sum() < text_height * 1.5:
            continue  # a speck, a dot, an accent, a rule
        if not lo <= (x0 + x1) / 2 <= hi:
            continue  # printed text beside the slot
        parts.append([x0, x1, mask])
    parts.sort(key=lambda p: p[0])
    merged: list[list] = []
    for x0, x1, mask in parts:
        if merged:
            px0, px1, pmask = merged[-1]
            overlap = min(x1, px1) - max(x0, px0)
            if overlap > 0.5 * min(x1 - x0, px1 - px0):
                merged[-1] = [min(x0, px0), max(x1, px1), pmask | mask]
                continue
        merged.append([x0, x1, mask])
    glyphs = []
    for x0, x1, mask in merged:
        ys = np.nonzero(mask.any(axis=1))[0]
        tall = ys.max() - ys.min() + 1
        count = 1 if x1 - x0 <= tall else min(4, max(2, round((x1 - x0) / (tall * 0.75))))
        cols = mask[:, x0:x1].sum(axis=0)
        cuts = [x0]
        for k in range(1, count):  # the thinnest column near each expected boundary
            at = (x1 - x0) * k // count
            span = max(1, (x1 - x0) // (count * 3))
            cuts.append(x0 + at - span + int(np.argmin(cols[at - span:at + span])))
        cuts.append(x1)
        for a, b in zip(cuts, cuts[1:], strict=False):
            piece = mask.copy()
            piece[:, :a] = False
            piece[:, b:] = False
            if piece.any():
                glyphs.append(piece)
    return glyphs


def read_slot(grey: np.ndarray, text_height: float, inner: tuple[int, int] | None = None) -> Reading | None:
    """The digits written in a slot (a grey crop around it), or None when nothing is written."""
    glyphs = glyphs_in(ink_of(grey), text_height, inner)
    if not glyphs or len(glyphs) > 6:
        return None
    read = classify(glyphs)
    return Reading("".join(str(d) for d, _ in read), min(p for _, p in read), len(glyphs))
