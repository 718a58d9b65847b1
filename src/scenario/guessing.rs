//! Detection of guessing: pausing in bursts or at a steady rhythm instead of on what the
//! learner saw, as hazard-perception tests do for continuous or rhythmic clicking.

use serde::{Deserialize, Serialize};

use super::model::GuessingThresholds;
use super::time::FilmTime;

/// The reason a session was marked as guessing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum GuessingReason {
    /// More pauses than allowed within a short stretch of film.
    Burst {
        /// Number of pauses in the stretch.
        pauses: u32,
        /// Time of the first pause of the burst.
        from: FilmTime,
        /// Time of the last pause of the burst.
        to: FilmTime,
    },
    /// Successive pauses at near-equal intervals.
    Rhythm {
        /// Number of pauses in the rhythm.
        pauses: u32,
        /// Time of the first pause of the rhythm.
        from: FilmTime,
        /// Shortest interval between two pauses of the rhythm.
        interval: FilmTime,
    },
}

/// Looks for guessing in the times of the learner's pauses, in the order they were made.
/// Bursts are found first. `burst_max_pauses` of 0 turns burst detection off, and
/// `rhythm_pauses` below 3 turns rhythm detection off, because two pauses always have a
/// steady interval.
pub fn detect_guessing(
    times: &[FilmTime],
    thresholds: &GuessingThresholds,
) -> Option<GuessingReason> {
    detect_burst(times, thresholds).or_else(|| detect_rhythm(times, thresholds))
}

/// Finds more than `burst_max_pauses` pauses within `burst_span`, both ends included, in
/// film order.
fn detect_burst(times: &[FilmTime], thresholds: &GuessingThresholds) -> Option<GuessingReason> {
    let limit = thresholds.burst_max_pauses as usize;
    if limit == 0 {
        return None;
    }
    let mut sorted = times.to_vec();
    sorted.sort();

    let mut first = 0;
    for last in 0..sorted.len() {
        while sorted[last].saturating_sub(sorted[first]) > thresholds.burst_span {
            first += 1;
        }
        let count = last - first + 1;
        if count > limit {
            return Some(GuessingReason::Burst {
                pauses: count as u32,
                from: sorted[first],
                to: sorted[last],
            });
        }
    }
    None
}

/// Finds `rhythm_pauses` successive pauses whose intervals are all positive, at most
/// `rhythm_max_interval`, and differ by at most `rhythm_tolerance_percent` of the shortest.
fn detect_rhythm(times: &[FilmTime], thresholds: &GuessingThresholds) -> Option<GuessingReason> {
    let pauses = thresholds.rhythm_pauses as usize;
    if pauses < 3 || times.len() < pauses {
        return None;
    }
    let intervals: Vec<u64> = times
        .windows(2)
        // A pause earlier in the film than the one before (after seeking back) breaks a run.
        .map(|pair| pair[1].as_nanos().saturating_sub(pair[0].as_nanos()))
        .collect();

    for (start, run) in intervals.windows(pauses - 1).enumerate() {
        let shortest = run.iter().copied().min().unwrap_or(0);
        let longest = run.iter().copied().max().unwrap_or(0);
        if shortest == 0 || longest > thresholds.rhythm_max_interval.as_nanos() {
            continue;
        }
        let spread = u128::from(longest - shortest) * 100;
        if spread <= u128::from(shortest) * u128::from(thresholds.rhythm_tolerance_percent) {
            return Some(GuessingReason::Rhythm {
                pauses: pauses as u32,
                from: times[start],
                interval: FilmTime(shortest),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seconds(values: &[f64]) -> Vec<FilmTime> {
        values
            .iter()
            .map(|s| FilmTime::from_secs_f64(*s).unwrap())
            .collect()
    }

    #[test]
    fn four_pauses_are_no_burst() {
        let times = seconds(&[1.0, 3.0, 7.0, 11.0]);
        assert_eq!(
            detect_guessing(&times, &GuessingThresholds::default()),
            None
        );
    }

    #[test]
    fn five_pauses_in_ten_seconds_are_a_burst() {
        let times = seconds(&[1.0, 2.0, 4.5, 8.0, 11.0]);
        let reason = detect_guessing(&times, &GuessingThresholds::default());
        assert_eq!(
            reason,
            Some(GuessingReason::Burst {
                pauses: 5,
                from: times[0],
                to: times[4]
            })
        );
    }

    #[test]
    fn burst_span_includes_both_ends_exactly() {
        let thresholds = GuessingThresholds {
            rhythm_pauses: 0,
            ..GuessingThresholds::default()
        };
        let inside = [0, 1, 2, 3, 10_000_000_000].map(FilmTime).to_vec();
        assert!(detect_guessing(&inside, &thresholds).is_some());
        let outside = [0, 1, 2, 3, 10_000_000_001].map(FilmTime).to_vec();
        assert_eq!(detect_guessing(&outside, &thresholds), None);
    }

    #[test]
    fn burst_found_in_unordered_pauses() {
        let times = seconds(&[30.0, 2.0, 31.0, 1.0, 32.0, 33.0, 34.0]);
        assert!(matches!(
            detect_guessing(&times, &GuessingThresholds::default()),
            Some(GuessingReason::Burst { pauses: 5, .. })
        ));
    }

    #[test]
    fn steady_rhythm_of_five_pauses_is_guessing() {
        let thresholds = GuessingThresholds {
            burst_max_pauses: 0,
            ..GuessingThresholds::default()
        };
        let times = seconds(&[10.0, 16.0, 22.2, 28.0, 34.1]);
        let reason = detect_guessing(&times, &thresholds);
        assert_eq!(
            reason,
            Some(GuessingReason::Rhythm {
                pauses: 5,
                from: times[0],
                interval: FilmTime::from_millis(5_800),
            })
        );
    }

    #[test]
    fn uneven_intervals_are_no_rhythm() {
        let times = seconds(&[10.0, 16.0, 24.0, 28.0, 34.0]);
        assert_eq!(
            detect_guessing(&times, &GuessingThresholds::default()),
            None
        );
    }

    #[test]
    fn long_even_intervals_are_no_rhythm() {
        // One pause per signal in a film with a signal every 30 seconds.
        let times = seconds(&[30.0, 60.0, 90.0, 120.0, 150.0, 180.0]);
        assert_eq!(
            detect_guessing(&times, &GuessingThresholds::default()),
            None
        );
    }

    #[test]
    fn rhythm_below_three_pauses_is_off() {
        let thresholds = GuessingThresholds {
            burst_max_pauses: 0,
            rhythm_pauses: 2,
            ..GuessingThresholds::default()
        };
        assert_eq!(
            detect_guessing(&seconds(&[1.0, 5.0, 9.0]), &thresholds),
            None
        );
    }

    #[test]
    fn pauses_after_seeking_back_break_a_rhythm() {
        let thresholds = GuessingThresholds {
            burst_max_pauses: 0,
            ..GuessingThresholds::default()
        };
        let times = seconds(&[10.0, 15.0, 20.0, 5.0, 10.0, 15.0]);
        assert_eq!(detect_guessing(&times, &thresholds), None);
    }

    #[test]
    fn no_pauses_is_no_guessing() {
        assert_eq!(detect_guessing(&[], &GuessingThresholds::default()), None);
    }
}
