//! The start screen's offer to go on with a session that a crash or a closed window left
//! unfinished, or to discard it. The offer covers the start screen until the learner
//! chooses.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::Screen;
use super::catalog::Catalog;
use super::session::SessionStarter;
use super::style;
use crate::Settings;
use crate::fluent_args;
use crate::i18n::{Language, tr, tr_args};
use crate::modes::AppMode;
use crate::results::{JournalEvent, JournalWriter, ResultsFolder, UnfinishedSession, replay};
use crate::scenario::LoadedScenario;

/// Unfinished sessions of scenarios in the catalog, newest first, read when the start
/// screen opens.
#[derive(Resource, Default)]
pub(super) struct ResumeOffer {
    sessions: Vec<(UnfinishedSession, LoadedScenario)>,
    error: Option<String>,
}

enum Choice {
    Resume,
    Discard,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ResumeOffer>();
    // The catalog is read in `Update` after the start screen opens, and again when the
    // language changes; the offer is made from it each time.
    app.add_systems(OnEnter(Screen::Start), find_unfinished_sessions);
    app.add_systems(
        Update,
        find_unfinished_sessions
            .run_if(in_state(Screen::Start).and_then(resource_exists_and_changed::<Catalog>)),
    );
    app.add_systems(
        EguiPrimaryContextPass,
        draw_offer.run_if(in_state(Screen::Start).and_then(offer_open)),
    );
}

fn offer_open(offer: Res<ResumeOffer>, mode: Option<Res<AppMode>>) -> bool {
    // A kiosk never shows what an earlier learner left behind.
    let kiosk = mode.is_some_and(|mode| *mode == AppMode::Kiosk);
    !kiosk && (!offer.sessions.is_empty() || offer.error.is_some())
}

/// Lists the unfinished sessions whose scenario the catalog can start, keeping only the
/// newest per scenario.
fn find_unfinished_sessions(
    folder: Option<Res<ResultsFolder>>,
    catalog: Option<Res<Catalog>>,
    mut offer: ResMut<ResumeOffer>,
) {
    offer.sessions.clear();
    offer.error = None;
    let (Some(folder), Some(catalog)) = (folder, catalog) else {
        return;
    };
    let Some(data) = folder.0.as_ref() else {
        return;
    };
    let unfinished = match data.unfinished_sessions() {
        Ok(unfinished) => unfinished,
        Err(error) => {
            warn!("could not list unfinished sessions: {error}");
            return;
        }
    };
    for session in unfinished.into_iter().rev() {
        let known = offer
            .sessions
            .iter()
            .any(|(listed, _)| listed.scenario_id == session.scenario_id);
        let loaded = catalog.entries.iter().find_map(|entry| {
            let playable = entry.outcome.as_ref().ok()?;
            (playable.loaded.scenario.id == session.scenario_id).then(|| playable.loaded.clone())
        });
        if let (false, Some(loaded)) = (known, loaded) {
            offer.sessions.push((session, loaded));
        }
    }
    if !offer.sessions.is_empty() {
        info!(
            "{} unfinished session(s) can be resumed",
            offer.sessions.len()
        );
    }
}

fn draw_offer(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    mut offer: ResMut<ResumeOffer>,
    mut starter: SessionStarter,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let context = contexts.ctx_mut()?;
    let language = settings.language;
    let mut chosen = None;

    egui::Area::new(egui::Id::new("resume-offer"))
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .order(egui::Order::Foreground)
        .show(context, |ui| {
            style::panel_frame(style::QUESTION_PANEL).show(ui, |ui| {
                ui.set_max_width(640.0);
                if let Some(error) = &offer.error {
                    ui.colored_label(style::WARN, error);
                }
                for (index, (session, loaded)) in offer.sessions.iter().enumerate() {
                    describe(ui, session, loaded, language);
                    ui.horizontal(|ui| {
                        let resume = tr(language, "journey-resume-continue");
                        if style::button(ui, RichText::new(resume).size(20.0)).clicked() {
                            chosen = Some((index, Choice::Resume));
                        }
                        let discard = tr(language, "journey-resume-discard");
                        if style::button(ui, RichText::new(discard).size(20.0)).clicked() {
                            chosen = Some((index, Choice::Discard));
                        }
                    });
                }
                if offer.sessions.is_empty() {
                    let close = tr(language, "journey-resume-close");
                    if style::button(ui, close).clicked() {
                        offer.error = None;
                    }
                }
            });
        });

    let Some((index, choice)) = chosen else {
        return Ok(());
    };
    let (session, loaded) = offer.sessions.remove(index);
    match choice {
        Choice::Resume => match resume(&session, loaded, language, &mut starter) {
            Ok(screen) => next.set(screen),
            Err(message) => offer.error = Some(message),
        },
        Choice::Discard => {
            if let Err(message) = discard(&session, language) {
                offer.error = Some(message);
            }
        }
    }
    Ok(())
}

fn describe(
    ui: &mut egui::Ui,
    session: &UnfinishedSession,
    loaded: &LoadedScenario,
    language: Language,
) {
    let (pauses, position) = session.progress();
    ui.label(
        RichText::new(tr(language, "journey-resume-title"))
            .size(24.0)
            .strong(),
    );
    ui.label(tr_args(
        language,
        "journey-resume-details",
        &fluent_args![
            "title" => loaded.scenario.title.get(language).to_owned(),
            "position" => position.to_string(),
            "pauses" => pauses,
        ],
    ));
}

/// Replays the journal of `session` and opens its film where it stopped.
fn resume(
    session: &UnfinishedSession,
    loaded: LoadedScenario,
    language: Language,
    starter: &mut SessionStarter,
) -> Result<Screen, String> {
    let journal: PathBuf = session.journal_path();
    let restored = replay(&session.journal, &loaded.scenario).map_err(|error| {
        error!("cannot resume {}: {error}", journal.display());
        tr_args(
            language,
            "journey-resume-failed",
            &fluent_args!["file" => journal.display().to_string()],
        )
    })?;
    let screen = if restored.film_ended {
        Screen::Decision
    } else {
        Screen::Watching
    };
    starter.resume(loaded, language, restored, journal)?;
    Ok(screen)
}

/// Marks `session` as discarded in its journal, so it is not offered again.
fn discard(session: &UnfinishedSession, language: Language) -> Result<(), String> {
    let path = session.journal_path();
    JournalWriter::open(&path, session.journal.next_seq())
        .and_then(|mut writer| writer.append(JournalEvent::Discarded))
        .map(|_| info!("session in {} discarded", session.folder.display()))
        .map_err(|error| {
            error!("cannot discard {}: {error}", path.display());
            tr_args(
                language,
                "journey-resume-discard-failed",
                &fluent_args!["file" => path.display().to_string()],
            )
        })
}
