//! Scripted runs of both demo scenarios under Xvfb. Each test launches the app once; the
//! scripts seek close before each pause, so a run takes seconds instead of the film's length.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::support::display::display;

/// The fill of the question panel (`QUESTION_PANEL` in `src/journey/style.rs`).
const QUESTION_PANEL: [u8; 3] = [0x12, 0x32, 0x5a];
/// A recognised marker's disc and a missed marker's ring (`src/journey/timeline.rs`).
const RECOGNISED: [u8; 3] = [0x2e, 0xa8, 0x4a];
const MISSED: [u8; 3] = [0xff, 0x8c, 0x1a];

fn scenario_folder(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name)
}

/// Reads `timings.json`: the signal windows, the moments that are no signal, the duration.
fn timings(name: &str) -> Value {
    let path = scenario_folder(name).join("timings.json");
    let text = std::fs::read_to_string(&path).expect("read timings.json");
    serde_json::from_str(&text).expect("timings.json is JSON")
}

/// Builds a script that seeks to half a second into each listed window, pauses a second
/// in, answers the first choice, and makes the decision at the end.
fn pause_in_windows(windows: &[Value], duration: f64, extra: &str) -> String {
    let mut script = String::from("[\n");
    for window in windows {
        let start = window["start"].as_f64().expect("window start");
        writeln!(
            script,
            "  SeekTo({:.3}), PauseAt({:.3}),",
            start + 0.5,
            start + 1.0
        )
        .unwrap();
        if script.matches("PauseAt").count() == 1 {
            script.push_str(extra);
        }
        script.push_str("  Answer(0),\n");
    }
    writeln!(script, "  SeekTo({:.3}),", duration - 1.5).unwrap();
    script.push_str("  Decide(\"discuss-with-coordinator\"),\n");
    script.push(']');
    script
}

struct Run {
    folder: tempfile::TempDir,
    result: Value,
    report: Value,
}

impl Run {
    fn image(&self, name: &str) -> image::RgbImage {
        image::open(self.folder.path().join("out").join(name))
            .expect("open screenshot")
            .to_rgb8()
    }

    fn shot(&self, name: &str) -> &Value {
        self.report["screenshots"]
            .as_array()
            .expect("screenshots list")
            .iter()
            .find(|shot| shot["file"] == name)
            .expect("screenshot in run.json")
    }
}

fn run_script(scenario: &str, script: &str) -> Run {
    let folder = tempfile::tempdir().expect("temporary folder");
    let script_path = folder.path().join("script.ron");
    std::fs::write(&script_path, script).expect("write script");
    let out = folder.path().join("out");
    let runtime = folder.path().join("runtime");
    std::fs::create_dir_all(&runtime).expect("runtime folder");
    let output = Command::new(env!("CARGO_BIN_EXE_herken"))
        .arg("run")
        .arg(scenario_folder(scenario))
        .arg("--script")
        .arg(&script_path)
        .arg("--out")
        .arg(&out)
        .args(["--time-limit", "240"])
        .arg("--data-dir")
        .arg(folder.path().join("data"))
        .env("DISPLAY", display())
        .env("XDG_RUNTIME_DIR", &runtime)
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run herken run");

    assert!(
        output.status.success(),
        "herken run failed for {scenario}:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let read = |name: &str| -> Value {
        let text = std::fs::read_to_string(out.join(name)).expect("read output JSON");
        serde_json::from_str(&text).expect("output is JSON")
    };
    let result = read("result.json");
    let report = read("run.json");
    Run {
        folder,
        result,
        report,
    }
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|item| item["signal_id"].as_str().expect("signal_id").to_owned())
        .collect()
}

fn close_to(pixel: [u8; 3], expected: [u8; 3], tolerance: i32) -> bool {
    pixel
        .iter()
        .zip(expected)
        .all(|(got, want)| (*got as i32 - want as i32).abs() <= tolerance)
}

fn pixel_at(image: &image::RgbImage, x: f64, y: f64) -> [u8; 3] {
    image.get_pixel(x.round() as u32, y.round() as u32).0
}

fn assert_every_signal_recognised(scenario: &str, run: &Run) {
    let expected: Vec<String> = timings(scenario)["signals"]
        .as_array()
        .expect("signals")
        .iter()
        .map(|signal| signal["id"].as_str().expect("id").to_owned())
        .collect();
    let mut recognised = ids(&run.result["recognised"]);
    recognised.sort();
    let mut wanted = expected.clone();
    wanted.sort();
    assert_eq!(recognised, wanted, "{scenario}: every signal recognised");
    assert_eq!(
        ids(&run.result["missed"]),
        Vec::<String>::new(),
        "{scenario}: none missed"
    );
    assert_eq!(
        run.result["false_alarms"],
        serde_json::json!([]),
        "{scenario}: no false alarms"
    );
    assert_eq!(
        run.result["answers"].as_array().map(Vec::len),
        Some(expected.len()),
        "{scenario}: one answer per pause"
    );
    assert_eq!(
        run.result["decision"]["choice_id"], "discuss-with-coordinator",
        "{scenario}: decision recorded"
    );
}

#[test]
fn front_desk_run_recognises_every_signal() {
    let scenario = "baliemedewerker";
    let timings = timings(scenario);
    let duration = timings["duration"].as_f64().expect("duration");
    let signals = timings["signals"].as_array().expect("signals").clone();
    let screenshots = "  Screenshot(\"question.png\"),\n";
    let mut script = pause_in_windows(&signals, duration, screenshots);
    script.pop();
    script
        .push_str("  Screenshot(\"timeline.png\"), OpenMarker(1), Screenshot(\"replay.png\"),\n]");
    let run = run_script(scenario, &script);
    assert_every_signal_recognised(scenario, &run);

    // The question panel covers the frozen frame at the place the app reported.
    let question = run.image("question.png");
    let panel = &run.shot("question.png")["question_panel"];
    let (left, top) = (panel[0].as_f64().unwrap(), panel[1].as_f64().unwrap());
    let inside = pixel_at(&question, left + 6.0, top + 6.0);
    assert!(
        close_to(inside, QUESTION_PANEL, 8),
        "question panel pixel {inside:?}"
    );

    // Every marker is recognised: a filled green disc below its tick.
    let timeline = run.image("timeline.png");
    let markers = run.shot("timeline.png")["markers"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(markers.len(), signals.len(), "one marker per signal");
    for marker in &markers {
        assert_eq!(marker["recognised"], true);
        let (x, y) = (
            marker["centre"][0].as_f64().unwrap(),
            marker["centre"][1].as_f64().unwrap(),
        );
        let disc = pixel_at(&timeline, x, y + 12.0);
        assert!(
            close_to(disc, RECOGNISED, 10),
            "marker {} pixel {disc:?}",
            marker["signal_id"]
        );
    }

    // The replayed clip shows film, not a black area, where the film is placed.
    let replay = run.image("replay.png");
    let film = &run.shot("replay.png")["film_rect"];
    let centre_x = (film[0].as_f64().unwrap() + film[2].as_f64().unwrap()) / 2.0;
    let centre_y = (film[1].as_f64().unwrap() + film[3].as_f64().unwrap()) / 2.0;
    let mut brightness = 0u64;
    for dy in -20..=20 {
        for dx in -20..=20 {
            let pixel = pixel_at(&replay, centre_x + dx as f64, centre_y + dy as f64);
            brightness += pixel.iter().map(|&channel| channel as u64).sum::<u64>();
        }
    }
    let mean = brightness / (41 * 41 * 3);
    assert!(mean > 40, "replayed film is dark: mean {mean}");
    let shown = run.shot("replay.png")["displayed_nanos"].as_u64().unwrap();
    let clip_start = signals[1]["clip_start"].as_f64().unwrap();
    let clip_end = signals[1]["clip_end"].as_f64().unwrap();
    let shown = shown as f64 / 1e9;
    assert!(
        (clip_start - 0.1..=clip_end).contains(&shown),
        "replay shows {shown} s, outside the clip {clip_start}-{clip_end}"
    );
}

#[test]
fn inspector_run_recognises_every_signal() {
    let scenario = "toezichthouder";
    let timings = timings(scenario);
    let duration = timings["duration"].as_f64().expect("duration");
    let signals = timings["signals"].as_array().expect("signals").clone();
    let run = run_script(scenario, &pause_in_windows(&signals, duration, ""));
    assert_every_signal_recognised(scenario, &run);
}

#[test]
fn non_signal_pauses_recognise_nothing() {
    for scenario in ["baliemedewerker", "toezichthouder"] {
        let timings = timings(scenario);
        let duration = timings["duration"].as_f64().expect("duration");
        let moments = timings["non_signals"]
            .as_array()
            .expect("non_signals")
            .clone();
        let mut script = pause_in_windows(&moments, duration, "");
        if scenario == "baliemedewerker" {
            script.pop();
            script.push_str("  Screenshot(\"timeline.png\"),\n]");
        }
        let run = run_script(scenario, &script);
        assert_eq!(
            ids(&run.result["recognised"]),
            Vec::<String>::new(),
            "{scenario}: none recognised"
        );
        assert_eq!(
            run.result["false_alarms"].as_array().map(Vec::len),
            Some(moments.len()),
            "{scenario}: each pause is a false alarm"
        );
        assert_eq!(
            ids(&run.result["missed"]).len(),
            timings["signals"].as_array().unwrap().len(),
            "{scenario}: every signal missed"
        );
        if scenario == "baliemedewerker" {
            let timeline = run.image("timeline.png");
            for marker in run.shot("timeline.png")["markers"].as_array().unwrap() {
                assert_eq!(marker["recognised"], false);
                let (x, y) = (
                    marker["centre"][0].as_f64().unwrap(),
                    marker["centre"][1].as_f64().unwrap(),
                );
                let ring = pixel_at(&timeline, x, y + 16.0);
                assert!(close_to(ring, MISSED, 10), "missed ring pixel {ring:?}");
                let hollow = pixel_at(&timeline, x - 9.0, y - 9.0);
                assert!(
                    hollow.iter().all(|&channel| channel < 60),
                    "ring is hollow: {hollow:?}"
                );
            }
        }
    }
}
