//! Builds the GStreamer pipeline that decodes a film for herken.
//!
//! ```text
//! playbin (uri, deinterlacing) ─┬─ video-sink: videoconvert ! videoflip(auto) ! appsink(I420|NV12)
//!                               └─ audio-sink: autoaudiosink, or fakesink when sound is off
//! ```
//! playbin's own deinterlace flag turns interlaced footage into progressive frames before
//! herken's sink; progressive footage passes through it untouched.
//! videoconvert passes I420 and NV12 through untouched and converts anything else (10-bit,
//! RGB, 4:2:2) to I420, so the shader never shows a format it does not understand.

use std::sync::Arc;

use gstreamer as gst;
use gstreamer::prelude::*;
use gstreamer_app as gst_app;

use super::frame::DecodedFrame;
use super::mailbox::FrameMailbox;

/// The caps herken's shader takes.
const VIDEO_CAPS: &str = "video/x-raw,format=(string){I420,NV12}";

/// Whether frames follow the clock, as for watching, or come as fast as they decode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pace {
    /// In step with the clock and the sound, dropping late frames.
    Realtime,
    /// As fast as possible, for benchmarks and frame-exact tests.
    AsFastAsPossible,
}

/// The destination of the sound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sound {
    /// The system's audio output, or silence with a warning when there is none.
    System,
    /// No sound: audio is not decoded.
    Off,
}

fn make(factory: &str) -> Result<gst::Element, gst::glib::BoolError> {
    gst::ElementFactory::make(factory).build()
}

/// Builds the bin that turns decoded video into frames in `mailbox`.
pub fn build_video_sink(mailbox: Arc<FrameMailbox>, pace: Pace) -> Result<gst::Bin, String> {
    let bin = gst::Bin::with_name("herken-video-sink");
    let elements = ["videoconvert", "videoflip"]
        .into_iter()
        .map(|factory| make(factory).map_err(|_| factory.to_owned()))
        .collect::<Result<Vec<_>, _>>()?;
    elements[1].set_property_from_str("video-direction", "auto");

    let caps: gst::Caps = VIDEO_CAPS.parse().map_err(|_| "caps".to_owned())?;
    let sample_mailbox = Arc::clone(&mailbox);
    let preroll_mailbox = mailbox;
    let appsink = gst_app::AppSink::builder()
        .name("herken-appsink")
        .caps(&caps)
        .sync(pace == Pace::Realtime)
        .qos(pace == Pace::Realtime)
        .max_buffers(1)
        .enable_last_sample(false)
        .callbacks(
            gst_app::AppSinkCallbacks::builder()
                .new_sample(move |sink| {
                    let sample = sink.pull_sample().map_err(|_| gst::FlowError::Eos)?;
                    deliver(&sample_mailbox, &sample, sink);
                    Ok(gst::FlowSuccess::Ok)
                })
                .new_preroll(move |sink| {
                    let sample = sink.pull_preroll().map_err(|_| gst::FlowError::Eos)?;
                    deliver(&preroll_mailbox, &sample, sink);
                    Ok(gst::FlowSuccess::Ok)
                })
                .build(),
        )
        .build();

    let mut chain: Vec<&gst::Element> = elements.iter().collect();
    let appsink_element = appsink.upcast_ref::<gst::Element>();
    chain.push(appsink_element);
    bin.add_many(chain.iter().copied())
        .map_err(|_| "bin".to_owned())?;
    gst::Element::link_many(chain.iter().copied()).map_err(|_| "link".to_owned())?;

    let sink_pad = elements[0]
        .static_pad("sink")
        .ok_or_else(|| "videoconvert".to_owned())?;
    let ghost = gst::GhostPad::with_target(&sink_pad).map_err(|_| "ghostpad".to_owned())?;
    bin.add_pad(&ghost).map_err(|_| "ghostpad".to_owned())?;
    Ok(bin)
}

fn deliver(mailbox: &FrameMailbox, sample: &gst::Sample, sink: &gst_app::AppSink) {
    match DecodedFrame::from_sample(sample) {
        Some(frame) => mailbox.put(frame),
        None => {
            // Post to the bus, so that one bus handler receives every problem.
            gst::element_warning!(
                sink,
                gst::StreamError::Format,
                ("herken could not map a decoded frame")
            );
        }
    }
}

/// Builds the audio sink for `sound`.
pub fn build_audio_sink(sound: Sound) -> Result<gst::Element, String> {
    match sound {
        Sound::System => make("autoaudiosink").map_err(|_| "autoaudiosink".to_owned()),
        Sound::Off => gst::ElementFactory::make("fakesink")
            .property("sync", true)
            .build()
            .map_err(|_| "fakesink".to_owned()),
    }
}

/// Returns true when autoaudiosink found no device and fell back to its fake sink.
pub fn audio_sink_is_silent(audio_sink: &gst::Element) -> bool {
    let Some(bin) = audio_sink.downcast_ref::<gst::Bin>() else {
        return false;
    };
    bin.iterate_elements().into_iter().flatten().any(|child| {
        child
            .factory()
            .is_some_and(|factory| factory.name().contains("fake"))
    })
}
