//! The bundled demo scenarios: valid under `herken check`, and films that play to the end
//! through the engine, with the length their timings were made for.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::film::decode_all;

const SCENARIOS: [&str; 2] = ["baliemedewerker", "toezichthouder"];

fn scenario_folder(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name)
}

fn timed_duration(name: &str) -> f64 {
    let text = std::fs::read_to_string(scenario_folder(name).join("timings.json"))
        .expect("read timings.json");
    let timings: serde_json::Value = serde_json::from_str(&text).expect("timings are JSON");
    timings["duration"]
        .as_f64()
        .expect("timings state the film's duration")
}

#[test]
fn bundled_scenarios_pass_the_check() {
    let output = Command::new(env!("CARGO_BIN_EXE_herken"))
        .arg("check")
        .args(SCENARIOS.map(scenario_folder))
        .output()
        .expect("run herken check");
    assert!(
        output.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn demo_films_play_to_the_end() {
    for name in SCENARIOS {
        let frames = decode_all(&scenario_folder(name).join("film.webm"));
        let duration = timed_duration(name);
        let expected = (duration * 25.0).round() as usize;
        assert!(
            frames.len().abs_diff(expected) <= 2,
            "{name}: {} frames, {expected} expected for {duration} s at 25 fps",
            frames.len()
        );
        let (last_time, width, height) = *frames.last().expect("frames");
        assert_eq!((width, height), (1280, 720), "{name}: 720p");
        let last_seconds = last_time as f64 / 1e9;
        assert!(
            duration - last_seconds < 0.1,
            "{name}: last frame at {last_seconds} s"
        );
    }
}
