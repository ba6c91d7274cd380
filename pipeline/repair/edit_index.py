"""An index of the words one edit away from a form (deletion, insertion, substitution, transposition).

A form ``f`` is one edit (optimal string alignment distance 1) from a query ``s``
exactly when one of ``s``'s single-letter deletions is a word (``s`` lost a
letter), or ``s`` itself or one of its deletions equals one of ``f``'s deletions
(``f`` has an extra letter, a different letter, or two letters swapped). So the
index holds a hash of every single-letter deletion of every form, as symspell
does, and a query looks up ``len(s) + 1`` hashes instead of generating the
~70 * len(s) strings one edit away.

The hashes are polynomial (``sum(ord(c) * P**(k+1)) mod 2**64``, high bits kept), so all the deletions
of all the forms are hashed at once with numpy prefix sums (the deletion at ``i``
is the prefix before ``i`` plus the suffix after it shifted down one power): the
index of wordfreq's 200,000 candidate forms builds in about 0.2 s and nothing is
stored on disk. Hash collisions only add candidates that the final check throws out.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

import numpy as np

_P = 0x9E3779B97F4A7C15  # odd (invertible modulo 2**64), bits spread (the high bits are kept)
_P_INV = pow(_P, -1, 1 << 64)
_MASK = (1 << 64) - 1


class OneEditIndex:
    """Forms one edit from a query, over a fixed set of forms.

    Args:
        forms: The forms to index.
        letters: The letters an insertion or substitution may bring in (a form
            reached by bringing in any other character is not returned).
    """

    def __init__(self, forms: Iterable[str], letters: Collection[str]) -> None:
        # A tuple and a dict, not a list and a frozenset: the cyclic garbage collector leaves
        # both alone (see ``WordSet`` in the lexicon module).
        self.forms: tuple[str, ...] = tuple(sorted(forms))
        self.members: dict[str, None] = dict.fromkeys(self.forms)
        self.letters = frozenset(letters)
        count = len(self.forms)
        width = max(map(len, self.forms), default=1)
        # Each entry is one uint64: the deletion's hash in the high bits, then the position
        # of the deleted letter, then the form's number, so one plain sort orders all three
        # (no argsort). The position tells a substitution (same place) from two unrelated
        # deletions that happen to leave the same string.
        self._owner_bits = max(1, count.bit_length())
        self._owner_mask = (1 << self._owner_bits) - 1
        self._pos_bits = max(1, width.bit_length())
        self._low_bits = self._owner_bits + self._pos_bits
        lens = np.fromiter(map(len, self.forms), dtype=np.int64, count=count)
        codes = np.array(self.forms, dtype=f"<U{width}").view(np.uint32).reshape(count, width)
        # Powers from P**1: with P**0 a first letter would only move the low bits, which are dropped.
        powers = np.array([pow(_P, k + 1, 1 << 64) for k in range(width + 1)], dtype=np.uint64)
        chunks = []
        high = np.uint64(_MASK ^ ((1 << self._low_bits) - 1))
        # The lengths present, ascending (np.unique would import numpy.ma: 0.2 s of start-up).
        for length in np.flatnonzero(np.bincount(lens)).tolist():
            # Forms of one length at a time: no padding to hash, every deletion valid.
            ids = np.flatnonzero(lens == length)
            weighted = codes[ids, :length].astype(np.uint64) * powers[:length]
            prefix = np.zeros((len(ids), length + 1), dtype=np.uint64)
            np.cumsum(weighted, axis=1, out=prefix[:, 1:])
            whole = prefix[:, length:]
            deletions = prefix[:, :length] + (whole - prefix[:, 1:]) * np.uint64(_P_INV)
            positions = np.arange(length, dtype=np.uint64)[None, :] << np.uint64(self._owner_bits)
            chunks.append(((deletions & high) | positions | ids.astype(np.uint64)[:, None]).ravel())
        self._entries = np.sort(np.concatenate(chunks)) if chunks else np.zeros(0, dtype=np.uint64)

    def __len__(self) -> int:
        return len(self.forms)

    def near(
        self,
        stem: str,
        inserted: Collection[str] | None = None,
        substituted: Mapping[str, Collection[str]] | None = None,
    ) -> set[str]:
        """The indexed forms (longer than one letter) one edit from ``stem``, ``stem`` excluded.

        Args:
            stem: The query.
            inserted: Only these letters may be brought in by an insertion (default: ``letters``).
            substituted: Only ``substituted[a]`` may replace a letter ``a`` (default: any of ``letters``).
        """
        n = len(stem)
        prefix = [0] * (n + 1)
        power = _P
        for k, ch in enumerate(stem):
            prefix[k + 1] = (prefix[k] + ord(ch) * power) & _MASK
            power = (power * _P) & _MASK
        whole = prefix[n]
        bucket = 1 << self._low_bits  # the entries of one hash: [hash, hash + bucket)
        high = _MASK ^ (bucket - 1)
        shift = self._owner_bits
        # The whole stem is a form with one more letter, deleted anywhere: its whole bucket.
        # The stem's deletion of letter q - 1 is a substitution there (the form's deletion at
        # the same place) or a swap with the next letter (the form's deletion one place on):
        # within the bucket, the entries at positions q - 1 and q, one range since entries sort
        # by position after the hash. So every query is a range, and all the ranges' ends are
        # found in one search.
        h = whole & high
        bounds = [h, h + bucket]
        for q in range(1, n + 1):
            h = (prefix[q - 1] + (whole - prefix[q]) * _P_INV) & high
            bounds.append(h + min((q - 1) << shift, bucket))
            bounds.append(h + min((q + 1) << shift, bucket))
        top = [k for k, b in enumerate(bounds) if b > _MASK]  # the end of the last hash there is
        for k in top:
            bounds[k] = 0
        cuts = self._entries.searchsorted(np.array(bounds, dtype=np.uint64)).tolist()
        for k in top:
            cuts[k] = len(self._entries)
        forms = self.forms
        entries = self._entries
        mask = self._owner_mask
        ranges = zip(cuts[::2], cuts[1::2], strict=True)
        found = {forms[e & mask] for a, b in ranges if b > a for e in entries[a:b].tolist()}
        members = self.members
        found.update(d for d in (stem[:i] + stem[i + 1 :] for i in range(n)) if d in members)
        found.discard(stem)
        ins = self.letters if inserted is None else inserted
        return {f for f in found if len(f) > 1 and self._one_edit(stem, f, ins, substituted)}

    def _one_edit(
        self, s: str, f: str, inserted: Collection[str], substituted: Mapping[str, Collection[str]] | None
    ) -> bool:
        """Whether ``f`` is one allowed edit from ``s`` (see :meth:`near`)."""
        n, m = len(s), len(f)
        p = 0
        while p < n and p < m and s[p] == f[p]:
            p += 1
        if m == n + 1:  # f has an extra letter; the first difference is where it went in
            return f[p] in inserted and f[p + 1 :] == s[p:]
        if m == n - 1:
            return s[p + 1 :] == f[p:]
        if m == n and p < n:
            if s[p + 1 :] == f[p + 1 :]:
                if substituted is None:
                    return f[p] in self.letters
                return f[p] in substituted.get(s[p], ())
            return p + 1 < n and s[p] == f[p + 1] and s[p + 1] == f[p] and s[p + 2 :] == f[p + 2 :]
        return False
