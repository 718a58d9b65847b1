//! A learner's session survives SIGKILL: in the middle of the film after an answer, and
//! with a question open. Each restart resumes, and the final result has every pause and
//! answer exactly once. The export then lists the session once.

use std::time::Duration;

use serde_json::Value;

use super::{expect_success, herken, journal_text, start_run, wait_until, windows};

const SCENARIO: &str = "baliemedewerker";

fn count(text: &str, event: &str) -> usize {
    text.matches(&format!("\"event\":\"{event}\"")).count()
}

#[test]
fn killed_session_resumes_without_losing_or_doubling() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let data = folder.path().join("data");
    let (windows, duration) = windows(SCENARIO);
    let (first_id, first) = windows[0].clone();
    let (second_id, second) = windows[1].clone();

    // First run: pause in the first window, answer, and let the film play on until killed.
    let script = format!(
        "[SeekTo({:.3}), PauseAt({:.3}), Answer(0), Wait(200)]",
        first + 0.5,
        first + 1.0
    );
    let mut child = start_run(folder.path(), "first", SCENARIO, &script, &[]);
    wait_until(
        Duration::from_secs(120),
        "the first answer in the journal",
        || count(&journal_text(&data), "answered") == 1,
    );
    // Let the film play a little past the answer, so a position is journaled.
    std::thread::sleep(Duration::from_millis(1500));
    child.kill().expect("SIGKILL the first run");
    child.wait().expect("reap the first run");

    // Second run: resume, pause in the second window, and be killed with the question open.
    let script = format!(
        "[SeekTo({:.3}), PauseAt({:.3}), Wait(200)]",
        second + 0.5,
        second + 1.0
    );
    let mut child = start_run(folder.path(), "second", SCENARIO, &script, &["--resume"]);
    wait_until(
        Duration::from_secs(120),
        "the second pause in the journal",
        || count(&journal_text(&data), "paused") == 2,
    );
    child.kill().expect("SIGKILL the second run");
    child.wait().expect("reap the second run");

    // A crash in the middle of a write leaves half a line; it must not stop the resume.
    let sessions: Vec<_> = std::fs::read_dir(data.join("sessions"))
        .expect("sessions folder")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(sessions.len(), 1, "one session folder");
    let journal = sessions[0].path().join("journal.jsonl");
    let mut text = std::fs::read_to_string(&journal).expect("read journal");
    text.push_str("{\"seq\":999,\"at\":\"2025-06-");
    std::fs::write(&journal, text).expect("write half a line");

    // Third run: resume with the question open again, answer it, finish.
    let script = format!(
        "[Answer(0), SeekTo({:.3}), Decide(\"discuss-with-coordinator\")]",
        duration - 1.5
    );
    let child = start_run(folder.path(), "third", SCENARIO, &script, &["--resume"]);
    let output = expect_success(child, "the third run");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("journal.jsonl"),
        "the skipped line is reported with its file:\n{stderr}"
    );

    let result: Value = serde_json::from_str(
        &std::fs::read_to_string(folder.path().join("third/result.json")).expect("result"),
    )
    .expect("result is JSON");
    let pauses = result["pauses"].as_array().expect("pauses");
    assert_eq!(pauses.len(), 2, "each pause once: {pauses:?}");
    let answers = result["answers"].as_array().expect("answers");
    assert_eq!(answers.len(), 2, "each answer once: {answers:?}");
    assert_eq!(answers[0]["pause"], 0);
    assert_eq!(answers[1]["pause"], 1);
    let recognised: Vec<&str> = result["recognised"]
        .as_array()
        .expect("recognised")
        .iter()
        .map(|signal| signal["signal_id"].as_str().expect("id"))
        .collect();
    assert_eq!(recognised, [first_id.as_str(), second_id.as_str()]);
    assert_eq!(result["decision"]["choice_id"], "discuss-with-coordinator");

    // The journal shows both resumes, and the first resume went on after the answer.
    let text = journal_text(&data);
    assert_eq!(count(&text, "resumed"), 2, "two resumes");
    assert_eq!(count(&text, "finished"), 1, "finished once");
    let resumed: Value = text
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .find(|line| line["event"] == "resumed")
        .expect("a resumed line");
    let position = herken::scenario::FilmTime::parse(resumed["film_time"].as_str().unwrap())
        .expect("film time");
    assert!(
        position.as_secs_f64() >= first + 1.0,
        "resumed at {position}, before the first pause"
    );
    let summary = sessions[0].path().join("summary.json");
    assert!(summary.is_file(), "summary written");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&summary).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "summary readable only by the user");
    }

    // The export lists the finished session once, with both signals recognised.
    let csv = folder.path().join("results.csv");
    let output = herken(
        &data,
        &["results", "export", "--csv", csv.to_str().unwrap()],
    )
    .output()
    .expect("run herken results export");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let exported = std::fs::read_to_string(&csv).expect("read CSV");
    let rows: Vec<&str> = exported.lines().collect();
    assert_eq!(rows.len(), 2, "header and one row:\n{exported}");
    assert!(
        rows[1].contains(&format!("{first_id};{second_id}")),
        "{exported}"
    );

    let output = herken(&data, &["results", "summary", "--lang", "en"])
        .output()
        .expect("run herken results summary");
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(printed.contains("1 sessions"), "{printed}");
    assert!(
        printed.contains(first_id.as_str()) && printed.contains("recognised by 1 of 1"),
        "{printed}"
    );
}
