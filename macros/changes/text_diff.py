"""Comparing texts the way a reader sees them: equal when the words are equal, a word-level
diff when they are not, and which items of two lists are the same item.

Whitespace is collapsed first, so re-wrapping a `>-` text or re-indenting YAML is never a
change. Plain difflib; no knowledge of the data model.
"""

import difflib
import re
from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass

# Two texts this similar (difflib ratio on characters) are one item with edited words.
# Below it, a rewrite reads better as one text removed and another added. On the adopted
# data, different items of one section score at most 0.75, nearly all below 0.5; as only
# items left over after exact matches are paired, a false pair is rare and still readable.
SIMILAR = 0.6

EQUAL, DELETE, INSERT = "equal", "delete", "insert"


def plain(text: object) -> str:
    """The text as a reader sees it: whitespace collapsed to single spaces."""
    return " ".join(str(text).split())


@dataclass(frozen=True)
class Chunk:
    """A run of words that is the same in both texts, only in the old one or only in the new one."""

    op: str  # EQUAL, DELETE or INSERT
    text: str  # the words and punctuation, spaced as in the text
    space_before: bool = True  # a space separates it from the chunk before (not before "," or ".")

    @property
    def word_count(self) -> int:
        return len(self.text.split())


# A word (letters and digits, joined by hyphens or apostrophes: "mkb-bedrijven", "zzp’ers")
# or one mark of punctuation: a comma added after a word changes the comma, not the word.
_TOKEN = re.compile(r"\s*(\w+(?:[-’'.]\w+)*|[^\w\s])")


def _tokens(text: str) -> list[tuple[str, bool]]:
    """(token, whether a space comes before it) for each word and mark of punctuation."""
    # The first token counts as spaced: whatever comes before the text is another text.
    return [(match.group(1), match.start(1) > match.start() or match.start() == 0)
            for match in _TOKEN.finditer(plain(text))]


def _joined(tokens: Sequence[tuple[str, bool]]) -> str:
    return "".join((" " if space and index else "") + token for index, (token, space) in enumerate(tokens))


def word_diff(old: str, new: str) -> tuple[Chunk, ...]:
    """The words of `old` and `new` as chunks in reading order; a replaced run is DELETE then INSERT."""
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(None, [token for token, _ in old_tokens], [token for token, _ in new_tokens],
                                      autojunk=False)
    chunks: list[Chunk] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        # The spacing of the side the chunk is from; equal runs are spaced as in the new text.
        if tag == "equal":
            chunks.append(Chunk(EQUAL, _joined(new_tokens[j1:j2]), new_tokens[j1][1]))
            continue
        if i2 > i1:
            chunks.append(Chunk(DELETE, _joined(old_tokens[i1:i2]), old_tokens[i1][1]))
        if j2 > j1:
            chunks.append(Chunk(INSERT, _joined(new_tokens[j1:j2]), new_tokens[j1][1]))
    return tuple(chunks)


def similarity(old: str, new: str) -> float:
    matcher = difflib.SequenceMatcher(None, plain(old), plain(new), autojunk=False)
    # The cheap upper bounds first: most pairs are clearly different.
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()


Pair = tuple[int | None, int | None]  # (index in old, index in new); None on the side it is missing


def pair_items(old: Sequence[str], new: Sequence[str]) -> list[Pair]:
    """Which old item is which new item, in the order a reader meets them.

    Equal texts pair first (in order, so repeated texts pair one to one); what is left
    pairs by similarity, the most similar first. Unpaired old items are removed, unpaired
    new ones added. The order is the new list's, each removed item right after the item
    it followed in the old list."""
    old_plain, new_plain = [plain(text) for text in old], [plain(text) for text in new]
    partner = _equal_pairs(old_plain, new_plain)
    partner.update(_similar_pairs(old_plain, new_plain, partner))
    return _reading_order(partner, len(old), len(new))


def reordered(pairs: Sequence[Pair]) -> bool:
    """True when items that are in both lists stand in another order."""
    kept = sorted((i, j) for i, j in pairs if i is not None and j is not None)
    positions = [j for _, j in kept]
    return positions != sorted(positions)


def _equal_pairs(old: Sequence[str], new: Sequence[str]) -> dict[int, int]:
    free: dict[str, deque[int]] = defaultdict(deque)
    for j, text in enumerate(new):
        free[text].append(j)
    return {i: free[text].popleft() for i, text in enumerate(old) if free[text]}


def _similar_pairs(old: Sequence[str], new: Sequence[str], taken: dict[int, int]) -> dict[int, int]:
    used = set(taken.values())
    left_old = [i for i in range(len(old)) if i not in taken]
    left_new = [j for j in range(len(new)) if j not in used]
    scored = [(similarity(old[i], new[j]), i, j) for i in left_old for j in left_new]
    found: dict[int, int] = {}
    for score, i, j in sorted(scored, key=lambda entry: (-entry[0], entry[1], entry[2])):
        if score >= SIMILAR and i not in found and j not in used:
            found[i] = j
            used.add(j)
    return found


def _reading_order(partner: dict[int, int], old_count: int, new_count: int) -> list[Pair]:
    by_new = {j: i for i, j in partner.items()}
    keyed: list[tuple[tuple, Pair]] = [((j, 0, 0), (by_new.get(j), j)) for j in range(new_count)]
    anchor = -1  # the new position of the last old item that is still there
    for i in range(old_count):
        if i in partner:
            anchor = partner[i]
        else:
            keyed.append(((anchor, 1, i), (i, None)))
    return [pair for _, pair in sorted(keyed)]
