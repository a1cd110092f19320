"""Framework names: how a question names a framework, and which documents it then means.

By name, by the initials of a name of several words ("RN" for React Native), by the short
names a document itself uses ("torch", "TF"); a package named after a framework
("flask-login") is a subject of its own, not the framework.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from bot.engine.knowledge import Document
from bot.engine.lexicon import is_english
from bot.engine.text import STOPWORDS, normalize, term

_WORD = re.compile(r"[a-z0-9]+")
_CAPITALS = re.compile(r"\b[A-Z]{2,3}\b")
_CAMEL_CASE = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]*)+\b")


class Names:
    """The framework names of a knowledge base's documents, and what they are called."""

    def __init__(self, documents: Sequence[Document]) -> None:
        # Each framework's terms, and the documents (by position) about it.
        self.frameworks: dict[str, set[int]] = defaultdict(set)
        # An everyday word after the first of a name ("web" of "actix web", "native" of
        # "react native") names that framework only beside the first.
        self.name_tails: dict[str, set[str]] = defaultdict(set)
        # Other spellings of a name ("vuejs", "rn", "torch"), to the name's term.
        self.aliases: dict[str, str] = {}
        # Each word of a name as written, to its term (extended by the index with all words).
        self.surface: dict[str, str] = {}
        first_names: set[str] = set()
        for doc_index, document in enumerate(documents):
            used: tuple[set[str], set[tuple[str, str]]] | None = None  # read when needed
            for name in document.frameworks:
                words = normalize(name).split()
                first_names.add(words[0])
                for word in words:
                    self.frameworks[term(word)].add(doc_index)
                    if word != words[0] and is_english(word):
                        self.name_tails[term(word)].add(term(words[0]))
                    self.surface.setdefault(word, term(word))
                    self.aliases[f"{word}js"] = term(word)  # "vuejs", "reactjs"
                    if word.endswith("js") and len(word) > 4:
                        self.aliases[word[:-2]] = term(word)  # "nest" for "nestjs"
                if len(words) > 1:
                    # "reactnative" and "rn" for "react native", "ror" for "ruby on rails"
                    self.aliases["".join(words)] = term(words[0])
                    self.aliases["".join(w[0] for w in words)] = term(words[0])
                else:
                    if used is None:
                        used = _words_of(document)
                    for short in _short_names(words[0], used):
                        self.aliases.setdefault(short, term(words[0]))
        for word, alias in self.aliases.items():
            self.surface.setdefault(word, alias)
        self.package_name = _package_pattern(first_names)

    def package_word(self, found: re.Match[str]) -> str | None:
        """A package named after a framework ("flask-login", "pytest-cov", "django-allauth")
        as one word: a subject of its own, not Flask and a login. None for a framework's own
        name written in parts ("spring-boot", "react-native")."""
        first, second = found.group(1).casefold(), found.group(2).casefold()
        return None if term(second) in self.frameworks else first + second

    def with_package_words(self, text: str) -> str:
        """``text`` with each package name also written as one word, after its parts."""
        if self.package_name is None:
            return text
        return self.package_name.sub(
            lambda found: f"{found.group(0)} {self.package_word(found) or ''}", text
        )

    def package_words(self, text: str, lead: int) -> tuple[set[str], set[str]]:
        """The package names of ``text`` as terms: those before character ``lead``, and the
        others."""
        early: set[str] = set()
        late: set[str] = set()
        if self.package_name is not None:
            for found in self.package_name.finditer(text):
                if (word := self.package_word(found)) is not None:
                    (early if found.start() < lead else late).add(term(word))
        return early, late

    def terms(self, normalized: str) -> tuple[str, ...]:
        """Index terms of a normalized text, as ``bot.engine.text.terms`` with framework aliases."""
        seen: dict[str, None] = {}
        for word in normalized.split():
            alias = self.aliases.get(word)
            if alias is not None or word not in STOPWORDS:
                seen.setdefault(alias or term(word), None)
        return tuple(seen)

    def named(self, terms: Iterable[str]) -> list[str]:
        """The framework names among a question's terms: "web" names Actix Web only beside
        "actix", not in "is flask good for web apps"."""
        given = dict.fromkeys(terms)
        return [
            t
            for t in given
            if t in self.frameworks
            and (t not in self.name_tails or not self.name_tails[t].isdisjoint(given))
        ]

    def documents_named(self, named: list[str]) -> set[int] | None:
        """Documents about the most of the named frameworks; None when none is named."""
        if not named:
            return None
        hits: dict[int, int] = defaultdict(int)
        for t in named:
            for doc_index in self.frameworks[t]:
                hits[doc_index] += 1
        top = max(hits.values())
        return {d for d, n in hits.items() if n == top}


def _package_pattern(first_names: set[str]) -> re.Pattern[str] | None:
    """A framework's first name, a hyphen and a word: how packages for it are named."""
    if not first_names:
        return None
    names = "|".join(re.escape(f) for f in sorted(first_names, key=len, reverse=True))
    return re.compile(rf"(?i)\b({names})-([a-z][a-z0-9]*)")


def _words_of(document: Document) -> tuple[set[str], set[tuple[str, str]]]:
    """The words of the document's own text, roughly, and the initials it writes for names
    it spells in CamelCase (("tf", "tensorflow") where it writes "TF" and "TensorFlow"):
    enough to find the short names it uses. Regular expressions over the whole text are far
    quicker than normalizing it again."""
    texts = [document.title, document.summary or ""]
    for section in document.sections:
        texts.extend((section.title, section.answer, *section.questions, *section.keywords))
    text = " ".join(texts)
    written = set(_CAPITALS.findall(text))
    initials = set()
    for spelling in set(_CAMEL_CASE.findall(text)):
        capitals = "".join(c for c in spelling if c.isupper())
        if capitals in written:
            initials.add((capitals.casefold(), spelling.casefold()))
    return set(_WORD.findall(text.casefold())), initials


def _short_names(name: str, used: tuple[set[str], set[tuple[str, str]]]) -> set[str]:
    """What the document itself calls the framework for short: "torch" for pytorch, "tf" for
    tensorflow where it writes "TF" beside "TensorFlow". Only names its own text uses,
    and the name without its "MQ" or "DB" ("rabbit", "mongo"): nothing else is guessed ("go"
    is not Godot, "UI" is not Unity)."""
    words, initials = used
    short = {letters for letters, spelled in initials if spelled == name}
    if name.startswith("py") and len(name) >= 6 and name[2:] in words:
        short.add(name[2:])  # "torch" for pytorch
    if name.endswith(("mq", "db")) and len(name) >= 7:
        short.add(name[:-2])  # "rabbit" for rabbitmq, "mongo" for mongodb
    return short - STOPWORDS
