"""The production app in real gunicorn processes: two instances on one S3 bucket behave as
one site, and one instance on local folders serves images and guards documents.

What a deployer relies on when running more than one instance behind a load balancer:
uploads made through one are served by the other, sessions, login lock-outs and the
membership form's rate limit hold across them, and /healthz/ says when storage is down.
"""

import io
import re
import uuid
from http.client import HTTPConnection
from pathlib import Path

import pytest
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from intranet.demo import MEMBERS_COLLECTION
from site_core.settings.test import TEST_PROCESS
from tests.deploy.conftest import DEMO_PASSWORDS, MEMBER_LOGIN, Visitor, log_in_admin, log_in_member
from tests.home.factories import APPLICATION as VALID_APPLICATION

pytestmark = [pytest.mark.deploy, pytest.mark.usefixtures("clean_slate")]

FAR_FUTURE = "public, max-age=31536000, immutable"
MEMBER = ("medlem@example.no", DEMO_PASSWORDS["medlem"])
INTRANET = "/nb/intranett/"
MEMBERSHIP_FORM = "/nb/bli-medlem/"
RENDITION_URL = re.compile(r'/media/images/[^"\'\s<>]+')


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), "#1f3a34").save(buffer, "PNG")
    return buffer.getvalue()


def collection_pk(use_orm, name=None):
    with use_orm():
        if name is None:
            return Collection.get_first_root_node().pk
        return Collection.objects.get(name=name).pk


def member_on(server):
    """A visitor logged in as the demo member on `server`."""
    visitor = Visitor()
    response = log_in_member(visitor, server, *MEMBER)
    assert response.status_code == 302, f"member login on {server}: {response.status_code}"
    return visitor


def admin_on(server):
    """A visitor logged in to the admin as the demo superuser on `server`."""
    visitor = Visitor()
    log_in_admin(visitor, server)
    return visitor


def listening_addresses(port):
    """The local addresses of sockets listening on TCP `port` (from /proc/net/tcp{,6})."""
    addresses = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        path = Path(table)
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            local, _remote, state = line.split()[1:4]
            address, port_hex = local.split(":")
            if state == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
                addresses.append(address)
    return addresses


# --- Two app servers on one S3 bucket --------------------------------------------------


def test_app_servers_listen_on_loopback_only(s3_servers):
    # gunicorn.conf.py binds 0.0.0.0; the command line's --bind must win.
    if not Path("/proc/net/tcp").exists():
        pytest.skip("no /proc/net/tcp to read listening sockets from")
    for server in s3_servers.values():
        assert listening_addresses(server.port) == ["0100007F"], server  # 127.0.0.1 only


def test_image_uploaded_through_one_server_is_rendered_by_the_other(s3_servers, s3, use_orm):
    a, b = s3_servers["A"], s3_servers["B"]
    title = f"Opplastet bilde {uuid.uuid4().hex[:8]}"
    admin = admin_on(a)
    response = admin.submit(
        a,
        "/admin/images/add/",
        {"title": title, "collection": collection_pk(use_orm)},
        files={"file": ("verksted.png", png_bytes(), "image/png")},
    )
    assert response.status_code == 302, response.text[-2000:]
    with use_orm():
        image = get_image_model().objects.get(title=title)

    # B opens the editor: it reads the original A stored and makes the preview renditions.
    edit_page = admin.get(b, f"/admin/images/{image.pk}/")
    assert edit_page.status_code == 200
    renditions = RENDITION_URL.findall(edit_page.text)
    assert renditions, "the image editor shows no /media/images/ rendition"
    for server in (b, a):
        rendition = admin.get(server, renditions[0])
        assert rendition.status_code == 200, server
        assert rendition.headers["Content-Type"].startswith("image/")
        assert rendition.headers["Cache-Control"] == FAR_FUTURE
        assert rendition.content[:8] == b"\x89PNG\r\n\x1a\n"

    stored = s3.keys("media/")
    assert f"media/{image.file.name}" in stored
    assert renditions[0].removeprefix("/") in stored


def test_private_document_through_one_server_is_guarded_by_the_other(s3_servers, s3, use_orm):
    a, b = s3_servers["A"], s3_servers["B"]
    content = b"%PDF-1.4\n% members only " + uuid.uuid4().hex.encode() + b"\n%%EOF\n"
    title = f"Styrereferat {uuid.uuid4().hex[:8]}"
    admin = admin_on(a)
    response = admin.submit(
        a,
        "/admin/documents/add/",
        {"title": title, "collection": collection_pk(use_orm, MEMBERS_COLLECTION)},
        files={"file": ("styrereferat.pdf", content, "application/pdf")},
    )
    assert response.status_code == 302, response.text[-2000:]
    with use_orm():
        document = get_document_model().objects.get(title=title)
        url, name = document.url, document.file.name
    filename = Path(name).name

    anonymous = Visitor()
    refused = anonymous.get(b, url)
    assert refused.status_code == 302
    assert refused.headers["Location"].startswith(MEMBER_LOGIN)
    assert "no-store" in refused.headers["Cache-Control"]

    member = member_on(b)
    download = member.get(b, url)
    assert download.status_code == 200
    assert download.content == content
    assert "no-store" in download.headers["Cache-Control"]

    # No URL under /media/ reaches the file, for anyone, on either server.
    for visitor in (anonymous, member, admin):
        for server in (a, b):
            for path in (f"/media/documents/{filename}", f"/media/private/documents/{filename}"):
                assert visitor.get(server, path).status_code == 404, (path, server)

    key = f"private/{name}"
    assert key in s3.keys("private/")
    assert s3.client.get_object(Bucket=s3.bucket, Key=key)["Body"].read() == content
    grants = s3.client.get_object_acl(Bucket=s3.bucket, Key=key)["Grants"]
    public = [g for g in grants if re.search(r"AllUsers|AuthenticatedUsers", str(g["Grantee"]))]
    assert public == []


def test_session_made_on_one_server_is_valid_on_the_other(s3_servers):
    a, b = s3_servers["A"], s3_servers["B"]
    visitor = Visitor()
    assert visitor.get(b, INTRANET).status_code == 302  # not logged in yet
    assert log_in_member(visitor, a, *MEMBER).status_code == 302
    response = visitor.get(b, INTRANET)
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]


def test_failed_logins_on_both_servers_lock_the_account(s3_servers):
    a, b = s3_servers["A"], s3_servers["B"]
    visitor = Visitor()
    for number, server in enumerate([a, a, a, b, b], start=1):
        response = log_in_member(visitor, server, MEMBER[0], "not-the-password")
        if number < 5:
            assert response.status_code == 200, (number, server)
            assert "passer ikke" in response.text

    for server in (a, b):
        locked = log_in_member(visitor, server, *MEMBER)
        assert locked.status_code == 429, server
        assert "Innloggingen er sperret i 15 minutter" in locked.text
    assert visitor.get(b, INTRANET).status_code == 302  # still not logged in


def test_membership_rate_limit_counts_across_servers(s3_servers):
    a, b = s3_servers["A"], s3_servers["B"]
    visitor = Visitor()
    for number, server in enumerate([a, b, a], start=1):
        application = VALID_APPLICATION | {"email": f"soker{number}@example.no"}
        response = visitor.submit(server, MEMBERSHIP_FORM, application)
        assert response.status_code == 200, (number, server)
        assert "Takk for søknaden!" in response.text

    fourth = visitor.submit(b, MEMBERSHIP_FORM, VALID_APPLICATION)
    assert fourth.status_code == 429
    assert "Takk for søknaden!" not in fourth.text


def test_health_check_reports_storage_down_and_recovers(s3_servers, s3):
    visitor = Visitor()
    for server in s3_servers.values():
        response = visitor.get(server, "/healthz/")
        assert (response.status_code, response.text) == (200, "ok\n"), server

    s3.stop()
    try:
        for server in s3_servers.values():
            response = visitor.get(server, "/healthz/")
            # One word for the world; what failed goes to the server's log.
            assert (response.status_code, response.text) == (503, "unavailable\n"), server
            assert "no-store" in response.headers["Cache-Control"]  # no cache keeps a verdict
    finally:
        s3.start()

    for server in s3_servers.values():
        response = visitor.get(server, "/healthz/")
        assert (response.status_code, response.text) == (200, "ok\n"), server


# --- One app server on local folders ------------------------------------------------------


def raw_get(server, path):
    """GET `path` exactly as written (no client-side clean-up of `..`); returns the status."""
    connection = HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        connection.request("GET", path, headers={"X-Forwarded-Proto": "https"})
        return connection.getresponse().status
    finally:
        connection.close()


def test_public_image_on_the_home_page_is_cached_for_a_year(local_server):
    visitor = Visitor()
    home = visitor.get(local_server, "/nb/")
    assert home.status_code == 200
    renditions = RENDITION_URL.findall(home.text)
    assert renditions, "the home page shows no /media/images/ rendition"
    response = visitor.get(local_server, renditions[0])
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("image/")
    assert response.headers["Cache-Control"] == FAR_FUTURE


def test_no_media_path_reaches_a_demo_document(local_server, use_orm):
    with use_orm():
        names = list(get_document_model().objects.values_list("file", flat=True))
    assert names
    member = member_on(local_server)
    for name in names:
        filename = Path(name).name
        assert member.get(local_server, f"/media/{name}").status_code == 404, name
        assert Visitor().get(local_server, f"/media/{name}").status_code == 404, name
        for path in (
            f"/media/../private-media/{name}",
            f"/media/%2e%2e/private-media/{name}",
            f"/media/..%2fprivate-media/{name}",
            f"/media/images/../../private-media/{name}",
            # The test settings' private folder, from their media folder (settings/test.py).
            f"/media/%2e%2e/%2e%2e/.test-private-media/{TEST_PROCESS}/{name}",
            f"/private-media/{name}",
            f"/media/documents/../../{filename}",
        ):
            assert raw_get(local_server, path) == 404, path


def test_members_only_demo_document_needs_a_member_login(local_server, use_orm):
    with use_orm():
        document = get_document_model().objects.filter(collection__name=MEMBERS_COLLECTION).first()
        url = document.url
        content = document.file.read()
        document.file.close()

    refused = Visitor().get(local_server, url)
    assert refused.status_code == 302
    assert refused.headers["Location"].startswith(MEMBER_LOGIN)

    member = member_on(local_server)
    download = member.get(local_server, url)
    assert download.status_code == 200
    assert download.content == content
