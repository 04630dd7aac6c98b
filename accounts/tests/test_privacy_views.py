from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.models import DataExport
from accounts.services import data_exports_expire

pytestmark = pytest.mark.django_db


@pytest.fixture
def ready_export(demo_site, django_capture_on_commit_callbacks, client):
    owner = UserFactory(full_name="Ana Novak")
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:privacy"))
    assert response.status_code == 302
    client.logout()
    export = DataExport.objects.get(user=owner)
    assert export.status == DataExport.Status.READY
    return export


def test_privacy_page_requires_login(client, demo_site):
    response = client.get(reverse("accounts:privacy"))
    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_owner_requests_and_downloads_the_export(client, ready_export):
    client.force_login(ready_export.user)
    page = client.get(reverse("accounts:privacy")).content.decode()
    url = reverse("accounts:data_export_download", args=[ready_export.uuid])
    assert url in page

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert b"".join(response.streaming_content).startswith(b"PK")


def test_nobody_else_reaches_an_export(client, ready_export):
    url = reverse("accounts:data_export_download", args=[ready_export.uuid])
    assert client.get(url).status_code == 302  # anonymous: log in first
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get(url).status_code == 404


def test_a_second_request_while_one_is_pending_makes_no_second_export(
    client, demo_site
):
    owner = UserFactory()
    client.force_login(owner)
    # Without running the on-commit task the first one stays pending.
    client.post(reverse("accounts:privacy"))
    client.post(reverse("accounts:privacy"))
    assert DataExport.objects.filter(user=owner).count() == 1


def test_expired_exports_lose_their_file_and_cannot_be_downloaded(client, ready_export):
    storage, name = ready_export.file.storage, ready_export.file.name
    DataExport.objects.filter(pk=ready_export.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    client.force_login(ready_export.user)
    url = reverse("accounts:data_export_download", args=[ready_export.uuid])
    assert client.get(url).status_code == 404

    assert data_exports_expire() == 1
    assert data_exports_expire() == 0

    ready_export.refresh_from_db()
    assert ready_export.status == DataExport.Status.EXPIRED
    assert not storage.exists(name)


def test_wrong_methods_and_ids_are_refused(client, demo_site):
    client.force_login(UserFactory())
    assert client.put(reverse("accounts:privacy")).status_code == 405
    assert client.delete(reverse("accounts:delete")).status_code == 405
    assert client.get("/en/profile/privacy/exports/not-a-uuid/").status_code == 404
