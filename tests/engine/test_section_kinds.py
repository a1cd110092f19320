"""Everyday phrasings borrowed by the usual kinds of section, and what they do for a sparse
document: a maintainer's few examples still catch the common ways of asking."""

from __future__ import annotations

from collections.abc import Iterable

from bot.engine.knowledge import Document, KnowledgeBase, Section
from bot.engine.matcher import Matcher
from bot.engine.section_kinds import generic_phrasings, kind_of


def section(section_id: str, *questions: str, answer: str = "") -> Section:
    return Section(
        section_id, section_id.replace("-", " ").title(), questions, (), answer or section_id
    )


def answers(matcher: Matcher, questions: Iterable[str]) -> dict[str, str | None]:
    """The section id each question gets, or None."""
    got: dict[str, str | None] = {}
    for question in questions:
        match = matcher.match(question)
        got[question] = match.answer.section.id if match.answer else None
    return got


# One example a section, as a hurried maintainer might write a new document.
SPARSE = Document(
    "express-vs-nestjs",
    "Express vs NestJS",
    "How do Express and NestJS compare?",
    (
        section("express-overview", "what is express"),
        section("nestjs-overview", "what is nestjs"),
        section("architecture", "how are nestjs apps structured with modules"),
        section("learning-curve", "is nestjs hard to learn"),
        section("summary", "should i pick express or nestjs"),
    ),
    ("express", "nestjs"),
)


def test_the_kind_comes_from_the_section_id() -> None:
    kinds = {s.id: kind_of(SPARSE, s) for s in SPARSE.sections}
    assert kinds == {
        "express-overview": (("overview",), "express"),
        "nestjs-overview": (("overview",), "nestjs"),
        "architecture": (("architecture",), None),
        "learning-curve": (("learning-curve",), None),
        "summary": (("summary",), None),
    }


def test_data_in_an_id_is_no_database() -> None:
    # "data-types" (of columns) and "data-loading" (fetching in a web framework) are not
    # about a database: borrowing "which orm does next.js use" would answer near-misses.
    web = Document("nextjs-vs-remix", "Next.js vs Remix", "?", (), ("next.js", "remix"))
    assert kind_of(web, section("data-loading-and-mutations"))[0] == ()
    assert kind_of(web, section("state-and-data"))[0] == ("state",)
    assert kind_of(web, section("orm-and-database"))[0] == ("database",)


def test_an_id_naming_two_kinds_borrows_the_phrasings_of_both() -> None:
    both = section("ecosystem-and-tooling", "what plugins exist")
    assert kind_of(SPARSE, both) == (("community", "tooling"), None)
    phrasings = list(generic_phrasings(SPARSE, both))
    assert "which has a bigger community" in phrasings
    assert "does nestjs have a cli" in phrasings
    assert kind_of(SPARSE, section("decorators", "why all the @")) == ((), None)
    # An id asking "what" is an overview: of the framework it names, else of each in turn.
    assert kind_of(SPARSE, section("what-is-nestjs")) == (("overview",), "nestjs")
    assert kind_of(SPARSE, section("what-are-they")) == (("overview",), None)
    assert kind_of(SPARSE, section("what-to-choose")) == (("summary",), None)


def test_phrasings_name_the_section_s_framework_or_each_in_turn() -> None:
    overview = list(generic_phrasings(SPARSE, SPARSE.sections[1]))
    assert "what is nestjs used for" in overview
    assert not any("express" in p for p in overview)
    learning = list(generic_phrasings(SPARSE, SPARSE.sections[3]))
    assert "is express hard to learn" in learning and "is nestjs hard to learn" in learning
    assert list(generic_phrasings(SPARSE, section("decorators", "why all the @"))) == []


def test_an_id_names_a_framework_of_several_words_by_all_of_them() -> None:
    rust = Document(
        "actix-web-vs-axum",
        "Actix Web vs Axum",
        "How do Actix Web and Axum compare?",
        (
            section("actix-web-overview", "what is actix web"),
            section("axum-overview", "what is axum"),
        ),
        ("actix-web", "axum"),
    )
    assert kind_of(rust, rust.sections[0]) == (("overview",), "actix-web")
    assert not any("axum" in p for p in generic_phrasings(rust, rust.sections[0]))
    assert answers(Matcher(KnowledgeBase((rust,))), ["tell me about axum"]) == {
        "tell me about axum": "axum-overview"
    }
    native = section("react-native-overview")
    mobile = Document("x", "X", "X?", (native,), ("flutter", "react native"))
    assert kind_of(mobile, native) == (("overview",), "react native")


def test_a_phrasing_asking_one_fact_is_borrowed_only_where_the_section_says_it() -> None:
    silent = section("express-overview", "what is express", answer="A small web framework.")
    telling = section(
        "express-overview", "what is express", answer="Express was created by TJ Holowaychuk."
    )
    # Each in place of the document's own overview of Express.
    silent_doc, telling_doc = (
        Document(SPARSE.id, SPARSE.title, "?", (s, *SPARSE.sections[1:]), SPARSE.frameworks)
        for s in (silent, telling)
    )
    assert "who created express and when" not in list(generic_phrasings(silent_doc, silent))
    assert "who created express and when" in list(generic_phrasings(telling_doc, telling))
    # Phrasings of the kind itself come either way.
    assert "what is express used for" in list(generic_phrasings(silent_doc, silent))
    # An overview naming a maker, with whatever verb, answers who makes the framework.
    assert "who maintains express" in list(generic_phrasings(telling_doc, telling))
    assert "who maintains express" not in list(generic_phrasings(silent_doc, silent))


def test_a_sparse_document_answers_everyday_phrasings() -> None:
    matcher = Matcher(KnowledgeBase((SPARSE,)))
    expected = {
        "express or nest, which would you go with?": "summary",
        "which one is quicker to learn, express or nestjs?": "learning-curve",
        "give me an intro to nest.js": "nestjs-overview",
        "never heard of express, what is it": "express-overview",
    }
    assert answers(matcher, expected) == expected


def test_kinds_beyond_the_first_ones_borrow_too() -> None:
    wider = Document(
        "express-vs-nestjs",
        "Express vs NestJS",
        "How do Express and NestJS compare?",
        (
            *SPARSE.sections,
            section("orm-and-database", "typeorm or prisma"),
            section("jobs-and-adoption", "who hires for this"),
            section("deployment", "serverless?"),
            section("routing-and-handlers", "controllers or app.get"),
            section("middleware", "guards and interceptors"),
        ),
        ("express", "nestjs"),
    )
    matcher = Matcher(KnowledgeBase((wider,)))
    expected = {
        "which orm does nest use": "orm-and-database",
        "is express still in demand": "jobs-and-adoption",
        "where can i host a nestjs app": "deployment",
        "how do you define routes in express": "routing-and-handlers",
        "how do i run code before every request in nestjs": "middleware",
    }
    assert answers(matcher, expected) == expected
    # Without a section of its kind, the same everyday phrasing finds nothing.
    assert Matcher(KnowledgeBase((SPARSE,))).match("where can i host a nestjs app").answer is None


def test_borrowed_phrasings_do_not_answer_what_the_document_does_not_cover() -> None:
    matcher = Matcher(KnowledgeBase((SPARSE,)))
    for question in ("how do i deploy nestjs to kubernetes", "express cors error on localhost"):
        assert matcher.match(question).answer is None, question


def test_nest_is_the_nestjs_framework() -> None:
    matcher = Matcher(KnowledgeBase((SPARSE,)))
    documents, weights = matcher.weigh("my team moved to nest, what is it")
    assert documents == {0}
    assert "nest" not in weights


def test_of_two_sections_of_one_kind_only_one_takes_its_phrasings() -> None:
    data = Document(
        "pandas-vs-polars",
        "Pandas vs Polars",
        "?",
        (
            section("memory-and-types", "how do they store data in memory"),
            section("performance", "is polars faster on big joins"),
            section("speed-and-memory", "which uses less memory"),
        ),
        ("pandas", "polars"),
    )
    # All three are of the performance kind; the one named after it takes its phrasings, so
    # "which is faster" does not tie between them.
    assert [kind_of(data, s)[0] for s in data.sections] == [("performance",)] * 3
    takes = [s.id for s in data.sections if "which is faster" in generic_phrasings(data, s)]
    assert takes == ["performance"]
    assert answers(Matcher(KnowledgeBase((data,))), ["is polars really quicker"]) == {
        "is polars really quicker": "performance"
    }
    # Without one named after the kind, the first of the fewest kinds takes them.
    rest = Document(data.id, data.title, "?", data.sections[::2], data.frameworks)
    takes = [s.id for s in rest.sections if "which is faster" in generic_phrasings(rest, s)]
    assert takes == ["memory-and-types"]
