//! A film opened for playing: the pipeline, its controls, and the events it reports.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossbeam_channel::Receiver;
use gstreamer as gst;
use gstreamer::prelude::*;

use super::classify::{MissingPlugins, classify_error};
use super::error::FilmError;
use super::frame::DecodedFrame;
use super::mailbox::FrameMailbox;
use super::pipeline::{Pace, Sound, audio_sink_is_silent, build_audio_sink, build_video_sink};
use crate::scenario::FilmTime;

/// How long opening a film may take before it is reported as timed out.
const OPEN_TIMEOUT: Duration = Duration::from_secs(15);

/// How long a film may show no stream at all before it is reported as damaged. Under load,
/// GStreamer 1.22 sometimes loses qtdemux's error for a truncated MP4 and never finishes
/// opening; a readable file has its streams long before this.
const NO_STREAMS_TIMEOUT: Duration = Duration::from_secs(5);

/// Options for opening a film.
#[derive(Clone, Copy, Debug)]
pub struct FilmOptions {
    /// Whether frames follow the clock.
    pub pace: Pace,
    /// Where the sound goes.
    pub sound: Sound,
    /// In `Pace::AsFastAsPossible`, deliver every frame through a channel of this size
    /// instead of keeping only the latest.
    pub every_frame: Option<usize>,
}

impl FilmOptions {
    /// Options for watching: in step with the clock, with sound.
    pub fn watching() -> FilmOptions {
        FilmOptions {
            pace: Pace::Realtime,
            sound: Sound::System,
            every_frame: None,
        }
    }

    /// Options for decoding every frame as fast as possible, without sound.
    pub fn every_frame() -> FilmOptions {
        FilmOptions {
            pace: Pace::AsFastAsPossible,
            sound: Sound::Off,
            every_frame: Some(4),
        }
    }
}

/// An event the pipeline reports while a film plays.
#[derive(Debug)]
pub enum FilmEvent {
    /// The film, or the segment being played, reached its end.
    Ended,
    /// Playing failed; the film stops.
    Failed(FilmError),
}

/// Facts about an opened film.
#[derive(Clone, Debug, PartialEq)]
pub struct FilmFacts {
    /// The duration, when the container states one.
    pub duration: Option<FilmTime>,
    /// Whether the film has an audio stream.
    pub has_audio: bool,
    /// Whether sound reaches a device; false when there is none and the film plays silently.
    pub audio_device: bool,
    /// The video codec as GStreamer names it, such as "VP9" or "H.264 (High Profile)".
    pub video_codec: Option<String>,
}

/// An opened film. Dropping it stops and frees the pipeline.
pub struct Film {
    path: PathBuf,
    playbin: gst::Element,
    bus: gst::Bus,
    mailbox: Arc<FrameMailbox>,
    frames: Option<Receiver<DecodedFrame>>,
    facts: FilmFacts,
}

impl Film {
    /// Opens `path` and waits until the first frame is decoded, so it can be shown
    /// before play.
    pub fn open(path: &Path, options: FilmOptions) -> Result<Film, FilmError> {
        let pipeline_error = |element: &str| FilmError::Pipeline {
            path: path.to_owned(),
            element: element.to_owned(),
            detail: "could not create".into(),
        };
        let absolute = std::fs::canonicalize(path).map_err(|_| FilmError::NotFound {
            path: path.to_owned(),
        })?;
        if !absolute.is_file() {
            return Err(FilmError::NotFound {
                path: path.to_owned(),
            });
        }
        gst::init().map_err(|_| pipeline_error("gst_init"))?;
        let uri = gst::glib::filename_to_uri(&absolute, None).map_err(|_| FilmError::NotFound {
            path: path.to_owned(),
        })?;

        let (mailbox, frames) = match (options.pace, options.every_frame) {
            (Pace::AsFastAsPossible, Some(capacity)) => {
                let (mailbox, receiver) = FrameMailbox::every(capacity);
                (Arc::new(mailbox), Some(receiver))
            }
            _ => (Arc::new(FrameMailbox::latest()), None),
        };
        let video_sink = build_video_sink(Arc::clone(&mailbox), options.pace)
            .map_err(|element| pipeline_error(&element))?;
        let audio_sink =
            build_audio_sink(options.sound).map_err(|element| pipeline_error(&element))?;
        let playbin = gst::ElementFactory::make("playbin")
            .property("uri", uri.as_str())
            .property("video-sink", &video_sink)
            .property("audio-sink", &audio_sink)
            .build()
            .map_err(|_| pipeline_error("playbin"))?;
        // No "text" flag: herken draws subtitles itself. No "soft-colorbalance": it would add
        // an element per frame for a feature herken does not use. Without sound, audio is
        // not decoded at all.
        let flags = match options.sound {
            Sound::System => "audio+video+deinterlace+soft-volume",
            Sound::Off => "video+deinterlace",
        };
        playbin.set_property_from_str("flags", flags);
        let bus = playbin.bus().ok_or_else(|| pipeline_error("bus"))?;

        let mut film = Film {
            path: path.to_owned(),
            playbin,
            bus,
            mailbox,
            frames,
            facts: FilmFacts {
                duration: None,
                has_audio: false,
                audio_device: false,
                video_codec: None,
            },
        };
        film.preroll()?;
        film.facts = film.read_facts(&audio_sink, options.sound);
        Ok(film)
    }

    /// Pauses the pipeline and waits for the first frame or the first error.
    fn preroll(&self) -> Result<(), FilmError> {
        let mut missing = MissingPlugins::default();
        if self.playbin.set_state(gst::State::Paused).is_err() {
            return Err(self.first_error(&mut missing));
        }
        let started = Instant::now();
        let deadline = started + OPEN_TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(FilmError::TimedOut {
                    path: self.path.clone(),
                    seconds: OPEN_TIMEOUT.as_secs(),
                });
            }
            let wait = left.min(Duration::from_millis(100));
            let Some(message) = self
                .bus
                .timed_pop(gst::ClockTime::from_nseconds(wait.as_nanos() as u64))
            else {
                // A failed state change without an error on the bus has been seen when
                // several pipelines open at once; ask the pipeline directly.
                if self.playbin.state(gst::ClockTime::ZERO).0.is_err() {
                    return Err(self.first_error(&mut missing));
                }
                if started.elapsed() >= NO_STREAMS_TIMEOUT && self.stream_count() == 0 {
                    bevy::log::warn!(
                        "{}: no streams after {} s and no error from GStreamer",
                        self.path.display(),
                        NO_STREAMS_TIMEOUT.as_secs()
                    );
                    return Err(FilmError::Damaged {
                        path: self.path.clone(),
                        detail: "no audio or video stream found".into(),
                    });
                }
                continue;
            };
            match message.view() {
                gst::MessageView::AsyncDone(_) => break,
                gst::MessageView::Error(error) => {
                    return Err(classify_error(&self.path, error, &missing));
                }
                gst::MessageView::Element(_) => missing.note(&message),
                _ => {}
            }
        }
        if self.playbin.property::<i32>("n-video") == 0 {
            return Err(match missing.video_decoder() {
                Some(codec) => FilmError::MissingDecoder {
                    path: self.path.clone(),
                    package: super::error::package_for_codec(&codec),
                    codec,
                },
                None => FilmError::NoPicture {
                    path: self.path.clone(),
                },
            });
        }
        Ok(())
    }

    /// Returns how many audio, video and text streams playbin has found so far.
    fn stream_count(&self) -> i32 {
        ["n-video", "n-audio", "n-text"]
            .iter()
            .map(|name| self.playbin.property::<i32>(name))
            .sum()
    }

    fn first_error(&self, missing: &mut MissingPlugins) -> FilmError {
        while let Some(message) = self.bus.timed_pop(gst::ClockTime::from_mseconds(500)) {
            match message.view() {
                gst::MessageView::Error(error) => {
                    return classify_error(&self.path, error, missing);
                }
                gst::MessageView::Element(_) => missing.note(&message),
                _ => {}
            }
        }
        // Without a message, the likeliest cause is a file GStreamer could not make sense of.
        bevy::log::warn!(
            "{}: state change failed without an error message",
            self.path.display()
        );
        FilmError::Damaged {
            path: self.path.clone(),
            detail: "state change failed without an error message".into(),
        }
    }

    fn read_facts(&self, audio_sink: &gst::Element, sound: Sound) -> FilmFacts {
        let has_audio = self.playbin.property::<i32>("n-audio") > 0;
        let audio_device = has_audio && sound == Sound::System && !audio_sink_is_silent(audio_sink);
        let video_codec = self
            .playbin
            .emit_by_name::<Option<gst::TagList>>("get-video-tags", &[&0i32])
            .and_then(|tags| {
                tags.get::<gst::tags::VideoCodec>()
                    .map(|codec| codec.get().to_owned())
            });
        FilmFacts {
            duration: self.query_duration(),
            has_audio,
            audio_device,
            video_codec,
        }
    }

    fn query_duration(&self) -> Option<FilmTime> {
        self.playbin
            .query_duration::<gst::ClockTime>()
            .filter(|duration| !duration.is_zero())
            .map(FilmTime::from)
    }

    /// Returns the path the film was opened with.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Returns the facts read when the film was opened.
    pub fn facts(&self) -> &FilmFacts {
        &self.facts
    }

    /// Returns the duration, asking again, since some containers only know it after play.
    pub fn duration(&self) -> Option<FilmTime> {
        self.query_duration().or(self.facts.duration)
    }

    /// Starts or resumes playing.
    pub fn play(&self) {
        self.mailbox.open();
        if let Err(error) = self.playbin.set_state(gst::State::Playing) {
            bevy::log::warn!("could not play {}: {error}", self.path.display());
        }
    }

    /// Pauses at once: frames decoded after this call are discarded, so the frame on
    /// screen stays until the next seek or play.
    pub fn pause(&self) {
        self.mailbox.close();
        if let Err(error) = self.playbin.set_state(gst::State::Paused) {
            bevy::log::warn!("could not pause {}: {error}", self.path.display());
        }
    }

    /// Seeks frame-exactly to `time`; while paused, the frame at
    /// `time` is decoded and shown. A failed seek is logged and leaves playback as it was.
    pub fn seek(&self, time: FilmTime) -> bool {
        self.seek_range(time, None)
    }

    /// Plays from `start` to `end` and then keeps the last frame on screen, as a clip replay does.
    pub fn play_segment(&self, start: FilmTime, end: FilmTime) -> bool {
        let ok = self.seek_range(start, Some(end.max(start)));
        if ok {
            self.play();
        }
        ok
    }

    fn seek_range(&self, start: FilmTime, end: Option<FilmTime>) -> bool {
        // No clamping to the duration: some containers state a wrong one, and GStreamer
        // ends a seek past the last frame with EOS anyway.
        self.mailbox.open();
        // Stop type `Set` with no time clears the stop of an earlier segment, so a plain seek
        // after a clip replay plays on to the end of the film.
        let stop_type = gst::SeekType::Set;
        let stop = end.map(gst::ClockTime::from);
        let result = self.playbin.seek(
            1.0,
            gst::SeekFlags::FLUSH | gst::SeekFlags::ACCURATE,
            gst::SeekType::Set,
            gst::ClockTime::from(start),
            stop_type,
            stop,
        );
        if let Err(error) = result {
            bevy::log::warn!("seek to {start} in {} failed: {error}", self.path.display());
            return false;
        }
        true
    }

    /// Takes the newest decoded frame, if one arrived since the last call.
    pub fn take_frame(&self) -> Option<DecodedFrame> {
        self.mailbox.take()
    }

    /// Returns the receiver of every frame, for films opened with `every_frame`.
    pub fn frames(&self) -> Option<&Receiver<DecodedFrame>> {
        self.frames.as_ref()
    }

    /// Returns how many frames were handed over and how many were dropped unseen.
    pub fn frame_counts(&self) -> (u64, u64) {
        self.mailbox.counts()
    }

    /// Returns the events the pipeline posted since the last call, without waiting.
    pub fn poll_events(&self) -> Vec<FilmEvent> {
        let mut events = Vec::new();
        let mut missing = MissingPlugins::default();
        while let Some(message) = self.bus.pop() {
            match message.view() {
                gst::MessageView::Eos(_) => events.push(FilmEvent::Ended),
                gst::MessageView::Error(error) => {
                    events.push(FilmEvent::Failed(classify_error(
                        &self.path, error, &missing,
                    )));
                }
                gst::MessageView::Warning(warning) => {
                    bevy::log::warn!(
                        "{}: {} ({:?})",
                        self.path.display(),
                        warning.error(),
                        warning.debug()
                    );
                }
                gst::MessageView::Element(_) => missing.note(&message),
                _ => {}
            }
        }
        events
    }

    /// Waits up to `timeout` for the next event; used by headless callers.
    pub fn wait_event(&self, timeout: Duration) -> Option<FilmEvent> {
        let deadline = Instant::now() + timeout;
        let missing = MissingPlugins::default();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            let message = self
                .bus
                .timed_pop(gst::ClockTime::from_nseconds(left.as_nanos() as u64))?;
            match message.view() {
                gst::MessageView::Eos(_) => return Some(FilmEvent::Ended),
                gst::MessageView::Error(error) => {
                    return Some(FilmEvent::Failed(classify_error(
                        &self.path, error, &missing,
                    )));
                }
                _ => {}
            }
        }
        None
    }

    /// Waits until a pending seek or state change has completed, up to `timeout`.
    pub fn wait_until_settled(&self, timeout: Duration) -> bool {
        let (result, _, _) = self
            .playbin
            .state(gst::ClockTime::from_nseconds(timeout.as_nanos() as u64));
        result.is_ok()
    }
}

impl Drop for Film {
    fn drop(&mut self) {
        self.mailbox.close();
        if let Some(frames) = &self.frames {
            // Unblock a streaming thread waiting to hand over a frame.
            while frames.try_recv().is_ok() {}
        }
        let _ = self.playbin.set_state(gst::State::Null);
    }
}

impl Film {
    /// Returns the caps of the decoded video as the decoder produced them, before
    /// deinterlacing, conversion and rotation: the film's own size, frame rate, pixel aspect
    /// ratio, interlacing and format.
    pub fn decoded_caps(&self) -> Option<gst::Caps> {
        let pad = self
            .playbin
            .emit_by_name::<Option<gst::Pad>>("get-video-pad", &[&0i32])?;
        pad.current_caps()
    }

    /// Returns the video stream's tags, such as its codec and rotation.
    pub fn video_tags(&self) -> Option<gst::TagList> {
        self.playbin
            .emit_by_name::<Option<gst::TagList>>("get-video-tags", &[&0i32])
    }
}
