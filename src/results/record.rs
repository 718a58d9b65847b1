//! Turns the journey's [`SessionEvent`]s into journal lines on disk and, when the session
//! is finished, writes its summary.

use std::sync::Arc;

use bevy::prelude::*;

use super::event::{JournalAppended, SessionEvent, SessionInfo};
use super::journal::{JournalContents, JournalEvent, JournalWriter, read_journal};
use super::store::{DataFolder, summarise};

/// The data folder, or `None` when it could not be opened and results are not kept.
#[derive(Resource, Clone, Debug)]
pub struct ResultsFolder(pub Option<DataFolder>);

/// The last error writing results, for the screens to show; `None` while all is well.
#[derive(Resource, Clone, Debug, Default)]
pub struct RecordingProblem(pub Option<String>);

/// The journal of the session in progress.
pub(crate) struct ActiveJournal {
    info: Arc<SessionInfo>,
    writer: JournalWriter,
    contents: JournalContents,
}

/// Journals each event, in order, before the frame ends.
pub(crate) fn record_session_events(
    mut events: MessageReader<SessionEvent>,
    folder: Res<ResultsFolder>,
    mut active: Local<Option<ActiveJournal>>,
    mut problem: ResMut<RecordingProblem>,
    mut appended: MessageWriter<JournalAppended>,
) {
    for event in events.read() {
        if let SessionEvent::Opened { info, resumed } = event {
            *active = match open_journal(&folder, info, resumed.as_ref()) {
                Ok(opened) => opened,
                Err(message) => {
                    error!("{message}");
                    problem.0 = Some(message);
                    None
                }
            };
            if let Some(journal) = active.as_mut() {
                let first = match resumed {
                    Some(from) => JournalEvent::Resumed {
                        film_time: from.position,
                    },
                    None => JournalEvent::Started {
                        session_id: info.session_id,
                        scenario_id: info.scenario.id.clone(),
                        mode: info.mode,
                        learner: info.learner.clone(),
                        herken_version: env!("CARGO_PKG_VERSION").to_owned(),
                    },
                };
                write(journal, first, &mut problem, &mut appended);
                let opened = JournalEvent::FilmOpened {
                    length: info.film_length,
                };
                write(journal, opened, &mut problem, &mut appended);
            }
            continue;
        }
        let Some(journal) = active.as_mut() else {
            continue;
        };
        match event.clone() {
            SessionEvent::Opened { .. } => {}
            SessionEvent::Played { at } => {
                let event = JournalEvent::Played { film_time: at };
                write(journal, event, &mut problem, &mut appended);
            }
            SessionEvent::Paused {
                pause,
                at,
                origin,
                judgement,
            } => {
                let event = JournalEvent::Paused {
                    pause,
                    film_time: at,
                    origin,
                    judgement,
                };
                write(journal, event, &mut problem, &mut appended);
            }
            SessionEvent::Answered {
                pause,
                question,
                choice,
                correct,
            } => {
                let event = JournalEvent::Answered {
                    pause,
                    question,
                    choice,
                    correct,
                };
                write(journal, event, &mut problem, &mut appended);
            }
            SessionEvent::Seeked { from, to } => {
                let event = JournalEvent::Seeked { from, to };
                write(journal, event, &mut problem, &mut appended);
            }
            SessionEvent::Position { at } => {
                let event = JournalEvent::Position { film_time: at };
                write(journal, event, &mut problem, &mut appended);
            }
            SessionEvent::FilmEnded => {
                write(
                    journal,
                    JournalEvent::FilmEnded,
                    &mut problem,
                    &mut appended,
                );
            }
            SessionEvent::ClipReplayed { signal_id } => {
                let event = JournalEvent::ClipReplayed { signal_id };
                write(journal, event, &mut problem, &mut appended);
            }
            SessionEvent::Abandoned => {
                write(
                    journal,
                    JournalEvent::Abandoned,
                    &mut problem,
                    &mut appended,
                );
            }
            SessionEvent::Decided { result } => {
                if let Some(decision) = &result.decision {
                    let event = JournalEvent::Decided {
                        choice: decision.choice,
                        choice_id: decision.choice_id.clone(),
                        justified: decision.justified,
                    };
                    write(journal, event, &mut problem, &mut appended);
                }
                let finished = JournalEvent::Finished {
                    result: result.clone(),
                };
                write(journal, finished, &mut problem, &mut appended);
                write_summary(&folder, journal, &result, &mut problem);
            }
        }
    }
}

/// Opens the journal of a new session, or of the resumed one; `Ok(None)` when results
/// are not kept.
fn open_journal(
    folder: &ResultsFolder,
    info: &Arc<SessionInfo>,
    resumed: Option<&super::event::ResumedFrom>,
) -> Result<Option<ActiveJournal>, String> {
    let Some(folder) = &folder.0 else {
        return Ok(None);
    };
    let (path, contents) = match resumed {
        Some(from) => {
            let contents = read_journal(&from.journal).map_err(|error| {
                format!("cannot read journal {}: {error}", from.journal.display())
            })?;
            (from.journal.clone(), contents)
        }
        None => {
            let path = folder
                .create_session(info.session_id)
                .map_err(|error| format!("cannot create the session folder: {error}"))?;
            (path, JournalContents::default())
        }
    };
    let writer =
        JournalWriter::open(&path, contents.next_seq()).map_err(|error| error.to_string())?;
    info!("session {} journal: {}", info.session_id, path.display());
    Ok(Some(ActiveJournal {
        info: info.clone(),
        writer,
        contents,
    }))
}

fn write(
    journal: &mut ActiveJournal,
    event: JournalEvent,
    problem: &mut RecordingProblem,
    appended: &mut MessageWriter<JournalAppended>,
) {
    match journal.writer.append(event) {
        Ok(line) => {
            journal.contents.lines.push(line.clone());
            appended.write(JournalAppended {
                info: journal.info.clone(),
                line,
            });
        }
        Err(error) => {
            error!("{error}");
            problem.0 = Some(error.to_string());
        }
    }
}

fn write_summary(
    folder: &ResultsFolder,
    journal: &ActiveJournal,
    result: &crate::scenario::SessionResult,
    problem: &mut RecordingProblem,
) {
    let (Some(folder), Some(summary)) = (&folder.0, summarise(&journal.contents, result)) else {
        return;
    };
    match folder.write_summary(&summary) {
        Ok(path) => info!(
            "session {} finished; summary {}",
            summary.session_id,
            path.display()
        ),
        Err(error) => {
            let message = format!("cannot write the session summary: {error}");
            error!("{message}");
            problem.0 = Some(message);
        }
    }
}
