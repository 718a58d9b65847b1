//! Loading scenarios: resolved paths, positions of items, defaults, and load errors.

use std::path::Path;

use herken::i18n::Language;
use herken::scenario::{
    Audience, FilmTime, LoadError, ParseErrorKind, PathStep, Position, ScenarioOptions,
    load_checked, load_scenario, parse_scenario,
};

use super::{fixtures, two_minute_film};

#[test]
fn loading_folder_resolves_film_and_subtitles() {
    let folder = fixtures().join("valid");
    let loaded = load_scenario(&folder).expect("valid fixture loads");

    assert_eq!(loaded.folder, folder);
    assert_eq!(loaded.file, folder.join("scenario.ron"));
    assert_eq!(loaded.film_path(), folder.join("film.webm"));
    assert_eq!(
        loaded.subtitle_paths(),
        vec![
            ("nl".to_owned(), folder.join("film.nl.vtt")),
            ("en".to_owned(), folder.join("film.en.vtt")),
        ]
    );
    assert_eq!(loaded.scenario.audience, Audience::FrontDesk);
    assert_eq!(loaded.scenario.signals.len(), 2);
    assert_eq!(
        loaded.scenario.signals[0].window.start,
        FilmTime::from_secs(42)
    );
    assert_eq!(
        loaded.scenario.signals[0].window.end,
        FilmTime::from_millis(50_500)
    );
}

#[test]
fn loading_file_uses_its_folder() {
    let file = fixtures().join("minimal/scenario.ron");
    let loaded = load_scenario(&file).unwrap();
    assert_eq!(loaded.folder, fixtures().join("minimal"));
}

#[test]
fn omitted_options_take_their_defaults() {
    let loaded = load_scenario(fixtures().join("minimal")).unwrap();
    let options = &loaded.scenario.options;
    assert_eq!(options, &ScenarioOptions::default());
    assert_eq!(options.reaction_grace, FilmTime::from_secs(1));
    assert!(!options.allow_seek_forward);
}

#[test]
fn english_text_falls_back_to_dutch() {
    let loaded = load_scenario(fixtures().join("minimal")).unwrap();
    let scenario = &loaded.scenario;
    assert_eq!(scenario.title.get(Language::English), "Minimal scenario");
    assert_eq!(
        scenario.introduction.get(Language::English),
        scenario.introduction.nl
    );
}

#[test]
fn positions_point_at_items_not_at_file_start() {
    let loaded = load_scenario(fixtures().join("minimal")).unwrap();
    let at = |path: &[PathStep<'_>]| loaded.position(path);
    use PathStep::{Field, Index};

    assert_eq!(
        at(&[Field("signals"), Index(1)]),
        Position {
            line: 24,
            column: 9
        }
    );
    assert_eq!(
        at(&[Field("signals"), Index(1), Field("id")]),
        Position {
            line: 25,
            column: 13
        }
    );
    let window_end = [Field("signals"), Index(1), Field("window"), Field("end")];
    assert_eq!(
        at(&window_end),
        Position {
            line: 27,
            column: 35
        }
    );
    assert_eq!(
        at(&[Field("options")]),
        Position { line: 2, column: 1 },
        "options are not written"
    );
}

#[test]
fn missing_scenario_file_is_not_found() {
    let error = load_scenario(fixtures().join("collection/film-tools")).unwrap_err();
    assert!(
        matches!(&error, LoadError::NotFound { path } if path.ends_with("film-tools/scenario.ron"))
    );
}

#[test]
fn parse_error_keeps_line_and_column() {
    let error = parse_scenario("Scenario(\n    idd: \"x\",\n)").unwrap_err();
    assert_eq!(error.position, Position { line: 2, column: 5 });
    assert!(matches!(error.kind, ParseErrorKind::UnknownField { ref found, .. } if found == "idd"));
}

#[test]
fn choice_feedback_accepts_both_option_forms() {
    let plain = parse_scenario(&minimal_with("feedback: (nl: \"Goed.\")")).unwrap();
    let wrapped = parse_scenario(&minimal_with("feedback: Some((nl: \"Goed.\"))")).unwrap();
    assert_eq!(
        plain.generic_question.choices[0].feedback,
        wrapped.generic_question.choices[0].feedback
    );
    assert!(plain.generic_question.choices[0].feedback.is_some());
}

fn minimal_with(choice_field: &str) -> String {
    let source = std::fs::read_to_string(fixtures().join("minimal/scenario.ron")).unwrap();
    source.replacen(
        "Choice(text: (nl: \"Het gedrag van de klant\"))",
        &format!("Choice(text: (nl: \"Het gedrag van de klant\"), {choice_field})"),
        1,
    )
}

#[test]
fn load_checked_returns_valid_scenario_with_warnings() {
    let (loaded, warnings) = load_checked(
        &fixtures().join("overlapping-windows"),
        Language::Dutch,
        &two_minute_film,
    )
    .expect("warnings leave the scenario usable");
    assert_eq!(loaded.scenario.id, "minimaal");
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].code, "window-overlap");
}

#[test]
fn load_checked_rejects_scenario_with_errors() {
    let problems = load_checked(
        &fixtures().join("feedback-gap"),
        Language::Dutch,
        &two_minute_film,
    )
    .expect_err("an error makes the scenario unusable");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].code, "feedback-gap");
}

#[test]
fn load_error_source_chain_names_the_position() {
    let error = load_scenario(fixtures().join("ron-syntax-error")).unwrap_err();
    let text = error.to_string();
    assert!(text.contains("scenario.ron:7:5"), "{text}");
    let source = std::error::Error::source(&error).expect("a parse error has a source");
    assert_eq!(source.to_string(), "RON syntax error: Expected comma");
    assert!(Path::new(error.path()).ends_with("ron-syntax-error/scenario.ron"));
}
