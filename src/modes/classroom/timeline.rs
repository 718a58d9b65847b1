//! The classroom's additions to the feedback timeline: a label on the group's pause flags
//! and, above them, a heat strip of where earlier self-study learners paused.

use std::collections::HashSet;

use bevy::prelude::*;

use super::heat::{HeatStrip, pause_heat};
use crate::Settings;
use crate::fluent_args;
use crate::i18n::{tr, tr_args};
use crate::journey::{Screen, Session, timeline_point};
use crate::results::{ResultsFolder, SessionSummary};
use crate::scenario::FilmTime;
use crate::video::FilmPlayer;

/// Stretches in the heat strip.
const HEAT_BINS: usize = 60;
/// Height of the strip's centre above the bar and its thickness, in logical pixels: just
/// above the pause flags and below the feedback text.
const HEAT_LIFT: f32 = 62.0;
const HEAT_THICKNESS: f32 = 12.0;
/// The strip's colour where no learner paused, and where every learner did.
const HEAT_COLD: Color = Color::srgb_u8(0x2a, 0x33, 0x3d);
const HEAT_HOT: Color = Color::srgb_u8(0xff, 0x6a, 0x2a);

/// The finished sessions in the data folder when the classroom started. Sessions the
/// group finishes during this run are not among them, so the strip shows only others.
// NOTE: a summary does not record the mode, so earlier classroom sessions in the same
// data folder count as self-study learners too.
#[derive(Resource, Default)]
struct History(Vec<SessionSummary>);

/// One stretch of the heat strip.
#[derive(Component)]
struct HeatCell {
    start: FilmTime,
    end: FilmTime,
}

/// A label placed at a film time, `lift` pixels above the bar.
#[derive(Component)]
struct StripLabel {
    time: FilmTime,
    lift: f32,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<History>();
    app.add_systems(Startup, read_history);
    app.add_systems(OnEnter(Screen::Feedback), build_strip);
    app.add_systems(Update, lay_out_strip.run_if(in_state(Screen::Feedback)));
}

fn read_history(folder: Option<Res<ResultsFolder>>, mut history: ResMut<History>) {
    let Some(folder) = folder.as_ref().and_then(|folder| folder.0.as_ref()) else {
        info!("classroom: no data folder, so the feedback shows no heat strip");
        return;
    };
    match folder.finished_sessions() {
        Ok((summaries, errors)) => {
            for error in &errors {
                warn!("classroom: summary left out of the heat strip: {error}");
            }
            info!(
                "classroom: {} finished sessions for the heat strip",
                summaries.len()
            );
            history.0 = summaries;
        }
        Err(error) => warn!("classroom: finished sessions not read: {error}"),
    }
}

fn build_strip(
    mut commands: Commands,
    session: Option<Res<Session>>,
    players: Query<&FilmPlayer>,
    history: Res<History>,
    settings: Res<Settings>,
) {
    let Some(session) = session else {
        return;
    };
    let Ok(player) = players.get(session.player) else {
        return;
    };
    let length = session.film_length(player);
    let strip = pause_heat(
        &history.0,
        &session.loaded.scenario.id,
        length,
        HEAT_BINS,
        &HashSet::new(),
    );
    spawn_strip(&mut commands, &strip, length, settings.language);
}

fn spawn_strip(
    commands: &mut Commands,
    strip: &HeatStrip,
    length: FilmTime,
    language: crate::i18n::Language,
) {
    let scope = DespawnOnExit(Screen::Feedback);
    let bins = strip.cells.len().max(1) as u64;
    for (index, share) in strip.cells.iter().enumerate() {
        let start = FilmTime(length.as_nanos() * index as u64 / bins);
        let end = FilmTime(length.as_nanos() * (index as u64 + 1) / bins);
        let colour = HEAT_COLD.mix(&HEAT_HOT, *share);
        commands.spawn((
            scope.clone(),
            HeatCell { start, end },
            Sprite::from_color(colour, Vec2::ONE),
            Transform::from_xyz(0.0, 0.0, 2.0),
        ));
    }
    let heat_text = if strip.sessions == 0 {
        tr(language, "modes-heat-none")
    } else {
        tr_args(
            language,
            "modes-heat-title",
            &fluent_args!["count" => strip.sessions],
        )
    };
    // Both labels end at the bar's right end, where the feedback text leaves room.
    let labels = [
        (heat_text, HEAT_LIFT + HEAT_THICKNESS / 2.0 + 4.0),
        (tr(language, "modes-group-pauses"), 30.0),
    ];
    for (text, lift) in labels {
        commands.spawn((
            scope.clone(),
            StripLabel { time: length, lift },
            Text2d::new(text),
            TextFont::from_font_size(18.0),
            TextColor(Color::WHITE),
            bevy::sprite::Anchor::BOTTOM_RIGHT,
            Transform::from_xyz(0.0, 0.0, 3.0),
        ));
    }
}

/// Places the strip and its labels for the current window size, along the journey's bar.
fn lay_out_strip(
    windows: Query<&Window>,
    session: Res<Session>,
    players: Query<&FilmPlayer>,
    mut cells: Query<(&HeatCell, &mut Transform), Without<StripLabel>>,
    mut labels: Query<(&StripLabel, &mut Transform), Without<HeatCell>>,
) {
    let Some(window) = windows.iter().next() else {
        return;
    };
    let Ok(player) = players.get(session.player) else {
        return;
    };
    let size = Vec2::new(window.width(), window.height());
    let length = session.film_length(player);
    let to_world = |point: Vec2| Vec2::new(point.x - size.x / 2.0, size.y / 2.0 - point.y);
    for (cell, mut transform) in &mut cells {
        let start = timeline_point(size, length, cell.start, HEAT_LIFT);
        let end = timeline_point(size, length, cell.end, HEAT_LIFT);
        let centre = to_world((start + end) / 2.0);
        transform.translation.x = centre.x;
        transform.translation.y = centre.y;
        transform.scale = Vec3::new((end.x - start.x).max(1.0), HEAT_THICKNESS, 1.0);
    }
    for (label, mut transform) in &mut labels {
        let point = to_world(timeline_point(size, length, label.time, label.lift));
        transform.translation.x = point.x;
        transform.translation.y = point.y;
    }
}
