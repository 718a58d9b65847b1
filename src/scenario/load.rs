//! Reading `scenario.ron` from a scenario folder, with parse errors that keep their line
//! and column and a source map for placing later problems.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::model::Scenario;
use super::position::{PathStep, Position, SourceMap};
use super::time::INVALID_TIME_MARK;

/// The file name of a scenario inside its folder.
pub const SCENARIO_FILE: &str = "scenario.ron";

/// A scenario read from disk, with what is needed to resolve its files and place problems.
#[derive(Clone, Debug)]
pub struct LoadedScenario {
    /// The parsed scenario.
    pub scenario: Scenario,
    /// The scenario folder; the film and subtitle paths are relative to it.
    pub folder: PathBuf,
    /// The `scenario.ron` file.
    pub file: PathBuf,
    /// The text of the file.
    pub source: String,
    source_map: SourceMap,
}

impl LoadedScenario {
    /// Returns the line and column of the item at `path` in `scenario.ron`, such as
    /// `[Field("signals"), Index(2), Field("window")]`. A field is found at its name.
    pub fn position(&self, path: &[PathStep<'_>]) -> Position {
        self.source_map.locate(path)
    }

    /// Joins a path from the scenario to the folder. It does not check that the result stays
    /// in the folder; the checker reports paths that leave it.
    pub fn resolve(&self, relative: &str) -> PathBuf {
        self.folder.join(relative)
    }

    /// Returns the film file.
    pub fn film_path(&self) -> PathBuf {
        self.resolve(&self.scenario.film)
    }

    /// Returns the subtitle files with their language codes.
    pub fn subtitle_paths(&self) -> Vec<(String, PathBuf)> {
        self.scenario
            .subtitles
            .iter()
            .map(|subtitle| (subtitle.language.clone(), self.resolve(&subtitle.path)))
            .collect()
    }
}

/// The reason a scenario could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The scenario file does not exist.
    #[error("scenario file not found: {}", path.display())]
    NotFound {
        /// The file that was looked for.
        path: PathBuf,
    },
    /// The scenario file exists but could not be read as UTF-8 text.
    #[error("failed to read scenario file {}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// The file is not a valid scenario.
    #[error("invalid scenario file {}:{}:{}: {error}", path.display(), error.position.line, error.position.column)]
    Parse {
        /// The file.
        path: PathBuf,
        /// The problem and its position.
        #[source]
        error: ParseError,
    },
}

impl LoadError {
    /// Returns the file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            LoadError::NotFound { path } | LoadError::Read { path, .. } => path,
            LoadError::Parse { path, .. } => path,
        }
    }
}

/// A RON or format error at a place in the scenario text.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{kind}")]
pub struct ParseError {
    /// The position where the parser stopped.
    pub position: Position,
    /// The kind of error found there.
    pub kind: ParseErrorKind,
}

/// The kinds of parse error an author can make, with the names and values involved.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ParseErrorKind {
    /// A field name that the record does not have, usually a typo.
    #[error("unknown field `{found}` in {record}")]
    UnknownField {
        /// The name written.
        found: String,
        /// The record it was written in, such as `Signal`.
        record: String,
        /// The field names the record has.
        expected: Vec<String>,
    },
    /// A required field is not written.
    #[error("missing field `{field}` in {record}")]
    MissingField {
        /// The missing field.
        field: String,
        /// The record that lacks it.
        record: String,
    },
    /// A field is written twice in one record.
    #[error("duplicate field `{field}` in {record}")]
    DuplicateField {
        /// The repeated field.
        field: String,
        /// The record it is repeated in.
        record: String,
    },
    /// A word that is not one of the allowed values, such as an unknown audience.
    #[error("unknown value `{found}`, expected one of {expected:?}")]
    UnknownVariant {
        /// The word written.
        found: String,
        /// The allowed words.
        expected: Vec<String>,
    },
    /// A value of the wrong kind, such as a number where text belongs.
    #[error("expected {expected}, found {found}")]
    InvalidType {
        /// The kind of value expected.
        expected: String,
        /// The value written.
        found: String,
    },
    /// A time that is neither seconds nor clock text.
    #[error("invalid time {value}")]
    InvalidTime {
        /// The time as written.
        value: String,
    },
    /// Broken RON notation: brackets, commas, quotes and the like.
    #[error("RON syntax error: {0}")]
    Syntax(ron::Error),
}

/// Loads a scenario from its folder or from its `scenario.ron` file.
pub fn load_scenario(path: impl AsRef<Path>) -> Result<LoadedScenario, LoadError> {
    let path = path.as_ref();
    let (folder, file) = if path.is_dir() {
        (path.to_path_buf(), path.join(SCENARIO_FILE))
    } else {
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        (folder, path.to_path_buf())
    };

    if !file.is_file() {
        return Err(LoadError::NotFound { path: file });
    }
    let source = fs::read_to_string(&file).map_err(|source| LoadError::Read {
        path: file.clone(),
        source,
    })?;
    let scenario = parse_scenario(&source).map_err(|error| LoadError::Parse {
        path: file.clone(),
        error,
    })?;
    let source_map = SourceMap::scan(&source);

    Ok(LoadedScenario {
        scenario,
        folder,
        file,
        source,
        source_map,
    })
}

/// Parses scenario text. Options may be written as `Some(…)` or plainly, because RON's
/// `implicit_some` extension is on.
pub fn parse_scenario(source: &str) -> Result<Scenario, ParseError> {
    // A byte-order mark is invisible in editors, so it does not count as a column.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    options
        .from_str::<Scenario>(source)
        .map_err(|error| ParseError {
            position: Position {
                line: error.span.start.line.max(1),
                column: error.span.start.col.max(1),
            },
            kind: ParseErrorKind::from(error.code),
        })
}

impl From<ron::Error> for ParseErrorKind {
    fn from(error: ron::Error) -> ParseErrorKind {
        let record = |outer: Option<String>| outer.unwrap_or_else(|| "Scenario".to_owned());
        let names = |names: &[&str]| names.iter().map(|name| (*name).to_owned()).collect();
        match error {
            ron::Error::NoSuchStructField {
                expected,
                found,
                outer,
            } => ParseErrorKind::UnknownField {
                found,
                record: record(outer),
                expected: names(expected),
            },
            ron::Error::MissingStructField { field, outer } => ParseErrorKind::MissingField {
                field: field.to_owned(),
                record: record(outer),
            },
            ron::Error::DuplicateStructField { field, outer } => ParseErrorKind::DuplicateField {
                field: field.to_owned(),
                record: record(outer),
            },
            ron::Error::NoSuchEnumVariant {
                expected, found, ..
            } => ParseErrorKind::UnknownVariant {
                found,
                expected: names(expected),
            },
            ron::Error::InvalidValueForType { expected, found } => {
                ParseErrorKind::InvalidType { expected, found }
            }
            ron::Error::Message(message) if message.starts_with(INVALID_TIME_MARK) => {
                ParseErrorKind::InvalidTime {
                    value: message[INVALID_TIME_MARK.len()..].to_owned(),
                }
            }
            other => ParseErrorKind::Syntax(other),
        }
    }
}
