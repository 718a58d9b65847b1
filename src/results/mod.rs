//! Durable results: every learner action goes into a per-session journal on disk, a
//! finished session leaves an atomically written summary, an unfinished one can be
//! resumed, and trainers export the summaries.

pub mod commands;
mod event;
mod export;
mod files;
mod journal;
mod record;
mod resume;
mod store;

use bevy::prelude::*;

pub use event::{JournalAppended, ResumedFrom, SessionEvent, SessionInfo};
pub use export::{ExportRow, ScenarioTally, tally, write_csv, write_tally};
pub use journal::{
    JournalContents, JournalEvent, JournalLine, JournalWriteError, JournalWriter, SkippedLine,
    parse_journal, read_journal,
};
pub use record::{RecordingProblem, ResultsFolder};
pub use resume::{Restored, ResumeError, replay};
pub use store::{
    DataFolder, JOURNAL_FILE, SUMMARY_FILE, SessionSummary, StoreError, UnfinishedSession,
    summarise,
};

pub(crate) use files::{create_private_dir, write_atomic};
pub(crate) use record::record_session_events;

/// The learner's identifier for new sessions; `None` unless the organisation's settings
/// ask for one.
#[derive(Resource, Clone, Debug, Default)]
pub struct Learner(pub Option<String>);

/// Adds the journal to an app whose journey writes [`SessionEvent`]s. `folder` is `None`
/// when the data folder could not be opened; sessions then run without a journal.
pub fn add_results(app: &mut App, folder: Option<DataFolder>) {
    app.add_message::<SessionEvent>();
    app.add_message::<JournalAppended>();
    app.insert_resource(ResultsFolder(folder));
    app.init_resource::<RecordingProblem>();
    app.init_resource::<Learner>();
    app.add_systems(
        Update,
        record::record_session_events.in_set(crate::AppSystems::Record),
    );
}
