//! The desktop window: F11 switches full screen, and the window's size is remembered in
//! the data folder for the next start.

use std::path::{Path, PathBuf};
use std::time::Duration;

use bevy::prelude::*;
use bevy::window::{MonitorSelection, PrimaryWindow, WindowMode, WindowResized};
use serde::{Deserialize, Serialize};

use crate::AppSystems;
use crate::results::{ResultsFolder, write_atomic};

/// The file in the data folder with the window's last size.
const WINDOW_FILE: &str = "window.ron";
/// Quiet time after the last resize before the size is written, so a drag writes once.
const SAVE_DELAY: Duration = Duration::from_secs(1);
/// Sizes outside this range, in logical pixels, are ignored as damaged.
const MIN_SIZE: f32 = 320.0;
const MAX_SIZE: f32 = 16_384.0;

/// The window size stored between runs, in logical pixels.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
struct WindowSize {
    width: f32,
    height: f32,
}

impl WindowSize {
    fn is_plausible(&self) -> bool {
        let range = MIN_SIZE..=MAX_SIZE;
        range.contains(&self.width) && range.contains(&self.height)
    }
}

/// A resized window's size waiting to be written, and how long ago it changed.
#[derive(Resource, Default)]
struct PendingSize(Option<(WindowSize, Duration)>);

/// Adds F11 and, with `remember_size`, the window size memory.
pub(super) fn add_desktop(app: &mut App, remember_size: bool) {
    app.add_systems(Update, toggle_full_screen.in_set(AppSystems::Input));
    if remember_size {
        app.init_resource::<PendingSize>();
        app.add_systems(Startup, restore_window_size);
        app.add_systems(Update, save_window_size);
    }
}

fn window_file(folder: &ResultsFolder) -> Option<PathBuf> {
    folder.0.as_ref().map(|data| data.root().join(WINDOW_FILE))
}

fn read_size(path: &Path) -> Option<WindowSize> {
    let text = std::fs::read_to_string(path).ok()?;
    match ron::from_str::<WindowSize>(&text) {
        Ok(size) if size.is_plausible() => Some(size),
        Ok(size) => {
            warn!("window size {size:?} in {} ignored", path.display());
            None
        }
        Err(error) => {
            warn!("{} is invalid and is ignored: {error}", path.display());
            None
        }
    }
}

fn restore_window_size(
    folder: Option<Res<ResultsFolder>>,
    mut windows: Query<&mut Window, With<PrimaryWindow>>,
) {
    let Some(path) = folder.as_deref().and_then(window_file) else {
        return;
    };
    let Some(size) = read_size(&path) else {
        return;
    };
    if let Ok(mut window) = windows.single_mut() {
        debug!("window size {size:?} restored from {}", path.display());
        window.resolution.set(size.width, size.height);
    }
}

/// Switches between a window and borderless full screen on F11.
fn toggle_full_screen(
    keys: Res<ButtonInput<KeyCode>>,
    mut windows: Query<&mut Window, With<PrimaryWindow>>,
) {
    if !keys.just_pressed(KeyCode::F11) {
        return;
    }
    let Ok(mut window) = windows.single_mut() else {
        return;
    };
    window.mode = match window.mode {
        WindowMode::Windowed => WindowMode::BorderlessFullscreen(MonitorSelection::Current),
        _ => WindowMode::Windowed,
    };
    debug!("F11: window mode is now {:?}", window.mode);
}

/// Writes the windowed size once resizing has stopped for [`SAVE_DELAY`]. Full-screen
/// sizes are not written, so the next start opens the window the learner had.
fn save_window_size(
    mut resized: MessageReader<WindowResized>,
    windows: Query<&Window, With<PrimaryWindow>>,
    folder: Option<Res<ResultsFolder>>,
    time: Res<Time<Real>>,
    mut pending: ResMut<PendingSize>,
) {
    let now = time.elapsed();
    if resized.read().last().is_some()
        && let Ok(window) = windows.single()
        && window.mode == WindowMode::Windowed
    {
        let size = WindowSize {
            width: window.width(),
            height: window.height(),
        };
        pending.0 = Some((size, now));
    }
    let Some((size, changed)) = pending.0 else {
        return;
    };
    if now.saturating_sub(changed) < SAVE_DELAY {
        return;
    }
    pending.0 = None;
    let Some(path) = folder.as_deref().and_then(window_file) else {
        return;
    };
    if !size.is_plausible() {
        return;
    }
    let text = ron::to_string(&size).unwrap_or_default();
    match write_atomic(&path, text.as_bytes()) {
        Ok(()) => debug!("window size {size:?} written to {}", path.display()),
        Err(error) => warn!("window size not written to {}: {error}", path.display()),
    }
}
