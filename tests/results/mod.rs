//! Durable results: a scripted run killed with SIGKILL and resumed, trainer exports, and
//! xAPI statements sent to a real Ralph LRS.

mod resume_after_kill;
mod xapi_ralph;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::display::display;

pub fn scenario_folder(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name)
}

/// Returns the start of each signal window of a demo scenario, and the film's duration.
pub fn windows(name: &str) -> (Vec<(String, f64)>, f64) {
    let text = std::fs::read_to_string(scenario_folder(name).join("timings.json"))
        .expect("read timings.json");
    let timings: Value = serde_json::from_str(&text).expect("timings.json is JSON");
    let windows = timings["signals"]
        .as_array()
        .expect("signals")
        .iter()
        .map(|signal| {
            (
                signal["id"].as_str().expect("id").to_owned(),
                signal["start"].as_f64().expect("start"),
            )
        })
        .collect();
    (windows, timings["duration"].as_f64().expect("duration"))
}

/// Builds a `herken` command with a virtual display and the data folder `data`.
pub fn herken(data: &Path, args: &[&str]) -> Command {
    let runtime = data.with_extension("runtime");
    std::fs::create_dir_all(&runtime).expect("runtime folder");
    let mut command = Command::new(env!("CARGO_BIN_EXE_herken"));
    command
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .env("DISPLAY", display())
        .env("XDG_RUNTIME_DIR", &runtime)
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("HERKEN_SETTINGS");
    command
}

/// Starts `herken run` on `scenario` with `script`; `extra` adds options.
pub fn start_run(folder: &Path, name: &str, scenario: &str, script: &str, extra: &[&str]) -> Child {
    let script_path = folder.join(format!("{name}.ron"));
    std::fs::write(&script_path, script).expect("write script");
    let out = folder.join(name);
    let scenario = scenario_folder(scenario);
    let mut args = vec![
        "run",
        scenario.to_str().expect("UTF-8 path"),
        "--script",
        script_path.to_str().expect("UTF-8 path"),
        "--out",
        out.to_str().expect("UTF-8 path"),
        "--time-limit",
        "240",
    ];
    args.extend_from_slice(extra);
    herken(&folder.join("data"), &args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start herken run")
}

/// Waits for a run to end and checks that it succeeded.
pub fn expect_success(child: Child, what: &str) -> Output {
    let output = child.wait_with_output().expect("wait for herken run");
    assert!(
        output.status.success(),
        "{what} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Returns the text of the only session journal under `data`.
pub fn journal_text(data: &Path) -> String {
    let sessions = data.join("sessions");
    let Ok(entries) = std::fs::read_dir(&sessions) else {
        return String::new();
    };
    entries
        .filter_map(Result::ok)
        .map(|entry| {
            std::fs::read_to_string(entry.path().join("journal.jsonl")).unwrap_or_default()
        })
        .collect()
}

/// Polls `condition` every 100 ms until it holds, or fails after `limit`.
pub fn wait_until(limit: Duration, what: &str, mut condition: impl FnMut() -> bool) {
    let start = Instant::now();
    while !condition() {
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}
