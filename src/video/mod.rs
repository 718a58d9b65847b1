//! The film engine: GStreamer decodes a film, frames reach a Bevy texture through a
//! latest-frame handoff, and the engine reports the time of the frame on screen.

mod bench;
mod classify;
mod error;
mod film;
mod frame;
mod mailbox;
mod pipeline;
mod probe;
mod screen;
mod time_conversions;

use bevy::prelude::*;

pub use crate::scenario::FilmTime;
pub use bench::{
    BenchFigures, ReopenFigures, bench_gst_launch, bench_herken, bench_reopen, format_figures,
    format_reopen,
};
pub use error::{FilmError, package_for_codec};
pub use film::{Film, FilmEvent, FilmFacts, FilmOptions};
pub use frame::{ColorMatrix, ColorRange, DecodedFrame, FrameFormat, PlaneLayout, yuv_to_rgb};
pub use pipeline::{Pace, Sound};
pub use probe::{ProbeReport, film_duration, probe};
pub use screen::{
    FilmArea, FilmEnded, FilmFailed, FilmPlayer, FilmQuad, YuvMaterial, letterbox,
    spawn_film_player,
};

/// Adds the film material and the systems that upload frames and report events.
pub(super) fn plugin(app: &mut App) {
    app.add_plugins(screen::plugin);
}
