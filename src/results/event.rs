//! The facts the journey reports about a session, and the journal lines they become.

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;
use uuid::Uuid;

use super::journal::JournalLine;
use crate::scenario::{
    FilmTime, JudgeMode, PauseId, PauseJudgement, PauseOrigin, QuestionRef, Scenario, SessionResult,
};

/// What stays the same for a whole session.
#[derive(Clone, Debug)]
pub struct SessionInfo {
    /// The session's random id.
    pub session_id: Uuid,
    /// The scenario being worked through.
    pub scenario: Scenario,
    /// Exam or practice windows.
    pub mode: JudgeMode,
    /// The film's duration, when the film states one.
    pub film_length: Option<FilmTime>,
    /// The learner's identifier, only when the organisation's settings ask for one.
    pub learner: Option<String>,
}

/// Where a resumed session's journal goes on.
#[derive(Clone, Debug)]
pub struct ResumedFrom {
    /// The journal file.
    pub journal: PathBuf,
    /// The film time the session goes on from.
    pub position: FilmTime,
}

/// Something that happened in the session. The journey writes these in
/// [`crate::AppSystems::Update`]; the results plugin journals them in
/// [`crate::AppSystems::Record`], in the same frame.
#[derive(Message, Clone, Debug)]
pub enum SessionEvent {
    /// A session began, or an unfinished one was resumed.
    Opened {
        /// The session.
        info: Arc<SessionInfo>,
        /// Set when an unfinished session goes on.
        resumed: Option<ResumedFrom>,
    },
    /// The film started or went on playing from `at`.
    Played {
        /// The film time.
        at: FilmTime,
    },
    /// The film paused with this frame on screen.
    Paused {
        /// The pause's place in the session.
        pause: PauseId,
        /// The frame on screen.
        at: FilmTime,
        /// Who paused.
        origin: PauseOrigin,
        /// What the pause hit.
        judgement: PauseJudgement,
    },
    /// The learner answered the question of a pause.
    Answered {
        /// The pause.
        pause: PauseId,
        /// The question answered.
        question: QuestionRef,
        /// Index of the chosen answer.
        choice: usize,
        /// Whether it is right; `None` for a question without right answers.
        correct: Option<bool>,
    },
    /// The film jumped from one time to another.
    Seeked {
        /// The frame on screen before.
        from: FilmTime,
        /// The target.
        to: FilmTime,
    },
    /// The film has played on to this time.
    Position {
        /// The frame on screen.
        at: FilmTime,
    },
    /// The film reached its end.
    FilmEnded,
    /// The learner made the decision, which finishes the session.
    Decided {
        /// The session's result, with the decision.
        result: Box<SessionResult>,
    },
    /// The learner replayed a signal's clip in the feedback.
    ClipReplayed {
        /// The signal's id.
        signal_id: String,
    },
    /// The session ended without a decision because the learner walked away, as when a
    /// kiosk resets after its idle countdown.
    Abandoned,
}

/// Sent once a journal line is on disk, for the xAPI statements.
#[derive(Message, Clone, Debug)]
pub struct JournalAppended {
    /// The session.
    pub info: Arc<SessionInfo>,
    /// The line.
    pub line: JournalLine,
}
