//! The per-session journal: one JSON object per line for every learner action, appended
//! and synced before the app moves on. Reading it skips and reports lines that do not
//! parse, so a line cut off by a crash never hides the lines before it.

use std::fs::File;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use super::files::{append_line, open_for_append};
use crate::scenario::{
    FilmTime, JudgeMode, PauseId, PauseJudgement, PauseOrigin, QuestionRef, SessionResult,
};

/// One line of the journal: a sequence number, when it happened, and what happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JournalLine {
    /// Counts from 0 within the session; xAPI statement ids are derived from it.
    pub seq: u64,
    /// The wall-clock time, in UTC.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// What happened.
    #[serde(flatten)]
    pub event: JournalEvent,
}

/// Something that happened in a session. Film times are those of the frame on screen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum JournalEvent {
    /// The session began; always the first line.
    Started {
        /// The session's random id.
        session_id: Uuid,
        /// The scenario's id.
        scenario_id: String,
        /// Exam or practice windows.
        mode: JudgeMode,
        /// The learner's identifier, only when the organisation's settings ask for one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        learner: Option<String>,
        /// The herken version that wrote the journal.
        herken_version: String,
    },
    /// The film was opened and is ready to play.
    FilmOpened {
        /// The film's duration, when the film states one.
        length: Option<FilmTime>,
    },
    /// The film started or went on playing.
    Played {
        /// The film time it plays from.
        film_time: FilmTime,
    },
    /// The film paused, by the learner or the program.
    Paused {
        /// The pause's place in the session.
        pause: PauseId,
        /// The frame on screen.
        film_time: FilmTime,
        /// Who paused.
        origin: PauseOrigin,
        /// The judgement: the signal the pause hit, a repeat, or a false alarm.
        judgement: PauseJudgement,
    },
    /// The learner answered the question of a pause.
    Answered {
        /// The pause the question belongs to.
        pause: PauseId,
        /// The question answered.
        question: QuestionRef,
        /// Index of the chosen answer.
        choice: usize,
        /// Whether it is right; `None` for a question without right answers.
        correct: Option<bool>,
    },
    /// The film jumped.
    Seeked {
        /// The frame on screen before the seek.
        from: FilmTime,
        /// The target.
        to: FilmTime,
    },
    /// The film played on to here; written every few seconds so a resume starts close.
    Position {
        /// The frame on screen.
        film_time: FilmTime,
    },
    /// The film reached its end.
    FilmEnded,
    /// The learner made the closing decision.
    Decided {
        /// Index of the chosen decision.
        choice: usize,
        /// Id of the chosen decision.
        choice_id: String,
        /// Whether the decision is justified.
        justified: bool,
    },
    /// The session is finished, with its result; `summary.json` contains the same result.
    Finished {
        /// The result.
        result: Box<SessionResult>,
    },
    /// The learner replayed a signal's clip on the feedback timeline.
    ClipReplayed {
        /// The signal's id.
        signal_id: String,
    },
    /// The session went on after the app was closed or crashed.
    Resumed {
        /// Where the film goes on.
        film_time: FilmTime,
    },
    /// The learner chose not to resume this session.
    Discarded,
    /// The learner walked away and a kiosk reset; the session is closed without a result.
    Abandoned,
}

/// A journal line that could not be read, reported and skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedLine {
    /// The line number, counting from 1.
    pub line: usize,
    /// The parser's message.
    pub message: String,
}

/// The lines of a journal that could be read, and those skipped.
#[derive(Clone, Debug, Default)]
pub struct JournalContents {
    /// Lines in file order.
    pub lines: Vec<JournalLine>,
    /// Lines that did not parse.
    pub skipped: Vec<SkippedLine>,
}

impl JournalContents {
    /// Returns the `Started` line's session id, scenario id and learner, if it was read.
    pub fn start(&self) -> Option<(Uuid, &str, Option<&str>)> {
        self.lines.iter().find_map(|line| match &line.event {
            JournalEvent::Started {
                session_id,
                scenario_id,
                learner,
                ..
            } => Some((*session_id, scenario_id.as_str(), learner.as_deref())),
            _ => None,
        })
    }

    /// Returns the sequence number the next line gets.
    pub fn next_seq(&self) -> u64 {
        self.lines
            .iter()
            .map(|line| line.seq + 1)
            .max()
            .unwrap_or(0)
    }

    /// Returns whether the session was finished or discarded.
    pub fn is_closed(&self) -> bool {
        self.lines.iter().any(|line| {
            matches!(
                line.event,
                JournalEvent::Finished { .. } | JournalEvent::Discarded | JournalEvent::Abandoned
            )
        })
    }
}

/// Parses journal text line by line; empty lines are ignored.
pub fn parse_journal(text: &str) -> JournalContents {
    let mut contents = JournalContents::default();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<JournalLine>(line) {
            Ok(parsed) => contents.lines.push(parsed),
            Err(error) => contents.skipped.push(SkippedLine {
                line: index + 1,
                message: error.to_string(),
            }),
        }
    }
    contents
}

/// Reads a journal file. Bytes that are not UTF-8 only spoil the lines they are in.
pub fn read_journal(path: &Path) -> std::io::Result<JournalContents> {
    let bytes = std::fs::read(path)?;
    Ok(parse_journal(&String::from_utf8_lossy(&bytes)))
}

/// A journal open for appending.
#[derive(Debug)]
pub struct JournalWriter {
    path: PathBuf,
    file: File,
    next_seq: u64,
}

/// The reason a journal line could not be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot write journal {path}: {source}")]
pub struct JournalWriteError {
    /// The journal file.
    pub path: PathBuf,
    /// The reason.
    pub source: std::io::Error,
}

impl JournalWriter {
    /// Opens `path` for appending; the first line written gets `next_seq`.
    pub fn open(path: &Path, next_seq: u64) -> Result<JournalWriter, JournalWriteError> {
        let file = open_for_append(path).map_err(|source| JournalWriteError {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(JournalWriter {
            path: path.to_path_buf(),
            file,
            next_seq,
        })
    }

    /// Returns the journal's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends `event` stamped with the current time, and returns the line once it is on
    /// disk.
    pub fn append(&mut self, event: JournalEvent) -> Result<JournalLine, JournalWriteError> {
        let line = JournalLine {
            seq: self.next_seq,
            at: OffsetDateTime::now_utc(),
            event,
        };
        let text = serde_json::to_string(&line).map_err(|error| JournalWriteError {
            path: self.path.clone(),
            source: std::io::Error::other(error),
        })?;
        append_line(&mut self.file, &text).map_err(|source| JournalWriteError {
            path: self.path.clone(),
            source,
        })?;
        self.next_seq += 1;
        Ok(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn started() -> JournalEvent {
        JournalEvent::Started {
            session_id: Uuid::nil(),
            scenario_id: "baliemedewerker".into(),
            mode: JudgeMode::Exam,
            learner: None,
            herken_version: "0.1.0".into(),
        }
    }

    #[test]
    fn written_lines_read_back_equal() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = folder.path().join("journal.jsonl");
        let mut writer = JournalWriter::open(&path, 0).expect("open");
        let first = writer.append(started()).expect("append");
        let second = writer
            .append(JournalEvent::Paused {
                pause: PauseId(0),
                film_time: FilmTime::from_millis(68_400),
                origin: PauseOrigin::Learner,
                judgement: PauseJudgement::FalseAlarm,
            })
            .expect("append");
        let contents = read_journal(&path).expect("read");
        assert_eq!(contents.lines, vec![first, second]);
        assert!(contents.skipped.is_empty());
        assert_eq!(contents.next_seq(), 2);
    }

    #[test]
    fn cut_off_last_line_is_skipped_and_reported() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = folder.path().join("journal.jsonl");
        let mut writer = JournalWriter::open(&path, 0).expect("open");
        writer.append(started()).expect("append");
        writer.append(JournalEvent::FilmEnded).expect("append");
        drop(writer);
        let mut text = std::fs::read_to_string(&path).expect("read");
        text.push_str("{\"seq\":2,\"at\":\"2025-");
        std::fs::write(&path, text).expect("write");

        let contents = read_journal(&path).expect("read");
        assert_eq!(contents.lines.len(), 2, "earlier lines kept");
        assert_eq!(contents.skipped.len(), 1);
        assert_eq!(contents.skipped[0].line, 3);
        assert_eq!(contents.next_seq(), 2);

        let mut writer = JournalWriter::open(&path, contents.next_seq()).expect("reopen");
        writer.append(JournalEvent::Discarded).expect("append");
        let contents = read_journal(&path).expect("read");
        assert_eq!(contents.lines.len(), 3, "the new line is readable");
        assert!(contents.is_closed());
    }

    #[test]
    fn garbage_in_the_middle_keeps_later_lines() {
        let line = |seq: u64| {
            format!("{{\"seq\":{seq},\"at\":\"2025-06-01T10:00:00Z\",\"event\":\"film_ended\"}}")
        };
        let text = format!("{}\n\u{0}\u{1}not json\n{}\n", line(0), line(2));
        let contents = parse_journal(&text);
        assert_eq!(contents.lines.len(), 2);
        assert_eq!(contents.skipped[0].line, 2);
    }
}
