"""Images uploaded for members stay with members: the upload path and every rendering path
(rich text, image blocks, intranet pages), and uploads default to the edited section."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile

from home.models import StandardPage
from intranet.demo import MEMBERS_COLLECTION
from intranet.models import MemberNewsPage, ProjectSpacePage
from tests.conftest import body_of

pytestmark = pytest.mark.django_db

Image = get_image_model()


def png_upload(name="medlemsbilde.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (320, 200), "#7c8c6e").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def upload_image(client, title, collection):
    """Upload through the admin, as an editor does; returns the new image."""
    response = client.post(
        "/admin/images/add/",
        {"title": title, "file": png_upload(), "collection": collection.pk},
    )
    assert response.status_code == 302, response.content[:500]
    return Image.objects.get(title=title)


def project_collection(code):
    return ProjectSpacePage.objects.get(locale__language_code="nb", slug=code).collection


def image_srcs(html):
    """Every image file URL in `html`, from src and srcset alike."""
    return sorted(set(re.findall(r"(/media/[^\"\s,]+)", html)))


def assert_refused_to_others_and_served_to(client, log_in_as, urls, allowed, refused):
    """Every URL: 302 to the login page anonymously, 403 for `refused` roles, and the
    file (never cached by anyone else) for `allowed` roles."""
    for url in urls:
        client.logout()
        anonymous = client.get(url)
        assert anonymous.status_code == 302, url
        assert "/logg-inn/" in anonymous["Location"]
        assert "no-store" in anonymous["Cache-Control"]
        for role in refused:
            log_in_as(role)
            assert client.get(url).status_code == 403, (role, url)
        for role in allowed:
            log_in_as(role)
            response = client.get(url)
            assert response.status_code == 200, (role, url)
            assert response["Cache-Control"] == "private, no-store"
            assert body_of(response)[:4] in (b"\x89PNG", b"RIFF")


@pytest.fixture
def members_image(client, intranet_site, log_in_as):
    log_in_as("editor")
    image = upload_image(
        client, "Bilde fra årsmøtet", Collection.objects.get(name=MEMBERS_COLLECTION)
    )
    client.logout()
    return image


def test_upload_path_members_image_original_and_renditions_are_private(
    client, log_in_as, members_image
):
    rendition = members_image.get_rendition("fill-200x100|format-webp")
    urls = [members_image.file.url, rendition.url]
    assert all(url.startswith("/media/") for url in urls)
    assert_refused_to_others_and_served_to(
        client, log_in_as, urls, allowed=["member", "member_a", "editor", "admin"], refused=[]
    )


def test_upload_path_project_image_is_for_the_project_only(client, intranet_site, log_in_as):
    log_in_as("editor")
    image = upload_image(client, "Prøvebilde", project_collection("sirkulaere-materialer"))
    rendition = image.get_rendition("max-160x160")
    assert_refused_to_others_and_served_to(
        client,
        log_in_as,
        [image.file.url, rendition.url],
        allowed=["member_a", "editor", "admin"],
        refused=["member", "member_b"],
    )


def embed(image):
    tag = f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="Salen"/>'
    return f"<p>Se bildet:</p>{tag}"


def test_rendering_path_rich_text_on_an_intranet_page(client, log_in_as, members_image):
    news = MemberNewsPage.objects.filter(locale__language_code="nb").first()
    news.body = embed(members_image)
    news.save_revision().publish()
    log_in_as("member")
    page = client.get(news.url)
    assert page.status_code == 200
    srcs = image_srcs(page.content.decode())
    assert srcs, "the embedded image is not rendered"
    assert_refused_to_others_and_served_to(
        client, log_in_as, srcs, allowed=["member", "editor"], refused=[]
    )


def test_rendering_path_image_block_and_rich_text_on_a_public_page(
    client, log_in_as, members_image
):
    """An editor's mistake (a members' image on a public page) shows visitors nothing of it."""
    page = StandardPage.objects.filter(locale__language_code="nb").first()
    page.body = [
        ("image", {"image": members_image, "alt_text": "Salen", "caption": ""}),
        ("paragraph", RichText(embed(members_image))),
    ]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    srcs = [src for src in image_srcs(html) if "medlemsbilde" in src]
    assert len(srcs) >= 2, "both renderings should point at the checked view"
    assert_refused_to_others_and_served_to(client, log_in_as, srcs, allowed=["member"], refused=[])


def test_public_images_stay_public_with_far_future_caching(client, intranet_site, log_in_as):
    log_in_as("editor")
    image = upload_image(client, "Offentlig bilde", Collection.get_first_root_node())
    client.logout()
    response = client.get(image.get_rendition("width-200").url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"


def chooser_upload_collection(client, chooser, referer):
    """The collection preselected in a chooser's upload tab, opened from `referer`."""
    response = client.get(f"/admin/{chooser}/chooser/", HTTP_REFERER=referer)
    assert response.status_code == 200
    html = response.json()["html"]
    form = html[html.index('id="upload"') if 'id="upload"' in html else 0 :]
    selected = re.findall(r'<option value="(\d+)"[^>]*selected', form)
    return int(selected[0]) if selected else None


@pytest.mark.parametrize("chooser", ["documents", "images"])
def test_uploads_from_an_intranet_editor_default_to_its_section(
    client, intranet_site, log_in_as, chooser
):
    log_in_as("editor")
    project = ProjectSpacePage.objects.get(locale__language_code="nb", slug="sirkulaere-materialer")
    news = MemberNewsPage.objects.filter(locale__language_code="nb").first()
    members = Collection.objects.get(name=MEMBERS_COLLECTION)
    base = "http://testserver/admin/pages"
    assert chooser_upload_collection(client, chooser, f"{base}/{project.pk}/edit/") == (
        project.collection.pk
    )
    assert chooser_upload_collection(client, chooser, f"{base}/{news.pk}/edit/") == members.pk
    new_news = f"{base}/add/intranet/membernewspage/{news.get_parent().pk}/"
    assert chooser_upload_collection(client, chooser, new_news) == members.pk
    # A public page's editor, or no editor at all: Wagtail's own default.
    public = StandardPage.objects.filter(locale__language_code="nb").first()
    assert chooser_upload_collection(client, chooser, f"{base}/{public.pk}/edit/") is None
    assert chooser_upload_collection(client, chooser, "") is None


@pytest.mark.parametrize(("language", "members", "project"), [
    ("nb", "kun medlemmer", "kun prosjektdeltakere"),
    ("en", "members only", "project members only"),
])  # fmt: skip
def test_collection_choices_say_which_are_members_or_project_only(
    client, intranet_site, log_in_as, language, members, project
):
    editor = log_in_as("editor")
    UserProfile.get_for_user(editor)
    UserProfile.objects.filter(user=editor).update(preferred_language=language)
    for form in ("/admin/documents/add/", "/admin/images/add/"):
        html = client.get(form).content.decode()
        assert f"{MEMBERS_COLLECTION} ({members})" in html
        assert f"Sirkulære materialer ({project})" in html
        assert f"Offentlige dokumenter ({members})" not in html


@pytest.mark.parametrize("chooser", ["documents", "images"])
@pytest.mark.parametrize("role", ["anonymous", "member"])
def test_the_choosers_are_for_admin_users_only(client, intranet_site, log_in_as, chooser, role):
    log_in_as(role)
    response = client.get(f"/admin/{chooser}/chooser/")
    assert response.status_code in (302, 403)
    assert "html" not in response.get("Content-Type", "") or b"chooser" not in response.content
