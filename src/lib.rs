//! herken: an interactive training-film player in which a learner pauses a film when they
//! recognise a signal of human trafficking. `main.rs` parses the command line, and this crate
//! contains the app's plugins, the film engine and the scenario rules.

#![warn(missing_docs)]

pub mod i18n;
pub mod journey;
pub mod modes;
pub mod player;
pub mod results;
pub mod scenario;
pub mod settings;
pub mod video;
pub mod xapi;

use bevy::prelude::*;
use bevy::winit::WinitSettings;

use crate::i18n::Language;

/// Settings that every screen reads.
#[derive(Resource, Clone, Debug, Default)]
pub struct Settings {
    /// The language of screens and messages.
    pub language: Language,
}

/// The order of herken's own systems within `Update`. New groups go in this enum and in
/// the chain in [`configure_system_sets`], in the order they must run.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppSystems {
    /// Read keys, clicks and touches, and turn them into requests.
    Input,
    /// Update films: upload frames, lay out the picture, report pipeline events.
    Film,
    /// React to what happened this frame.
    Update,
    /// Write what happened to the results journal before the next frame.
    Record,
}

fn configure_system_sets(app: &mut App) {
    app.configure_sets(
        Update,
        (
            AppSystems::Input,
            AppSystems::Film,
            AppSystems::Update,
            AppSystems::Record,
        )
            .chain(),
    );
}

/// The window title and size herken opens with.
pub struct WindowOptions {
    /// Title bar text.
    pub title: String,
    /// Start in borderless full screen.
    pub fullscreen: bool,
}

/// Adds Bevy with the plugins herken uses and herken's own shared parts.
pub struct AppPlugin {
    /// The window to open.
    pub window: WindowOptions,
    /// Settings for every screen.
    pub settings: Settings,
}

impl Plugin for AppPlugin {
    fn build(&self, app: &mut App) {
        let mode = if self.window.fullscreen {
            bevy::window::WindowMode::BorderlessFullscreen(bevy::window::MonitorSelection::Current)
        } else {
            bevy::window::WindowMode::Windowed
        };
        app.add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(Window {
                title: self.window.title.clone(),
                resolution: (1280, 720).into(),
                mode,
                ..default()
            }),
            ..default()
        }));
        // Films keep their pace when the window loses focus or is covered.
        app.insert_resource(WinitSettings::continuous());
        app.add_plugins(bevy_egui::EguiPlugin::default());
        app.insert_resource(self.settings.clone());
        configure_system_sets(app);
        app.add_plugins(video::plugin);
    }
}
