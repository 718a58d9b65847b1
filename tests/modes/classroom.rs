//! The classroom: the presenter remote pauses the film and pages through the screens
//! after it, the trainer records the group's answer, and the feedback timeline shows a
//! heat strip of where earlier self-study learners paused.

use std::path::Path;

use serde_json::{Value, json};

use super::{duration, run_mode, share_of_colour, timings};

/// The heat strip's colour where every earlier learner paused (`HEAT_HOT` in
/// `src/modes/classroom/timeline.rs`).
const HEAT_HOT: [u8; 3] = [0xff, 0x6a, 0x2a];

/// Writes the summary of a finished self-study session that paused at `pause_seconds`.
fn write_summary(data: &Path, index: usize, pause_seconds: f64) {
    let session_id = format!("00000000-0000-4000-8000-{index:012}");
    let folder = data.join("sessions").join(&session_id);
    std::fs::create_dir_all(&folder).expect("session folder");
    let summary = json!({
        "session_id": session_id,
        "scenario_id": "baliemedewerker-inschrijving",
        "started_at": "2026-01-05T09:00:00Z",
        "finished_at": "2026-01-05T09:20:00Z",
        "active_seconds": 1200.0,
        "resumes": 0,
        "result": {
            "scenario_id": "baliemedewerker-inschrijving",
            "mode": "Exam",
            "recognised": [],
            "missed": [],
            "false_alarms": [],
            "pauses": [{
                "id": 0,
                "time": pause_seconds,
                "origin": "Learner",
                "judgement": "FalseAlarm",
            }],
            "answers": [],
            "decision": null,
            "decision_justified": false,
            "earliness_total": 0,
            "earliness_max": 20,
            "guessing_detected": false,
            "guessing": null,
            "feedback": null,
            "completed_combinations": [],
        },
    });
    let text = serde_json::to_string_pretty(&summary).expect("summary JSON");
    std::fs::write(folder.join("summary.json"), text).expect("write summary");
}

#[test]
fn classroom_remote_and_group_timeline() {
    let first_window = &timings()["signals"][0];
    let start = first_window["start"].as_f64().expect("window start");
    let end = duration();
    let script = format!(
        "[
  SeekTo({:.3}), Wait(1.0),
  Key(\"PageDown\"), Wait(1.0),
  Screenshot(\"question.png\"),
  Answer(0),
  SeekTo({:.3}), Decide(\"discuss-with-coordinator\"),
  Screenshot(\"timeline.png\"),
  Key(\"PageDown\"), WaitForScreen(\"HowToAct\"),
  Key(\"PageUp\"), WaitForScreen(\"Feedback\"),
]",
        start + 0.5,
        end - 1.5
    );
    // Three earlier learners all paused two seconds into the first signal.
    let run = run_mode(&["--classroom"], "()", &script, |data| {
        for index in 0..3 {
            write_summary(data, index, start + 2.0);
        }
    });
    run.assert_success();

    let result: Value = serde_json::from_str(
        &std::fs::read_to_string(run.out().join("result.json")).expect("read result.json"),
    )
    .expect("result.json is JSON");
    let pauses = result["pauses"].as_array().expect("pauses");
    assert_eq!(pauses.len(), 1, "Page Down pauses once: {pauses:?}");
    assert_eq!(pauses[0]["origin"], "Learner");
    let recognised = result["recognised"].as_array().expect("recognised");
    assert_eq!(
        recognised.len(),
        1,
        "the remote's pause in the first window recognises its signal"
    );
    let answers = result["answers"].as_array().expect("answers");
    assert_eq!(answers.len(), 1, "the group's answer is recorded");
    assert_eq!(answers[0]["choice"], 0);

    let report = run.report();
    let question = report["screenshots"]
        .as_array()
        .expect("screenshots")
        .iter()
        .find(|shot| shot["file"] == "question.png")
        .expect("question.png in run.json");
    let panel = question["question_panel"]
        .as_array()
        .expect("the question is open after Page Down");
    let width = panel[2].as_f64().unwrap_or_default() - panel[0].as_f64().unwrap_or_default();
    let image = run.image("question.png");
    assert!(
        width > 0.55 * f64::from(image.width()),
        "the question panel is {width} px wide on a {} px screen",
        image.width()
    );

    // One of the strip's 60 stretches along 92 % of the width, 12 pixels high, is hot.
    let timeline = run.image("timeline.png");
    let (width, height) = (f64::from(timeline.width()), f64::from(timeline.height()));
    let hot_pixels = share_of_colour(&timeline, HEAT_HOT, 12) * width * height;
    let cell_pixels = width * 0.92 / 60.0 * 12.0;
    assert!(
        hot_pixels > 0.7 * cell_pixels,
        "the heat strip must show where the earlier learners paused: {hot_pixels:.0} hot \
         pixels, expected about {cell_pixels:.0}"
    );
    assert!(
        hot_pixels < 3.0 * cell_pixels,
        "only the stretch where the earlier learners paused is hot: {hot_pixels:.0} pixels"
    );
    let log = run.stderr();
    assert!(
        log.contains("classroom: 3 finished sessions for the heat strip"),
        "{log}"
    );
}
