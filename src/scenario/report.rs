//! `herken check`: finds the scenarios under the given paths, checks each and writes every
//! problem as `file:line:column: severity: message` lines or as JSON.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::check::{DurationProbe, check_scenario};
use super::load::{LoadError, LoadedScenario, ParseErrorKind, SCENARIO_FILE, load_scenario};
use super::position::Position;
use super::problem::{Problem, ProblemSink, Severity};
use crate::fluent_args;
use crate::i18n::{Language, tr, tr_args};

/// Checks the scenarios at `paths` and writes their problems to `out`; returns true when no
/// scenario has an error. Each path is a `scenario.ron`, a scenario folder, or a folder whose
/// subfolders hold scenarios (subfolders without `scenario.ron` are skipped). Valid input
/// writes nothing, or `[]` with `json`.
///
/// NOTE: a failure to write to `out` is ignored, because the return value reports validity.
pub fn run_check(
    paths: &[PathBuf],
    json: bool,
    language: Language,
    probe: DurationProbe<'_>,
    out: &mut dyn Write,
) -> bool {
    let problems = collect_problems(paths, language, probe);

    if json {
        let text = serde_json::to_string_pretty(&problems).unwrap_or_else(|_| "[]".to_owned());
        let _ = writeln!(out, "{text}");
    } else {
        for problem in &problems {
            let _ = writeln!(out, "{problem}");
        }
    }
    !problems.iter().any(Problem::is_error)
}

/// Checks the scenarios at `paths`, as [`run_check`] does, and returns the problems.
pub fn collect_problems(
    paths: &[PathBuf],
    language: Language,
    probe: DurationProbe<'_>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for path in paths {
        let (scenario_files, path_problems) = find_scenarios(path, language);
        problems.extend(path_problems);
        for file in scenario_files {
            problems.extend(check_scenario_file(&file, language, probe));
        }
    }
    problems
}

/// Loads and checks one scenario, given as its folder or its `scenario.ron`; returns every
/// problem, including a load failure.
pub fn check_scenario_file(
    path: &Path,
    language: Language,
    probe: DurationProbe<'_>,
) -> Vec<Problem> {
    match load_scenario(path) {
        Ok(loaded) => check_scenario(&loaded, language, probe),
        Err(error) => vec![load_problem(&error, language)],
    }
}

/// Loads a scenario and checks it; returns it only when it has no errors, and otherwise all
/// its problems. Warnings of a valid scenario are returned beside it.
pub fn load_checked(
    path: &Path,
    language: Language,
    probe: DurationProbe<'_>,
) -> Result<(LoadedScenario, Vec<Problem>), Vec<Problem>> {
    let loaded = load_scenario(path).map_err(|error| vec![load_problem(&error, language)])?;
    let problems = check_scenario(&loaded, language, probe);
    if problems.iter().any(Problem::is_error) {
        Err(problems)
    } else {
        Ok((loaded, problems))
    }
}

/// Expands one command-line path into scenario files, or a problem when it contains none.
fn find_scenarios(path: &Path, language: Language) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut sink = ProblemSink::new(path.to_path_buf(), language);
    let args = fluent_args!["path" => path.display().to_string()];

    if !path.exists() {
        sink.push(Position::START, Severity::Error, "path-not-found", &args);
        return (Vec::new(), sink.problems);
    }
    if !path.is_dir() {
        return (vec![path.to_path_buf()], Vec::new());
    }
    if path.join(SCENARIO_FILE).is_file() {
        return (vec![path.to_path_buf()], Vec::new());
    }

    let mut folders: Vec<PathBuf> = match path.read_dir() {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|child| child.join(SCENARIO_FILE).is_file())
            .collect(),
        Err(_) => Vec::new(),
    };
    folders.sort();
    if folders.is_empty() {
        sink.push(Position::START, Severity::Error, "no-scenario", &args);
    }
    (folders, sink.problems)
}

/// Turns a load failure into a problem at its place in the file.
pub fn load_problem(error: &LoadError, language: Language) -> Problem {
    let mut sink = ProblemSink::new(error.path().to_path_buf(), language);
    let path = error.path().display().to_string();
    match error {
        LoadError::NotFound { .. } => {
            let args = fluent_args!["path" => path];
            sink.push(Position::START, Severity::Error, "path-not-found", &args);
        }
        LoadError::Read { source, .. } => {
            let args = fluent_args!["path" => path, "reason" => source.to_string()];
            sink.push(Position::START, Severity::Error, "file-unreadable", &args);
        }
        LoadError::Parse { error, .. } => {
            let (code, args) = parse_problem(&error.kind, language);
            sink.push(error.position, Severity::Error, code, &args);
        }
    }
    sink.problems.remove(0)
}

fn quoted_list(names: &[String]) -> String {
    names
        .iter()
        .map(|name| format!("'{name}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn parse_problem(
    kind: &ParseErrorKind,
    language: Language,
) -> (&'static str, fluent_bundle::FluentArgs<'static>) {
    match kind {
        ParseErrorKind::UnknownField {
            found,
            record,
            expected,
        } => {
            let suggestion = closest_name(found, expected).unwrap_or("none").to_owned();
            let args = fluent_args![
                "record" => record.clone(),
                "found" => found.clone(),
                "suggestion" => suggestion,
                "expected" => quoted_list(expected),
            ];
            ("unknown-field", args)
        }
        ParseErrorKind::MissingField { field, record } => (
            "missing-field",
            fluent_args!["record" => record.clone(), "field" => field.clone()],
        ),
        ParseErrorKind::DuplicateField { field, record } => (
            "duplicate-field",
            fluent_args!["record" => record.clone(), "field" => field.clone()],
        ),
        ParseErrorKind::UnknownVariant { found, expected } => (
            "unknown-variant",
            fluent_args!["found" => found.clone(), "expected" => quoted_list(expected)],
        ),
        ParseErrorKind::InvalidType { expected, found } => (
            "invalid-type",
            fluent_args!["expected" => expected.clone(), "found" => found.clone()],
        ),
        ParseErrorKind::InvalidTime { value } => {
            ("time-format", fluent_args!["value" => value.clone()])
        }
        ParseErrorKind::Syntax(error) => (
            "ron-syntax",
            fluent_args!["detail" => syntax_detail(error, language)],
        ),
    }
}

/// Describes a RON syntax error in `language`; rare errors keep RON's English text.
fn syntax_detail(error: &ron::Error, language: Language) -> String {
    let id = match error {
        ron::Error::Eof => "scenario-ron-eof",
        ron::Error::ExpectedComma => "scenario-ron-expected-comma",
        ron::Error::ExpectedString => "scenario-ron-expected-string",
        ron::Error::ExpectedStringEnd => "scenario-ron-expected-string-end",
        ron::Error::ExpectedArrayEnd
        | ron::Error::ExpectedStructLikeEnd
        | ron::Error::ExpectedMapEnd
        | ron::Error::ExpectedOptionEnd => "scenario-ron-expected-closing",
        ron::Error::ExpectedArray => "scenario-ron-expected-list",
        ron::Error::ExpectedStructLike | ron::Error::ExpectedNamedStructLike(_) => {
            "scenario-ron-expected-record"
        }
        ron::Error::ExpectedFloat | ron::Error::ExpectedInteger => "scenario-ron-expected-number",
        ron::Error::ExpectedBoolean => "scenario-ron-expected-boolean",
        ron::Error::UnclosedBlockComment => "scenario-ron-unclosed-comment",
        ron::Error::TrailingCharacters => "scenario-ron-trailing",
        ron::Error::UnexpectedChar(character) => {
            let args = fluent_args!["char" => character.to_string()];
            return tr_args(language, "scenario-ron-unexpected-char", &args);
        }
        ron::Error::ExpectedDifferentStructName { expected, found } => {
            let args = fluent_args!["expected" => *expected, "found" => found.clone()];
            return tr_args(language, "scenario-ron-wrong-name", &args);
        }
        other => return other.to_string(),
    };
    tr(language, id)
}

/// Returns the allowed name closest to a misspelt one, when at most two edits away or
/// when one contains the other.
fn closest_name<'a>(found: &str, names: &'a [String]) -> Option<&'a str> {
    names
        .iter()
        .map(|name| (edit_distance(found, name), name))
        .filter(|(distance, name)| {
            *distance <= 2 || name.contains(found) || found.contains(name.as_str())
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name.as_str())
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, a_char) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, b_char) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(a_char != *b_char);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("windw", "window"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("clip", "clip"), 0);
    }

    #[test]
    fn closest_name_suggests_near_misses_only() {
        let names: Vec<String> = ["window", "clip", "explanation"].map(String::from).to_vec();
        assert_eq!(closest_name("windw", &names), Some("window"));
        assert_eq!(closest_name("expl", &names), Some("explanation"));
        assert_eq!(closest_name("audience", &names), None);
    }
}
