"""The matcher on small hand-written knowledge: typos, abstention, routing, ties."""

from __future__ import annotations

import pytest

from bot.engine import matcher as matching
from bot.engine.knowledge import Document, KnowledgeBase, Section
from bot.engine.matcher import Matcher, ranking, tuning, weighing
from bot.engine.matcher import index as matcher_index
from bot.engine.text import compared_pairs, identifier_words, normalize, refers_to_pair, term, terms


def section(section_id: str, *questions: str, answer: str = "") -> Section:
    return Section(
        section_id,
        section_id.replace("-", " ").title(),
        questions,
        (),
        answer or f"about {section_id}",
    )


FLASK = Document(
    "flask-vs-django",
    "Flask vs Django",
    "What is Flask and how is it different from Django?",
    (
        section(
            "flask-overview",
            "what is flask",
            "tell me about flask",
            "what does micro framework mean",
        ),
        section("learning-curve", "is django hard to learn", "which is easier for beginners"),
        section(
            "django-philosophy", "what is the django philosophy", "why is django so opinionated"
        ),
    ),
    ("flask", "django"),
)
REACT = Document(
    "react-vs-vue",
    "React vs Vue",
    "How do React and Vue compare?",
    (
        section("learning-curve", "is vue hard to learn", "which is easier for beginners"),
        section("react-overview", "what is react", "what is jsx"),
    ),
    ("react", "vue"),
)


@pytest.fixture
def matcher() -> Matcher:
    return Matcher(KnowledgeBase((FLASK, REACT)))


def answer_of(matcher: Matcher, question: str) -> str | None:
    match = matcher.match(question)
    return f"{match.answer.document.id}/{match.answer.section.id}" if match.answer else None


def test_normalize_folds_case_accents_invisible_characters_and_markup() -> None:
    text = "<@123> Is DJÁNGO\u200b hard\u200d to learn?? <:blob:42> https://example.com/x @everyone"
    assert normalize(text) == "is django hard to learn"


def test_normalize_cuts_very_long_input() -> None:
    assert len(normalize("django " * 5000)) <= 400


def test_a_quality_and_its_adjective_are_one_term() -> None:
    for pair in (
        "secure security",
        "mature maturity",
        "popular popularity",
        "scale scalable scalability",
        "community communities",
    ):
        assert len(set(terms(pair))) == 1, pair


def test_a_verb_ending_like_an_adverb_keeps_its_stem() -> None:
    assert term("deeply") == term("deep")  # an adverb meets its adjective
    # "apply" is not "app" and "reply" is not "rep": "terraform plan and apply" asks no app.
    for verb, other in (("apply", "app"), ("reply", "rep")):
        assert term(verb) != term(other), verb


def test_shorthand_for_a_technical_word_is_that_word() -> None:
    for short, long in (
        ("db", "database"),
        ("config", "configuration"),
        ("prod", "production"),
        ("docs", "documentation"),
        ("k8s", "kubernetes"),
        ("ts", "typescript"),
    ):
        assert terms(short) == terms(long), short
    assert normalize("does webpack work w/o a config") == "does webpack work without a config"


def test_terms_drop_filler_and_fold_synonyms() -> None:
    assert terms(normalize("so uh, is Django really difficult to learn?")) == [
        "django",
        "hard",
        "learn",
    ]
    # Chat shorthand is filler too; "tradeoff" is the trade-off the examples spell out.
    assert terms(normalize("shud i pick flask w/ 2 yrs of python, tradeoffs etc?")) == [
        "choos",
        "flask",
        "2",
        "python",
        "trad",
    ]
    assert terms(normalize("tradeoff")) == terms(normalize("trade-off"))
    # Picking a framework up is learning it; "in simple terms" asks for a plain answer.
    assert terms(normalize("which is easier to pick up")) == ["which", "easy", "learn"]
    assert terms(normalize("explain Django in simple terms")) == ["django", "plain"]
    assert terms(normalize("what sort of features")) == terms(normalize("what kind of features"))
    assert terms(normalize("y is django so opinionated?")) == terms(
        normalize("why is django so opinionated?")
    )
    assert "why" not in normalize("swap x and y is that ok")
    # What a framework costs you is not what it gives you.
    assert "give" not in terms(normalize("what do i give up with django"))
    assert "give" in terms(normalize("what does django give you"))
    assert set(terms(normalize("ELI5 flask"))) == set(terms(normalize("flask like i'm five")))
    assert terms(normalize("flask in plain english")) == terms(normalize("flask in simple terms"))
    # "total noob here" introduces the asker: the question is about what flask is.
    assert terms(normalize("total noob here, what is flask?")) == ["what", "flask"]
    assert terms(normalize("backend dev here, what is react?")) == ["what", "react"]
    assert terms(normalize("help me wrap my head around flask")) == ["flask"]
    assert terms(normalize("is flask fast or just hype")) == terms(normalize("is flask fast"))
    assert terms(normalize("is flask ok for a noob")) == ["flask", "begin"]
    # Idioms ask what they mean, not what their words say.
    assert terms(normalize("new to python web stuff, what is flask")) == ["begin", "what", "flask"]
    assert terms(normalize("im new to django, is it hard")) == ["new", "django", "hard"]
    assert terms(normalize("the short version of flask")) == ["plain", "flask"]
    assert terms(normalize("which takes care of more")) == ["which", "handl", "more"]
    assert terms(normalize("django explained quickly?")) == ["django", "explain", "plain"]
    assert terms(normalize("can you briefly describe flask")) == ["plain", "describ", "flask"]
    assert "fast" in terms(normalize("how quickly does flask start"))
    assert terms(normalize("at the end of the day, which?")) == ["overall", "which"]
    assert terms(normalize("in the end, which?")) == ["overall", "which"]
    assert terms(normalize("coming from a rails background, is flask hard")) == ["flask", "hard"]
    assert "json" in terms(normalize("does the request data come from json"))
    for background in ("coming from node/express land,", "coming from node and express,"):
        assert terms(normalize(f"{background} what is flask")) == ["what", "flask"]
    # "and" starts a new clause unless a comma ends the list: flask stays the subject.
    assert terms(normalize("coming from django and flask feels empty")) == [
        "flask",
        "feel",
        "empty",
    ]
    assert terms(normalize("django comes w migrations n stuff")) == ["django", "includ", "migr"]
    # "suits" is fits, a "piece" is a component; "sth" and "ppl" are shorthand filler.
    assert terms(normalize("which suits me")) == terms(normalize("which fits me"))
    assert terms(normalize("swap pieces")) == terms(normalize("swap components"))
    assert terms(normalize("do ppl pick sth else")) == ["choos"]
    assert terms(normalize("wht does django hav")) == terms(normalize("what does django have"))
    # Words that only link others ("neither", "other", "nowadays") say nothing of the topic.
    assert terms(normalize("neither of them is used much nowadays, other than at work")) == [
        "used",
        "work",
    ]


def test_exact_and_paraphrased_questions_are_answered(matcher: Matcher) -> None:
    assert answer_of(matcher, "is django hard to learn?") == "flask-vs-django/learning-curve"
    assert answer_of(matcher, "Is Django difficult to learn") == "flask-vs-django/learning-curve"


def test_typos_are_corrected(matcher: Matcher) -> None:
    assert matcher.query_terms("is djnago hrad to lern") == ["django", "hard", "learn"]
    assert answer_of(matcher, "is djnago hard to lern") == "flask-vs-django/learning-curve"


def test_named_framework_routes_to_its_document(matcher: Matcher) -> None:
    assert answer_of(matcher, "is vue hard to learn?") == "react-vs-vue/learning-curve"
    assert answer_of(matcher, "is django hard to learn?") == "flask-vs-django/learning-curve"


def test_unknown_words_make_it_abstain(matcher: Matcher) -> None:
    match = matcher.match("how do I serve static files with flask")
    assert match.answer is None
    assert match.score < matcher.answer_threshold


def test_greetings_and_empty_input_get_nothing(matcher: Matcher) -> None:
    for text in ("hi", "hello everyone!", "", "   ", "\u200b\u200b", "???"):
        match = matcher.match(text)
        assert match.answer is None and match.suggestions == (), text


def test_question_naming_no_framework_is_a_tie_between_documents(matcher: Matcher) -> None:
    match = matcher.match("which is easier for beginners")
    assert match.answer is None
    assert {(c.document.id, c.section.id) for c in match.suggestions[:2]} == {
        ("flask-vs-django", "learning-curve"),
        ("react-vs-vue", "learning-curve"),
    }


def test_answer_carries_next_best_sections_as_suggestions(matcher: Matcher) -> None:
    match = matcher.match("what is the philosophy of django")
    assert match.answer is not None and match.answer.section.id == "django-philosophy"
    assert all(c.section.id != "django-philosophy" for c in match.suggestions)
    assert all(c.score <= match.score for c in match.suggestions)


def test_threshold_override_makes_it_stricter(matcher: Matcher) -> None:
    question = "django philosophy regarding deployment pipelines"
    loose = matcher.match(question, threshold=10)
    strict = matcher.match(question, threshold=99)
    assert loose.answer is not None
    assert strict.answer is None
    assert strict.suggestions[0].section.id == loose.answer.section.id


def test_chat_around_a_question_does_not_stop_the_answer(matcher: Matcher) -> None:
    chatty = "hi! so uh what exactly is flask? my professor mentioned it twice in lectures"
    assert answer_of(matcher, chatty) == "flask-vs-django/flask-overview"
    assert answer_of(matcher, "what exactly is flask?") == "flask-vs-django/flask-overview"


def test_an_unknown_programming_subject_still_makes_it_abstain(matcher: Matcher) -> None:
    # Everyday English like "professor" is chat; "deploy" and "docker" are subjects.
    assert answer_of(matcher, "what is the way to deploy flask with docker") is None
    assert answer_of(matcher, "is django hard to learn with celery and redis") is None
    # Everyday words that, in a programming question, name what it asks about.
    for question in ("what is flask inheritance", "what is a flask snapshot"):
        assert answer_of(matcher, question) is None, question


def test_everyday_words_without_a_framework_name_are_not_chat(matcher: Matcher) -> None:
    assert answer_of(matcher, "what is your favourite weather for gardening") is None


def test_correctly_spelt_words_are_not_corrected_into_other_words(matcher: Matcher) -> None:
    # "prospects" is one slip and a swap from "projects", a word this knowledge could use.
    assert "prospect" in matcher.query_terms("flask job prospects")
    assert "flask" in matcher.query_terms("flaks")  # a framework name is still corrected


def test_dot_js_names_are_the_framework(matcher: Matcher) -> None:
    assert answer_of(matcher, "what is react.js") == "react-vs-vue/react-overview"
    assert answer_of(matcher, "what is reactjs?") == "react-vs-vue/react-overview"


def test_js_after_a_framework_name_is_part_of_the_name(matcher: Matcher) -> None:
    assert matcher.query_terms("what is react js") == matcher.query_terms("what is react")
    assert "javascript" in matcher.query_terms("is js hard to learn")


def test_a_slip_in_a_long_word_is_corrected_through_its_stem() -> None:
    knowledge = KnowledgeBase(
        (Document("d", "D", "?", (section("pick", "what do you recommend"),), ("flask",)),)
    )
    assert "recommend" in Matcher(knowledge).query_terms("flask recomendation")


def test_tldr_asks_for_the_summary() -> None:
    assert normalize("ok tl;dr?") == normalize("ok tl dr") == "ok tldr"
    assert terms("tldr") == terms("summary")


def test_a_word_only_another_document_knows_counts_as_unknown(matcher: Matcher) -> None:
    # "jsx" is known to React vs Vue, not to Flask vs Django: it cannot help a Flask answer.
    _, weights = matcher.weigh("what is jsx in flask")
    _, routed = matcher.weigh("what is jsx in react")
    assert weights["jsx"] > routed["jsx"]


def test_an_exact_tie_in_one_document_is_not_answered(matcher: Matcher) -> None:
    tied = Matcher(
        KnowledgeBase(
            (
                Document(
                    "d",
                    "D",
                    "?",
                    (section("one", "does it have an orm"), section("two", "does it have an orm")),
                    ("flask",),
                ),
            )
        )
    )
    match = tied.match("does it have an orm?")
    assert match.answer is None
    assert len(match.suggestions) == 2


def test_require_framework_answers_only_questions_that_name_one(matcher: Matcher) -> None:
    assert matcher.match("is django hard to learn", require_framework=True).answered
    assert not matcher.match("is it hard to learn", require_framework=True).answered


def test_misspelt_filler_is_dropped_and_a_correction_keeps_the_first_letter(
    matcher: Matcher,
) -> None:
    assert matcher.query_terms("vue explaind") == matcher.query_terms("vue")
    assert matcher.query_terms("wich is easier") == matcher.query_terms("which is easier")
    # A slip rarely hits the first letter: "ninja" (django-ninja) is no "jinja".
    jinja = Document(
        "flask-vs-django", "F", "?", (section("flask-overview", "what is jinja"),), ("flask",)
    )
    assert Matcher(KnowledgeBase((jinja,))).query_terms("django ninja") == ["django", "ninja"]
    assert Matcher(KnowledgeBase((jinja,))).query_terms("flask jnija") == ["flask", "jinja"]


def test_indexed_and_plain_example_comparison_score_alike(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.engine.knowledge import default_knowledge_dir, load

    knowledge = load([default_knowledge_dir()])
    questions = [q for d in knowledge.documents for s in d.sections for q in s.questions[::7]]
    questions += ["how do i serve static files with flask", "flaks philosphy?", "hi"]
    indexed = matching.Matcher(knowledge)
    monkeypatch.setattr(matcher_index, "INDEXED_EXAMPLES", 10**9)
    plain = matching.Matcher(knowledge)
    for question in questions:
        assert indexed.rank(question) == plain.rank(question), question


def test_asked_sentences_are_the_ones_ending_with_a_question_mark() -> None:
    from bot.engine.text import asked_sentences

    text = "hello! a job posting wants vue.js. what is it actually? thanks"
    assert asked_sentences(text) == " what is it actually"
    assert asked_sentences("what is flask?") is None  # one sentence
    assert asked_sentences("i like flask. it is nice") is None  # asks nothing
    assert asked_sentences("what is flask? is it hard?") is None  # all of it asks


def test_a_long_message_is_answered_by_the_sentence_that_asks(matcher: Matcher) -> None:
    question = (
        "hello! a job posting i'm looking at wants django experience and a cv. "
        "what is flask actually?"
    )
    assert answer_of(matcher, question) == "flask-vs-django/flask-overview"


def test_a_one_word_reply_is_not_a_question_but_gets_suggestions(matcher: Matcher) -> None:
    # "opinionated" alone fits one section perfectly, yet a member who writes only that in a
    # DM is more likely replying than asking: the bot offers the section instead.
    match = matcher.match("opinionated")
    assert match.answer is None
    assert [c.section.id for c in match.suggestions][:1] == ["django-philosophy"]
    assert answer_of(matcher, "django opinionated") == "flask-vs-django/django-philosophy"
    # The same for an everyday word that is also a programming one: "thanks, that fixed it!"
    fixed = Document(
        "flask-vs-django",
        "Flask vs Django",
        "?",
        (section("django-philosophy", "why does django have a fixed structure"),),
        ("flask", "django"),
    )
    assert Matcher(KnowledgeBase((fixed,))).match("thanks a lot, that fixed it!").answer is None
    # A word asked about "the two" is a question, though: "is either of them fixed?"
    assert answer_of(Matcher(KnowledgeBase((fixed,))), "is either of them fixed?") == (
        "flask-vs-django/django-philosophy"
    )


def test_a_framework_of_several_words_is_named_by_its_initials_or_as_one_word() -> None:
    mobile = Document(
        "flutter-vs-react-native",
        "Flutter vs React Native",
        "How do Flutter and React Native compare?",
        (
            section("performance", "is react native slower than flutter"),
            section("language", "dart or javascript, which is nicer"),
        ),
        ("flutter", "react native"),
    )
    matcher = Matcher(KnowledgeBase((FLASK, mobile)))
    for question in ("is RN slower than flutter?", "is reactnative slower than flutter?"):
        documents, _ = matcher.weigh(question)
        assert documents == {1}, question
        assert answer_of(matcher, question) == "flutter-vs-react-native/performance"


def test_a_misspelt_everyday_word_or_a_year_around_a_framework_is_chat_not_a_subject() -> None:
    matcher = Matcher(KnowledgeBase((FLASK,)))
    _, weights = matcher.weigh("is flask comercially usable")
    _, spelt = matcher.weigh("is flask commercially usable")
    assert list(weights.values()) == list(spelt.values())
    assert weights["comercial"] < 1
    # A year says when, not what: "flask or django in 2025" asks which to pick.
    assert matcher.weigh("is flask still good in 2025")[1]["2025"] < 1
    assert matcher.weigh("is flask still good in 2025 or 3000")[1]["3000"] > 5
    # A slip of a programming word is still a subject the knowledge does not cover.
    _, weights = matcher.weigh("flask websockts")
    assert weights["websockt"] > 5


def test_a_number_counting_something_is_no_subject_but_a_version_is() -> None:
    matcher = Matcher(KnowledgeBase((FLASK,)))
    for question in ("team of 3, flask or django?", "been on django for 2 yrs, is flask easier"):
        assert not any(t.isdigit() for t in matcher.query_terms(question)), question
    # Nor is the unit of a time it counts: "min" is minutes, no programming subject.
    assert matcher.query_terms("my flask tests take 10 min") == ["flask", "test", "take"]
    for question, version in (
        ("what is new in django 5", "5"),
        ("does flask run on python 3.13", "13"),
        ("migrating a django 1.x app", "1"),
    ):
        _, weights = matcher.weigh(question)
        assert weights[version] > 5, question
    # An order that starts the question asks how to do it, like "how do I": its everyday words
    # are the subject, not chat around "django".
    _, weights = matcher.weigh("set django to show dates with slashes")
    assert weights["slash"] > 5
    # "how to choose" asks for a verdict: the story around it is chat, as in any question.
    _, weights = matcher.weigh("going back and forth for days, flask or django, how to choose?")
    assert weights["forth"] < 1
    _, weights = matcher.weigh("how to make forms go back and forth in django")
    assert weights["forth"] > 5


def test_an_everyday_word_of_a_framework_s_name_names_it_only_beside_the_rest() -> None:
    rust = Document(
        "actix-web-vs-axum",
        "Actix Web vs Axum",
        "How do Actix Web and Axum compare?",
        (section("performance", "is actix web faster than axum"),),
        ("actix-web", "axum"),
    )
    matcher = Matcher(KnowledgeBase((FLASK, rust)))
    assert matcher.weigh("is flask good for web apps")[0] == {0}
    assert matcher.weigh("which web framework should i learn")[0] is None
    assert matcher.weigh("is actix web fast")[0] == {1}


def test_a_question_naming_no_framework_fitting_two_documents_closely_is_not_answered() -> None:
    vue = Document(
        "react-vs-vue",
        "React vs Vue",
        "How do React and Vue compare?",
        (section("learning-curve", "is vue hard to learn", "which is easier to pick up"),),
        ("react", "vue"),
    )
    matcher = Matcher(KnowledgeBase((FLASK, vue)))
    question = "which is easier for a beginner to learn"
    first, second = matcher.rank(question, limit=2)
    assert {first.document.id, second.document.id} == {"flask-vs-django", "react-vs-vue"}
    assert 2 <= first.score - second.score < 5  # past the tie margin, yet close
    match = matcher.match(question)
    assert match.answer is None and len(match.suggestions) == 2
    # Naming a framework says which: it is answered.
    assert answer_of(matcher, "which is easier for a beginner to learn, vue?") == (
        "react-vs-vue/learning-curve"
    )


def test_the_two_unnamed_is_not_answered_when_two_comparisons_could_answer() -> None:
    vue = Document(
        "react-vs-vue",
        "React vs Vue",
        "How do React and Vue compare?",
        (section("learning-curve", "is vue hard to learn", "which one is easier to learn fast"),),
        ("react", "vue"),
    )
    question = "which of the two is easier to learn fast"
    alone = Matcher(KnowledgeBase((vue,)))
    assert answer_of(alone, question) == "react-vs-vue/learning-curve"
    both = Matcher(KnowledgeBase((FLASK, vue)))
    first, second = both.rank(question, limit=2)
    assert first.document.id == "react-vs-vue" and first.score - second.score >= 5
    assert second.document.id == "flask-vs-django" and second.score >= 55  # could answer too
    assert both.match(question).answer is None
    assert answer_of(both, "which of the two is easier to learn fast, react or vue?") == (
        "react-vs-vue/learning-curve"
    )


def test_knowledge_text_is_read_whole_and_questions_are_cut() -> None:
    long_text = "word " * 200 + "tensorboard"
    assert normalize(long_text).split()[-1] == "word"
    assert normalize(long_text, limit=None).split()[-1] == "tensorboard"


TORCH = Document(
    "pytorch-vs-tensorflow",
    "PyTorch vs TensorFlow",
    "How do PyTorch and TensorFlow compare?",
    (
        section(
            "execution",
            "eager or graph mode",
            "does it run eagerly or build a graph",
            "graph execution",
            answer="PyTorch runs eagerly. Old TF 1.x built a static graph first.",
        ),
        section(
            "tooling",
            "which has better tools",
            answer="Both ship profilers and notebooks support. " * 12
            + "Torch users often log to TensorBoard too.",
        ),
    ),
    ("pytorch", "tensorflow"),
)


def test_a_document_s_own_short_names_for_its_frameworks_name_them() -> None:
    matcher = Matcher(KnowledgeBase((FLASK, TORCH)))
    for question in ("is tf eager or graph?", "does torch do eager or graph mode"):
        assert matcher.weigh(question)[0] == {1}, question
        assert answer_of(matcher, question) == "pytorch-vs-tensorflow/execution", question
    # Nothing is guessed: the Flask document never says "fl", so "fl" names nothing; nor is
    # a word merely made of the name's letters a name ("go" and "UI" for Godot and Unity).
    assert matcher.weigh("is fl easy")[0] is None
    engines = Document(
        "unity-vs-godot",
        "Unity vs Godot",
        "?",
        (section("ui", "which has the better UI tools", "where do I go to learn it"),),
        ("unity", "godot"),
    )
    engine_matcher = Matcher(KnowledgeBase((FLASK, engines)))
    assert engine_matcher.weigh("where do i go")[0] is None
    assert engine_matcher.weigh("UI tools?")[0] is None


def test_an_answer_s_later_detail_counts_a_little_for_a_named_framework(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    matcher = Matcher(KnowledgeBase((TORCH,)))
    assert TORCH.sections[1].answer.index("TensorBoard") > 400  # past the answer's opening
    scores = {}
    for credit in (0.0, tuning.ANSWER_TAIL_CREDIT):
        monkeypatch.setattr(ranking, "ANSWER_TAIL_CREDIT", credit)
        for question in ("pytorch tooling with tensorboard", "tooling with tensorboard"):
            best = matcher.rank(question)[0]
            assert best.section.id == "tooling"
            scores[question, credit] = best.score
    named, unnamed = "pytorch tooling with tensorboard", "tooling with tensorboard"
    assert scores[named, tuning.ANSWER_TAIL_CREDIT] > scores[named, 0.0]
    # Without a framework named, the detail is not enough to go on.
    assert scores[unnamed, tuning.ANSWER_TAIL_CREDIT] == scores[unnamed, 0.0]


def test_the_everyday_words_of_a_how_to_question_are_its_subject() -> None:
    engines = Document(
        "unity-vs-godot",
        "Unity vs Godot",
        "How do Unity and Godot compare?",
        (
            section("3d-graphics", "which makes better 3d graphics", "how do they compare for 3d"),
            section("licensing", "is godot free", "how much does unity cost"),
        ),
        ("unity", "godot"),
    )
    matcher = Matcher(KnowledgeBase((engines,)))
    # "double" and "jump" are everyday English, yet they are what this asks about.
    assert matcher.match("how do I make a double jump in godot").answer is None
    assert matcher.match("how to make the camera follow the player in unity").answer is None
    # Around a question that is not a how-to, everyday words are still chat.
    assert answer_of(matcher, "my buddy keeps raving about godot, is it free?") == (
        "unity-vs-godot/licensing"
    )


def test_a_question_about_the_two_of_them_takes_everyday_words_for_chat() -> None:
    for question in ("which of the two", "is one of them better", "both", "than the other"):
        assert refers_to_pair(normalize(question)), question
    assert not refers_to_pair(normalize("is flask better than django for two people"))
    matcher = Matcher(KnowledgeBase((FLASK,)))
    # "the two" and "one of them" are the frameworks the channel talks about: as around a
    # name, everyday words ("objectively") are chat.
    for question in (
        "which of the two is objectively easier for beginners",
        "is one of them objectively easier for beginners than the other",
    ):
        assert answer_of(matcher, question) == "flask-vs-django/learning-curve", question
    # Without a name or "the two", an unforeseen everyday word may be the subject of another
    # question: it counts, though less than jargon.
    unnamed = matcher.match("which is objectively easier for beginners").score
    assert unnamed < matcher.match("which of the two is objectively easier for beginners").score
    assert unnamed > matcher.match("which is objectively easier for beginners, chess or go").score
    assert answer_of(matcher, "which is objectively easier for beginners, chess or go") is None


def test_a_word_only_an_answer_uses_weighs_less_than_one_nobody_uses() -> None:
    flask = Document(
        "flask-vs-django",
        "Flask vs Django",
        "?",
        (
            section(
                "flask-overview",
                "what is flask",
                "what is a micro framework",
                answer="Flask is a micro framework built on Werkzeug and Jinja.",
            ),
            section("learning-curve", "is django hard to learn", "which is easier to learn"),
        ),
        ("flask", "django"),
    )
    matcher = Matcher(KnowledgeBase((flask,)))
    weights = matcher.weigh("werkzeug or gunicorn")[1]
    rarest = max(matcher.weigh("micro")[1].values())
    assert rarest < weights["werkzeug"] < weights["gunicorn"]
    assert weights["werkzeug"] == pytest.approx(rarest * tuning.ANSWER_WORD_WEIGHT)
    assert weights["gunicorn"] == pytest.approx(rarest * tuning.UNKNOWN_WEIGHT)


def test_a_section_with_few_examples_is_answered_a_little_below_the_threshold() -> None:
    sparse = section("learning-curve", "is django hard to learn")
    dense = section("learning-curve", *(f"is django hard to learn {n}" for n in range(40)))
    question = "is django hard to learn for someone new"
    for part, allowed in ((sparse, True), (dense, False)):
        document = Document("flask-vs-django", "F", "?", (part,), ("flask", "django"))
        score = Matcher(KnowledgeBase((document,))).match(question).score
        # A threshold 3 points above the score: only the sparse section is answered anyway.
        strict = Matcher(KnowledgeBase((document,)), answer_threshold=score + 3)
        assert strict.match(question).answered is allowed
        assert (
            not Matcher(KnowledgeBase((document,)), answer_threshold=score + 6)
            .match(question)
            .answered
        )
    # Not for a how-to: near-misses mostly ask how to do something.
    document = Document("flask-vs-django", "F", "?", (sparse,), ("flask", "django"))
    how_to = "how do i make django hard to learn"
    score = Matcher(KnowledgeBase((document,))).match(how_to).score
    strict = Matcher(KnowledgeBase((document,)), answer_threshold=score + 1)
    assert not strict.match(how_to).answered


def test_an_everyday_word_stands_for_a_related_word_the_knowledge_uses() -> None:
    document = Document(
        "unity-vs-godot",
        "Unity vs Godot",
        "?",
        (
            section("community", "which has the bigger community", "is godot popular"),
            section("future", "what is the future of unity", "is godot declining"),
            section("porting", "how hard is porting a game from unity to godot"),
            section("summary", "unity or godot", "which should i choose"),
        ),
        ("unity", "godot"),
    )
    matcher = Matcher(KnowledgeBase((document,)))
    # "crowd" and "dead" are words of no example: they stand for "community" and "future".
    assert answer_of(matcher, "which has the bigger crowd, unity or godot?") == (
        "unity-vs-godot/community"
    )
    assert answer_of(matcher, "is unity dead?") == "unity-vs-godot/future"
    weights = matcher.weigh("is unity dead?")[1]
    (stand_in,) = set(weights) - {"unity"}
    assert stand_in in {term("future"), term("declining")}
    own = matcher.weigh(f"is unity {stand_in}")[1][stand_in]
    assert weights[stand_in] == pytest.approx(own * tuning.RELATED_WEIGHT)
    # A programming term is meant as written: a network port is not porting a game, and the
    # everyday words of a how-to are its subject.
    assert "port" in matcher.weigh("what port does the unity editor listen on")[1]
    assert answer_of(matcher, "what port does the unity editor listen on") is None
    assert "dead" in matcher.weigh("how do i make a dead enemy respawn in godot")[1]


def test_two_things_no_section_knows_compared_are_the_subject_not_chat() -> None:
    assert compared_pairs(normalize("RabbitMQ shovel vs. federation?")) == [
        ("shovel", "federation")
    ]
    assert compared_pairs(normalize("the difference between a shovel and a federation")) == [
        ("shovel", "federation")
    ]
    brokers = Document(
        "kafka-vs-rabbitmq",
        "Kafka vs RabbitMQ",
        "?",
        (
            section("choosing", "kafka or rabbitmq", "when do i use which"),
            section("architecture", "how does kafka work", "log vs queue"),
        ),
        ("kafka", "rabbitmq"),
    )
    matcher = Matcher(KnowledgeBase((brokers,)))
    # Around a framework name, everyday words are chat; compared with each other, they are
    # what the question is about, and no section answers it.
    assert answer_of(matcher, "rabbitmq shovel or federation, when do i use which") == (
        "kafka-vs-rabbitmq/choosing"
    )
    assert answer_of(matcher, "rabbitmq shovel vs federation, when do i use which") is None
    # Frameworks, or words the knowledge uses, compared: the usual question.
    assert answer_of(matcher, "kafak vs rabbit, when do i use which") == (
        "kafka-vs-rabbitmq/choosing"
    )
    assert answer_of(matcher, "log vs queue, how does kafka work") == (
        "kafka-vs-rabbitmq/architecture"
    )


def test_a_name_written_with_underscores_is_the_subject_not_chat() -> None:
    assert identifier_words("terraform: depends_on isn't working, nor USE_TZ") == [
        "depends",
        "on",
        "use",
        "tz",
    ]
    infra = Document(
        "terraform-vs-pulumi",
        "Terraform vs Pulumi",
        "?",
        (
            section(
                "overview",
                "what is terraform",
                "how does terraform plan work",
                "what does terraform apply do",
            ),
            section("state", "how does terraform store state", "where does pulumi keep its state"),
        ),
        ("terraform", "pulumi"),
    )
    matcher = Matcher(KnowledgeBase((infra,)))
    # Written apart, "depends" is an everyday word around a framework name: chat.
    assert answer_of(matcher, "terraform plan keeps waiting on depends") == (
        "terraform-vs-pulumi/overview"
    )
    # Written as a setting, it is what the question is about, and no section knows it.
    question = "terraform plan keeps waiting on depends_on"
    weights = matcher.weigh(question)[1]
    assert weights["depend"] > weights["terraform"]
    assert answer_of(matcher, question) is None


def test_a_package_named_after_a_framework_is_a_subject_of_its_own() -> None:
    flask = Document(
        "flask-vs-django",
        "Flask vs Django",
        "?",
        (
            section(
                "flask-overview",
                "what is flask",
                "what does flask give me",
                answer="A small core. Extensions such as Flask-Login or Flask-WTF add the rest.",
            ),
            section(
                "flask-philosophy",
                "why is flask so minimal",
                "why does flask not validate forms",
                answer="Flask leaves choices to you: no form validation, no database layer.",
            ),
            section("spring-boot-overview", "what is spring boot"),
        ),
        ("flask", "django", "spring boot"),
    )
    matcher = Matcher(KnowledgeBase((flask,)))
    assert "flaskwtf" in matcher.query_terms("flask-wtf validate_on_submit")
    # A framework's own name in parts is that framework, not a package.
    assert "springboot" not in matcher.query_terms("spring-boot or flask")
    # Read as Flask and "validate", the error would look like a question on why Flask does
    # not validate forms; it asks about a package the knowledge only names.
    assert answer_of(matcher, "flask-wtf validate_on_submit always returns false") is None
    assert answer_of(matcher, "do i need flask-wtf to validate forms in flask") == (
        "flask-vs-django/flask-philosophy"
    )


def test_an_everyday_word_counts_less_than_jargon_when_no_framework_is_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    matcher = Matcher(KnowledgeBase((FLASK,)))
    unnamed = matcher.weigh("student here, which is easier for beginners with htmx")[1]
    named = matcher.weigh("student here, is flask easier for beginners")[1]
    assert named["student"] < unnamed["student"] < unnamed["htmx"]
    question = "student here, which is easier for beginners"
    score = matcher.match(question).score
    monkeypatch.setattr(weighing, "UNNAMED_EVERYDAY_SHARE", 1.0)
    assert Matcher(KnowledgeBase((FLASK,))).match(question).score < score


def test_a_word_a_sparse_section_uses_once_is_its_subject_not_chat() -> None:
    def runners(migration: tuple[str, ...]) -> Matcher:
        return Matcher(
            KnowledgeBase(
                (
                    Document(
                        "jest-vs-vitest",
                        "Jest vs Vitest",
                        "?",
                        (
                            section("migrating-from-jest", *migration),
                            section("which-to-choose", "jest or vitest", "which should i pick"),
                        ),
                        ("jest", "vitest"),
                    ),
                )
            )
        )

    question = "is vitest a drop-in replacement for jest or not quite"
    # Six phrasings are all a busy maintainer wrote: "replacement", used once, is the topic.
    sparse = runners(("is vitest a drop-in replacement for jest", "how do i move off jest"))
    assert sparse.weigh(question)[1]["replac"] > 1
    assert answer_of(sparse, question) == "jest-vs-vitest/migrating-from-jest"
    # Among thirty, a word used once is incidental: around a framework name, it is chat.
    dense = runners(
        (
            "is vitest a drop-in replacement for jest",
            *(f"moving off jest, step {n}" for n in range(30)),
        )
    )
    assert dense.weigh(question)[1]["replac"] < 1
