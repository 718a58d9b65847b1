//! The data folder's layout: `sessions/{id}/journal.jsonl` for every session and
//! `sessions/{id}/summary.json` once it is finished. Folders are 0700 and files 0600.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use super::files::{create_private_dir, write_atomic};
use super::journal::{JournalContents, JournalEvent, read_journal};
use crate::scenario::{FilmTime, SessionResult};

/// The journal's file name in a session folder.
pub const JOURNAL_FILE: &str = "journal.jsonl";
/// The summary's file name in a session folder.
pub const SUMMARY_FILE: &str = "summary.json";

/// What a finished session leaves for exports: the result with when and how long.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionSummary {
    /// The session's random id.
    pub session_id: Uuid,
    /// The scenario's id.
    pub scenario_id: String,
    /// The learner's identifier, only when the organisation's settings ask for one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learner: Option<String>,
    /// When the session began.
    #[serde(with = "time::serde::rfc3339")]
    pub started_at: OffsetDateTime,
    /// When the decision was made.
    #[serde(with = "time::serde::rfc3339")]
    pub finished_at: OffsetDateTime,
    /// Time spent in the session, in seconds, leaving out the time between a crash and
    /// the resume.
    pub active_seconds: f64,
    /// How often the session was resumed.
    pub resumes: u32,
    /// The result.
    pub result: SessionResult,
}

/// The reason the data folder could not be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The reason.
        source: std::io::Error,
    },
    /// A summary is not valid JSON for a [`SessionSummary`].
    #[error("{path} is not a valid session summary: {message}")]
    InvalidSummary {
        /// The summary file.
        path: PathBuf,
        /// The parser's message.
        message: String,
    },
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A session that was neither finished nor discarded.
#[derive(Clone, Debug)]
pub struct UnfinishedSession {
    /// The session's folder.
    pub folder: PathBuf,
    /// The journal as read.
    pub journal: JournalContents,
    /// The scenario's id.
    pub scenario_id: String,
    /// The time of the last readable line.
    pub last_activity: OffsetDateTime,
}

impl UnfinishedSession {
    /// Returns the journal's path.
    pub fn journal_path(&self) -> PathBuf {
        self.folder.join(JOURNAL_FILE)
    }

    /// Returns the number of learner pauses and the last film time in the journal.
    pub fn progress(&self) -> (usize, FilmTime) {
        let mut pauses = 0;
        let mut position = FilmTime::ZERO;
        for line in &self.journal.lines {
            match &line.event {
                JournalEvent::Paused {
                    film_time, origin, ..
                } => {
                    if *origin == crate::scenario::PauseOrigin::Learner {
                        pauses += 1;
                    }
                    position = *film_time;
                }
                JournalEvent::Played { film_time }
                | JournalEvent::Position { film_time }
                | JournalEvent::Resumed { film_time } => position = *film_time,
                JournalEvent::Seeked { to, .. } => position = *to,
                _ => {}
            }
        }
        (pauses, position)
    }
}

/// The folder that holds every session's journal and summary.
#[derive(Clone, Debug)]
pub struct DataFolder {
    root: PathBuf,
}

impl DataFolder {
    /// Uses `root`, creating it and its `sessions` folder readable only by the user.
    pub fn open(root: &Path) -> Result<DataFolder, StoreError> {
        let folder = DataFolder {
            root: root.to_path_buf(),
        };
        create_private_dir(&folder.sessions()).map_err(io_error(&folder.sessions()))?;
        create_private_dir(root).map_err(io_error(root))?;
        Ok(folder)
    }

    /// Returns the root folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn sessions(&self) -> PathBuf {
        self.root.join("sessions")
    }

    /// Creates the folder of a new session and returns its journal's path.
    pub fn create_session(&self, session_id: Uuid) -> Result<PathBuf, StoreError> {
        let folder = self.sessions().join(session_id.to_string());
        create_private_dir(&folder).map_err(io_error(&folder))?;
        Ok(folder.join(JOURNAL_FILE))
    }

    /// Writes a finished session's summary atomically.
    pub fn write_summary(&self, summary: &SessionSummary) -> Result<PathBuf, StoreError> {
        let path = self
            .sessions()
            .join(summary.session_id.to_string())
            .join(SUMMARY_FILE);
        let text = serde_json::to_vec_pretty(summary).map_err(|error| StoreError::Io {
            path: path.clone(),
            source: std::io::Error::other(error),
        })?;
        write_atomic(&path, &text).map_err(io_error(&path))?;
        Ok(path)
    }

    fn session_folders(&self) -> Result<Vec<PathBuf>, StoreError> {
        let sessions = self.sessions();
        let mut folders: Vec<PathBuf> = std::fs::read_dir(&sessions)
            .map_err(io_error(&sessions))?
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.is_dir())
            .collect();
        folders.sort();
        Ok(folders)
    }

    /// Lists sessions that are neither finished nor discarded, the most recent last.
    /// A journal that cannot be read is logged and left out.
    pub fn unfinished_sessions(&self) -> Result<Vec<UnfinishedSession>, StoreError> {
        let mut found = Vec::new();
        for folder in self.session_folders()? {
            let journal_path = folder.join(JOURNAL_FILE);
            if folder.join(SUMMARY_FILE).exists() || !journal_path.is_file() {
                continue;
            }
            let journal = match read_journal(&journal_path) {
                Ok(journal) => journal,
                Err(error) => {
                    bevy::log::warn!("journal {} not read: {error}", journal_path.display());
                    continue;
                }
            };
            if journal.is_closed() {
                continue;
            }
            let Some((_, scenario_id, _)) = journal.start() else {
                bevy::log::warn!("journal {} has no start line", journal_path.display());
                continue;
            };
            let scenario_id = scenario_id.to_owned();
            let last_activity = journal
                .lines
                .iter()
                .map(|line| line.at)
                .max()
                .unwrap_or(OffsetDateTime::UNIX_EPOCH);
            found.push(UnfinishedSession {
                folder,
                journal,
                scenario_id,
                last_activity,
            });
        }
        found.sort_by_key(|session| session.last_activity);
        Ok(found)
    }

    /// Reads every finished session's summary, oldest first. A summary that cannot be
    /// read is returned as an error beside the others, so one bad file never hides the rest.
    pub fn finished_sessions(&self) -> Result<(Vec<SessionSummary>, Vec<StoreError>), StoreError> {
        let mut summaries = Vec::new();
        let mut errors = Vec::new();
        for folder in self.session_folders()? {
            let path = folder.join(SUMMARY_FILE);
            if !path.is_file() {
                continue;
            }
            let parsed = std::fs::read_to_string(&path)
                .map_err(io_error(&path))
                .and_then(|text| {
                    serde_json::from_str::<SessionSummary>(&text).map_err(|error| {
                        StoreError::InvalidSummary {
                            path: path.clone(),
                            message: error.to_string(),
                        }
                    })
                });
            match parsed {
                Ok(summary) => summaries.push(summary),
                Err(error) => errors.push(error),
            }
        }
        summaries.sort_by_key(|summary| summary.started_at);
        Ok((summaries, errors))
    }
}

/// Builds the summary of a finished session from its journal and result. The active time
/// adds up each stretch from a `Started` or `Resumed` line to the last line before the
/// next resume.
pub fn summarise(journal: &JournalContents, result: &SessionResult) -> Option<SessionSummary> {
    let (session_id, scenario_id, learner) = journal.start()?;
    let started_at = journal.lines.first()?.at;
    let finished_at = journal.lines.last()?.at;
    let mut active = time::Duration::ZERO;
    let mut stretch_start = started_at;
    let mut stretch_end = started_at;
    let mut resumes = 0;
    for line in &journal.lines {
        if matches!(line.event, JournalEvent::Resumed { .. }) {
            active += stretch_end - stretch_start;
            stretch_start = line.at;
            resumes += 1;
        }
        stretch_end = line.at;
    }
    active += stretch_end - stretch_start;
    Some(SessionSummary {
        session_id,
        scenario_id: scenario_id.to_owned(),
        learner: learner.map(str::to_owned),
        started_at,
        finished_at,
        active_seconds: active.as_seconds_f64().max(0.0),
        resumes,
        result: result.clone(),
    })
}
