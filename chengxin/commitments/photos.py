"""Photos of production as reps upload them: a JPEG, PNG or WebP judged by its bytes
(decoded by Pillow, never trusted by its name or declared type), within a size and pixel
limit, with a safe name. Plain functions without Django's database."""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from dataclasses import dataclass

from PIL import Image

# What Pillow calls each accepted format, and what it is sent as.
CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}
# A phone photo is 12 to 50 megapixels; a bigger picture is refused before decoding.
MAX_PIXELS = 60_000_000

_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


class NotAPhoto(ValueError):
    """The bytes are not a JPEG, PNG or WebP picture that can be read."""


@dataclass(frozen=True)
class Photo:
    content_type: str
    width: int
    height: int
    size: int
    sha256: str


def inspect(content: bytes) -> Photo:
    """What the picture is; NotAPhoto when the bytes are anything else, a broken or
    truncated picture, or one too large to decode safely."""
    if not content:
        raise NotAPhoto("empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as image:
                image_format = image.format or ""
                width, height = image.size
                if image_format not in CONTENT_TYPES:
                    raise NotAPhoto(f"format {image_format or 'unknown'}")
                if width <= 0 or height <= 0 or width * height > MAX_PIXELS:
                    raise NotAPhoto("too many pixels")
                image.verify()
            # verify() checks the structure; decoding the pixels finds a truncated file.
            with Image.open(io.BytesIO(content)) as image:
                image.load()
    except NotAPhoto:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure to read is "not a photo"
        raise NotAPhoto(type(exc).__name__) from exc
    return Photo(
        content_type=CONTENT_TYPES[image_format],
        width=width,
        height=height,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )


def shown_name(name: str, *, default: str = "photo") -> str:
    """The uploaded name as it may be shown in a message: no folders or control
    characters, at most 120 characters."""
    base = _UNSAFE.sub("_", re.split(r"[\\/]", name or "")[-1]).strip(" ._")
    return base[:120] or default


def safe_name(name: str, content_type: str, *, default: str = "photo") -> str:
    """The uploaded name without folders or control characters, at most 120 characters,
    with the extension of what the picture really is."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = _UNSAFE.sub("_", base).strip(" ._")
    stem = base.rsplit(".", 1)[0] if "." in base else base
    return (stem.strip(" ._")[:120] or default) + EXTENSIONS.get(content_type, "")
