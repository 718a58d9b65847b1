#!/usr/bin/env python3
"""Build herken's demo films, subtitles and signal timings from their storyboards.

    python3 tools/film-tools/make_films.py [baliemedewerker|toezichthouder|all]
    python3 tools/film-tools/make_films.py all --check
    python3 tools/film-tools/make_films.py baliemedewerker --still 12.5 --still 40

Each scenario's storyboard lives in `film-tools/<name>/storyboard.py`; the
outputs (film.webm, film.nl.vtt, film.en.vtt, timings.json) go to
`scenarios/<name>/`.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time

TOOLS_DIR = os.path.dirname(os.path.abspath(__file__))
SCENARIOS_DIR = os.path.join(os.path.dirname(os.path.dirname(TOOLS_DIR)), "scenarios")
SCENARIOS = ("baliemedewerker", "toezichthouder")

SYSTEM_PYTHON = "/usr/bin/python3"

try:
    import cairo  # noqa: F401
except ModuleNotFoundError:
    # Debian's python3-cairo is installed for the system interpreter only; a
    # pyenv or venv python3 first on PATH would not see it.
    if os.path.exists(SYSTEM_PYTHON) and os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON):
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON, *sys.argv])
    sys.exit("pycairo is missing: install it with `apt-get install python3-cairo` (see tools/film-tools/README.md)")

sys.path.insert(0, TOOLS_DIR)

from filmlib import render, scenario_ron  # noqa: E402


def load(name: str):
    return importlib.import_module(f"{name}.storyboard")


def sync_scenario(name: str, timings: dict, write: bool) -> bool:
    """Bring the windows and clips in scenarios/<name>/scenario.ron in line with `timings`.

    With `write=False` nothing is changed. Returns True when the file already
    matched and names every signal and non-signal, or when there is no scenario.ron.
    """
    path = os.path.join(SCENARIOS_DIR, name, "scenario.ron")
    if not os.path.exists(path):
        return True
    with open(path, encoding="utf-8") as source:
        original = source.read()
    updated, missing = scenario_ron.synced(original, timings)
    for key in missing:
        print(f"{name}: warning: scenario.ron has no window or comment line for '{key}'; add it by hand")
    if write and updated != original:
        with open(path, "w", encoding="utf-8") as target:
            target.write(updated)
        print(f"{name}: updated windows and clips in scenario.ron")
    return updated == original and not missing


def check(name: str, module) -> bool:
    """Compare freshly computed timings with the committed timings.json and scenario.ron; print the differences."""
    timeline = render.build_timeline(module)
    fresh = render.timings(timeline, "film.webm")
    path = os.path.join(SCENARIOS_DIR, name, "timings.json")
    try:
        with open(path, encoding="utf-8") as source:
            committed = json.load(source)
    except FileNotFoundError:
        print(f"{name}: {path} not found; run make_films.py {name} to create it")
        return False
    ok = True
    if fresh == committed:
        print(f"{name}: timings.json matches the storyboard ({fresh['duration']} s)")
    else:
        ok = False
        print(f"{name}: timings.json differs from the storyboard; run make_films.py {name} to regenerate it")
        print("  committed:", json.dumps(committed, sort_keys=True))
        print("  computed: ", json.dumps(fresh, sort_keys=True))
    if not sync_scenario(name, fresh, write=False):
        ok = False
        print(f"{name}: the windows or clips in scenario.ron differ from the storyboard; "
              f"run make_films.py {name} --text-only to update them")
    return ok


def build(name: str, module, stills: list[float], text_only: bool):
    timeline = render.build_timeline(module)
    out_dir = os.path.join(SCENARIOS_DIR, name)
    work_dir = f"/tmp/films-{name}"
    if stills:
        for path in render.render_stills(module, timeline, stills, os.path.join(work_dir, "stills")):
            print(path)
        return
    render.write_text_outputs(module, timeline, out_dir)
    sync_scenario(name, render.timings(timeline, "film.webm"), write=True)
    print(f"{name}: {timeline.duration:.3f} s, {len(timeline.spoken)} lines, windows written to timings.json")
    if text_only:
        return
    started = time.monotonic()
    render.encode(module, timeline, os.path.join(out_dir, "film.webm"), work_dir)
    size = os.path.getsize(os.path.join(out_dir, "film.webm")) / 1e6
    print(f"{name}: film.webm {size:.1f} MB, encoded in {time.monotonic() - started:.0f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenario", nargs="?", default="all", choices=(*SCENARIOS, "all"))
    parser.add_argument("--check", action="store_true", help="recompute timings only and compare them with timings.json")
    parser.add_argument("--text-only", action="store_true", help="write subtitles and timings.json but do not encode")
    parser.add_argument("--still", type=float, action="append", default=[], metavar="SECONDS",
                        help="render the frame at SECONDS to /tmp/films-<name>/stills/ instead of the film")
    args = parser.parse_args()

    # Rendering is CPU-heavy and usually shares the machine with other builds.
    os.nice(19)
    names = SCENARIOS if args.scenario == "all" else (args.scenario,)
    ok = True
    for name in names:
        module = load(name)
        if args.check:
            ok = check(name, module) and ok
        else:
            build(name, module, args.still, args.text_only)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
