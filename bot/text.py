"""Text normalization shared by the knowledge index and incoming questions.

Both sides go through the same steps, so a question and an example phrasing that mean the
same words end up as the same terms: Unicode folded, Discord markup removed, punctuation
dropped, function words removed, light stemming and a small table of everyday synonyms.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable
from functools import lru_cache

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
# Idioms rewritten before words are split, each tried only when its guard word is in the
# text (most questions have none of them): (guard words, pattern, replacement).
_IDIOMS: tuple[
    tuple[tuple[str, ...], re.Pattern[str], str | Callable[[re.Match[str]], str]], ...
] = (
    # Chat shorthand: "does webpack work w/o a config".
    (("w/o",), re.compile(r"\bw/o\b"), "without"),
    # "pick up" a framework is learning it, not choosing it.
    (("pick",), re.compile(r"\bpick(?:s|ed|ing)?\s+(?:it\s+|them\s+)?up\b"), "learn"),
    # "total noob here, what is flask?" introduces the asker; the question is the rest.
    (
        ("here",),
        re.compile(
            r"\b(?:(?:total|complete|absolute|bit of a|kind of a|kinda a)\s+)?"
            r"(?:noob|newb|newbie|beginner|novice|newcomer|new)\s+here\b"
        ),
        " ",
    ),
    # "backend dev here, what is react?" introduces the asker by trade: who asks, not what.
    (
        ("here",),
        re.compile(
            r"\b(?:(?:backend|back\s+end|frontend|front\s+end|fullstack|full\s+stack|web|mobile"
            r"|data|ml|game|java|python|php|ruby|node|javascript|js|go|rust|dotnet|ios|android"
            r"|devops|senior|solo|hobby|hobbyist|self\s+taught|qa)\s+)+"
            r"(?:dev|developer|engineer|programmer|person|guy)\s+here\b"
        ),
        " ",
    ),
    # "trying to wrap my head around flask" wants to understand it; nothing about heads.
    (
        ("head",),
        re.compile(
            r"\b(?:wrap|get)\s+(?:my|your|our|their)\s+heads?\s+a?round\b"
            r"|\bstraight\s+in\s+(?:my|your|our)\s+heads?\b|\bhead\s+start\b"
        ),
        " ",
    ),
    # "new to python web stuff, what is flask?" says the asker is a beginner; in "new to
    # django" the framework stays the subject.
    (
        ("new",),
        re.compile(
            r"\b(?:(?:i\s+am|im)\s+)?(?:(?:pretty|very|totally|completely|fairly|quite|super)\s+)?"
            r"new\s+to\s+(?:(?:python|javascript|js|typescript|java|php|ruby|web|webdev|backend"
            r"|frontend|stuff|dev|development|programming|coding|frameworks?|all\s+this|this)\b\s*)+"
        ),
        " beginner ",
    ),
    # "in simple terms" and "the short version" ask for a plain explanation; they are not
    # about being simple or about versions.
    (
        ("terms", "english", "words", "language", "eli5", "five", "5", "version"),
        re.compile(
            r"\b(?:in\s+)?(?:simple|plain|laymans?|easy)\s+(?:terms|english|words|language)\b"
            r"|\beli5\b|\blike\s+(?:im|i\s+am)\s+(?:five|5)\b"
            r"|\b(?:short|quick|brief)\s+version\b"
        ),
        "plainly",
    ),
    # "django explained quickly" asks for a short explanation, not about speed.
    (
        ("quickly", "briefly"),
        re.compile(
            r"\b(explain|explained|describe|described|summarize|summarise|summed\s+up)"
            r"((?:\s+(?!how\b)\w+){0,2}\s+)(?:quickly|briefly)\b"
            r"|\b(?:quickly|briefly)(\s+)(explain|describe|summarize|summarise|sum\s+up)\b"
        ),
        lambda m: f"{m[1]}{m[2]}plainly" if m[1] else f"plainly{m[3]}{m[4]}",
    ),
    # "y is django so opinionated": chat shorthand for "why" where a question starts.
    (
        (" y ",),  # tried against the text with a space in front
        re.compile(
            r"(?:^|(?<=[.!?,]\s))y\s+(?=(?:is|isnt|does|doesnt|do|dont|are|arent|would|wont"
            r"|cant|can|not|should|did|didnt)\b)"
        ),
        "why ",
    ),
    # "what do I give up with django" asks what it costs, not what it gives.
    (("give", "giving", "gave"), re.compile(r"\b(?:give|gives|giving|gave)\s+up\b"), "sacrifice"),
    # "what sort of features" asks what kind; it is no sorting.
    (("sort",), re.compile(r"\bsort\s+of\b"), "kind of"),
    # "which takes care of more for me" asks what a framework handles.
    (("care",), re.compile(r"\b(?:take|takes|taking|took)\s+care\s+of\b"), "handle"),
    # "in the end, which should I pick" asks for the overall verdict.
    (("end",), re.compile(r"\b(?:in|at)\s+the\s+end(?:\s+of\s+the\s+day)?\b"), "overall"),
    # "coming from rails, ..." or "from node/express land" tells where the asker comes from;
    # the question is the rest.
    (
        ("from",),
        re.compile(
            r"\b(?:coming|(?:i|we)\s+(?:come|came))\s+from\s+(?:an?\s+)?\w+"
            # "from node/express", and "from node and express," when a comma ends the list
            r"(?:\s*/\s*\w+|\s+(?:and|or|&)\s+\w+(?=\s*[,.;:!?]|\s+(?:background|land)\b))?"
            r"(?:\s+(?:background|land))?\b"
        ),
        " ",
    ),
)

# Function words and chat filler: they say nothing about which answer fits.
STOPWORDS = frozenset(
    """
    a an the and or but if then than so as of at by for from in into on onto to with without
    about over under up down out off again also too very just really quite pretty rather
    i me my mine myself we us our you your yours he him his she her it its they them their
    this that these those there here who whom whose
    am is are was were be been being do does did doing done have has had having
    will would shall could may might must can cant wont dont doesnt isnt arent im ive id
    didnt wasnt werent havent hasnt hadnt shouldnt wouldnt couldnt aint thats theres
    youre theyre weve youve theyve hes shes
    s t d m ll re ve
    any anyone anybody someone somebody something anything everyone all some each
    hi hey hello yo sup hiya heya guys folks people everybody
    uh uhh um umm hmm erm eh ah oh ok okay lol lmao haha pls plz please thanks thank thx ty
    like kinda sorta actually basically mainly honestly literally seriously tbh imo imho idk btw ngl
    know wondering wonder curious quick q question asking ask tell explain say
    one ones thing things stuff get got
    even exactly keep keeps kept mention mentioning mentioned hear hearing heard true truly
    real talk sorry dumb stupid silly help helps maybe probably guess wait well yeah yes no
    still now currently already ever never whole lot lots bit much many
    rn nah lil gonna wanna gotta ya yall u ur tho tbf afaik iirc fyi omg pm dm irl uni
    bc cuz coz bcuz shud shld shoud abt teh w wtf etc ish yrs either sth smth ppl sry
    hav jst jus nd tht n hype
    dev devs newb two three
    other others another neither nor most mostly plus such once within through throughout
    toward towards along around whenever while since until though although whether
    nowadays anyway anyways else whatever somewhat fairly definitely certainly per via upon
    among across beyond besides despite unless yet
    """.split()
)

# Everyday words folded onto one term, so "difficult" finds examples that say "hard".
_SYNONYM_GROUPS = {
    "hard": "difficult difficulty tough challenging harder hardest",
    "easy": "easier easiest easily gentle gentler gentlest approachable friendlier friendliest",
    "include": "includes included including ship ships shipped bundle bundled comes builtin",
    "beginner": "newbie noob novice newcomer beginners",
    "small": "tiny little smaller smallest mini",
    "large": "big bigger huge massive larger largest enterprise",
    "choose": "pick chose choosing picking decide decided deciding",
    "better": "best superior",
    "compare": "comparison compared comparing versus vs difference differences different differ",
    "framework": "frameworks",
    "library": "libraries lib libs",
    "app": "apps application applications webapp webapps website websites site sites",
    "fast": "faster fastest quick quicker quickly rapid rapidly speedy",
    "feature": "features functionality functionalities capability capabilities",
    "learn": "learning learned learnt learns study studying master mastering",
    "philosophy": "philosophies ideology mindset ethos",
    "javascript": "js",
    "what": "whats wat wut wht",
    "how": "hows hw",
    "authentication": "auth authenticate authenticating",
    "summary": "tldr recap summarize summarise",
    "trade": "tradeoff tradeoffs",
    "fit": "fits suit suits suited",
    "component": "components piece pieces",
    "database": "db dbs databases",
    "configuration": "config configs configure configured configuring",
    "performance": "perf",
    "production": "prod",
    "environment": "env envs environments",
    "documentation": "docs doc",
    "repository": "repo repos repositories",
    "typescript": "ts",
    "message": "msg msgs messages",
    "kubernetes": "k8s",
}
SYNONYMS = {word: canon for canon, words in _SYNONYM_GROUPS.items() for word in words.split()}

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
