//! `run_check` on every fixture: the exact output lines, positions and validity, in Dutch
//! and English, as text and as JSON.

use std::path::{Path, PathBuf};

use herken::i18n::Language;
use herken::scenario::{Problem, Severity, run_check};

use super::{fixtures, two_minute_film};

/// Runs `run_check` on the fixture `name` and returns its validity and output lines, with
/// the fixture's folder written as `{dir}`.
fn check_fixture(
    name: &str,
    language: Language,
    probe: &dyn Fn(&Path) -> Option<u64>,
) -> (bool, Vec<String>) {
    let folder = fixtures().join(name);
    let mut out = Vec::new();
    let valid = run_check(
        std::slice::from_ref(&folder),
        false,
        language,
        probe,
        &mut out,
    );
    let text = String::from_utf8(out).expect("output is UTF-8");
    let lines = text
        .lines()
        .map(|line| line.replace(&folder.display().to_string(), "{dir}"))
        .collect();
    (valid, lines)
}

/// Each broken fixture with its exact Dutch output; the film is two minutes long.
const DUTCH: &[(&str, &[&str])] = &[
    (
        "ron-syntax-error",
        &[
            "{dir}/scenario.ron:7:5: fout: de RON-notatie klopt niet: hier hoort een komma tussen twee velden of elementen; controleer haakjes, komma's en aanhalingstekens op en vlak voor deze plek",
        ],
    ),
    (
        "unknown-field",
        &[
            "{dir}/scenario.ron:27:13: fout: Signal heeft geen veld 'windw' (bedoel je 'window'?); toegestane velden: 'id', 'title', 'window', 'clip', 'explanation', 'question'",
        ],
    ),
    (
        "missing-field",
        &[
            "{dir}/scenario.ron:36:9: fout: in Signal ontbreekt het verplichte veld 'clip'; voeg het toe",
        ],
    ),
    (
        "unknown-audience",
        &[
            "{dir}/scenario.ron:6:15: fout: 'Baliemedewerker' is hier geen geldige waarde; kies uit 'FrontDesk', 'Inspector'",
        ],
    ),
    (
        "invalid-time",
        &[
            "{dir}/scenario.ron:13:43: fout: \"0:2x\" is geen geldige tijd; schrijf seconden (42.5) of tekst als \"0:42.500\", \"1:02:03.250\" of \"42.5\"",
        ],
    ),
    (
        "window-end-before-start",
        &[
            "{dir}/scenario.ron:13:13: fout: het venster van signaal 'paspoort' eindigt (0:10.000) voor het begint (0:20.000); zet end na start",
        ],
    ),
    (
        "clip-not-containing-window",
        &[
            "{dir}/scenario.ron:28:13: fout: de clip van signaal 'adres' (0:31.000–0:42.000) bevat het venster (0:30.000–0:40.000) niet; laat de clip uiterlijk op 0:30.000 beginnen en niet voor 0:40.000 eindigen",
        ],
    ),
    (
        "duplicate-signal-id",
        &[
            "{dir}/scenario.ron:25:13: fout: de signaal-id 'paspoort' komt al voor op regel 11; geef elk signaal een eigen id",
            "{dir}/scenario.ron:59:35: fout: combinatie 1 noemt signaal 'adres', dat niet bestaat; kies uit 'paspoort'",
        ],
    ),
    (
        "question-one-choice",
        &[
            "{dir}/scenario.ron:32:17: fout: de vraag bij signaal 'adres' heeft 1 antwoord(en); geef minstens twee antwoorden",
        ],
    ),
    (
        "question-no-right-answer",
        &[
            "{dir}/scenario.ron:32:17: fout: geen antwoord op de vraag bij signaal 'adres' is goed; zet correct: true bij het juiste antwoord",
        ],
    ),
    (
        "feedback-gap",
        &[
            "{dir}/scenario.ron:53:5: fout: geen feedback voor 2 herkende signalen bij een gerechtvaardigde beslissing; voeg een Feedback toe met recognised: (min: 2, max: 2) en decision_justified: true",
        ],
    ),
    (
        "missing-film",
        &[
            "{dir}/scenario.ron:7:5: fout: de film 'film.webm' is niet gevonden in '{dir}'; controleer de naam of zet het bestand in de map",
        ],
    ),
    (
        "path-escapes-folder",
        &[
            "{dir}/scenario.ron:7:5: fout: het pad '../film.webm' leidt buiten de scenariomap; zet het bestand in de map of een submap en verwijs er relatief naar",
        ],
    ),
    (
        "absolute-path",
        &[
            "{dir}/scenario.ron:8:34: fout: het pad '/tmp/film.nl.vtt' is absoluut; geef een pad binnen de scenariomap, zoals 'film.webm'",
        ],
    ),
    (
        "combination-unknown-signal",
        &[
            "{dir}/scenario.ron:59:35: fout: combinatie 1 noemt signaal 'adress', dat niet bestaat; kies uit 'paspoort', 'adres'",
        ],
    ),
    (
        "subtitle-not-webvtt",
        &[
            "{dir}/film.nl.vtt:1:1: fout: dit ondertitelbestand begint niet met WEBVTT en is dus geen WebVTT; zet WEBVTT op de eerste regel of exporteer de ondertitels als .vtt",
        ],
    ),
    (
        "id-not-kebab-case",
        &[
            "{dir}/scenario.ron:50:28: fout: de id 'Niets_doen' is geen kebab-case; gebruik alleen kleine letters, cijfers en losse streepjes, zoals 'paspoort-bij-begeleider'",
        ],
    ),
    (
        "dutch-text-missing",
        &[
            "{dir}/scenario.ron:17:26: fout: de Nederlandse tekst van signals[0].question.prompt is leeg; vul nl in (Engels is optioneel en valt terug op het Nederlands)",
        ],
    ),
    (
        "decision-none-justified",
        &[
            "{dir}/scenario.ron:48:9: fout: geen enkele keuze van de beslissing is gerechtvaardigd; zet justified: true bij de juiste keuze",
        ],
    ),
];

#[test]
fn broken_fixtures_report_exact_dutch_lines() {
    for (name, expected) in DUTCH {
        let (valid, lines) = check_fixture(name, Language::Dutch, &two_minute_film);
        assert_eq!(lines, *expected, "output for fixture {name}");
        assert!(!valid, "fixture {name} should be invalid");
    }
}

#[test]
fn broken_fixtures_report_exact_english_lines() {
    let expected: &[(&str, &[&str])] = &[
        (
            "window-end-before-start",
            &[
                "{dir}/scenario.ron:13:13: error: the window of signal 'paspoort' ends (0:10.000) before it starts (0:20.000); set end after start",
            ],
        ),
        (
            "unknown-field",
            &[
                "{dir}/scenario.ron:27:13: error: Signal has no field 'windw' (did you mean 'window'?); allowed fields: 'id', 'title', 'window', 'clip', 'explanation', 'question'",
            ],
        ),
        (
            "feedback-gap",
            &[
                "{dir}/scenario.ron:53:5: error: no feedback for 2 recognised signals with a justified decision; add a Feedback with recognised: (min: 2, max: 2) and decision_justified: true",
            ],
        ),
        (
            "path-escapes-folder",
            &[
                "{dir}/scenario.ron:7:5: error: the path '../film.webm' leads out of the scenario folder; put the file in the folder or a subfolder and refer to it relatively",
            ],
        ),
        (
            "overlapping-windows",
            &[
                "{dir}/scenario.ron:27:13: warning: the windows of signals 'paspoort' and 'adres' overlap from 0:18.000 to 0:20.000; a pause there counts for one of them, the signal whose window started last",
            ],
        ),
        (
            "ron-syntax-error",
            &[
                "{dir}/scenario.ron:7:5: error: invalid RON notation: a comma belongs here, between two fields or items; check the brackets, commas and quotes at and just before this place",
            ],
        ),
    ];
    for (name, lines_expected) in expected {
        let (_, lines) = check_fixture(name, Language::English, &two_minute_film);
        assert_eq!(lines, *lines_expected, "output for fixture {name}");
    }
}

#[test]
fn valid_fixtures_print_nothing() {
    for name in ["valid", "minimal"] {
        let (valid, lines) = check_fixture(name, Language::Dutch, &two_minute_film);
        assert_eq!(lines, Vec::<String>::new(), "output for fixture {name}");
        assert!(valid, "fixture {name} should be valid");
    }
}

#[test]
fn overlapping_windows_warn_but_stay_valid() {
    let (valid, lines) = check_fixture("overlapping-windows", Language::Dutch, &two_minute_film);
    assert_eq!(
        lines,
        vec![
            "{dir}/scenario.ron:27:13: waarschuwing: de vensters van de signalen 'paspoort' en 'adres' overlappen van 0:18.000 tot 0:20.000; een pauze daar telt voor één van beide, voor het signaal waarvan het venster het laatst begon"
        ]
    );
    assert!(valid, "warnings alone leave a scenario valid");
}

#[test]
fn window_past_film_end_is_reported_with_probe() {
    let one_minute = |_: &Path| Some(60_000_000_000);
    let (valid, lines) = check_fixture("window-past-film", Language::Dutch, &one_minute);
    assert_eq!(
        lines,
        vec![
            "{dir}/scenario.ron:27:35: fout: het venster van signaal 'adres' eindigt op 1:05.000, na het eind van de film (1:00.000); leg het venster binnen de film"
        ]
    );
    assert!(!valid);
}

#[test]
fn clip_past_film_end_is_only_a_warning() {
    let sixty_five_and_a_half = |_: &Path| Some(65_500_000_000);
    let (valid, lines) = check_fixture(
        "window-past-film",
        Language::English,
        &sixty_five_and_a_half,
    );
    assert_eq!(
        lines,
        vec![
            "{dir}/scenario.ron:28:33: warning: the clip of signal 'adres' ends at 1:06.000, after the end of the film (1:05.500); the replay stops at the end of the film"
        ]
    );
    assert!(valid);
}

#[test]
fn film_duration_is_not_checked_without_probe() {
    let unknown = |_: &Path| None;
    let (valid, lines) = check_fixture("window-past-film", Language::Dutch, &unknown);
    assert_eq!(lines, Vec::<String>::new());
    assert!(valid);
}

#[test]
fn probe_is_not_called_for_missing_film() {
    let probe = |film: &Path| -> Option<u64> { panic!("probed {}", film.display()) };
    let (valid, _) = check_fixture("missing-film", Language::Dutch, &probe);
    assert!(!valid);
}

#[test]
fn scenario_collection_checks_each_scenario() {
    let collection = fixtures().join("collection");
    let mut out = Vec::new();
    let valid = run_check(
        std::slice::from_ref(&collection),
        false,
        Language::Dutch,
        &two_minute_film,
        &mut out,
    );
    let text = String::from_utf8(out)
        .unwrap()
        .replace(&collection.display().to_string(), "{dir}");
    assert_eq!(
        text,
        "{dir}/feedback-gap/scenario.ron:53:5: fout: geen feedback voor 2 herkende signalen bij een gerechtvaardigde beslissing; voeg een Feedback toe met recognised: (min: 2, max: 2) en decision_justified: true\n"
    );
    assert!(!valid);
}

#[test]
fn scenario_file_can_be_given_instead_of_folder() {
    let file = fixtures().join("minimal/scenario.ron");
    let mut out = Vec::new();
    let valid = run_check(&[file], false, Language::Dutch, &two_minute_film, &mut out);
    assert!(valid);
    assert!(out.is_empty(), "{}", String::from_utf8_lossy(&out));
}

#[test]
fn missing_path_and_folder_without_scenario_are_errors() {
    let missing = fixtures().join("does-not-exist");
    let empty = fixtures().join("collection/film-tools");
    let mut out = Vec::new();
    let paths = [missing.clone(), empty.clone()];
    let valid = run_check(&paths, false, Language::English, &two_minute_film, &mut out);
    let text = String::from_utf8(out).unwrap();
    let expected = format!(
        "{0}:1:1: error: '{0}' does not exist; give a scenario folder or a scenario.ron file\n\
         {1}:1:1: error: the folder '{1}' contains no scenario.ron and no subfolder with one; give a scenario folder or the folder above it\n",
        missing.display(),
        empty.display()
    );
    assert_eq!(text, expected);
    assert!(!valid);
}

#[test]
fn every_problem_of_every_path_is_reported() {
    let paths: Vec<PathBuf> = ["feedback-gap", "question-one-choice", "minimal"]
        .iter()
        .map(|name| fixtures().join(name))
        .collect();
    let mut out = Vec::new();
    let valid = run_check(&paths, false, Language::Dutch, &two_minute_film, &mut out);
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 2);
    assert!(!valid);
}

#[test]
fn json_output_lists_fields_and_stable_codes() {
    let folder = fixtures().join("overlapping-windows");
    let mut out = Vec::new();
    run_check(
        std::slice::from_ref(&folder),
        true,
        Language::English,
        &two_minute_film,
        &mut out,
    );
    let value: serde_json::Value = serde_json::from_slice(&out).expect("output is JSON");
    let expected = serde_json::json!([{
        "file": folder.join("scenario.ron"),
        "line": 27,
        "column": 13,
        "severity": "warning",
        "code": "window-overlap",
        "message": "the windows of signals 'paspoort' and 'adres' overlap from 0:18.000 to 0:20.000; a pause there counts for one of them, the signal whose window started last",
    }]);
    assert_eq!(value, expected);
}

#[test]
fn json_output_of_valid_scenario_is_empty_array() {
    let mut out = Vec::new();
    let valid = run_check(
        &[fixtures().join("valid")],
        true,
        Language::Dutch,
        &two_minute_film,
        &mut out,
    );
    assert_eq!(String::from_utf8(out).unwrap(), "[]\n");
    assert!(valid);
}

#[test]
fn json_codes_do_not_depend_on_language() {
    let folder = fixtures().join("duplicate-signal-id");
    let codes = |language| {
        let mut out = Vec::new();
        run_check(
            std::slice::from_ref(&folder),
            true,
            language,
            &two_minute_film,
            &mut out,
        );
        let problems: Vec<Problem> = serde_json::from_slice(&out).unwrap();
        problems
            .into_iter()
            .map(|p| (p.code, p.severity, p.line, p.column))
            .collect::<Vec<_>>()
    };
    let dutch = codes(Language::Dutch);
    assert_eq!(dutch, codes(Language::English));
    assert_eq!(
        dutch[0],
        ("duplicate-signal-id".to_owned(), Severity::Error, 25, 13)
    );
}
