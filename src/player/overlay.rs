//! The player's bar under the film: position, duration, paused state, key help and errors.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::MainPlayer;
use crate::Settings;
use crate::i18n::tr;
use crate::video::{FilmFailed, FilmPlayer};

/// The last playback error, shown until the player closes.
#[derive(Resource, Default)]
struct PlaybackError(Option<String>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PlaybackError>();
    app.add_systems(Update, remember_error);
    app.add_systems(EguiPrimaryContextPass, draw_bar);
}

fn remember_error(mut failed: MessageReader<FilmFailed>, mut error: ResMut<PlaybackError>) {
    if let Some(failure) = failed.read().last() {
        error.0 = Some(failure.message.clone());
    }
}

fn draw_bar(
    mut contexts: EguiContexts,
    main: Option<Res<MainPlayer>>,
    players: Query<&FilmPlayer>,
    settings: Res<Settings>,
    error: Res<PlaybackError>,
    script: Res<super::PlayerScript>,
) -> Result {
    if script.hide_overlay {
        return Ok(());
    }
    let Some(player) = main.and_then(|main| players.get(main.0).ok()) else {
        return Ok(());
    };
    let context = contexts.ctx_mut()?;
    let position = player.displayed_time().unwrap_or_default();
    let duration = player
        .film()
        .duration()
        .map(|duration| duration.to_string())
        .unwrap_or_else(|| "?".into());
    egui::Area::new(egui::Id::new("player-bar"))
        .anchor(egui::Align2::CENTER_BOTTOM, [0.0, -12.0])
        .show(context, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.monospace(format!("{position} / {duration}"));
                    if player.is_paused() {
                        ui.strong(tr(settings.language, "player-paused"));
                    }
                    ui.separator();
                    ui.label(tr(settings.language, "player-help"));
                });
                if let Some(message) = &error.0 {
                    ui.colored_label(egui::Color32::from_rgb(255, 120, 120), message);
                }
            });
        });
    Ok(())
}
