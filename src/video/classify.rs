//! Turns GStreamer's error messages into `FilmError`s that name what is wrong with the file.

use std::path::Path;

use gstreamer as gst;
use gstreamer::prelude::*;
use gstreamer_pbutils as gst_pbutils;

use super::error::{FilmError, package_for_codec};

/// The decoders GStreamer reported missing while opening a film.
#[derive(Default, Debug)]
pub struct MissingPlugins {
    descriptions: Vec<String>,
}

impl MissingPlugins {
    /// Records `message` when it reports a missing plugin.
    pub fn note(&mut self, message: &gst::Message) {
        if let Ok(missing) = gst_pbutils::MissingPluginMessage::parse(message) {
            self.descriptions.push(missing.description().to_string());
        }
    }

    /// Returns the description of a missing video decoder, or of any missing decoder.
    pub fn video_decoder(&self) -> Option<String> {
        let is_video = |text: &&String| {
            let lower = text.to_ascii_lowercase();
            !(lower.contains("aac") || lower.contains("audio") || lower.contains("mp3"))
        };
        self.descriptions
            .iter()
            .find(is_video)
            .or_else(|| self.descriptions.first())
            .cloned()
    }
}

/// Classifies an error message from the pipeline that plays `path`.
pub fn classify_error(
    path: &Path,
    error: &gst::message::Error,
    missing: &MissingPlugins,
) -> FilmError {
    let glib_error = error.error();
    let detail = format!("{} ({})", glib_error, error.debug().unwrap_or_default());
    let element = error
        .src()
        .map(|source| source.path_string().to_string())
        .unwrap_or_else(|| "playbin".into());
    bevy::log::debug!(
        "GStreamer error on {}: {detail} from {element}",
        path.display()
    );

    if let Some(codec) = missing.video_decoder() {
        return FilmError::MissingDecoder {
            path: path.to_owned(),
            package: package_for_codec(&codec),
            codec,
        };
    }
    if glib_error.matches(gst::StreamError::TypeNotFound)
        || glib_error.matches(gst::StreamError::WrongType)
    {
        FilmError::NotMedia {
            path: path.to_owned(),
        }
    } else if glib_error.matches(gst::StreamError::CodecNotFound)
        || glib_error.matches(gst::CoreError::MissingPlugin)
    {
        let codec = "onbekende codec / unknown codec".to_owned();
        FilmError::MissingDecoder {
            path: path.to_owned(),
            package: package_for_codec(&codec),
            codec,
        }
    } else if glib_error.matches(gst::ResourceError::NotFound)
        || glib_error.matches(gst::ResourceError::OpenRead)
    {
        FilmError::NotFound {
            path: path.to_owned(),
        }
    } else if glib_error.matches(gst::StreamError::Demux)
        || glib_error.matches(gst::StreamError::Decode)
        || glib_error.matches(gst::StreamError::Format)
        || glib_error.matches(gst::StreamError::Failed)
        || glib_error.matches(gst::ResourceError::Read)
    {
        FilmError::Damaged {
            path: path.to_owned(),
            detail,
        }
    } else {
        FilmError::Pipeline {
            path: path.to_owned(),
            element,
            detail,
        }
    }
}
