//! The `herken probe` and `herken bench` commands as an author runs them.

use std::path::Path;
use std::process::{Command, Output};

use crate::support::fixtures;

fn herken(args: &[&str], film: &Path, environment: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_herken"))
        .args(args)
        .arg(film)
        .envs(environment.iter().copied())
        .env_remove("HERKEN_LANG")
        .output()
        .expect("run herken")
}

#[test]
fn probe_prints_one_json_object() {
    let output = herken(&["probe"], &fixtures::pal_wide(), &[]);
    assert!(output.status.success());
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["width"], 720);
    assert_eq!(report["display_width"], 1024);
    assert_eq!(report["display_height"], 576);
    assert_eq!(report["has_audio"], false);
    assert!(report["problems"].is_array());
    for field in ["duration", "height", "framerate", "video_codec"] {
        assert!(report.get(field).is_some(), "field {field} present");
    }
}

#[test]
fn probe_rejects_text_file() {
    let output = herken(&["probe"], &fixtures::text_named_mp4(), &[]);
    assert_eq!(output.status.code(), Some(1));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("geen film"), "{message}");
    assert!(output.stdout.is_empty(), "no JSON for an unplayable file");
}

#[test]
fn probe_names_missing_decoder_and_package() {
    let hide_decoders = [(
        "GST_PLUGIN_FEATURE_RANK",
        "avdec_h264:NONE,openh264dec:NONE",
    )];
    let output = herken(
        &["--lang", "en", "probe"],
        &fixtures::h264_1918x1080(),
        &hide_decoders,
    );
    assert_eq!(output.status.code(), Some(1));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("H.264"), "{message}");
    assert!(message.contains("gstreamer1.0-libav"), "{message}");
}

#[test]
fn bench_prints_both_runs_and_the_ratio() {
    let output = herken(&["bench"], &fixtures::vp9_321x241(), &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("herken:"), "{text}");
    assert!(text.contains("gst-launch-1.0 decode only:"), "{text}");
    assert!(text.contains("frames: 50"), "all 50 frames decoded: {text}");
    let ratio_line = text.lines().last().expect("a last line");
    let ratio: f64 = ratio_line
        .strip_prefix("cpu_ratio: ")
        .expect("last line is the ratio")
        .parse()
        .expect("a number");
    assert!(ratio > 0.0, "{ratio}");
}
