//! xAPI: statements built from the results journal go through an on-disk outbox to the
//! Learning Record Store named in the settings, sent by a background thread.

mod outbox;
mod sender;
mod statement;

use std::path::Path;
use std::time::Duration;

use bevy::prelude::*;

pub use outbox::{Outbox, Pending};
pub use sender::{LrsClient, SendError, SenderThread, send_outbox};
pub use statement::statements_for;

use crate::results::JournalAppended;
use crate::settings::LrsSettings;

/// The outbox folder's name inside the data folder.
pub const OUTBOX_FOLDER: &str = "outbox";

/// The LRS connection of a running app.
#[derive(Resource)]
pub struct Xapi {
    settings: LrsSettings,
    outbox: Outbox,
    sender: SenderThread,
}

impl Xapi {
    /// Opens the outbox under `data_dir` and starts the sender thread.
    pub fn start(settings: LrsSettings, data_dir: &Path) -> std::io::Result<Xapi> {
        let outbox = Outbox::open(&data_dir.join(OUTBOX_FOLDER))?;
        let sender = SenderThread::start(outbox.clone(), LrsClient::new(&settings))?;
        info!("xAPI statements go to {}", settings.endpoint);
        Ok(Xapi {
            settings,
            outbox,
            sender,
        })
    }

    /// Gives the sender up to `timeout` to empty the outbox, for when the app closes;
    /// returns the number of statements left for the next start.
    pub fn drain(&self, timeout: Duration) -> Option<usize> {
        self.sender.drain(timeout)
    }
}

/// Adds statement building to an app with the results plugin; `xapi` is `None` when no
/// LRS is configured.
pub fn add_xapi(app: &mut App, xapi: Option<Xapi>) {
    if let Some(xapi) = xapi {
        app.insert_resource(xapi);
        app.add_systems(
            Update,
            queue_statements
                .after(crate::results::record_session_events)
                .in_set(crate::AppSystems::Record),
        );
    }
}

/// Puts the statements for each new journal line into the outbox and wakes the sender.
fn queue_statements(mut appended: MessageReader<JournalAppended>, xapi: Res<Xapi>) {
    let mut queued = false;
    for message in appended.read() {
        let statements = statements_for(&message.info, &xapi.settings, &message.line);
        if statements.is_empty() {
            continue;
        }
        match xapi.outbox.enqueue(&statements) {
            Ok(()) => queued = true,
            Err(error) => error!(
                "cannot put statements in the outbox {}: {error}",
                xapi.outbox.folder().display()
            ),
        }
    }
    if queued {
        xapi.sender.wake();
    }
}
