//! The outcome of one viewing, serialisable for storage, reports and the feedback screens.

use serde::{Deserialize, Serialize};

use super::guessing::GuessingReason;
use super::judge::{JudgeMode, PauseJudgement, PauseOrigin};
use super::text::Text;
use super::time::{FilmTime, TimeRange};

/// Identifies one pause within a session, in the order the pauses were recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PauseId(pub usize);

/// A pause with what it counted as.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JudgedPause {
    /// The pause's place in the session.
    pub id: PauseId,
    /// Time of the frame on screen.
    pub time: FilmTime,
    /// The origin of the pause.
    pub origin: PauseOrigin,
    /// The outcome of judging the pause.
    pub judgement: PauseJudgement,
}

/// The question asked after a pause.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuestionRef {
    /// The follow-up question of the signal with this id.
    Signal(String),
    /// The generic question, asked for a pause on no signal or on an already recognised one.
    Generic,
}

/// An answer the learner gave after a pause.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerRecord {
    /// The pause the answer belongs to.
    pub pause: PauseId,
    /// The question answered.
    pub question: QuestionRef,
    /// Index of the chosen choice.
    pub choice: usize,
    /// Whether the choice is right; `None` for a generic question without right answers.
    pub correct: Option<bool>,
}

/// The decision the learner made at the end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRecord {
    /// Index of the chosen decision.
    pub choice: usize,
    /// Id of the chosen decision.
    pub choice_id: String,
    /// Whether the decision is justified.
    pub justified: bool,
}

/// A signal the learner recognised.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecognisedSignal {
    /// The signal's id.
    pub signal_id: String,
    /// Time of the pause that recognised it.
    pub paused_at: FilmTime,
    /// Points from 5 (early) to 1 (late or in the reaction grace).
    pub earliness: u8,
    /// Whether the pause fell in the reaction grace after the window.
    pub in_grace: bool,
    /// The window the pause was judged against (widened in practice mode).
    pub window: TimeRange,
    /// The clip to replay in the feedback.
    pub clip: TimeRange,
}

/// A signal the learner did not recognise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissedSignal {
    /// The signal's id.
    pub signal_id: String,
    /// The window in which a pause would have counted.
    pub window: TimeRange,
    /// The clip to replay in the feedback.
    pub clip: TimeRange,
}

/// A combination whose signals were all recognised.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompletedCombination {
    /// Index of the combination in the scenario.
    pub index: usize,
    /// Ids of its signals.
    pub signals: Vec<String>,
}

/// Everything the feedback screens and a learning record need about one viewing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionResult {
    /// Id of the scenario.
    pub scenario_id: String,
    /// Whether windows were widened for practice.
    pub mode: JudgeMode,
    /// Recognised signals, in the scenario's order.
    pub recognised: Vec<RecognisedSignal>,
    /// Missed signals, in the scenario's order.
    pub missed: Vec<MissedSignal>,
    /// Times of learner pauses that fell on no signal.
    pub false_alarms: Vec<FilmTime>,
    /// Every pause, judged or not, in the order recorded.
    pub pauses: Vec<JudgedPause>,
    /// Answers given, in the order of their pauses.
    pub answers: Vec<AnswerRecord>,
    /// The closing decision, if the learner made one.
    pub decision: Option<DecisionRecord>,
    /// Whether a justified decision was made; false without a decision.
    pub decision_justified: bool,
    /// Sum of the earliness points of the recognised signals.
    pub earliness_total: u32,
    /// The highest possible total: 5 points per signal.
    pub earliness_max: u32,
    /// Whether the learner's pausing looked like guessing.
    pub guessing_detected: bool,
    /// The reason it looked like guessing.
    pub guessing: Option<GuessingReason>,
    /// The first feedback rule that matches the recognised count and decision outcome;
    /// `None` only for a scenario the checker would reject.
    pub feedback: Option<Text>,
    /// Combinations whose signals were all recognised.
    pub completed_combinations: Vec<CompletedCombination>,
}

impl SessionResult {
    /// Number of recognised signals.
    pub fn recognised_count(&self) -> usize {
        self.recognised.len()
    }
}
