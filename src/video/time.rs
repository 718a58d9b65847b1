//! Film time: the presentation time of a frame in nanoseconds from the start of the film.

use std::fmt;

/// A position in a film, in nanoseconds from its start.
///
/// Integer nanoseconds keep hit testing exact: no rounding of `f32` seconds decides whether
/// a pause falls inside a signal's window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FilmTime(pub u64);

impl FilmTime {
    /// The start of the film.
    pub const ZERO: FilmTime = FilmTime(0);

    /// Builds a film time from whole nanoseconds.
    pub const fn from_nanos(nanos: u64) -> FilmTime {
        FilmTime(nanos)
    }

    /// Builds a film time from whole milliseconds.
    pub const fn from_millis(millis: u64) -> FilmTime {
        FilmTime(millis * 1_000_000)
    }

    /// Builds a film time from seconds, rounded to the nearest nanosecond; negative or
    /// non-finite seconds become zero.
    pub fn from_secs_f64(seconds: f64) -> FilmTime {
        if seconds.is_finite() && seconds > 0.0 {
            FilmTime((seconds * 1e9).round() as u64)
        } else {
            FilmTime::ZERO
        }
    }

    /// Returns the time in nanoseconds.
    pub const fn nanos(self) -> u64 {
        self.0
    }

    /// Returns the time in seconds, for display and JSON output only.
    pub fn as_secs_f64(self) -> f64 {
        self.0 as f64 / 1e9
    }
}

impl From<gstreamer::ClockTime> for FilmTime {
    fn from(time: gstreamer::ClockTime) -> FilmTime {
        FilmTime(time.nseconds())
    }
}

impl From<FilmTime> for gstreamer::ClockTime {
    fn from(time: FilmTime) -> gstreamer::ClockTime {
        gstreamer::ClockTime::from_nseconds(time.0)
    }
}

impl fmt::Display for FilmTime {
    /// Formats as `m:ss.fff`, the way authors write times in scenarios.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let millis = self.0 / 1_000_000;
        let minutes = millis / 60_000;
        let seconds = (millis / 1000) % 60;
        write!(f, "{minutes}:{seconds:02}.{:03}", millis % 1000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_uses_minutes_seconds_millis() {
        assert_eq!(FilmTime::from_millis(83_456).to_string(), "1:23.456");
        assert_eq!(FilmTime::ZERO.to_string(), "0:00.000");
    }

    #[test]
    fn seconds_round_to_nearest_nanosecond() {
        assert_eq!(FilmTime::from_secs_f64(0.1).nanos(), 100_000_000);
        assert_eq!(FilmTime::from_secs_f64(-3.0), FilmTime::ZERO);
        assert_eq!(FilmTime::from_secs_f64(f64::NAN), FilmTime::ZERO);
    }
}
