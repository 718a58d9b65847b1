//! The heat strip's numbers: how many earlier learners paused in each stretch of the film.

use std::collections::HashSet;

use uuid::Uuid;

use crate::results::SessionSummary;
use crate::scenario::{FilmTime, PauseOrigin};

/// Learner pauses per stretch of the film, over the finished sessions of one scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatStrip {
    /// The finished sessions counted.
    pub sessions: usize,
    /// For each of the equal stretches, the sessions that paused in it at least once,
    /// as a fraction of `sessions` (0 to 1).
    pub cells: Vec<f32>,
}

/// Counts, for each of `bins` equal stretches of a film of `length`, the share of the
/// finished sessions of `scenario_id` that paused in it. Sessions in `excluded` (this
/// classroom's own) are left out, and so are program pauses.
pub fn pause_heat(
    summaries: &[SessionSummary],
    scenario_id: &str,
    length: FilmTime,
    bins: usize,
    excluded: &HashSet<Uuid>,
) -> HeatStrip {
    let bins = bins.max(1);
    let mut counts = vec![0u32; bins];
    let mut sessions = 0;
    let length = length.as_nanos().max(1);
    for summary in summaries {
        if summary.scenario_id != scenario_id || excluded.contains(&summary.session_id) {
            continue;
        }
        sessions += 1;
        let mut hit = vec![false; bins];
        for pause in &summary.result.pauses {
            if pause.origin != PauseOrigin::Learner {
                continue;
            }
            let bin = (u128::from(pause.time.as_nanos()) * bins as u128 / u128::from(length))
                .min(bins as u128 - 1) as usize;
            hit[bin] = true;
        }
        for (count, hit) in counts.iter_mut().zip(hit) {
            *count += u32::from(hit);
        }
    }
    let cells = counts
        .iter()
        .map(|count| {
            if sessions == 0 {
                0.0
            } else {
                *count as f32 / sessions as f32
            }
        })
        .collect();
    HeatStrip { sessions, cells }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{JudgeMode, JudgedPause, PauseId, PauseJudgement, SessionResult};

    fn summary(scenario: &str, pauses: &[(u64, PauseOrigin)]) -> SessionSummary {
        let result = SessionResult {
            scenario_id: scenario.to_owned(),
            mode: JudgeMode::Exam,
            recognised: Vec::new(),
            missed: Vec::new(),
            false_alarms: Vec::new(),
            pauses: pauses
                .iter()
                .enumerate()
                .map(|(index, (seconds, origin))| JudgedPause {
                    id: PauseId(index),
                    time: FilmTime::from_secs(*seconds),
                    origin: *origin,
                    judgement: PauseJudgement::FalseAlarm,
                })
                .collect(),
            answers: Vec::new(),
            decision: None,
            decision_justified: false,
            earliness_total: 0,
            earliness_max: 0,
            guessing_detected: false,
            guessing: None,
            feedback: None,
            completed_combinations: Vec::new(),
        };
        SessionSummary {
            session_id: Uuid::new_v4(),
            scenario_id: scenario.to_owned(),
            learner: None,
            started_at: time::OffsetDateTime::UNIX_EPOCH,
            finished_at: time::OffsetDateTime::UNIX_EPOCH,
            active_seconds: 0.0,
            resumes: 0,
            result,
        }
    }

    const LENGTH: FilmTime = FilmTime::from_secs(100);

    #[test]
    fn pauses_fall_in_their_stretch() {
        let summaries = [
            summary(
                "desk",
                &[(5, PauseOrigin::Learner), (55, PauseOrigin::Learner)],
            ),
            summary("desk", &[(7, PauseOrigin::Learner)]),
        ];
        let strip = pause_heat(&summaries, "desk", LENGTH, 10, &HashSet::new());
        assert_eq!(strip.sessions, 2);
        assert_eq!(strip.cells[0], 1.0);
        assert_eq!(strip.cells[5], 0.5);
        assert_eq!(strip.cells[9], 0.0);
    }

    #[test]
    fn two_pauses_in_one_stretch_count_once() {
        let summaries = [summary(
            "desk",
            &[(1, PauseOrigin::Learner), (2, PauseOrigin::Learner)],
        )];
        let strip = pause_heat(&summaries, "desk", LENGTH, 10, &HashSet::new());
        assert_eq!(strip.cells[0], 1.0);
    }

    #[test]
    fn other_scenarios_and_excluded_sessions_are_left_out() {
        let ours = summary("desk", &[(5, PauseOrigin::Learner)]);
        let summaries = [
            ours.clone(),
            summary("inspection", &[(5, PauseOrigin::Learner)]),
        ];
        let excluded = HashSet::from([ours.session_id]);
        let strip = pause_heat(&summaries, "desk", LENGTH, 10, &excluded);
        assert_eq!(strip.sessions, 0);
        assert!(strip.cells.iter().all(|cell| *cell == 0.0));
    }

    #[test]
    fn pause_at_the_end_lands_in_last_stretch() {
        let summaries = [summary("desk", &[(100, PauseOrigin::Learner)])];
        let strip = pause_heat(&summaries, "desk", LENGTH, 10, &HashSet::new());
        assert_eq!(strip.cells[9], 1.0);
    }
}
