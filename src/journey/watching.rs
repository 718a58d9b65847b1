//! The film screen: the film fills the window, the learner pauses it when they notice
//! something, and the follow-up question opens over the frozen frame. A position bar, a
//! pause button and subtitles sit at the bottom.

use bevy::prelude::*;
use bevy::window::WindowFocused;
use bevy_egui::egui::{self, Align2, Color32, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::session::{OpenQuestion, Session};
use super::style::{self, TEXT};
use super::subtitles::cue_at;
use super::{LearnerAction, Preferences, Screen, Scripted};
use crate::i18n::tr;
use crate::results::SessionEvent;
use crate::scenario::{Ask, FilmTime, PauseOrigin};
use crate::video::{FilmArea, FilmEnded, FilmPlayer};
use crate::{AppSystems, Settings};

/// How far the arrow keys seek.
const SEEK_STEP: FilmTime = FilmTime::from_secs(5);

/// How much film plays between two positions in the journal, so a resume after a crash
/// starts at most this far back.
const POSITION_STEP: FilmTime = FilmTime::from_secs(5);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Watching), start_film);
    app.add_systems(
        Update,
        (
            seek_with_arrows.in_set(AppSystems::Input),
            (
                pause_for_learner,
                pause_on_focus_loss,
                report_position,
                go_to_decision_at_end,
            )
                .in_set(AppSystems::Update),
        )
            .run_if(in_state(Screen::Watching)),
    );
    app.add_systems(
        EguiPrimaryContextPass,
        draw_film_controls.run_if(in_state(Screen::Watching)),
    );
}

/// Plays the film from the start, or from where a resumed session stopped, filling the
/// window. A resumed session with an open question stays paused on that frame.
fn start_film(
    mut commands: Commands,
    session: Option<ResMut<Session>>,
    mut players: Query<&mut FilmPlayer>,
    mut events: MessageWriter<SessionEvent>,
) {
    let Some(mut session) = session else {
        return;
    };
    session.paused_by_focus = false;
    commands
        .entity(session.player)
        .remove::<FilmArea>()
        .insert(Visibility::Visible);
    if let Ok(mut player) = players.get_mut(session.player) {
        // A seek clears the stop of the practice segment, so the film plays to its end.
        player.seek(session.start_at);
        if session.question.is_none() {
            player.play();
            events.write(SessionEvent::Played {
                at: session.start_at,
            });
        }
    }
}

/// Journals the film time every [`POSITION_STEP`] of playing, for resuming after a crash.
fn report_position(
    mut session: ResMut<Session>,
    players: Query<&FilmPlayer>,
    mut events: MessageWriter<SessionEvent>,
) {
    let Ok(player) = players.get(session.player) else {
        return;
    };
    let Some(shown) = player.displayed_time() else {
        return;
    };
    if player.is_paused() || shown < session.last_position.saturating_add(POSITION_STEP) {
        return;
    }
    session.last_position = shown;
    events.write(SessionEvent::Position { at: shown });
}

/// Freezes the frame for a learner's pause and opens the question the judge
/// chooses for it. A pause
/// request after the window lost focus resumes the film instead.
fn pause_for_learner(
    mut actions: MessageReader<LearnerAction>,
    mut session: ResMut<Session>,
    mut players: Query<&mut FilmPlayer>,
    mut events: MessageWriter<SessionEvent>,
) {
    let Ok(mut player) = players.get_mut(session.player) else {
        return;
    };
    for action in actions.read() {
        if *action != LearnerAction::PauseFilm {
            continue;
        }
        if session.paused_by_focus {
            session.paused_by_focus = false;
            player.play();
            let at = player.displayed_time().unwrap_or_default();
            events.write(SessionEvent::Played { at });
            continue;
        }
        if session.question.is_some() || player.is_paused() || player.has_ended() {
            continue;
        }
        let Some(time) = player.pause() else {
            // No frame is on screen yet, so there is nothing to judge.
            player.play();
            continue;
        };
        let outcome = session.judge.record_pause(time, PauseOrigin::Learner);
        info!("learner paused at {time}");
        events.write(paused_event(&session, outcome.pause));
        if outcome.ask == Ask::Nothing {
            player.play();
        } else {
            session.question = Some(OpenQuestion {
                pause: outcome.pause,
                ask: outcome.ask,
            });
        }
    }
}

/// Builds the journal event of a pause the judge has just recorded.
fn paused_event(session: &Session, pause: crate::scenario::PauseId) -> SessionEvent {
    let judged = &session.judge.pauses()[pause.0];
    SessionEvent::Paused {
        pause,
        at: judged.time,
        origin: judged.origin,
        judgement: judged.judgement,
    }
}

/// Pauses when the window loses focus, recorded as not the learner's pause. A scripted
/// run ignores focus, since a virtual display may never give the window focus.
fn pause_on_focus_loss(
    mut focus: MessageReader<WindowFocused>,
    mut session: ResMut<Session>,
    mut players: Query<&mut FilmPlayer>,
    scripted: Option<Res<Scripted>>,
    mut events: MessageWriter<SessionEvent>,
) {
    let lost = focus.read().any(|change| !change.focused);
    if !lost || scripted.is_some() || session.question.is_some() || session.paused_by_focus {
        return;
    }
    let Ok(mut player) = players.get_mut(session.player) else {
        return;
    };
    if player.is_paused() || player.has_ended() {
        return;
    }
    if let Some(time) = player.pause() {
        let outcome = session.judge.record_pause(time, PauseOrigin::FocusLost);
        events.write(paused_event(&session, outcome.pause));
        debug!("film paused at {time} because the window lost focus");
    }
    session.paused_by_focus = true;
}

/// Seeks back with the left arrow; forward with the right arrow only when the scenario
/// allows seeking forward on first viewing.
fn seek_with_arrows(
    keys: Res<ButtonInput<KeyCode>>,
    session: Option<Res<Session>>,
    preferences: Res<Preferences>,
    mut players: Query<&mut FilmPlayer>,
    mut events: MessageWriter<SessionEvent>,
) {
    let Some(session) = session else {
        return;
    };
    if !preferences.single_key_shortcuts || session.question.is_some() {
        return;
    }
    let Ok(mut player) = players.get_mut(session.player) else {
        return;
    };
    let now = player.displayed_time().unwrap_or_default();
    let target = if keys.just_pressed(KeyCode::ArrowLeft) {
        now.saturating_sub(SEEK_STEP)
    } else if keys.just_pressed(KeyCode::ArrowRight)
        && session.loaded.scenario.options.allow_seek_forward
    {
        now.saturating_add(SEEK_STEP)
    } else {
        return;
    };
    player.seek(target);
    events.write(SessionEvent::Seeked {
        from: now,
        to: target,
    });
}

fn go_to_decision_at_end(
    mut ended: MessageReader<FilmEnded>,
    session: Res<Session>,
    mut next: ResMut<NextState<Screen>>,
    mut events: MessageWriter<SessionEvent>,
) {
    if ended.read().any(|end| end.player == session.player) {
        info!("film of {} ended", session.loaded.scenario.id);
        events.write(SessionEvent::FilmEnded);
        next.set(Screen::Decision);
    }
}

fn draw_film_controls(
    mut contexts: EguiContexts,
    session: Option<Res<Session>>,
    players: Query<&FilmPlayer>,
    settings: Res<Settings>,
    mut preferences: ResMut<Preferences>,
    mut actions: MessageWriter<LearnerAction>,
) -> Result {
    let Some(session) = session else {
        return Ok(());
    };
    let Ok(player) = players.get(session.player) else {
        return Ok(());
    };
    let context = contexts.ctx_mut()?;
    let language = settings.language;
    let now = player.displayed_time().unwrap_or_default();
    let length = session.film_length(player);

    if preferences.subtitles
        && session.question.is_none()
        && let Some(text) = session
            .cues(language.code())
            .and_then(|cues| cue_at(cues, now))
    {
        draw_subtitle(context, text);
    }

    egui::Area::new(egui::Id::new("film-controls"))
        .anchor(Align2::CENTER_BOTTOM, [0.0, -8.0])
        .show(context, |ui| {
            style::panel_frame(Color32::from_black_alpha(200)).show(ui, |ui| {
                ui.horizontal(|ui| {
                    let can_pause = session.question.is_none() && !player.is_paused();
                    let label = if session.paused_by_focus {
                        tr(language, "journey-film-resume")
                    } else {
                        tr(language, "journey-film-pause")
                    };
                    let pause = ui.add_enabled(
                        can_pause || session.paused_by_focus,
                        egui::Button::new(RichText::new(label).size(20.0))
                            .min_size(egui::vec2(120.0, style::TOUCH_TARGET)),
                    );
                    if pause.clicked() {
                        actions.write(LearnerAction::PauseFilm);
                    }
                    let fraction = now.as_secs_f64() / length.as_secs_f64().max(0.001);
                    ui.add(
                        egui::ProgressBar::new(fraction.clamp(0.0, 1.0) as f32)
                            .desired_width(320.0)
                            .text(format!("{now} / {length}")),
                    );
                    let subtitles = if preferences.subtitles {
                        tr(language, "journey-subtitles-off")
                    } else {
                        tr(language, "journey-subtitles-on")
                    };
                    if style::button(ui, subtitles).clicked() {
                        preferences.subtitles = !preferences.subtitles;
                    }
                });
                if session.paused_by_focus {
                    ui.label(tr(language, "journey-film-paused-focus"));
                }
            });
        });
    Ok(())
}

/// Shows a subtitle large and centred above the controls, on a dark band.
fn draw_subtitle(context: &egui::Context, text: &str) {
    egui::Area::new(egui::Id::new("subtitle"))
        .anchor(Align2::CENTER_BOTTOM, [0.0, -86.0])
        .interactable(false)
        .show(context, |ui| {
            egui::Frame::new()
                .fill(Color32::from_black_alpha(210))
                .inner_margin(egui::Margin::symmetric(12, 6))
                .show(ui, |ui| {
                    ui.label(RichText::new(text).size(26.0).color(TEXT));
                });
        });
}
