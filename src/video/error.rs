//! Errors from opening and playing a film, each with a message for the person who chose it.

use std::path::PathBuf;

use crate::fluent_args;
use crate::i18n::{Language, tr_args};

/// The reason a film cannot be opened or played.
#[derive(Debug, thiserror::Error)]
pub enum FilmError {
    /// The file does not exist or cannot be read.
    #[error("film not found: {path}")]
    NotFound {
        /// The path as given.
        path: PathBuf,
    },
    /// GStreamer did not recognise the file as audio or video.
    #[error("not a media file: {path}")]
    NotMedia {
        /// The path as given.
        path: PathBuf,
    },
    /// The file is a media file but has no video stream.
    #[error("no video stream in {path}")]
    NoPicture {
        /// The path as given.
        path: PathBuf,
    },
    /// No decoder is installed for a stream in the file.
    #[error("no decoder for {codec} in {path}; install {package}")]
    MissingDecoder {
        /// The path as given.
        path: PathBuf,
        /// GStreamer's description of the missing decoder, such as "H.265 (Main Profile) decoder".
        codec: String,
        /// The Debian package that provides a decoder for it.
        package: &'static str,
    },
    /// The file is damaged or incomplete, as a truncated download is.
    #[error("damaged film {path}: {detail}")]
    Damaged {
        /// The path as given.
        path: PathBuf,
        /// GStreamer's error with its debug text.
        detail: String,
    },
    /// The pipeline did not get ready within the time limit.
    #[error("opening {path} timed out after {seconds} s")]
    TimedOut {
        /// The path as given.
        path: PathBuf,
        /// The time limit in seconds.
        seconds: u64,
    },
    /// GStreamer itself failed, for example a missing element.
    #[error("GStreamer failed on {path} in {element}: {detail}")]
    Pipeline {
        /// The path as given.
        path: PathBuf,
        /// The element that failed.
        element: String,
        /// GStreamer's error with its debug text.
        detail: String,
    },
}

impl FilmError {
    /// Returns the message for a learner, trainer or author, naming the file and what to do.
    pub fn user_message(&self, language: Language) -> String {
        match self {
            FilmError::NotFound { path } => tr_args(
                language,
                "film-not-found",
                &fluent_args!["path" => path.display().to_string()],
            ),
            FilmError::NotMedia { path } => tr_args(
                language,
                "film-not-media",
                &fluent_args!["path" => path.display().to_string()],
            ),
            FilmError::NoPicture { path } => tr_args(
                language,
                "film-no-picture",
                &fluent_args!["path" => path.display().to_string()],
            ),
            FilmError::MissingDecoder {
                path,
                codec,
                package,
            } => tr_args(
                language,
                "film-missing-decoder",
                &fluent_args![
                    "path" => path.display().to_string(),
                    "codec" => codec.clone(),
                    "package" => *package,
                ],
            ),
            FilmError::Damaged { path, .. } => tr_args(
                language,
                "film-damaged",
                &fluent_args!["path" => path.display().to_string()],
            ),
            FilmError::TimedOut { path, seconds } => tr_args(
                language,
                "film-timed-out",
                &fluent_args!["path" => path.display().to_string(), "seconds" => *seconds],
            ),
            FilmError::Pipeline { path, element, .. } => tr_args(
                language,
                "film-pipeline-failed",
                &fluent_args!["path" => path.display().to_string(), "element" => element.clone()],
            ),
        }
    }
}

/// Returns the Debian package that provides a decoder for a codec that GStreamer reported
/// missing, by matching its description.
pub fn package_for_codec(codec: &str) -> &'static str {
    let lower = codec.to_ascii_lowercase();
    if lower.contains("vp8") || lower.contains("vp9") || lower.contains("jpeg") {
        "gstreamer1.0-plugins-good"
    } else if lower.contains("av1") {
        "gstreamer1.0-plugins-bad"
    } else if lower.contains("theora") || lower.contains("vorbis") || lower.contains("opus") {
        "gstreamer1.0-plugins-base"
    } else {
        // H.264, H.265, MPEG-4, AAC and most other codecs come with the libav plugin.
        "gstreamer1.0-libav"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_decoder_message_names_codec_and_package() {
        let error = FilmError::MissingDecoder {
            path: PathBuf::from("film.mkv"),
            codec: "H.265 (Main Profile) decoder".into(),
            package: package_for_codec("H.265 (Main Profile) decoder"),
        };
        let dutch = error.user_message(Language::Dutch);
        assert!(dutch.contains("H.265"), "{dutch}");
        assert!(dutch.contains("gstreamer1.0-libav"), "{dutch}");
        assert!(dutch.contains("film.mkv"), "{dutch}");
    }

    #[test]
    fn codec_packages_follow_debian_plugin_sets() {
        assert_eq!(
            package_for_codec("VP9 decoder"),
            "gstreamer1.0-plugins-good"
        );
        assert_eq!(package_for_codec("AV1 decoder"), "gstreamer1.0-plugins-bad");
        assert_eq!(
            package_for_codec("H.264 (High Profile) decoder"),
            "gstreamer1.0-libav"
        );
    }

    #[test]
    fn messages_differ_per_language() {
        let error = FilmError::NotFound {
            path: PathBuf::from("x.webm"),
        };
        assert_ne!(
            error.user_message(Language::Dutch),
            error.user_message(Language::English)
        );
    }
}
