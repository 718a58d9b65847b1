//! Film times as integer nanoseconds, written in scenarios as seconds (`42.5`) or as
//! clock text (`"0:42.500"`, `"1:02:03.250"`).

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Nanoseconds in one second.
pub const NANOS_PER_SECOND: u64 = 1_000_000_000;

/// Prefix of the serde error message for a time that does not parse. The loader looks for it
/// and replaces the message with a translated one that quotes the value.
pub(crate) const INVALID_TIME_MARK: &str = "herken-invalid-time:";

/// A position in the film, or a duration, in nanoseconds from the start of the film.
///
/// Scenarios write it as seconds (`42.5`) or as text in one of the forms `"ss.fff"`,
/// `"m:ss.fff"` or `"h:mm:ss.fff"`, with up to nine decimals. It serialises as text with
/// full nanosecond precision, so a saved result reads back to the same value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FilmTime(pub u64);

impl FilmTime {
    /// The start of the film.
    pub const ZERO: FilmTime = FilmTime(0);

    /// Creates a time from nanoseconds.
    pub const fn from_nanos(nanos: u64) -> FilmTime {
        FilmTime(nanos)
    }

    /// Creates a time from milliseconds, saturating at the maximum.
    pub const fn from_millis(millis: u64) -> FilmTime {
        FilmTime(millis.saturating_mul(1_000_000))
    }

    /// Creates a time from whole seconds, saturating at the maximum.
    pub const fn from_secs(seconds: u64) -> FilmTime {
        FilmTime(seconds.saturating_mul(NANOS_PER_SECOND))
    }

    /// Converts seconds to the nearest nanosecond; returns `None` for negative, infinite,
    /// NaN or too large values.
    pub fn from_secs_f64(seconds: f64) -> Option<FilmTime> {
        if !seconds.is_finite() || seconds < 0.0 {
            return None;
        }
        let nanos = (seconds * NANOS_PER_SECOND as f64).round();
        // 2^64 as f64; anything at or above it does not fit in u64.
        if nanos >= 18_446_744_073_709_551_616.0 {
            return None;
        }
        Some(FilmTime(nanos as u64))
    }

    /// Returns the time in nanoseconds.
    pub const fn as_nanos(self) -> u64 {
        self.0
    }

    /// Returns the time in seconds, for display and for players that take floating-point seconds.
    pub fn as_secs_f64(self) -> f64 {
        self.0 as f64 / NANOS_PER_SECOND as f64
    }

    /// Adds a duration, saturating at the maximum.
    pub const fn saturating_add(self, other: FilmTime) -> FilmTime {
        FilmTime(self.0.saturating_add(other.0))
    }

    /// Subtracts a duration, stopping at zero.
    pub const fn saturating_sub(self, other: FilmTime) -> FilmTime {
        FilmTime(self.0.saturating_sub(other.0))
    }

    /// Parses `"ss.fff"`, `"m:ss.fff"` or `"h:mm:ss.fff"`. Seconds and minutes after a colon
    /// must be below 60; the first part may be any size (`"75:00"` is 75 minutes).
    pub fn parse(text: &str) -> Option<FilmTime> {
        let text = text.trim();
        let (whole, fraction) = match text.split_once('.') {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (text, None),
        };
        let parts: Vec<&str> = whole.split(':').collect();
        if parts.len() > 3 {
            return None;
        }

        let mut seconds: u64 = 0;
        for (index, part) in parts.iter().enumerate() {
            let value = parse_digits(part)?;
            if index > 0 && value >= 60 {
                return None;
            }
            seconds = seconds.checked_mul(60)?.checked_add(value)?;
        }

        let nanos = match fraction {
            Some(fraction) => parse_fraction(fraction)?,
            None => 0,
        };
        seconds
            .checked_mul(NANOS_PER_SECOND)?
            .checked_add(nanos)
            .map(FilmTime)
    }
}

fn parse_digits(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Reads up to nine decimals as nanoseconds.
fn parse_fraction(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 9 || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let digits: u64 = text.parse().ok()?;
    Some(digits * 10u64.pow(9 - text.len() as u32))
}

/// Shows `m:ss.fff` below an hour and `h:mm:ss.fff` from an hour on, rounded down to the
/// millisecond. The alternate form (`{:#}`) keeps every nanosecond when the time is not a
/// whole millisecond.
impl fmt::Display for FilmTime {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total_seconds = self.0 / NANOS_PER_SECOND;
        let nanos = self.0 % NANOS_PER_SECOND;
        let hours = total_seconds / 3600;
        let minutes = (total_seconds / 60) % 60;
        let seconds = total_seconds % 60;

        if hours > 0 {
            write!(formatter, "{hours}:{minutes:02}:{seconds:02}")?;
        } else {
            write!(formatter, "{minutes}:{seconds:02}")?;
        }
        if formatter.alternate() && !nanos.is_multiple_of(1_000_000) {
            write!(formatter, ".{nanos:09}")
        } else {
            write!(formatter, ".{:03}", nanos / 1_000_000)
        }
    }
}

impl Serialize for FilmTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("{self:#}"))
    }
}

impl<'de> Deserialize<'de> for FilmTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<FilmTime, D::Error> {
        deserializer.deserialize_any(FilmTimeVisitor)
    }
}

struct FilmTimeVisitor;

impl FilmTimeVisitor {
    fn invalid<E: de::Error>(value: impl fmt::Display) -> E {
        E::custom(format_args!("{INVALID_TIME_MARK}{value}"))
    }
}

impl Visitor<'_> for FilmTimeVisitor {
    type Value = FilmTime;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("seconds as a number, or text such as \"0:42.500\"")
    }

    fn visit_u64<E: de::Error>(self, seconds: u64) -> Result<FilmTime, E> {
        seconds
            .checked_mul(NANOS_PER_SECOND)
            .map(FilmTime)
            .ok_or_else(|| Self::invalid(seconds))
    }

    fn visit_i64<E: de::Error>(self, seconds: i64) -> Result<FilmTime, E> {
        match u64::try_from(seconds) {
            Ok(seconds) => self.visit_u64(seconds),
            Err(_) => Err(Self::invalid(seconds)),
        }
    }

    fn visit_f64<E: de::Error>(self, seconds: f64) -> Result<FilmTime, E> {
        FilmTime::from_secs_f64(seconds).ok_or_else(|| Self::invalid(seconds))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<FilmTime, E> {
        FilmTime::parse(text).ok_or_else(|| Self::invalid(format_args!("\"{text}\"")))
    }
}

/// A stretch of film from `start` to `end`, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeRange {
    /// First moment of the range.
    pub start: FilmTime,
    /// Last moment of the range, included.
    pub end: FilmTime,
}

impl TimeRange {
    /// Creates a range; the caller keeps `start <= end`.
    pub const fn new(start: FilmTime, end: FilmTime) -> TimeRange {
        TimeRange { start, end }
    }

    /// Returns true when `time` lies in the range, both ends included.
    pub fn contains(&self, time: FilmTime) -> bool {
        self.start <= time && time <= self.end
    }

    /// Returns true when `other` lies entirely in this range.
    pub fn contains_range(&self, other: &TimeRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Returns true when the two ranges share at least one moment.
    pub fn overlaps(&self, other: &TimeRange) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// Returns the length of the range, zero when `end` is before `start`.
    pub fn duration(&self) -> FilmTime {
        self.end.saturating_sub(self.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_text_parses_in_every_form() {
        assert_eq!(FilmTime::parse("42.5"), Some(FilmTime::from_millis(42_500)));
        assert_eq!(FilmTime::parse("0:42"), Some(FilmTime::from_secs(42)));
        assert_eq!(FilmTime::parse("0:42.000"), Some(FilmTime::from_secs(42)));
        assert_eq!(
            FilmTime::parse("12:05.250"),
            Some(FilmTime::from_millis(725_250))
        );
        assert_eq!(
            FilmTime::parse("1:02:03.5"),
            Some(FilmTime::from_millis(3_723_500))
        );
        assert_eq!(FilmTime::parse("75:00"), Some(FilmTime::from_secs(4500)));
    }

    #[test]
    fn clock_text_keeps_nine_decimals() {
        assert_eq!(FilmTime::parse("0.000000001"), Some(FilmTime(1)));
        assert_eq!(
            FilmTime::parse("1.123456789"),
            Some(FilmTime(1_123_456_789))
        );
    }

    #[test]
    fn malformed_clock_text_is_rejected() {
        for text in [
            "",
            ":",
            "1:",
            ":30",
            "0:60",
            "1:60:00",
            "1:2:3:4",
            "a",
            "-1",
            "1.",
            ".5",
            "1.2.3",
            "1.0000000001",
            "0:4x",
            "+3",
            "1e3",
        ] {
            assert_eq!(FilmTime::parse(text), None, "{text:?} should not parse");
        }
    }

    #[test]
    fn huge_clock_text_is_rejected_without_overflow() {
        assert_eq!(FilmTime::parse("99999999999999999999"), None);
        assert_eq!(FilmTime::parse("999999999999:00:00"), None);
    }

    #[test]
    fn seconds_as_float_round_to_nearest_nanosecond() {
        assert_eq!(
            FilmTime::from_secs_f64(42.5),
            Some(FilmTime::from_millis(42_500))
        );
        assert_eq!(FilmTime::from_secs_f64(0.1), Some(FilmTime(100_000_000)));
        assert_eq!(FilmTime::from_secs_f64(-0.5), None);
        assert_eq!(FilmTime::from_secs_f64(f64::NAN), None);
        assert_eq!(FilmTime::from_secs_f64(1e30), None);
    }

    #[test]
    fn display_shows_minutes_seconds_and_milliseconds() {
        assert_eq!(FilmTime::from_millis(42_500).to_string(), "0:42.500");
        assert_eq!(FilmTime::from_millis(3_723_005).to_string(), "1:02:03.005");
        assert_eq!(FilmTime(1).to_string(), "0:00.000");
        assert_eq!(format!("{:#}", FilmTime(1)), "0:00.000000001");
    }

    #[test]
    fn serialised_time_reads_back_exactly() {
        for nanos in [0, 1, 999_999_999, 42_500_000_000, 3_723_123_456_789] {
            let time = FilmTime(nanos);
            let json = serde_json::to_string(&time).unwrap();
            let back: FilmTime = serde_json::from_str(&json).unwrap();
            assert_eq!(back, time, "{json}");
        }
    }

    #[test]
    fn ron_accepts_numbers_and_text() {
        let range: TimeRange = ron::from_str("(start: 42, end: \"0:50.5\")").unwrap();
        assert_eq!(
            range,
            TimeRange::new(FilmTime::from_secs(42), FilmTime::from_millis(50_500))
        );
        let range: TimeRange = ron::from_str("(start: 1.25, end: 2.0)").unwrap();
        assert_eq!(range.start, FilmTime::from_millis(1250));
    }

    #[test]
    fn ron_rejects_negative_seconds_with_marked_message() {
        let error = ron::from_str::<TimeRange>("(start: -1, end: 2)").unwrap_err();
        assert_eq!(
            error.code,
            ron::Error::Message(format!("{INVALID_TIME_MARK}-1"))
        );
    }

    #[test]
    fn range_contains_both_ends() {
        let range = TimeRange::new(FilmTime(10), FilmTime(20));
        assert!(range.contains(FilmTime(10)));
        assert!(range.contains(FilmTime(20)));
        assert!(!range.contains(FilmTime(9)));
        assert!(!range.contains(FilmTime(21)));
    }

    #[test]
    fn ranges_touching_at_one_moment_overlap() {
        let first = TimeRange::new(FilmTime(10), FilmTime(20));
        assert!(first.overlaps(&TimeRange::new(FilmTime(20), FilmTime(30))));
        assert!(!first.overlaps(&TimeRange::new(FilmTime(21), FilmTime(30))));
    }
}
