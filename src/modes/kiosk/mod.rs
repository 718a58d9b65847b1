//! The kiosk: an attract screen while no one uses it, a reset to that screen after a quiet
//! spell outside the film, and a hidden gesture with a PIN to leave it.

mod attract;
mod attract_film;
pub mod exit_gesture;
pub mod idle;
pub mod pin;
mod pin_pad;

use std::time::Duration;

use bevy::input::ButtonState;
use bevy::input::keyboard::KeyboardInput;
use bevy::input::mouse::MouseButtonInput;
use bevy::input::touch::{TouchInput, TouchPhase};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use self::exit_gesture::{CornerTaps, in_exit_corner};
use self::idle::{IdleClock, IdleStep};
use self::pin::PinLock;
use super::KioskSettings;
use crate::journey::{Preferences, Screen};
use crate::results::SessionEvent;
use crate::video::FilmPlayer;
use crate::{AppSystems, Settings};

/// A press on the kiosk's own panels; scripts send the same messages.
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub enum KioskAction {
    /// A digit on the PIN pad.
    PinDigit(u8),
    /// Clear the digits entered so far.
    PinClear,
    /// Check the PIN entered.
    PinSubmit,
    /// Close the PIN pad.
    PinCancel,
}

/// The kiosk's overlays over the journey and the state behind them.
#[derive(Resource, Default)]
pub struct KioskState {
    /// The attract screen is up; it covers the start screen until someone touches it.
    pub attract: bool,
    /// The idle clock.
    pub idle: IdleClock,
    /// The PIN pad, when the hidden gesture opened it.
    pub pin_pad: Option<PinEntry>,
    corner_taps: CornerTaps,
    lock: PinLock,
    /// Resets since the start, for logs and soak tests.
    pub resets: u64,
}

/// The PIN pad's digits and the message under them.
#[derive(Clone, Debug, Default)]
pub struct PinEntry {
    /// The digits entered, never shown.
    pub digits: String,
    /// The outcome of the last check, as a message id and its arguments.
    pub message: Option<PinMessage>,
}

/// The message under the PIN pad.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinMessage {
    /// The PIN is wrong, with the tries left.
    Wrong(u32),
    /// The pad is locked, with the seconds left.
    Locked(u64),
    /// The settings contain no PIN.
    NoPinSet,
}

/// The kiosk's settings as a resource.
#[derive(Resource, Clone, Debug)]
struct Kiosk(KioskSettings);

/// Returns whether the kiosk's attract screen is up: a run condition for the start
/// screen, which it covers. Always false outside the kiosk.
pub fn attract_shown(state: Option<Res<KioskState>>) -> bool {
    state.is_some_and(|state| state.attract)
}

/// The language and preferences the kiosk started with, restored for each new learner.
#[derive(Resource, Clone)]
struct Fresh {
    settings: Settings,
}

pub(super) fn add_kiosk(app: &mut App, settings: KioskSettings) {
    if settings.pin.is_none() {
        warn!(
            "the settings contain no modes.kiosk.pin, so the kiosk cannot be left from the screen"
        );
    }
    app.insert_resource(Kiosk(settings));
    app.insert_resource(KioskState {
        attract: true,
        ..default()
    });
    app.add_systems(Startup, remember_fresh_settings);
    app.add_systems(OnExit(Screen::Start), leave_attract);
    app.add_systems(
        Update,
        (watch_taps, step_idle_clock)
            .chain()
            .in_set(AppSystems::Input),
    );
    app.add_systems(
        Update,
        pin_pad::apply_pin_actions.in_set(AppSystems::Update),
    );
    app.add_plugins((attract::plugin, attract_film::plugin, pin_pad::plugin));
}

fn remember_fresh_settings(mut commands: Commands, settings: Res<Settings>) {
    commands.insert_resource(Fresh {
        settings: settings.clone(),
    });
}

fn leave_attract(mut state: ResMut<KioskState>) {
    state.attract = false;
}

/// A touch, click or key in this frame: keeps the kiosk awake, dismisses the attract
/// screen, and counts toward the hidden gesture when it lands in the exit corner.
#[derive(Resource, Default)]
struct ActiveThisFrame(bool);

fn watch_taps(
    mut commands: Commands,
    mut touches: MessageReader<TouchInput>,
    mut buttons: MessageReader<MouseButtonInput>,
    mut keys: MessageReader<KeyboardInput>,
    windows: Query<&Window, With<PrimaryWindow>>,
    time: Res<Time<Real>>,
    mut state: ResMut<KioskState>,
) {
    let Ok(window) = windows.single() else {
        return;
    };
    let mut taps: Vec<Vec2> = touches
        .read()
        .filter(|touch| touch.phase == TouchPhase::Started)
        .map(|touch| touch.position)
        .collect();
    let clicks = buttons
        .read()
        .filter(|button| button.button == MouseButton::Left && button.state == ButtonState::Pressed)
        .count();
    if clicks > 0
        && let Some(position) = window.cursor_position()
    {
        taps.push(position);
    }
    let key_pressed = keys.read().any(|key| key.state == ButtonState::Pressed);

    let now = time.elapsed();
    for tap in &taps {
        let corner = in_exit_corner(tap.x, tap.y, window.width());
        if state.corner_taps.tap(now, corner) && state.pin_pad.is_none() {
            info!("kiosk: the hidden gesture opened the PIN pad");
            state.pin_pad = Some(PinEntry::default());
        }
    }
    let active = !taps.is_empty() || clicks > 0 || key_pressed;
    if active && state.attract {
        debug!("kiosk: attract screen dismissed");
        state.attract = false;
    }
    commands.insert_resource(ActiveThisFrame(active));
}

/// Runs the idle clock, and on its reset abandons the session and shows the attract
/// screen with the language and preferences the kiosk started with.
#[allow(clippy::too_many_arguments)]
fn step_idle_clock(
    active: Option<Res<ActiveThisFrame>>,
    time: Res<Time<Real>>,
    kiosk: Res<Kiosk>,
    screen: Res<State<Screen>>,
    players: Query<&FilmPlayer>,
    fresh: Option<Res<Fresh>>,
    mut state: ResMut<KioskState>,
    mut settings: ResMut<Settings>,
    mut preferences: ResMut<Preferences>,
    mut next: ResMut<NextState<Screen>>,
    mut session_events: MessageWriter<SessionEvent>,
) {
    let screen = *screen.get();
    let film_playing = players
        .iter()
        .any(|player| !player.is_paused() && !player.has_ended());
    // The open question is part of the film screen too, so that screen never resets.
    let may_reset = screen != Screen::Watching && !film_playing && !state.attract;
    let active = active.is_some_and(|active| active.0);
    let step = state.idle.step(
        time.delta(),
        active,
        may_reset,
        Duration::from_secs_f32(kiosk.0.idle_seconds),
        Duration::from_secs_f32(kiosk.0.countdown_seconds),
    );
    match step {
        IdleStep::Quiet => {}
        IdleStep::CountdownStarted => info!("kiosk: idle, countdown started on {screen:?}"),
        IdleStep::CountdownCancelled => debug!("kiosk: countdown cancelled"),
        IdleStep::Reset => {
            state.resets += 1;
            if matches!(
                screen,
                Screen::Introduction | Screen::Watching | Screen::Decision
            ) {
                // The journal closes the session as abandoned, so it is never offered for
                // resuming to the next person at the kiosk.
                session_events.write(SessionEvent::Abandoned);
                info!("kiosk: unfinished session abandoned after the idle countdown");
            }
            info!(
                "kiosk: reset to the attract screen (reset {})",
                state.resets
            );
            state.attract = true;
            state.pin_pad = None;
            if let Some(fresh) = fresh {
                *settings = fresh.settings.clone();
            }
            *preferences = Preferences::default();
            // A transition from the start screen to itself would run `leave_attract`.
            if screen != Screen::Start {
                next.set(Screen::Start);
            }
        }
    }
}
