"""Every tuning constant of the matcher, in one place, each with what it trades.

Raising a threshold or a margin answers less and guesses less; the weights say how much a
kind of word counts for or against a section, as multiples of the knowledge's rarest word.
"""

from __future__ import annotations

# Score (0-100) an answer needs when someone asks the bot: lower answers more, wrongly more.
DEFAULT_ANSWER_THRESHOLD = 55.0
# The stricter score for answers nobody asked the bot for (passive channels, threads, forums).
DEFAULT_PASSIVE_THRESHOLD = 75.0
# Below the answer threshold, sections scoring at least this are offered as "Did you mean".
DEFAULT_SUGGEST_THRESHOLD = 30.0
MAX_SUGGESTIONS = 3
# A best section that leads the next one by less than this is a guess, not an answer,
# unless it scores at least SURE_SCORE and both are in one document: then the better one is.
TIE_MARGIN = 2.0
SURE_SCORE = 80.0
# A question naming no framework that fits sections of two documents nearly as well did not
# say which comparison it means.
OTHER_DOCUMENT_MARGIN = 5.0
# How many sections survive the cheap vocabulary score to have their examples compared:
# more is slower on a large knowledge base and rarely changes the best.
RERANK_SECTIONS = 24
# A word used in at most this many example phrasings is not a topic of the knowledge.
RARE_USES = 1
# A word the knowledge never uses weighs this many times its rarest word: it is most likely
# the subject of a question the knowledge does not answer. Higher abstains more.
UNKNOWN_WEIGHT = 2.0
# A word only the answers use is known but was not foreseen as a way of asking: it weighs less
# than a word the knowledge never uses, and more than most of its example words.
ANSWER_WORD_WEIGHT = 1.75
# An unknown word that is everyday English and no programming term ("uni", "weekend") is
# most likely chat around the question: it weighs this many times the rarest word.
CHAT_WEIGHT = 0.1
# A framework name weighs this many times the rarest word: naming one picks the document
# and, between two sections that differ only in it, the section.
FRAMEWORK_WEIGHT = 0.75
# Candidates come from the rarest shared terms first, until about this many are found:
# a speed bound on large knowledge bases.
CANDIDATE_BUDGET = 600
# A question's term that a section's answer uses, but none of its example phrasings, counts
# this much of its weight for the section.
ANSWER_CREDIT = 0.5
# A section with few example phrasings of its own leans more on its answer: up to this much
# more credit, for a section with none, down to nothing extra at SPARSE_EXAMPLES phrasings.
SPARSE_ANSWER_CREDIT = 0.3
SPARSE_EXAMPLES = 30
# An answer's opening says what the section is about; words only its later detail uses
# ("tensorboard" deep in a note on tooling) count a little, and only for a question that names
# a framework: without one, a question's stray words would find some answer's detail.
ANSWER_LEAD_CHARS = 400
ANSWER_TAIL_CREDIT = 0.3
# A section about another framework of its document than the one a question names keeps
# this share of its score.
OTHER_FRAMEWORK_FACTOR = 0.7
# A section with few example phrasings cannot come as close to a question as one with many:
# up to this many points lower threshold for a section with none, down to nothing at
# SPARSE_EXAMPLES. Not for a question asking how to do something: comparisons rarely answer
# how-tos, and near-misses mostly ask them.
SPARSE_THRESHOLD_ALLOWANCE = 4.0
# An everyday word the knowledge does not use, standing for a related word it does ("crowd"
# for "community": the lexicon's related words), weighs this share of that word.
RELATED_WEIGHT = 0.6
# An everyday word the knowledge does not use, in a question that names no framework, weighs
# this share of an unknown word: less than jargon, far more than chat.
UNNAMED_EVERYDAY_SHARE = 0.6
# Typo corrections remembered (the same misspellings come back); forgotten all at once.
# Memory against repeated fuzzy searches.
CORRECTIONS_KEPT = 20_000
# A section with at least this many example phrasings gets an index of them: speed only.
INDEXED_EXAMPLES = 16
# Share of the score from the closest example phrasing; the rest from the whole section.
EXAMPLE_SHARE = 0.4
