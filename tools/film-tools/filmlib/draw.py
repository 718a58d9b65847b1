"""Cairo drawing of people and shared props in a flat illustration style.

World coordinates are pixels of a 1280x720 frame at zoom 1; a person is placed
by the point between their feet.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cairo

FONT = "DejaVu Sans"


def rgb(hex_colour: str, alpha: float = 1.0):
    hex_colour = hex_colour.lstrip("#")
    return tuple(int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)) + (alpha,)


def shade(hex_colour: str, factor: float) -> str:
    r, g, b, _ = rgb(hex_colour)
    return "#%02x%02x%02x" % tuple(max(0, min(255, int(c * 255 * factor))) for c in (r, g, b))


def fill(ctx, colour: str, alpha: float = 1.0):
    ctx.set_source_rgba(*rgb(colour, alpha))
    ctx.fill()


def rect(ctx, x, y, w, h, colour, alpha=1.0):
    ctx.rectangle(x, y, w, h)
    fill(ctx, colour, alpha)


def rounded(ctx, x, y, w, h, r):
    r = min(r, w / 2, h / 2)
    ctx.new_sub_path()
    ctx.arc(x + w - r, y + r, r, -math.pi / 2, 0)
    ctx.arc(x + w - r, y + h - r, r, 0, math.pi / 2)
    ctx.arc(x + r, y + h - r, r, math.pi / 2, math.pi)
    ctx.arc(x + r, y + r, r, math.pi, 3 * math.pi / 2)
    ctx.close_path()


def rounded_rect(ctx, x, y, w, h, r, colour, alpha=1.0):
    rounded(ctx, x, y, w, h, r)
    fill(ctx, colour, alpha)


def ellipse(ctx, cx, cy, rx, ry, colour, alpha=1.0):
    ctx.save()
    ctx.translate(cx, cy)
    ctx.scale(rx, ry)
    ctx.arc(0, 0, 1, 0, 2 * math.pi)
    ctx.restore()
    fill(ctx, colour, alpha)


def line(ctx, x1, y1, x2, y2, colour, width, alpha=1.0):
    ctx.move_to(x1, y1)
    ctx.line_to(x2, y2)
    ctx.set_line_width(width)
    ctx.set_line_cap(cairo.LINE_CAP_ROUND)
    ctx.set_source_rgba(*rgb(colour, alpha))
    ctx.stroke()


def text(ctx, x, y, content, size, colour="#222222", bold=False, align="left", alpha=1.0):
    ctx.select_font_face(FONT, cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_BOLD if bold else cairo.FONT_WEIGHT_NORMAL)
    ctx.set_font_size(size)
    extents = ctx.text_extents(content)
    if align == "center":
        x -= extents.x_advance / 2
    elif align == "right":
        x -= extents.x_advance
    ctx.move_to(x, y)
    ctx.set_source_rgba(*rgb(colour, alpha))
    ctx.show_text(content)


@dataclass(frozen=True)
class Look:
    """Appearance of a character, with colours as hex strings."""

    skin: str = "#e8b894"
    hair: str = "short"  # short, long, bun, ponytail, curly, bald
    hair_colour: str = "#3b2a20"
    top: str = "#4a6fa5"
    bottom: str = "#333a44"
    height: float = 1.0
    beard: bool = False
    glasses: bool = False
    extra: str = ""  # lanyard, apron, chefcoat, jacket:<colour>, cap:<colour>


@dataclass
class Pose:
    x: float = 0.0
    y: float = 600.0
    scale: float = 1.0
    facing: float = 1.0
    gaze: float = 0.0  # -1 left .. 1 right
    down: float = 0.0  # 0 looks ahead .. 1 looks at the floor
    mood: str = "neutral"  # neutral, smile, tense, stern, angry, surprised
    talk: float = 0.0
    sit: bool = False
    reach: float = 0.0
    reach_to: tuple = (0.0, 0.0)
    lreach: float = 0.0  # reach of the carrying hand, towards lreach_to
    lreach_to: tuple = (0.0, 0.0)
    walk: float = 0.0
    carry: float = 0.0  # 0 arm hangs .. 1 the hand away from the facing side is in front of the chest
    t: float = 0.0


def pose_from_state(state, key: str, t: float) -> Pose:
    return Pose(
        x=state.get(f"{key}.x", 0.0),
        y=state.get(f"{key}.y", 600.0),
        scale=state.get(f"{key}.scale", 1.0),
        facing=state.get(f"{key}.facing", 1.0),
        gaze=state.get(f"{key}.gaze", 0.0),
        down=state.get(f"{key}.down", 0.0),
        mood=state.get(f"{key}.mood", "neutral"),
        sit=state.get(f"{key}.sit", False),
        reach=state.get(f"{key}.reach", 0.0),
        reach_to=state.get(f"{key}.reach_to", (0.0, 0.0)),
        lreach=state.get(f"{key}.lreach", 0.0),
        lreach_to=state.get(f"{key}.lreach_to", (0.0, 0.0)),
        walk=state.get(f"{key}.walk", 0.0),
        carry=state.get(f"{key}.carry", 0.0),
        t=t,
    )


def body_points(look: Look, pose: Pose) -> dict:
    """Key points of a figure in world coordinates, shared by drawing and by props held in hands."""
    s = pose.scale * look.height
    bob = math.sin(pose.t * 9.0) * 4 * pose.walk * s
    breathe = math.sin(pose.t * 1.7 + pose.x * 0.01) * 1.2 * s
    drop = 45 * s if pose.sit else 0.0
    hip_y = pose.y - 150 * s - drop + bob
    shoulder_y = pose.y - 262 * s - drop + bob + breathe
    head = (pose.x, pose.y - 305 * s - drop + bob + breathe + pose.down * 6 * s)
    left_shoulder = (pose.x - 42 * s, shoulder_y + 10 * s)
    right_shoulder = (pose.x + 42 * s, shoulder_y + 10 * s)
    swing = math.sin(pose.t * 9.0) * 14 * s * pose.walk
    rest_right = (pose.x + 52 * s + swing, hip_y + 8 * s)
    rest_left = (pose.x - 52 * s - swing, hip_y + 8 * s)
    if pose.sit:
        rest_right = (pose.x + 40 * s, hip_y - 5 * s)
        rest_left = (pose.x - 30 * s, hip_y - 5 * s)

    # The hand on the side a person faces does the reaching; the other one carries.
    rest_front, rest_back = (rest_right, rest_left) if pose.facing >= 0 else (rest_left, rest_right)
    rest_back = _towards(rest_back, (pose.x - pose.facing * 12 * s, shoulder_y + 95 * s), pose.carry)
    reach_hand = _towards(rest_front, pose.reach_to, pose.reach)
    carry_hand = _towards(rest_back, pose.lreach_to, pose.lreach)
    right_hand, left_hand = (reach_hand, carry_hand) if pose.facing >= 0 else (carry_hand, reach_hand)
    return {
        "reach_hand": reach_hand,
        "carry_hand": carry_hand,
        "s": s,
        "hip_y": hip_y,
        "shoulder_y": shoulder_y,
        "head": head,
        "left_shoulder": left_shoulder,
        "right_shoulder": right_shoulder,
        "left_hand": left_hand,
        "right_hand": right_hand,
    }


def _towards(a, b, f):
    return (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f)


def draw_person(ctx, look: Look, pose: Pose) -> dict:
    """Draw one figure and return its key points (see `body_points`)."""
    p = body_points(look, pose)
    s = p["s"]
    x = pose.x
    hip_y = p["hip_y"]
    shoulder_y = p["shoulder_y"]
    extra = look.extra

    # Legs and shoes.
    if pose.sit:
        forward = pose.facing * 62 * s
        knee_y = hip_y + 4 * s
        for dx in (-20 * s, 20 * s):
            line(ctx, x + dx, hip_y, x + dx + forward, knee_y, look.bottom, 30 * s)
            line(ctx, x + dx + forward, knee_y, x + dx + forward, pose.y - 8 * s, look.bottom, 28 * s)
            ellipse(ctx, x + dx + forward + pose.facing * 8 * s, pose.y - 6 * s, 20 * s, 9 * s, "#2a2623")
    else:
        step = math.sin(pose.t * 9.0) * 12 * s * pose.walk
        for dx, sway in ((-19 * s, step), (19 * s, -step)):
            line(ctx, x + dx, hip_y, x + dx + sway, pose.y - 12 * s, look.bottom, 30 * s)
            ellipse(ctx, x + dx + sway + pose.facing * 6 * s, pose.y - 6 * s, 21 * s, 9 * s, "#2a2623")

    # Torso.
    top = "#f4f4f2" if extra == "chefcoat" else look.top
    ctx.move_to(x - 46 * s, shoulder_y + 14 * s)
    ctx.curve_to(x - 46 * s, shoulder_y - 4 * s, x + 46 * s, shoulder_y - 4 * s, x + 46 * s, shoulder_y + 14 * s)
    ctx.line_to(x + 40 * s, hip_y + 14 * s)
    ctx.line_to(x - 40 * s, hip_y + 14 * s)
    ctx.close_path()
    fill(ctx, top)
    if extra.startswith("jacket:"):
        colour = extra.split(":", 1)[1]
        for side in (-1, 1):
            ctx.move_to(x + side * 46 * s, shoulder_y + 14 * s)
            ctx.line_to(x + side * 12 * s, shoulder_y + 4 * s)
            ctx.line_to(x + side * 16 * s, hip_y + 14 * s)
            ctx.line_to(x + side * 41 * s, hip_y + 14 * s)
            ctx.close_path()
            fill(ctx, colour)
    if extra == "chefcoat":
        for i in range(3):
            ellipse(ctx, x - 14 * s, shoulder_y + 30 * s + i * 28 * s, 3.5 * s, 3.5 * s, "#888888")
            ellipse(ctx, x + 14 * s, shoulder_y + 30 * s + i * 28 * s, 3.5 * s, 3.5 * s, "#888888")
    if extra in ("apron", "chefcoat"):
        rounded_rect(ctx, x - 34 * s, hip_y - 30 * s, 68 * s, 120 * s, 6 * s, "#fbfbf8")
        line(ctx, x - 34 * s, hip_y - 28 * s, x + 34 * s, hip_y - 28 * s, "#c9c9c2", 3 * s)

    # Neck and head.
    hx, hy = p["head"]
    rect(ctx, x - 11 * s, hy + 24 * s, 22 * s, shoulder_y - hy - 18 * s, shade(look.skin, 0.9))
    _draw_hair_back(ctx, look, hx, hy, s)
    ellipse(ctx, hx, hy, 34 * s, 39 * s, look.skin)
    _draw_face(ctx, look, pose, hx, hy, s)
    _draw_hair_front(ctx, look, hx, hy, s)
    if extra.startswith("cap:"):
        colour = extra.split(":", 1)[1]
        ctx.arc(hx, hy - 12 * s, 35 * s, math.pi, 2 * math.pi)
        fill(ctx, colour)
        rounded_rect(ctx, hx + (4 if pose.facing > 0 else -44) * s, hy - 16 * s, 40 * s, 8 * s, 4 * s, shade(colour, 0.8))
    if extra == "lanyard":
        line(ctx, x - 14 * s, shoulder_y + 2 * s, x, shoulder_y + 62 * s, "#d9432f", 4 * s)
        line(ctx, x + 14 * s, shoulder_y + 2 * s, x, shoulder_y + 62 * s, "#d9432f", 4 * s)
        rounded_rect(ctx, x - 12 * s, shoulder_y + 60 * s, 24 * s, 32 * s, 3 * s, "#ffffff")
        rect(ctx, x - 8 * s, shoulder_y + 66 * s, 16 * s, 10 * s, "#5a88c9")

    # Arms over the torso so that gestures read clearly.
    sleeve = shade(top if not extra.startswith("jacket:") else extra.split(":", 1)[1], 0.85)
    for shoulder, hand in ((p["left_shoulder"], p["left_hand"]), (p["right_shoulder"], p["right_hand"])):
        mx, my = (shoulder[0] + hand[0]) / 2, (shoulder[1] + hand[1]) / 2
        elbow = (mx + (8 * s if hand[0] > shoulder[0] else -8 * s), my + 14 * s)
        ctx.move_to(*shoulder)
        ctx.curve_to(elbow[0], elbow[1], elbow[0], elbow[1], *hand)
        ctx.set_line_width(21 * s)
        ctx.set_line_cap(cairo.LINE_CAP_ROUND)
        ctx.set_source_rgba(*rgb(sleeve))
        ctx.stroke()
        ellipse(ctx, hand[0], hand[1], 11 * s, 11 * s, look.skin)
    return p


def _draw_hair_back(ctx, look, hx, hy, s):
    colour = look.hair_colour
    if look.hair == "long":
        rounded_rect(ctx, hx - 40 * s, hy - 36 * s, 80 * s, 100 * s, 30 * s, colour)
    elif look.hair == "ponytail":
        ellipse(ctx, hx + 34 * s, hy + 8 * s, 13 * s, 30 * s, colour)
    elif look.hair == "bun":
        ellipse(ctx, hx, hy - 44 * s, 18 * s, 15 * s, colour)
    elif look.hair == "curly":
        for angle in range(180, 361, 30):
            a = math.radians(angle)
            ellipse(ctx, hx + math.cos(a) * 34 * s, hy - 6 * s + math.sin(a) * 38 * s, 13 * s, 13 * s, colour)


def _draw_hair_front(ctx, look, hx, hy, s):
    colour = look.hair_colour
    if look.hair == "bald":
        ctx.arc(hx, hy, 35 * s, math.radians(160), math.radians(200))
        ctx.set_line_width(7 * s)
        ctx.set_source_rgba(*rgb(colour))
        ctx.stroke()
        ctx.arc(hx, hy, 35 * s, math.radians(-20), math.radians(20))
        ctx.stroke()
        return
    ctx.save()
    ctx.translate(hx, hy)
    ctx.scale(35 * s, 40 * s)
    ctx.arc(0, 0, 1, 0, 2 * math.pi)
    ctx.restore()
    ctx.clip()
    ctx.move_to(hx - 40 * s, hy - 8 * s)
    ctx.curve_to(hx - 20 * s, hy - 22 * s, hx + 10 * s, hy - 14 * s, hx + 40 * s, hy - 6 * s)
    ctx.line_to(hx + 40 * s, hy - 50 * s)
    ctx.line_to(hx - 40 * s, hy - 50 * s)
    ctx.close_path()
    fill(ctx, colour)
    if look.hair == "long":
        rect(ctx, hx - 40 * s, hy - 20 * s, 9 * s, 60 * s, colour)
        rect(ctx, hx + 31 * s, hy - 20 * s, 9 * s, 60 * s, colour)
    ctx.reset_clip()


def _draw_face(ctx, look, pose, hx, hy, s):
    down = pose.down
    gaze = max(-1.0, min(1.0, pose.gaze))
    eye_y = hy - 2 * s + down * 7 * s
    for side in (-1, 1):
        ex = hx + side * 13 * s + gaze * 4 * s
        ellipse(ctx, ex, eye_y, 7 * s, 5.5 * s * (1 - 0.55 * down), "#ffffff")
        ellipse(ctx, ex + gaze * 3 * s, eye_y + down * 2 * s, 3.6 * s, 3.6 * s * (1 - 0.4 * down), "#2b2220")
        # Eyebrows carry most of the expression.
        inner = hx + side * 6 * s + gaze * 4 * s
        outer = hx + side * 21 * s + gaze * 4 * s
        brow_y = eye_y - 11 * s
        if pose.mood in ("tense", "afraid"):
            inner_y, outer_y = brow_y - 5 * s, brow_y + 1 * s
        elif pose.mood in ("stern", "angry"):
            inner_y, outer_y = brow_y + 4 * s, brow_y - 3 * s
        elif pose.mood == "surprised":
            inner_y, outer_y = brow_y - 6 * s, brow_y - 6 * s
        else:
            inner_y, outer_y = brow_y, brow_y - 1 * s
        line(ctx, inner, inner_y, outer, outer_y, shade(look.hair_colour if look.hair != "bald" else "#555555", 0.8), 3.2 * s)
    if look.glasses:
        for side in (-1, 1):
            ctx.arc(hx + side * 13 * s + gaze * 4 * s, eye_y, 10 * s, 0, 2 * math.pi)
            ctx.set_line_width(2.2 * s)
            ctx.set_source_rgba(*rgb("#333333"))
            ctx.stroke()

    # Nose points the way the person faces.
    nose_x = hx + pose.facing * 4 * s + gaze * 3 * s
    line(ctx, nose_x, eye_y + 5 * s, nose_x + pose.facing * 3 * s, eye_y + 14 * s, shade(look.skin, 0.75), 2.5 * s)
    if look.beard:
        ctx.move_to(hx - 33 * s, hy + 2 * s)
        ctx.curve_to(hx - 30 * s, hy + 48 * s, hx + 30 * s, hy + 48 * s, hx + 33 * s, hy + 2 * s)
        ctx.curve_to(hx + 20 * s, hy + 14 * s, hx - 20 * s, hy + 14 * s, hx - 33 * s, hy + 2 * s)
        fill(ctx, look.hair_colour, 0.9)
    mouth_y = hy + 20 * s + down * 5 * s
    mouth_x = hx + gaze * 3 * s
    if pose.talk > 0.04:
        ellipse(ctx, mouth_x, mouth_y, 8 * s, (2 + pose.talk * 9) * s, "#6b2a2a")
    elif pose.mood == "smile":
        ctx.arc(mouth_x, mouth_y - 6 * s, 10 * s, math.radians(25), math.radians(155))
        ctx.set_line_width(3 * s)
        ctx.set_source_rgba(*rgb("#6b2a2a"))
        ctx.stroke()
    elif pose.mood in ("tense", "afraid", "angry"):
        ctx.arc(mouth_x, mouth_y + 7 * s, 8 * s, math.radians(210), math.radians(330))
        ctx.set_line_width(3 * s)
        ctx.set_source_rgba(*rgb("#6b2a2a"))
        ctx.stroke()
    else:
        line(ctx, mouth_x - 7 * s, mouth_y, mouth_x + 7 * s, mouth_y, "#6b2a2a", 3 * s)


def draw_passport(ctx, x, y, scale=1.0, angle=0.0, open_=False):
    """Draw a burgundy passport centred on (x, y), closed or open."""
    ctx.save()
    ctx.translate(x, y)
    ctx.rotate(angle)
    ctx.scale(scale, scale)
    if open_:
        rounded_rect(ctx, -46, -30, 92, 60, 3, "#f3efe4")
        rect(ctx, -40, -22, 30, 38, "#c9b9a4")
        ellipse(ctx, -25, -8, 9, 11, "#8a6d55")
        for i in range(5):
            rect(ctx, -4, -20 + i * 9, 42 - (i % 2) * 10, 3, "#9a9a9a")
        line(ctx, 0, -30, 0, 30, "#d8d2c4", 1.5)
    else:
        rounded_rect(ctx, -18, -25, 36, 50, 3, "#7b1e2c")
        ctx.arc(0, -3, 8, 0, 2 * math.pi)
        ctx.set_line_width(2)
        ctx.set_source_rgba(*rgb("#d9b65a"))
        ctx.stroke()
        rect(ctx, -10, 12, 20, 2.5, "#d9b65a")
    ctx.restore()


def draw_paper(ctx, x, y, w=60, h=80, angle=0.0, lines=6, colour="#ffffff"):
    ctx.save()
    ctx.translate(x, y)
    ctx.rotate(angle)
    rect(ctx, -w / 2 + 3, -h / 2 + 3, w, h, "#000000", 0.15)
    rect(ctx, -w / 2, -h / 2, w, h, colour)
    for i in range(lines):
        rect(ctx, -w / 2 + 6, -h / 2 + 10 + i * (h - 16) / lines, w - 12 - (i % 3) * 8, 2.5, "#9aa0a8")
    ctx.restore()


def draw_clipboard(ctx, x, y, scale=1.0):
    ctx.save()
    ctx.translate(x, y)
    ctx.scale(scale, scale)
    rounded_rect(ctx, -26, -34, 52, 68, 4, "#8b6a45")
    rect(ctx, -21, -28, 42, 58, "#ffffff")
    rounded_rect(ctx, -10, -38, 20, 9, 2, "#9a9a9a")
    for i in range(5):
        rect(ctx, -17, -20 + i * 10, 30, 2.5, "#9aa0a8")
    ctx.restore()


def draw_chair(ctx, x, y, colour="#5d7f99", facing=1.0, scale=1.0):
    """Draw a waiting-room chair standing at (x, y), its seat about 105*scale above the floor."""
    s = scale
    rect(ctx, x - 38 * s, y - 110 * s, 76 * s, 14 * s, colour)
    back_x = x - facing * 36 * s
    rect(ctx, back_x - 7 * s, y - 200 * s, 14 * s, 100 * s, shade(colour, 0.85))
    line(ctx, x - 32 * s, y - 96 * s, x - 32 * s, y, "#444444", 5 * s)
    line(ctx, x + 32 * s, y - 96 * s, x + 32 * s, y, "#444444", 5 * s)


def draw_plant(ctx, x, y, scale=1.0):
    s = scale
    for i, (dx, h) in enumerate(((-20, 90), (0, 120), (18, 100), (-8, 70), (26, 75))):
        ellipse(ctx, x + dx * s, y - 60 * s - h * s / 2, 14 * s, h * s / 2, "#4f8a4a" if i % 2 else "#3f7440")
    rounded_rect(ctx, x - 30 * s, y - 62 * s, 60 * s, 62 * s, 6 * s, "#c46b3c")


def vignette(ctx, width, height, colour="#000000", alpha=0.35):
    gradient = cairo.RadialGradient(width / 2, height / 2, height * 0.35, width / 2, height / 2, height * 0.95)
    gradient.add_color_stop_rgba(0, *rgb(colour, 0.0))
    gradient.add_color_stop_rgba(1, *rgb(colour, alpha))
    ctx.rectangle(0, 0, width, height)
    ctx.set_source(gradient)
    ctx.fill()
