"""Small demo images drawn with Pillow at seed time, so nothing is downloaded."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images.models import Image

# Muted Scandinavian colours: birch, fjord, moss, clay, wool, slate.
PALETTE = ["#e9e2d4", "#1f3a34", "#7c8c6e", "#b86f4b", "#d9cbb4", "#44525a", "#c9a66b"]


def _save(title, canvas, fmt="JPEG"):
    buffer = io.BytesIO()
    canvas.save(buffer, fmt, quality=82)
    extension = "jpg" if fmt == "JPEG" else fmt.lower()
    filename = title.lower().replace(" ", "-") + f".{extension}"
    image = Image(title=title)
    image.file = ImageFile(buffer, name=filename)
    image.save()
    return image


def interior(title, seed, size=(960, 600)):
    """An abstract room: a wall, a floor and a few pieces of furniture as shapes."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    colours = rng.sample(PALETTE, 5)
    width, height = size
    canvas = PILImage.new("RGB", size, colours[0])
    draw = ImageDraw.Draw(canvas)
    floor = int(height * rng.uniform(0.62, 0.75))
    draw.rectangle([0, floor, width, height], fill=colours[1])
    for _ in range(3):
        left = rng.randint(0, width - 200)
        box_w, box_h = rng.randint(120, 320), rng.randint(80, 240)
        draw.rectangle([left, floor - box_h, left + box_w, floor], fill=rng.choice(colours[2:]))
    cx, cy, r = rng.randint(100, width - 100), rng.randint(60, floor // 2), rng.randint(30, 90)
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colours[4])
    return _save(title, canvas)


def badge(title, text, colour="#a9713f"):
    """A round badge with its name, like a label's seal."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    canvas = PILImage.new("RGB", (480, 480), "#faf8f4")
    draw = ImageDraw.Draw(canvas)
    draw.ellipse([20, 20, 460, 460], fill=colour)
    draw.ellipse([50, 50, 430, 430], outline="#faf8f4", width=6)
    font = ImageFont.load_default(size=44)
    for offset, line in zip((-40, 20), text.split("\n"), strict=False):
        draw.text((240, 240 + offset), line, fill="#faf8f4", font=font, anchor="mm")
    return _save(title, canvas, "PNG")


def logo(title, initials, seed):
    """A simple word-mark for a fictional member company."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    background, ink = rng.sample(PALETTE, 2)
    canvas = PILImage.new("RGB", (320, 160), background)
    draw = ImageDraw.Draw(canvas)
    draw.text((160, 80), initials, fill=ink, font=ImageFont.load_default(size=64), anchor="mm")
    return _save(title, canvas, "PNG")


def portrait(title, description, seed):
    """An abstract head-and-shoulders silhouette for a fictional staff contact; its
    `description` (the alt text) says what it shows."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    background, body, face = rng.sample(PALETTE, 3)
    canvas = PILImage.new("RGB", (480, 480), background)
    draw = ImageDraw.Draw(canvas)
    draw.ellipse([90, 300, 390, 620], fill=body)
    draw.ellipse([160, 90, 320, 270], fill=face)
    image = _save(title, canvas)
    image.description = description
    image.save(update_fields=["description"])
    return image
