//! Integration tests of the scenario core: checking the fixture scenarios, loading, and
//! property tests of the parser and of the judging rules.

mod check_fixtures;
mod docs_example;
mod judge_properties;
mod load;
mod parse_properties;

use std::path::{Path, PathBuf};

/// Returns the folder of scenario fixtures, each a folder with `scenario.ron` and its files.
fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios")
}

/// Reports a duration of two minutes for every film, in place of a GStreamer probe.
fn two_minute_film(_film: &Path) -> Option<u64> {
    Some(120_000_000_000)
}
