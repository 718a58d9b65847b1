"""Sets of the front-desk film: title card, waiting hall, desk, the clerk's screen and the end card."""

from __future__ import annotations

import math

from filmlib import draw
from filmlib.draw import ellipse, line, rect, rounded_rect, text

WALL = "#e7e1d3"
FLOOR = "#bdb5a6"
DESK_TOP = "#c79a63"
DESK_FRONT = "#ece6da"

# Residents listed on the clerk's screen for Havenstraat 12 (all invented).
RESIDENTS = [
    ("A. Marin", "12-03-2004", "vandaag"),
    ("I. Stan", "02-08-2001", "27-11-2026"),
    ("M. Lungu", "19-01-1999", "27-11-2026"),
    ("E. Rusu", "30-06-2003", "20-11-2026"),
    ("D. Popa", "14-10-2000", "20-11-2026"),
    ("C. Matei", "08-02-2002", "20-11-2026"),
    ("V. Ionescu", "23-05-1998", "13-11-2026"),
    ("R. Dinu", "11-09-2004", "13-11-2026"),
    ("S. Toma", "05-12-1997", "02-10-2026"),
    ("L. Barbu", "17-04-2001", "02-10-2026"),
    ("G. Nistor", "28-07-1996", "15-08-2026"),
]


def draw_scene(ctx, stage):
    scene = stage.get("scene", "title")
    {"title": title, "hall": hall, "desk": desk, "screen": screen, "end": end}[scene](ctx, stage)


def title(ctx, stage):
    rect(ctx, 0, 0, 1280, 720, "#1d3557")
    rect(ctx, 0, 470, 1280, 250, "#17304e")
    text(ctx, 640, 250, "OEFENFILM  ·  BALIEMEDEWERKER", 26, "#a8c5e2", bold=True, align="center")
    text(ctx, 640, 330, "Inschrijving aan de balie", 60, "#ffffff", bold=True, align="center")
    text(ctx, 640, 395, "Gemeente Dijkhaven, Burgerzaken", 30, "#dbe7f3", align="center")
    text(ctx, 640, 560, "Zet de film stil zodra je een signaal ziet of hoort.", 28, "#f1c453", align="center")


def end(ctx, stage):
    rect(ctx, 0, 0, 1280, 720, "#1d3557")
    text(ctx, 640, 330, "Einde van de film", 54, "#ffffff", bold=True, align="center")
    text(ctx, 640, 400, "Wat doe jij nu met wat je hebt gezien?", 32, "#f1c453", align="center")


def hall(ctx, stage):
    # The hall is 1900 px wide so that the camera can pan along the chairs.
    rect(ctx, -400, -200, 2700, 700, WALL)
    rect(ctx, -400, 470, 2700, 500, FLOOR)
    for i in range(-6, 40):
        line(ctx, i * 80, 470, i * 80 - 160 + (i * 8), 1000, "#b0a898", 2)
    line(ctx, -400, 470, 2300, 470, "#9c9383", 4)
    for x in (40, 380):
        rect(ctx, x, 90, 290, 260, "#8a9aa8")
        rect(ctx, x + 10, 100, 270, 240, "#bfe0f2")
        rect(ctx, x + 10, 260, 270, 80, "#a6cf9a")
        line(ctx, x + 145, 100, x + 145, 340, "#8a9aa8", 8)
    rect(ctx, 760, 40, 520, 70, "#1d3557")
    text(ctx, 1020, 88, "Burgerzaken", 40, "#ffffff", bold=True, align="center")

    # Ticket machine.
    rounded_rect(ctx, 760, 300, 110, 310, 12, "#d0d4d9")
    rect(ctx, 780, 330, 70, 50, "#2a3a4a")
    text(ctx, 815, 362, "B", 24, "#f1c453", bold=True, align="center")
    rect(ctx, 790, 420, 50, 8, "#555555")

    # Number display.
    rounded_rect(ctx, 1420, 150, 330, 150, 10, "#222831")
    number = stage.get("hall.number", "B 213")
    blink = stage.get("hall.blink", 0.0) > 0 and math.sin(stage.t * 12) > 0
    text(ctx, 1440, 210, number, 44, "#ff6b5a" if blink else "#ff9f1c", bold=True)
    text(ctx, 1440, 270, "→ balie 3", 34, "#f2f2f2")
    draw.draw_plant(ctx, 1830, 600, 1.2)
    for x in range(1040, 1700, 110):
        draw.draw_chair(ctx, x, 620, "#5d7f99", facing=1)
    draw.draw_chair(ctx, 960, 620, "#5d7f99", facing=1)
    for key in ("visitor", "other2", "other1", "ana", "man", "clerk"):
        points = stage.person(ctx, key)
        if key == "man" and points is not None and stage.get("passports.in_hall", False):
            hand = points["reach_hand"]
            for i in range(3):
                draw.draw_passport(ctx, hand[0] + 4 + i * 3, hand[1] - 10 - i * 3, 0.85)


def desk(ctx, stage):
    rect(ctx, -300, -200, 1900, 760, "#dfe5e6")
    rect(ctx, -300, 560, 1900, 400, "#b9b3a6")
    rect(ctx, 560, 90, 720, 12, "#c7cfd2")
    rounded_rect(ctx, 880, 120, 230, 70, 8, "#1d3557")
    text(ctx, 995, 168, "Balie 3", 34, "#ffffff", bold=True, align="center")
    rect(ctx, 80, 110, 300, 200, "#ffffff")
    text(ctx, 100, 160, "Verhuisd?", 30, "#1d3557", bold=True)
    text(ctx, 100, 200, "Geef uw nieuwe adres", 20, "#333333")
    text(ctx, 100, 228, "binnen 5 dagen door.", 20, "#333333")
    rect(ctx, 100, 260, 200, 22, "#e76f51")

    stage.person(ctx, "clerk")

    # Desk top and front panel hide the clerk from the chest down.
    rect(ctx, 560, 470, 760, 26, DESK_TOP)
    rect(ctx, 560, 496, 760, 240, DESK_FRONT)
    rect(ctx, 560, 496, 12, 240, "#d3ccbe")

    # Monitor seen from the side, facing the clerk.
    rect(ctx, 1135, 330, 22, 140, "#2b2f36")
    rect(ctx, 1125, 455, 60, 15, "#3a3f47")
    rect(ctx, 850, 462, 160, 10, "#3a3f47")
    rounded_rect(ctx, 640, 458, 120, 14, 4, "#ffffff")
    text(ctx, 700, 470, "S. de Vries", 11, "#333333", align="center")

    passport = stage.get("passport.at", "hidden")
    open_ = passport == "counter-open"
    counter = stage.get("passport.counter_x", 820)

    for key in ("other2", "other1", "mem_b", "man", "mem_a", "ana"):
        points = stage.person(ctx, key)
        if points is None:
            continue
        if key == "man" and stage.get("passports.with_man", 0) > 0:
            hand = points["reach_hand"]
            for i in range(int(stage.get("passports.with_man", 0))):
                draw.draw_passport(ctx, hand[0] + 2 + i * 4, hand[1] - 12 - i * 4, 1.0, angle=-0.15)
        if key == "man" and passport == "man":
            hand = points["reach_hand"]
            draw.draw_passport(ctx, hand[0] + 6, hand[1] - 14, 1.1, angle=-0.2)

    if passport in ("counter", "counter-open"):
        draw.draw_passport(ctx, counter, 474, 1.1, open_=open_, angle=0.0)
    if stage.get("form.visible", False):
        draw.draw_paper(ctx, 900, 474, 70, 22, 0.0, lines=2)


def screen(ctx, stage):
    """Close-up of the clerk's monitor with the residents registered at Havenstraat 12."""
    rect(ctx, 0, 0, 1280, 720, "#2b2f36")
    rounded_rect(ctx, 70, 40, 1140, 640, 14, "#111418")
    rect(ctx, 90, 60, 1100, 600, "#f5f7fa")
    rect(ctx, 90, 60, 1100, 56, "#1d3557")
    text(ctx, 110, 98, "Basisregistratie Personen  ·  Bewoners op adres", 24, "#ffffff", bold=True)
    text(ctx, 110, 160, "Havenstraat 12, 4411 AB Dijkhaven", 28, "#1d3557", bold=True)
    text(ctx, 860, 160, "Woonoppervlak: 64 m²", 24, "#333333")
    shown = int(stage.get("screen.rows", len(RESIDENTS)))
    y = 205
    rect(ctx, 110, y - 28, 1060, 36, "#dde4ec")
    text(ctx, 130, y - 3, "Naam", 20, "#333333", bold=True)
    text(ctx, 480, y - 3, "Geboortedatum", 20, "#333333", bold=True)
    text(ctx, 780, y - 3, "Ingeschreven sinds", 20, "#333333", bold=True)
    for index, (name, born, since) in enumerate(RESIDENTS[:shown]):
        row_y = y + 38 + index * 37
        if index % 2:
            rect(ctx, 110, row_y - 26, 1060, 37, "#eef1f5")
        text(ctx, 130, row_y, name, 21, "#222222")
        text(ctx, 480, row_y, born, 21, "#222222")
        text(ctx, 780, row_y, since, 21, "#b3261e" if since != "02-10-2026" and since != "15-08-2026" else "#222222")
    if stage.get("screen.total", 0.0) > 0.5:
        rounded_rect(ctx, 830, 612, 340, 38, 6, "#b3261e")
        text(ctx, 1000, 639, "11 personen ingeschreven", 20, "#ffffff", bold=True, align="center")

    # Mouse pointer.
    px, py = stage.get("screen.pointer", (1000, 500))
    ctx.move_to(px, py)
    ctx.line_to(px, py + 30)
    ctx.line_to(px + 8, py + 23)
    ctx.line_to(px + 20, py + 24)
    ctx.close_path()
    draw.fill(ctx, "#ffffff")
