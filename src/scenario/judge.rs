//! Rules for judging one pause: which signal it recognises, if any, and how early. Pure
//! functions over film times in nanoseconds; the session type in `session.rs` builds on them.

use serde::{Deserialize, Serialize};

use super::model::{Scenario, ScenarioOptions, Signal};
use super::time::{FilmTime, TimeRange};

/// The origin of a pause. Only [`PauseOrigin::Learner`] pauses are judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PauseOrigin {
    /// The learner paused on purpose (key, click or touch).
    Learner,
    /// The window lost focus.
    FocusLost,
    /// A dialog or menu opened over the film.
    Dialog,
    /// The app paused after the learner was idle.
    Idle,
    /// Any other pause made by the program, such as buffering.
    System,
}

/// Whether windows are used as written or widened for practice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum JudgeMode {
    /// Windows as written.
    #[default]
    Exam,
    /// Every window widened by `practice_widening` on both sides.
    Practice,
}

/// A pause as the player reports it: the time of the frame on screen and who paused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PauseRecord {
    /// Time of the frame on screen when the film paused.
    pub time: FilmTime,
    /// The origin of the pause.
    pub origin: PauseOrigin,
}

impl PauseRecord {
    /// Creates a pause the learner made.
    pub fn learner(time: FilmTime) -> PauseRecord {
        PauseRecord {
            time,
            origin: PauseOrigin::Learner,
        }
    }
}

/// The outcome of judging one pause.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PauseJudgement {
    /// The first pause on this signal: it is recognised.
    Recognised {
        /// Index of the signal in the scenario.
        signal: usize,
        /// Points from 5 (early in the window) down to 1 (late, or in the reaction grace).
        earliness: u8,
        /// Whether the pause fell after the window, in the reaction grace.
        in_grace: bool,
    },
    /// The pause fell only on signals that were already recognised; it scores nothing.
    Repeat {
        /// Index of the signal whose window the pause fell in.
        signal: usize,
    },
    /// The pause fell on no signal.
    FalseAlarm,
    /// The learner did not make this pause, so it was not judged.
    NotJudged,
}

/// Returns the window in which a pause recognises `signal`: as written, or in practice mode
/// widened on both sides (the start stops at 0).
pub fn effective_window(signal: &Signal, options: &ScenarioOptions, mode: JudgeMode) -> TimeRange {
    match mode {
        JudgeMode::Exam => signal.window,
        JudgeMode::Practice => TimeRange::new(
            signal
                .window
                .start
                .saturating_sub(options.practice_widening),
            signal.window.end.saturating_add(options.practice_widening),
        ),
    }
}

/// Returns the earliness of a pause at `time` in `window`: the window is split into five
/// equal parts worth 5 down to 1. Each part includes its start, and the last part also
/// includes the window's end. Returns `None` outside the window; a window of zero length
/// scores 5 at its one moment.
pub fn earliness(window: TimeRange, time: FilmTime) -> Option<u8> {
    if !window.contains(time) {
        return None;
    }
    let length = u128::from(window.duration().as_nanos());
    if length == 0 {
        return Some(5);
    }
    let offset = u128::from(time.saturating_sub(window.start).as_nanos());
    let part = (offset * 5 / length).min(4) as u8;
    Some(5 - part)
}

/// Returns the points for a pause at `time`: its earliness inside the window, 1 in the
/// reaction grace after it (up to and including `window.end + grace`), `None` otherwise.
pub fn score_pause(window: TimeRange, grace: FilmTime, time: FilmTime) -> Option<(u8, bool)> {
    if let Some(points) = earliness(window, time) {
        return Some((points, false));
    }
    let grace_end = window.end.saturating_add(grace);
    (window.end < time && time <= grace_end).then_some((1, true))
}

/// Judges a learner pause at `time`, given which signals are already recognised.
///
/// Among the signals whose window or grace contains the pause and which are not yet
/// recognised, the one whose window started last (nearest before the pause) wins, and the
/// first in the file on a tie. When all such signals are already recognised, the pause is a
/// repeat of the one whose window started last. A pause never recognises two signals.
pub fn judge_pause(
    scenario: &Scenario,
    mode: JudgeMode,
    recognised: &[bool],
    time: FilmTime,
) -> PauseJudgement {
    let options = &scenario.options;
    let mut best_open: Option<(usize, FilmTime, u8, bool)> = None;
    let mut best_repeat: Option<(usize, FilmTime)> = None;

    for (index, signal) in scenario.signals.iter().enumerate() {
        let window = effective_window(signal, options, mode);
        let Some((points, in_grace)) = score_pause(window, options.reaction_grace, time) else {
            continue;
        };
        let already = recognised.get(index).copied().unwrap_or(false);
        if already {
            if best_repeat.is_none_or(|(_, start)| window.start > start) {
                best_repeat = Some((index, window.start));
            }
        } else if best_open.is_none_or(|(_, start, _, _)| window.start > start) {
            best_open = Some((index, window.start, points, in_grace));
        }
    }

    match (best_open, best_repeat) {
        (Some((signal, _, earliness, in_grace)), _) => PauseJudgement::Recognised {
            signal,
            earliness,
            in_grace,
        },
        (None, Some((signal, _))) => PauseJudgement::Repeat { signal },
        (None, None) => PauseJudgement::FalseAlarm,
    }
}

/// Judges a whole series of pauses in the order they were made.
pub fn judge_pauses(
    scenario: &Scenario,
    mode: JudgeMode,
    pauses: &[PauseRecord],
) -> Vec<PauseJudgement> {
    let mut recognised = vec![false; scenario.signals.len()];
    pauses
        .iter()
        .map(|pause| {
            if pause.origin != PauseOrigin::Learner {
                return PauseJudgement::NotJudged;
            }
            let judgement = judge_pause(scenario, mode, &recognised, pause.time);
            if let PauseJudgement::Recognised { signal, .. } = judgement {
                recognised[signal] = true;
            }
            judgement
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::testing::{scenario_with_windows, seconds};

    fn judge_one(scenario: &Scenario, time: FilmTime) -> PauseJudgement {
        let recognised = vec![false; scenario.signals.len()];
        judge_pause(scenario, JudgeMode::Exam, &recognised, time)
    }

    fn recognised(signal: usize, earliness: u8, in_grace: bool) -> PauseJudgement {
        PauseJudgement::Recognised {
            signal,
            earliness,
            in_grace,
        }
    }

    #[test]
    fn pause_at_window_start_scores_five() {
        let scenario = scenario_with_windows(&[(10.0, 20.0)]);
        assert_eq!(judge_one(&scenario, seconds(10.0)), recognised(0, 5, false));
    }

    #[test]
    fn pause_at_window_end_scores_one() {
        let scenario = scenario_with_windows(&[(10.0, 20.0)]);
        assert_eq!(judge_one(&scenario, seconds(20.0)), recognised(0, 1, false));
    }

    #[test]
    fn pause_one_nanosecond_before_window_is_false_alarm() {
        let scenario = scenario_with_windows(&[(10.0, 20.0)]);
        let time = FilmTime(seconds(10.0).as_nanos() - 1);
        assert_eq!(judge_one(&scenario, time), PauseJudgement::FalseAlarm);
    }

    #[test]
    fn pause_at_end_of_grace_scores_one_point() {
        let scenario = scenario_with_windows(&[(10.0, 20.0)]);
        assert_eq!(
            judge_one(&scenario, seconds(20.000_000_001)),
            recognised(0, 1, true)
        );
        assert_eq!(judge_one(&scenario, seconds(21.0)), recognised(0, 1, true));
    }

    #[test]
    fn pause_one_nanosecond_after_grace_is_false_alarm() {
        let scenario = scenario_with_windows(&[(10.0, 20.0)]);
        let time = FilmTime(seconds(21.0).as_nanos() + 1);
        assert_eq!(judge_one(&scenario, time), PauseJudgement::FalseAlarm);
    }

    #[test]
    fn earliness_drops_each_fifth_of_window() {
        let window = TimeRange::new(seconds(10.0), seconds(20.0));
        let expected = [
            (10.0, 5),
            (11.999_999_999, 5),
            (12.0, 4),
            (13.999_999_999, 4),
            (14.0, 3),
            (16.0, 2),
            (18.0, 1),
            (20.0, 1),
        ];
        for (time, points) in expected {
            assert_eq!(
                earliness(window, seconds(time)),
                Some(points),
                "pause at {time} s"
            );
        }
        assert_eq!(earliness(window, seconds(9.0)), None);
        assert_eq!(earliness(window, seconds(20.5)), None);
    }

    #[test]
    fn earliness_of_zero_length_window_is_five() {
        let window = TimeRange::new(seconds(3.0), seconds(3.0));
        assert_eq!(earliness(window, seconds(3.0)), Some(5));
    }

    #[test]
    fn earliness_of_longest_window_does_not_overflow() {
        let window = TimeRange::new(FilmTime(0), FilmTime(u64::MAX));
        assert_eq!(earliness(window, FilmTime(u64::MAX)), Some(1));
        assert_eq!(earliness(window, FilmTime(u64::MAX / 2)), Some(3));
    }

    #[test]
    fn grace_at_end_of_time_saturates() {
        let window = TimeRange::new(FilmTime(u64::MAX - 10), FilmTime(u64::MAX - 5));
        assert_eq!(
            score_pause(window, FilmTime::from_secs(1), FilmTime(u64::MAX)),
            Some((1, true))
        );
    }

    #[test]
    fn overlapping_windows_go_to_nearest_start_before_pause() {
        let scenario = scenario_with_windows(&[(10.0, 30.0), (20.0, 40.0)]);
        assert_eq!(judge_one(&scenario, seconds(15.0)), recognised(0, 4, false));
        assert_eq!(judge_one(&scenario, seconds(25.0)), recognised(1, 4, false));
    }

    #[test]
    fn equal_starts_go_to_first_signal_in_file() {
        let scenario = scenario_with_windows(&[(10.0, 20.0), (10.0, 30.0)]);
        assert_eq!(judge_one(&scenario, seconds(12.0)), recognised(0, 4, false));
    }

    #[test]
    fn pause_goes_to_open_overlapping_window() {
        let scenario = scenario_with_windows(&[(10.0, 30.0), (20.0, 40.0)]);
        let judgement = judge_pause(&scenario, JudgeMode::Exam, &[false, true], seconds(25.0));
        assert_eq!(judgement, recognised(0, 2, false));
    }

    #[test]
    fn pause_only_in_recognised_windows_is_repeat() {
        let scenario = scenario_with_windows(&[(10.0, 30.0), (20.0, 40.0)]);
        let judgement = judge_pause(&scenario, JudgeMode::Exam, &[true, true], seconds(25.0));
        assert_eq!(judgement, PauseJudgement::Repeat { signal: 1 });
    }

    #[test]
    fn later_window_beats_earlier_grace() {
        let scenario = scenario_with_windows(&[(10.0, 20.0), (20.5, 30.0)]);
        assert_eq!(judge_one(&scenario, seconds(20.5)), recognised(1, 5, false));
    }

    #[test]
    fn practice_mode_widens_window_on_both_sides() {
        let scenario = scenario_with_windows(&[(10.0, 20.0)]);
        let window = effective_window(&scenario.signals[0], &scenario.options, JudgeMode::Practice);
        assert_eq!(window, TimeRange::new(seconds(8.0), seconds(22.0)));

        let none = [false];
        let early = judge_pause(&scenario, JudgeMode::Practice, &none, seconds(8.0));
        assert_eq!(early, recognised(0, 5, false));
        let late = judge_pause(&scenario, JudgeMode::Practice, &none, seconds(23.0));
        assert_eq!(late, recognised(0, 1, true));
        let exam = judge_pause(&scenario, JudgeMode::Exam, &none, seconds(8.0));
        assert_eq!(exam, PauseJudgement::FalseAlarm);
    }

    #[test]
    fn practice_widening_stops_at_film_start() {
        let scenario = scenario_with_windows(&[(1.0, 5.0)]);
        let window = effective_window(&scenario.signals[0], &scenario.options, JudgeMode::Practice);
        assert_eq!(window.start, FilmTime::ZERO);
    }

    #[test]
    fn only_first_pause_per_signal_counts() {
        let scenario = scenario_with_windows(&[(10.0, 20.0)]);
        let pauses = [seconds(18.0), seconds(11.0)].map(PauseRecord::learner);
        let judgements = judge_pauses(&scenario, JudgeMode::Exam, &pauses);
        assert_eq!(
            judgements,
            vec![
                recognised(0, 1, false),
                PauseJudgement::Repeat { signal: 0 }
            ]
        );
    }

    #[test]
    fn system_pauses_are_not_judged() {
        let scenario = scenario_with_windows(&[(10.0, 20.0)]);
        let origins = [
            PauseOrigin::FocusLost,
            PauseOrigin::Dialog,
            PauseOrigin::Idle,
            PauseOrigin::System,
        ];
        let mut pauses: Vec<PauseRecord> = origins
            .iter()
            .map(|origin| PauseRecord {
                time: seconds(11.0),
                origin: *origin,
            })
            .collect();
        pauses.push(PauseRecord::learner(seconds(19.0)));

        let judgements = judge_pauses(&scenario, JudgeMode::Exam, &pauses);
        assert_eq!(&judgements[..4], &[PauseJudgement::NotJudged; 4]);
        assert_eq!(judgements[4], recognised(0, 1, false));
    }
}
