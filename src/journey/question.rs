//! The follow-up question over the frozen frame: the scenario's question for the signal
//! the pause hit, or the generic one. The question does not reveal whether the pause was
//! right. After the answer the film plays on.

use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::session::Session;
use super::style::{self, QUESTION_PANEL};
use super::{LearnerAction, Screen};
use crate::i18n::tr;
use crate::results::SessionEvent;
use crate::video::FilmPlayer;
use crate::{AppSystems, Settings};

/// The question panel's last drawn rectangle in physical pixels, for scripted screenshots.
#[derive(Resource, Default)]
pub(super) struct QuestionPanel(pub Option<[f32; 4]>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<QuestionPanel>();
    app.add_systems(
        Update,
        record_answer
            .run_if(in_state(Screen::Watching))
            .in_set(AppSystems::Update),
    );
    app.add_systems(
        EguiPrimaryContextPass,
        draw_question.run_if(in_state(Screen::Watching)),
    );
}

/// Records the chosen answer and resumes the film.
fn record_answer(
    mut actions: MessageReader<LearnerAction>,
    mut session: ResMut<Session>,
    mut players: Query<&mut FilmPlayer>,
    mut events: MessageWriter<SessionEvent>,
) {
    for action in actions.read() {
        let LearnerAction::Answer(choice) = *action else {
            continue;
        };
        let Some(open) = session.question else {
            continue;
        };
        match session.judge.record_answer(open.pause, choice) {
            Ok(()) => {
                info!("answer {choice} recorded for pause {:?}", open.pause);
                if let Some(answer) = session
                    .judge
                    .answers()
                    .iter()
                    .find(|a| a.pause == open.pause)
                {
                    events.write(SessionEvent::Answered {
                        pause: open.pause,
                        question: answer.question.clone(),
                        choice,
                        correct: answer.correct,
                    });
                }
                session.question = None;
                if let Ok(mut player) = players.get_mut(session.player) {
                    player.play();
                    let at = player.displayed_time().unwrap_or_default();
                    events.write(SessionEvent::Played { at });
                }
            }
            Err(error) => warn!("answer {choice} not recorded: {error}"),
        }
    }
}

fn draw_question(
    mut contexts: EguiContexts,
    session: Option<Res<Session>>,
    settings: Res<Settings>,
    mut panel: ResMut<QuestionPanel>,
    mut actions: MessageWriter<LearnerAction>,
) -> Result {
    let context = contexts.ctx_mut()?;
    let open = session
        .as_ref()
        .and_then(|session| session.question.map(|open| (session, open)));
    let Some((session, open)) = open else {
        panel.0 = None;
        return Ok(());
    };
    let Some(question) = session.judge.question(open.ask) else {
        panel.0 = None;
        return Ok(());
    };
    let language = settings.language;
    let width = (context.content_rect().width() * 0.6).max(280.0);
    let max_answers_height = (context.content_rect().height() * 0.6).max(120.0);

    let shown = egui::Area::new(egui::Id::new("question"))
        .anchor(Align2::CENTER_CENTER, [0.0, 0.0])
        .order(egui::Order::Foreground)
        .show(context, |ui| {
            style::panel_frame(QUESTION_PANEL).show(ui, |ui| {
                ui.set_width(width);
                ui.label(RichText::new(tr(language, "journey-question-paused")).size(16.0));
                style::heading(ui, question.prompt.get(language));
                ui.add_space(8.0);
                // Long answers at a large classroom text scale can be taller than the
                // window, so the answers scroll instead of running off the screen.
                egui::ScrollArea::vertical()
                    .max_height(max_answers_height)
                    .show(ui, |ui| {
                        for (index, choice) in question.choices.iter().enumerate() {
                            let text = RichText::new(choice.text.get(language)).size(20.0);
                            let response = style::wide_button(ui, text);
                            if index == 0 && !ui.ctx().memory(|memory| memory.focused().is_some()) {
                                // Keyboard users land on the first answer and move with Tab.
                                response.request_focus();
                            }
                            if response.clicked() {
                                actions.write(LearnerAction::Answer(index));
                            }
                        }
                    });
            });
        });
    let rect = shown.response.rect;
    let scale = context.pixels_per_point();
    panel.0 = Some([
        rect.min.x * scale,
        rect.min.y * scale,
        rect.max.x * scale,
        rect.max.y * scale,
    ]);
    Ok(())
}
