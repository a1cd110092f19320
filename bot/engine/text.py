"""Text normalization shared by the knowledge index and incoming questions.

Both sides go through the same steps, so a question and an example phrasing that mean the
same words end up as the same terms: Unicode folded, Discord markup removed, punctuation
dropped, function words removed, light stemming and a small table of everyday synonyms.
The word lists and idioms are data (``data/stopwords.txt``, ``synonyms.txt``, ``idioms.toml``).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from bot.engine.data_files import DATA_DIR, DataFileError, expect, table, word_lines, words

# Long pastes are cut before any work: the first few hundred characters carry the question.
MAX_QUESTION_CHARS = 400

_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e"),
    None,
)
_DISCORD_MARKUP = re.compile(
    r"<a?:\w+:\d+>"  # custom emoji
    r"|<(?:@[!&]?|#)\d+>"  # user, role and channel mentions
    r"|<t:\d+(?::\w)?>"  # timestamps
    r"|@(?:everyone|here)\b"
    r"|https?://\S+"
)
# Discord's text formatting, which says nothing about what is asked: spoiler bars, bold,
# italics, underline, strike-through and code marks, and the quote, heading and subtext
# prefixes of a line. Removed before any other step, since idioms and sentence ends are read
# from the text with its punctuation ("||y is django so opinionated||" asks "why").
_FORMATTING = re.compile(
    r"\|\||~~|`+"
    # "**bold**", "__underlined__", "_italic_"; never the "_" of "use_tz" or the "*" of "2*3"
    r"|(?<!\w)[*_]+|[*_]+(?!\w)"
    r"|^[ \t]*(?:>{1,3}|#{1,3}|-#)[ \t]+",  # "> quoted", "## heading", "-# subtext"
    re.MULTILINE,
)
_NON_WORD = re.compile(r"[\W_]+")
_DOT_JS = re.compile(r"(?<=\w)\.js\b")
_TLDR = re.compile(r"\btl\s*[;:/]?\s*dr\b")
Replacement = str | Callable[[re.Match[str]], str]


def _explain_plainly(m: re.Match[str]) -> str:
    """ "django explained quickly" asks for a short explanation, not about speed."""
    return f"{m[1]}{m[2]}plainly" if m[1] else f"plainly{m[3]}{m[4]}"


# Replacements with logic, which an idiom of ``data/idioms.toml`` names as its ``function``.
_FUNCTIONS: dict[str, Callable[[re.Match[str]], str]] = {"explain-plainly": _explain_plainly}


def _load_idioms() -> tuple[tuple[tuple[str, ...], re.Pattern[str], Replacement], ...]:
    """The idioms of ``data/idioms.toml``, in order: (guard words, pattern, replacement)."""
    name = "idioms.toml"
    loaded = []
    for i, entry in enumerate(table(name).get("idiom", [])):
        where = f"idiom[{i}]"
        guards, pattern = entry.get("guards"), entry.get("pattern")
        expect(f"{where}.guards", guards, list, name)
        if isinstance(pattern, list) and all(isinstance(part, str) for part in pattern):
            pattern = "".join(pattern)
        expect(f"{where}.pattern", pattern, str, name)
        try:
            compiled = re.compile(pattern)
        except re.error as error:
            raise DataFileError(f"{DATA_DIR / name}: {where}.pattern: {error}") from None
        replacement: Replacement
        if "function" in entry:
            if entry["function"] not in _FUNCTIONS:
                known = ", ".join(_FUNCTIONS)
                raise DataFileError(f"{DATA_DIR / name}: {where}.function must be one of {known}")
            replacement = _FUNCTIONS[entry["function"]]
        else:
            replacement = entry.get("replacement")
            expect(f"{where}.replacement", replacement, str, name)
        loaded.append((tuple(guards), compiled, replacement))
    return tuple(loaded)


# Idioms rewritten before words are split, each tried only when its guard word is in the
# text (most questions have none of them).
_IDIOMS = _load_idioms()

# Function words and chat filler: they say nothing about which answer fits.
STOPWORDS = words("stopwords.txt")

# Everyday words folded onto one term, so "difficult" finds examples that say "hard".
SYNONYMS = {word: group[0] for group in word_lines("synonyms.txt") for word in group[1:]}

# Suffix rules, longest first; a rule applies only if at least three letters remain.
_SUFFIXES = (
    ("ational", "ate"),
    ("ization", "ize"),
    ("ibility", "ibl"),
    ("ability", ""),
    ("fulness", "ful"),
    ("iveness", "ive"),
    ("ations", ""),
    ("ation", ""),
    ("ances", ""),
    ("ance", ""),
    ("ences", ""),
    ("ence", ""),
    ("ingly", ""),
    ("edly", ""),
    ("ities", ""),
    ("ity", ""),
    ("iness", "y"),
    ("ness", ""),
    ("able", ""),
    ("ments", ""),
    ("ment", ""),
    ("ings", ""),
    ("ing", ""),
    ("iest", "y"),
    ("ier", "y"),
    ("ily", "y"),
    ("ies", "y"),
    ("ied", "y"),
    ("ers", ""),
    ("er", ""),
    ("ed", ""),
    ("ly", ""),
    ("es", ""),
    ("s", ""),
)


# Where a sentence ends: ".", "!" or "?" (a full stop only before a space: "vue.js" stays),
# or a line break.
_SENTENCE_END = re.compile(r"[!?\n]+|\.+(?=\s|$)")


def asked_sentences(text: str) -> str | None:
    """In a message of several sentences, the ones that ask ("...? ") joined; None when the
    message is one sentence, or asks in none or all of them."""
    text = text[: MAX_QUESTION_CHARS * 4]
    asked: list[str] = []
    count = start = 0
    for end in _SENTENCE_END.finditer(text):
        sentence = text[start : end.start()]
        if sentence.strip():
            count += 1
            if "?" in end.group():
                asked.append(sentence)
        start = end.end()
    if text[start:].strip():
        count += 1
    if not asked or len(asked) == count:
        return None
    return " ".join(asked)


_HOW_TO = re.compile(
    # "how do I choose between them" asks for a verdict, not how to do something
    r"(?:\bhow (?:do|can|should|could) (?:i|we)\b|\bhow to\b)"
    r"(?! (?:even )?(?:choose|decide|pick|compare)\b)"
    r"|^(?:set|configure|enable|disable|install|convert|change|add|remove|fix|run|turn|connect)\b"
)


def asks_how_to(normalized: str) -> bool:
    """Whether the (normalized) question asks how to do something ("how do I save a file in
    godot"): the everyday words of such a question are its subject, not chat around it."""
    return _HOW_TO.search(normalized) is not None


_PAIR = re.compile(
    r"\b(?:the|these|those) (?:two|2)\b|\bboth\b|\bbetween (?:the|these|those|them)\b"
    r"|\b(?:one|each|either|neither|which|any) of (?:them|these|those|the two)\b|\bthe other\b"
)


def refers_to_pair(normalized: str) -> bool:
    """Whether the (normalized) question speaks of "the two", "both" or "one of them": in a
    channel about a comparison, that names its frameworks as surely as their names do."""
    return _PAIR.search(normalized) is not None


def strip_formatting(text: str) -> str:
    """``text`` without Discord's formatting marks (spoilers, bold, code, quotes...)."""
    return _FORMATTING.sub("", text)


def normalize(text: str, limit: int | None = MAX_QUESTION_CHARS) -> str:
    """Fold case, accents, invisible characters, markup and punctuation; cut input longer
    than ``limit`` characters (None: the knowledge's own text, read whole)."""
    if limit is not None:
        text = text[: limit * 4]
    if not text.isascii():  # most text is plain ASCII: nothing to fold but case
        text = unicodedata.normalize("NFKD", text).translate(_INVISIBLE)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = strip_formatting(text).casefold()
    text = _DISCORD_MARKUP.sub(" ", text)
    text = text.replace("'", "").replace("\u2019", "")
    text = _DOT_JS.sub("js", text)  # "vue.js" and "vuejs" are one word
    text = _TLDR.sub("tldr", text)
    padded = f" {text}"  # " y " finds "y is ..." at the start too
    for guards, idiom, replacement in _IDIOMS:
        if any(guard in padded for guard in guards):
            text = idiom.sub(replacement, text)
            padded = f" {text}"
    text = _NON_WORD.sub(" ", text).strip()
    if limit is not None and len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0]
    return text


def stem(word: str) -> str:
    """A deliberately small suffix stripper: enough to meet "learning" with "learn"."""
    if len(word) <= 4 or word.isdigit():
        return word
    if word.endswith("ss") or word.endswith("us") or word.endswith("is"):
        return word
    for suffix, replacement in _SUFFIXES:
        # "apply" and "reply" end like an adverb, but "app" and "rep" are not their stems.
        shortest = 4 if suffix == "ly" else 3
        if word.endswith(suffix) and len(word) - len(suffix) + len(replacement) >= shortest:
            word = word[: len(word) - len(suffix)] + replacement
            break
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


@lru_cache(maxsize=1 << 16)
def term(word: str) -> str:
    """The index term for one normalized word (synonyms folded, then stemmed).

    Interned: a large knowledge base repeats the same few thousand terms many times over.
    """
    return sys.intern(stem(SYNONYMS.get(word, word)))


def terms(normalized: str) -> list[str]:
    """Index terms of a normalized text, function words dropped, order kept, no repeats."""
    seen: dict[str, None] = {}
    for word in normalized.split():
        if word in STOPWORDS:
            continue
        seen.setdefault(term(word), None)
    return list(seen)


# "X vs Y", "X versus Y", "the difference between (a) X and (a) Y": one word each side.
_COMPARED = re.compile(
    r"\b(\w+) (?:vs|versus) (\w+)"
    r"|\bdifference between (?:(?:a|an|the) )?(\w+) and (?:(?:a|an|the) )?(\w+)"
)


def compared_pairs(normalized: str) -> list[tuple[str, str]]:
    """The two words each "X vs Y" or "difference between X and Y" of a (normalized)
    question compares."""
    return [(m[1], m[2]) if m[1] else (m[3], m[4]) for m in _COMPARED.finditer(normalized)]


# A name written with underscores: a setting, function or field ("depends_on", "USE_TZ").
_IDENTIFIER = re.compile(r"\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b")


def identifier_words(text: str) -> list[str]:
    """The (normalized) words of each name written with underscores in ``text`` (as asked,
    not normalized): "depends_on isn't working" gives "depends" and "on"."""
    return [word for m in _IDENTIFIER.finditer(text) for word in normalize(m[0]).split()]
