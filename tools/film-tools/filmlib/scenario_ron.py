"""Keep the windows and clips in a scenario.ron equal to the timings computed from the storyboard.

Only three kinds of text are touched: the `window: (...)` and `clip: (...)` lines
that follow a signal's `id: "..."`, and comment lines of the form
`//   <non-signal id>  m:ss.fff-m:ss.fff ...` that document non-signal moments.
"""

from __future__ import annotations

import re


def film_time(seconds: float) -> str:
    """Seconds as "m:ss.fff", one of the time notations the scenario format accepts."""
    millis = int(round(seconds * 1000))
    minutes, millis = divmod(millis, 60_000)
    return f"{minutes}:{millis // 1000:02d}.{millis % 1000:03d}"


SIGNAL_PATTERN = (
    r'(id: "{id}",.*?window: \(start: )"[^"]*"(, end: )"[^"]*"(\),\s*clip: \(start: )"[^"]*"(, end: )"[^"]*"'
)
COMMENT_PATTERN = r"(//\s+{id}\s+)\d+:\d\d\.\d{{3}}-\d+:\d\d\.\d{{3}}"


def synced(ron: str, timings: dict) -> tuple[str, list[str]]:
    """Return the RON text with every known window and clip replaced, and the ids that were not found."""
    missing = []
    for entry in timings["signals"]:
        pattern = re.compile(SIGNAL_PATTERN.format(id=re.escape(entry["id"])), re.DOTALL)
        replacement = (
            rf'\g<1>"{film_time(entry["start"])}"\g<2>"{film_time(entry["end"])}"'
            rf'\g<3>"{film_time(entry["clip_start"])}"\g<4>"{film_time(entry["clip_end"])}"'
        )
        ron, count = pattern.subn(replacement, ron, count=1)
        if count == 0:
            missing.append(entry["id"])
    for entry in timings["non_signals"]:
        pattern = re.compile(COMMENT_PATTERN.format(id=re.escape(entry["id"])))
        replacement = rf"\g<1>{film_time(entry['start'])}-{film_time(entry['end'])}"
        ron, count = pattern.subn(replacement, ron, count=1)
        if count == 0:
            missing.append(entry["id"])
    return ron, missing
