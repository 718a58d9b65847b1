//! Shared test support: films made on demand with ffmpeg, and a virtual display.

pub mod display;
pub mod fixtures;
