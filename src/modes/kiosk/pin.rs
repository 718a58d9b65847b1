//! The PIN check that leaves the kiosk, with a lock after too many wrong PINs in a row.

use std::time::Duration;

/// The outcome of one PIN entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinOutcome {
    /// The PIN is right: leave the kiosk.
    Accepted,
    /// The PIN is wrong; this many tries are left before the lock.
    Rejected {
        /// Tries left.
        tries_left: u32,
    },
    /// Too many wrong PINs: the pad is locked for this long.
    Locked {
        /// Time until the pad opens again.
        left: Duration,
    },
    /// The settings contain no PIN, so the kiosk cannot be left from the screen.
    NoPinSet,
}

/// Wrong PINs in a row and the end of the lock.
#[derive(Clone, Debug, Default)]
pub struct PinLock {
    wrong: u32,
    locked_until: Option<Duration>,
}

impl PinLock {
    /// Checks `entered` at time `now` against `expected`. After `limit` wrong PINs in a
    /// row the pad locks for `lock`; entries during the lock are not checked.
    pub fn check(
        &mut self,
        entered: &str,
        expected: Option<&str>,
        now: Duration,
        limit: u32,
        lock: Duration,
    ) -> PinOutcome {
        if let Some(left) = self.lock_left(now) {
            return PinOutcome::Locked { left };
        }
        let Some(expected) = expected else {
            return PinOutcome::NoPinSet;
        };
        if entered == expected {
            self.wrong = 0;
            return PinOutcome::Accepted;
        }
        self.wrong += 1;
        if self.wrong >= limit {
            self.wrong = 0;
            self.locked_until = Some(now + lock);
            return PinOutcome::Locked { left: lock };
        }
        PinOutcome::Rejected {
            tries_left: limit - self.wrong,
        }
    }

    /// Returns the time left on the lock at `now`, if the pad is locked.
    pub fn lock_left(&self, now: Duration) -> Option<Duration> {
        self.locked_until
            .filter(|until| *until > now)
            .map(|until| until - now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: Duration = Duration::from_secs(60);

    fn check(lock: &mut PinLock, entered: &str, seconds: u64) -> PinOutcome {
        lock.check(entered, Some("2468"), Duration::from_secs(seconds), 3, LOCK)
    }

    #[test]
    fn right_pin_is_accepted() {
        let mut lock = PinLock::default();
        assert_eq!(check(&mut lock, "2468", 0), PinOutcome::Accepted);
    }

    #[test]
    fn three_wrong_pins_lock_the_pad() {
        let mut lock = PinLock::default();
        assert_eq!(
            check(&mut lock, "1111", 0),
            PinOutcome::Rejected { tries_left: 2 }
        );
        assert_eq!(
            check(&mut lock, "1111", 1),
            PinOutcome::Rejected { tries_left: 1 }
        );
        assert_eq!(
            check(&mut lock, "1111", 2),
            PinOutcome::Locked { left: LOCK }
        );
        assert_eq!(
            check(&mut lock, "2468", 12),
            PinOutcome::Locked {
                left: Duration::from_secs(50)
            },
            "the right PIN is not checked during the lock"
        );
        assert_eq!(check(&mut lock, "2468", 62), PinOutcome::Accepted);
    }

    #[test]
    fn right_pin_clears_wrong_count() {
        let mut lock = PinLock::default();
        check(&mut lock, "1111", 0);
        check(&mut lock, "1111", 1);
        assert_eq!(check(&mut lock, "2468", 2), PinOutcome::Accepted);
        assert_eq!(
            check(&mut lock, "1111", 3),
            PinOutcome::Rejected { tries_left: 2 }
        );
    }

    #[test]
    fn missing_pin_never_accepts() {
        let mut lock = PinLock::default();
        let outcome = lock.check("0000", None, Duration::ZERO, 3, LOCK);
        assert_eq!(outcome, PinOutcome::NoPinSet);
    }
}
