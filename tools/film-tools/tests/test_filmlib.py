"""Unit tests for the film engine: timeline layout, subtitles, timings and scenario.ron syncing.

Run from the repository root with the system interpreter (pycairo comes from Debian):
    /usr/bin/python3 -m unittest discover -s tools/film-tools/tests
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from filmlib import render, scenario_ron  # noqa: E402
from filmlib.storyboard import Begin, End, Line, Set, Tween, Wait, compile_timeline  # noqa: E402


def fixed_length(seconds_per_line):
    """Return a `measure` function that gives every line the same length without espeak-ng."""
    return lambda line: ("unused.wav", seconds_per_line)


class TimelineTests(unittest.TestCase):
    def test_lines_and_waits_advance_clock(self):
        steps = [Line("a", "Hallo.", "Hello.", gap=0.5), Wait(2.0), Line("b", "Dag.", "Bye.", gap=0.5)]
        timeline = compile_timeline(steps, fixed_length(1.5), tail=1.0)

        self.assertEqual([item.start for item in timeline.spoken], [0.0, 4.0])
        self.assertAlmostEqual(timeline.duration, 4.0 + 1.5 + 0.5 + 1.0)

    def test_window_spans_marked_steps(self):
        steps = [Wait(1.0), Begin("passport"), Line("a", "Hier.", "Here.", gap=0.0), End("passport"),
                 Begin("odd", "non-signal"), Wait(0.5), End("odd")]
        timeline = compile_timeline(steps, fixed_length(2.0))

        self.assertEqual(timeline.windows["passport"], {"kind": "signal", "start": 1.0, "end": 3.0})
        self.assertEqual(timeline.windows["odd"], {"kind": "non-signal", "start": 3.0, "end": 3.5})

    def test_unclosed_window_is_rejected(self):
        with self.assertRaises(ValueError):
            compile_timeline([Begin("open")], fixed_length(1.0))

    def test_end_without_begin_is_rejected(self):
        with self.assertRaises(ValueError):
            compile_timeline([End("stray")], fixed_length(1.0))

    def test_tween_eases_from_current_value(self):
        steps = [Set({"cam.zoom": 1.0}), Tween({"cam.zoom": 2.0}, 2.0, wait=True)]
        timeline = compile_timeline(steps, fixed_length(1.0))

        self.assertEqual(timeline.state(0.0).get("cam.zoom"), 1.0)
        self.assertAlmostEqual(timeline.state(1.0).get("cam.zoom"), 1.5)
        self.assertEqual(timeline.state(2.5).get("cam.zoom"), 2.0)

    def test_set_is_step_function(self):
        steps = [Set({"scene": "hall"}), Wait(1.0), Set({"scene": "desk"})]
        timeline = compile_timeline(steps, fixed_length(1.0))

        self.assertEqual(timeline.state(0.99).get("scene"), "hall")
        self.assertEqual(timeline.state(1.0).get("scene"), "desk")


class OutputTests(unittest.TestCase):
    def test_clip_widens_window_within_film(self):
        steps = [Begin("early"), Wait(1.0), End("early"), Wait(10.0), Begin("late"), Wait(1.0), End("late")]
        timeline = compile_timeline(steps, fixed_length(1.0), tail=1.0)
        timings = render.timings(timeline, "film.webm")
        early, late = timings["signals"]

        self.assertEqual((early["clip_start"], early["clip_end"]), (0.0, 3.5))
        self.assertEqual((late["clip_start"], late["clip_end"]), (8.5, 13.0))
        self.assertEqual(timings["duration"], 13.0)

    def test_vtt_time_format(self):
        self.assertEqual(render.vtt_time(0.0), "00:00:00.000")
        self.assertEqual(render.vtt_time(83.4567), "00:01:23.457")
        self.assertEqual(render.vtt_time(3725.0), "01:02:05.000")

    def test_subtitles_have_one_cue_per_line(self):
        steps = [Line("a", "Goedemorgen.", "Good morning."), Line("b", "Dag.", "Hello.")]
        timeline = compile_timeline(steps, fixed_length(1.0))
        english = render.subtitles(timeline, "en")

        self.assertTrue(english.startswith("WEBVTT\n"))
        self.assertEqual(english.count("-->"), 2)
        self.assertIn("Good morning.", english)
        self.assertNotIn("Goedemorgen.", english)


class ScenarioRonTests(unittest.TestCase):
    RON = """// Non-signals:
//   odd-moment  0:00.000-0:00.000  looks odd
Scenario(
    signals: [
        Signal(
            id: "passport",
            title: (nl: "Paspoort"),
            window: (start: "0:00.000", end: "0:00.000"),
            clip: (start: "0:00.000", end: "0:00.000"),
        ),
    ],
)
"""

    TIMINGS = {
        "signals": [{"id": "passport", "start": 61.5, "end": 66.25, "clip_start": 59.0, "clip_end": 68.75}],
        "non_signals": [{"id": "odd-moment", "start": 5.0, "end": 9.125, "clip_start": 2.5, "clip_end": 11.625}],
    }

    def test_film_time_format(self):
        self.assertEqual(scenario_ron.film_time(0.0), "0:00.000")
        self.assertEqual(scenario_ron.film_time(61.5), "1:01.500")
        self.assertEqual(scenario_ron.film_time(600.0004), "10:00.000")

    def test_sync_rewrites_window_clip_and_comment(self):
        updated, missing = scenario_ron.synced(self.RON, self.TIMINGS)

        self.assertEqual(missing, [])
        self.assertIn('window: (start: "1:01.500", end: "1:06.250")', updated)
        self.assertIn('clip: (start: "0:59.000", end: "1:08.750")', updated)
        self.assertIn("//   odd-moment  0:05.000-0:09.125  looks odd", updated)

    def test_sync_reports_unknown_ids(self):
        timings = {"signals": [{"id": "absent", "start": 1, "end": 2, "clip_start": 0, "clip_end": 3}],
                   "non_signals": []}
        updated, missing = scenario_ron.synced(self.RON, timings)

        self.assertEqual(missing, ["absent"])
        self.assertEqual(updated, self.RON)


if __name__ == "__main__":
    unittest.main()
