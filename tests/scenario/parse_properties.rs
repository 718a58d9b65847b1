//! Property tests: no text, however malformed, makes the parser, the position scan or the
//! checker panic, and every reported problem has a line and column from 1.

use std::fs;

use herken::i18n::Language;
use herken::scenario::{PathStep, SourceMap, check_scenario_file, parse_scenario};
use proptest::prelude::*;

use super::{fixtures, two_minute_film};

/// Pieces of RON and of scenarios that mutations insert or substitute.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "'",
    "\\",
    "\n",
    "//",
    "/*",
    "*/",
    "#",
    "r#\"",
    "Some(",
    "None",
    "true",
    "-1",
    "0",
    "1e999",
    "-0.0",
    "NaN",
    "inf",
    "18446744073709551616",
    "\"0:4x\"",
    "\"99:99\"",
    "\"1:00:00.123456789\"",
    "id",
    "window",
    "clip",
    "Signal(",
    "ü",
    "../",
    "/tmp/x",
    "\u{feff}",
    "min: 5, max: 1",
    "\"\"",
];

#[derive(Clone, Debug)]
enum Mutation {
    Delete { at: usize, length: usize },
    Insert { at: usize, token: usize },
    Replace { at: usize, token: usize },
    InsertChar { at: usize, character: char },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, length)| Mutation::Delete { at, length }),
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(at, token)| Mutation::Insert { at, token }),
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(at, token)| Mutation::Replace { at, token }),
        (any::<usize>(), any::<char>())
            .prop_map(|(at, character)| Mutation::InsertChar { at, character }),
    ]
}

/// Applies mutations on character boundaries, so the result stays valid UTF-8.
fn mutate(source: &str, mutations: &[Mutation]) -> String {
    let mut chars: Vec<char> = source.chars().collect();
    for mutation in mutations {
        let place = |at: usize| {
            if chars.is_empty() {
                0
            } else {
                at % (chars.len() + 1)
            }
        };
        match mutation {
            Mutation::Delete { at, length } => {
                let start = place(*at);
                let end = (start + length).min(chars.len());
                chars.drain(start..end);
            }
            Mutation::Insert { at, token } => {
                let start = place(*at);
                chars.splice(start..start, TOKENS[*token].chars());
            }
            Mutation::Replace { at, token } => {
                let start = place(*at);
                let end = (start + TOKENS[*token].chars().count()).min(chars.len());
                chars.splice(start..end, TOKENS[*token].chars());
            }
            Mutation::InsertChar { at, character } => {
                let start = place(*at);
                chars.insert(start, *character);
            }
        }
    }
    chars.into_iter().collect()
}

fn assert_parses_or_places_error(text: &str) -> Result<(), TestCaseError> {
    if let Err(error) = parse_scenario(text) {
        prop_assert!(error.position.line >= 1, "line of {error:?}");
        prop_assert!(error.position.column >= 1, "column of {error:?}");
    }
    let map = SourceMap::scan(text);
    let position = map.locate(&[
        PathStep::Field("signals"),
        PathStep::Index(0),
        PathStep::Field("window"),
    ]);
    prop_assert!(position.line >= 1);
    prop_assert!(position.column >= 1);
    Ok(())
}

/// Writes `text` as a scenario beside a tiny film and subtitles, checks it, and asserts that
/// every problem has a place.
fn assert_check_places_problems(text: &str) -> Result<(), TestCaseError> {
    let folder = tempfile::tempdir().expect("temporary folder");
    fs::write(folder.path().join("scenario.ron"), text).unwrap();
    fs::write(folder.path().join("film.webm"), "film").unwrap();
    fs::write(folder.path().join("film.nl.vtt"), "WEBVTT\n").unwrap();
    fs::write(folder.path().join("film.en.vtt"), "WEBVTT\n").unwrap();

    let problems = check_scenario_file(folder.path(), Language::Dutch, &two_minute_film);
    for problem in &problems {
        prop_assert!(problem.line >= 1, "line of {problem:?}");
        prop_assert!(problem.column >= 1, "column of {problem:?}");
        prop_assert!(!problem.message.is_empty());
        prop_assert!(
            !problem.message.starts_with("check-"),
            "untranslated {problem:?}"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        assert_parses_or_places_error(&text)?;
    }

    #[test]
    fn arbitrary_ron_like_text_never_panics(text in "[()\\[\\]{},:\"'a-z0-9 .#!/*\\\\\n-]{0,300}") {
        assert_parses_or_places_error(&text)?;
    }

    #[test]
    fn mutated_minimal_scenario_never_panics(mutations in prop::collection::vec(mutation(), 1..6)) {
        let source = fs::read_to_string(fixtures().join("minimal/scenario.ron")).unwrap();
        let text = mutate(&source, &mutations);
        assert_parses_or_places_error(&text)?;
        assert_check_places_problems(&text)?;
    }

    #[test]
    fn mutated_full_scenario_never_panics(mutations in prop::collection::vec(mutation(), 1..6)) {
        let source = fs::read_to_string(fixtures().join("valid/scenario.ron")).unwrap();
        let text = mutate(&source, &mutations);
        assert_parses_or_places_error(&text)?;
        assert_check_places_problems(&text)?;
    }
}

#[test]
fn deeply_nested_text_does_not_overflow_the_stack() {
    let text = format!("Scenario(id: {}", "[".repeat(100_000));
    let error = parse_scenario(&text).unwrap_err();
    assert!(error.position.line >= 1);
    assert!(error.position.column >= 1);
    assert_eq!(
        SourceMap::scan(&text).locate(&[PathStep::Field("id")]).line,
        1
    );
}
