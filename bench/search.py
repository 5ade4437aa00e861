"""Time the public search on a large site: query-time vectors (before issue 13) vs stored ones.

Creates a throwaway PostgreSQL database (127.0.0.1:5432, user postgres, trust
authentication; needs the right to create databases), migrates it and fills it with
`--pages` live pages: half Norwegian, half their English translations, `--restricted` of
them per language behind a view restriction (as the intranet home and the project spaces
are), each with a Wagtail index row of realistic text: a title and 200–600 words of
generated Norwegian or English. Then it times stemmed searches in both languages through
each path, prints the figures and drops the database, also when it fails or is interrupted:

    .venv/bin/python bench/search.py              # 20,000 pages; a few minutes
    .venv/bin/python bench/search.py --pages 2000 --runs 10 --old-runs 2

A search is what the search view does before rendering: the results, paginated, counted,
and the first 10 loaded (`.specific()`, as shown); the query-time and no-privacy paths are
paginated by Django's paginator (a COUNT, then the page). Paths:

- query-time: the search before issue 13 (copied below), a ``to_tsvector`` of every index
  row on every search;
- stored: `site_core.search.search_results`, as the search view runs it: the stored
  vectors through their GIN index, the ids of every match in rank order in one query (they
  make the count), then the first page's pages;
- stored, no privacy: the same without the privacy filter (`exclude_restricted`), for
  diagnosis only: it shows what the filter costs, which grows with matches × restrictions.

Figures: median and 95th percentile in ms, and the number of matches (both full paths
must agree on them and on the first page; a line says so if not). Goal (issue 13): a
stemmed search in either language in under 30 ms with stored vectors.
"""

import argparse
import itertools
import os
import random
import signal
import statistics
import sys
import time
import uuid
from pathlib import Path

import psycopg2

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SERVER = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
DATABASE = f"nr_bench_search_{os.getpid()}"
RESULTS_PER_PAGE = 10


def words(text):
    return text.split()


NB_FUNCTION_WORDS = words(
    "og i det som en på er til av for med at den de har vi ikke et om fra kan skal var ble "
    "seg sin sine også men eller når hvor mer mange alle etter under over mellom gjennom"
)
NB_CONTENT_WORDS = words(
    "klynge klyngen klynger klyngene møbel møbelet møbler møblene sagbruk sagbruket "
    "sagbrukene bedrift bedriften bedrifter bedriftene medlem medlemmet medlemmer "
    "medlemmene prosjekt prosjektet prosjekter prosjektene design designet designere "
    "produksjon produksjonen bærekraft bærekraftig bærekraftige treverk treverket skog "
    "skogen skogene eksport eksporten marked markedet markeder markedene kunde kunden "
    "kunder kundene leverandør leverandøren leverandører fabrikk fabrikken fabrikker "
    "verksted verkstedet verksteder stol stolen stoler stolene bord bordet bordene sofa "
    "sofaen sofaer interiør interiøret materiale materialet materialer råvare råvarer "
    "kompetanse kompetansen innovasjon innovasjonen forskning utvikling utviklingen "
    "samarbeid samarbeidet nettverk nettverket region regionen regioner kommune kommunen "
    "kommuner arbeidsplass arbeidsplasser ansatt ansatte leder lederen ledere styre styret "
    "møte møtet møter møtene konferanse konferansen messe messen utstilling utstillingen "
    "sertifisering sertifiseringen merke merket merker kvalitet kvaliteten miljø miljøet "
    "energi energien avfall gjenbruk verdikjede verdikjeden verdikjeder teknologi "
    "digitalisering automatisering opplæring lærling lærlinger utdanning student studenter "
    "tømmer eik bjørk furu gran bygge bygger bygde bygget produsere produserer produserte "
    "produsert utvikle utvikler utviklet levere leverer leverte levert selge selger solgte "
    "eksporterer eksporterte delta deltar deltok invitere inviterer inviterte besøke "
    "besøker besøkte lansere lanserer lanserte styrke styrker styrket redusere reduserer "
    "reduserte norsk norske ny nye nytt stor store stort små god gode godt grønn grønne "
    "grønt lokal lokale lokalt internasjonal internasjonale sirkulær sirkulære moderne "
    "tradisjonell tradisjonelle"
)
NB_COMPOUND_HEADS = words(
    "møbel tre skog eksport design miljø klynge produksjons innovasjons kompetanse interiør "
    "sag bygg energi kvalitets markeds medlems prosjekt råvare verdikjede"
)
NB_COMPOUND_TAILS = words(
    "bedrift prosjekt møte arbeid leder plan strategi område program nettverk utvikling "
    "løsning satsing rapport senter fond avtale dag seminar kurs"
)
EN_FUNCTION_WORDS = words(
    "the of and to in a is for on with as by at from that this are be was were our we it "
    "its has have will more new also not or can all into between through"
)
EN_CONTENT_WORDS = words(
    "cluster clusters clustered clustering furniture sawmill sawmills company companies "
    "member members membership project projects design designs designed designer designers "
    "production produce produces produced producing sustainability sustainable timber wood "
    "wooden forest forests forestry export exports exported exporting market markets "
    "customer customers supplier suppliers factory factories workshop workshops chair "
    "chairs table tables sofa sofas interior interiors material materials raw skills "
    "innovation innovations innovative research development develop develops developed "
    "developing partnership partner partners network networks region regions regional "
    "municipality job jobs employee employees leader leaders leadership board meeting "
    "meetings conference conferences fair fairs exhibition exhibitions certification "
    "certified label labels quality environment environmental energy waste reuse reused "
    "value chain chains technology technologies digital automation automated training "
    "apprentice apprentices education student students oak birch pine spruce build builds "
    "built building buildings deliver delivers delivered delivery sell sells sold sales "
    "participate participated invite invited visit visits visited launch launched "
    "strengthen strengthens reduce reduces reduced reduction norwegian large small good "
    "green local international circular modern traditional solid"
)
SYLLABLES = words(
    "ber dal fjord holm vik stad lund nes by heim sund berg rud gard vang mo li seter"
)

# Common, two words, and rarer; the number of matches is printed with each.
QUERIES = {
    "nb": ["klynger", "bærekraftige møbler", "møbelseminar"],
    "en": ["clusters", "sustainable furniture", "birch workshops"],
}


class Language:
    """Generates text in one language: function words make about 40 % of the words, the
    rest are content words, compounds and place names with Zipf-like frequencies."""

    def __init__(self, rng, function_words, content_words, heads=(), tails=()):
        compounds = [head + tail + end for head in heads for tail in tails for end in ("", "er")]
        names = {"".join(rng.choices(SYLLABLES, k=rng.randint(2, 3))) for _ in range(3000)}
        self.content = content_words + compounds + sorted(names)
        rng.shuffle(self.content)
        zipf = [1 / (rank + 10) for rank in range(len(self.content))]
        weights = [0.4 / len(function_words)] * len(function_words)
        weights += [0.6 * weight / sum(zipf) for weight in zipf]
        self.words = function_words + self.content
        self.cumulative = list(itertools.accumulate(weights))
        self.rng = rng

    def title(self):
        return " ".join(self.rng.choices(self.content, k=self.rng.randint(2, 6))).capitalize()

    def body(self):
        """200–600 words in sentences of 6–18 words."""
        count = self.rng.randint(200, 600)
        text = self.rng.choices(self.words, cum_weights=self.cumulative, k=count)
        sentences, start = [], 0
        while start < len(text):
            end = start + self.rng.randint(6, 18)
            sentences.append(" ".join(text[start:end]).capitalize() + ".")
            start = end
        return " ".join(sentences)


def on_server(sql):
    """Run `sql` in the server's maintenance database (CREATE or DROP DATABASE)."""
    connection = psycopg2.connect(dbname="postgres", **SERVER)
    connection.autocommit = True  # CREATE and DROP DATABASE refuse to run in a transaction
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
    finally:
        connection.close()


def build_site(pages, restricted, rng):
    """`pages` live pages in two languages with index rows and stored vectors, `restricted`
    of them per language restricted; returns the seconds spent storing the vectors."""
    from django.db import connection
    from django.utils import timezone
    from wagtail.models import Locale, Page, PageViewRestriction
    from wagtail.search.models import IndexEntry

    from site_core.search_index import store_page_vectors

    languages = {
        "nb": Language(
            rng, NB_FUNCTION_WORDS, NB_CONTENT_WORDS, NB_COMPOUND_HEADS, NB_COMPOUND_TAILS
        ),
        "en": Language(rng, EN_FUNCTION_WORDS, EN_CONTENT_WORDS),
    }
    root = Page.get_first_root_node()
    home_key, keys = uuid.uuid4(), [uuid.uuid4() for _ in range(pages // 2)]
    restricted_keys = set(rng.sample(keys, restricted))
    now = timezone.now()
    for code, language in languages.items():
        locale = Locale.objects.get_or_create(language_code=code)[0]
        home = root.add_child(
            instance=Page(title=code, slug=f"home-{code}", locale=locale, translation_key=home_key)
        )
        # Built directly (tree paths included): saving 20,000 pages one by one takes an hour.
        children = Page.objects.bulk_create(
            (
                Page(
                    title=(title := language.title()),
                    draft_title=title,
                    slug=f"page-{number}",
                    path=Page._get_path(home.path, home.depth + 1, number + 1),
                    depth=home.depth + 1,
                    url_path=f"{home.url_path}page-{number}/",
                    live=True,
                    locale=locale,
                    translation_key=key,
                    first_published_at=now,
                    last_published_at=now,
                )
                for number, key in enumerate(keys)
            ),
            batch_size=2000,
        )
        Page.objects.filter(pk=home.pk).update(numchild=len(children))
        IndexEntry.objects.bulk_create(
            (
                IndexEntry(
                    content_type_id=page.content_type_id,
                    object_id=str(page.pk),
                    title="",  # Wagtail's own vectors: no path here reads them
                    body="",
                    autocomplete="",
                    title_text=page.title,
                    body_text=language.body(),
                )
                for page in children
            ),
            batch_size=1000,
        )
        PageViewRestriction.objects.bulk_create(
            PageViewRestriction(page=page, restriction_type="login")
            for page in children
            if page.translation_key in restricted_keys
        )
    start = time.perf_counter()
    store_page_vectors(Page.objects.values_list("pk", flat=True))
    seconds = time.perf_counter() - start
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return seconds


def query_time_search(query, language):
    """The search before issue 13 (site_core/search.py at 4a4a6c4): every page index row's
    vector computed with the visitor's configuration at query time, every match loaded and
    sorted in Python."""
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
    from django.db.models import Max
    from wagtail.models import Locale, Page, get_page_models
    from wagtail.search.models import IndexEntry

    from site_core.privacy import exclude_restricted
    from site_core.search_index import text_search_config

    locale = Locale.objects.get(language_code=language)
    pages = exclude_restricted(Page.objects.live().filter(locale=locale)).specific()
    config = text_search_config(language)
    vector = SearchVector("title_text", weight="A", config=config) + SearchVector(
        "body_text", weight="B", config=config
    )
    search_query = SearchQuery(query, config=config, search_type="websearch")
    page_types = ContentType.objects.get_for_models(*get_page_models()).values()
    ranked = (
        IndexEntry.objects.filter(content_type__in=page_types)
        .annotate(document=vector)
        .filter(document=search_query)
        .values("object_id")
        .annotate(rank=Max(SearchRank(vector, search_query)))
    )
    ranks = {int(row["object_id"]): row["rank"] for row in ranked}
    found = pages.filter(pk__in=ranks)
    return sorted(found, key=lambda page: (-ranks[page.pk], page.title))


def search_without_privacy(query, language):
    """Diagnosis only: the stored-vector search without the privacy filter."""
    from wagtail.models import Page

    from site_core.search import stemmed_search

    pages = Page.objects.live().filter(locale__language_code=language).specific()
    return stemmed_search(pages, query, language)


def first_results(results):
    """(number of matches, primary keys of the first page) of `results`, a paginated page
    (the search view's own `search_results`) or the matches, paginated here."""
    from django.core.paginator import Page as PaginatedPage
    from django.core.paginator import Paginator

    if isinstance(results, PaginatedPage):
        page = results
    else:
        page = Paginator(results, RESULTS_PER_PAGE).get_page(1)
    return page.paginator.count, [result.pk for result in page]


def view_search(query, language):
    """The first page of results as the search view makes it (`search_results`)."""
    from django.test import RequestFactory

    from site_core.search import search_results

    return search_results(RequestFactory().get("/"), query, language)


def measure(search, query, language, runs):
    """(median ms, p95 ms, (matches, first page)) of `runs` searches after one untimed."""
    outcome = first_results(search(query, language))
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        first_results(search(query, language))
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
    return statistics.median(timings), p95, outcome


def report(runs, old_runs):
    paths = [
        ("query-time", query_time_search, old_runs),
        ("stored", view_search, runs),
        ("stored, no privacy", search_without_privacy, runs),
    ]
    print(f"{'':<3}{'query':<24}{'path':<20}{'median ms':>10}{'p95 ms':>8}{'matches':>9}")
    for language, queries in QUERIES.items():
        for query in queries:
            outcomes = []
            for name, search, count in paths:
                median, p95, outcome = measure(search, query, language, count)
                outcomes.append(outcome)
                print(
                    f"{language:<3}{query:<24}{name:<20}{median:>10.1f}{p95:>8.1f}{outcome[0]:>9}"
                )
            if outcomes[0] != outcomes[1]:
                print("   ^ the query-time and stored paths disagree on this query's results")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20_000, help="in both languages together")
    parser.add_argument("--restricted", type=int, default=10, help="restricted pages per language")
    parser.add_argument("--runs", type=int, default=30, help="timed searches, stored paths")
    parser.add_argument("--old-runs", type=int, default=2, help="timed searches, query-time path")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    # Termination raises SystemExit, so the database is dropped below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))

    on_server(f'CREATE DATABASE "{DATABASE}"')
    try:
        os.environ["DATABASE_URL"] = "postgres://{user}@{host}:{port}/".format(**SERVER) + DATABASE
        os.environ["DJANGO_SETTINGS_MODULE"] = "site_core.settings.dev"
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command

        settings.DEBUG = False  # no query log: time the queries, not the logging
        print(f"Database {DATABASE}: migrating …", flush=True)
        call_command("migrate", verbosity=0)
        print(f"Generating {args.pages:,} pages …", flush=True)
        start = time.perf_counter()
        rng = random.Random(args.seed)  # noqa: S311 (reproducible text, not secrets)
        vector_seconds = build_site(args.pages, args.restricted, rng)
        print(
            f"Built in {time.perf_counter() - start:.0f} s; storing all the vectors took "
            f"{vector_seconds:.1f} s.\n",
            flush=True,
        )
        report(args.runs, args.old_runs)
    finally:
        from django.db import connections

        connections.close_all()
        on_server(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        print(f"\nDatabase {DATABASE} dropped.")


if __name__ == "__main__":
    main()
