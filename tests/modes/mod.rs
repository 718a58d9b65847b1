//! `herken run --kiosk` and `--classroom` on the bundled front-desk scenario under Xvfb:
//! idle resets, the hidden exit with its PIN lock, presenter-remote keys and the group
//! timeline with its heat strip.

mod classroom;
mod kiosk;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

use crate::support::display::display;

/// The bundled scenario every test here drives.
const SCENARIO: &str = "baliemedewerker";

fn scenario_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(SCENARIO)
}

/// Reads `timings.json` of the scenario: its signal windows and the film's duration.
fn timings() -> Value {
    let path = scenario_folder().join("timings.json");
    let text = std::fs::read_to_string(&path).expect("read timings.json");
    serde_json::from_str(&text).expect("timings.json is JSON")
}

/// Returns the film's duration in seconds.
fn duration() -> f64 {
    timings()["duration"].as_f64().expect("duration")
}

/// A finished `herken run`, with its folder kept for the outputs.
struct ModeRun {
    folder: tempfile::TempDir,
    output: Output,
}

impl ModeRun {
    fn out(&self) -> PathBuf {
        self.folder.path().join("out")
    }

    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    fn assert_success(&self) {
        assert!(
            self.output.status.success(),
            "herken run failed:\n{}",
            self.stderr()
        );
    }

    fn report(&self) -> Value {
        let text = std::fs::read_to_string(self.out().join("run.json")).expect("read run.json");
        serde_json::from_str(&text).expect("run.json is JSON")
    }

    fn image(&self, name: &str) -> image::RgbImage {
        image::open(self.out().join(name))
            .expect("open screenshot")
            .to_rgb8()
    }
}

/// Runs the scenario with `script`, the settings file text `settings` and the extra
/// arguments, in a fresh data folder that `prepare` may fill first.
fn run_mode(args: &[&str], settings: &str, script: &str, prepare: impl FnOnce(&Path)) -> ModeRun {
    let folder = tempfile::tempdir().expect("temporary folder");
    let script_path = folder.path().join("script.ron");
    std::fs::write(&script_path, script).expect("write script");
    let settings_path = folder.path().join("settings.ron");
    std::fs::write(&settings_path, settings).expect("write settings");
    let data = folder.path().join("data");
    std::fs::create_dir_all(&data).expect("data folder");
    prepare(&data);
    let runtime = folder.path().join("runtime");
    std::fs::create_dir_all(&runtime).expect("runtime folder");
    let output = Command::new(env!("CARGO_BIN_EXE_herken"))
        .arg("run")
        .arg(scenario_folder())
        .arg("--script")
        .arg(&script_path)
        .arg("--out")
        .arg(folder.path().join("out"))
        .args(["--time-limit", "900"])
        .arg("--data-dir")
        .arg(&data)
        .arg("--settings")
        .arg(&settings_path)
        .args(args)
        .env("DISPLAY", display())
        .env("XDG_RUNTIME_DIR", &runtime)
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run herken run");
    ModeRun { folder, output }
}

/// Returns the share of pixels in `image` within `tolerance` of `colour` per channel.
fn share_of_colour(image: &image::RgbImage, colour: [u8; 3], tolerance: i32) -> f64 {
    let matching = image
        .pixels()
        .filter(|pixel| {
            pixel
                .0
                .iter()
                .zip(colour)
                .all(|(got, want)| (i32::from(*got) - i32::from(want)).abs() <= tolerance)
        })
        .count();
    matching as f64 / (image.width() * image.height()) as f64
}
