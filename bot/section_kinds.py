"""Everyday phrasings for the usual kinds of section in a comparison document.

Most comparisons have the same few kinds of section: what each framework is, its philosophy,
the learning curve, performance, the community, and which one to choose. People ask about
them in the same everyday ways whatever the frameworks are ("which is easier to learn",
"express or nest, which would you go with?"), and a maintainer writing a new document cannot
list every one of those ways. The matcher adds these phrasings to a section's own examples
when the section's id says its kind: ``<framework>-overview``, ``learning-curve``,
``summary``... A section with any other id gets nothing, so a document is never worse off.

``{x}`` stands for the framework a per-framework section is about (the one its id names),
else for each framework of the document in turn; ``{a}`` and ``{b}`` for the first two.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.knowledge import Document, Section
from bot.text import normalize, terms

# Kinds about one framework: the section id names it ("nestjs-overview").
_PER_FRAMEWORK = {
    "overview": (
        "what is {x}",
        "what is {x} used for",
        "what does {x} do",
        "what exactly is {x}",
        "tell me about {x}",
        "explain {x} to me",
        "give me an introduction to {x}",
        "short intro to {x}",
        "{x} overview",
        "{x} basics",
        "what kind of framework is {x}",
        "never heard of {x}, what is it",
        "describe {x} in a few words",
        "what is {x} in a nutshell",
        "is {x} a library or a framework",
        "what do you get with {x} out of the box",
        "what is {x} good for",
        "eli5 {x}",
    ),
    "philosophy": (
        "what is the philosophy of {x}",
        "{x} philosophy",
        "design philosophy behind {x}",
        "what principles guide {x}",
        "why is {x} designed the way it is",
        "what is the {x} way of doing things",
        "what ideas is {x} built on",
        "the thinking behind {x}",
        "what does {x} believe in",
        "what is {x} trying to be",
        "is {x} like that on purpose",
        "is that intentional in {x}",
        "what is the reasoning behind {x}",
        "is it a deliberate design choice in {x}",
        "what is the idea behind {x}",
    ),
}

# Kinds about the comparison as a whole.
_WHOLE_DOCUMENT = {
    "learning-curve": (
        "which is easier to learn",
        "which one is quicker to learn",
        "is {x} hard to learn",
        "is {x} easy to learn",
        "how long does it take to learn {x}",
        "is {x} good for beginners",
        "is {x} beginner friendly",
        "which is better for a beginner",
        "{x} learning curve",
        "how steep is the learning curve",
        "can a newcomer pick up {x}",
        "which takes less time to learn",
        "learning {a} vs {b}",
        "how long until i am productive in {x}",
        "which one has the gentler learning curve",
        "is {x} worth learning",
        "which one is less overwhelming",
    ),
    "summary": (
        "which should i choose",
        "which one should i use",
        "{a} or {b}",
        "{a} vs {b}",
        "{a} or {b} which would you go with",
        "which one would you recommend",
        "help me pick between {a} and {b}",
        "should i use {a} or {b}",
        "when should i use which",
        "when to pick {x}",
        "which is better overall",
        "sum up the comparison",
        "tldr of {a} vs {b}",
        "what is the verdict",
        "what is the difference between {a} and {b}",
        "compare {a} and {b}",
        "is {a} better than {b}",
        "is {b} better than {a}",
        "which would you pick for a new project",
        "{a} or {b} for my project",
        "what are the pros and cons of each",
    ),
    "performance": (
        "which is faster",
        "which one performs better",
        "is {x} slow",
        "is {x} fast",
        "how fast is {x}",
        "{x} performance",
        "does {x} add overhead",
        "which handles more requests",
        "speed of {a} compared to {b}",
        "is {x} heavy at runtime",
    ),
    "architecture": (
        "how is a {x} project structured",
        "how do you organize code in {x}",
        "does {x} force a project structure on you",
        "{x} architecture",
        "how are {x} apps laid out",
        "is {x} opinionated about how code is organized",
        "folder structure of a {x} app",
        "which one gives more structure",
    ),
    "language": (
        "does {x} use typescript",
        "is typescript required for {x}",
        "can i use plain javascript with {x}",
        "what does {x} code look like",
        "{x} syntax",
        "how do templates look in {x}",
        "which syntax is easier to read",
    ),
    "state": (
        "how does {x} handle state",
        "state management in {x}",
        "how does reactivity work in {x}",
        "does {x} need a separate state library",
        "which handles state better",
    ),
    "async": (
        "does {x} support async",
        "is {x} asynchronous",
        "can {x} handle many concurrent requests",
        "async and await in {x}",
        "which is better for async code",
    ),
    "tooling": (
        "what tooling does {x} have",
        "does {x} have a cli",
        "does {x} have hot reload",
        "what is the developer experience like in {x}",
        "which has better dev tools",
        "how do i start a new {x} project",
    ),
    "community": (
        "which has a bigger community",
        "which is more popular",
        "is {x} popular",
        "how big is the {x} ecosystem",
        "are there many libraries for {x}",
        "which has more packages and plugins",
        "is {x} well supported",
        "which one has better docs",
    ),
    "database": (
        "how does {x} talk to a database",
        "does {x} come with an orm",
        "which orm does {x} use",
        "{x} database support",
        "how do you define models in {x}",
        "how do migrations work in {x}",
        "which is nicer for working with a database",
    ),
    "templating": (
        "how do templates work in {x}",
        "which template engine does {x} use",
        "{x} templates",
        "how does {x} render html",
        "how are views written in {x}",
        "which has the nicer templating",
    ),
    "deployment": (
        "how do i deploy {x}",
        "how do you run {x} in production",
        "where can i host a {x} app",
        "is {x} easy to deploy",
        "{x} deployment",
        "which is easier to ship to production",
    ),
    "jobs": (
        "which has more jobs",
        "is {x} in demand",
        "will learning {x} get me hired",
        "which do companies use more",
        "who uses {x}",
        "{x} job market",
        "which is better for my career",
    ),
    "testing": (
        "how do you test a {x} app",
        "does {x} come with a test runner",
        "{x} testing",
        "which is easier to test",
    ),
    "security": (
        "is {x} secure",
        "what security features does {x} have",
        "how does {x} protect against attacks",
        "which is more secure",
    ),
    "platforms": (
        "which platforms does {x} support",
        "can {x} build mobile apps",
        "does {x} run on ios and android",
        "can i target web and desktop with {x}",
        "which one supports more platforms",
    ),
    "routing": (
        "how does routing work in {x}",
        "how do you define routes in {x}",
        "{x} routing",
        "which has nicer routing",
        "how are urls mapped to code in {x}",
    ),
    "middleware": (
        "how does middleware work in {x}",
        "{x} middleware",
        "does {x} have hooks",
        "how do you run code before every request in {x}",
        "which has the better middleware story",
    ),
    "maturity": (
        "is {x} mature",
        "is {x} stable enough for production",
        "is {x} still experimental",
        "how long does {x} support each release",
        "which one is more mature",
    ),
}

# Phrasings asking for one particular fact: borrowed only where the section's answer or own
# examples use all their words, so "who created flask" is not answered by an overview that
# never says who did.
_IF_THE_SECTION_SAYS = {
    "overview": (
        "who makes {x}",
        "who created {x} and when",
        "what is {x} built on",
        "what language is {x} written in",
        "is {x} open source",
    ),
    "performance": (
        "which uses less memory",
        "how much memory does {x} use",
        "which starts up faster",
        "does {x} scale well",
        "which one has better benchmarks",
    ),
    "maturity": (
        "who maintains {x}",
        "does {x} have long term support releases",
    ),
}

# Phrasings asking who makes a framework: borrowed by an overview whose answer names a maker
# ("created by Evan You", "backed by Red Hat"), whatever verb it uses.
_WHO_MAKES = (
    "who makes {x}",
    "who made {x}",
    "who created {x}",
    "who maintains {x}",
    "who develops {x}",
    "what company makes {x}",
)
_NAMES_A_MAKER = re.compile(
    r"\b(?:created|developed|maintained|backed|made|started|stewarded|sponsored|led|funded"
    r"|released|written|designed) by\b|\b(?:creator|author) of\b",
    re.IGNORECASE,
)

# Question words need not appear in the section's text.
_ALWAYS_SAID = frozenset(("what", "which", "how", "why", "when", "where"))

# Words of a section id that say its kind, beside the kind's own name.
_KIND_WORDS = {
    "overview": "overview intro introduction about what",
    "philosophy": "philosophy principles",
    "learning-curve": "learning learn learnability beginners",
    "summary": "summary verdict choose choosing choice conclusion recommendation which",
    "performance": "performance speed startup memory throughput benchmarks",
    "architecture": "architecture structure layout organization organisation",
    "language": "typescript language languages syntax",
    "state": "state reactivity",
    "async": "async asynchronous concurrency",
    "tooling": "tooling tools cli devtools dx experience workflow",
    "community": "community ecosystem popularity",
    "database": "database databases orm persistence models",
    "templating": "templating templates views rendering",
    "deployment": "deployment deploy deploying hosting production serving",
    "jobs": "jobs careers career hiring market adoption industry",
    "testing": "testing tests",
    "security": "security",
    "platforms": "platforms platform mobile",
    "maturity": "maturity stability lts releases",
    "routing": "routing routes router",
    "middleware": "middleware hooks",
}
_KINDS = {word: kind for kind, words in _KIND_WORDS.items() for word in words.split()}
_OVERVIEW_WORDS = frozenset(_KIND_WORDS["overview"].split()) - {"what"}


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
