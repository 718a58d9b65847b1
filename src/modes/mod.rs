//! The three places herken runs in: a learner's desktop (the default), a touch-screen
//! kiosk, and a trainer's projector in a classroom. Each mode has its own module, and this
//! file picks the mode and sets up the window for it.

mod awake;
pub mod classroom;
mod desktop;
pub mod kiosk;
pub mod script;
mod settings;

use bevy::prelude::*;
use bevy::window::{CursorOptions, MonitorSelection, PrimaryWindow, WindowMode};
use serde::{Deserialize, Serialize};

pub use settings::{ClassroomSettings, KioskSettings, ModeSettings};

/// The place herken runs, chosen by `--kiosk`, `--classroom` or the settings file.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppMode {
    /// A window on a learner's desktop.
    #[default]
    Desktop,
    /// A full-screen touch screen for anyone passing by, reset after each learner.
    Kiosk,
    /// A full-screen projector driven by a trainer with a presenter remote.
    Classroom,
}

/// The chosen mode with its settings, after the command line's overrides.
#[derive(Resource, Clone, Debug, Default)]
pub struct ModeOptions {
    /// The mode.
    pub mode: AppMode,
    /// The settings file's `modes` part, with `--idle-seconds` and
    /// `--countdown-seconds` applied.
    pub settings: ModeSettings,
    /// A script drives the app, so the desktop's window size is neither restored nor
    /// stored and screenshots keep their size.
    pub scripted: bool,
}

impl ModeOptions {
    /// Chooses the mode and applies the command line: `--kiosk` or `--classroom` wins
    /// over the settings file's mode, and the given seconds over the kiosk's settings.
    /// Returns a message naming the invalid value.
    pub fn choose(
        flags: &ModeFlags,
        mut settings: ModeSettings,
        scripted: bool,
    ) -> Result<ModeOptions, String> {
        let mode = if flags.kiosk {
            AppMode::Kiosk
        } else if flags.classroom {
            AppMode::Classroom
        } else {
            settings.mode
        };
        if let Some(seconds) = flags.idle_seconds {
            settings.kiosk.idle_seconds = seconds;
        }
        if let Some(seconds) = flags.countdown_seconds {
            settings.kiosk.countdown_seconds = seconds;
        }
        settings.validate()?;
        Ok(ModeOptions {
            mode,
            settings,
            scripted,
        })
    }
}

/// The command line's choices for the modes.
#[derive(Clone, Debug, Default)]
pub struct ModeFlags {
    /// `--kiosk`.
    pub kiosk: bool,
    /// `--classroom`.
    pub classroom: bool,
    /// `--idle-seconds`.
    pub idle_seconds: Option<f32>,
    /// `--countdown-seconds`.
    pub countdown_seconds: Option<f32>,
}

/// The factor on the interface's size; 1.0 on the desktop and in the kiosk.
#[derive(Resource, Clone, Copy, Debug)]
pub struct TextScale(pub f32);

impl Default for TextScale {
    fn default() -> TextScale {
        TextScale(1.0)
    }
}

/// Adds the chosen mode's behaviour to an app that has the journey.
pub fn add_modes(app: &mut App, options: ModeOptions) {
    info!("herken runs in {:?} mode", options.mode);
    app.insert_resource(options.mode);
    app.init_resource::<TextScale>();
    app.add_message::<kiosk::KioskAction>();
    app.add_systems(Startup, configure_window);
    match options.mode {
        AppMode::Desktop => {
            desktop::add_desktop(app, !options.scripted);
        }
        AppMode::Kiosk => {
            kiosk::add_kiosk(app, options.settings.kiosk.clone());
            app.add_plugins(awake::plugin);
        }
        AppMode::Classroom => {
            app.insert_resource(TextScale(options.settings.classroom.text_scale));
            app.add_plugins((classroom::plugin, awake::plugin));
        }
    }
    app.insert_resource(options);
}

/// Opens the kiosk and the classroom borderless full screen on the chosen monitor; the
/// kiosk also hides the mouse pointer, since its learners use touch.
fn configure_window(
    options: Res<ModeOptions>,
    mut windows: Query<(&mut Window, Option<&mut CursorOptions>), With<PrimaryWindow>>,
) {
    if options.mode == AppMode::Desktop {
        return;
    }
    let Ok((mut window, cursor)) = windows.single_mut() else {
        return;
    };
    let monitor = options
        .settings
        .monitor
        .map_or(MonitorSelection::Primary, MonitorSelection::Index);
    window.mode = WindowMode::BorderlessFullscreen(monitor);
    window.decorations = false;
    if options.mode == AppMode::Kiosk
        && let Some(mut cursor) = cursor
    {
        cursor.visible = false;
    }
}
