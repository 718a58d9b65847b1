"""Storyboard steps and the timeline compiled from them.

A storyboard is a flat list of steps played one after another. Only `Line` and
`Wait` (and a `Tween` with `wait=True`) move the clock forward, so every time in
the film follows from the measured length of the spoken lines.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass
class Line:
    """A spoken line: `speaker` is a cast key, `nl` is spoken and subtitled, `en` is the English subtitle.

    `say` replaces the spoken text when espeak-ng needs other spelling than the
    subtitle; `lang` selects a voice other than the speaker's Dutch one.
    """

    speaker: str
    nl: str
    en: str
    gap: float = 0.45
    say: str | None = None
    lang: str | None = None


@dataclass
class Wait:
    """Silence of `seconds` while the picture goes on."""

    seconds: float


@dataclass
class Set:
    """State changes that take effect at once, e.g. `{"scene": "desk", "man.mood": "stern"}`."""

    values: dict


@dataclass
class Tween:
    """Numeric (or tuple) state changes eased over `seconds`; `wait=True` also advances the clock."""

    values: dict
    seconds: float
    wait: bool = False


@dataclass
class Begin:
    """Start of a signal (`kind="signal"`) or of a moment that looks odd but is not one (`kind="non-signal"`)."""

    id: str
    kind: str = "signal"


@dataclass
class End:
    """End of the window opened by the `Begin` with the same id."""

    id: str


@dataclass
class Segment:
    start: float
    end: float
    before: object
    after: object


def ease(x: float) -> float:
    """Ease `x` on 0..1 with smoothstep."""
    x = min(1.0, max(0.0, x))
    return x * x * (3 - 2 * x)


def interpolate(a, b, f):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a + (b - a) * f
    if isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b):
        return tuple(x + (y - x) * f for x, y in zip(a, b))
    return b if f >= 1 else a


class Track:
    """The value of one state key over time, as a list of segments sorted by start."""

    def __init__(self):
        self.starts: list[float] = []
        self.segments: list[Segment] = []

    def add(self, segment: Segment):
        index = bisect.bisect_right(self.starts, segment.start)
        self.starts.insert(index, segment.start)
        self.segments.insert(index, segment)

    def value(self, t: float, default=None):
        index = bisect.bisect_right(self.starts, t) - 1
        if index < 0:
            return default
        segment = self.segments[index]
        if t >= segment.end or segment.end <= segment.start:
            return segment.after
        return interpolate(segment.before, segment.after, ease((t - segment.start) / (segment.end - segment.start)))


@dataclass
class SpokenLine:
    line: Line
    start: float
    duration: float
    wav: str
    envelope: list[float] = field(default_factory=list)


@dataclass
class Timeline:
    duration: float
    tracks: dict[str, Track]
    spoken: list[SpokenLine]
    windows: dict[str, dict]

    def state(self, t: float) -> "State":
        return State(self, t)

    def loudness(self, speaker: str, t: float, fps: float) -> float:
        """Return the speech loudness 0..1 of `speaker` at time `t`, used to move the mouth."""
        for spoken in self.spoken:
            if spoken.line.speaker == speaker and spoken.start <= t < spoken.start + spoken.duration:
                index = int((t - spoken.start) * fps)
                if 0 <= index < len(spoken.envelope):
                    return spoken.envelope[index]
        return 0.0


class State:
    """Read-only view of every state key at one moment; missing keys return the given default."""

    def __init__(self, timeline: Timeline, t: float):
        self.timeline = timeline
        self.t = t

    def get(self, key: str, default=None):
        track = self.timeline.tracks.get(key)
        if track is None:
            return default
        return track.value(self.t, default)

    def __getitem__(self, key: str):
        return self.get(key)


def compile_timeline(steps: list, measure, tail: float = 0.0) -> Timeline:
    """Lay the steps out in time. `measure(line)` returns `(wav_path, seconds)` for a spoken line."""
    tracks: dict[str, Track] = {}
    spoken: list[SpokenLine] = []
    windows: dict[str, dict] = {}
    t = 0.0

    def track(key: str) -> Track:
        return tracks.setdefault(key, Track())

    for step in steps:
        if isinstance(step, Line):
            wav, seconds = measure(step)
            spoken.append(SpokenLine(step, t, seconds, wav))
            t += seconds + step.gap
        elif isinstance(step, Wait):
            t += step.seconds
        elif isinstance(step, Set):
            for key, value in step.values.items():
                track(key).add(Segment(t, t, value, value))
        elif isinstance(step, Tween):
            for key, value in step.values.items():
                before = track(key).value(t, value)
                track(key).add(Segment(t, t + step.seconds, before, value))
            if step.wait:
                t += step.seconds
        elif isinstance(step, Begin):
            if step.id in windows:
                raise ValueError(f"window {step.id!r} begins twice; use one Begin and one End per id")
            windows[step.id] = {"kind": step.kind, "start": t, "end": None}
        elif isinstance(step, End):
            if step.id not in windows:
                raise ValueError(f"End({step.id!r}) has no matching Begin; add Begin({step.id!r}) before it")
            windows[step.id]["end"] = t
        else:
            raise TypeError(f"unknown storyboard step {step!r}")

    unfinished = [key for key, window in windows.items() if window["end"] is None]
    if unfinished:
        raise ValueError(f"windows without End: {', '.join(unfinished)}")
    return Timeline(t + tail, tracks, spoken, windows)
