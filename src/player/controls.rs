//! Keys of the plain player: Space pauses, arrows seek 5 s, F toggles full screen, Esc quits.

use bevy::prelude::*;
use bevy::window::{MonitorSelection, WindowMode};

use super::MainPlayer;
use crate::AppSystems;
use crate::video::{FilmPlayer, FilmTime};

const SEEK_STEP: FilmTime = FilmTime::from_millis(5_000);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            toggle_pause,
            seek_with_arrows,
            toggle_fullscreen,
            quit_on_escape,
        )
            .in_set(AppSystems::Input),
    );
}

fn toggle_pause(
    keys: Res<ButtonInput<KeyCode>>,
    main: Option<Res<MainPlayer>>,
    mut players: Query<&mut FilmPlayer>,
) {
    let Some(mut player) = main.and_then(|main| players.get_mut(main.0).ok()) else {
        return;
    };
    if !keys.just_pressed(KeyCode::Space) {
        return;
    }
    if player.is_paused() || player.has_ended() {
        player.play();
    } else if let Some(time) = player.pause() {
        info!("paused at {time}");
    }
}

fn seek_with_arrows(
    keys: Res<ButtonInput<KeyCode>>,
    main: Option<Res<MainPlayer>>,
    mut players: Query<&mut FilmPlayer>,
) {
    let Some(mut player) = main.and_then(|main| players.get_mut(main.0).ok()) else {
        return;
    };
    let now = player.displayed_time().unwrap_or_default();
    let target = if keys.just_pressed(KeyCode::ArrowRight) {
        FilmTime(now.as_nanos().saturating_add(SEEK_STEP.as_nanos()))
    } else if keys.just_pressed(KeyCode::ArrowLeft) {
        FilmTime(now.as_nanos().saturating_sub(SEEK_STEP.as_nanos()))
    } else {
        return;
    };
    player.seek(target);
}

fn toggle_fullscreen(keys: Res<ButtonInput<KeyCode>>, mut windows: Query<&mut Window>) {
    if !keys.just_pressed(KeyCode::KeyF) && !keys.just_pressed(KeyCode::F11) {
        return;
    }
    for mut window in &mut windows {
        window.mode = match window.mode {
            WindowMode::Windowed => WindowMode::BorderlessFullscreen(MonitorSelection::Current),
            _ => WindowMode::Windowed,
        };
    }
}

fn quit_on_escape(keys: Res<ButtonInput<KeyCode>>, mut exit: MessageWriter<AppExit>) {
    if keys.just_pressed(KeyCode::Escape) {
        exit.write(AppExit::Success);
    }
}
