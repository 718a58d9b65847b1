//! The annotated example in the scenario-format documentation stays a valid scenario.

use std::path::Path;

use herken::i18n::Language;
use herken::scenario::{check_scenario, load_scenario, parse_scenario};

use super::{fixtures, two_minute_film};

fn example_in(document: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join(document);
    let text = std::fs::read_to_string(&path).expect("documentation exists");
    let start = text.find("```ron\n").expect("the page has a RON example") + "```ron\n".len();
    let end = start + text[start..].find("```\n").expect("the example is closed");
    text[start..end].to_owned()
}

#[test]
fn documented_example_parses_in_both_languages() {
    for document in ["scenario-format.md", "scenario-format.nl.md"] {
        let example = example_in(document);
        let parsed = parse_scenario(&example);
        assert!(parsed.is_ok(), "{document}: {:?}", parsed.err());
    }
}

#[test]
fn documented_example_is_the_valid_fixture() {
    let fixture = std::fs::read_to_string(fixtures().join("valid/scenario.ron")).unwrap();
    assert_eq!(example_in("scenario-format.md"), fixture);
}

#[test]
fn documented_example_has_no_problems() {
    let loaded = load_scenario(fixtures().join("valid")).unwrap();
    let problems = check_scenario(&loaded, Language::English, &two_minute_film);
    assert!(problems.is_empty(), "{problems:#?}");
}
