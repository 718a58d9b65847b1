//! A problem found in a scenario: where it is, how serious, a stable code and a message.

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use fluent_bundle::FluentArgs;

use super::position::Position;
use crate::i18n::{Language, tr, tr_args};

/// The severity of a problem. Only errors make a scenario invalid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The scenario cannot be used until this is fixed.
    Error,
    /// The scenario works, but the author should look at this.
    Warning,
}

impl Severity {
    /// Returns the word printed before the message: `fout`/`error` or `waarschuwing`/`warning`.
    pub fn label(self, language: Language) -> String {
        match self {
            Severity::Error => tr(language, "check-severity-error"),
            Severity::Warning => tr(language, "check-severity-warning"),
        }
    }
}

/// One problem in a scenario, with its place in a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The file the problem is in, as the user named it or as found in its folder.
    pub file: PathBuf,
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
    /// Whether the problem makes the scenario invalid.
    pub severity: Severity,
    /// Stable code in kebab-case, the same in every language, such as `window-order`.
    pub code: String,
    /// The description of the problem and its fix, in the language the check ran in.
    pub message: String,
    /// The language of `message`, which the human-readable form also uses for the severity.
    #[serde(skip)]
    pub language: Language,
}

impl Problem {
    /// Returns true when this problem makes the scenario invalid.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Writes `file:line:column: fout: message`.
impl fmt::Display for Problem {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "{}:{}:{}: {}: {}",
            self.file.display(),
            self.line,
            self.column,
            self.severity.label(self.language),
            self.message
        )
    }
}

/// Makes problems for one file in one language; the message id is `check-` plus the code.
#[derive(Clone, Debug)]
pub(crate) struct ProblemSink {
    pub(crate) file: PathBuf,
    pub(crate) language: Language,
    pub(crate) problems: Vec<Problem>,
}

impl ProblemSink {
    pub(crate) fn new(file: PathBuf, language: Language) -> ProblemSink {
        ProblemSink {
            file,
            language,
            problems: Vec::new(),
        }
    }

    /// Adds a problem at `position` with the message `check-{code}`.
    pub(crate) fn push(
        &mut self,
        position: Position,
        severity: Severity,
        code: &str,
        args: &FluentArgs,
    ) {
        let file = self.file.clone();
        self.push_in_file(file, position, severity, code, args);
    }

    /// Adds a problem in another file than the scenario, such as a subtitle file.
    pub(crate) fn push_in_file(
        &mut self,
        file: PathBuf,
        position: Position,
        severity: Severity,
        code: &str,
        args: &FluentArgs,
    ) {
        let message = tr_args(self.language, &format!("check-{code}"), args);
        self.problems.push(Problem {
            file,
            line: position.line,
            column: position.column,
            severity,
            code: code.to_owned(),
            message,
            language: self.language,
        });
    }
}
