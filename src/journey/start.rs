//! The start screen: language, audience, and the scenarios for that audience with title
//! and duration. A scenario with errors lists its problems instead of a start button.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::catalog::{Catalog, CatalogEntry};
use super::session::SessionStarter;
use super::style::{self, WARN};
use super::{Preferences, Screen};
use crate::Settings;
use crate::fluent_args;
use crate::i18n::{Language, tr, tr_args};
use crate::scenario::Audience;

/// The identifier the learner types on the start screen, present only when the
/// organisation's settings ask for one and none was given on the command line.
#[derive(Resource, Default)]
pub struct LearnerPrompt {
    text: String,
}

/// The start screen's choices that are not preferences: the audience and the last error.
#[derive(Resource)]
struct StartChoices {
    audience: Audience,
    film_error: Option<String>,
}

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(StartChoices {
        audience: Audience::FrontDesk,
        film_error: None,
    });
    app.add_systems(OnEnter(Screen::Start), clear_learner_prompt);
    app.add_systems(
        EguiPrimaryContextPass,
        // The kiosk's attract screen and its film loop cover the start screen.
        draw_start
            .run_if(in_state(Screen::Start).and_then(not(crate::modes::kiosk::attract_shown))),
    );
}

// A Bevy system takes its resources as arguments; grouping them would only hide them.
#[allow(clippy::too_many_arguments)]
fn draw_start(
    mut contexts: EguiContexts,
    catalog: Option<Res<Catalog>>,
    mut settings: ResMut<Settings>,
    mut preferences: ResMut<Preferences>,
    mut choices: ResMut<StartChoices>,
    mut starter: SessionStarter,
    mut next: ResMut<NextState<Screen>>,
    mut prompt: Option<ResMut<LearnerPrompt>>,
) -> Result {
    let Some(catalog) = catalog else {
        return Ok(());
    };
    let context = contexts.ctx_mut()?;
    let language = settings.language;
    let mut chosen = None;

    style::full_screen(context, "start", |ui| {
        style::heading(ui, tr(language, "journey-start-title"));
        ui.label(tr(language, "journey-start-intro"));
        ui.separator();

        ui.horizontal_wrapped(|ui| {
            ui.label(tr(language, "journey-start-language"));
            for option in Language::ALL {
                let name = tr(option, "journey-language-name");
                let selected = settings.language == option;
                if ui.add(selectable(selected, name)).clicked() {
                    settings.language = option;
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(tr(language, "journey-start-audience"));
            for (audience, id) in [
                (Audience::FrontDesk, "journey-audience-front-desk"),
                (Audience::Inspector, "journey-audience-inspector"),
            ] {
                let selected = choices.audience == audience;
                if ui.add(selectable(selected, tr(language, id))).clicked() {
                    choices.audience = audience;
                }
            }
        });
        ui.checkbox(
            &mut preferences.subtitles,
            tr(language, "journey-start-subtitles"),
        );
        ui.checkbox(
            &mut preferences.single_key_shortcuts,
            tr(language, "journey-start-shortcuts"),
        );
        if let Some(prompt) = prompt.as_mut() {
            ui.label(tr(language, "journey-start-learner"));
            let field = egui::TextEdit::singleline(&mut prompt.text)
                .min_size(egui::vec2(320.0, style::TOUCH_TARGET));
            ui.add(field);
        }
        ui.separator();

        if let Some(error) = &catalog.folder_error {
            ui.colored_label(WARN, tr(language, "journey-start-folder-error"));
            ui.label(error);
        }
        if let Some(error) = &choices.film_error {
            ui.colored_label(WARN, error);
        }
        let mut shown = 0;
        for (index, entry) in catalog.entries.iter().enumerate() {
            if !belongs_to(entry, choices.audience) {
                continue;
            }
            shown += 1;
            if draw_entry(ui, entry, language) {
                chosen = Some(index);
            }
        }
        if shown == 0 {
            ui.label(tr(language, "journey-start-no-scenarios"));
        }
    });

    if let Some(index) = chosen
        && let Some(Ok(playable)) = catalog.entries.get(index).map(|entry| &entry.outcome)
    {
        let begun = match prompt.as_ref().map(|prompt| prompt.text.trim().to_owned()) {
            Some(learner) if learner.is_empty() => {
                Err(tr(language, "journey-start-learner-missing"))
            }
            Some(learner) => starter.begin_as(playable.loaded.clone(), language, Some(learner)),
            None => starter.begin(playable.loaded.clone(), settings.language),
        };
        match begun {
            Ok(()) => {
                choices.film_error = None;
                next.set(Screen::Introduction);
            }
            Err(message) => choices.film_error = Some(message),
        }
    }
    Ok(())
}

/// Empties the identifier field, so the next learner at a shared screen types their own.
fn clear_learner_prompt(prompt: Option<ResMut<LearnerPrompt>>) {
    if let Some(mut prompt) = prompt {
        prompt.text.clear();
    }
}

fn selectable(selected: bool, text: String) -> egui::Button<'static> {
    egui::Button::selectable(selected, RichText::new(text).size(18.0))
        .min_size(egui::vec2(style::TOUCH_TARGET, style::TOUCH_TARGET))
}

/// Returns whether the entry belongs to `audience`. A broken scenario is shown for both,
/// since its audience may be unreadable.
fn belongs_to(entry: &CatalogEntry, audience: Audience) -> bool {
    match &entry.outcome {
        Ok(playable) => playable.loaded.scenario.audience == audience,
        Err(_) => true,
    }
}

/// Draws one scenario; returns true when the learner starts it.
fn draw_entry(ui: &mut egui::Ui, entry: &CatalogEntry, language: Language) -> bool {
    let mut start = false;
    style::panel_frame(egui::Color32::from_rgb(0x26, 0x2c, 0x33)).show(ui, |ui| {
        ui.set_width(ui.available_width());
        match &entry.outcome {
            Ok(playable) => {
                let scenario = &playable.loaded.scenario;
                let title = match playable.duration {
                    Some(duration) => tr_args(
                        language,
                        "journey-start-scenario-with-duration",
                        &fluent_args![
                            "title" => scenario.title.get(language).to_owned(),
                            "minutes" => duration.as_nanos() / 60_000_000_000,
                            "seconds" => format!("{:02}", duration.as_nanos() / 1_000_000_000 % 60),
                        ],
                    ),
                    None => scenario.title.get(language).to_owned(),
                };
                ui.label(RichText::new(title).size(20.0).strong());
                let label = tr(language, "journey-start-begin");
                start = style::button(ui, RichText::new(label).size(20.0)).clicked();
            }
            Err(problems) => {
                ui.colored_label(WARN, tr(language, "journey-start-broken"));
                ui.label(entry.folder.display().to_string());
                for problem in problems {
                    ui.label(RichText::new(problem.to_string()).monospace());
                }
            }
        }
    });
    start
}
