//! Tests of the film engine on real films made by ffmpeg.

mod cli;
mod colors;
mod errors;
mod geometry;
mod lifecycle;
mod render;
mod timing;

use std::path::Path;
use std::time::{Duration, Instant};

use herken::video::{DecodedFrame, Film, FilmOptions, Pace, Sound};

/// Options for inspecting frames: no clock, no sound, latest frame only.
pub fn inspecting() -> FilmOptions {
    FilmOptions {
        pace: Pace::AsFastAsPossible,
        sound: Sound::Off,
        every_frame: None,
    }
}

/// Waits up to five seconds for the next frame of `film`.
pub fn next_frame(film: &Film) -> DecodedFrame {
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if let Some(frame) = film.take_frame() {
            return frame;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("no frame from {} within 5 s", film.path().display());
}

/// Opens `path` for inspection and returns the film with its first frame.
pub fn open_first_frame(path: &Path) -> (Film, DecodedFrame) {
    let film = Film::open(path, inspecting()).expect("the film opens");
    let frame = next_frame(&film);
    (film, frame)
}

/// Decodes every frame of `path` as fast as possible and returns them in order, mapped to
/// (time, width, height) so they need not stay in memory.
pub fn decode_all(path: &Path) -> Vec<(u64, u32, u32)> {
    let film = Film::open(path, FilmOptions::every_frame()).expect("the film opens");
    let frames = film.frames().expect("every-frame mode").clone();
    film.play();
    let mut seen = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(300);
    while Instant::now() < deadline {
        match frames.recv_timeout(Duration::from_millis(100)) {
            Ok(frame) => seen.push((
                frame.time.as_nanos(),
                frame.format.width,
                frame.format.height,
            )),
            Err(_) => {
                if film
                    .poll_events()
                    .iter()
                    .any(|event| matches!(event, herken::video::FilmEvent::Ended))
                {
                    return seen;
                }
            }
        }
    }
    panic!("{} did not end within 300 s", path.display());
}
