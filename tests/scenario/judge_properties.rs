//! Property tests of the judging rules: one signal per pause at most, later pauses never
//! undo a recognition, and jitter within a frame does not change what is recognised.

use std::collections::BTreeSet;

use herken::scenario::{
    Audience, Choice, Decision, DecisionChoice, FilmTime, Judge, JudgeMode, PauseJudgement,
    PauseOrigin, PauseRecord, Question, Scenario, ScenarioOptions, Signal, Text, TimeRange,
    effective_window, judge_pauses,
};
use proptest::prelude::*;

/// One frame at 25 frames per second, in nanoseconds.
const FRAME: u64 = 40_000_000;

fn question() -> Question {
    Question {
        prompt: Text::dutch("Wat zag je?"),
        choices: vec![
            Choice {
                text: Text::dutch("ja"),
                correct: true,
                feedback: None,
            },
            Choice {
                text: Text::dutch("nee"),
                correct: false,
                feedback: None,
            },
        ],
    }
}

/// Builds a scenario with one signal per window. It has no feedback rules, because judging
/// pauses does not use them.
fn scenario(windows: &[(u64, u64)], grace: u64) -> Scenario {
    Scenario {
        id: "eigenschappen".to_owned(),
        title: Text::dutch("Eigenschappen"),
        introduction: Text::dutch("Eigenschappen"),
        audience: Audience::Inspector,
        film: "film.webm".to_owned(),
        subtitles: Vec::new(),
        signals: windows
            .iter()
            .enumerate()
            .map(|(index, (start, end))| Signal {
                id: format!("signal-{index}"),
                title: Text::dutch("signaal"),
                window: TimeRange::new(FilmTime(*start), FilmTime(*end)),
                clip: TimeRange::new(FilmTime(*start), FilmTime(*end)),
                explanation: Text::dutch("uitleg"),
                question: question(),
            })
            .collect(),
        generic_question: question(),
        decision: Decision {
            prompt: Text::dutch("Wat doe je?"),
            choices: vec![DecisionChoice {
                id: "melden".to_owned(),
                text: Text::dutch("Melden"),
                justified: true,
                feedback: None,
            }],
        },
        feedback: Vec::new(),
        combinations: Vec::new(),
        options: ScenarioOptions {
            reaction_grace: FilmTime(grace),
            ..ScenarioOptions::default()
        },
    }
}

/// Windows in nanoseconds within two minutes, from one frame to 20 seconds long.
fn windows() -> impl Strategy<Value = Vec<(u64, u64)>> {
    prop::collection::vec((0u64..120_000_000_000, FRAME..20_000_000_000), 1..6).prop_map(|pairs| {
        pairs
            .into_iter()
            .map(|(start, length)| (start, start + length))
            .collect()
    })
}

fn origin() -> impl Strategy<Value = PauseOrigin> {
    prop_oneof![
        6 => Just(PauseOrigin::Learner),
        1 => Just(PauseOrigin::FocusLost),
        1 => Just(PauseOrigin::Dialog),
        1 => Just(PauseOrigin::Idle),
        1 => Just(PauseOrigin::System),
    ]
}

fn pauses() -> impl Strategy<Value = Vec<PauseRecord>> {
    prop::collection::vec(
        (0u64..150_000_000_000, origin()).prop_map(|(time, origin)| PauseRecord {
            time: FilmTime(time),
            origin,
        }),
        0..25,
    )
}

fn recognised_signals(judgements: &[PauseJudgement]) -> Vec<usize> {
    judgements
        .iter()
        .filter_map(|judgement| match judgement {
            PauseJudgement::Recognised { signal, .. } => Some(*signal),
            _ => None,
        })
        .collect()
}

/// Returns the signals whose window or grace contains `time`. Pauses with equal sets are
/// judged alike.
fn containing(scenario: &Scenario, time: FilmTime) -> BTreeSet<usize> {
    let grace = scenario.options.reaction_grace;
    scenario
        .signals
        .iter()
        .enumerate()
        .filter(|(_, signal)| {
            let window = effective_window(signal, &scenario.options, JudgeMode::Exam);
            window.start <= time && time <= window.end.saturating_add(grace)
        })
        .map(|(index, _)| index)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn pause_never_recognises_two_signals(
        windows in windows(),
        grace in 0u64..3_000_000_000,
        pauses in pauses(),
    ) {
        let scenario = scenario(&windows, grace);
        let judgements = judge_pauses(&scenario, JudgeMode::Exam, &pauses);
        prop_assert_eq!(judgements.len(), pauses.len());

        let recognised = recognised_signals(&judgements);
        let distinct: BTreeSet<usize> = recognised.iter().copied().collect();
        prop_assert_eq!(distinct.len(), recognised.len(), "a signal was recognised twice");

        let mut judge = Judge::new(&scenario);
        for pause in &pauses {
            judge.record_pause(pause.time, pause.origin);
        }
        prop_assert_eq!(judge.finish().recognised.len(), recognised.len());
    }

    #[test]
    fn recognising_pause_lies_in_window_or_grace(
        windows in windows(),
        grace in 0u64..3_000_000_000,
        pauses in pauses(),
    ) {
        let scenario = scenario(&windows, grace);
        let judgements = judge_pauses(&scenario, JudgeMode::Exam, &pauses);
        for (pause, judgement) in pauses.iter().zip(&judgements) {
            match judgement {
                PauseJudgement::Recognised { signal, earliness, in_grace } => {
                    prop_assert_eq!(pause.origin, PauseOrigin::Learner);
                    prop_assert!(containing(&scenario, pause.time).contains(signal));
                    prop_assert!((1..=5).contains(earliness));
                    if *in_grace {
                        prop_assert_eq!(*earliness, 1);
                    }
                }
                PauseJudgement::FalseAlarm => {
                    prop_assert!(containing(&scenario, pause.time).is_empty());
                }
                PauseJudgement::Repeat { signal } => {
                    prop_assert!(containing(&scenario, pause.time).contains(signal));
                }
                PauseJudgement::NotJudged => prop_assert_ne!(pause.origin, PauseOrigin::Learner),
            }
        }
    }

    #[test]
    fn later_pause_never_unrecognises_signal(
        windows in windows(),
        grace in 0u64..3_000_000_000,
        pauses in pauses(),
        extra in pauses(),
    ) {
        let scenario = scenario(&windows, grace);
        let before: BTreeSet<usize> =
            recognised_signals(&judge_pauses(&scenario, JudgeMode::Exam, &pauses)).into_iter().collect();
        let all: Vec<PauseRecord> = pauses.iter().chain(&extra).copied().collect();
        let after: BTreeSet<usize> =
            recognised_signals(&judge_pauses(&scenario, JudgeMode::Exam, &all)).into_iter().collect();
        prop_assert!(before.is_subset(&after), "before {before:?}, after {after:?}");
    }

    #[test]
    fn jitter_within_a_frame_keeps_recognitions(
        windows in windows(),
        grace in 0u64..3_000_000_000,
        pauses in pauses(),
        jitters in prop::collection::vec(0u64..FRAME, 25),
    ) {
        let scenario = scenario(&windows, grace);
        // Shift each pause by up to one frame either way, unless that moves it into or out
        // of a window or grace: then the frame on screen differs, and so may the judgement.
        let jittered: Vec<PauseRecord> = pauses
            .iter()
            .zip(&jitters)
            .map(|(pause, jitter)| {
                let moved = FilmTime((pause.time.as_nanos() + jitter).saturating_sub(FRAME / 2));
                let same_region = containing(&scenario, moved) == containing(&scenario, pause.time);
                PauseRecord { time: if same_region { moved } else { pause.time }, ..*pause }
            })
            .collect();

        let original = judge_pauses(&scenario, JudgeMode::Exam, &pauses);
        let shifted = judge_pauses(&scenario, JudgeMode::Exam, &jittered);
        let signal_of = |judgement: &PauseJudgement| match judgement {
            PauseJudgement::Recognised { signal, .. } => Some(("recognised", *signal)),
            PauseJudgement::Repeat { signal } => Some(("repeat", *signal)),
            PauseJudgement::FalseAlarm => Some(("false alarm", usize::MAX)),
            PauseJudgement::NotJudged => None,
        };
        let original: Vec<_> = original.iter().map(signal_of).collect();
        let shifted: Vec<_> = shifted.iter().map(signal_of).collect();
        prop_assert_eq!(original, shifted);
    }
}
