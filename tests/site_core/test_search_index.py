"""Public search over stored page vectors (site_core.search_index), on data built for the test.

The vectors follow publishing, the privacy rule is applied at query time, and the results
are the same as when vectors were computed from Wagtail's index text at query time.
Stemming and stored vectors are PostgreSQL's; the rest holds on SQLite, through Wagtail's
own search, too.
"""

import importlib

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.management import call_command
from django.db import connection
from django.db.models import Max
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify
from wagtail.models import Locale, Page, PageViewRestriction, get_page_models
from wagtail.search.models import IndexEntry

from home.models import StandardPage
from site_core.models import PageSearchVector
from site_core.privacy import exclude_restricted
from site_core.search import search_pages
from site_core.search_index import text_search_config
from tests.factories import StandardPageFactory, publish, restrict, translate

pytestmark = pytest.mark.django_db

# Queries of a search request, the page around the results included (measured: 7 on PostgreSQL).
BUDGET = 10

postgres_only = pytest.mark.skipif(
    not settings.USING_POSTGRES, reason="stored vectors and stemming are PostgreSQL's"
)


def found(query, language):
    """Primary keys of the pages `search_pages` finds, best first."""
    return [page.pk for page in search_pages(query, language)]


def add_page(site, title, intro, english=None, slug=None):
    """A published Norwegian standard page under the home page, and, given `english`
    ((title, intro)), its published English translation. Returns (nb page, en page or None).
    Run inside captured on-commit callbacks (wagtail-localize)."""
    page = publish(
        StandardPageFactory(parent=site.nb, title=title, slug=slug or slugify(title), intro=intro)
    )
    if english is None:
        return page, None
    en_title, en_intro = english
    return page, translate(page, {title: en_title, intro: en_intro})


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run on-commit callbacks (wagtail-localize publishes translations in them) at once."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_page_is_found_once_published_and_no_longer_once_unpublished(shared_bilingual):
    page = StandardPageFactory(
        parent=shared_bilingual.nb, title="Verksted", slug="verksted", intro="Sagbruket i dalen."
    )
    page.unpublish()
    assert page.pk not in found("sagbruket", "nb")
    publish(page)
    assert page.pk in found("sagbruket", "nb")
    page.refresh_from_db()  # publishing saved another copy of the page
    page.unpublish()
    assert page.pk not in found("sagbruket", "nb")


def test_a_republished_edit_changes_what_matches_and_a_draft_does_not(shared_bilingual):
    page = publish(
        StandardPageFactory(
            parent=shared_bilingual.nb, title="Besøk", slug="besok", intro="Sagbruket."
        )
    )
    page.intro = "Høvleriet."
    page.save_revision()  # a draft: the live page still says "Sagbruket"
    assert page.pk in found("sagbruket", "nb")
    assert page.pk not in found("høvleriet", "nb")
    page.get_latest_revision().publish()
    assert page.pk not in found("sagbruket", "nb")
    assert page.pk in found("høvleriet", "nb")


def test_restricted_pages_and_their_translations_never_appear(shared_bilingual, on_commit):
    with on_commit():
        page, english = add_page(
            shared_bilingual, "Intern", "Hemmeligord.", ("Internal", "Secretword.")
        )
    assert page.pk in found("hemmeligord", "nb")
    assert english.pk in found("secretword", "en")
    restrict(page, "Members")
    assert found("hemmeligord", "nb") == []
    assert found("secretword", "en") == []


def test_a_page_whose_translation_alone_is_restricted_never_appears(shared_bilingual, on_commit):
    with on_commit():
        _page, english = add_page(
            shared_bilingual, "Intern", "Hemmeligord.", ("Internal", "Secretword.")
        )
    # Directly, as if the restriction sync had not run: the privacy rule alone must hide it.
    PageViewRestriction.objects.create(page=english, restriction_type="login")
    assert found("hemmeligord", "nb") == []


def test_a_page_moved_under_a_restricted_section_disappears(shared_bilingual):
    page = publish(
        StandardPageFactory(
            parent=shared_bilingual.nb, title="Flytt", slug="flytt", intro="Flytteord."
        )
    )
    section = publish(
        StandardPageFactory(parent=shared_bilingual.nb, title="Medlemmer", slug="med")
    )
    restrict(section, "Members")
    assert page.pk in found("flytteord", "nb")
    page.move(section, pos="last-child")
    assert found("flytteord", "nb") == []


def test_each_language_finds_its_own_pages_only(shared_bilingual, on_commit):
    with on_commit():
        page, english = add_page(shared_bilingual, "Sag", "Sagbruket.", ("Saw", "Sawmill."))
    assert found("sagbruket", "nb") == [page.pk]
    assert found("sagbruket", "en") == []
    assert found("sawmill", "en") == [english.pk]
    assert found("sawmill", "nb") == []


@postgres_only
@pytest.mark.parametrize(
    ("language", "query"), [("nb", "klynger"), ("en", "clusters"), ("en", "partner")]
)
def test_search_is_stemmed_in_the_visitors_language(shared_bilingual, on_commit, language, query):
    """`klynger` finds a page that says only `klyngen`, `clusters` one that says `cluster`."""
    with on_commit():
        pages = dict(
            zip(
                ("nb", "en"),
                add_page(
                    shared_bilingual,
                    "Treffpunkt",
                    "Møt klyngen i Oslo.",
                    ("Meeting point", "Meet the cluster and our partners in Oslo."),
                ),
                strict=True,
            )
        )
    assert found(query, language) == [pages[language].pk]


@postgres_only
def test_a_page_is_stemmed_in_its_own_language(shared_bilingual, on_commit):
    with on_commit():
        page, english = add_page(
            shared_bilingual, "Klynger", "Klyngene.", ("Clusters", "Clustering.")
        )
    vectors = dict(PageSearchVector.objects.values_list("page_id", "vector"))
    assert "'klyng':1A" in vectors[page.pk]  # Norwegian snowball stem
    assert "'cluster':1A" in vectors[english.pk]  # English snowball stem


@postgres_only
def test_deleting_a_page_deletes_its_vector(shared_bilingual):
    page = publish(StandardPageFactory(parent=shared_bilingual.nb, title="Borte", slug="borte"))
    assert PageSearchVector.objects.filter(page=page).exists()
    page.delete()
    assert not PageSearchVector.objects.filter(page_id=page.pk).exists()


@postgres_only
def test_vectors_stay_in_the_table_as_they_are_and_a_very_long_page_is_still_indexed(
    shared_bilingual,
):
    """Ranking reads every match's vector: kept uncompressed in the table (migration
    site_core 0006), it costs no decompression or TOAST look-up. A vector too long for a
    table page must still be stored (compressed, or out of line), not refused."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attribute.attstorage, class.reloptions FROM pg_attribute attribute "
            "JOIN pg_class class ON class.oid = attribute.attrelid "
            "WHERE class.relname = %s AND attribute.attname = 'vector'",
            [PageSearchVector._meta.db_table],
        )
        storage, options = cursor.fetchone()
    assert storage == "m"  # MAIN: compressed or moved out only when the row must be
    assert "toast_tuple_target=8160" in options  # ... which is when it outgrows a page

    words = [f"møbel{number}" for number in range(4000)]
    usual = publish(
        StandardPageFactory(
            parent=shared_bilingual.nb, title="Vanlig", slug="vanlig", intro=" ".join(words[:300])
        )
    )
    long = publish(
        StandardPageFactory(
            parent=shared_bilingual.nb, title="Lang", slug="lang", intro=" ".join(words)
        )
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT page_id, pg_column_size(vector), pg_column_compression(vector) "
            "FROM site_core_pagesearchvector WHERE page_id IN (%s, %s)",
            [usual.pk, long.pk],
        )
        stored = {page_id: (size, compression) for page_id, size, compression in cursor}
    assert stored[usual.pk][0] > 2000 and stored[usual.pk][1] is None
    assert found("møbel3999", "nb") == [long.pk]
    assert sorted(found("møbel299", "nb")) == sorted([usual.pk, long.pk])


@pytest.fixture
def varied(shared_bilingual, on_commit):
    """Pages in both languages whose ranks differ (title or body, how often) and tie
    (the same text under titles that sort differently by case and by æ, ø, å)."""
    texts = [
        ("Klyngen", "Om klyngen og klyngene.", "The cluster", "About the cluster and clusters."),
        ("Møbler", "Møbler fra sagbruket i klyngen.", "Furniture", "Furniture from the mill."),
        ("Sagbruk", "Sagbruket sager tre.", "Sawmill", "The sawmill saws wood."),
        ("Åpen dag", "Åpen dag i klyngen.", "open day", "Open day in the cluster."),
        ("apen dag", "Åpen dag i klyngen.", "Open day", "Open day in the cluster."),
        ("Ørsta", "Åpen dag i klyngen.", "Zebra day", "Open day in the cluster."),
        ("Design", "Norsk design og bærekraft.", "Design", "Norwegian design and sustainability."),
    ]
    with on_commit():
        for number, (title, intro, en_title, en_intro) in enumerate(texts):
            add_page(shared_bilingual, title, intro, (en_title, en_intro), slug=f"side-{number}")
    # A restricted page and an unpublished one that match too.
    with on_commit():
        secret, _english = add_page(
            shared_bilingual, "Intern klynge", "Klyngen.", ("Inner", "Cluster.")
        )
    restrict(secret, "Members")
    StandardPageFactory(parent=shared_bilingual.nb, title="Utkast", slug="utkast", intro="Klyngen.")
    Page.objects.filter(slug="utkast").update(live=False)


def page_types():
    return ContentType.objects.get_for_models(*get_page_models()).values()


def query_time_search(query, language):
    """The search before stored vectors (the reference): every page index row's vector
    computed with the visitor's configuration at query time, best rank first, ties by title
    in Python's order. Primary keys."""
    config = text_search_config(language)
    vector = SearchVector("title_text", weight="A", config=config) + SearchVector(
        "body_text", weight="B", config=config
    )
    search_query = SearchQuery(query, config=config, search_type="websearch")
    ranked = (
        IndexEntry.objects.filter(content_type__in=page_types())
        .annotate(document=vector)
        .filter(document=search_query)
        .values("object_id")
        .annotate(rank=Max(SearchRank(vector, search_query)))
    )
    ranks = {int(row["object_id"]): row["rank"] for row in ranked}
    locale = Locale.objects.get(language_code=language)
    pages = exclude_restricted(Page.objects.live().filter(locale=locale)).filter(pk__in=ranks)
    return [page.pk for page in sorted(pages, key=lambda page: (-ranks[page.pk], page.title))]


QUERIES = {
    "nb": [
        "klyngen", "klynger", "sagbruk", "møbler", "åpen dag", '"åpen dag"', "klyngen -møbler",
        "design or sagbruket", "tre", "og", "finnes-ikke", "",
    ],
    "en": [
        "cluster", "clusters", "sawmills", "furniture", "open day", '"open day"',
        "cluster -furniture", "design or sawmill", "wood", "the", "nowhere", "",
    ],
}  # fmt: skip


@postgres_only
@pytest.mark.parametrize("language", ["nb", "en"])
def test_results_are_those_of_query_time_vectors(varied, language):
    """Same pages in the same order as computing every vector at query time (before)."""
    for query in QUERIES[language]:
        assert found(query, language) == query_time_search(query, language), query
    # Not vacuous: the first query finds the fixture's pages that say it.
    assert len(found(QUERIES[language][0], language)) == {"nb": 5, "en": 4}[language]


@postgres_only
def test_the_migration_and_update_index_build_the_vectors_of_existing_pages(varied):
    stored = dict(PageSearchVector.objects.values_list("page_id", "vector"))
    migration = importlib.import_module("site_core.migrations.0005_page_search_vector")
    PageSearchVector.objects.all().delete()
    with connection.schema_editor(atomic=False) as editor:
        migration.build_vectors(None, editor)
    assert dict(PageSearchVector.objects.values_list("page_id", "vector")) == stored
    PageSearchVector.objects.all().delete()
    call_command("update_index", verbosity=0)
    rebuilt = dict(PageSearchVector.objects.values_list("page_id", "vector"))
    # update_index also indexes the tree's root and Wagtail's welcome page, which nothing
    # had saved since the migrations made them; each page it indexes gets its vector.
    assert {pk: rebuilt[pk] for pk in stored} == stored
    page_entries = IndexEntry.objects.filter(content_type__in=page_types())
    assert set(rebuilt) == {int(pk) for pk in page_entries.values_list("object_id", flat=True)}


def test_a_search_takes_the_same_queries_however_many_pages_match(
    client, shared_bilingual, django_assert_max_num_queries
):
    def add_pages(numbers):
        for number in numbers:
            publish(
                StandardPageFactory(
                    parent=shared_bilingual.nb,
                    title=f"Høvel {number}",
                    slug=f"h-{number}",
                    intro="Høvel.",
                )
            )

    def queries_of_a_search():
        client.get("/nb/sok/", {"q": "høvel"})  # warm: site root paths, the cached footer
        with CaptureQueriesContext(connection) as context:
            response = client.get("/nb/sok/", {"q": "høvel"})
        return len(context.captured_queries), len(response.context["results"])

    add_pages(range(2))
    few, shown = queries_of_a_search()
    assert shown == 2
    add_pages(range(2, 40))
    assert queries_of_a_search() == (few, 10)
    with django_assert_max_num_queries(BUDGET):
        client.get("/nb/sok/", {"q": "høvel"})


@postgres_only
def test_a_search_runs_once_its_matches_ranked_make_the_count(client, shared_bilingual):
    """The ids of every match in rank order make the count and the page: no COUNT query
    runs the search a second time (site_core.search.search_results)."""
    for number in range(12):
        publish(
            StandardPageFactory(
                parent=shared_bilingual.nb, title=f"Sponplate {number}", slug=f"s-{number}"
            )
        )
    with CaptureQueriesContext(connection) as context:
        response = client.get("/nb/sok/", {"q": "sponplate", "page": "2"})
    vector_table = PageSearchVector._meta.db_table
    searches = [query for query in context.captured_queries if vector_table in query["sql"]]
    assert len(searches) == 1
    results = response.context["results"]
    assert (results.paginator.count, len(results)) == (12, 2)
    assert all(isinstance(result, StandardPage) for result in results)
