//! File operations that keep results private and durable: folders only the user can open
//! (0700), files only the user can read (0600), lines synced to disk before returning, and
//! whole files replaced atomically.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;

#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};

/// Creates `folder` and its missing parents, readable only by the user. An existing
/// folder gets the same permissions.
pub(crate) fn create_private_dir(folder: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    builder.mode(0o700);
    builder.create(folder)?;
    #[cfg(unix)]
    std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700))?;
    Ok(())
}

fn private_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    options.mode(0o600);
    options
}

/// Opens `path` for appending lines, creating it readable only by the user. When the file
/// ends in a half-written line (a crash mid-write), a newline is added first so the next
/// line starts on its own.
pub(crate) fn open_for_append(path: &Path) -> io::Result<File> {
    let mut file = private_options()
        .read(true)
        .append(true)
        .create(true)
        .open(path)?;
    let length = file.metadata()?.len();
    if length > 0 {
        let mut last = [0u8; 1];
        file.seek(SeekFrom::Start(length - 1))?;
        file.read_exact(&mut last)?;
        if last[0] != b'\n' {
            file.write_all(b"\n")?;
            file.sync_data()?;
        }
    }
    Ok(file)
}

/// Appends `line` and a newline in one write, then waits until the data is on disk.
pub(crate) fn append_line(file: &mut File, line: &str) -> io::Result<()> {
    let mut bytes = Vec::with_capacity(line.len() + 1);
    bytes.extend_from_slice(line.as_bytes());
    bytes.push(b'\n');
    file.write_all(&bytes)?;
    file.sync_data()
}

/// Replaces `path` with `contents` atomically: a temporary file beside it is written,
/// synced and renamed over `path`, so a reader sees the old or the new file, never half.
pub(crate) fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    let file_name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "path has no file name"))?;
    let mut temporary_name = file_name.to_os_string();
    temporary_name.push(".tmp");
    let temporary = path.with_file_name(temporary_name);

    let mut file = private_options()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&temporary)?;
    file.write_all(contents)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&temporary, path)?;

    // The rename is durable only once the folder's entry is on disk too.
    if let Some(folder) = path.parent()
        && let Ok(folder) = File::open(folder)
    {
        folder.sync_all()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn append_after_half_line_starts_new_line() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = folder.path().join("journal.jsonl");
        std::fs::write(&path, "{\"a\":1}\n{\"b\":").expect("write");
        let mut file = open_for_append(&path).expect("open");
        append_line(&mut file, "{\"c\":3}").expect("append");
        let text = std::fs::read_to_string(&path).expect("read");
        assert_eq!(text, "{\"a\":1}\n{\"b\":\n{\"c\":3}\n");
    }

    #[cfg(unix)]
    #[test]
    fn files_and_folders_are_private() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let private = folder.path().join("data/sessions");
        create_private_dir(&private).expect("create");
        let mode = std::fs::metadata(&private)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700);

        let summary = private.join("summary.json");
        write_atomic(&summary, b"{}").expect("write");
        let mode = std::fs::metadata(&summary)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);

        let journal = private.join("journal.jsonl");
        open_for_append(&journal).expect("open");
        let mode = std::fs::metadata(&journal)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn atomic_write_replaces_whole_file() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = folder.path().join("summary.json");
        write_atomic(&path, b"first version").expect("first");
        write_atomic(&path, b"second").expect("second");
        assert_eq!(std::fs::read(&path).expect("read"), b"second");
        assert!(!folder.path().join("summary.json.tmp").exists());
    }
}
