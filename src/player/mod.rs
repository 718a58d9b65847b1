//! The plain film player of `herken play`: for authors checking a film, with keys for
//! pause, seek, full screen and quit, and a script mode that tests drive.

mod controls;
mod overlay;
mod script;

use std::sync::Mutex;

use bevy::core_pipeline::tonemapping::Tonemapping;
use bevy::prelude::*;

use crate::video::{Film, YuvMaterial, spawn_film_player};

pub use script::PlayerScript;

/// The film to show, handed from the command line to the startup system.
#[derive(Resource)]
struct PendingFilm(Mutex<Option<Film>>);

/// The player entity, once spawned.
#[derive(Resource)]
pub struct MainPlayer(pub Entity);

/// Adds the player screen for `film`, with `script` driving it in tests.
pub fn add_player(app: &mut App, film: Film, script: PlayerScript) {
    app.insert_resource(PendingFilm(Mutex::new(Some(film))));
    app.insert_resource(script);
    app.add_systems(Startup, spawn_player);
    app.add_plugins((controls::plugin, overlay::plugin, script::plugin));
}

fn spawn_player(
    mut commands: Commands,
    pending: Res<PendingFilm>,
    script: Res<PlayerScript>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<YuvMaterial>>,
    mut images: ResMut<Assets<Image>>,
) {
    // Exact colours: no tonemapping, no multisampling, and black letterbox bars.
    commands.spawn((Camera2d, Tonemapping::None, Msaa::Off));
    commands.insert_resource(ClearColor(Color::BLACK));

    let Some(film) = pending.0.lock().ok().and_then(|mut film| film.take()) else {
        return;
    };
    let entity = spawn_film_player(
        &mut commands,
        &mut meshes,
        &mut materials,
        &mut images,
        film,
    );
    commands.insert_resource(MainPlayer(entity));
    if !script.start_paused {
        commands.queue(move |world: &mut World| {
            if let Some(mut player) = world.get_mut::<crate::video::FilmPlayer>(entity) {
                player.play();
            }
        });
    }
}
