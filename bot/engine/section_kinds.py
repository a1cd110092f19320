"""Everyday phrasings for the usual kinds of section in a comparison document.

Most comparisons have the same few kinds of section: what each framework is, its philosophy,
the learning curve, performance, the community, and which one to choose. People ask about
them in the same everyday ways whatever the frameworks are ("which is easier to learn",
"express or nest, which would you go with?"), and a maintainer writing a new document cannot
list every one of those ways. The matcher adds these phrasings to a section's own examples
when the section's id says its kind: ``<framework>-overview``, ``learning-curve``,
``summary``... A section with any other id gets nothing, so a document is never worse off.

The phrasings are data (``data/section-kinds.toml``): ``{x}`` stands for the framework a
per-framework section is about (the one its id names), else for each framework of the
document in turn; ``{a}`` and ``{b}`` for the first two.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.engine.data_files import DATA_DIR, DataFileError, expect, table
from bot.engine.knowledge import Document, Section
from bot.engine.text import normalize, terms

DATA_FILE = "section-kinds.toml"
_TEMPLATE_FIELD = re.compile(r"\{(\w*)\}")


def _load() -> tuple[dict[str, tuple[str, ...]], ...]:
    """The phrasings of ``data/section-kinds.toml``, checked: every value a list of
    phrasings using only ``{x}``, ``{a}`` and ``{b}``, every kind one the file defines."""
    data = table(DATA_FILE)
    known = {"per-framework", "whole-document", "if-the-section-says", "who-makes"}
    known |= {"always-said", "kind-words"}
    for key in data:
        if key not in known:
            raise DataFileError(f"{DATA_DIR / DATA_FILE}: unknown table [{key}]")
    groups: list[dict[str, tuple[str, ...]]] = []
    for key in ("per-framework", "whole-document", "if-the-section-says", "who-makes"):
        expect(key, data.get(key), dict, DATA_FILE)
        group: dict[str, tuple[str, ...]] = {}
        for kind, phrasings in data[key].items():
            expect(f"{key}.{kind}", phrasings, list, DATA_FILE)
            for i, phrasing in enumerate(phrasings):
                expect(f"{key}.{kind}[{i}]", phrasing, str, DATA_FILE)
                if not set(_TEMPLATE_FIELD.findall(phrasing)) <= {"x", "a", "b"}:
                    raise DataFileError(
                        f"{DATA_DIR / DATA_FILE}: {key}.{kind}[{i}] {phrasing!r} may use "
                        "only {x}, {a} and {b}"
                    )
            group[kind] = tuple(phrasings)
        groups.append(group)
    kind_words: dict[str, tuple[str, ...]] = {}
    for key in ("always-said", "kind-words"):
        expect(key, data.get(key), dict, DATA_FILE)
        for name, value in data[key].items():
            expect(f"{key}.{name}", value, str, DATA_FILE)
        kind_words.update({f"{key}:{k}": tuple(v.split()) for k, v in data[key].items()})
    kinds = set(groups[0]) | set(groups[1])
    for kind in (*groups[2], *(k.split(":", 1)[1] for k in kind_words if "kind-words" in k)):
        if kind not in kinds:
            raise DataFileError(f"{DATA_DIR / DATA_FILE}: {kind!r} is no kind of section")
    return (*groups, kind_words)


_PER_FRAMEWORK, _WHOLE_DOCUMENT, _IF_THE_SECTION_SAYS, _WHO, _WORDS = _load()
# Kinds about one framework: the section id names it ("nestjs-overview").
# Kinds about the comparison as a whole: the rest.
# Phrasings asking for one particular fact: borrowed only where the section's answer or own
# examples use all their words, so "who created flask" is not answered by an overview that
# never says who did.
# Phrasings asking who makes a framework: borrowed by an overview whose answer names a maker
# ("created by Evan You", "backed by Red Hat"), whatever verb it uses.
_WHO_MAKES = _WHO["phrasings"]
_NAMES_A_MAKER = re.compile(
    r"\b(?:created|developed|maintained|backed|made|started|stewarded|sponsored|led|funded"
    r"|released|written|designed) by\b|\b(?:creator|author) of\b",
    re.IGNORECASE,
)

# Question words need not appear in the section's text.
_ALWAYS_SAID = frozenset(_WORDS["always-said:words"])

# Words of a section id that say its kind, beside the kind's own name.
_KIND_WORDS = {k.split(":", 1)[1]: v for k, v in _WORDS.items() if k.startswith("kind-words:")}
_KINDS = {word: kind for kind, words in _KIND_WORDS.items() for word in words}
_OVERVIEW_WORDS = frozenset(_KIND_WORDS["overview"]) - {"what"}


def kind_of(document: Document, section: Section) -> tuple[tuple[str, ...], str | None]:
    """The section's kinds (an id may name two: ``ecosystem-and-tooling``), and the framework
    it is about (for per-framework kinds)."""
    parts = section.id.split("-")
    about = [name for name in document.frameworks if _names(parts, normalize(name).split())]
    kinds = tuple(dict.fromkeys(_KINDS[p] for p in parts if p in _KINDS))
    if len(kinds) > 1 and "overview" in kinds and not _OVERVIEW_WORDS.intersection(parts):
        kinds = tuple(k for k in kinds if k != "overview")  # "what-to-choose" is a summary
    # A per-framework kind whose id names no framework, or both, is about each in turn.
    per_framework = any(kind in _PER_FRAMEWORK for kind in kinds)
    return kinds, about[0] if len(about) == 1 and per_framework else None


def _names(parts: list[str], words: list[str]) -> bool:
    """Whether an id's parts name a framework of these words: as one part ("reactnative",
    "nestjs") or in a row ("actix-web-overview", "react-native-performance")."""
    if "".join(words) in parts:
        return True
    size = len(words)
    return size > 1 and any(parts[i : i + size] == words for i in range(len(parts) - size + 1))


def generic_phrasings(document: Document, section: Section) -> Iterator[str]:
    """Everyday phrasings of what the section answers, for the matcher; none if its kind is
    not one of the usual ones."""
    kinds, about = kind_of(document, section)
    if len(document.frameworks) < 2:
        return
    said: set[str] | None = None  # the terms of the section's own text, read when needed
    for kind in kinds:
        if not _owns(document, section, kind, about):
            continue
        for template in _PER_FRAMEWORK.get(kind) or _WHOLE_DOCUMENT[kind]:
            yield from _filled(template, document, about)
        if kind == "overview" and _NAMES_A_MAKER.search(section.answer):
            for template in _WHO_MAKES:
                yield from _filled(template, document, about)
        for template in _IF_THE_SECTION_SAYS.get(kind, ()):
            if said is None:
                own = (section.answer, section.title, *section.questions, *section.keywords)
                said = set(terms(normalize(" ".join(own), limit=None))) | _ALWAYS_SAID
            for phrasing in _filled(template, document, about):
                if said.issuperset(terms(normalize(phrasing))):
                    yield phrasing


def _owns(document: Document, section: Section, kind: str, about: str | None) -> bool:
    """Whether the section is the one of its document that takes the kind's phrasings: of two
    sections of one kind (``performance`` and ``memory-and-types``), the one whose id names
    the kind itself, else the one of fewer kinds, else the first. Shared, the same phrasings
    would tie the two."""

    def rank(other: Section, kinds: tuple[str, ...]) -> tuple[bool, int]:
        return kind not in other.id.split("-") and kind != other.id, len(kinds)

    mine = rank(section, kind_of(document, section)[0])
    earlier = True  # whether ``other`` comes before the section in the document
    for other in document.sections:
        if other is section:
            earlier = False
            continue
        other_kinds, other_about = kind_of(document, other)
        if kind in other_kinds and other_about == about:
            theirs = rank(other, other_kinds)
            if theirs < mine or (theirs == mine and earlier):
                return False
    return True


def _filled(template: str, document: Document, about: str | None) -> Iterator[str]:
    """The template with the document's framework names in place."""
    a, b = document.frameworks[:2]
    if about is not None:
        yield template.format(x=about)
    elif "{x}" in template:
        for name in document.frameworks:
            yield template.format(x=name)
    else:
        yield template.format(a=a, b=b)
