//! The kiosk: the idle countdown and reset to the attract screen, run for several sessions
//! in a row with the process's memory, threads and open files checked, and the hidden exit
//! with its PIN lock.

use std::fmt::Write;

use super::{duration, run_mode, share_of_colour};

/// The attract screen's fill (`ATTRACT_FILL` in `src/modes/kiosk/attract.rs`).
const ATTRACT_FILL: [u8; 3] = [0x0d, 0x1b, 0x2a];

/// Sessions the soak test runs; `HERKEN_SOAK_SESSIONS` raises it (200 for the full soak).
fn soak_sessions() -> usize {
    std::env::var("HERKEN_SOAK_SESSIONS")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(3)
        .max(3)
}

/// Adds one learner's session: play to the end, decide, and leave the kiosk alone until
/// it resets. Each later session first touches the attract screen and starts again.
fn session_steps(script: &mut String, first: bool, end: f64) {
    if !first {
        script.push_str("  Tap(640.0, 400.0), WaitForScreen(\"Start\"), Begin,\n");
    }
    writeln!(script, "  SeekTo({:.3}),", end - 1.5).unwrap();
    script.push_str("  Decide(\"discuss-with-coordinator\"),\n");
    if first {
        // The film screen never resets, and the feedback does after the idle time.
        script.push_str("  WaitForScreen(\"Countdown\"), Screenshot(\"countdown.png\"),\n");
        script.push_str("  WaitForScreen(\"Attract\"), Screenshot(\"attract.png\"),\n");
    } else {
        script.push_str("  WaitForScreen(\"Attract\"),\n");
    }
}

#[test]
fn kiosk_resets_after_idle_and_stays_flat() {
    let sessions = soak_sessions();
    let end = duration();
    let mut script = String::from("[\n  Wait(3.0), Screenshot(\"film.png\"),\n");
    for index in 0..sessions {
        session_steps(&mut script, index == 0, end);
        writeln!(script, "  Measure(\"after session {}\"),", index + 1).unwrap();
    }
    script.push(']');

    let run = run_mode(
        &["--kiosk", "--idle-seconds", "2", "--countdown-seconds", "5"],
        r#"(modes: (kiosk: (pin: Some("2468"))))"#,
        &script,
        |_| {},
    );
    run.assert_success();
    let report = run.report();
    let shots = report["screenshots"].as_array().expect("screenshots");
    let screen_of = |name: &str| {
        shots
            .iter()
            .find(|shot| shot["file"] == name)
            .map(|shot| shot["screen"].as_str().unwrap_or_default().to_owned())
    };
    assert_eq!(
        screen_of("film.png").as_deref(),
        Some("Watching"),
        "the playing film must not reset after the 2 s idle time"
    );
    assert_eq!(screen_of("countdown.png").as_deref(), Some("Feedback"));
    assert_eq!(screen_of("attract.png").as_deref(), Some("Start"));

    let attract = run.image("attract.png");
    let fill = share_of_colour(&attract, ATTRACT_FILL, 3);
    assert!(
        fill > 0.8,
        "the attract screen must cover the window, but its fill covers {fill:.2}"
    );
    let countdown = run.image("countdown.png");
    assert!(
        share_of_colour(&countdown, ATTRACT_FILL, 3) < 0.2,
        "the countdown shows over the feedback, not the attract screen"
    );

    let measurements = report["measurements"].as_array().expect("measurements");
    assert_eq!(measurements.len(), sessions);
    let count = |index: usize, field: &str| {
        measurements[index][field]
            .as_u64()
            .unwrap_or_else(|| panic!("{field} in measurement {index}"))
    };
    // The first two sessions warm caches, shaders and thread pools (13 threads after the
    // first, 19 after the second in a run under Xvfb with llvmpipe), so the comparison
    // starts after the second. The margins are estimates for a software renderer.
    let (first, last) = (1, sessions - 1);
    assert!(
        count(last, "threads") <= count(first, "threads") + 4,
        "threads grew from {} to {}",
        count(first, "threads"),
        count(last, "threads")
    );
    assert!(
        count(last, "open_files") <= count(first, "open_files") + 8,
        "open files grew from {} to {}",
        count(first, "open_files"),
        count(last, "open_files")
    );
    let growth_kib = count(last, "rss_kib").saturating_sub(count(first, "rss_kib"));
    let allowed_kib = 48 * 1024 + 4 * 1024 * sessions as u64;
    assert!(
        growth_kib <= allowed_kib,
        "resident memory grew by {growth_kib} KiB over {sessions} sessions"
    );
}

#[test]
fn kiosk_exit_needs_gesture_and_pin() {
    let end = duration();
    let script = format!(
        "[
  SeekTo({:.3}), Decide(\"discuss-with-coordinator\"),
  TapCorner(4), Wait(3.5), TapCorner(1), Wait(0.5),
  Screenshot(\"no-pad.png\"),
  TapCorner(5), WaitForScreen(\"PinPad\"), Screenshot(\"pin-pad.png\"),
  EnterPin(\"1111\"), EnterPin(\"1111\"), EnterPin(\"1111\"),
  EnterPin(\"2468\"), Screenshot(\"locked.png\"),
  Wait(2.5), EnterPin(\"2468\"),
  Wait(30.0),
]",
        end - 1.5
    );
    let run = run_mode(
        &["--kiosk", "--idle-seconds", "600"],
        r#"(modes: (kiosk: (pin: Some("2468"), lock_seconds: 4)))"#,
        &script,
        |_| {},
    );
    run.assert_success();
    let log = run.stderr();
    assert!(
        log.contains("kiosk: the hidden gesture opened the PIN pad"),
        "no gesture in the log:\n{log}"
    );
    assert_eq!(
        log.matches("kiosk: the hidden gesture opened the PIN pad")
            .count(),
        1,
        "four taps, a pause and one more tap must not open the pad:\n{log}"
    );
    assert!(
        log.contains("kiosk: PIN pad locked"),
        "three wrong PINs must lock the pad:\n{log}"
    );
    assert!(
        log.contains("kiosk: left with the PIN"),
        "the right PIN after the lock must close the kiosk:\n{log}"
    );
    assert!(
        !run.out().join("run.json").exists(),
        "the app must close at the PIN, before the script's last Wait"
    );
    let left_before_lock_ended = log.find("kiosk: left with the PIN").expect("left");
    let locked = log.find("kiosk: PIN pad locked").expect("locked");
    assert!(locked < left_before_lock_ended);
    assert!(run.out().join("pin-pad.png").exists());
    assert!(run.out().join("locked.png").exists());
}

#[test]
fn kiosk_abandons_session_left_at_decision() {
    let end = duration();
    let script = format!(
        "[\n  SeekTo({:.3}),\n  WaitForScreen(\"Decision\"),\n  WaitForScreen(\"Attract\"),\n]",
        end - 1.5
    );
    let run = run_mode(
        &["--kiosk", "--idle-seconds", "2", "--countdown-seconds", "2"],
        r#"(modes: (kiosk: (pin: Some("2468"))))"#,
        &script,
        |_| {},
    );
    run.assert_success();

    let sessions = run.folder.path().join("data").join("sessions");
    let journals: Vec<_> = std::fs::read_dir(&sessions)
        .expect("sessions folder")
        .map(|entry| entry.expect("entry").path().join("journal.jsonl"))
        .collect();
    assert_eq!(journals.len(), 1, "one session in {}", sessions.display());
    let text = std::fs::read_to_string(&journals[0]).expect("read journal");
    let last = text.lines().last().expect("journal lines");
    assert!(last.contains("\"abandoned\""), "last line: {last}");
    assert!(
        !text.contains("\"finished\""),
        "no result for an abandoned session"
    );
}
