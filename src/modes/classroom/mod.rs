//! The classroom: a trainer shows the film to a group on a projector, pauses it with a
//! presenter remote when someone calls out a signal, records the group's answer, and
//! discusses the group's pauses beside those of earlier self-study learners.

pub mod heat;
mod remote;
mod timeline;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((remote::plugin, timeline::plugin));
}
