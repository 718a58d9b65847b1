//! xAPI against a real LRS: Ralph (`ralph-malph` from PyPI, file-system backend), installed
//! by `scripts/install-ralph.sh` into a virtual environment outside the repository and
//! served on a free port of 127.0.0.1. The tests fail, not skip, when Ralph cannot start.

use std::collections::HashSet;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use super::{expect_success, start_run, wait_until, windows};

const SCENARIO: &str = "baliemedewerker";
const USER: &str = "herken";
const PASSWORD: &str = "test-secret";

/// Returns the `ralph` command, installing it on first use.
fn ralph_command() -> PathBuf {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/install-ralph.sh");
    let output = Command::new(&script)
        .output()
        .expect("run scripts/install-ralph.sh");
    assert!(
        output.status.success(),
        "installing Ralph failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    PathBuf::from(stdout.lines().last().expect("the ralph path").trim())
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("local address").port()
}

/// A Ralph LRS serving on 127.0.0.1; stopped when dropped.
struct Ralph {
    child: Option<Child>,
    port: u16,
    app_dir: PathBuf,
    statements_dir: PathBuf,
}

impl Ralph {
    /// Writes Ralph's credentials for a server on `port`, without starting it.
    fn prepare(folder: &Path, port: u16) -> Ralph {
        let ralph = ralph_command();
        let app_dir = folder.join("ralph-app");
        let statements_dir = folder.join("ralph-statements");
        std::fs::create_dir_all(&app_dir).expect("Ralph app folder");
        std::fs::create_dir_all(&statements_dir).expect("Ralph statements folder");
        let output = Command::new(&ralph)
            .args(["auth", "-u", USER, "-p", PASSWORD, "-s", "all"])
            .args(["-M", "mailto:tests@herken.nl", "-w"])
            .env("RALPH_APP_DIR", &app_dir)
            .env("RALPH_RUNSERVER_BACKEND", "fs")
            .output()
            .expect("run ralph auth");
        assert!(
            output.status.success(),
            "ralph auth failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        Ralph {
            child: None,
            port,
            app_dir,
            statements_dir,
        }
    }

    fn start(&mut self) {
        let python = ralph_command().with_file_name("python");
        let launcher = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/ralph-lrs.py");
        let child = Command::new(python)
            .arg(launcher)
            .arg(self.port.to_string())
            .arg(&self.statements_dir)
            .env("RALPH_APP_DIR", &self.app_dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start Ralph");
        self.child = Some(child);
        wait_until(Duration::from_secs(60), "Ralph to answer", || {
            self.get("statements?limit=1").is_some()
        });
    }

    fn get(&self, path: &str) -> Option<Value> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(10)))
            .build()
            .into();
        use base64::Engine;
        let credentials =
            base64::engine::general_purpose::STANDARD.encode(format!("{USER}:{PASSWORD}"));
        let mut response = agent
            .get(format!("http://127.0.0.1:{}/xAPI/{path}", self.port))
            .header("Authorization", format!("Basic {credentials}"))
            .header("X-Experience-API-Version", "1.0.3")
            .call()
            .ok()?;
        serde_json::from_str(&response.body_mut().read_to_string().ok()?).ok()
    }

    /// Returns every statement of the session `registration`.
    fn statements(&self, registration: &str) -> Vec<Value> {
        let page = self
            .get(&format!(
                "statements?registration={registration}&limit=1000"
            ))
            .expect("read statements from Ralph");
        page["statements"].as_array().expect("statements").clone()
    }

    fn settings(&self, folder: &Path) -> PathBuf {
        let path = folder.join("settings.ron");
        let text = format!(
            "(lrs: Some((endpoint: \"http://127.0.0.1:{}/xAPI/\", key: \"{USER}\", secret: \"{PASSWORD}\")))",
            self.port
        );
        std::fs::write(&path, text).expect("write settings");
        path
    }
}

impl Drop for Ralph {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn session_id(data: &Path) -> String {
    let entry = std::fs::read_dir(data.join("sessions"))
        .expect("sessions folder")
        .filter_map(Result::ok)
        .next()
        .expect("a session folder");
    entry.file_name().to_string_lossy().into_owned()
}

fn verbs(statements: &[Value]) -> Vec<String> {
    statements
        .iter()
        .map(|statement| {
            let id = statement["verb"]["id"].as_str().expect("verb id");
            id.rsplit('/').next().unwrap_or(id).to_owned()
        })
        .collect()
}

fn script_with_two_answers() -> String {
    let (windows, duration) = windows(SCENARIO);
    let (_, first) = windows[0];
    let (_, second) = windows[1];
    format!(
        "[SeekTo({:.3}), PauseAt({:.3}), Answer(0), SeekTo({:.3}), PauseAt({:.3}), Answer(1), \
         SeekTo({:.3}), Decide(\"discuss-with-coordinator\")]",
        first + 0.5,
        first + 1.0,
        second + 0.5,
        second + 1.0,
        duration - 1.5
    )
}

/// Checks a finished session's statements: every verb, film times, responses and ids.
fn assert_complete(statements: &[Value], registration: &str) {
    let verbs = verbs(statements);
    for verb in [
        "initialized",
        "played",
        "paused",
        "seeked",
        "completed",
        "terminated",
        "answered",
    ] {
        assert!(verbs.iter().any(|v| v == verb), "no {verb} in {verbs:?}");
    }
    assert!(
        verbs.iter().any(|v| v == "passed" || v == "failed"),
        "no passed or failed in {verbs:?}"
    );
    let ids: HashSet<&str> = statements
        .iter()
        .map(|statement| statement["id"].as_str().expect("statement id"))
        .collect();
    assert_eq!(ids.len(), statements.len(), "statement ids are unique");

    let paused: Vec<&Value> = statements
        .iter()
        .filter(|statement| {
            statement["verb"]["id"]
                .as_str()
                .unwrap()
                .ends_with("/paused")
        })
        .collect();
    assert_eq!(paused.len(), 2, "one paused statement per pause");
    for statement in &paused {
        let time =
            &statement["result"]["extensions"]["https://w3id.org/xapi/video/extensions/time"];
        assert!(time.as_f64().is_some_and(|t| t > 60.0), "film time {time}");
    }

    // Two answers during the film, the same two with success after it, and the decision.
    let answered: Vec<&Value> = statements
        .iter()
        .filter(|statement| {
            statement["verb"]["id"]
                .as_str()
                .unwrap()
                .ends_with("/answered")
        })
        .collect();
    assert_eq!(answered.len(), 5, "answered statements: {answered:?}");
    let judged = answered
        .iter()
        .filter(|statement| statement["result"]["success"].is_boolean())
        .count();
    assert_eq!(
        judged, 3,
        "success after the film for both answers and the decision"
    );
    for statement in &answered {
        assert!(statement["result"]["response"].is_string(), "{statement}");
    }

    let module: Vec<&Value> = statements
        .iter()
        .filter(|statement| {
            statement["object"]["definition"]["type"]
                == "http://adlnet.gov/expapi/activities/module"
        })
        .collect();
    assert_eq!(
        module.len(),
        2,
        "completed and passed or failed for the module"
    );
    for statement in module {
        let score = &statement["result"]["score"];
        assert_eq!(score["raw"], 2, "two signals recognised: {score}");
        assert_eq!(score["max"], 8, "{score}");
    }

    for statement in statements {
        assert_eq!(statement["context"]["registration"], registration);
        assert!(
            statement["actor"]["mbox"].is_null(),
            "no e-mail address without a learner identifier: {statement}"
        );
    }
}

#[test]
fn scripted_session_reaches_ralph_complete() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let mut ralph = Ralph::prepare(folder.path(), free_port());
    ralph.start();
    let settings = ralph.settings(folder.path());
    let settings = settings.to_str().expect("UTF-8 path");

    let child = start_run(
        folder.path(),
        "run",
        SCENARIO,
        &script_with_two_answers(),
        &["--settings", settings],
    );
    expect_success(child, "the scripted run");

    let data = folder.path().join("data");
    let registration = session_id(&data);
    let statements = ralph.statements(&registration);
    assert_complete(&statements, &registration);
    let left = std::fs::read_dir(data.join("outbox"))
        .expect("outbox")
        .count();
    assert_eq!(left, 0, "the outbox is empty after sending");

    // Sending the same statements again stores nothing twice.
    let journal = data
        .join("sessions")
        .join(&registration)
        .join("journal.jsonl");
    assert!(journal.is_file());
    let again = super::herken(&data, &["results", "send", "--settings", settings])
        .output()
        .expect("run herken results send");
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(ralph.statements(&registration).len(), statements.len());
}

#[test]
fn outbox_waits_for_ralph_to_start() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let mut ralph = Ralph::prepare(folder.path(), free_port());
    let settings = ralph.settings(folder.path());
    let settings = settings.to_str().expect("UTF-8 path");

    // The session runs while the LRS is down; the film is not held up.
    let mut script = script_with_two_answers();
    script.pop();
    script.push_str(", Wait(40)]");
    let child = start_run(
        folder.path(),
        "run",
        SCENARIO,
        &script,
        &["--settings", settings],
    );
    let data = folder.path().join("data");
    let outbox = data.join("outbox");
    wait_until(
        Duration::from_secs(120),
        "the finished session's statements in the outbox",
        || {
            data.join("sessions")
                .read_dir()
                .ok()
                .and_then(|mut entries| entries.next())
                .and_then(Result::ok)
                .is_some_and(|entry| entry.path().join("summary.json").is_file())
        },
    );
    // More statements may still join the outbox after the summary, such as the one for the
    // end of the session, so the check is on these ids and not on a count.
    let queued = queued_statement_ids(&outbox);
    assert!(
        queued.len() > 10,
        "statements wait in the outbox: {}",
        queued.len()
    );

    // Ralph starts later; the sender's next try delivers everything before the run ends.
    ralph.start();
    let registration = session_id(&data);
    wait_until(Duration::from_secs(45), "the outbox to be sent", || {
        std::fs::read_dir(&outbox)
            .map(|entries| entries.count())
            .unwrap_or(1)
            == 0
    });
    expect_success(child, "the scripted run");
    let statements = ralph.statements(&registration);
    let stored: HashSet<&str> = statements
        .iter()
        .map(|statement| statement["id"].as_str().expect("statement id"))
        .collect();
    for id in &queued {
        assert!(
            stored.contains(id.as_str()),
            "queued statement {id} was stored"
        );
    }
    // assert_complete also checks that no statement was stored twice.
    assert_complete(&statements, &registration);
}

/// Returns the statement ids in the outbox; files are named `{stamp}-{statement id}.json`.
fn queued_statement_ids(outbox: &Path) -> Vec<String> {
    std::fs::read_dir(outbox)
        .expect("outbox")
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let stem = name.strip_suffix(".json")?;
            let start = stem.len().checked_sub(36)?;
            Some(stem[start..].to_owned())
        })
        .collect()
}
