"""Turn Vietnamese administrative documents into structured records.

>>> from extractor import extract
>>> record = extract("samples/cv-ubnd-hatinh-khan.txt")   # a path, bytes, or the text itself
>>> record.number.raw, record.issuer.name
"""

from .pipeline import extract
from .record import Record

__all__ = ["Record", "extract"]
__version__ = "0.1.0"
