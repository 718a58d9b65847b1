//! How to act on a suspicion: what to do and not do, whom to call, and the module's
//! learning goals; then back to the start.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::Screen;
use super::style;
use crate::Settings;
use crate::i18n::tr;

/// Reporting routes: when, then where, as message ids.
const ROUTES: [(&str, &str); 6] = [
    ("journey-route-acute-when", "journey-route-acute-where"),
    ("journey-route-police-when", "journey-route-police-where"),
    ("journey-route-labour-when", "journey-route-labour-where"),
    (
        "journey-route-anonymous-when",
        "journey-route-anonymous-where",
    ),
    ("journey-route-victim-when", "journey-route-victim-where"),
    (
        "journey-route-internal-when",
        "journey-route-internal-where",
    ),
];

const STEPS: [&str; 5] = [
    "journey-act-note",
    "journey-act-no-confront",
    "journey-act-no-promise",
    "journey-act-discuss",
    "journey-act-report",
];

const GOALS: [&str; 5] = [
    "journey-goal-recognise",
    "journey-goal-what",
    "journey-goal-role",
    "journey-goal-act",
    "journey-goal-tools",
];

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw_how_to_act.run_if(in_state(Screen::HowToAct)),
    );
}

fn draw_how_to_act(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let context = contexts.ctx_mut()?;
    let language = settings.language;
    style::full_screen(context, "how-to-act", |ui| {
        style::heading(ui, tr(language, "journey-act-title"));
        ui.label(tr(language, "journey-act-intro"));
        for step in STEPS {
            ui.label(format!("• {}", tr(language, step)));
        }
        ui.separator();
        style::heading(ui, tr(language, "journey-routes-title"));
        egui::Grid::new("routes")
            .num_columns(2)
            .spacing([24.0, 8.0])
            .striped(true)
            .show(ui, |ui| {
                for (when, route) in ROUTES {
                    ui.label(tr(language, when));
                    ui.label(RichText::new(tr(language, route)).strong());
                    ui.end_row();
                }
            });
        ui.separator();
        style::heading(ui, tr(language, "journey-goals-title"));
        for goal in GOALS {
            ui.label(format!("• {}", tr(language, goal)));
        }
        ui.add_space(12.0);
        if style::wide_button(ui, tr(language, "journey-act-back")).clicked() {
            next.set(Screen::Start);
        }
    });
    Ok(())
}
