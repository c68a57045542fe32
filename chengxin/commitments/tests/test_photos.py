"""Photos are judged by their bytes."""

import pytest

from chengxin.commitments import photos

from .conftest import picture


@pytest.mark.parametrize("kind,content_type", [("JPEG", "image/jpeg"), ("PNG", "image/png")])
def test_real_pictures_are_read(kind, content_type):
    photo = photos.inspect(picture(kind))
    assert (photo.content_type, photo.width, photo.height) == (content_type, 64, 48)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"%PDF-1.7 not a picture",
        b"\xff\xd8\xff\xe0 a JPEG header and nothing else",
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,
        b"<svg xmlns='http://www.w3.org/2000/svg'></svg>",
        bytes(range(256)) * 10,
    ],
)
def test_anything_else_is_refused(content):
    with pytest.raises(photos.NotAPhoto):
        photos.inspect(content)


def test_a_truncated_picture_is_refused():
    with pytest.raises(photos.NotAPhoto):
        photos.inspect(picture("JPEG", size=(400, 300))[:600])


def test_a_gif_is_not_accepted():
    with pytest.raises(photos.NotAPhoto):
        photos.inspect(picture("GIF"))


def test_names_are_made_safe_with_the_real_extension():
    assert photos.safe_name("../../etc/passwd.exe", "image/png") == "passwd.png"
    assert photos.safe_name("", "image/jpeg") == "photo.jpg"
