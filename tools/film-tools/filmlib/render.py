"""Frame loop, subtitles, timings and the WebM encode for one scenario module.

A scenario module provides `CAST` (key -> (Look, Voice)), `STEPS` (storyboard
steps), `draw_scene(ctx, stage)` and optionally `VOICE_BY_LANGUAGE` for lines
in another language, keyed by (speaker, language).
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import textwrap

import cairo

from . import draw, voices
from .storyboard import Timeline, compile_timeline

WIDTH, HEIGHT = 1280, 720
FPS = 25
CLIP_MARGIN = 2.5  # seconds added on both sides of a window for the replay clip
TAIL = 2.0  # seconds of picture after the last step


class Stage:
    """Frame context for a scene's drawing function: the state, the time and a way to draw the cast."""

    def __init__(self, module, timeline: Timeline, t: float):
        self.module = module
        self.timeline = timeline
        self.t = t
        self.state = timeline.state(t)

    def get(self, key, default=None):
        return self.state.get(key, default)

    def person(self, ctx, key: str) -> dict | None:
        """Draw cast member `key` if `<key>.visible` is true and return their key points."""
        if not self.state.get(f"{key}.visible", False):
            return None
        look = self.module.CAST[key][0]
        pose = draw.pose_from_state(self.state, key, self.t)
        pose.talk = self.timeline.loudness(key, self.t, FPS)
        pose.walk = max(pose.walk, self.walking(key))
        return draw.draw_person(ctx, look, pose)

    def walking(self, key: str) -> float:
        """1.0 while `<key>.x` moves faster than 60 px/s, so moving people step without extra storyboard keys."""
        track = self.timeline.tracks.get(f"{key}.x")
        if track is None:
            return 0.0
        speed = abs(track.value(self.t + 0.05, 0.0) - track.value(self.t - 0.05, 0.0)) / 0.1
        return min(1.0, speed / 60.0)


def build_timeline(module) -> Timeline:
    def measure(line):
        voice = module.CAST[line.speaker][1]
        if line.lang:
            voice = module.VOICE_BY_LANGUAGE[(line.speaker, line.lang)]
        path = voices.synthesize(line.say or line.nl, voice)
        samples = voices.trimmed(voices.read_samples(path))
        return path, len(samples) / voices.SAMPLE_RATE

    return compile_timeline(module.STEPS, measure, tail=TAIL)


def timings(timeline: Timeline, film: str) -> dict:
    """Collect the signal and non-signal windows with replay clips, in seconds rounded to milliseconds."""

    def entry(key, window):
        start, end = window["start"], window["end"]
        return {
            "id": key,
            "start": round(start, 3),
            "end": round(end, 3),
            "clip_start": round(max(0.0, start - CLIP_MARGIN), 3),
            "clip_end": round(min(timeline.duration, end + CLIP_MARGIN), 3),
        }

    ordered = sorted(timeline.windows.items(), key=lambda item: item[1]["start"])
    return {
        "film": film,
        "duration": round(timeline.duration, 3),
        "signals": [entry(k, w) for k, w in ordered if w["kind"] == "signal"],
        "non_signals": [entry(k, w) for k, w in ordered if w["kind"] == "non-signal"],
    }


def vtt_time(seconds: float) -> str:
    millis = int(round(seconds * 1000))
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def subtitles(timeline: Timeline, language: str) -> str:
    """WebVTT with one cue per spoken line, wrapped to two lines of about 42 characters."""
    cues = ["WEBVTT", ""]
    spoken = timeline.spoken
    for index, item in enumerate(spoken):
        start = item.start
        end = start + max(1.2, item.duration + 0.25)
        if index + 1 < len(spoken):
            end = min(end, spoken[index + 1].start - 0.02)
        content = item.line.nl if language == "nl" else item.line.en
        wrapped = "\n".join(textwrap.wrap(content, 42))
        cues += [str(index + 1), f"{vtt_time(start)} --> {vtt_time(end)}", wrapped, ""]
    return "\n".join(cues)


def write_text_outputs(module, timeline: Timeline, out_dir: str):
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "timings.json"), "w", encoding="utf-8") as target:
        json.dump(timings(timeline, "film.webm"), target, indent=2, ensure_ascii=False)
        target.write("\n")
    for language in ("nl", "en"):
        with open(os.path.join(out_dir, f"film.{language}.vtt"), "w", encoding="utf-8") as target:
            target.write(subtitles(timeline, language))


def draw_frame(ctx, module, timeline: Timeline, t: float):
    stage = Stage(module, timeline, t)
    ctx.identity_matrix()
    ctx.set_source_rgb(0, 0, 0)
    ctx.paint()

    zoom = stage.get("cam.zoom", 1.0)
    ctx.translate(WIDTH / 2, HEIGHT / 2)
    ctx.scale(zoom, zoom)
    ctx.translate(-stage.get("cam.x", WIDTH / 2), -stage.get("cam.y", HEIGHT / 2))
    module.draw_scene(ctx, stage)

    ctx.identity_matrix()
    memory = stage.get("memory", 0.0)
    if memory > 0:
        # A faded sepia wash marks a remembered scene.
        ctx.rectangle(0, 0, WIDTH, HEIGHT)
        ctx.set_source_rgba(0.55, 0.45, 0.3, 0.5 * memory)
        ctx.fill()
        draw.vignette(ctx, WIDTH, HEIGHT, "#2a1d10", 0.7 * memory)
    label = stage.get("label", "")
    if label:
        # A caption inside the picture, e.g. to mark a memory; dialogue goes in the subtitles.
        draw.rounded_rect(ctx, 30, 30, 40 + 17 * len(label), 56, 8, "#000000", 0.55)
        draw.text(ctx, 50, 68, label, 28, "#ffffff", bold=True)
    fade = stage.get("fade", 0.0)
    if fade > 0:
        ctx.rectangle(0, 0, WIDTH, HEIGHT)
        ctx.set_source_rgba(0, 0, 0, min(1.0, fade))
        ctx.fill()


def attach_envelopes(timeline: Timeline):
    for item in timeline.spoken:
        item.envelope = voices.envelope(voices.trimmed(voices.read_samples(item.wav)), FPS)


def write_soundtrack(timeline: Timeline, path: str):
    placed = [(item.start, voices.trimmed(voices.read_samples(item.wav))) for item in timeline.spoken]
    voices.write_soundtrack(path, timeline.duration, placed)


def render_stills(module, timeline: Timeline, times: list[float], out_dir: str) -> list[str]:
    attach_envelopes(timeline)
    surface = cairo.ImageSurface(cairo.FORMAT_RGB24, WIDTH, HEIGHT)
    ctx = cairo.Context(surface)
    paths = []
    os.makedirs(out_dir, exist_ok=True)
    for t in times:
        draw_frame(ctx, module, timeline, t)
        path = os.path.join(out_dir, f"still-{t:07.2f}.png")
        surface.write_to_png(path)
        paths.append(path)
    return paths


def encode(module, timeline: Timeline, film_path: str, work_dir: str, crf: int = 40):
    """Render every frame into ffmpeg's stdin and encode VP9 video with Opus sound into WebM."""
    os.makedirs(work_dir, exist_ok=True)
    attach_envelopes(timeline)
    soundtrack = os.path.join(work_dir, "soundtrack.wav")
    write_soundtrack(timeline, soundtrack)

    partial = film_path + ".part.webm"
    command = [
        "ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
        "-f", "rawvideo", "-pix_fmt", "bgr0", "-s", f"{WIDTH}x{HEIGHT}", "-r", str(FPS), "-i", "-",
        "-i", soundtrack,
        "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-row-mt", "1", "-threads", "2",
        "-crf", str(crf), "-b:v", "0", "-g", str(FPS * 10), "-pix_fmt", "yuv420p",
        "-c:a", "libopus", "-b:a", "48k", "-ac", "1",
        "-shortest", "-metadata", f"title={module.TITLE_NL}", partial,
    ]
    encoder = subprocess.Popen(command, stdin=subprocess.PIPE)
    surface = cairo.ImageSurface(cairo.FORMAT_RGB24, WIDTH, HEIGHT)
    ctx = cairo.Context(surface)
    frames = int(math.ceil(timeline.duration * FPS))
    try:
        for index in range(frames):
            draw_frame(ctx, module, timeline, index / FPS)
            surface.flush()
            encoder.stdin.write(surface.get_data())
            if index % (FPS * 20) == 0:
                print(f"  frame {index}/{frames}", flush=True)
    finally:
        encoder.stdin.close()
        code = encoder.wait()
    if code != 0:
        raise RuntimeError(f"ffmpeg failed with exit status {code} while encoding {film_path}")
    os.replace(partial, film_path)
