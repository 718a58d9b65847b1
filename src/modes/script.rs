//! The scripted-run steps of the kiosk and classroom modes: touches and keys sent as if
//! from the hardware, PIN entries, waits for a screen, and process counts for soak tests.

use bevy::ecs::system::SystemParam;
use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::input::touch::{TouchInput, TouchPhase};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use serde::Serialize;

use super::kiosk::exit_gesture::CORNER_SIZE;
use super::kiosk::{KioskAction, KioskState};
use crate::journey::{Screen, ScriptStep};

/// The outcome of one frame of a mode step.
pub enum ModeProgress {
    /// The step needs more frames.
    Wait,
    /// The step is done.
    Done,
    /// The step cannot run, with the reason.
    Failed(String),
}

/// The frames between a touch's start and end, and between two taps of a gesture.
const FRAMES_PER_TAP: u32 = 2;

/// The parts of the app that mode steps drive.
#[derive(SystemParam)]
pub struct ModeDriver<'w, 's> {
    touches: MessageWriter<'w, TouchInput>,
    keys: MessageWriter<'w, KeyboardInput>,
    kiosk_actions: MessageWriter<'w, KioskAction>,
    kiosk: Option<Res<'w, KioskState>>,
    windows: Query<'w, 's, (Entity, &'static Window), With<PrimaryWindow>>,
}

impl ModeDriver<'_, '_> {
    /// Runs frame `frame` (counting from 1) of `step` on `screen`. Returns `None` for a
    /// step that is not a mode step.
    pub fn drive(&mut self, step: &ScriptStep, frame: u32, screen: Screen) -> Option<ModeProgress> {
        let progress = match step {
            ScriptStep::Tap(x, y) => self.tap_series(Vec2::new(*x, *y), 1, frame),
            ScriptStep::TapCorner(count) => {
                let Ok((_, window)) = self.windows.single() else {
                    return Some(ModeProgress::Wait);
                };
                let corner = Vec2::new(window.width() - CORNER_SIZE / 3.0, CORNER_SIZE / 3.0);
                self.tap_series(corner, *count, frame)
            }
            ScriptStep::Key(name) => self.press_key(name, frame),
            ScriptStep::EnterPin(pin) => self.enter_pin(pin),
            ScriptStep::WaitForScreen(name) => {
                if self.shown_screen(screen) == *name {
                    ModeProgress::Done
                } else {
                    ModeProgress::Wait
                }
            }
            _ => return None,
        };
        Some(progress)
    }

    /// Returns the name of what is on screen: `Attract`, `Countdown` or `PinPad` for the
    /// kiosk's overlays, otherwise the journey's screen.
    pub fn shown_screen(&self, screen: Screen) -> String {
        if let Some(kiosk) = &self.kiosk {
            if kiosk.pin_pad.is_some() {
                return "PinPad".to_owned();
            }
            if kiosk.idle.countdown_left().is_some() {
                return "Countdown".to_owned();
            }
            if kiosk.attract && screen == Screen::Start {
                return "Attract".to_owned();
            }
        }
        format!("{screen:?}")
    }

    /// Sends `count` taps at `position`: a touch start on one frame and its end on the
    /// next.
    fn tap_series(&mut self, position: Vec2, count: u32, frame: u32) -> ModeProgress {
        let Ok((window, _)) = self.windows.single() else {
            return ModeProgress::Wait;
        };
        let index = frame.saturating_sub(1);
        if index >= count * FRAMES_PER_TAP {
            return ModeProgress::Done;
        }
        let phase = if index.is_multiple_of(FRAMES_PER_TAP) {
            TouchPhase::Started
        } else {
            TouchPhase::Ended
        };
        self.touches.write(TouchInput {
            phase,
            position,
            window,
            force: None,
            id: u64::from(index / FRAMES_PER_TAP),
        });
        ModeProgress::Wait
    }

    fn press_key(&mut self, name: &str, frame: u32) -> ModeProgress {
        let Some((key_code, logical_key)) = key_by_name(name) else {
            return ModeProgress::Failed(format!(
                "Key({name:?}) is unknown; use one of {KEY_NAMES:?}"
            ));
        };
        let Ok((window, _)) = self.windows.single() else {
            return ModeProgress::Wait;
        };
        let state = match frame {
            1 => ButtonState::Pressed,
            2 => ButtonState::Released,
            _ => return ModeProgress::Done,
        };
        self.keys.write(KeyboardInput {
            key_code,
            logical_key,
            state,
            text: None,
            repeat: false,
            window,
        });
        ModeProgress::Wait
    }

    fn enter_pin(&mut self, pin: &str) -> ModeProgress {
        if self
            .kiosk
            .as_ref()
            .is_none_or(|kiosk| kiosk.pin_pad.is_none())
        {
            return ModeProgress::Failed(
                "EnterPin needs the PIN pad: add TapCorner(5) first".into(),
            );
        }
        for digit in pin.bytes() {
            if !digit.is_ascii_digit() {
                return ModeProgress::Failed(format!("EnterPin({pin:?}) takes digits only"));
            }
            self.kiosk_actions
                .write(KioskAction::PinDigit(digit - b'0'));
        }
        self.kiosk_actions.write(KioskAction::PinSubmit);
        ModeProgress::Done
    }
}

/// The key names a script may use.
const KEY_NAMES: [&str; 8] = [
    "PageDown", "PageUp", "KeyB", "Period", "Space", "Enter", "Escape", "F11",
];

fn key_by_name(name: &str) -> Option<(KeyCode, Key)> {
    let key = match name {
        "PageDown" => (KeyCode::PageDown, Key::PageDown),
        "PageUp" => (KeyCode::PageUp, Key::PageUp),
        "KeyB" => (KeyCode::KeyB, Key::Character("b".into())),
        "Period" => (KeyCode::Period, Key::Character(".".into())),
        "Space" => (KeyCode::Space, Key::Space),
        "Enter" => (KeyCode::Enter, Key::Enter),
        "Escape" => (KeyCode::Escape, Key::Escape),
        "F11" => (KeyCode::F11, Key::F11),
        _ => return None,
    };
    Some(key)
}

/// Returns whether a script's key name is one [`ModeDriver`] can press.
pub fn is_known_key(name: &str) -> bool {
    KEY_NAMES.contains(&name)
}

/// The process's resident memory, threads and open files at one moment, from `/proc`.
#[derive(Serialize, Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProcessCounts {
    /// Resident memory in KiB (`VmRSS`).
    pub rss_kib: u64,
    /// Threads.
    pub threads: u64,
    /// Open file descriptors.
    pub open_files: u64,
}

/// Reads [`ProcessCounts`] for this process; `None` where `/proc` is missing (not Linux).
pub fn process_counts() -> Option<ProcessCounts> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| -> Option<u64> {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|value| value.parse().ok())
    };
    let open_files = std::fs::read_dir("/proc/self/fd").ok()?.count() as u64;
    Some(ProcessCounts {
        rss_kib: field("VmRSS:")?,
        threads: field("Threads:")?,
        open_files,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_key_has_a_code() {
        for name in KEY_NAMES {
            assert!(key_by_name(name).is_some(), "{name}");
        }
        assert!(key_by_name("PgDn").is_none());
    }

    #[test]
    fn process_counts_are_read_on_linux() {
        let counts = process_counts().expect("/proc on Linux");
        assert!(counts.rss_kib > 0);
        assert!(counts.threads >= 1);
        assert!(counts.open_files >= 3);
    }
}
