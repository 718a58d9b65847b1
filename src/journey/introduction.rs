//! The introduction: what trafficking is, why the learner's role matters, how the exercise
//! works, and a practice on the first seconds of the film, so the learner has paused once
//! before it counts. Practice pauses are not recorded.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::session::Session;
use super::style::{self, GOOD, PANEL, WARN};
use super::{LearnerAction, Screen};
use crate::i18n::tr;
use crate::scenario::FilmTime;
use crate::video::{FilmArea, FilmEnded, FilmPlayer};
use crate::{AppSystems, Settings};

/// How much of the film the practice plays.
const PRACTICE_LENGTH: FilmTime = FilmTime::from_secs(8);

/// The practice film's area: the right half, beside the text.
const PRACTICE_AREA: FilmArea = FilmArea {
    min: Vec2::new(0.5, 0.1),
    max: Vec2::new(0.98, 0.7),
};

/// How far the learner is with the practice pause.
#[derive(Resource, Default, Clone, Copy, PartialEq, Eq, Debug)]
enum Practice {
    #[default]
    NotStarted,
    Playing,
    Paused,
    EndedWithoutPause,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Practice>();
    app.add_systems(OnEnter(Screen::Introduction), show_first_frame);
    app.add_systems(
        Update,
        (pause_practice, notice_practice_end)
            .run_if(in_state(Screen::Introduction))
            .in_set(AppSystems::Update),
    );
    app.add_systems(
        EguiPrimaryContextPass,
        draw_introduction.run_if(in_state(Screen::Introduction)),
    );
}

fn show_first_frame(
    mut commands: Commands,
    session: Res<Session>,
    mut practice: ResMut<Practice>,
    mut players: Query<&mut FilmPlayer>,
) {
    *practice = Practice::NotStarted;
    commands
        .entity(session.player)
        .insert((PRACTICE_AREA, Visibility::Visible));
    if let Ok(mut player) = players.get_mut(session.player) {
        player.seek(FilmTime::ZERO);
    }
}

fn pause_practice(
    mut actions: MessageReader<LearnerAction>,
    session: Res<Session>,
    mut practice: ResMut<Practice>,
    mut players: Query<&mut FilmPlayer>,
) {
    let paused = actions
        .read()
        .any(|action| *action == LearnerAction::PauseFilm);
    if !paused || *practice != Practice::Playing {
        return;
    }
    if let Ok(mut player) = players.get_mut(session.player) {
        let time = player.pause();
        debug!("practice pause at {time:?}, not judged");
    }
    *practice = Practice::Paused;
}

fn notice_practice_end(
    mut ended: MessageReader<FilmEnded>,
    session: Res<Session>,
    mut practice: ResMut<Practice>,
) {
    if ended.read().any(|end| end.player == session.player) && *practice == Practice::Playing {
        *practice = Practice::EndedWithoutPause;
    }
}

fn draw_introduction(
    mut contexts: EguiContexts,
    session: Res<Session>,
    settings: Res<Settings>,
    mut practice: ResMut<Practice>,
    mut players: Query<&mut FilmPlayer>,
    mut actions: MessageWriter<LearnerAction>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let context = contexts.ctx_mut()?;
    let language = settings.language;
    let screen = context.content_rect();

    egui::Area::new(egui::Id::new("introduction"))
        .fixed_pos(egui::pos2(8.0, 8.0))
        .show(context, |ui| {
            style::panel_frame(PANEL).show(ui, |ui| {
                ui.set_width(screen.width() * 0.48 - 32.0);
                ui.set_height(screen.height() - 48.0);
                egui::ScrollArea::vertical().show(ui, |ui| {
                    style::heading(ui, session.loaded.scenario.title.get(language));
                    for (title, body) in [
                        ("journey-intro-what-title", "journey-intro-what"),
                        ("journey-intro-role-title", "journey-intro-role"),
                        ("journey-intro-how-title", "journey-intro-how"),
                    ] {
                        ui.label(RichText::new(tr(language, title)).size(20.0).strong());
                        ui.label(tr(language, body));
                    }
                    ui.label(session.loaded.scenario.introduction.get(language));
                    ui.separator();
                    ui.label(
                        RichText::new(tr(language, "journey-practice-title"))
                            .size(20.0)
                            .strong(),
                    );
                    match *practice {
                        Practice::NotStarted => ui.label(tr(language, "journey-practice-explain")),
                        Practice::Playing => ui.label(tr(language, "journey-practice-playing")),
                        Practice::Paused => {
                            ui.colored_label(GOOD, tr(language, "journey-practice-done"))
                        }
                        Practice::EndedWithoutPause => {
                            ui.colored_label(WARN, tr(language, "journey-practice-again"))
                        }
                    };
                    ui.horizontal_wrapped(|ui| {
                        if *practice == Practice::Playing {
                            if style::button(ui, tr(language, "journey-film-pause")).clicked() {
                                actions.write(LearnerAction::PauseFilm);
                            }
                        } else if style::button(ui, tr(language, "journey-practice-play")).clicked()
                            && let Ok(mut player) = players.get_mut(session.player)
                        {
                            player.play_segment(FilmTime::ZERO, PRACTICE_LENGTH);
                            *practice = Practice::Playing;
                        }
                        let ready = *practice == Practice::Paused;
                        let begin = ui.add_enabled(
                            ready,
                            egui::Button::new(
                                RichText::new(tr(language, "journey-film-begin")).size(20.0),
                            )
                            .min_size(egui::vec2(style::TOUCH_TARGET, style::TOUCH_TARGET)),
                        );
                        if begin.clicked() {
                            next.set(Screen::Watching);
                        }
                    });
                });
            });
        });
    Ok(())
}
