//! The kiosk's idle clock: after a quiet spell outside the film a countdown starts, and
//! when it runs out the kiosk goes back to the attract screen.

use std::time::Duration;

/// The idle clock's decision in one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdleStep {
    /// Nothing changes.
    Quiet,
    /// The "Ben je er nog?" countdown starts now.
    CountdownStarted,
    /// A touch ended the countdown.
    CountdownCancelled,
    /// The countdown ran out: abandon the session and show the attract screen.
    Reset,
}

/// Time since the last touch, and the countdown once it runs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IdleClock {
    idle: Duration,
    countdown: Option<Duration>,
}

impl IdleClock {
    /// Advances the clock by `elapsed`. `active` means a touch, click or key in this step.
    /// `may_reset` is false while the film plays or a question is open, and then the clock
    /// stays at zero.
    pub fn step(
        &mut self,
        elapsed: Duration,
        active: bool,
        may_reset: bool,
        idle_limit: Duration,
        countdown_length: Duration,
    ) -> IdleStep {
        if active || !may_reset {
            self.idle = Duration::ZERO;
            return if self.countdown.take().is_some() {
                IdleStep::CountdownCancelled
            } else {
                IdleStep::Quiet
            };
        }
        if let Some(left) = self.countdown {
            let left = left.saturating_sub(elapsed);
            if left.is_zero() {
                *self = IdleClock::default();
                return IdleStep::Reset;
            }
            self.countdown = Some(left);
            return IdleStep::Quiet;
        }
        self.idle += elapsed;
        if self.idle >= idle_limit {
            self.countdown = Some(countdown_length);
            IdleStep::CountdownStarted
        } else {
            IdleStep::Quiet
        }
    }

    /// Returns the countdown's time left while it runs.
    pub fn countdown_left(&self) -> Option<Duration> {
        self.countdown
    }

    /// Starts counting from zero again, without a countdown.
    pub fn restart(&mut self) {
        *self = IdleClock::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMIT: Duration = Duration::from_secs(10);
    const COUNTDOWN: Duration = Duration::from_secs(5);

    fn step(clock: &mut IdleClock, seconds: u64, active: bool, may_reset: bool) -> IdleStep {
        clock.step(
            Duration::from_secs(seconds),
            active,
            may_reset,
            LIMIT,
            COUNTDOWN,
        )
    }

    #[test]
    fn quiet_spell_starts_countdown_then_resets() {
        let mut clock = IdleClock::default();
        assert_eq!(step(&mut clock, 9, false, true), IdleStep::Quiet);
        assert_eq!(clock.countdown_left(), None);
        assert_eq!(step(&mut clock, 1, false, true), IdleStep::CountdownStarted);
        assert_eq!(clock.countdown_left(), Some(COUNTDOWN));
        assert_eq!(step(&mut clock, 3, false, true), IdleStep::Quiet);
        assert_eq!(clock.countdown_left(), Some(Duration::from_secs(2)));
        assert_eq!(step(&mut clock, 2, false, true), IdleStep::Reset);
        assert_eq!(clock.countdown_left(), None);
    }

    #[test]
    fn touch_cancels_countdown_and_restarts_clock() {
        let mut clock = IdleClock::default();
        step(&mut clock, 10, false, true);
        assert_eq!(
            step(&mut clock, 1, true, true),
            IdleStep::CountdownCancelled
        );
        assert_eq!(clock.countdown_left(), None);
        assert_eq!(step(&mut clock, 9, false, true), IdleStep::Quiet);
    }

    #[test]
    fn playing_film_holds_clock_at_zero() {
        let mut clock = IdleClock::default();
        for _ in 0..100 {
            assert_eq!(step(&mut clock, 1, false, false), IdleStep::Quiet);
        }
        assert_eq!(step(&mut clock, 9, false, true), IdleStep::Quiet);
        assert_eq!(clock.countdown_left(), None);
    }

    #[test]
    fn film_starting_during_countdown_cancels_it() {
        let mut clock = IdleClock::default();
        step(&mut clock, 10, false, true);
        assert_eq!(
            step(&mut clock, 1, false, false),
            IdleStep::CountdownCancelled
        );
    }
}
