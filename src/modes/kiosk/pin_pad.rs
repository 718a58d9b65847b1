//! The PIN pad that the hidden gesture opens: large digit buttons, no keyboard needed.
//! The right PIN closes the app; too many wrong ones lock the pad for a while.

use std::time::Duration;

use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::pin::PinOutcome;
use super::{Kiosk, KioskAction, KioskState, PinMessage};
use crate::Settings;
use crate::fluent_args;
use crate::i18n::{tr, tr_args};

/// The side of a digit button, in points: above the 44-point touch minimum, and small
/// enough that the pad fits a 720-pixel-high screen.
const KEY_SIZE: f32 = 56.0;
/// The maximum digits the pad takes: the longest PIN the settings allow.
const MAX_DIGITS: usize = 8;
const PAD_FILL: Color32 = Color32::from_rgb(0x1b, 0x1f, 0x24);
const WARN: Color32 = Color32::from_rgb(0xff, 0xb0, 0x5c);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, draw_pin_pad);
}

/// Applies the pad's buttons and scripted PIN entries; the right PIN ends the app.
pub(super) fn apply_pin_actions(
    mut actions: MessageReader<KioskAction>,
    mut state: ResMut<KioskState>,
    kiosk: Res<Kiosk>,
    time: Res<Time<Real>>,
    mut exit: MessageWriter<AppExit>,
) {
    let now = time.elapsed();
    for action in actions.read() {
        let state = &mut *state;
        let Some(entry) = state.pin_pad.as_mut() else {
            warn!("kiosk: {action:?} ignored because the PIN pad is closed");
            continue;
        };
        match action {
            KioskAction::PinDigit(digit) if *digit <= 9 => {
                if entry.digits.len() < MAX_DIGITS {
                    entry.digits.push(char::from(b'0' + digit));
                }
            }
            KioskAction::PinDigit(digit) => warn!("kiosk: invalid PIN digit {digit}, ignored"),
            KioskAction::PinClear => entry.digits.clear(),
            KioskAction::PinCancel => state.pin_pad = None,
            KioskAction::PinSubmit => {
                let settings = &kiosk.0;
                let outcome = state.lock.check(
                    &entry.digits,
                    settings.pin.as_deref(),
                    now,
                    settings.wrong_pin_limit,
                    Duration::from_secs_f32(settings.lock_seconds),
                );
                entry.digits.clear();
                entry.message = match outcome {
                    PinOutcome::Accepted => {
                        info!("kiosk: left with the PIN");
                        exit.write(AppExit::Success);
                        None
                    }
                    PinOutcome::Rejected { tries_left } => {
                        warn!("kiosk: wrong PIN, {tries_left} tries left");
                        Some(PinMessage::Wrong(tries_left))
                    }
                    PinOutcome::Locked { left } => {
                        warn!("kiosk: PIN pad locked for {} s", left.as_secs());
                        Some(PinMessage::Locked(left.as_secs_f32().ceil() as u64))
                    }
                    PinOutcome::NoPinSet => Some(PinMessage::NoPinSet),
                };
            }
        }
    }
}

fn draw_pin_pad(
    mut contexts: EguiContexts,
    state: Res<KioskState>,
    settings: Res<Settings>,
    mut actions: MessageWriter<KioskAction>,
) -> Result {
    let Some(entry) = &state.pin_pad else {
        return Ok(());
    };
    let context = contexts.ctx_mut()?;
    let language = settings.language;
    let key = |text: String| {
        egui::Button::new(RichText::new(text).size(24.0)).min_size(egui::vec2(KEY_SIZE, KEY_SIZE))
    };

    egui::Area::new(egui::Id::new("kiosk-pin-pad"))
        .anchor(Align2::CENTER_CENTER, [0.0, 0.0])
        .order(egui::Order::Tooltip)
        .show(context, |ui| {
            egui::Frame::new()
                .fill(PAD_FILL)
                .corner_radius(8)
                .inner_margin(24)
                .show(ui, |ui| {
                    ui.vertical_centered(|ui| {
                        ui.horizontal(|ui| {
                            ui.label(RichText::new(tr(language, "modes-pin-title")).size(26.0));
                            if ui.add(key(tr(language, "modes-pin-cancel"))).clicked() {
                                actions.write(KioskAction::PinCancel);
                            }
                        });
                        // Dots, one per digit entered, so the PIN itself never shows.
                        let dots = "●".repeat(entry.digits.len());
                        ui.label(RichText::new(format!(" {dots} ")).size(28.0));
                        for row in [[1, 2, 3], [4, 5, 6], [7, 8, 9]] {
                            ui.horizontal(|ui| {
                                for digit in row {
                                    if ui.add(key(digit.to_string())).clicked() {
                                        actions.write(KioskAction::PinDigit(digit));
                                    }
                                }
                            });
                        }
                        ui.horizontal(|ui| {
                            if ui.add(key(tr(language, "modes-pin-clear"))).clicked() {
                                actions.write(KioskAction::PinClear);
                            }
                            if ui.add(key("0".to_owned())).clicked() {
                                actions.write(KioskAction::PinDigit(0));
                            }
                            if ui.add(key(tr(language, "modes-pin-ok"))).clicked() {
                                actions.write(KioskAction::PinSubmit);
                            }
                        });
                        let message = match entry.message {
                            Some(PinMessage::Wrong(tries)) => Some(tr_args(
                                language,
                                "modes-pin-wrong",
                                &fluent_args!["tries" => tries],
                            )),
                            Some(PinMessage::Locked(seconds)) => Some(tr_args(
                                language,
                                "modes-pin-locked",
                                &fluent_args!["seconds" => seconds],
                            )),
                            Some(PinMessage::NoPinSet) => Some(tr(language, "modes-pin-none")),
                            None => None,
                        };
                        if let Some(message) = message {
                            ui.colored_label(WARN, RichText::new(message).size(20.0));
                        }
                    });
                });
        });
    Ok(())
}
