//! Files herken cannot play get a clear message, never a panic.

use std::path::Path;

use herken::i18n::Language;
use herken::video::{Film, FilmError, FilmOptions};

use crate::support::fixtures;

fn open_error(path: &Path) -> FilmError {
    match Film::open(path, FilmOptions::watching()) {
        Ok(_) => panic!("{} should not open", path.display()),
        Err(error) => error,
    }
}

#[test]
fn missing_file_is_not_found() {
    let error = open_error(Path::new("/nonexistent/film.webm"));
    assert!(matches!(error, FilmError::NotFound { .. }), "{error:?}");
    assert!(
        error
            .user_message(Language::Dutch)
            .contains("/nonexistent/film.webm")
    );
}

#[test]
fn text_file_named_mp4_is_not_media() {
    let error = open_error(&fixtures::text_named_mp4());
    assert!(matches!(error, FilmError::NotMedia { .. }), "{error:?}");
}

#[test]
fn audio_only_file_has_no_picture() {
    let error = open_error(&fixtures::audio_only());
    assert!(matches!(error, FilmError::NoPicture { .. }), "{error:?}");
    let english = error.user_message(Language::English);
    assert!(english.contains("no picture"), "{english}");
}

// Opened in its own process, as an author would, because inside this test binary many
// pipelines open at once, and under that load playbin can lose qtdemux's error for this
// file; `Film::open` then reports it as damaged after 5 s without streams.
#[test]
fn truncated_file_is_damaged() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_herken"))
        .args(["--lang", "en", "probe"])
        .arg(fixtures::truncated())
        .output()
        .expect("run herken probe");
    assert_eq!(output.status.code(), Some(1));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("is damaged or incomplete"), "{message}");
}

#[test]
fn folder_is_not_found() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let error = open_error(folder.path());
    assert!(matches!(error, FilmError::NotFound { .. }), "{error:?}");
}
