//! The settings of the kiosk and classroom modes, read from the `modes` part of the
//! organisation's settings file. Every field has a default, so a file lists only what it
//! changes.

use serde::{Deserialize, Serialize};

use super::AppMode;

/// The mode herken starts in and the settings of each mode.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ModeSettings {
    /// The mode when neither `--kiosk` nor `--classroom` is given.
    pub mode: AppMode,
    /// The monitor (counting from 0) for the full screen of the kiosk and classroom modes;
    /// `None` uses the primary monitor.
    pub monitor: Option<usize>,
    /// The kiosk's idle reset and hidden exit.
    pub kiosk: KioskSettings,
    /// The classroom's text size.
    pub classroom: ClassroomSettings,
}

/// The kiosk's idle reset and the PIN that leaves it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KioskSettings {
    /// Seconds without a touch outside the film before "Ben je er nog?" appears.
    pub idle_seconds: f32,
    /// Seconds the "Ben je er nog?" countdown lasts before the session is abandoned.
    pub countdown_seconds: f32,
    /// The PIN (4 to 8 digits) that leaves the kiosk after the hidden gesture. Without
    /// one the kiosk cannot be left from the screen.
    pub pin: Option<String>,
    /// Wrong PINs in a row that lock the PIN pad.
    pub wrong_pin_limit: u32,
    /// Seconds the PIN pad stays locked after too many wrong PINs.
    pub lock_seconds: f32,
}

impl Default for KioskSettings {
    fn default() -> KioskSettings {
        KioskSettings {
            idle_seconds: 90.0,
            countdown_seconds: 20.0,
            pin: None,
            wrong_pin_limit: 3,
            lock_seconds: 300.0,
        }
    }
}

/// The classroom's text size.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ClassroomSettings {
    /// Factor on the desktop's text size, so the back of a room can read it (1.0 to 3.0).
    pub text_scale: f32,
}

impl Default for ClassroomSettings {
    fn default() -> ClassroomSettings {
        ClassroomSettings { text_scale: 1.25 }
    }
}

impl ModeSettings {
    /// Returns a message naming the first invalid value and its valid range, if any.
    pub fn validate(&self) -> Result<(), String> {
        let kiosk = &self.kiosk;
        if !(1.0..=86_400.0).contains(&kiosk.idle_seconds) {
            return Err(format!(
                "modes.kiosk.idle_seconds {} must lie between 1 and 86400",
                kiosk.idle_seconds
            ));
        }
        if !(1.0..=600.0).contains(&kiosk.countdown_seconds) {
            return Err(format!(
                "modes.kiosk.countdown_seconds {} must lie between 1 and 600",
                kiosk.countdown_seconds
            ));
        }
        if let Some(pin) = &kiosk.pin {
            let digits = pin.chars().all(|c| c.is_ascii_digit());
            if !digits || !(4..=8).contains(&pin.len()) {
                return Err("modes.kiosk.pin must be 4 to 8 digits".to_owned());
            }
        }
        if kiosk.wrong_pin_limit == 0 {
            return Err("modes.kiosk.wrong_pin_limit must be at least 1".to_owned());
        }
        if !(0.0..=86_400.0).contains(&kiosk.lock_seconds) {
            return Err(format!(
                "modes.kiosk.lock_seconds {} must lie between 0 and 86400",
                kiosk.lock_seconds
            ));
        }
        if !(1.0..=3.0).contains(&self.classroom.text_scale) {
            return Err(format!(
                "modes.classroom.text_scale {} must lie between 1 and 3",
                self.classroom.text_scale
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> ModeSettings {
        ron::from_str(text).expect("valid mode settings")
    }

    #[test]
    fn empty_settings_use_defaults() {
        let settings = parse("()");
        assert_eq!(settings, ModeSettings::default());
        assert_eq!(settings.mode, AppMode::Desktop);
        assert!(settings.validate().is_ok());
    }

    #[test]
    fn kiosk_fields_fill_defaults() {
        let settings = parse(r#"(mode: Kiosk, kiosk: (pin: Some("2468"), idle_seconds: 30))"#);
        assert_eq!(settings.mode, AppMode::Kiosk);
        assert_eq!(settings.kiosk.pin.as_deref(), Some("2468"));
        assert_eq!(settings.kiosk.idle_seconds, 30.0);
        assert_eq!(settings.kiosk.countdown_seconds, 20.0);
        assert!(settings.validate().is_ok());
    }

    #[test]
    fn pin_with_letters_is_rejected() {
        let settings = parse(r#"(kiosk: (pin: Some("12a4")))"#);
        let message = settings.validate().expect_err("letters in the PIN");
        assert!(message.contains("modes.kiosk.pin"), "{message}");
    }

    #[test]
    fn short_pin_is_rejected() {
        let settings = parse(r#"(kiosk: (pin: Some("123")))"#);
        assert!(settings.validate().is_err());
    }

    #[test]
    fn tiny_text_scale_is_rejected() {
        let settings = parse("(classroom: (text_scale: 0.5))");
        let message = settings.validate().expect_err("scale below 1");
        assert!(message.contains("text_scale"), "{message}");
    }
}
