//! The scenarios on the start screen: every subfolder of the scenarios folder with a
//! `scenario.ron`, checked in the app's language so a broken one shows its problems.

use std::path::{Path, PathBuf};

use bevy::prelude::*;

use crate::Settings;
use crate::i18n::Language;
use crate::scenario::{FilmTime, LoadedScenario, Problem, SCENARIO_FILE, load_checked};
use crate::video::film_duration;

/// The folder the catalog reads.
#[derive(Resource, Clone, Debug)]
pub(super) struct CatalogFolder(pub PathBuf);

/// One scenario folder: loaded and checked, or the problems that keep it from being used.
pub(crate) struct CatalogEntry {
    pub folder: PathBuf,
    pub outcome: Result<Playable, Vec<Problem>>,
}

/// A scenario without errors, with its film's duration when the film could be probed.
pub(crate) struct Playable {
    pub loaded: LoadedScenario,
    pub duration: Option<FilmTime>,
}

/// The scenarios found, in folder-name order, checked in `language`.
#[derive(Resource)]
pub(crate) struct Catalog {
    pub language: Language,
    pub entries: Vec<CatalogEntry>,
    /// The error from reading the folder itself, if reading failed.
    pub folder_error: Option<String>,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, refresh_catalog.in_set(crate::AppSystems::Update));
}

/// Reads the catalog at start and again when the language changes, because problems are
/// worded in the language they were checked in.
fn refresh_catalog(
    mut commands: Commands,
    folder: Res<CatalogFolder>,
    settings: Res<Settings>,
    catalog: Option<Res<Catalog>>,
) {
    if catalog.is_some_and(|catalog| catalog.language == settings.language) {
        return;
    }
    commands.insert_resource(read_catalog(&folder.0, settings.language));
}

/// Loads and checks every scenario under `folder`.
pub(super) fn read_catalog(folder: &Path, language: Language) -> Catalog {
    let mut folders = match std::fs::read_dir(folder) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.join(SCENARIO_FILE).is_file())
            .collect::<Vec<_>>(),
        Err(error) => {
            error!("cannot read scenarios folder {}: {error}", folder.display());
            return Catalog {
                language,
                entries: Vec::new(),
                folder_error: Some(format!("{}: {error}", folder.display())),
            };
        }
    };
    folders.sort();

    let entries = folders
        .into_iter()
        .map(|folder| {
            let outcome = load_checked(&folder.join(SCENARIO_FILE), language, &film_duration).map(
                |(loaded, warnings)| {
                    for warning in &warnings {
                        warn!("{warning}");
                    }
                    info!("scenario {} loaded", loaded.scenario.id);
                    let duration = film_duration(&loaded.film_path()).map(FilmTime);
                    Playable { loaded, duration }
                },
            );
            if let Err(problems) = &outcome {
                warn!(
                    "scenario {} has {} problems",
                    folder.display(),
                    problems.len()
                );
            }
            CatalogEntry { folder, outcome }
        })
        .collect();
    Catalog {
        language,
        entries,
        folder_error: None,
    }
}
