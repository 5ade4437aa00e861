"""Demo images drawn with Pillow at seed time, so nothing is downloaded: fictional rooms,
seals and company word-marks in the cluster's palette, each with a description in the
image library (its alternative text on the site, site_core.images.alt_text)."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter, ImageFont
from wagtail.images.models import Image

# Muted Scandinavian colours: birch, fjord, moss, clay, wool, slate, brass.
BIRCH, FJORD, MOSS, CLAY, WOOL, SLATE, BRASS = (
    "#e9e2d4", "#1f3a34", "#7c8c6e", "#b86f4b", "#d9cbb4", "#44525a", "#c9a66b",
)  # fmt: skip
PALETTE = [BIRCH, FJORD, MOSS, CLAY, WOOL, SLATE, BRASS]
WALLS = [BIRCH, WOOL, "#dfe4dc", "#efe7dc"]


def _existing(title, description):
    """The image already made under `title` (its description brought up to date), or None."""
    image = Image.objects.filter(title=title).first()
    if image is not None and description and image.description != description:
        image.description = description
        image.save(update_fields=["description"])
    return image


def _save(title, canvas, fmt="JPEG", description=""):
    buffer = io.BytesIO()
    canvas.save(buffer, fmt, quality=84)
    extension = "jpg" if fmt == "JPEG" else fmt.lower()
    filename = title.lower().replace(" ", "-") + f".{extension}"
    image = Image(title=title, description=description)
    image.file = ImageFile(buffer, name=filename)
    image.save()
    return image


def _hex(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a, b, share):
    """The colour `share` (0–1) of the way from `a` to `b`, as an RGB tuple."""
    a, b = _hex(a) if isinstance(a, str) else a, _hex(b) if isinstance(b, str) else b
    return tuple(round(x + (y - x) * share) for x, y in zip(a, b, strict=True))


def interior(title, seed, size=(960, 600), description=""):
    """A fictional room: a lit wall with a window, a wooden floor, a sofa or table, a lamp,
    a rug and a plant, drawn from `seed` (the same seed, the same room).

    "{furniture}" in `description` becomes what was drawn ("en sofa" or "et bord"), so that
    the description says what the image shows."""
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    draws_sofa = random.Random(seed).random() < 0.6  # noqa: S311 - the same draw as below
    description = description.replace("{furniture}", "en sofa" if draws_sofa else "et bord")
    existing = _existing(title, description)
    if existing:
        return existing
    rng.random()  # the sofa-or-table draw, made above
    width, height = size
    wall = rng.choice(WALLS)
    canvas = PILImage.new("RGB", size, wall)
    draw = ImageDraw.Draw(canvas)
    floor = int(height * rng.uniform(0.64, 0.74))
    # The wall darkens towards the corners: light from the window.
    for y in range(floor):
        draw.line([(0, y), (width, y)], fill=_mix(wall, SLATE, 0.12 * y / floor))
    # A tall window with its light falling on the floor.
    win_w, win_left = int(width * 0.18), rng.randint(int(width * 0.05), int(width * 0.6))
    win_top = int(height * 0.12)
    draw.rectangle([win_left, win_top, win_left + win_w, floor - 40], fill="#f7f4ec")
    draw.rectangle([win_left, win_top, win_left + win_w, floor - 40], outline=SLATE, width=6)
    draw.line(
        [(win_left + win_w // 2, win_top), (win_left + win_w // 2, floor - 40)], fill=SLATE, width=4
    )
    # Floorboards.
    wood = rng.choice([BRASS, CLAY, "#a98a63"])
    draw.rectangle([0, floor, width, height], fill=_mix(wood, FJORD, 0.25))
    for x in range(-height, width, 70):
        draw.line(
            [(x, height), (x + (height - floor) * 2, floor)], fill=_mix(wood, FJORD, 0.35), width=2
        )
    draw.polygon(
        [
            (win_left, floor),
            (win_left + win_w, floor),
            (win_left + win_w * 2, height),
            (win_left + win_w // 2, height),
        ],
        fill=_mix(wood, "#fff8e8", 0.35),
    )
    # A rug, a sofa (or a table) and a lamp.
    rug = rng.choice([MOSS, CLAY, FJORD])
    rug_left = rng.randint(int(width * 0.25), int(width * 0.45))
    draw.ellipse([rug_left, floor + 30, rug_left + int(width * 0.4), height - 20], fill=rug)
    sofa = rng.choice([FJORD, MOSS, CLAY, SLATE])
    sofa_left = rng.randint(int(width * 0.3), int(width * 0.5))
    sofa_w, sofa_h = int(width * 0.38), int(height * 0.16)
    top = floor + 10 - sofa_h
    if draws_sofa:
        draw.rounded_rectangle(
            [sofa_left, top - sofa_h // 2, sofa_left + sofa_w, top + sofa_h // 2],
            18,
            fill=_mix(sofa, "#000000", 0.15),
        )
        draw.rounded_rectangle(
            [sofa_left - 10, top, sofa_left + sofa_w + 10, floor + 10], 16, fill=sofa
        )
        for cushion in range(2):
            left = sofa_left + 30 + cushion * 90
            draw.rounded_rectangle(
                [left, top - 30, left + 70, top + 20], 12, fill=rng.choice([WOOL, BRASS, BIRCH])
            )
    else:
        draw.rectangle([sofa_left, top, sofa_left + sofa_w, top + 16], fill=wood)
        for leg in (sofa_left + 12, sofa_left + sofa_w - 24):
            draw.rectangle([leg, top + 16, leg + 12, floor + 10], fill=_mix(wood, FJORD, 0.4))
        draw.ellipse(
            [sofa_left + sofa_w // 2 - 30, top - 40, sofa_left + sofa_w // 2 + 30, top], fill=WOOL
        )
    lamp_x = min(width - 60, sofa_left + sofa_w + 70)
    draw.line([(lamp_x, floor + 10), (lamp_x, int(height * 0.3))], fill=SLATE, width=5)
    draw.polygon(
        [
            (lamp_x - 45, int(height * 0.3)),
            (lamp_x + 45, int(height * 0.3)),
            (lamp_x + 25, int(height * 0.2)),
            (lamp_x - 25, int(height * 0.2)),
        ],
        fill=BRASS,
    )
    # A plant in a pot by the window.
    pot_x = max(40, win_left - 50)
    draw.rectangle([pot_x - 22, floor - 40, pot_x + 22, floor + 15], fill=CLAY)
    for _ in range(7):
        angle_x, leaf_top = rng.randint(-70, 70), rng.randint(90, 180)
        draw.ellipse(
            [pot_x + angle_x - 18, floor - leaf_top, pot_x + angle_x + 18, floor - leaf_top + 70],
            fill=MOSS,
        )
    canvas = canvas.filter(ImageFilter.SMOOTH)
    return _save(title, canvas, description=description)


def badge(title, text, colour="#a9713f", description=""):
    """A round badge with its name, like a label's seal."""
    existing = _existing(title, description)
    if existing:
        return existing
    canvas = PILImage.new("RGB", (480, 480), "#faf8f4")
    draw = ImageDraw.Draw(canvas)
    draw.ellipse([20, 20, 460, 460], fill=colour)
    draw.ellipse([50, 50, 430, 430], outline="#faf8f4", width=6)
    font = ImageFont.load_default(size=44)
    for offset, line in zip((-40, 20), text.split("\n"), strict=False):
        draw.text((240, 240 + offset), line, fill="#faf8f4", font=font, anchor="mm")
    return _save(title, canvas, "PNG", description=description)


def logo(title, initials, seed, description=""):
    """A word-mark for a fictional member company: its initials on a shape of its own."""
    existing = _existing(title, description)
    if existing:
        return existing
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    background, ink, accent = rng.sample(PALETTE, 3)
    canvas = PILImage.new("RGB", (320, 160), background)
    draw = ImageDraw.Draw(canvas)
    shape = rng.choice(["circle", "arch", "bar"])
    if shape == "circle":
        draw.ellipse([20, 30, 120, 130], fill=accent)
    elif shape == "arch":
        draw.pieslice([20, 30, 120, 170], 180, 360, fill=accent)
    else:
        draw.rectangle([20, 120, 300, 132], fill=accent)
    draw.text((190, 80), initials, fill=ink, font=ImageFont.load_default(size=64), anchor="mm")
    return _save(title, canvas, "PNG", description=description)


def portrait(title, description, seed):
    """An abstract head-and-shoulders silhouette for a fictional staff contact; its
    `description` (the alt text) says what it shows."""
    existing = _existing(title, description)
    if existing:
        return existing
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    background, body, face = rng.sample(PALETTE, 3)
    canvas = PILImage.new("RGB", (480, 480), background)
    draw = ImageDraw.Draw(canvas)
    draw.ellipse([90, 300, 390, 620], fill=body)
    draw.ellipse([160, 90, 320, 270], fill=face)
    return _save(title, canvas, description=description)
