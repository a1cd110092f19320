"""The knowledge's vectors: each section's example phrasings, title and answer's opening,
embedded once and cached under ``DATA_DIR``, keyed by the model and the texts themselves, so a
restart (or a reload that changed nothing) embeds nothing."""

from __future__ import annotations

import hashlib
import logging
import re
import time
from pathlib import Path

import numpy as np

from bot.engine.knowledge import KnowledgeBase, Section
from bot.engine.semantic.embedder import Embedder

log = logging.getLogger(__name__)

KEEP_CACHED = 4  # vector files kept in the cache folder, newest first
_MARKUP = re.compile(r"[*_`#>]+|\[([^\]]*)\]\([^)]*\)")


def first_sentence(answer: str, limit: int = 300) -> str:
    """The answer's opening sentence, markdown stripped: what the section says it is about."""
    text = _MARKUP.sub(lambda m: m.group(1) or "", answer).strip()
    text = text.split("\n\n", 1)[0].replace("\n", " ")
    found = re.search(r"(?<=[.!?])\s", text)
    if found:
        text = text[: found.start()]
    return text[:limit]


def section_texts(section: Section) -> tuple[list[str], str, str]:
    """What a question is compared with: the example phrasings, the title, the answer's
    first sentence."""
    return list(section.questions), section.title, first_sentence(section.answer)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def answer_sentences(answer: str) -> list[str]:
    """The answer's sentences and list items, markdown stripped, each long enough to say
    something: a question written from the answer often asks about one of them."""
    text = _MARKUP.sub(lambda m: m.group(1) or "", answer)
    parts = (p.strip(" -•\t") for p in _SENTENCE_END.split(text))
    return [p[:300] for p in parts if len(p.split()) >= 4]


class SectionVectors:
    """Every section's vectors, in the knowledge's order (``Document.sections`` within each
    document), with the section each example row belongs to."""

    def __init__(
        self,
        keys: list[str],
        documents: list[str],
        example_counts: list[int],
        examples: np.ndarray,
        owner: np.ndarray,
        titles: np.ndarray,
        answers: np.ndarray,
        sentences: np.ndarray,
        sentence_owner: np.ndarray,
    ) -> None:
        self.keys = keys  # "document/section"
        self.documents = documents
        self.example_counts = example_counts
        self.examples = examples
        self.owner = owner
        self.titles = titles
        self.answers = answers
        self.sentences = sentences
        self.sentence_owner = sentence_owner
        self.position = {key: i for i, key in enumerate(keys)}

    @classmethod
    def build(
        cls, knowledge: KnowledgeBase, embedder: Embedder, cache_dir: Path | None
    ) -> SectionVectors:
        """Embed the knowledge, or read the vectors a previous start cached."""
        keys, documents, counts, texts, owner = [], [], [], [], []
        titles, answers, sentences, sentence_owner = [], [], [], []
        for document in knowledge.documents:
            for section in document.sections:
                examples, title, answer = section_texts(section)
                keys.append(f"{document.id}/{section.id}")
                documents.append(document.id)
                counts.append(len(examples))
                owner.extend([len(keys) - 1] * len(examples))
                texts.extend(examples)
                titles.append(title)
                answers.append(answer)
                said = answer_sentences(section.answer)
                sentences.extend(said)
                sentence_owner.extend([len(keys) - 1] * len(said))
        everything = [*texts, *titles, *answers, *sentences]
        matrix = _cached(everything, embedder, cache_dir)
        n, s = len(texts), len(keys)
        return cls(
            keys,
            documents,
            counts,
            matrix[:n],
            np.asarray(owner, dtype=np.int64),
            matrix[n : n + s],
            matrix[n + s : n + 2 * s],
            matrix[n + 2 * s :],
            np.asarray(sentence_owner, dtype=np.int64),
        )

    def best_sentences(self, query: np.ndarray) -> np.ndarray:
        """For each section, the cosine of its answer's closest sentence (-1 if none)."""
        best = np.full(len(self.keys), -1.0)
        if len(self.sentences):
            np.maximum.at(best, self.sentence_owner, self.sentences @ query)
        return best

    def best_examples(self, query: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each section, the cosine of its closest example phrasing and the mean of its
        two closest (the closest again when it has one; -1 when it has none)."""
        sims = self.examples @ query
        n = len(self.keys)
        best = np.full(n, -1.0)
        second = np.full(n, -1.0)
        if len(sims):
            # Sorted by section, then closest first: each section's run starts with its
            # closest example and goes on with its second (in C, not a loop over examples).
            order = np.lexsort((-sims, self.owner))
            owners, ranked = self.owner[order], sims[order]
            starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
            has_second = np.diff(np.r_[starts, len(order)]) > 1
            best[owners[starts]] = ranked[starts]
            next_one = ranked[np.minimum(starts + 1, len(order) - 1)]
            second[owners[starts]] = np.where(has_second, next_one, ranked[starts])
        second = np.where(second < -0.5, best, second)
        return best, (best + second) / 2


def _cached(texts: list[str], embedder: Embedder, cache_dir: Path | None) -> np.ndarray:
    """The vectors of ``texts``, from ``cache_dir`` when a previous start made them."""
    digest = hashlib.sha256(embedder.model_id.encode())
    for text in texts:
        digest.update(b"\0" + text.encode())
    path = cache_dir / f"vectors-{digest.hexdigest()[:24]}.npy" if cache_dir else None
    if path is not None and path.is_file():
        try:
            stored: np.ndarray = np.load(path, allow_pickle=False)
            if stored.shape[0] == len(texts):
                return stored
        except (OSError, ValueError) as error:
            log.warning("ignoring the cached vectors %s: %s", path, error)
    started = time.perf_counter()
    matrix = embedder.encode(texts).astype(np.float32)
    log.info(
        "embedded %d knowledge texts in %.1f s (cached for the next start)",
        len(texts),
        time.perf_counter() - started,
    )
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp.npy")
            np.save(temporary, matrix, allow_pickle=False)
            temporary.replace(path)
            # Knowledge that changed leaves stale vectors: keep the few newest only.
            cached = sorted(path.parent.glob("vectors-*.npy"), key=lambda p: p.stat().st_mtime)
            for old in cached[:-KEEP_CACHED]:
                old.unlink(missing_ok=True)
        except OSError as error:
            log.warning("could not cache the knowledge's vectors in %s: %s", path.parent, error)
    return matrix
