"""Where files are kept: a private local folder, or a private S3-compatible bucket; the
download view streams from either through the storage API, never from a path or a URL."""

import json
import os
import subprocess
import sys

import pytest
from django.core.files.storage import InMemoryStorage
from django.urls import reverse

from liaison.core.choices import Role
from tests.attachments.conftest import PDF
from tests.factories import CaseAssistanceRequestFactory


def storage_settings(**environ) -> dict:
    """STORAGES['default'] as a fresh process reads it from these variables."""
    code = "from liaison import settings; import json; print(json.dumps(settings.STORAGES))"
    env = {key: value for key, value in os.environ.items() if not key.startswith("LIAISON_S")}
    env.update(environ)
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)["default"]


def test_files_are_local_by_default():
    assert storage_settings() == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_a_shared_deployment_keeps_them_in_a_private_bucket():
    storage = storage_settings(
        LIAISON_STORAGE="s3",
        LIAISON_S3_BUCKET="liaison-files",
        LIAISON_S3_ENDPOINT_URL="https://s3.internal:9000",
    )
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "liaison-files"
    assert storage["OPTIONS"]["endpoint_url"] == "https://s3.internal:9000"
    assert storage["OPTIONS"]["default_acl"] == "private"
    assert storage["OPTIONS"]["file_overwrite"] is False


@pytest.mark.django_db
def test_the_download_streams_from_a_storage_without_local_paths(
    client, settings, agency, make_user, attach, media_root
):
    """Like a bucket, Django's in-memory storage has no path and no usable URL."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    officer = make_user(Role.REGISTER_OFFICER, Role.VIEWER)
    record = CaseAssistanceRequestFactory(agency=agency)
    record.cleared_officers.add(officer)
    attachment = attach(record)
    assert isinstance(attachment.file.storage, InMemoryStorage)
    assert not media_root.exists()  # nothing written to disk
    client.force_login(officer)
    response = client.get(reverse("attachments:download", args=[attachment.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
