//! The hidden gesture that opens the kiosk's PIN pad: five taps in the top right corner
//! within three seconds.

use std::collections::VecDeque;
use std::time::Duration;

/// Taps needed in the corner.
pub const CORNER_TAPS: usize = 5;
/// The time within which the taps must fall.
pub const CORNER_WINDOW: Duration = Duration::from_secs(3);
/// The corner's side, in logical pixels.
pub const CORNER_SIZE: f32 = 96.0;

/// Returns whether a point in logical window pixels lies in the exit corner.
pub fn in_exit_corner(x: f32, y: f32, window_width: f32) -> bool {
    x >= window_width - CORNER_SIZE && y <= CORNER_SIZE
}

/// The times of the recent corner taps.
#[derive(Clone, Debug, Default)]
pub struct CornerTaps {
    times: VecDeque<Duration>,
}

impl CornerTaps {
    /// Records a tap at `now`. A tap outside the corner (`in_corner` false) clears the
    /// earlier taps. Returns true when this tap completes the gesture.
    pub fn tap(&mut self, now: Duration, in_corner: bool) -> bool {
        if !in_corner {
            self.times.clear();
            return false;
        }
        self.times.push_back(now);
        while self
            .times
            .front()
            .is_some_and(|first| now.saturating_sub(*first) > CORNER_WINDOW)
        {
            self.times.pop_front();
        }
        if self.times.len() >= CORNER_TAPS {
            self.times.clear();
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn millis(value: u64) -> Duration {
        Duration::from_millis(value)
    }

    #[test]
    fn five_quick_taps_open_pad() {
        let mut taps = CornerTaps::default();
        for index in 0..4 {
            assert!(!taps.tap(millis(index * 400), true), "tap {index}");
        }
        assert!(taps.tap(millis(1600), true));
    }

    #[test]
    fn slow_taps_do_not_open_pad() {
        let mut taps = CornerTaps::default();
        for index in 0..10 {
            assert!(!taps.tap(millis(index * 900), true), "tap {index}");
        }
    }

    #[test]
    fn tap_elsewhere_starts_over() {
        let mut taps = CornerTaps::default();
        for index in 0..4 {
            taps.tap(millis(index * 100), true);
        }
        assert!(!taps.tap(millis(450), false));
        assert!(!taps.tap(millis(500), true));
    }

    #[test]
    fn corner_is_top_right() {
        assert!(in_exit_corner(1270.0, 10.0, 1280.0));
        assert!(!in_exit_corner(10.0, 10.0, 1280.0));
        assert!(!in_exit_corner(1270.0, 700.0, 1280.0));
    }
}
