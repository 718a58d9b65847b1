//! Keeps the screen from blanking while a film plays in the kiosk and the classroom.
//! winit 0.30 (under Bevy 0.19) has no call to inhibit the screensaver, so on X11 this
//! resets the screensaver's idle timer with `xdg-screensaver reset` (from xdg-utils),
//! which counts as user activity for the screensaver and for display power saving.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use bevy::prelude::*;

use crate::video::FilmPlayer;

/// Time between two resets: below the shortest blanking time desktops offer (one minute).
const RESET_INTERVAL: Duration = Duration::from_secs(50);

/// The last reset, the reset still running, and whether the tool is missing.
#[derive(Resource, Default)]
struct Awake {
    last_reset: Option<Duration>,
    running: Option<Child>,
    unavailable: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Awake>();
    app.add_systems(Update, keep_screen_awake);
}

fn keep_screen_awake(time: Res<Time<Real>>, players: Query<&FilmPlayer>, mut awake: ResMut<Awake>) {
    // Collect the finished reset, so no zombie process stays behind.
    if let Some(child) = awake.running.as_mut()
        && !matches!(child.try_wait(), Ok(None))
    {
        awake.running = None;
    }
    let now = time.elapsed();
    let playing = players
        .iter()
        .any(|player| !player.is_paused() && !player.has_ended());
    let due = awake
        .last_reset
        .is_none_or(|last| now.saturating_sub(last) >= RESET_INTERVAL);
    let x11 = std::env::var_os("DISPLAY").is_some();
    if !playing || !due || !x11 || awake.unavailable || awake.running.is_some() {
        return;
    }
    awake.last_reset = Some(now);
    let started = Command::new("xdg-screensaver")
        .arg("reset")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    match started {
        Ok(child) => awake.running = Some(child),
        Err(error) => {
            warn!(
                "the screen may blank during the film: xdg-screensaver failed to start ({error}); \
                 install xdg-utils or turn blanking off"
            );
            awake.unavailable = true;
        }
    }
}
