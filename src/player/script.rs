//! Script mode of the player, for tests and authors: seek or pause at a film time, take a
//! screenshot of what is on screen, print what was shown as JSON, and quit.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};

use super::MainPlayer;
use crate::AppSystems;
use crate::video::{FilmPlayer, FilmTime};

/// Rendered frames to wait after the film frame is ready, so it has surely reached the
/// window before the screenshot.
const SETTLE_FRAMES: u32 = 8;

/// Time to wait after the film frame is ready. The first draw waits for the film shader to
/// compile, which takes longer than `SETTLE_FRAMES` with a cold shader cache on a software
/// renderer, and the main world cannot tell when it is done.
const SETTLE_TIME: Duration = Duration::from_secs(3);

/// The script's steps, all off for a person using the player.
#[derive(Resource, Clone, Debug, Default)]
pub struct PlayerScript {
    /// Open the film paused on its first frame.
    pub start_paused: bool,
    /// Seek to this time right after opening.
    pub seek_to: Option<FilmTime>,
    /// Pause when the frame on screen reaches this time.
    pub pause_at: Option<FilmTime>,
    /// Save a screenshot here once the seek or pause is done, print a report, and quit.
    pub screenshot: Option<PathBuf>,
    /// Hide the bar under the film, so screenshots show only the film.
    pub hide_overlay: bool,
    /// Quit with an error if the script has not finished by then.
    pub time_limit: Option<Duration>,
}

/// The report of a script run, printed as one JSON line on standard output.
#[derive(serde::Serialize)]
struct ScriptReport {
    /// The time of the frame on screen, in nanoseconds.
    displayed_nanos: Option<u64>,
    /// The time the pause recorded, in nanoseconds.
    paused_at_nanos: Option<u64>,
    /// The window's size in physical pixels.
    window_width: u32,
    window_height: u32,
    /// The frame's size on screen after pixel aspect ratio and rotation.
    display_width: u32,
    display_height: u32,
}

#[derive(Resource, Default)]
struct ScriptState {
    started: Option<Instant>,
    seek_sent: bool,
    paused_at: Option<FilmTime>,
    ready_frames: u32,
    ready_since: Option<Instant>,
    screenshot_taken: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ScriptState>();
    app.add_systems(Update, run_script.in_set(AppSystems::Update));
}

fn run_script(
    mut commands: Commands,
    script: Res<PlayerScript>,
    mut state: ResMut<ScriptState>,
    main: Option<Res<MainPlayer>>,
    mut players: Query<&mut FilmPlayer>,
    windows: Query<&Window>,
    mut exit: MessageWriter<AppExit>,
) {
    let started = *state.started.get_or_insert_with(Instant::now);
    if let Some(limit) = script.time_limit
        && started.elapsed() > limit
    {
        error!("script did not finish within {} s", limit.as_secs());
        exit.write(AppExit::error());
        return;
    }
    let Some(mut player) = main.and_then(|main| players.get_mut(main.0).ok()) else {
        return;
    };

    if let Some(target) = script.seek_to
        && !state.seek_sent
        && player.displayed_time().is_some()
    {
        player.seek(target);
        state.seek_sent = true;
        return;
    }
    if let Some(target) = script.pause_at
        && state.paused_at.is_none()
        && !player.is_paused()
        && player.displayed_time().is_some_and(|time| time >= target)
    {
        state.paused_at = player.pause();
        info!("script paused at {:?}", state.paused_at);
    }

    if !is_ready(&script, &state, &player) || state.screenshot_taken {
        state.ready_frames = 0;
        state.ready_since = None;
        return;
    }
    state.ready_frames += 1;
    let ready_since = *state.ready_since.get_or_insert_with(Instant::now);
    if state.ready_frames < SETTLE_FRAMES || ready_since.elapsed() < SETTLE_TIME {
        return;
    }
    let Some(path) = script.screenshot.clone() else {
        return;
    };
    state.screenshot_taken = true;
    let window = windows.iter().next();
    let (display_width, display_height) = player
        .format()
        .map(|format| format.display_size())
        .unwrap_or_default();
    let report = ScriptReport {
        displayed_nanos: player.displayed_time().map(FilmTime::as_nanos),
        paused_at_nanos: state.paused_at.map(FilmTime::as_nanos),
        window_width: window.map(|window| window.physical_width()).unwrap_or(0),
        window_height: window.map(|window| window.physical_height()).unwrap_or(0),
        display_width,
        display_height,
    };
    let line = serde_json::to_string(&report).unwrap_or_default();
    commands.spawn(Screenshot::primary_window()).observe(
        move |captured: On<ScreenshotCaptured>, mut exit: MessageWriter<AppExit>| {
            let saved = captured
                .image
                .clone()
                .try_into_dynamic()
                .map_err(|error| error.to_string())
                .and_then(|image| {
                    image
                        .to_rgb8()
                        .save(&path)
                        .map_err(|error| error.to_string())
                });
            match saved {
                Ok(()) => {
                    println!("{line}");
                    exit.write(AppExit::Success);
                }
                Err(error) => {
                    error!("could not save screenshot {}: {error}", path.display());
                    exit.write(AppExit::error());
                }
            }
        },
    );
}

fn is_ready(script: &PlayerScript, state: &ScriptState, player: &FilmPlayer) -> bool {
    let Some(displayed) = player.displayed_time() else {
        return false;
    };
    if let Some(target) = script.seek_to {
        // The seek is done once the frame covering the target is on screen.
        let covers = displayed <= target && target.as_nanos() - displayed.as_nanos() < 100_000_000;
        if !state.seek_sent || !covers {
            return false;
        }
    }
    if script.pause_at.is_some() && state.paused_at.is_none() {
        return false;
    }
    true
}
