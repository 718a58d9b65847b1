//! Scripted runs (`herken run`): a list of timed learner actions drives the real app, and
//! the result and screenshots are written to a folder. See `docs/scripted-runs.md`.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};
use serde::{Deserialize, Serialize};

use super::question::QuestionPanel;
use super::session::{Session, SessionStarter};
use super::timeline::{marker_time, timeline_point};
use super::{LearnerAction, Screen, Scripted};
use crate::AppSystems;
use crate::modes::script::{ModeDriver, ModeProgress, ProcessCounts, process_counts};
use crate::results::{Restored, SessionEvent};
use crate::scenario::{FilmTime, LoadedScenario};
use crate::video::FilmPlayer;

/// Rendered frames to wait before a screenshot, so the last change has reached the window.
const SETTLE_FRAMES: u32 = 8;

/// Time to wait before a screenshot. The first draw of the film waits for its shader to
/// compile, which on a software renderer takes longer than [`SETTLE_FRAMES`].
const SETTLE_TIME: Duration = Duration::from_secs(3);

/// How far before the target a seek may land and still count as done: one frame of a
/// slow film.
const SEEK_TOLERANCE: FilmTime = FilmTime::from_millis(100);

/// One learner action, or an authoring aid, in a script.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub enum ScriptStep {
    /// Seek the film to this time (script only: learners cannot seek forward).
    SeekTo(FilmTime),
    /// Pause as the learner would once the frame on screen reaches this time.
    PauseAt(FilmTime),
    /// Choose this answer (counting from 0) to the open follow-up question.
    Answer(usize),
    /// Wait for the film to end, then make the decision with this id.
    Decide(String),
    /// Open this signal's marker (counting from 0) on the feedback timeline.
    OpenMarker(usize),
    /// Save a screenshot under this file name in the output folder.
    Screenshot(String),
    /// Wait this many seconds of real time.
    Wait(f32),
    /// Go from the feedback to the "how to act" screen.
    HowToAct,
    /// Touch the window at `(x, y)`, in logical pixels from the top left corner.
    Tap(f32, f32),
    /// Tap the kiosk's exit corner (top right) this many times, quickly.
    TapCorner(u32),
    /// Press and release a key by its name, such as `"PageDown"` or `"KeyB"`.
    Key(String),
    /// Enter these digits on the kiosk's open PIN pad and press OK.
    EnterPin(String),
    /// Wait until this screen shows: a journey screen (`"Feedback"`) or a kiosk overlay
    /// (`"Attract"`, `"Countdown"`, `"PinPad"`).
    WaitForScreen(String),
    /// Start the scenario again from the start screen, as after a kiosk reset.
    Begin,
    /// Record this process's memory, threads and open files in `run.json` under a label.
    Measure(String),
}

/// A script with the scenario it drives and where its output goes.
#[derive(Clone)]
pub struct RunScript {
    /// The scenario, already checked.
    pub scenario: LoadedScenario,
    /// The steps, in order.
    pub steps: Vec<ScriptStep>,
    /// The folder for `result.json`, `run.json` and the screenshots.
    pub out: PathBuf,
    /// The run fails when the script has not finished by then.
    pub time_limit: Duration,
    /// An unfinished session of this scenario to go on with, and its journal file.
    pub resume: Option<(Restored, PathBuf)>,
}

/// The reason a script cannot run.
#[derive(Debug, thiserror::Error)]
pub enum ScriptError {
    /// The file could not be read.
    #[error("cannot read script {path}: {source}")]
    Read {
        /// The script file.
        path: PathBuf,
        /// The reason.
        source: std::io::Error,
    },
    /// The file is not a RON list of steps.
    #[error("script {path} is invalid: {message}")]
    Parse {
        /// The script file.
        path: PathBuf,
        /// The parser's message, with line and column.
        message: String,
    },
    /// A screenshot name is not a plain `.png` file name.
    #[error(
        "screenshot name {name:?} in {path} must be a file name ending in .png, without folders"
    )]
    ScreenshotName {
        /// The script file.
        path: PathBuf,
        /// The name given.
        name: String,
    },
}

/// Reads a script: a RON list of [`ScriptStep`]s.
pub fn parse_script(path: &Path) -> Result<Vec<ScriptStep>, ScriptError> {
    let text = std::fs::read_to_string(path).map_err(|source| ScriptError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let steps: Vec<ScriptStep> = ron::from_str(&text).map_err(|error| ScriptError::Parse {
        path: path.to_path_buf(),
        message: error.to_string(),
    })?;
    for step in &steps {
        if let ScriptStep::Key(name) = step
            && !crate::modes::script::is_known_key(name)
        {
            return Err(ScriptError::Parse {
                path: path.to_path_buf(),
                message: format!("Key({name:?}) is not a key herken can press"),
            });
        }
        if let ScriptStep::Screenshot(name) = step {
            let plain = Path::new(name)
                .file_name()
                .is_some_and(|file| file == name.as_str());
            if !plain || !name.ends_with(".png") {
                return Err(ScriptError::ScreenshotName {
                    path: path.to_path_buf(),
                    name: name.clone(),
                });
            }
        }
    }
    Ok(steps)
}

/// The contents and layout of one screenshot, for tests that check pixels at the right places. Rectangles
/// are `[left, top, right, bottom]` and points `[x, y]`, in physical window pixels.
#[derive(Serialize, Debug, Clone)]
struct ShotReport {
    file: String,
    screen: Screen,
    displayed_nanos: Option<u64>,
    film_rect: Option<[f32; 4]>,
    question_panel: Option<[f32; 4]>,
    markers: Vec<MarkerReport>,
}

#[derive(Serialize, Debug, Clone)]
struct MarkerReport {
    signal_id: String,
    recognised: bool,
    centre: [f32; 2],
}

#[derive(Serialize, Default)]
struct RunReport {
    screenshots: Vec<ShotReport>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    measurements: Vec<Measurement>,
}

/// The process's counts at a `Measure` step.
#[derive(Serialize, Debug, Clone)]
struct Measurement {
    label: String,
    #[serde(flatten)]
    counts: ProcessCounts,
}

/// The script's progress.
#[derive(Resource)]
struct Runner {
    script: RunScript,
    started: Instant,
    begun: bool,
    next: usize,
    step_started: Instant,
    step_frames: u32,
    step_sent: bool,
    /// Set by the screenshot observer: `Some(Ok)` once saved.
    screenshot: ScreenshotSlot,
    report: RunReport,
}

pub(super) fn add_script(app: &mut App, script: RunScript) {
    app.insert_resource(Scripted);
    app.insert_resource(Runner {
        script,
        started: Instant::now(),
        begun: false,
        next: 0,
        step_started: Instant::now(),
        step_frames: 0,
        step_sent: false,
        screenshot: Arc::new(Mutex::new(None)),
        report: RunReport::default(),
    });
    app.add_systems(
        Update,
        (begin_run, run_step).chain().in_set(AppSystems::Input),
    );
}

/// Opens the scenario's film and goes straight to the film screen.
fn begin_run(
    mut runner: ResMut<Runner>,
    mut starter: SessionStarter,
    settings: Res<crate::Settings>,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
) {
    if runner.begun {
        return;
    }
    runner.begun = true;
    let scenario = runner.script.scenario.clone();
    let started = match runner.script.resume.take() {
        Some((restored, journal)) => {
            let screen = if restored.film_ended {
                Screen::Decision
            } else {
                Screen::Watching
            };
            starter
                .resume(scenario, settings.language, restored, journal)
                .map(|()| screen)
        }
        None => starter
            .begin(scenario, settings.language)
            .map(|()| Screen::Watching),
    };
    match started {
        Ok(screen) => next.set(screen),
        Err(message) => fail(&mut exit, &message),
    }
}

fn fail(exit: &mut MessageWriter<AppExit>, message: &str) {
    error!("scripted run failed: {message}");
    eprintln!("herken run: {message}");
    exit.write(AppExit::error());
}

/// The outcome of checking a step: wait, go on, or stop the run.
enum Progress {
    Wait,
    Done,
    Failed(String),
}

#[allow(clippy::too_many_arguments)]
fn run_step(
    mut commands: Commands,
    mut runner: ResMut<Runner>,
    session: Option<Res<Session>>,
    screen: Res<State<Screen>>,
    mut next_screen: ResMut<NextState<Screen>>,
    mut players: Query<&mut FilmPlayer>,
    transforms: Query<&Transform>,
    windows: Query<&Window>,
    question_panel: Res<QuestionPanel>,
    mut actions: MessageWriter<LearnerAction>,
    mut events: MessageWriter<SessionEvent>,
    mut exit: MessageWriter<AppExit>,
    mut modes: ModeDriver,
) {
    if runner.started.elapsed() > runner.script.time_limit {
        let message = format!(
            "the script did not finish within {} s; it stopped at step {} ({:?})",
            runner.script.time_limit.as_secs(),
            runner.next + 1,
            runner.script.steps.get(runner.next)
        );
        runner.next = usize::MAX;
        fail(&mut exit, &message);
        return;
    }
    if runner.next == usize::MAX {
        return;
    }
    if let Some(step) = runner.script.steps.get(runner.next).cloned() {
        let frame = runner.step_frames + 1;
        let progress = run_sessionless_step(
            &mut commands,
            &mut runner,
            &step,
            frame,
            session.is_some(),
            *screen.get(),
            &mut modes,
        );
        if let Some(progress) = progress {
            runner.step_frames = frame;
            advance(&mut runner, &step, progress, &mut exit);
            return;
        }
    }
    let Some(session) = session else {
        if runner.next >= runner.script.steps.len() && runner.begun {
            runner.next = usize::MAX;
            match finish_run(&runner, None) {
                Ok(()) => {
                    exit.write(AppExit::Success);
                }
                Err(message) => fail(&mut exit, &message),
            }
        }
        return;
    };
    let Some(step) = runner.script.steps.get(runner.next).cloned() else {
        runner.next = usize::MAX;
        match finish_run(&runner, Some(&session)) {
            Ok(()) => {
                exit.write(AppExit::Success);
            }
            Err(message) => fail(&mut exit, &message),
        }
        return;
    };
    let Ok(mut player) = players.get_mut(session.player) else {
        return;
    };
    runner.step_frames += 1;
    let screen = *screen.get();
    let sent = runner.step_sent;

    let progress = match &step {
        ScriptStep::SeekTo(_) | ScriptStep::PauseAt(_) if screen == Screen::Start => Progress::Wait,
        ScriptStep::SeekTo(target) => {
            if screen != Screen::Watching || session.question.is_some() {
                Progress::Failed(format!("SeekTo({target}) needs the playing film"))
            } else if !sent {
                if let Some(from) = player.displayed_time() {
                    player.seek(*target);
                    events.write(SessionEvent::Seeked { from, to: *target });
                    runner.step_sent = true;
                }
                Progress::Wait
            } else if player.displayed_time().is_some_and(|shown| {
                shown.saturating_add(SEEK_TOLERANCE) >= *target
                    && shown <= target.saturating_add(FilmTime::from_secs(2))
            }) {
                Progress::Done
            } else {
                Progress::Wait
            }
        }
        ScriptStep::PauseAt(target) => {
            if screen != Screen::Watching {
                Progress::Failed(format!("PauseAt({target}) needs the film screen"))
            } else if session.question.is_some() {
                if sent {
                    Progress::Done
                } else {
                    Progress::Failed("a question is still open: add Answer(k) first".into())
                }
            } else if !sent
                && player
                    .displayed_time()
                    .is_some_and(|shown| shown >= *target)
            {
                actions.write(LearnerAction::PauseFilm);
                runner.step_sent = true;
                Progress::Wait
            } else if sent && runner.step_frames > 600 {
                Progress::Failed(format!("the pause at {target} opened no question"))
            } else {
                Progress::Wait
            }
        }
        ScriptStep::Answer(choice) => match session.question {
            None if sent => Progress::Done,
            None => Progress::Failed(format!("Answer({choice}) without an open question")),
            Some(open) => {
                let count = session
                    .judge
                    .question(open.ask)
                    .map_or(0, |question| question.choices.len());
                if *choice >= count {
                    Progress::Failed(format!(
                        "Answer({choice}) is out of range; the question has {count} choices"
                    ))
                } else {
                    if !sent {
                        actions.write(LearnerAction::Answer(*choice));
                        runner.step_sent = true;
                    }
                    Progress::Wait
                }
            }
        },
        ScriptStep::Decide(id) => match screen {
            Screen::Watching => Progress::Wait,
            Screen::Decision if !sent => {
                let choices = &session.loaded.scenario.decision.choices;
                match choices.iter().position(|choice| &choice.id == id) {
                    Some(index) => {
                        actions.write(LearnerAction::Decide(index));
                        runner.step_sent = true;
                        Progress::Wait
                    }
                    None => {
                        let ids: Vec<&str> = choices.iter().map(|c| c.id.as_str()).collect();
                        Progress::Failed(format!(
                            "Decide({id:?}): no such decision; choose one of {ids:?}"
                        ))
                    }
                }
            }
            Screen::Feedback => Progress::Done,
            _ => Progress::Wait,
        },
        ScriptStep::OpenMarker(index) => {
            let count = session.loaded.scenario.signals.len();
            if *index >= count {
                Progress::Failed(format!(
                    "OpenMarker({index}): the scenario has {count} signals"
                ))
            } else if screen != Screen::Feedback {
                Progress::Wait
            } else {
                actions.write(LearnerAction::OpenMarker(*index));
                Progress::Done
            }
        }
        ScriptStep::Wait(seconds) => {
            if runner.step_started.elapsed().as_secs_f32() >= *seconds {
                Progress::Done
            } else {
                Progress::Wait
            }
        }
        ScriptStep::HowToAct => {
            if screen == Screen::Feedback {
                next_screen.set(Screen::HowToAct);
                Progress::Done
            } else {
                Progress::Wait
            }
        }
        ScriptStep::Tap(..)
        | ScriptStep::TapCorner(_)
        | ScriptStep::Key(_)
        | ScriptStep::EnterPin(_)
        | ScriptStep::WaitForScreen(_)
        | ScriptStep::Begin
        | ScriptStep::Measure(_) => {
            Progress::Failed("this step is handled before the session's steps".into())
        }
        ScriptStep::Screenshot(name) => {
            let settled =
                runner.step_frames >= SETTLE_FRAMES && runner.step_started.elapsed() >= SETTLE_TIME;
            let saved = take_outcome(&runner.screenshot);
            match saved {
                Some(Ok(())) => Progress::Done,
                Some(Err(message)) => Progress::Failed(message),
                None if settled && !sent => {
                    let Some(window) = windows.iter().next() else {
                        return;
                    };
                    let report = describe_shot(
                        name,
                        screen,
                        &session,
                        &player,
                        transforms.get(session.player).ok(),
                        window,
                        &question_panel,
                    );
                    runner.report.screenshots.push(report);
                    spawn_screenshot(
                        &mut commands,
                        runner.script.out.join(name),
                        &runner.screenshot,
                    );
                    runner.step_sent = true;
                    Progress::Wait
                }
                None => Progress::Wait,
            }
        }
    };

    advance(&mut runner, &step, progress, &mut exit);
}

/// Moves to the next step when the step is done, or stops the run when it failed.
fn advance(
    runner: &mut Runner,
    step: &ScriptStep,
    progress: Progress,
    exit: &mut MessageWriter<AppExit>,
) {
    match progress {
        Progress::Wait => {}
        Progress::Done => {
            debug!("script step {} done: {step:?}", runner.next + 1);
            runner.next += 1;
            runner.step_started = Instant::now();
            runner.step_frames = 0;
            runner.step_sent = false;
        }
        Progress::Failed(message) => {
            let message = format!("step {} ({step:?}): {message}", runner.next + 1);
            runner.next = usize::MAX;
            fail(exit, &message);
        }
    }
}

/// Runs the steps that need no open session: the modes' touches, keys and waits,
/// `Begin`, `Measure`, and `Wait` and `Screenshot` while no session is open (on the
/// kiosk's attract screen). Returns `None` for a step that needs the session.
fn run_sessionless_step(
    commands: &mut Commands,
    runner: &mut Runner,
    step: &ScriptStep,
    frame: u32,
    has_session: bool,
    screen: Screen,
    modes: &mut ModeDriver,
) -> Option<Progress> {
    if let Some(progress) = modes.drive(step, frame, screen) {
        return Some(match progress {
            ModeProgress::Wait => Progress::Wait,
            ModeProgress::Done => Progress::Done,
            ModeProgress::Failed(message) => Progress::Failed(message),
        });
    }
    let progress = match step {
        ScriptStep::Begin if has_session || screen != Screen::Start => {
            Progress::Failed(format!("Begin needs the start screen, not {screen:?}"))
        }
        ScriptStep::Begin => {
            runner.begun = false;
            Progress::Done
        }
        ScriptStep::Measure(label) => match process_counts() {
            Some(counts) => {
                runner.report.measurements.push(Measurement {
                    label: label.clone(),
                    counts,
                });
                Progress::Done
            }
            None => Progress::Failed("process counts need /proc (Linux)".into()),
        },
        ScriptStep::Wait(seconds) if !has_session => {
            if runner.step_started.elapsed().as_secs_f32() >= *seconds {
                Progress::Done
            } else {
                Progress::Wait
            }
        }
        ScriptStep::Screenshot(name) if !has_session => {
            screenshot_without_session(commands, runner, name, frame, screen)
        }
        _ => return None,
    };
    Some(progress)
}

/// Saves a screenshot while no session is open; its report has the screen only.
fn screenshot_without_session(
    commands: &mut Commands,
    runner: &mut Runner,
    name: &str,
    frame: u32,
    screen: Screen,
) -> Progress {
    let saved = take_outcome(&runner.screenshot);
    match saved {
        Some(Ok(())) => Progress::Done,
        Some(Err(message)) => Progress::Failed(message),
        None if frame >= SETTLE_FRAMES
            && runner.step_started.elapsed() >= SETTLE_TIME
            && !runner.step_sent =>
        {
            runner.report.screenshots.push(ShotReport {
                file: name.to_owned(),
                screen,
                displayed_nanos: None,
                film_rect: None,
                question_panel: None,
                markers: Vec::new(),
            });
            spawn_screenshot(commands, runner.script.out.join(name), &runner.screenshot);
            runner.step_sent = true;
            Progress::Wait
        }
        None => Progress::Wait,
    }
}

/// The outcome of the screenshot in flight: `None` until it is saved or has failed.
type ScreenshotSlot = Arc<Mutex<Option<Result<(), String>>>>;

/// Takes the outcome of the screenshot in flight, once it is saved or has failed.
fn take_outcome(slot: &ScreenshotSlot) -> Option<Result<(), String>> {
    slot.lock().ok().and_then(|mut outcome| outcome.take())
}

/// Captures the window and saves it to `path`; the outcome lands in `slot`.
fn spawn_screenshot(commands: &mut Commands, path: PathBuf, slot: &ScreenshotSlot) {
    let slot = slot.clone();
    commands.spawn(Screenshot::primary_window()).observe(
        move |captured: On<ScreenshotCaptured>| {
            let saved = save_png(&captured.image, &path);
            if let Ok(mut slot) = slot.lock() {
                *slot = Some(saved);
            }
        },
    );
}

fn save_png(image: &Image, path: &Path) -> Result<(), String> {
    let picture = image
        .clone()
        .try_into_dynamic()
        .map_err(|error| format!("screenshot {} cannot be converted: {error}", path.display()))?;
    picture
        .to_rgb8()
        .save(path)
        .map_err(|error| format!("screenshot {} cannot be saved: {error}", path.display()))
}

fn describe_shot(
    name: &str,
    screen: Screen,
    session: &Session,
    player: &FilmPlayer,
    transform: Option<&Transform>,
    window: &Window,
    question_panel: &QuestionPanel,
) -> ShotReport {
    let scale = window.scale_factor();
    let size = Vec2::new(window.width(), window.height());
    let film_rect = transform
        .filter(|transform| transform.scale.x > 0.0)
        .map(|transform| {
            let centre = Vec2::new(
                transform.translation.x + size.x / 2.0,
                size.y / 2.0 - transform.translation.y,
            );
            let half = transform.scale.truncate() / 2.0;
            let (min, max) = ((centre - half) * scale, (centre + half) * scale);
            [min.x, min.y, max.x, max.y]
        });
    let markers = match (&session.result, screen) {
        (Some(result), Screen::Feedback) => {
            let length = session.film_length(player);
            session
                .loaded
                .scenario
                .signals
                .iter()
                .enumerate()
                .map(|(index, signal)| {
                    let point =
                        timeline_point(size, length, marker_time(session, index), 0.0) * scale;
                    MarkerReport {
                        signal_id: signal.id.clone(),
                        recognised: result
                            .recognised
                            .iter()
                            .any(|found| found.signal_id == signal.id),
                        centre: [point.x, point.y],
                    }
                })
                .collect()
        }
        _ => Vec::new(),
    };
    ShotReport {
        file: name.to_owned(),
        screen,
        displayed_nanos: player.displayed_time().map(FilmTime::as_nanos),
        film_rect,
        question_panel: if screen == Screen::Watching {
            question_panel.0
        } else {
            None
        },
        markers,
    }
}

/// Writes `result.json` (the session's result, or the result so far when the script made
/// no decision) and `run.json` (what each screenshot showed, and the measurements).
/// Without an open session at the end, `result.json` is not written.
fn finish_run(runner: &Runner, session: Option<&Session>) -> Result<(), String> {
    let out = &runner.script.out;
    let write = |name: &str, text: String| {
        let path = out.join(name);
        std::fs::write(&path, text)
            .map_err(|error| format!("cannot write {}: {error}", path.display()))
    };
    if let Some(session) = session {
        let result = session
            .result
            .clone()
            .unwrap_or_else(|| session.judge.finish());
        let result = serde_json::to_string_pretty(&result).map_err(|error| error.to_string())?;
        write("result.json", result)?;
    }
    let report = serde_json::to_string_pretty(&runner.report).map_err(|error| error.to_string())?;
    write("run.json", report)?;
    info!("scripted run finished; output in {}", out.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Vec<ScriptStep>, ScriptError> {
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = folder.path().join("script.ron");
        std::fs::write(&path, text).expect("write script");
        parse_script(&path)
    }

    #[test]
    fn script_reads_every_step() {
        let steps = parse(
            r#"[SeekTo("1:05"), PauseAt("1:10.000"), Answer(0), Screenshot("q.png"),
                Decide("discuss-with-coordinator"), OpenMarker(2), Wait(1.5), HowToAct]"#,
        )
        .expect("valid script");
        assert_eq!(steps.len(), 8);
        assert_eq!(steps[0], ScriptStep::SeekTo(FilmTime::from_secs(65)));
        assert_eq!(steps[1], ScriptStep::PauseAt(FilmTime::from_secs(70)));
        assert_eq!(
            steps[4],
            ScriptStep::Decide("discuss-with-coordinator".into())
        );
    }

    #[test]
    fn unknown_step_is_rejected_with_its_position() {
        let error = parse("[Jump(3)]").expect_err("unknown step");
        assert!(matches!(error, ScriptError::Parse { .. }), "{error}");
        assert!(error.to_string().contains("1:"), "{error}");
    }

    #[test]
    fn screenshot_outside_the_folder_is_rejected() {
        for name in ["../up.png", "sub/shot.png", "shot.jpg"] {
            let error = parse(&format!("[Screenshot({name:?})]")).expect_err(name);
            assert!(
                matches!(error, ScriptError::ScreenshotName { .. }),
                "{name}: {error}"
            );
        }
    }
}
