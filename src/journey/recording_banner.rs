//! A banner over every screen while results cannot be written, so a learner or trainer
//! learns at once that this session is not being kept, not after the module.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::style;
use crate::Settings;
use crate::i18n::tr;
use crate::results::RecordingProblem;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw_banner.run_if(resource_exists::<RecordingProblem>.and_then(has_problem)),
    );
}

fn has_problem(problem: Res<RecordingProblem>) -> bool {
    problem.0.is_some()
}

fn draw_banner(
    mut contexts: EguiContexts,
    problem: Res<RecordingProblem>,
    settings: Res<Settings>,
) -> Result {
    let Some(detail) = &problem.0 else {
        return Ok(());
    };
    let context = contexts.ctx_mut()?;
    egui::Area::new(egui::Id::new("recording-problem"))
        .anchor(egui::Align2::CENTER_TOP, [0.0, 8.0])
        .order(egui::Order::Tooltip)
        .show(context, |ui| {
            style::panel_frame(egui::Color32::from_rgb(0x5a, 0x12, 0x12)).show(ui, |ui| {
                ui.set_max_width(720.0);
                ui.label(
                    RichText::new(tr(settings.language, "journey-recording-problem"))
                        .color(style::TEXT)
                        .strong(),
                );
                ui.label(RichText::new(detail).color(style::TEXT).small());
            });
        });
    Ok(())
}
