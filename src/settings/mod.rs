//! The organisation's settings file (RON): where results are stored, whether learners
//! give an identifier, and the Learning Record Store that receives xAPI statements.
//! Every field has a default, so a file lists only what it changes and new fields can be
//! added without breaking existing files.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The settings file's name inside the platform's configuration folder.
pub const SETTINGS_FILE: &str = "settings.ron";

/// The settings an organisation sets once for all learners on a computer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OrganisationSettings {
    /// The folder for journals, summaries and the xAPI outbox; `None` uses the platform's
    /// data folder. `--data-dir` overrides it.
    pub data_dir: Option<PathBuf>,
    /// Whether learners give an identifier that is stored with their results.
    pub learner_identifier: LearnerIdentifier,
    /// The Learning Record Store; `None` sends no statements.
    pub lrs: Option<LrsSettings>,
    /// The desktop, kiosk or classroom mode and their settings.
    pub modes: crate::modes::ModeSettings,
}

/// Whether results carry a learner identifier. The default stores none, because the
/// AVG (GDPR) asks for as little personal data as the purpose needs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LearnerIdentifier {
    /// Sessions are known only by their random id.
    #[default]
    None,
    /// The learner enters an identifier (a staff number or e-mail address) before the
    /// film, and it is stored in the journal, the summary and the xAPI actor.
    Ask,
}

/// Where and how to send xAPI statements.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LrsSettings {
    /// The LRS's xAPI base address, such as `https://lrs.example.nl/xAPI/`;
    /// statements go to `statements` below it.
    pub endpoint: String,
    /// The basic-auth user name (the LRS's key).
    pub key: String,
    /// The basic-auth password (the LRS's secret). Never logged.
    pub secret: String,
    /// The base IRI of herken's activity ids; an activity is `{base}/scenarios/{id}`.
    #[serde(default = "default_activity_base")]
    pub activity_base: String,
    /// The home page of the actor's account when there is no e-mail address.
    #[serde(default = "default_activity_base")]
    pub account_home_page: String,
    /// The share of signals (0 to 1) a learner must recognise, together with a justified
    /// decision, for the module's `passed` statement; otherwise it is `failed`.
    #[serde(default = "default_pass_fraction")]
    pub pass_fraction: f64,
}

fn default_activity_base() -> String {
    // `.invalid` is reserved (RFC 2606), so this id can never name someone else's page.
    "https://herken.invalid".to_owned()
}

fn default_pass_fraction() -> f64 {
    0.5
}

impl fmt::Debug for LrsSettings {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The key and secret stay out of logs and panic messages.
        formatter
            .debug_struct("LrsSettings")
            .field("endpoint", &self.endpoint)
            .field("key", &"<hidden>")
            .field("secret", &"<hidden>")
            .field("activity_base", &self.activity_base)
            .finish()
    }
}

/// The reason the settings file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// The file could not be read.
    #[error("cannot read settings {path}: {source}")]
    Read {
        /// The settings file.
        path: PathBuf,
        /// The reason.
        source: std::io::Error,
    },
    /// The file is not valid RON for the settings.
    #[error("settings {path} are invalid: {message}")]
    Parse {
        /// The settings file.
        path: PathBuf,
        /// The parser's message, with line and column.
        message: String,
    },
    /// A value is out of range.
    #[error("settings {path}: {message}")]
    Invalid {
        /// The settings file.
        path: PathBuf,
        /// What is wrong and what to write instead.
        message: String,
    },
}

/// Returns the platform's settings file, such as `~/.config/herken/settings.ron`.
pub fn default_settings_path() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.config_dir().join(SETTINGS_FILE))
}

/// Returns the platform's data folder, such as `~/.local/share/herken`.
pub fn default_data_dir() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.data_dir().to_path_buf())
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("nl", "herken", "herken")
}

/// Reads the settings from `explicit` (which must exist), or else from the platform's
/// settings file when it exists, or else returns the defaults.
pub fn load_settings(explicit: Option<&Path>) -> Result<OrganisationSettings, SettingsError> {
    let path = match explicit {
        Some(path) => path.to_path_buf(),
        None => match default_settings_path() {
            Some(path) if path.is_file() => path,
            _ => return Ok(OrganisationSettings::default()),
        },
    };
    let text = std::fs::read_to_string(&path).map_err(|source| SettingsError::Read {
        path: path.clone(),
        source,
    })?;
    parse_settings(&text, &path)
}

/// Parses settings text; `path` only names the file in errors.
pub fn parse_settings(text: &str, path: &Path) -> Result<OrganisationSettings, SettingsError> {
    let settings: OrganisationSettings =
        ron::from_str(text).map_err(|error| SettingsError::Parse {
            path: path.to_path_buf(),
            message: error.to_string(),
        })?;
    settings
        .modes
        .validate()
        .map_err(|message| SettingsError::Invalid {
            path: path.to_path_buf(),
            message,
        })?;
    if let Some(lrs) = &settings.lrs {
        let invalid = |message: String| SettingsError::Invalid {
            path: path.to_path_buf(),
            message,
        };
        if !(lrs.endpoint.starts_with("http://") || lrs.endpoint.starts_with("https://")) {
            return Err(invalid(format!(
                "lrs.endpoint {:?} must start with http:// or https://",
                lrs.endpoint
            )));
        }
        if !(0.0..=1.0).contains(&lrs.pass_fraction) {
            return Err(invalid(format!(
                "lrs.pass_fraction {} must lie between 0 and 1",
                lrs.pass_fraction
            )));
        }
    }
    Ok(settings)
}

/// Chooses the data folder: `--data-dir`, else the settings file's, else the platform's.
pub fn resolve_data_dir(
    command_line: Option<&Path>,
    settings: &OrganisationSettings,
) -> Option<PathBuf> {
    command_line
        .map(Path::to_path_buf)
        .or_else(|| settings.data_dir.clone())
        .or_else(default_data_dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<OrganisationSettings, SettingsError> {
        parse_settings(text, Path::new("settings.ron"))
    }

    #[test]
    fn empty_settings_use_defaults() {
        let settings = parse("()").expect("valid settings");
        assert_eq!(settings, OrganisationSettings::default());
        assert_eq!(settings.learner_identifier, LearnerIdentifier::None);
        assert!(settings.lrs.is_none());
    }

    #[test]
    fn lrs_settings_fill_defaults() {
        let settings = parse(
            r#"(lrs: Some((endpoint: "http://127.0.0.1:8100/xAPI/", key: "k", secret: "s")))"#,
        )
        .expect("valid settings");
        let lrs = settings.lrs.expect("lrs");
        assert_eq!(lrs.activity_base, "https://herken.invalid");
        assert_eq!(lrs.pass_fraction, 0.5);
    }

    #[test]
    fn debug_output_hides_key_and_secret() {
        let settings = parse(
            r#"(lrs: Some((endpoint: "https://lrs.test/xAPI/", key: "the-key", secret: "the-secret")))"#,
        )
        .expect("valid settings");
        let shown = format!("{settings:?}");
        assert!(!shown.contains("the-key"), "{shown}");
        assert!(!shown.contains("the-secret"), "{shown}");
    }

    #[test]
    fn unknown_field_names_file_and_position() {
        let error = parse("(data_folder: None)").expect_err("unknown field");
        let message = error.to_string();
        assert!(message.contains("settings.ron"), "{message}");
        assert!(message.contains("data_folder"), "{message}");
    }

    #[test]
    fn endpoint_without_scheme_is_rejected() {
        let error = parse(r#"(lrs: Some((endpoint: "lrs.test", key: "k", secret: "s")))"#)
            .expect_err("no scheme");
        assert!(error.to_string().contains("http://"), "{error}");
    }

    #[test]
    fn command_line_data_dir_wins() {
        let settings = OrganisationSettings {
            data_dir: Some(PathBuf::from("/from/settings")),
            ..Default::default()
        };
        let chosen = resolve_data_dir(Some(Path::new("/from/cli")), &settings);
        assert_eq!(chosen, Some(PathBuf::from("/from/cli")));
        let chosen = resolve_data_dir(None, &settings);
        assert_eq!(chosen, Some(PathBuf::from("/from/settings")));
    }
}
