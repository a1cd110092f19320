"""The matcher against the team's labelled questions: a floor that a change must not break.

The floors sit a little under today's figures (``make accuracy`` prints them), so a change
that makes the bot answer worse fails here instead of in a member's channel.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.evaluation import evaluate, read_labelled
from bot.knowledge import default_knowledge_dir, load
from bot.matching import Matcher

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def both_documents() -> Matcher:
    return Matcher(load([default_knowledge_dir(), DATA / "knowledge-extra"]))


def test_labelled_set_is_big_and_a_third_off_topic() -> None:
    rows = read_labelled(DATA / "questions.tsv")
    assert len(rows) >= 150
    abstain = [r for r in rows if not r.expects_answer]
    assert len(abstain) * 3 >= len(rows)
    assert {r.kind for r in rows} >= {
        "paraphrase",
        "typo",
        "chatty",
        "single",
        "offtopic",
        "nearmiss",
    }


def test_shipped_knowledge_answers_its_labelled_questions() -> None:
    report = evaluate(
        Matcher(load([default_knowledge_dir()])), read_labelled(DATA / "questions.tsv")
    )
    assert report.overall.accuracy >= ACCURACY_FLOOR
    assert report.abstain_wrong_rate() <= WRONG_CEILING


def test_two_documents_at_once_route_and_answer(both_documents: Matcher) -> None:
    rows = read_labelled(DATA / "questions.tsv") + read_labelled(DATA / "questions-extra.tsv")
    report = evaluate(both_documents, rows)
    assert report.overall.accuracy >= TWO_DOCUMENT_FLOOR
    assert report.abstain_wrong_rate() <= WRONG_CEILING


def test_hold_out_questions_for_the_shipped_document() -> None:
    report = evaluate(
        Matcher(load([default_knowledge_dir()])),
        read_labelled(DATA / "holdout" / "flask-vs-django.tsv"),
    )
    assert report.overall.accuracy >= HOLD_OUT_FLOOR
    assert report.abstain_wrong_rate() <= HOLD_OUT_WRONG_CEILING


def test_hold_out_questions_for_a_sparse_document_nobody_tuned_for() -> None:
    # Five or six example phrasings a section, as a busy maintainer would write them.
    report = evaluate(
        Matcher(load([DATA / "knowledge-holdout"])),
        read_labelled(DATA / "holdout" / "rails-vs-laravel.tsv"),
    )
    assert report.overall.accuracy >= SPARSE_FLOOR
    assert report.abstain_wrong_rate() <= HOLD_OUT_WRONG_CEILING


@pytest.mark.parametrize(
    ("questions", "knowledge", "floor", "ceiling"),
    [
        ("holdout2/flask-vs-django.tsv", (), 0.86, 0.06),
        ("holdout2/express-vs-nestjs.tsv", ("knowledge-holdout2",), 0.66, 0.12),
        ("holdout3/flask-vs-django.tsv", (), 0.92, 0.04),
        ("holdout3/angular-vs-react.tsv", ("knowledge-holdout3",), 0.76, 0.10),
        ("holdout4/flask-vs-django.tsv", (), 0.83, 0.06),
        ("holdout4/vue-vs-svelte.tsv", ("knowledge-holdout4",), 0.75, 0.08),
        ("holdout5/flask-vs-django.tsv", (), 0.88, 0.04),
        ("holdout5/flask-vs-django.tsv", ("knowledge-holdout5",), 0.85, 0.06),
        ("holdout5/fastapi-vs-flask.tsv", ("knowledge-holdout5",), 0.77, 0.05),
        ("holdout6/flask-vs-django.tsv", (), 0.87, 0.04),
        ("holdout6/spring-boot-vs-quarkus.tsv", ("knowledge-holdout6",), 0.62, 0.05),
        ("holdout7/flask-vs-django.tsv", (), 0.88, 0.02),
        ("holdout7/laravel-vs-symfony.tsv", ("knowledge-holdout7",), 0.73, 0.05),
        ("holdout8/flask-vs-django.tsv", (), 0.86, 0.02),
        ("holdout8/pytorch-vs-tensorflow.tsv", ("knowledge-holdout8",), 0.64, 0.03),
        ("holdout9/flask-vs-django.tsv", (), 0.87, 0.02),
        ("holdout9/flutter-vs-react-native.tsv", ("knowledge-holdout9",), 0.65, 0.03),
        ("holdout10/flask-vs-django.tsv", (), 0.85, 0.02),
        ("holdout10/express-vs-fastify.tsv", ("knowledge-holdout10",), 0.70, 0.05),
        ("holdout11/flask-vs-django.tsv", (), 0.85, 0.02),
        ("holdout11/unity-vs-godot.tsv", ("knowledge-holdout11",), 0.76, 0.05),
        ("holdout12/flask-vs-django.tsv", (), 0.89, 0.02),
        ("holdout12/actix-web-vs-axum.tsv", ("knowledge-holdout12",), 0.79, 0.03),
        ("holdout13/flask-vs-django.tsv", (), 0.88, 0.03),
        ("holdout13/vite-vs-webpack.tsv", ("knowledge-holdout13",), 0.78, 0.03),
        ("holdout14/flask-vs-django.tsv", (), 0.90, 0.02),
        ("holdout14/pandas-vs-polars.tsv", ("knowledge-holdout14",), 0.65, 0.03),
        ("holdout15/flask-vs-django.tsv", (), 0.90, 0.02),
        ("holdout15/kafka-vs-rabbitmq.tsv", ("knowledge-holdout15",), 0.76, 0.05),
        ("holdout16/flask-vs-django.tsv", (), 0.89, 0.03),
        ("holdout16/docker-vs-podman.tsv", ("knowledge-holdout16",), 0.72, 0.03),
        ("holdout17/flask-vs-django.tsv", (), 0.91, 0.02),
        ("holdout17/electron-vs-tauri.tsv", ("knowledge-holdout17",), 0.71, 0.03),
        ("holdout18/flask-vs-django.tsv", (), 0.89, 0.03),
        ("holdout18/cypress-vs-playwright.tsv", ("knowledge-holdout18",), 0.77, 0.06),
        ("holdout19/flask-vs-django.tsv", (), 0.92, 0.03),
        ("holdout19/maven-vs-gradle.tsv", ("knowledge-holdout19",), 0.73, 0.06),
        ("holdout20/flask-vs-django.tsv", (), 0.93, 0.05),
        ("holdout20/hugo-vs-jekyll.tsv", ("knowledge-holdout20",), 0.67, 0.09),
        ("holdout21/flask-vs-django.tsv", (), 0.93, 0.03),
        ("holdout21/postgresql-vs-mysql.tsv", ("knowledge-holdout21",), 0.62, 0.06),
        ("holdout22/flask-vs-django.tsv", (), 0.90, 0.05),
        ("holdout22/pytest-vs-unittest.tsv", ("knowledge-holdout22",), 0.65, 0.09),
        ("holdout23/flask-vs-django.tsv", (), 0.89, 0.05),
        ("holdout23/nginx-vs-apache.tsv", ("knowledge-holdout23",), 0.72, 0.02),
        ("holdout24/flask-vs-django.tsv", (), 0.91, 0.02),
        ("holdout24/tailwind-vs-bootstrap.tsv", ("knowledge-holdout24",), 0.73, 0.09),
        ("holdout25/flask-vs-django.tsv", (), 0.88, 0.04),
        ("holdout25/redux-vs-zustand.tsv", ("knowledge-holdout25",), 0.72, 0.02),
        ("holdout26/flask-vs-django.tsv", (), 0.92, 0.02),
        ("holdout26/terraform-vs-pulumi.tsv", ("knowledge-holdout26",), 0.65, 0.14),
        ("holdout27/flask-vs-django.tsv", (), 0.85, 0.02),
        ("holdout27/jest-vs-vitest.tsv", ("knowledge-holdout27",), 0.71, 0.02),
        ("holdout28/flask-vs-django.tsv", (), 0.76, 0.06),
        ("holdout28/poetry-vs-uv.tsv", ("knowledge-holdout28",), 0.68, 0.02),
        ("holdout29/flask-vs-django.tsv", (), 0.79, 0.02),
        ("holdout29/nextjs-vs-remix.tsv", ("knowledge-holdout29",), 0.83, 0.02),
        ("holdout30/flask-vs-django.tsv", (), 0.83, 0.03),
        ("holdout30/gin-vs-fiber.tsv", ("knowledge-holdout30",), 0.78, 0.02),
        ("holdout31/flask-vs-django.tsv", (), 0.83, 0.02),
        ("holdout31/sqlalchemy-vs-django-orm.tsv", ("knowledge-holdout31",), 0.69, 0.08),
        ("holdout32/flask-vs-django.tsv", (), 0.87, 0.03),
        ("holdout32/nuxt-vs-sveltekit.tsv", ("knowledge-holdout32",), 0.74, 0.06),
    ],
)
def test_blind_hold_out_sets(
    questions: str, knowledge: tuple[str, ...], floor: float, ceiling: float
) -> None:
    # Written blind by helpers who never saw the matcher, each new document with its set,
    # the shipped knowledge loaded beside it as a server would have it.
    report = evaluate(
        Matcher(load([default_knowledge_dir(), *(DATA / k for k in knowledge)])),
        read_labelled(DATA / questions),
    )
    assert report.overall.accuracy >= floor
    assert report.abstain_wrong_rate() <= ceiling


# Measured 2026-11-25 (`make accuracy`, and benchmarks.accuracy --questions/--knowledge for
# the hold-out sets): questions.tsv 95.5% right and 4.8% wrong answers to off-topic; with the
# second document 96.8% and 3.5%; hold-out Flask vs Django 96.1% and 0.0%; the sparse
# Rails vs Laravel document 86.7% and 0.0%. All of these were looked at while tuning.
# Regression floors, a little under those figures; the target is 95% right and at
# most 3% wrong.
ACCURACY_FLOOR = 0.93
TWO_DOCUMENT_FLOOR = 0.94
WRONG_CEILING = 0.06
HOLD_OUT_FLOOR = 0.94
SPARSE_FLOOR = 0.83
HOLD_OUT_WRONG_CEILING = 0.03
# The blind sets above, each first measured untouched (the figure that counts), then floors:
# - holdout2 (measured untouched in the previous session): Flask 88.0% / 4.0%, Express vs
#   NestJS 68.9% / 10.0%; looked at since, now 90.0% / 2.0% and 85.6% / 3.3%.
# - holdout3, untouched: Flask 94.7% / 2.0%, Angular vs React 79.0% / 7.5%; looked at since.
# - holdout4, untouched: Flask 85.3% / 4.0%, Vue vs Svelte 78.0% / 5.0% (many long, chatty
#   and non-native questions; at the start of this session's work: 82.0% / 4.0%, 74.0% / 2.5%);
#   looked at since.
# - holdout5, untouched: Flask 90.7% / 2.0% (88.0% / 4.0% with the FastAPI vs Flask document
#   loaded too: questions naming only Flask fit both), FastAPI vs Flask 80.0% / 2.5% (at the
#   start of this session's work: 84.0% / 0.0% and 75.0% / 2.5%); looked at since.
# - holdout6, untouched, written after all of this session's tuning: Flask 90.0% / 2.0%,
#   Spring Boot vs Quarkus (7-9 examples a section, few sections of the usual kinds) 62.0% /
#   5.0% (at the start of this session's work: 82.7% / 2.0% and 59.0% / 2.5%); looked at
#   since.
# - holdout7, untouched, written after the last change to the matcher: Flask 90.7% / 0.0%,
#   Laravel vs Symfony (7-9 examples a section) 76.0% / 2.5% (at the start of this session's
#   work: 81.3% / 0.0% and 71.0% / 0.0%).
# - holdout8 and holdout9, untouched, measured on 2026-11-25 after that day's first changes
#   (at the day's start, 59a0bbd, in brackets): Flask 86.7% / 2.0% (87.3% / 2.0%), PyTorch vs
#   TensorFlow (6-8 examples a section) 62.0% / 2.5% (61.0% / 2.5%); Flask 88.7% / 0.0%
#   (88.0% / 0.0%), Flutter vs React Native (6-7 examples a section) 63.0% / 10.0% (63.0% /
#   7.5%).
# - holdout10 and holdout11, untouched, measured later that day after the changes sets 8 and
#   9 prompted (at the day's start in brackets): Flask 86.7% / 2.0% (85.3% / 2.0%), Express
#   vs Fastify 75.0% / 2.5% (70.0% / 5.0%); Flask 87.3% / 0.0% (86.0% / 0.0%), Unity vs
#   Godot 71.0% / 22.5% (70.0% / 22.5%): game-making words ("jump", "camera", "bullet") are
#   everyday English, so how-to questions about them were taken for chat around "godot".
#   All looked at since; the floors above are a little under each set's figure at the end of
#   that day (`python -m benchmarks.accuracy --questions ... --knowledge ...`).
# - holdout12 to holdout14, untouched, measured in the next session after its changes (at
#   its start, de375d5, in brackets): Flask 91.3% / 0.0% (90.7% / 0.0%), Actix Web vs Axum
#   81.0% / 2.5% (79.0% / 2.5%); Flask 90.7% / 2.0% (90.0% / 2.0%), Vite vs webpack 79.0% /
#   7.5% (79.0% / 7.5%); Flask 92.0% / 0.0% (90.7% / 0.0%), pandas vs Polars 67.0% / 2.5%
#   (66.0% / 2.5%). Looked at since: "what's the latest version of vite" was answered as
#   what Vite is, since "latest" was taken for chat.
# - holdout15 to holdout17, untouched, measured in the session after that one, after its
#   changes (at its start, d9459c5, in brackets): Flask 92.7% / 0.0% (92.7% / 0.0%), Kafka vs
#   RabbitMQ 79.0% / 2.5% (79.0% / 2.5%); Flask 91.3% / 2.0% (91.3% / 2.0%), Docker vs
#   Podman 75.0% / 0.0% (75.0% / 0.0%); Flask 94.0% / 0.0% (94.0% / 0.0%), Electron vs Tauri
#   74.0% / 0.0% (73.0% / 0.0%). That session's changes, chosen on the older sets, moved
#   unseen questions by at most one.
# - holdout18 to holdout20, untouched, measured in the session after that one, after its
#   changes (at its start, dc75fbf, in brackets): Flask 91.3% / 2.0% (90.7% / 2.0%), Cypress
#   vs Playwright 80.0% / 5.0% (77.0% / 5.0%); Flask 94.7% / 2.0% (94.0% / 2.0%), Maven vs
#   Gradle 76.0% / 5.0% (77.0% / 2.5%); Flask 95.3% / 4.0% (94.7% / 4.0%), Hugo vs Jekyll
#   70.0% / 7.5% (66.0% / 7.5%).
# - holdout21 to holdout23, untouched, measured in the session after that one, after its
#   changes (at its start, 67fed2e, in brackets): Flask 96.7% / 2.0% (95.3% / 2.0%),
#   PostgreSQL vs MySQL 65.0% / 5.0% (65.0% / 5.0%); Flask 93.3% / 4.0% (93.3% / 4.0%),
#   pytest vs unittest 68.0% / 7.5% (69.0% / 5.0%); Flask 92.0% / 4.0% (90.7% / 4.0%), nginx
#   vs Apache 75.0% / 0.0% (75.0% / 0.0%). The session's matcher changes, chosen on the
#   older sets, did not carry over to the three new documents.
# - holdout24 to holdout26, untouched, measured in the session after that one, after its
#   changes (at its start, 81fcd5b, in brackets): Flask 94.0% / 0.0% (94.0% / 0.0%),
#   Tailwind vs Bootstrap 76.0% / 7.5% (75.0% / 7.5%); Flask 91.3% / 2.0% (90.7% / 4.0%),
#   Redux vs Zustand 75.0% / 0.0% (75.0% / 0.0%); Flask 95.3% / 0.0% (95.3% / 0.0%),
#   Terraform vs Pulumi 68.0% / 12.5% (66.0% / 15.0%). Each change moved unseen questions
#   by a question or two, none the wrong way.
# - holdout27 to holdout29, untouched, measured on 2026-12-06 after that session's first
#   three changes, which moved none of their questions (the same at its start, b8a2165):
#   Flask 82.0% / 0.0%, Jest vs Vitest 69.0% / 0.0%; Flask 76.7% / 4.0%, Poetry vs uv
#   68.0% / 0.0%; Flask 77.3% / 0.0%, Next.js vs Remix 85.0% / 0.0%. Their writers saw only
#   the answers, so they asked about facts the answers give ("does django protect against
#   CSRF by default?"), and in sets 28 and 29 often described a framework instead of naming
#   it ("the batteries-included one": 21 and 15 of 100 answerable questions name neither,
#   against 3-10 in sets 20-26): far harder for the shipped document. Looked at since.
# - holdout30 to holdout32, untouched, measured on 2026-12-06 at the start of the next session
#   (82990c5), before any change: Flask 84.7% / 2.0%, Gin vs Fiber 80.0% / 2.5%; Flask 84.7%
#   / 0.0%, SQLAlchemy vs the Django ORM 71.0% / 7.5%; Flask 88.7% / 2.0%, Nuxt vs SvelteKit
#   76.0% / 5.0%. Each new document has 6 example questions a section. Looked at since: set
#   30's "django vs flask for a beginner?" was labelled off-topic by a writer who did not
#   know the shipped document is loaded beside theirs; the bot's Flask vs Django answer is
#   right, and the label now says so. knowledge-holdout30-dense (and 31, 32) are the same
#   documents with 20 examples a section, written blind by other helpers: 81.0% / 5.1%, 83.0%
#   / 7.5%, 79.0% / 7.5% (no floors: an experiment, not a regression check).
