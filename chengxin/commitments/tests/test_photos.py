"""Photos are judged by their bytes."""

import pytest
from hypothesis import given, settings

from chengxin.commitments import photos
from chengxin.testing.hostile_files import hostile_bytes

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


def _png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header claims ``width`` x ``height`` pixels."""
    import struct
    import zlib

    real = picture("PNG", size=(4, 4))
    ihdr = struct.pack(">II", width, height) + real[24:29]
    chunk = b"IHDR" + ihdr
    return (
        real[:8] + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk)) + real[33:]
    )


def test_a_picture_too_large_to_decode_is_refused_before_decoding():
    with pytest.raises(photos.NotAPhoto):
        photos.inspect(_png_claiming(100_000, 100_000))
    with pytest.raises(photos.NotAPhoto):
        photos.inspect(_png_claiming(9_000, 9_000))  # 81 megapixels


@given(content=hostile_bytes())
@settings(max_examples=200, deadline=None, derandomize=True, database=None)
def test_any_bytes_are_a_photo_or_refused_never_an_error(content):
    try:
        photo = photos.inspect(content)
    except photos.NotAPhoto:
        return
    assert photo.content_type in photos.EXTENSIONS
