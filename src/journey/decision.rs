//! The decision after the film: would the learner report what they saw, and to whom.

use bevy::prelude::*;
use bevy_egui::egui::RichText;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::session::Session;
use super::style;
use super::{LearnerAction, Screen};
use crate::i18n::tr;
use crate::results::SessionEvent;
use crate::{AppSystems, Settings};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        record_decision
            .run_if(in_state(Screen::Decision))
            .in_set(AppSystems::Update),
    );
    app.add_systems(
        EguiPrimaryContextPass,
        draw_decision.run_if(in_state(Screen::Decision)),
    );
}

/// Records the decision, closes the viewing and opens the feedback.
fn record_decision(
    mut actions: MessageReader<LearnerAction>,
    mut session: ResMut<Session>,
    mut next: ResMut<NextState<Screen>>,
    mut events: MessageWriter<SessionEvent>,
) {
    for action in actions.read() {
        let LearnerAction::Decide(choice) = *action else {
            continue;
        };
        match session.judge.record_decision(choice) {
            Ok(()) => {
                let result = session.judge.finish();
                info!(
                    "decision {choice} recorded; {} of {} signals recognised",
                    result.recognised_count(),
                    session.loaded.scenario.signals.len()
                );
                events.write(SessionEvent::Decided {
                    result: Box::new(result.clone()),
                });
                session.result = Some(result);
                next.set(Screen::Feedback);
            }
            Err(error) => warn!("decision {choice} not recorded: {error}"),
        }
    }
}

fn draw_decision(
    mut contexts: EguiContexts,
    session: Option<Res<Session>>,
    settings: Res<Settings>,
    mut actions: MessageWriter<LearnerAction>,
) -> Result {
    let Some(session) = session else {
        return Ok(());
    };
    let context = contexts.ctx_mut()?;
    let language = settings.language;
    let decision = &session.loaded.scenario.decision;
    style::full_screen(context, "decision", |ui| {
        ui.label(tr(language, "journey-decision-intro"));
        style::heading(ui, decision.prompt.get(language));
        ui.add_space(8.0);
        for (index, choice) in decision.choices.iter().enumerate() {
            let text = RichText::new(choice.text.get(language)).size(20.0);
            if style::wide_button(ui, text).clicked() {
                actions.write(LearnerAction::Decide(index));
            }
        }
    });
    Ok(())
}
