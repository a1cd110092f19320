"""What kind of word a question uses that the knowledge does not: chat, or a subject.

An unknown word in "hi! what exactly is django? my uni mentions it" is chat, and
should not stop an answer; an unknown word in "how do I serve static files with flask" is the
subject of a question the knowledge does not answer, and must. Three kinds, from lightest:

- everyday English (``bot/data/english-words.txt``, from SCOWL: see the NOTICE beside it)
  that is not a programming term;
- words of no dictionary (slang, names, jargon such as "mongodb" or "heroku");
- programming terms, listed here, many of them everyday words too ("static", "deploy").
"""

from __future__ import annotations

import string
from functools import cache, lru_cache
from pathlib import Path

from bot.text import stem, term

ENGLISH_WORDS_FILE = Path(__file__).with_name("data") / "english-words.txt"

# Words that name a programming subject. A question using one the knowledge never uses is
# about something else, however ordinary the word is in English.
TECHNICAL_WORDS = frozenset(
    """
    static file files folder directory path url urls uri route routes routing router endpoint
    endpoints request requests response responses header headers cookie cookies session
    sessions cors csrf xss injection https http ssl tls certificate domain dns proxy
    server servers serve serving host hosting hosted deploy deployed deploying deployment
    production staging heroku aws azure gcp vercel netlify docker kubernetes
    container containers nginx apache gunicorn uwsgi uvicorn wsgi asgi daphne systemd vps
    linux windows macos ubuntu
    database databases db sql nosql postgres postgresql mysql mariadb sqlite mongodb mongo
    redis memcached elasticsearch query queries index indexes table tables schema schemas
    migration migrations migrate transaction transactions join joins model models field fields
    relationship foreign primary orm sqlalchemy peewee tortoise alembic
    test tests testing tested pytest unittest unit integration fixture fixtures mock mocking
    coverage tdd selenium debug debugging debugger breakpoint log logs logging
    error errors exception exceptions traceback bug bugs crash crashes crashing broken fix
    fails failing failed failure warning warnings import imports installing install
    installed installation pip poetry pipenv virtualenv venv conda requirements package
    packages dependency version versions upgrade upgrading release releases python2 python3
    lts deprecated changelog
    async asynchronous await sync synchronous thread threads threading multiprocessing
    concurrency concurrent parallel gil event loop coroutine coroutines celery worker workers
    queue queues background task tasks cron scheduler scheduling websocket websockets
    socket sockets realtime streaming sse webhook webhooks
    performance benchmark benchmarks speed slow slower latency throughput memory ram cpu
    leak cache caching cached scale scaling scalable load balancer optimize optimization
    profile profiling
    api apis rest restful graphql grpc json xml yaml serializer serializers serialization
    drf pagination paginate filter filtering upload uploads uploading download image images
    video pdf csv excel email emails smtp mail notification notifications
    auth authentication authorization login logout signup register registration password
    passwords hash hashing jwt oauth token tokens permission permissions role roles
    admin dashboard form forms validation validate widget widgets template templates
    templating jinja jinja2 html css javascript js typescript ts jquery htmx bootstrap
    tailwind sass webpack vite npm node nodejs spa ssr seo
    react vue angular svelte nextjs nuxt express nestjs fastapi flask django rails ruby
    laravel php symfony spring java kotlin golang rust gin fiber actix phoenix elixir
    dotnet asp csharp tornado pyramid bottle sanic quart starlette aiohttp falcon
    streamlit pandas numpy jupyter
    mobile android ios app flutter electron desktop
    middleware blueprint blueprints signal signals decorator decorators context processor
    view views viewset viewsets class classes function functions method methods variable
    variables object objects instance instances config configuration settings env
    environment secret secrets
    i18n translation translations localization locale timezone timezones unicode encoding
    payment payments stripe paypal checkout cart ecommerce shop
    git github gitlab ci cd pipeline pipelines lint linter linting mypy typing
    hint hints ide vscode pycharm editor
    security secure vulnerability vulnerabilities exploit attack attacks encryption
    license licence pricing price cost costs paid salary salaries hire hiring job jobs
    market popularity popular stars downloads community communities documentation docs
    tutorial tutorials certification
    maintain maintained maintainer maintainers maintenance abandoned
    group count aggregate annotate theme themes customize customise customization hook hooks
    array arrays list lists dict property properties computed update updates updating
    microservice microservices monolith serverless lambda
    command commands cli shell terminal console
    creator creators created invented inventor author authors history
    render renders rendering rendered rerender rerenders navigation navigate navigating
    screen screens nested nesting custom action actions mode modes runtime
    button buttons input inputs output outputs scroll scrolling modal popup
    dropdown effect effects lifecycle handler handlers callback callbacks promise promises
    fetch fetching timeout timeouts retry redirect redirects reload refresh storage
    localstorage browser browsers native responsive animation animations chart charts grid
    style styles styling stylesheet font fonts icon icons svg canvas
    string strings integer integers regex tuple tuples recursion sort sorting
    merge merging merged branch branches conflict conflicts commit commits rebase repo
    repository repositories transition transitions
    cloud batch jar war jvm jdk maven gradle bean beans annotation annotations kafka rabbitmq
    k8s tomcat jetty wildfly composer cargo crate crates gem gems bundler nuget
    const var let def func fn null nil undefined none enum struct interface interfaces
    publish publishing published store stores purchase purchases subscription subscriptions
    push offline syncing
    address addresses port ports localhost ip ipv4 ipv6 bind binding listen listening
    connection connections connect network networking firewall packet packets protocol
    pattern patterns factory singleton latest newest preview resolve resolver
    snapshot snapshots select channel channels verification anonymous inheritance prefix
    heap yield collection collections parse parser parsing shutdown invalid submit signed
    pool tenancy tenant tenants epoch epochs concatenate element elements menu
    menus draft drafts rename slug trailing slash mismatch refused aborted persist
    persisting closure closures
    """.split()
)


# Everyday words of chat that the dictionary leaves out: names of days, months and languages,
# places people read, and chat spellings.
CHAT_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday weekday weekdays
    january february march april may june july august september october november december
    english german french spanish portuguese italian dutch polish russian chinese japanese
    korean hindi arabic turkish
    reddit youtube twitter tiktok linkedin stackoverflow
    alright coworker coworkers internship internships bootcamp bootcamps
    hii hiii heyy heyyy helloo ppl sry bro bruh
    """.split()
)


# Words people use for the same subject, loosely: "is tensorflow dead?" asks what a section
# on its future says, "a bigger crowd" what one on its community says. A question's everyday
# word that the knowledge never uses stands, at reduced weight, for a word of its group that
# the knowledge does (``related_terms``). One group a line; no function words.
RELATED_WORDS = """
community crowd userbase following fanbase adoption popular mainstream users
job career hire hiring employer employment demand listings recruiter salary market
mature stable reliable proven experimental beta
dead dying alive abandoned future decline declining momentum trend trending
old older oldest age history released launched
fast speed performance slow sluggish snappy lag laggy latency throughput benchmark efficient
size lightweight bloat bloated footprint heavy binary weight megabytes mb
memory ram
startup boot cold
cost price pricing free paid money license licensing licence royalties fees subscription commercial
documentation tutorial guide resources
support answers stackoverflow
mobile phone phones android ios iphone ipad tablet
desktop windows mac macos linux
console consoles playstation xbox nintendo
test testing spec assertion
debug debugging debugger breakpoint devtools inspect
deploy deployment hosting host hosted server cloud shipping
security secure safe safety vulnerability attack exploit sandbox
migrate migration switch switching port porting move moving rewrite convert
install installation setup installing
plugin extension addon module package
type typed typing static
async asynchronous concurrency concurrent parallel parallelism thread threading
scale scaling scalable growth grow
company companies corporation business businesses enterprise
hard painful struggle confusing overwhelming steep
better winner
recommend suggest advice opinion thoughts verdict
interface gui frontend widget design visual look
animation smooth jank frames fps stutter
graphics visuals rendering render
verbose boilerplate concise terse readable readability
compile compilation compiler build builds
backed backing sponsor sponsored funded steward owned owner maintain maintainer
created founded author creator invented
ecosystem libraries packages integrations
colleague coworker teammate team
"""


@cache
def related_terms() -> dict[str, tuple[str, ...]]:
    """For each index term of ``RELATED_WORDS``, the other terms of its groups."""
    related: dict[str, dict[str, None]] = {}
    for line in RELATED_WORDS.strip().splitlines():
        group = list(dict.fromkeys(term(word) for word in line.split()))
        for t in group:
            related.setdefault(t, {}).update(dict.fromkeys(o for o in group if o != t))
    return {t: tuple(others) for t, others in related.items()}


@cache
def english_words() -> frozenset[str]:
    """The everyday English words, read once on first use."""
    return frozenset(ENGLISH_WORDS_FILE.read_text(encoding="utf-8").split())


def is_technical(word: str) -> bool:
    """Whether ``word`` (normalized) names a programming subject."""
    if word in TECHNICAL_WORDS or stem(word) in _TECHNICAL_STEMS:
        return True
    return word.endswith("s") and word[:-1] in TECHNICAL_WORDS


def is_english(word: str) -> bool:
    """Whether ``word`` (normalized) is an everyday English word, inflected or not."""
    words = english_words()
    if word in words or word in CHAT_WORDS:
        return True
    # British spellings: "favour", "organised", "analyse".
    for british, american in (("our", "or"), ("is", "iz"), ("ys", "yz")):
        at = word.rfind(british, 1)
        if at > 0 and word[:at] + american + word[at + len(british) :] in words:
            return True
    return any(
        word.endswith(suffix) and word[: -len(suffix)] in words for suffix in ("s", "es", "ly")
    )


@lru_cache(maxsize=20_000)
def misspelt_english(word: str) -> str | None:
    """The everyday English word that ``word`` is, slipped by a letter left out or two
    letters swapped ("visibel", "comercial"), when no dictionary knows ``word`` itself.

    Other slips are left alone: a changed or added letter makes jargon of English
    ("redux" is not "redox", "axios" is not "axis").
    """
    if is_english(word):
        return None
    words = english_words()
    if word.endswith("in") and word + "g" in words:
        return word + "g"  # "doin", "somethin": the g dropped in casual writing
    if len(word) < 5:
        return None
    for i in range(len(word) - 1):
        swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if swapped in words:
            return swapped
    if len(word) < 6:
        return None  # "axios" is not "axioms"
    for i in range(len(word) + 1):
        for letter in string.ascii_lowercase:
            filled = word[:i] + letter + word[i:]
            if filled in words:
                return filled
    return None


_TECHNICAL_STEMS = frozenset(stem(word) for word in TECHNICAL_WORDS)
