//! The learner's pause request from the keyboard, a presenter remote, the mouse or a touch
//! screen. The on-screen pause button sends the same request from its own screen.

use bevy::input::touch::Touches;
use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;

use super::{LearnerAction, Preferences, Screen};
use crate::AppSystems;

/// Keys that pause: Space, Enter and K as in common video players, and Page Down, B and
/// period, which presenter remotes send for "next slide" and "black screen".
const PAUSE_KEYS: [KeyCode; 7] = [
    KeyCode::Space,
    KeyCode::Enter,
    KeyCode::NumpadEnter,
    KeyCode::KeyK,
    KeyCode::PageDown,
    KeyCode::KeyB,
    KeyCode::Period,
];

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        request_pause
            .run_if(in_state(Screen::Introduction).or_else(in_state(Screen::Watching)))
            .in_set(AppSystems::Input),
    );
}

/// Sends [`LearnerAction::PauseFilm`] for a pause key, or a click or touch on the picture
/// (anywhere egui does not claim the pointer).
fn request_pause(
    keys: Res<ButtonInput<KeyCode>>,
    mouse: Res<ButtonInput<MouseButton>>,
    touches: Res<Touches>,
    egui_input: Option<Res<EguiWantsInput>>,
    preferences: Res<Preferences>,
    mut actions: MessageWriter<LearnerAction>,
) {
    let egui_wants_pointer = egui_input
        .as_ref()
        .is_some_and(|input| input.wants_any_pointer_input());
    let egui_wants_keys = egui_input
        .as_ref()
        .is_some_and(|input| input.wants_keyboard_input());

    let key = preferences.single_key_shortcuts
        && !egui_wants_keys
        && PAUSE_KEYS.iter().any(|key| keys.just_pressed(*key));
    let pointer = !egui_wants_pointer
        && (mouse.just_pressed(MouseButton::Left) || touches.any_just_pressed());
    if key || pointer {
        actions.write(LearnerAction::PauseFilm);
    }
}
