//! Conversions between film times and GStreamer's clock times; both are nanoseconds.

use gstreamer::ClockTime;

use crate::scenario::FilmTime;

impl From<ClockTime> for FilmTime {
    fn from(time: ClockTime) -> FilmTime {
        FilmTime::from_nanos(time.nseconds())
    }
}

impl From<FilmTime> for ClockTime {
    fn from(time: FilmTime) -> ClockTime {
        ClockTime::from_nseconds(time.as_nanos())
    }
}
