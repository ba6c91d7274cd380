"""Regular-expression character classes written as ranges.

A class spelled out character by character makes ``re`` and ``regex`` slow to compile
(the reader's tolerant label patterns took seconds) and, in ``re``, slow to match when
it is large; runs of consecutive code points written as ranges are the same class.
"""

from __future__ import annotations

import re


def class_body(chars: str) -> str:
    """The body of a character class (what goes between ``[`` and ``]``) holding exactly ``chars``.

    Runs of three or more consecutive code points are written as ranges; every character
    is escaped, so the body can be put into a ``re`` or ``regex`` pattern as it is.
    """
    codes = sorted(set(map(ord, chars)))
    out = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        first, last = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        out.append(first if i == j else f"{first}-{last}" if j > i + 1 else first + last)
        i = j + 1
    return "".join(out)
