//! Resuming a session: the journal's lines are replayed into a fresh [`Judge`], so pauses,
//! answers and the decision are restored once each, and the film goes on where it was.

use uuid::Uuid;

use super::journal::{JournalContents, JournalEvent};
use crate::scenario::{Ask, FilmTime, Judge, PauseId, PauseJudgement, Scenario};

/// The state of an unfinished session, rebuilt from its journal.
#[derive(Clone, Debug)]
pub struct Restored {
    /// The session's id.
    pub session_id: Uuid,
    /// The learner's identifier, when one was stored.
    pub learner: Option<String>,
    /// The judge with every recorded pause, answer and decision.
    pub judge: Judge,
    /// The pause whose question was open and unanswered, with the question to ask again.
    pub open_question: Option<(PauseId, Ask)>,
    /// The last film time the journal shows; the film goes on from here.
    pub position: FilmTime,
    /// Whether the film had reached its end.
    pub film_ended: bool,
    /// The sequence number of the next journal line.
    pub next_seq: u64,
    /// Descriptions of the lines that did not replay cleanly, for the log.
    pub problems: Vec<String>,
}

/// The reason a journal cannot be resumed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ResumeError {
    /// The `Started` line is missing or unreadable.
    #[error("the journal has no readable start line")]
    NoStart,
    /// The journal belongs to another scenario.
    #[error("the journal is for scenario {journal}, not {scenario}")]
    OtherScenario {
        /// The journal's scenario id.
        journal: String,
        /// The scenario given.
        scenario: String,
    },
    /// The session was finished or discarded.
    #[error("the session is already finished or discarded")]
    Closed,
}

/// Replays `journal` into a judge for `scenario`. Skipped lines and events that no longer
/// fit the scenario are listed in [`Restored::problems`]; they never stop the resume.
pub fn replay(journal: &JournalContents, scenario: &Scenario) -> Result<Restored, ResumeError> {
    let (session_id, scenario_id, learner) = journal.start().ok_or(ResumeError::NoStart)?;
    if scenario_id != scenario.id {
        return Err(ResumeError::OtherScenario {
            journal: scenario_id.to_owned(),
            scenario: scenario.id.clone(),
        });
    }
    if journal.is_closed() {
        return Err(ResumeError::Closed);
    }

    let mut problems: Vec<String> = journal
        .skipped
        .iter()
        .map(|skipped| format!("line {} skipped: {}", skipped.line, skipped.message))
        .collect();
    let mode = journal
        .lines
        .iter()
        .find_map(|line| match line.event {
            JournalEvent::Started { mode, .. } => Some(mode),
            _ => None,
        })
        .unwrap_or_default();
    let mut judge = Judge::with_mode(scenario, mode);
    let mut open_question = None;
    let mut position = FilmTime::ZERO;
    let mut film_ended = false;

    for line in &journal.lines {
        match &line.event {
            JournalEvent::Paused {
                pause,
                film_time,
                origin,
                judgement,
            } => {
                let outcome = judge.record_pause(*film_time, *origin);
                if outcome.pause != *pause {
                    problems.push(format!(
                        "line seq {}: pause {} was replayed as pause {}",
                        line.seq, pause.0, outcome.pause.0
                    ));
                }
                let replayed = judge.pauses()[outcome.pause.0].judgement;
                if replayed != *judgement && *judgement != PauseJudgement::NotJudged {
                    problems.push(format!(
                        "line seq {}: the scenario changed; pause at {film_time} now counts as {replayed:?}",
                        line.seq
                    ));
                }
                open_question =
                    (outcome.ask != Ask::Nothing).then_some((outcome.pause, outcome.ask));
                position = *film_time;
            }
            JournalEvent::Answered { pause, choice, .. } => {
                match judge.record_answer(*pause, *choice) {
                    Ok(()) => {}
                    Err(error) => problems.push(format!("line seq {}: {error}", line.seq)),
                }
                if open_question.is_some_and(|(open, _)| open == *pause) {
                    open_question = None;
                }
            }
            JournalEvent::Decided { choice, .. } => {
                if let Err(error) = judge.record_decision(*choice) {
                    problems.push(format!("line seq {}: {error}", line.seq));
                }
            }
            JournalEvent::Played { film_time }
            | JournalEvent::Position { film_time }
            | JournalEvent::Resumed { film_time } => position = *film_time,
            JournalEvent::Seeked { to, .. } => position = *to,
            JournalEvent::FilmEnded => film_ended = true,
            JournalEvent::Started { .. }
            | JournalEvent::FilmOpened { .. }
            | JournalEvent::Finished { .. }
            | JournalEvent::ClipReplayed { .. }
            | JournalEvent::Discarded
            | JournalEvent::Abandoned => {}
        }
    }

    Ok(Restored {
        session_id,
        learner: learner.map(str::to_owned),
        judge,
        open_question,
        position,
        film_ended,
        next_seq: journal.next_seq(),
        problems,
    })
}

#[cfg(test)]
mod tests {
    use time::OffsetDateTime;

    use super::*;
    use crate::results::journal::{JournalLine, SkippedLine};
    use crate::scenario::testing::{scenario_with_windows, seconds};
    use crate::scenario::{JudgeMode, PauseOrigin};

    fn journal(events: Vec<JournalEvent>) -> JournalContents {
        let mut lines = vec![JournalEvent::Started {
            session_id: Uuid::nil(),
            scenario_id: "test".into(),
            mode: JudgeMode::Exam,
            learner: None,
            herken_version: "0".into(),
        }];
        lines.extend(events);
        JournalContents {
            lines: lines
                .into_iter()
                .enumerate()
                .map(|(seq, event)| JournalLine {
                    seq: seq as u64,
                    at: OffsetDateTime::UNIX_EPOCH,
                    event,
                })
                .collect(),
            skipped: Vec::new(),
        }
    }

    fn paused(pause: usize, time: f64, judgement: PauseJudgement) -> JournalEvent {
        JournalEvent::Paused {
            pause: PauseId(pause),
            film_time: seconds(time),
            origin: PauseOrigin::Learner,
            judgement,
        }
    }

    fn hit(signal: usize, earliness: u8) -> PauseJudgement {
        PauseJudgement::Recognised {
            signal,
            earliness,
            in_grace: false,
        }
    }

    #[test]
    fn answered_pause_is_restored_once() {
        let scenario = scenario_with_windows(&[(10.0, 20.0), (30.0, 40.0)]);
        let contents = journal(vec![
            paused(0, 11.0, hit(0, 5)),
            JournalEvent::Answered {
                pause: PauseId(0),
                question: crate::scenario::QuestionRef::Signal("signal-0".into()),
                choice: 0,
                correct: Some(true),
            },
            JournalEvent::Played {
                film_time: seconds(11.0),
            },
            JournalEvent::Position {
                film_time: seconds(16.0),
            },
        ]);
        let restored = replay(&contents, &scenario).expect("resumable");
        assert_eq!(restored.judge.pauses().len(), 1);
        assert_eq!(restored.judge.answers().len(), 1);
        assert!(restored.judge.is_recognised(0));
        assert_eq!(restored.open_question, None);
        assert_eq!(restored.position, seconds(16.0));
        assert_eq!(restored.next_seq, 5);
        assert!(restored.problems.is_empty(), "{:?}", restored.problems);
    }

    #[test]
    fn unanswered_question_is_asked_again() {
        let scenario = scenario_with_windows(&[(10.0, 20.0), (30.0, 40.0)]);
        let contents = journal(vec![paused(0, 31.0, hit(1, 5))]);
        let restored = replay(&contents, &scenario).expect("resumable");
        assert_eq!(
            restored.open_question,
            Some((PauseId(0), Ask::SignalQuestion(1)))
        );
        assert_eq!(restored.position, seconds(31.0));
        assert!(restored.judge.answers().is_empty());
    }

    #[test]
    fn skipped_lines_are_reported_not_fatal() {
        let scenario = scenario_with_windows(&[(10.0, 20.0)]);
        let mut contents = journal(vec![paused(0, 11.0, hit(0, 5))]);
        contents.skipped.push(SkippedLine {
            line: 3,
            message: "EOF while parsing".into(),
        });
        let restored = replay(&contents, &scenario).expect("resumable");
        assert_eq!(restored.judge.pauses().len(), 1);
        assert_eq!(restored.problems.len(), 1);
        assert!(
            restored.problems[0].contains("line 3"),
            "{:?}",
            restored.problems
        );
    }

    #[test]
    fn finished_session_is_not_resumed() {
        let scenario = scenario_with_windows(&[(10.0, 20.0)]);
        let contents = journal(vec![JournalEvent::Discarded]);
        assert_eq!(
            replay(&contents, &scenario).unwrap_err(),
            ResumeError::Closed
        );
    }

    #[test]
    fn journal_of_other_scenario_is_rejected() {
        let mut scenario = scenario_with_windows(&[(10.0, 20.0)]);
        scenario.id = "other".into();
        let error = replay(&journal(Vec::new()), &scenario).unwrap_err();
        assert!(
            matches!(error, ResumeError::OtherScenario { .. }),
            "{error}"
        );
    }
}
