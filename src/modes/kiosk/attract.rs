//! The kiosk's overlays on the journey: the attract screen over the start screen while
//! no one uses the kiosk, and the "Ben je er nog?" countdown after a quiet spell.

use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::KioskState;
use super::attract_film::{AttractLoop, LOOP_AREA};
use crate::Settings;
use crate::fluent_args;
use crate::i18n::{tr, tr_args};
use crate::journey::Screen;

/// The attract screen's fill, darker than the journey's panels.
const ATTRACT_FILL: Color32 = Color32::from_rgb(0x0d, 0x1b, 0x2a);
/// The countdown's panel.
const COUNTDOWN_FILL: Color32 = Color32::from_rgb(0x12, 0x32, 0x5a);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, (draw_attract, draw_countdown));
}

/// Covers the start screen with a large invitation to touch it. Any touch, click or key
/// dismisses it (in `watch_taps`), and egui gives the start screen no click under it.
fn draw_attract(
    mut contexts: EguiContexts,
    state: Res<KioskState>,
    screen: Res<State<Screen>>,
    settings: Res<Settings>,
    loops: Query<(), With<AttractLoop>>,
) -> Result {
    if !state.attract || *screen.get() != Screen::Start {
        return Ok(());
    }
    let context = contexts.ctx_mut()?;
    let language = settings.language;
    let rect = context.content_rect();
    let film_shown = !loops.is_empty();
    egui::Area::new(egui::Id::new("kiosk-attract"))
        .fixed_pos(rect.min)
        .order(egui::Order::Foreground)
        .sense(egui::Sense::click())
        .show(context, |ui| {
            // The fill leaves a hole where the loop plays, since Bevy draws the film under
            // egui.
            let text_top = if film_shown {
                let film = LOOP_AREA.in_window(bevy::math::Vec2::new(rect.width(), rect.height()));
                let (left, top) = (rect.min.x + film.min.x, rect.min.y + film.min.y);
                let (right, bottom) = (rect.min.x + film.max.x, rect.min.y + film.max.y);
                let painter = ui.painter();
                for part in [
                    egui::Rect::from_min_max(rect.min, egui::pos2(rect.max.x, top)),
                    egui::Rect::from_min_max(egui::pos2(rect.min.x, bottom), rect.max),
                    egui::Rect::from_min_max(egui::pos2(rect.min.x, top), egui::pos2(left, bottom)),
                    egui::Rect::from_min_max(
                        egui::pos2(right, top),
                        egui::pos2(rect.max.x, bottom),
                    ),
                ] {
                    painter.rect_filled(part, 0.0, ATTRACT_FILL);
                }
                film.max.y + 16.0
            } else {
                ui.painter().rect_filled(rect, 0.0, ATTRACT_FILL);
                rect.height() * 0.3
            };
            ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
                ui.vertical_centered(|ui| {
                    ui.add_space(text_top);
                    ui.label(
                        RichText::new(tr(language, "modes-attract-title"))
                            .size(40.0)
                            .strong(),
                    );
                    ui.add_space(24.0);
                    ui.label(RichText::new(tr(language, "modes-attract-touch")).size(28.0));
                });
            });
        });
    Ok(())
}

/// Shows "Ben je er nog?" with the seconds left while the idle countdown runs.
fn draw_countdown(
    mut contexts: EguiContexts,
    state: Res<KioskState>,
    settings: Res<Settings>,
) -> Result {
    let Some(left) = state.idle.countdown_left() else {
        return Ok(());
    };
    let context = contexts.ctx_mut()?;
    let language = settings.language;
    let seconds = left.as_secs_f32().ceil() as u64;
    egui::Area::new(egui::Id::new("kiosk-countdown"))
        .anchor(Align2::CENTER_CENTER, [0.0, 0.0])
        .order(egui::Order::Tooltip)
        .show(context, |ui| {
            egui::Frame::new()
                .fill(COUNTDOWN_FILL)
                .corner_radius(8)
                .inner_margin(24)
                .show(ui, |ui| {
                    ui.set_width(420.0);
                    ui.vertical_centered(|ui| {
                        ui.label(
                            RichText::new(tr(language, "modes-idle-question"))
                                .size(32.0)
                                .strong(),
                        );
                        ui.add_space(12.0);
                        let args = fluent_args!["seconds" => seconds];
                        ui.label(
                            RichText::new(tr_args(language, "modes-idle-countdown", &args))
                                .size(20.0),
                        );
                        ui.add_space(12.0);
                        // Any touch cancels the countdown, and the button invites one.
                        let text = RichText::new(tr(language, "modes-idle-still-here")).size(22.0);
                        ui.add(egui::Button::new(text).min_size(egui::vec2(300.0, 64.0)));
                    });
                });
        });
    Ok(())
}
