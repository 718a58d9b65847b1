//! The command-line side of results: opening the settings and data folder, `herken
//! results export`, `summary` and `send`, and finding a session for `herken run --resume`.
//! Messages go to standard error in the chosen language; exports to files or standard out.

use std::path::{Path, PathBuf};

use super::export::{ExportRow, tally, write_csv, write_tally};
use super::resume::{Restored, replay};
use super::store::DataFolder;
use crate::fluent_args;
use crate::i18n::{Language, tr, tr_args};
use crate::scenario::LoadedScenario;
use crate::settings::{OrganisationSettings, load_settings, resolve_data_dir};
use crate::xapi::{LrsClient, OUTBOX_FOLDER, Outbox, send_outbox};

/// The `--data-dir` and `--settings` options.
#[derive(Clone, Debug, Default)]
pub struct Storage {
    /// The data folder from the command line.
    pub data_dir: Option<PathBuf>,
    /// The settings file from the command line.
    pub settings: Option<PathBuf>,
}

/// The settings and data folder a command works with.
#[derive(Clone, Debug)]
pub struct Results {
    /// The organisation's settings.
    pub settings: OrganisationSettings,
    /// The data folder; `None` when it cannot be used, so sessions run without a journal.
    pub folder: Option<DataFolder>,
    /// The reason the data folder cannot be used, for the screens to show.
    pub folder_error: Option<String>,
    /// The learner's identifier for new sessions.
    pub learner: Option<String>,
}

/// Reads the settings and opens the data folder. Invalid settings stop the command (the
/// message names the file); a data folder that cannot be created is reported and the
/// command goes on without one.
pub fn open_results(storage: &Storage, language: Language) -> Option<Results> {
    let settings = match load_settings(storage.settings.as_deref()) {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!(
                "{}",
                tr_args(
                    language,
                    "results-settings-invalid",
                    &fluent_args!["error" => error.to_string()]
                )
            );
            return None;
        }
    };
    let (folder, folder_error) = match resolve_data_dir(storage.data_dir.as_deref(), &settings) {
        Some(root) => match DataFolder::open(&root) {
            Ok(folder) => (Some(folder), None),
            Err(error) => {
                bevy::log::error!("data folder not usable: {error}");
                let message = tr_args(
                    language,
                    "results-data-dir-failed",
                    &fluent_args!["error" => error.to_string()],
                );
                eprintln!("{message}");
                (None, Some(message))
            }
        },
        None => {
            let message = tr(language, "results-data-dir-unknown");
            eprintln!("{message}");
            (None, Some(message))
        }
    };
    Some(Results {
        settings,
        folder,
        folder_error,
        learner: None,
    })
}

/// Finds the most recent unfinished session of `scenario` and replays its journal.
pub fn find_resumable(
    results: &Results,
    scenario: &LoadedScenario,
    language: Language,
) -> Result<(Restored, PathBuf), String> {
    let folder = results
        .folder
        .as_ref()
        .ok_or_else(|| tr(language, "results-data-dir-unknown"))?;
    let unfinished = folder
        .unfinished_sessions()
        .map_err(|error| error.to_string())?;
    let session = unfinished
        .into_iter()
        .rev()
        .find(|session| session.scenario_id == scenario.scenario.id)
        .ok_or_else(|| {
            tr_args(
                language,
                "results-nothing-to-resume",
                &fluent_args![
                    "scenario" => scenario.scenario.id.clone(),
                    "folder" => folder.root().display().to_string()
                ],
            )
        })?;
    for skipped in &session.journal.skipped {
        eprintln!(
            "{}",
            tr_args(
                language,
                "results-line-skipped",
                &fluent_args![
                    "file" => session.journal_path().display().to_string(),
                    "line" => skipped.line,
                    "error" => skipped.message.clone()
                ],
            )
        );
    }
    let restored = replay(&session.journal, &scenario.scenario)
        .map_err(|error| format!("{}: {error}", session.journal_path().display()))?;
    Ok((restored, session.journal_path()))
}

fn report(language: Language, id: &str, error: impl ToString) {
    eprintln!(
        "{}",
        tr_args(language, id, &fluent_args!["error" => error.to_string()])
    );
}

fn finished_rows(results: &Results, language: Language) -> Option<Vec<super::SessionSummary>> {
    let Some(folder) = &results.folder else {
        eprintln!("{}", tr(language, "results-data-dir-unknown"));
        return None;
    };
    match folder.finished_sessions() {
        Ok((summaries, errors)) => {
            for error in errors {
                report(language, "results-summary-unreadable", error);
            }
            Some(summaries)
        }
        Err(error) => {
            report(language, "results-data-dir-failed", error);
            None
        }
    }
}

/// Writes one row per finished session to `csv` and/or `json`; returns false on an error.
pub fn export_results(
    results: &Results,
    csv: Option<&Path>,
    json: Option<&Path>,
    language: Language,
) -> bool {
    let Some(summaries) = finished_rows(results, language) else {
        return false;
    };
    let rows: Vec<ExportRow> = summaries.iter().map(ExportRow::from_summary).collect();
    let mut succeeded = true;
    if let Some(path) = csv {
        let written = std::fs::File::create(path)
            .map_err(|error| error.to_string())
            .and_then(|file| write_csv(&rows, file).map_err(|error| error.to_string()));
        if let Err(error) = written {
            report(
                language,
                "results-export-failed",
                format!("{}: {error}", path.display()),
            );
            succeeded = false;
        }
    }
    if let Some(path) = json {
        let text = serde_json::to_string_pretty(&rows).unwrap_or_default();
        if let Err(error) = std::fs::write(path, text + "\n") {
            report(
                language,
                "results-export-failed",
                format!("{}: {error}", path.display()),
            );
            succeeded = false;
        }
    }
    if succeeded {
        eprintln!(
            "{}",
            tr_args(
                language,
                "results-exported",
                &fluent_args!["count" => rows.len()]
            )
        );
    }
    succeeded
}

/// Prints per scenario how many sessions recognised each signal.
pub fn print_summary(results: &Results, language: Language) -> bool {
    let Some(summaries) = finished_rows(results, language) else {
        return false;
    };
    let stdout = std::io::stdout().lock();
    write_tally(&tally(&summaries), language, stdout).is_ok()
}

/// Sends the outbox to the LRS once; returns false when statements are left.
pub fn send_waiting_statements(results: &Results, language: Language) -> bool {
    let (Some(folder), Some(lrs)) = (&results.folder, &results.settings.lrs) else {
        eprintln!("{}", tr(language, "results-no-lrs"));
        return false;
    };
    let outbox = match Outbox::open(&folder.root().join(OUTBOX_FOLDER)) {
        Ok(outbox) => outbox,
        Err(error) => {
            report(language, "results-data-dir-failed", error);
            return false;
        }
    };
    match send_outbox(&outbox, &LrsClient::new(lrs)) {
        Ok(sent) => {
            eprintln!(
                "{}",
                tr_args(language, "results-sent", &fluent_args!["count" => sent])
            );
            true
        }
        Err(error) => {
            report(language, "results-send-failed", error);
            false
        }
    }
}
