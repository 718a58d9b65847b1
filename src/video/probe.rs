//! `herken probe`: the facts herken reads from a film, as one JSON object for authors and scripts.

use std::path::Path;
use std::time::Duration;

use gstreamer as gst;
use gstreamer_video as gst_video;
use serde::Serialize;

use super::error::FilmError;
use super::film::{Film, FilmOptions};
use super::pipeline::{Pace, Sound};
use crate::fluent_args;
use crate::i18n::{Language, tr, tr_args};

/// The facts `herken probe` prints.
#[derive(Debug, Serialize, PartialEq)]
pub struct ProbeReport {
    /// Duration in seconds, or null when the container does not state it.
    pub duration: Option<f64>,
    /// Width of the coded picture in pixels.
    pub width: u32,
    /// Height of the coded picture in pixels.
    pub height: u32,
    /// Width on screen, after the pixel aspect ratio and rotation.
    pub display_width: u32,
    /// Height on screen, after rotation.
    pub display_height: u32,
    /// Frames per second, or null for a variable frame rate.
    pub framerate: Option<f64>,
    /// Whether the film has sound.
    pub has_audio: bool,
    /// The video codec as GStreamer describes it.
    pub video_codec: Option<String>,
    /// Things an author should know, in the chosen language; empty when none.
    pub problems: Vec<String>,
}

/// Returns the options for reading a film without showing it: no clock, no sound, latest
/// frame only.
pub(super) fn inspecting_options() -> FilmOptions {
    FilmOptions {
        pace: Pace::AsFastAsPossible,
        sound: Sound::Off,
        every_frame: None,
    }
}

/// Opens `path` and describes it. The error gives the reason herken cannot play it.
pub fn probe(path: &Path, language: Language) -> Result<ProbeReport, FilmError> {
    let film = Film::open(path, inspecting_options())?;
    let first_frame = wait_for_frame(&film);
    let decoded = film
        .decoded_caps()
        .and_then(|caps| gst_video::VideoInfo::from_caps(&caps).ok());

    // The frame carries the size after rotation and its pixel aspect ratio.
    let (display_width, display_height) = first_frame
        .map(|format| format.display_size())
        .unwrap_or((0, 0));
    let (width, height) = decoded
        .as_ref()
        .map(|info| (info.width(), info.height()))
        .unwrap_or((display_width, display_height));
    let framerate = decoded.as_ref().and_then(|info| {
        let fps = info.fps();
        (fps.numer() > 0 && fps.denom() > 0)
            .then(|| f64::from(fps.numer()) / f64::from(fps.denom()))
    });

    let mut problems = Vec::new();
    let facts = film.facts().clone();
    if facts.duration.is_none() {
        problems.push(tr(language, "probe-no-duration"));
    }
    if !facts.has_audio {
        problems.push(tr(language, "probe-no-audio"));
    }
    if let Some(info) = &decoded {
        if info.is_interlaced() {
            problems.push(tr(language, "probe-interlaced"));
        }
        if !matches!(
            info.format(),
            gst_video::VideoFormat::I420 | gst_video::VideoFormat::Nv12
        ) {
            problems.push(tr_args(
                language,
                "probe-converted-format",
                &fluent_args!["format" => info.format().to_str().to_string()],
            ));
        }
    }
    if let Some(rotation) = film.video_tags().and_then(|tags| orientation(&tags)) {
        problems.push(tr_args(
            language,
            "probe-rotated",
            &fluent_args!["rotation" => rotation],
        ));
    }

    Ok(ProbeReport {
        duration: facts.duration.map(|duration| duration.as_secs_f64()),
        width,
        height,
        display_width,
        display_height,
        framerate,
        has_audio: facts.has_audio,
        video_codec: facts.video_codec,
        problems,
    })
}

fn wait_for_frame(film: &Film) -> Option<super::frame::FrameFormat> {
    for _ in 0..100 {
        if let Some(frame) = film.take_frame() {
            return Some(frame.format);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

fn orientation(tags: &gst::TagList) -> Option<String> {
    let value = tags.get::<gst::tags::ImageOrientation>()?;
    let value = value.get();
    (value != "rotate-0").then(|| value.to_owned())
}

/// Returns the duration of the film at `path` in nanoseconds, or `None` when it cannot be
/// opened or states none. The scenario checker uses it to check windows against the film.
pub fn film_duration(path: &Path) -> Option<u64> {
    let film = Film::open(path, inspecting_options()).ok()?;
    film.duration().map(|duration| duration.as_nanos())
}
