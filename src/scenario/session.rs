//! The step-by-step judge of one viewing: the player reports pauses, answers and the
//! decision as they happen, and `finish` returns the result for the feedback screens.

use super::guessing::detect_guessing;
use super::judge::{JudgeMode, PauseJudgement, PauseOrigin, effective_window, judge_pause};
use super::model::{Question, Scenario};
use super::result::{
    AnswerRecord, CompletedCombination, DecisionRecord, JudgedPause, MissedSignal, PauseId,
    QuestionRef, RecognisedSignal, SessionResult,
};
use super::time::FilmTime;

/// The question the player shows after a pause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    /// Ask the follow-up question of the signal with this index.
    SignalQuestion(usize),
    /// Ask the generic question ("What did you notice?").
    GenericQuestion,
    /// Ask nothing: the learner did not make this pause.
    Nothing,
}

/// The return value of [`Judge::record_pause`]. It never tells whether the pause was right,
/// because learners get all feedback after the film.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PauseOutcome {
    /// The pause, for [`Judge::record_answer`].
    pub pause: PauseId,
    /// The question to ask.
    pub ask: Ask,
}

/// Why the judge rejected an answer or decision.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum JudgeError {
    /// No pause with this id was recorded.
    #[error("no pause {0:?} was recorded")]
    UnknownPause(PauseId),
    /// The pause was not made by the learner, so no question was asked.
    #[error("pause {0:?} asked no question")]
    NoQuestion(PauseId),
    /// The question of this pause was already answered.
    #[error("pause {0:?} is already answered")]
    AlreadyAnswered(PauseId),
    /// The choice index is not one of the question's or decision's choices.
    #[error("choice {choice} is out of range; there are {count} choices")]
    ChoiceOutOfRange {
        /// The index given.
        choice: usize,
        /// The number of choices.
        count: usize,
    },
    /// The decision was already made.
    #[error("the decision is already made")]
    DecisionAlreadyMade,
}

/// Judges one viewing of a scenario step by step. It stores its own copy of the scenario,
/// so it can live in an app resource.
#[derive(Clone, Debug)]
pub struct Judge {
    scenario: Scenario,
    mode: JudgeMode,
    recognised: Vec<Option<(PauseId, u8, bool)>>,
    pauses: Vec<JudgedPause>,
    answers: Vec<AnswerRecord>,
    decision: Option<DecisionRecord>,
}

impl Judge {
    /// Starts judging a viewing with the windows as written.
    pub fn new(scenario: &Scenario) -> Judge {
        Judge::with_mode(scenario, JudgeMode::Exam)
    }

    /// Starts judging a viewing in `mode`.
    pub fn with_mode(scenario: &Scenario, mode: JudgeMode) -> Judge {
        Judge {
            scenario: scenario.clone(),
            mode,
            recognised: vec![None; scenario.signals.len()],
            pauses: Vec::new(),
            answers: Vec::new(),
            decision: None,
        }
    }

    /// Returns the scenario being judged.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Returns the mode the viewing is judged in.
    pub fn mode(&self) -> JudgeMode {
        self.mode
    }

    /// Records a pause at `time` (the frame on screen) and returns the question to ask.
    /// Pauses the learner did not make are stored but never judged.
    pub fn record_pause(&mut self, time: FilmTime, origin: PauseOrigin) -> PauseOutcome {
        let id = PauseId(self.pauses.len());
        let judgement = if origin == PauseOrigin::Learner {
            let recognised: Vec<bool> = self.recognised.iter().map(Option::is_some).collect();
            judge_pause(&self.scenario, self.mode, &recognised, time)
        } else {
            PauseJudgement::NotJudged
        };

        let ask = match judgement {
            PauseJudgement::Recognised {
                signal,
                earliness,
                in_grace,
            } => {
                self.recognised[signal] = Some((id, earliness, in_grace));
                Ask::SignalQuestion(signal)
            }
            PauseJudgement::Repeat { .. } | PauseJudgement::FalseAlarm => Ask::GenericQuestion,
            PauseJudgement::NotJudged => Ask::Nothing,
        };
        self.pauses.push(JudgedPause {
            id,
            time,
            origin,
            judgement,
        });
        PauseOutcome { pause: id, ask }
    }

    /// Returns the question to show for an [`Ask`], if any.
    pub fn question(&self, ask: Ask) -> Option<&Question> {
        match ask {
            Ask::SignalQuestion(signal) => self.scenario.signals.get(signal).map(|s| &s.question),
            Ask::GenericQuestion => Some(&self.scenario.generic_question),
            Ask::Nothing => None,
        }
    }

    /// Records the learner's answer to the question asked after `pause`.
    pub fn record_answer(&mut self, pause: PauseId, choice: usize) -> Result<(), JudgeError> {
        let judged = self
            .pauses
            .get(pause.0)
            .ok_or(JudgeError::UnknownPause(pause))?;
        if self.answers.iter().any(|answer| answer.pause == pause) {
            return Err(JudgeError::AlreadyAnswered(pause));
        }
        let (question, question_ref) = match judged.judgement {
            PauseJudgement::Recognised { signal, .. } => {
                let signal = &self.scenario.signals[signal];
                (&signal.question, QuestionRef::Signal(signal.id.clone()))
            }
            PauseJudgement::Repeat { .. } | PauseJudgement::FalseAlarm => {
                (&self.scenario.generic_question, QuestionRef::Generic)
            }
            PauseJudgement::NotJudged => return Err(JudgeError::NoQuestion(pause)),
        };
        let picked = question
            .choices
            .get(choice)
            .ok_or(JudgeError::ChoiceOutOfRange {
                choice,
                count: question.choices.len(),
            })?;
        // A generic question may have no right answer; then its answers are only recorded.
        let correct = match question_ref {
            QuestionRef::Generic if !question.has_correct_choice() => None,
            _ => Some(picked.correct),
        };

        self.answers.push(AnswerRecord {
            pause,
            question: question_ref,
            choice,
            correct,
        });
        self.answers.sort_by_key(|answer| answer.pause);
        Ok(())
    }

    /// Records the closing decision. It can be made once.
    pub fn record_decision(&mut self, choice: usize) -> Result<(), JudgeError> {
        if self.decision.is_some() {
            return Err(JudgeError::DecisionAlreadyMade);
        }
        let choices = &self.scenario.decision.choices;
        let picked = choices.get(choice).ok_or(JudgeError::ChoiceOutOfRange {
            choice,
            count: choices.len(),
        })?;
        self.decision = Some(DecisionRecord {
            choice,
            choice_id: picked.id.clone(),
            justified: picked.justified,
        });
        Ok(())
    }

    /// Returns true when the signal with this index has been recognised.
    pub fn is_recognised(&self, signal: usize) -> bool {
        self.recognised.get(signal).is_some_and(Option::is_some)
    }

    /// Number of signals recognised so far.
    pub fn recognised_count(&self) -> usize {
        self.recognised
            .iter()
            .filter(|entry| entry.is_some())
            .count()
    }

    /// Returns every pause recorded so far, with its judgement.
    pub fn pauses(&self) -> &[JudgedPause] {
        &self.pauses
    }

    /// Returns every answer recorded so far, in pause order.
    pub fn answers(&self) -> &[AnswerRecord] {
        &self.answers
    }

    /// Returns the decision, once made.
    pub fn decision(&self) -> Option<&DecisionRecord> {
        self.decision.as_ref()
    }

    /// Builds the result of the viewing so far. It can be called more than once.
    pub fn finish(&self) -> SessionResult {
        let scenario = &self.scenario;
        let mut recognised = Vec::new();
        let mut missed = Vec::new();
        for (signal, entry) in scenario.signals.iter().zip(&self.recognised) {
            let window = effective_window(signal, &scenario.options, self.mode);
            match entry {
                Some((pause, earliness, in_grace)) => recognised.push(RecognisedSignal {
                    signal_id: signal.id.clone(),
                    paused_at: self.pauses[pause.0].time,
                    earliness: *earliness,
                    in_grace: *in_grace,
                    window,
                    clip: signal.clip,
                }),
                None => missed.push(MissedSignal {
                    signal_id: signal.id.clone(),
                    window,
                    clip: signal.clip,
                }),
            }
        }

        let false_alarms = self
            .pauses
            .iter()
            .filter(|pause| pause.judgement == PauseJudgement::FalseAlarm)
            .map(|pause| pause.time)
            .collect();
        let learner_times: Vec<FilmTime> = self
            .pauses
            .iter()
            .filter(|pause| pause.origin == PauseOrigin::Learner)
            .map(|pause| pause.time)
            .collect();
        let guessing = detect_guessing(&learner_times, &scenario.options.guessing);

        let decision_justified = self
            .decision
            .as_ref()
            .is_some_and(|decision| decision.justified);
        let feedback = scenario
            .feedback_for(recognised.len(), decision_justified)
            .map(|rule| rule.text.clone());
        let completed_combinations = scenario
            .combinations
            .iter()
            .enumerate()
            .filter(|(_, combination)| {
                combination.signals.iter().all(|id| {
                    recognised
                        .iter()
                        .any(|signal: &RecognisedSignal| &signal.signal_id == id)
                })
            })
            .map(|(index, combination)| CompletedCombination {
                index,
                signals: combination.signals.clone(),
            })
            .collect();

        SessionResult {
            scenario_id: scenario.id.clone(),
            mode: self.mode,
            earliness_total: recognised
                .iter()
                .map(|signal| u32::from(signal.earliness))
                .sum(),
            earliness_max: 5 * scenario.signals.len() as u32,
            recognised,
            missed,
            false_alarms,
            pauses: self.pauses.clone(),
            answers: self.answers.clone(),
            decision: self.decision.clone(),
            decision_justified,
            guessing_detected: guessing.is_some(),
            guessing,
            feedback,
            completed_combinations,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::guessing::GuessingReason;
    use crate::scenario::testing::{scenario_with_windows, seconds};
    use crate::scenario::time::TimeRange;

    fn three_signals() -> Scenario {
        scenario_with_windows(&[(10.0, 20.0), (30.0, 40.0), (50.0, 60.0)])
    }

    #[test]
    fn new_judge_has_recognised_nothing() {
        let judge = Judge::new(&three_signals());
        assert_eq!(judge.mode(), JudgeMode::Exam);
        assert_eq!(judge.recognised_count(), 0);
        assert!(judge.pauses().is_empty());
        assert!(judge.answers().is_empty());
        assert_eq!(judge.decision(), None);

        let result = judge.finish();
        assert_eq!(result.recognised, vec![]);
        assert_eq!(result.missed.len(), 3);
        assert_eq!(result.earliness_total, 0);
        assert_eq!(result.earliness_max, 15);
        assert!(!result.decision_justified);
        assert!(!result.guessing_detected);
        assert_eq!(
            result.feedback.unwrap().nl,
            "0 herkend, gerechtvaardigd: false"
        );
    }

    #[test]
    fn session_steps_through_pauses_answers_and_decision() {
        let mut judge = Judge::new(&three_signals());

        // A pause in the first window asks that signal's question.
        let first = judge.record_pause(seconds(11.0), PauseOrigin::Learner);
        assert_eq!(
            first,
            PauseOutcome {
                pause: PauseId(0),
                ask: Ask::SignalQuestion(0)
            }
        );
        assert_eq!(
            judge.question(first.ask),
            Some(&judge.scenario().signals[0].question)
        );
        assert!(judge.is_recognised(0));
        assert_eq!(judge.recognised_count(), 1);
        judge.record_answer(first.pause, 0).unwrap();
        assert_eq!(judge.answers()[0].correct, Some(true));

        // A pause between windows is a false alarm and asks the generic question.
        let second = judge.record_pause(seconds(25.0), PauseOrigin::Learner);
        assert_eq!(
            second,
            PauseOutcome {
                pause: PauseId(1),
                ask: Ask::GenericQuestion
            }
        );
        assert_eq!(
            judge.question(second.ask),
            Some(&judge.scenario().generic_question)
        );
        judge.record_answer(second.pause, 2).unwrap();
        assert_eq!(judge.answers()[1].correct, None);
        assert_eq!(judge.answers()[1].question, QuestionRef::Generic);

        // A pause when the window lost focus asks nothing and changes nothing.
        let third = judge.record_pause(seconds(31.0), PauseOrigin::FocusLost);
        assert_eq!(
            third,
            PauseOutcome {
                pause: PauseId(2),
                ask: Ask::Nothing
            }
        );
        assert_eq!(judge.question(third.ask), None);
        assert!(!judge.is_recognised(1));
        assert_eq!(
            judge.record_answer(third.pause, 0),
            Err(JudgeError::NoQuestion(PauseId(2)))
        );

        // A late pause in the second window, in its grace, scores one point.
        let fourth = judge.record_pause(seconds(40.5), PauseOrigin::Learner);
        assert_eq!(fourth.ask, Ask::SignalQuestion(1));
        judge.record_answer(fourth.pause, 1).unwrap();
        assert_eq!(judge.answers()[2].correct, Some(false));
        assert_eq!(judge.recognised_count(), 2);

        judge.record_decision(0).unwrap();
        assert_eq!(
            judge.decision().map(|decision| decision.justified),
            Some(true)
        );

        let result = judge.finish();
        assert_eq!(result.scenario_id, "test");
        assert_eq!(result.recognised.len(), 2);
        assert_eq!(result.recognised[0].signal_id, "signal-0");
        assert_eq!(result.recognised[0].paused_at, seconds(11.0));
        assert_eq!(result.recognised[0].earliness, 5);
        assert!(!result.recognised[0].in_grace);
        assert_eq!(result.recognised[1].signal_id, "signal-1");
        assert_eq!(result.recognised[1].earliness, 1);
        assert!(result.recognised[1].in_grace);
        assert_eq!(result.missed.len(), 1);
        assert_eq!(result.missed[0].signal_id, "signal-2");
        assert_eq!(
            result.missed[0].window,
            TimeRange::new(seconds(50.0), seconds(60.0))
        );
        assert_eq!(result.false_alarms, vec![seconds(25.0)]);
        assert_eq!(result.pauses.len(), 4);
        assert_eq!(result.answers.len(), 3);
        assert_eq!(result.earliness_total, 6);
        assert!(result.decision_justified);
        assert_eq!(result.decision.as_ref().unwrap().choice_id, "report");
        assert_eq!(
            result.feedback.unwrap().nl,
            "2 herkend, gerechtvaardigd: true"
        );
        assert_eq!(result.completed_combinations.len(), 1);
        assert_eq!(
            result.completed_combinations[0].signals,
            vec!["signal-0", "signal-1"]
        );
        assert!(!result.guessing_detected);
    }

    #[test]
    fn second_pause_on_recognised_signal_asks_generic_question() {
        let mut judge = Judge::new(&three_signals());
        judge.record_pause(seconds(11.0), PauseOrigin::Learner);
        let repeat = judge.record_pause(seconds(12.0), PauseOrigin::Learner);
        assert_eq!(repeat.ask, Ask::GenericQuestion);
        assert_eq!(
            judge.pauses()[1].judgement,
            PauseJudgement::Repeat { signal: 0 }
        );

        let result = judge.finish();
        assert_eq!(result.recognised[0].paused_at, seconds(11.0));
        assert!(
            result.false_alarms.is_empty(),
            "a repeat is not a false alarm"
        );
    }

    #[test]
    fn answers_are_checked_before_recording() {
        let mut judge = Judge::new(&three_signals());
        let pause = judge
            .record_pause(seconds(11.0), PauseOrigin::Learner)
            .pause;

        assert_eq!(
            judge.record_answer(PauseId(7), 0),
            Err(JudgeError::UnknownPause(PauseId(7)))
        );
        assert_eq!(
            judge.record_answer(pause, 2),
            Err(JudgeError::ChoiceOutOfRange {
                choice: 2,
                count: 2
            })
        );
        assert!(judge.answers().is_empty());

        judge.record_answer(pause, 1).unwrap();
        assert_eq!(
            judge.record_answer(pause, 0),
            Err(JudgeError::AlreadyAnswered(pause))
        );
        assert_eq!(judge.answers().len(), 1);
    }

    #[test]
    fn answers_are_stored_in_pause_order() {
        let mut judge = Judge::new(&three_signals());
        let first = judge
            .record_pause(seconds(11.0), PauseOrigin::Learner)
            .pause;
        let second = judge
            .record_pause(seconds(31.0), PauseOrigin::Learner)
            .pause;
        judge.record_answer(second, 0).unwrap();
        judge.record_answer(first, 0).unwrap();
        let order: Vec<PauseId> = judge.answers().iter().map(|answer| answer.pause).collect();
        assert_eq!(order, vec![first, second]);
    }

    #[test]
    fn decision_is_made_once() {
        let mut judge = Judge::new(&three_signals());
        assert_eq!(
            judge.record_decision(5),
            Err(JudgeError::ChoiceOutOfRange {
                choice: 5,
                count: 2
            })
        );
        judge.record_decision(1).unwrap();
        assert_eq!(
            judge.record_decision(0),
            Err(JudgeError::DecisionAlreadyMade)
        );

        let result = judge.finish();
        assert_eq!(result.decision.unwrap().choice_id, "nothing");
        assert!(!result.decision_justified);
    }

    #[test]
    fn guessing_is_marked_but_recognitions_still_count() {
        let mut judge = Judge::new(&three_signals());
        for time in [10.0, 11.0, 12.0, 13.0, 14.0] {
            judge.record_pause(seconds(time), PauseOrigin::Learner);
        }
        let result = judge.finish();
        assert!(result.guessing_detected);
        assert!(matches!(
            result.guessing,
            Some(GuessingReason::Burst { pauses: 5, .. })
        ));
        assert_eq!(result.recognised.len(), 1);
    }

    #[test]
    fn system_pauses_never_count_as_guessing() {
        let mut judge = Judge::new(&three_signals());
        for time in [1.0, 2.0, 3.0, 4.0, 5.0, 6.0] {
            judge.record_pause(seconds(time), PauseOrigin::Idle);
        }
        let result = judge.finish();
        assert!(!result.guessing_detected);
        assert!(result.false_alarms.is_empty());
    }

    #[test]
    fn practice_session_reports_widened_windows() {
        let mut judge = Judge::with_mode(&three_signals(), JudgeMode::Practice);
        let outcome = judge.record_pause(seconds(8.5), PauseOrigin::Learner);
        assert_eq!(outcome.ask, Ask::SignalQuestion(0));

        let result = judge.finish();
        assert_eq!(result.mode, JudgeMode::Practice);
        assert_eq!(
            result.recognised[0].window,
            TimeRange::new(seconds(8.0), seconds(22.0))
        );
        assert_eq!(
            result.missed[0].window,
            TimeRange::new(seconds(28.0), seconds(42.0))
        );
    }

    #[test]
    fn result_survives_a_json_round_trip() {
        let mut judge = Judge::new(&three_signals());
        let pause = judge
            .record_pause(seconds(11.5), PauseOrigin::Learner)
            .pause;
        judge.record_answer(pause, 0).unwrap();
        judge.record_pause(seconds(26.0), PauseOrigin::Dialog);
        judge.record_decision(0).unwrap();
        let result = judge.finish();

        let json = serde_json::to_string(&result).unwrap();
        let back: SessionResult = serde_json::from_str(&json).unwrap();
        assert_eq!(back, result);
    }
}
