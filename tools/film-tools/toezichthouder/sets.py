"""Sets of the inspection film: street, kitchen, corridor, storeroom, office, ledger close-up and cards."""

from __future__ import annotations

import math

import cairo

from filmlib import draw
from filmlib.draw import ellipse, line, rect, rounded_rect, text

DAYS = ["ma", "di", "wo", "do", "vr", "za", "zo"]
STAFF = ["Tomasz", "Piotr", "Ola"]

# Rows of the owner's notebook (all invented): name, travel debt, rent, fines, paid out.
LEDGER = [
    ("Tomasz", "reis -950", "kamer -350", "boete te laat -50", "betaald 120"),
    ("Piotr", "reis -950", "kamer -350", "boete bord -20", "betaald 150"),
    ("Ola", "reis -1100", "kamer -350", "boete -75", "betaald 90"),
]


def draw_scene(ctx, stage):
    scene = stage.get("scene", "title")
    {
        "title": title, "street": street, "kitchen": kitchen, "corridor": corridor,
        "storeroom": storeroom, "office": office, "ledger": ledger, "end": end,
    }[scene](ctx, stage)


def title(ctx, stage):
    rect(ctx, 0, 0, 1280, 720, "#2d3a2e")
    rect(ctx, 0, 470, 1280, 250, "#253126")
    text(ctx, 640, 250, "OEFENFILM  ·  TOEZICHTHOUDER", 26, "#b9d3b0", bold=True, align="center")
    text(ctx, 640, 330, "Controle in de horeca", 60, "#ffffff", bold=True, align="center")
    text(ctx, 640, 395, "Gemeente Dijkhaven, Toezicht en Handhaving", 30, "#e2eedd", align="center")
    text(ctx, 640, 560, "Zet de film stil zodra je een signaal ziet of hoort.", 28, "#f1c453", align="center")


def end(ctx, stage):
    rect(ctx, 0, 0, 1280, 720, "#2d3a2e")
    text(ctx, 640, 330, "Einde van de film", 54, "#ffffff", bold=True, align="center")
    text(ctx, 640, 400, "Wat doe jij nu met wat je hebt gezien?", 32, "#f1c453", align="center")


def people(ctx, stage, keys):
    points = {}
    for key in keys:
        result = stage.person(ctx, key)
        if result is None:
            continue
        points[key] = result
        if key == "inspector":
            hand = result["carry_hand"]
            draw.draw_clipboard(ctx, hand[0] - 6, hand[1] - 24, 0.9)
    return points


def street(ctx, stage):
    sky = cairo.LinearGradient(0, 0, 0, 400)
    sky.add_color_stop_rgb(0, 0.62, 0.8, 0.93)
    sky.add_color_stop_rgb(1, 0.86, 0.92, 0.96)
    ctx.rectangle(-300, -200, 1900, 820)
    ctx.set_source(sky)
    ctx.fill()
    rect(ctx, 260, 40, 860, 560, "#a65a3c")
    for row in range(0, 28):
        y = 40 + row * 20
        line(ctx, 260, y, 1120, y, "#8f4b31", 1.5)
    rect(ctx, 250, 40, 880, 24, "#6b3a27")
    rounded_rect(ctx, 440, 90, 500, 80, 10, "#1f3b2a")
    text(ctx, 690, 143, "Eetcafé De Linde", 40, "#f3e3b5", bold=True, align="center")
    for x in (300, 860):
        rect(ctx, x, 230, 220, 220, "#e9dcc0")
        rect(ctx, x + 10, 240, 200, 200, "#f6c877")
        line(ctx, x + 110, 240, x + 110, 440, "#e9dcc0", 8)
        ellipse(ctx, x + 60, 300, 24, 10, "#ffffff", 0.6)
    rect(ctx, 610, 300, 160, 300, "#3d2b20")
    rect(ctx, 622, 312, 136, 120, "#f6c877")
    ellipse(ctx, 745, 470, 6, 6, "#d9b65a")
    rect(ctx, -300, 600, 1900, 400, "#9a9a96")
    rect(ctx, -300, 600, 1900, 14, "#7f7f7a")

    # A tree on the pavement.
    rect(ctx, 1190, 330, 26, 290, "#6b4a2e")
    ellipse(ctx, 1203, 300, 90, 110, "#5a8f4e")
    ellipse(ctx, 1150, 340, 60, 60, "#4d7f43")
    people(ctx, stage, ("tomasz", "owner", "inspector"))


def kitchen(ctx, stage):
    rect(ctx, -300, -200, 1900, 800, "#eef1f1")
    for x in range(-300, 1600, 40):
        line(ctx, x, 0, x, 470, "#d6dcdc", 1.5)
    for y in range(0, 470, 40):
        line(ctx, -300, y, 1600, y, "#d6dcdc", 1.5)
    rect(ctx, -300, 600, 1900, 300, "#9fa7a6")

    # The roster on the wall: every name works every day from 10 to 24.
    rect(ctx, 60, 110, 380, 240, "#ffffff")
    text(ctx, 80, 140, "Rooster week 48", 20, "#222222", bold=True)
    for column, day in enumerate(DAYS):
        text(ctx, 170 + column * 38, 170, day, 15, "#333333", bold=True)
    for row, name in enumerate(STAFF):
        y = 205 + row * 45
        text(ctx, 75, y, name, 16, "#222222")
        for column in range(7):
            rect(ctx, 163 + column * 38, y - 18, 34, 26, "#f7d9a0")
            text(ctx, 180 + column * 38, y, "10-24", 9, "#6b3a10", align="center")
    ellipse(ctx, 250, 114, 6, 6, "#d9432f")

    # Range hood, stove and counters.
    ctx.move_to(660, 130)
    ctx.line_to(1000, 130)
    ctx.line_to(1040, 230)
    ctx.line_to(620, 230)
    ctx.close_path()
    draw.fill(ctx, "#b9c0c4")
    rect(ctx, -300, 470, 1900, 20, "#c4cbce")
    rect(ctx, -300, 490, 1900, 130, "#a9b1b5")
    for x in range(-300, 1600, 160):
        line(ctx, x, 490, x, 620, "#959ea3", 3)
    for x in (700, 820, 940):
        ellipse(ctx, x, 470, 48, 8, "#333333")

    # Pots with a little steam.
    rounded_rect(ctx, 672, 410, 60, 58, 6, "#8d969b")
    rounded_rect(ctx, 910, 425, 66, 44, 6, "#6d767b")
    for i in range(3):
        phase = stage.t * 1.3 + i
        ellipse(ctx, 700 + math.sin(phase) * 8, 390 - (phase % 1) * 60 - i * 20, 12, 12, "#ffffff", 0.5)

    # Sink and plates on the right.
    rect(ctx, 1080, 462, 160, 12, "#7c868b")
    for i in range(5):
        ellipse(ctx, 1200, 455 - i * 6, 30, 6, "#ffffff")
    people(ctx, stage, ("piotr", "tomasz", "owner", "inspector"))


def corridor(ctx, stage):
    rect(ctx, -300, -200, 2300, 800, "#e4dccb")
    rect(ctx, -300, 600, 2300, 300, "#8c8275")
    line(ctx, -300, 600, 2000, 600, "#6f665b", 4)

    # Storeroom door with a bolt and padlock on the corridor side.
    rect(ctx, 500, 230, 200, 372, "#8a5a36")
    rect(ctx, 512, 242, 176, 350, "#9a6a43")
    rounded_rect(ctx, 540, 270, 120, 36, 4, "#ffffff")
    text(ctx, 600, 295, "Magazijn", 18, "#333333", bold=True, align="center")
    ellipse(ctx, 525, 420, 7, 7, "#c9a64a")
    rect(ctx, 470, 392, 120, 16, "#6e6e6e")
    rect(ctx, 460, 386, 26, 28, "#5a5a5a")
    padlock_open = stage.get("padlock.open", 0.0)
    ctx.arc(473, 418 - padlock_open * 10, 11, math.pi, 2 * math.pi)
    ctx.set_line_width(5)
    ctx.set_source_rgba(*draw.rgb("#9a9a9a"))
    ctx.stroke()
    rounded_rect(ctx, 459, 416, 28, 26, 4, "#c9a64a")

    # Emergency exit blocked by crates.
    rect(ctx, 1330, 220, 200, 382, "#5b7f5b")
    rect(ctx, 1345, 235, 170, 360, "#6b936b")
    rounded_rect(ctx, 1350, 150, 160, 56, 6, "#1c8a3a")
    text(ctx, 1430, 186, "NOODUITGANG", 17, "#ffffff", bold=True, align="center")
    for row in range(4):
        for column in range(3):
            x = 1290 + column * 90 + (row % 2) * 20
            y = 540 - row * 62
            rect(ctx, x, y, 84, 60, "#e0b21d" if (row + column) % 2 else "#c0392b")
            for i in range(4):
                ellipse(ctx, x + 12 + i * 20, y + 12, 7, 7, "#3b5e2b")
    people(ctx, stage, ("owner", "inspector"))


def mattress(ctx, x, y, w, colour, sleeping_bag=None):
    rounded_rect(ctx, x - 4, y + 10, w + 8, 62, 12, "#000000", 0.15)
    rounded_rect(ctx, x, y, w, 60, 12, colour)
    rect(ctx, x + 6, y + 42, w - 12, 14, draw.shade(colour, 0.85))
    for i in range(1, 6):
        line(ctx, x + i * w / 6, y + 6, x + i * w / 6, y + 40, draw.shade(colour, 0.88), 2)
    rounded_rect(ctx, x + 12, y - 14, 80, 30, 12, "#fafafa")
    if sleeping_bag:
        rounded_rect(ctx, x + 90, y - 10, w - 110, 40, 16, sleeping_bag)
        line(ctx, x + 100, y + 10, x + w - 30, y + 10, draw.shade(sleeping_bag, 0.8), 2)


def storeroom(ctx, stage):
    rect(ctx, -300, -200, 1900, 800, "#cbbfa8")
    rect(ctx, -300, 560, 1900, 400, "#7d7466")
    line(ctx, -300, 560, 1600, 560, "#655d51", 4)
    rect(ctx, 980, 40, 180, 70, "#6f8aa0")
    rect(ctx, 990, 48, 160, 54, "#a9c9dc")

    # Shelves with stock along the back wall.
    for shelf in range(4):
        y = 150 + shelf * 95
        rect(ctx, 320, y, 560, 10, "#6b5a44")
        for i in range(12):
            colour = ("#c0392b", "#e0b21d", "#2e86c1", "#7d8f69")[(i + shelf) % 4]
            rect(ctx, 332 + i * 45, y - 46, 34, 46, colour)
            rect(ctx, 332 + i * 45, y - 34, 34, 12, "#f2efe6")
    line(ctx, 325, 120, 325, 560, "#6b5a44", 8)
    line(ctx, 875, 120, 875, 560, "#6b5a44", 8)

    # A clothes line with shirts.
    line(ctx, 920, 170, 1260, 190, "#555555", 2)
    for i, colour in enumerate(("#3d6fb0", "#f2f2f2", "#9a4a4a", "#556b2f")):
        x = 950 + i * 78
        ctx.move_to(x, 176 + i * 4)
        ctx.line_to(x + 56, 176 + i * 4)
        ctx.line_to(x + 50, 250 + i * 4)
        ctx.line_to(x + 6, 250 + i * 4)
        ctx.close_path()
        draw.fill(ctx, colour)

    # Suitcase, hotplate and three mattresses on the floor.
    rounded_rect(ctx, 1130, 470, 110, 90, 8, "#2f4f6f")
    rect(ctx, 1168, 458, 34, 14, "#1e3347")
    rect(ctx, 930, 500, 90, 60, "#8b6a45")
    rect(ctx, 940, 488, 70, 14, "#333333")
    ellipse(ctx, 975, 482, 30, 8, "#666666")
    mattress(ctx, 250, 590, 330, "#9fc3d9", sleeping_bag="#2f6b3a")
    mattress(ctx, 620, 600, 330, "#d9c89f", sleeping_bag="#7a2f5a")
    mattress(ctx, 980, 610, 300, "#b5b9c9", sleeping_bag="#3a4f8a")
    people(ctx, stage, ("owner", "inspector"))


def office(ctx, stage):
    rect(ctx, -300, -200, 1900, 800, "#d8d4c7")
    rect(ctx, -300, 600, 1900, 300, "#7a6a58")
    rect(ctx, 880, 120, 260, 180, "#ffffff")
    text(ctx, 900, 160, "Exploitatievergunning", 17, "#333333", bold=True)
    for i in range(5):
        rect(ctx, 900, 185 + i * 20, 200 - (i % 2) * 40, 4, "#9aa0a8")
    people(ctx, stage, ("owner", "inspector"))

    # Desk in front of the people, drawer pulled out to show the passports.
    rect(ctx, 380, 470, 560, 24, "#6b4a2e")
    rect(ctx, 400, 494, 520, 140, "#7d5836")
    drawer = stage.get("drawer.open", 0.0)
    rect(ctx, 600, 505 + drawer * 30, 200, 50 + drawer * 20, "#8e6a45")
    rect(ctx, 680, 520 + drawer * 50, 40, 8, "#d9b65a")
    if drawer > 0.3:
        rect(ctx, 606, 496, 188, 40 * drawer, "#3e2a18")
        for i in range(6):
            draw.draw_passport(ctx, 625 + i * 28, 512 + drawer * 6 - (i % 2) * 3, 0.7,
                               angle=-1.5708 + (i % 3 - 1) * 0.1)
    if stage.get("ledger.on_desk", True):
        ctx.save()
        ctx.translate(470, 462)
        rect(ctx, -60, -10, 120, 14, "#e9e2cc")
        line(ctx, 0, -10, 0, 4, "#b0a890", 2)
        ctx.restore()


def ledger(ctx, stage):
    """Close-up of the owner's notebook with travel debts, rent and fines per worker."""
    rect(ctx, 0, 0, 1280, 720, "#6b4a2e")
    rounded_rect(ctx, 120, 70, 1040, 580, 10, "#2b2b2b")
    rect(ctx, 135, 80, 500, 560, "#f6f1de")
    rect(ctx, 645, 80, 500, 560, "#f6f1de")
    line(ctx, 640, 80, 640, 640, "#bdb59b", 4)
    for page_x in (135, 645):
        for i in range(16):
            line(ctx, page_x, 130 + i * 32, page_x + 500, 130 + i * 32, "#c9d8e8", 1.5)
    text(ctx, 165, 120, "november", 28, "#1b2a6b")
    for index, (name, travel, rent, fine, paid) in enumerate(LEDGER):
        y = 190 + index * 150
        text(ctx, 165, y, name, 30, "#1b2a6b", bold=True)
        text(ctx, 165, y + 40, travel, 24, "#1b2a6b")
        text(ctx, 380, y + 40, rent, 24, "#1b2a6b")
        text(ctx, 675, y + 40, fine, 24, "#b3261e")
        text(ctx, 675, y + 80, paid, 24, "#1b2a6b")
    closing = stage.get("ledger.closing", 0.0)
    if closing > 0:
        rect(ctx, 1145 - closing * 1010, 80, closing * 1010, 560, "#3b5a7a")
