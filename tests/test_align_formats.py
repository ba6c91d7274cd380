"""The side-by-side table of ``diplo align`` measured in terminal cells, on real text."""

from __future__ import annotations

import re
import unicodedata

import pytest

from pipeline.align.formats import AlignedPair, display_width, to_table, wrap_cells

from .conftest import REPO, SEED_PATH

# An independent measure of terminal cells (wcwidth comes with wordfreq -> ftfy).
wcwidth = pytest.importorskip("wcwidth")

_ARABIC = re.compile(r"[\u0600-\u06FF]")


def _seed_line(start: str) -> str:
    return next(x for x in SEED_PATH.read_text(encoding="utf-8").splitlines() if x.startswith(start))


@pytest.fixture(scope="module")
def pair() -> AlignedPair:
    """Real text that is not one cell per character.

    English: a reference of a corpus article (Bülent, Davutoğlu) decomposed the way PDF text
    extraction gives it (u + combining diaeresis). Arabic: the seed's abstract sentence with
    tanween (combining marks) and the seed's OCR line with a CJK ideograph leaked into الإنترنت.
    """
    article = REPO / "corpus" / "layouts" / "articles" / "c2_noauthor.txt"
    ref = next(x for x in article.read_text(encoding="utf-8").splitlines() if "Davutoğlu" in x)
    english = unicodedata.normalize("NFD", ref)
    assert english != ref  # the decomposed form really has combining marks
    arabic = [_seed_line("اذ شهد العالم تطويراً"), _seed_line("4. تعليم الدبلوماسيين عبر الإنترن特")[:400]]
    assert "特" in arabic[1] and "\u064b" in arabic[0]
    return AlignedPair("abstract", ["a.s0", "a.s1"], ["e.s0"], arabic, [english], 0.5)


def _column_start(line: str) -> int:
    """Cell where the right column begins: the first text after the two spaces that end the left one."""
    for at in range(len(line) - 1, 1, -1):
        if line[at - 2 : at] == "  " and not line[at].isspace() and _ARABIC.search(line[at:]):
            return wcwidth.wcswidth(line[:at])
    return -1


@pytest.mark.parametrize("width", [80, 120])
def test_table_columns_line_up_in_terminal_cells(pair, width):
    table = to_table([pair], width)
    col = max(20, (width - 20) // 2)
    rows = [line for line in table.splitlines()[2:] if _ARABIC.search(line)]
    assert len(rows) > 3
    for line in rows:
        # Every line fits the terminal and the Arabic column starts at the same cell on every line.
        assert wcwidth.wcswidth(line) <= width, line
        assert _column_start(line) == 18 + col + 2, line


def test_display_width_counts_cells():
    assert display_width("Davutog\u0306lu") == 9  # combining breve: no cell
    assert display_width("تطويراً") == 6  # tanween: no cell
    assert display_width("الإنترن特") == 9  # the ideograph takes two cells
    assert display_width("") == 0


def test_wrap_fills_lines_by_cells_and_keeps_marks_with_their_letter():
    text = _seed_line("اذ شهد العالم تطويراً")
    lines = wrap_cells(text, 40)
    assert " ".join(lines) == " ".join(text.split())
    assert all(display_width(x) <= 40 for x in lines)
    # Filled by cells, not characters: each line but the last could not take the next word.
    for line, nxt in zip(lines, lines[1:], strict=False):
        assert display_width(line) + 1 + display_width(nxt.split()[0]) > 40
    # A word longer than the column is cut between letters, never between a letter and its mark.
    cut = wrap_cells("تطويراً" * 8, 10)
    assert all(display_width(x) <= 10 for x in cut)
    assert not any(unicodedata.combining(x[0]) for x in cut)
    wide = wrap_cells("特" * 7, 5)
    assert wide == ["特特", "特特", "特特", "特"]
