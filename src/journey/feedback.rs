//! The feedback after the decision: the general feedback for this result, the signal that
//! is open on the timeline (its clip replays in the film area, with its explanation and the
//! learner's answer beside the right one), and the combinations of signals.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::session::Session;
use super::style::{self, GOOD, PANEL, WARN};
use super::timeline::TimelineSelection;
use super::{LearnerAction, Screen};
use crate::i18n::{Language, tr, tr_args};
use crate::scenario::{QuestionRef, SessionResult, Signal};
use crate::video::{FilmArea, FilmPlayer};
use crate::{AppSystems, Settings, fluent_args};

/// The clip replay's area: the upper right of the window, beside the feedback text.
pub(super) const REPLAY_AREA: FilmArea = FilmArea {
    min: Vec2::new(0.47, 0.02),
    max: Vec2::new(0.98, 0.74),
};

/// Width and height of the text panel, as fractions of the window.
const TEXT_WIDTH: f32 = 0.45;
const TEXT_HEIGHT: f32 = 0.74;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Feedback), show_replay_area);
    app.add_systems(OnExit(Screen::Feedback), hide_replay_area);
    app.add_systems(
        Update,
        open_marker
            .run_if(in_state(Screen::Feedback))
            .in_set(AppSystems::Update),
    );
    app.add_systems(
        EguiPrimaryContextPass,
        draw_feedback.run_if(in_state(Screen::Feedback)),
    );
}

fn show_replay_area(
    mut commands: Commands,
    session: Res<Session>,
    mut players: Query<&mut FilmPlayer>,
) {
    commands.entity(session.player).insert(REPLAY_AREA);
    if let Ok(mut player) = players.get_mut(session.player) {
        player.pause();
    }
}

fn hide_replay_area(
    mut commands: Commands,
    session: Option<Res<Session>>,
    mut players: Query<&mut FilmPlayer>,
) {
    let Some(session) = session else {
        return;
    };
    commands
        .entity(session.player)
        .remove::<FilmArea>()
        .insert(Visibility::Hidden);
    if let Ok(mut player) = players.get_mut(session.player) {
        player.pause();
    }
}

/// Selects the marker and replays its signal's clip in the film area.
fn open_marker(
    mut actions: MessageReader<LearnerAction>,
    session: Res<Session>,
    mut selection: ResMut<TimelineSelection>,
    mut players: Query<&mut FilmPlayer>,
    mut events: MessageWriter<crate::results::SessionEvent>,
) {
    for action in actions.read() {
        let LearnerAction::OpenMarker(index) = *action else {
            continue;
        };
        let Some(signal) = session.loaded.scenario.signals.get(index) else {
            warn!("no signal {index} to open");
            continue;
        };
        selection.selected = index;
        selection.opened = Some(index);
        if let Ok(mut player) = players.get_mut(session.player) {
            player.play_segment(signal.clip.start, signal.clip.end);
        }
        info!("replaying the clip of signal {}", signal.id);
        events.write(crate::results::SessionEvent::ClipReplayed {
            signal_id: signal.id.clone(),
        });
    }
}

fn draw_feedback(
    mut contexts: EguiContexts,
    session: Res<Session>,
    selection: Res<TimelineSelection>,
    settings: Res<Settings>,
    mut actions: MessageWriter<LearnerAction>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let Some(result) = &session.result else {
        return Ok(());
    };
    let context = contexts.ctx_mut()?;
    let language = settings.language;
    let screen = context.content_rect();
    let size = egui::vec2(screen.width() * TEXT_WIDTH, screen.height() * TEXT_HEIGHT);

    egui::Area::new(egui::Id::new("feedback"))
        .fixed_pos(egui::pos2(8.0, 8.0))
        .show(context, |ui| {
            style::panel_frame(PANEL).show(ui, |ui| {
                ui.set_width(size.x - 32.0);
                ui.set_height(size.y - 32.0);
                egui::ScrollArea::vertical().show(ui, |ui| {
                    draw_summary(ui, &session, result, language);
                    match selection.opened {
                        Some(index) => {
                            draw_signal(ui, &session, result, index, language, &mut actions)
                        }
                        None => {
                            ui.label(tr(language, "journey-feedback-timeline-help"));
                        }
                    }
                    draw_combinations(ui, &session, result, language);
                    ui.add_space(8.0);
                    if style::wide_button(ui, tr(language, "journey-feedback-next")).clicked() {
                        next.set(Screen::HowToAct);
                    }
                });
            });
        });
    Ok(())
}

fn draw_summary(ui: &mut egui::Ui, session: &Session, result: &SessionResult, language: Language) {
    let args = fluent_args![
        "recognised" => result.recognised_count(),
        "total" => session.loaded.scenario.signals.len(),
        "false_alarms" => result.false_alarms.len(),
    ];
    style::heading(ui, tr_args(language, "journey-feedback-score", &args));
    if let Some(feedback) = &result.feedback {
        ui.label(feedback.get(language));
    }
    let decision = result.decision.as_ref().and_then(|decision| {
        session
            .loaded
            .scenario
            .decision
            .choices
            .get(decision.choice)
    });
    if let Some(feedback) = decision.and_then(|choice| choice.feedback.as_ref()) {
        ui.label(feedback.get(language));
    }
    if result.guessing_detected {
        ui.colored_label(WARN, tr(language, "journey-feedback-guessing"));
    }
    ui.separator();
}

fn draw_signal(
    ui: &mut egui::Ui,
    session: &Session,
    result: &SessionResult,
    index: usize,
    language: Language,
    actions: &mut MessageWriter<LearnerAction>,
) {
    let Some(signal) = session.loaded.scenario.signals.get(index) else {
        return;
    };
    let recognised = result
        .recognised
        .iter()
        .any(|found| found.signal_id == signal.id);
    style::heading(ui, format!("{}. {}", index + 1, signal.title.get(language)));
    if recognised {
        ui.colored_label(GOOD, tr(language, "journey-feedback-recognised"));
    } else {
        ui.colored_label(WARN, tr(language, "journey-feedback-missed"));
    }
    ui.label(signal.explanation.get(language));
    draw_answer(ui, signal, result, language);
    if style::button(ui, tr(language, "journey-feedback-replay")).clicked() {
        actions.write(LearnerAction::OpenMarker(index));
    }
    ui.separator();
}

/// Shows the learner's answer to this signal's question, if they paused on it, beside the
/// right answers.
fn draw_answer(ui: &mut egui::Ui, signal: &Signal, result: &SessionResult, language: Language) {
    let answer = result
        .answers
        .iter()
        .find(|answer| answer.question == QuestionRef::Signal(signal.id.clone()));
    let choices = &signal.question.choices;
    if let Some(choice) = answer.and_then(|answer| choices.get(answer.choice)) {
        let args = fluent_args!["answer" => choice.text.get(language)];
        ui.label(RichText::new(tr_args(language, "journey-feedback-your-answer", &args)).strong());
        if let Some(feedback) = &choice.feedback {
            ui.label(feedback.get(language));
        }
    }
    for choice in choices.iter().filter(|choice| choice.correct) {
        let args = fluent_args!["answer" => choice.text.get(language)];
        ui.colored_label(
            GOOD,
            tr_args(language, "journey-feedback-right-answer", &args),
        );
    }
}

/// Explains each combination of signals ("1+1=2") and shows whether the learner
/// recognised all of its signals.
fn draw_combinations(
    ui: &mut egui::Ui,
    session: &Session,
    result: &SessionResult,
    language: Language,
) {
    let combinations = &session.loaded.scenario.combinations;
    if combinations.is_empty() {
        return;
    }
    style::heading(ui, tr(language, "journey-feedback-combinations"));
    ui.label(tr(language, "journey-feedback-combinations-intro"));
    for (index, combination) in combinations.iter().enumerate() {
        let complete = result
            .completed_combinations
            .iter()
            .any(|completed| completed.index == index);
        ui.label(RichText::new(combination.title.get(language)).strong());
        ui.label(combination.explanation.get(language));
        let status = if complete {
            tr(language, "journey-feedback-combination-seen")
        } else {
            tr(language, "journey-feedback-combination-not-seen")
        };
        ui.colored_label(if complete { GOOD } else { WARN }, status);
    }
}
