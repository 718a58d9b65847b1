//! The on-disk outbox: one JSON file per statement, written atomically and deleted only
//! once the LRS has stored it. File names start with the statement's timestamp, so the
//! statements go out in the order they happened.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::results::{create_private_dir, write_atomic};

/// The folder of statements waiting to be sent.
#[derive(Clone, Debug)]
pub struct Outbox {
    folder: PathBuf,
}

/// A statement file in the outbox.
#[derive(Clone, Debug)]
pub struct Pending {
    /// The file.
    pub path: PathBuf,
    /// The statement.
    pub statement: Value,
}

impl Outbox {
    /// Uses `folder`, creating it readable only by the user.
    pub fn open(folder: &Path) -> std::io::Result<Outbox> {
        create_private_dir(folder)?;
        Ok(Outbox {
            folder: folder.to_path_buf(),
        })
    }

    /// Returns the folder.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Writes each statement unless a file with its id is already waiting.
    pub fn enqueue(&self, statements: &[Value]) -> std::io::Result<()> {
        for statement in statements {
            let id = statement["id"].as_str().unwrap_or_default();
            let timestamp = statement["timestamp"].as_str().unwrap_or_default();
            // Colons are left out so the name is valid on every file system.
            let stamp: String = timestamp
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect();
            let path = self.folder.join(format!("{stamp}-{id}.json"));
            if path.exists() {
                continue;
            }
            let text = serde_json::to_vec(statement).map_err(std::io::Error::other)?;
            write_atomic(&path, &text)?;
        }
        Ok(())
    }

    /// Reads the waiting statements, oldest first. A file that does not parse is renamed
    /// to `*.invalid` and logged, so it never blocks the rest.
    pub fn pending(&self) -> std::io::Result<Vec<Pending>> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&self.folder)?
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| {
                path.extension()
                    .is_some_and(|extension| extension == "json")
            })
            .collect();
        paths.sort();
        let mut pending = Vec::with_capacity(paths.len());
        for path in paths {
            let parsed = std::fs::read(&path)
                .ok()
                .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok());
            match parsed {
                Some(statement) => pending.push(Pending { path, statement }),
                None => {
                    bevy::log::error!(
                        "outbox file {} is not a statement; renamed to .invalid",
                        path.display()
                    );
                    let _ = std::fs::rename(&path, path.with_extension("invalid"));
                }
            }
        }
        Ok(pending)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn enqueue_twice_keeps_one_file() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let outbox = Outbox::open(&folder.path().join("outbox")).expect("open");
        let statement = json!({"id": "0b7c7f4e-0000-5000-8000-000000000001",
                               "timestamp": "2025-06-01T10:00:00Z"});
        outbox
            .enqueue(std::slice::from_ref(&statement))
            .expect("enqueue");
        outbox.enqueue(&[statement]).expect("enqueue again");
        assert_eq!(outbox.pending().expect("pending").len(), 1);
    }

    #[test]
    fn pending_is_in_time_order() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let outbox = Outbox::open(folder.path()).expect("open");
        let later = json!({"id": "a", "timestamp": "2025-06-01T10:00:02Z"});
        let earlier = json!({"id": "b", "timestamp": "2025-06-01T10:00:01Z"});
        outbox.enqueue(&[later, earlier]).expect("enqueue");
        let ids: Vec<String> = outbox
            .pending()
            .expect("pending")
            .into_iter()
            .map(|pending| pending.statement["id"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(ids, ["b", "a"]);
    }

    #[test]
    fn unreadable_file_is_set_aside() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let outbox = Outbox::open(folder.path()).expect("open");
        std::fs::write(folder.path().join("2025-x.json"), "{half").expect("write");
        assert!(outbox.pending().expect("pending").is_empty());
        assert!(folder.path().join("2025-x.invalid").exists());
    }
}
