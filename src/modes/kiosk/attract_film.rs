//! The muted film loop on the attract screen: the first signal's clip of the first playable
//! scenario, played over and over without sound above the invitation to touch the screen.

use bevy::prelude::*;

use super::KioskState;
use crate::journey::{Catalog, Screen};
use crate::scenario::{FilmTime, TimeRange};
use crate::video::{
    Film, FilmArea, FilmOptions, FilmPlayer, Pace, Sound, YuvMaterial, spawn_film_player,
};

/// The loop's area, as fractions of the window. The text goes below it.
pub(super) const LOOP_AREA: FilmArea = FilmArea {
    min: Vec2::new(0.2, 0.06),
    max: Vec2::new(0.8, 0.56),
};

/// The loop's length when the scenario has no signals.
const FALLBACK_LOOP: FilmTime = FilmTime::from_secs(20);

/// The attract screen's film player and the stretch it repeats.
#[derive(Component)]
pub(super) struct AttractLoop(TimeRange);

/// Set once a film failed to open, so the attract screen stays plain instead of retrying
/// every frame.
#[derive(Resource, Default)]
struct LoopFailed(bool);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LoopFailed>();
    app.add_systems(Update, run_attract_loop);
}

/// Opens the loop when the attract screen shows, restarts it at the end of its stretch,
/// and closes it once someone touches the screen.
#[allow(clippy::too_many_arguments)]
fn run_attract_loop(
    mut commands: Commands,
    state: Res<KioskState>,
    screen: Res<State<Screen>>,
    catalog: Option<Res<Catalog>>,
    mut loops: Query<(Entity, &mut FilmPlayer, &AttractLoop)>,
    mut failed: ResMut<LoopFailed>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<YuvMaterial>>,
    mut images: ResMut<Assets<Image>>,
) {
    let attract_up = state.attract && *screen.get() == Screen::Start;
    if !attract_up {
        for (entity, _, _) in &loops {
            commands.entity(entity).despawn();
        }
        return;
    }
    if let Some((_, mut player, stretch)) = loops.iter_mut().next() {
        if player.is_paused() || player.has_ended() {
            player.play_segment(stretch.0.start, stretch.0.end);
        }
        return;
    }

    // Open the loop on the first playable scenario's film.
    if failed.0 {
        return;
    }
    let Some(playable) = catalog.as_ref().and_then(|catalog| {
        catalog
            .entries
            .iter()
            .find_map(|entry| entry.outcome.as_ref().ok())
    }) else {
        return;
    };
    let loaded = &playable.loaded;
    let stretch = loaded
        .scenario
        .signals
        .first()
        .map(|signal| signal.clip)
        .unwrap_or(TimeRange {
            start: FilmTime::ZERO,
            end: FALLBACK_LOOP,
        });
    let options = FilmOptions {
        pace: Pace::Realtime,
        sound: Sound::Off,
        every_frame: None,
    };
    let film = match Film::open(&loaded.film_path(), options) {
        Ok(film) => film,
        Err(error) => {
            warn!("kiosk: the attract screen shows no film: {error}");
            failed.0 = true;
            return;
        }
    };

    let player = spawn_film_player(
        &mut commands,
        &mut meshes,
        &mut materials,
        &mut images,
        film,
    );
    commands
        .entity(player)
        .insert((AttractLoop(stretch), LOOP_AREA, Visibility::Visible));
    debug!(
        "kiosk: attract loop opened on {}",
        loaded.film_path().display()
    );
}
