"""An editor can create every public page type through the admin form, and it then serves.

Built on an empty database (tests/factories.py), not the demo: the bilingual site once for
the module, each test getting its own rolled-back copy.
"""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import (
    ContactPage,
    EventIndexPage,
    EventPage,
    GoalsPage,
    HomePage,
    LabelIndexPage,
    LabelPage,
    MemberDirectoryPage,
    MembershipPage,
    NewsIndexPage,
    NewsPage,
    ProgrammeIndexPage,
    ProgrammePage,
    StandardPage,
)
from tests.factories import (
    EventIndexPageFactory,
    NewsIndexPageFactory,
    publish,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(shared_bilingual):
    """The Norwegian home page of a bilingual site built once for the module (the test's
    own copy)."""
    return shared_bilingual.nb


def page(title, **fields):
    return nested_form_data({"title": title, **fields})


SECTIONS = [
    (StandardPage, page("Om klyngen", body=streamfield([]))),
    (
        GoalsPage,
        page(
            "Mål",
            goals=inline_formset([{"title": "Vekst", "text": "Flere eksportører."}], min=1),
            body=streamfield([]),
        ),
    ),
    (LabelIndexPage, page("Utmerkelser")),
    (ContactPage, page("Kontakt", contacts=inline_formset([]), body=streamfield([]))),
    (ProgrammeIndexPage, page("Programmer")),
    (NewsIndexPage, page("Nyheter")),
    (EventIndexPage, page("Arrangementer")),
    (MemberDirectoryPage, page("Medlemmer")),
    (
        MembershipPage,
        page(
            "Bli medlem",
            body=streamfield([]),
            to_address="post@example.no",
            from_address="post@example.no",
            subject="Ny søknad",
            thank_you_text=rich_text("<p>Takk!</p>"),
        ),
    ),
]


def test_an_editor_can_create_a_home_page_at_the_root(editor_form, home):
    editor_form.assertCanCreate(
        home.get_parent(),
        HomePage,
        page("Ny forside", slug="ny-forside", hero_heading="Hei", key_figures=streamfield([])),
    )


@pytest.mark.parametrize(("model", "data"), SECTIONS, ids=[m.__name__ for m, _d in SECTIONS])
def test_an_editor_can_create_each_section_under_the_home_page(
    client, editor_form, home, model, data
):
    editor_form.assertCanCreate(home, model, data)
    created = model.objects.child_of(home).get()
    assert created.live
    client.logout()
    assert client.get(created.url).status_code == 200


def test_an_editor_can_create_news_events_labels_and_programmes(client, editor_form, home):
    news_index = publish(NewsIndexPageFactory(parent=home))
    event_index = publish(EventIndexPageFactory(parent=home))
    editor_form.assertCanCreate(
        news_index,
        NewsPage,
        page("Ny nyhet", date="2026-11-30", body=streamfield([]), tag_links=inline_formset([])),
    )
    editor_form.assertCanCreate(
        event_index,
        EventPage,
        page(
            "Frokostmøte",
            start="2026-12-10 08:00",
            end="2026-12-10 10:00",
            body=streamfield([]),
        ),
    )
    labels = publish(home.add_child(instance=LabelIndexPage(title="Utmerkelser")))
    editor_form.assertCanCreate(
        labels,
        LabelPage,
        page(
            "Bronze Label",
            label_name="Bronze Label",
            awarding_body="ESCA",
            awarded_on="2024-05-01",
            findings=rich_text(""),
            recommendations=rich_text(""),
            body=streamfield([]),
        ),
    )
    programmes = publish(home.add_child(instance=ProgrammeIndexPage(title="Programmer")))
    editor_form.assertCanCreate(
        programmes,
        ProgrammePage,
        page("Arena", funder="Innovasjon Norge", level="arena", period_start="2013",
             body=streamfield([])),
    )  # fmt: skip
    client.logout()
    for model in (NewsPage, EventPage, LabelPage, ProgrammePage):
        assert client.get(model.objects.get().url).status_code == 200, model.__name__
