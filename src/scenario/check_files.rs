//! Checks of the files a scenario refers to: paths stay inside the folder, the film and
//! subtitles exist, subtitles are WebVTT, and the film's duration when it can be probed.

use std::collections::HashMap;
use std::fs;
use std::path::{Component, Path, PathBuf};

use super::check::DurationProbe;
use super::load::LoadedScenario;
use super::position::{PathStep, Position, scenario_path};
use super::problem::{ProblemSink, Severity};
use fluent_bundle::FluentArgs;

use crate::fluent_args;

/// Checks the film and subtitle files and returns the film's duration in nanoseconds when
/// the film exists inside the folder and the probe can read it.
pub(super) fn check_files(
    loaded: &LoadedScenario,
    sink: &mut ProblemSink,
    probe: DurationProbe<'_>,
) -> Option<u64> {
    let scenario = &loaded.scenario;
    let film = check_path(loaded, sink, &scenario.film, scenario_path!["film"], "film");

    let mut first_lines: HashMap<&str, usize> = HashMap::new();
    for (index, subtitle) in scenario.subtitles.iter().enumerate() {
        let position = loaded.position(scenario_path!["subtitles", index, "language"]);
        match first_lines.get(subtitle.language.as_str()) {
            Some(line) => {
                let args = fluent_args![
                    "language" => subtitle.language.clone(),
                    "line" => *line,
                ];
                sink.push(
                    position,
                    Severity::Error,
                    "duplicate-subtitle-language",
                    &args,
                );
            }
            None => {
                first_lines.insert(&subtitle.language, position.line);
            }
        }

        let path = scenario_path!["subtitles", index, "path"];
        if let Some(file) = check_path(loaded, sink, &subtitle.path, path, "subtitle") {
            check_webvtt(&file, sink);
        }
    }

    film.and_then(|film| probe(&film))
}

/// Returns true when `value` is an absolute path on any platform: `/film.webm`, `\film.webm` or
/// `C:\film.webm`. Scenario folders move between machines, so each form is rejected.
fn is_absolute_anywhere(value: &str) -> bool {
    let bytes = value.as_bytes();
    let drive_letter = bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':';
    Path::new(value).has_root() || value.starts_with('\\') || drive_letter
}

/// Returns true when `relative` leads out of its folder by `..` steps, without looking at
/// the disk.
fn escapes_lexically(relative: &Path) -> bool {
    let mut depth: usize = 0;
    for component in relative.components() {
        match component {
            Component::Normal(_) => depth += 1,
            Component::ParentDir if depth == 0 => return true,
            Component::ParentDir => depth -= 1,
            Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
        }
    }
    false
}

/// Checks one file path of the scenario and returns the file when it exists in the folder.
/// A symbolic link that resolves outside the folder counts as leaving it.
fn check_path(
    loaded: &LoadedScenario,
    sink: &mut ProblemSink,
    value: &str,
    path: &[PathStep<'_>],
    kind: &str,
) -> Option<PathBuf> {
    let position = loaded.position(path);
    let relative = Path::new(value);
    let args = fluent_args![
        "path" => value.to_owned(),
        "kind" => kind.to_owned(),
        "folder" => loaded.folder.display().to_string(),
    ];

    if is_absolute_anywhere(value) {
        sink.push(position, Severity::Error, "path-absolute", &args);
        return None;
    }
    if escapes_lexically(relative) {
        sink.push(position, Severity::Error, "path-escapes", &args);
        return None;
    }

    let file = loaded.folder.join(relative);
    if value.trim().is_empty() || !file.is_file() {
        sink.push(position, Severity::Error, "file-missing", &args);
        return None;
    }
    if let (Ok(folder), Ok(target)) = (loaded.folder.canonicalize(), file.canonicalize())
        && !target.starts_with(&folder)
    {
        sink.push(position, Severity::Error, "path-escapes", &args);
        return None;
    }
    Some(file)
}

/// Checks that a subtitle file starts with the `WEBVTT` signature line, after an optional
/// byte-order mark. Problems point at the subtitle file itself.
fn check_webvtt(file: &Path, sink: &mut ProblemSink) {
    let bytes = match fs::read(file) {
        Ok(bytes) => bytes,
        Err(error) => {
            let args = fluent_args!["reason" => error.to_string()];
            let code = "subtitle-unreadable";
            sink.push_in_file(
                file.to_path_buf(),
                Position::START,
                Severity::Error,
                code,
                &args,
            );
            return;
        }
    };
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let signature_ends_line = matches!(body.get(6), None | Some(b' ' | b'\t' | b'\n' | b'\r'));
    if !(body.starts_with(b"WEBVTT") && signature_ends_line) {
        let args = FluentArgs::new();
        let code = "subtitle-not-webvtt";
        sink.push_in_file(
            file.to_path_buf(),
            Position::START,
            Severity::Error,
            code,
            &args,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_paths_are_recognised_in_every_form() {
        assert!(is_absolute_anywhere("/tmp/film.webm"));
        assert!(is_absolute_anywhere("\\\\server\\film.webm"));
        assert!(is_absolute_anywhere("C:\\film.webm"));
        assert!(!is_absolute_anywhere("film.webm"));
        assert!(!is_absolute_anywhere("media/film.webm"));
    }

    #[test]
    fn parent_steps_that_stay_inside_are_allowed() {
        assert!(!escapes_lexically(Path::new("media/../film.webm")));
        assert!(!escapes_lexically(Path::new("./film.webm")));
        assert!(escapes_lexically(Path::new("../film.webm")));
        assert!(escapes_lexically(Path::new("media/../../film.webm")));
    }
}
