//! Frame counts, frame-exact seeks, pauses that freeze the frame on screen, and segments.

use std::time::{Duration, Instant};

use herken::video::{Film, FilmEvent, FilmOptions, FilmTime, Pace, Sound};

use super::{decode_all, inspecting, next_frame};
use crate::support::fixtures::{self, COUNTER_FPS, COUNTER_FRAMES, counter_index};

const FRAME_NANOS: u64 = 1_000_000_000 / COUNTER_FPS;

fn shown_index(frame: &herken::video::DecodedFrame) -> u64 {
    let top = frame.luma_at(160, 40).expect("top luma");
    let bottom = frame.luma_at(160, 200).expect("bottom luma");
    counter_index(top, bottom)
}

#[test]
fn every_frame_is_decoded_once() {
    let path = fixtures::counter();
    let frames = decode_all(&path);
    assert_eq!(frames.len() as u64, COUNTER_FRAMES);
    assert_eq!(fixtures::ffprobe_frame_count(&path), COUNTER_FRAMES);
    let times: Vec<u64> = frames.iter().map(|(time, _, _)| *time).collect();
    assert!(
        times.windows(2).all(|pair| pair[0] < pair[1]),
        "times increase"
    );
}

#[test]
fn frame_counts_match_ffprobe_for_vp9() {
    let path = fixtures::vp9_321x241();
    assert_eq!(
        decode_all(&path).len() as u64,
        fixtures::ffprobe_frame_count(&path)
    );
}

#[test]
fn seek_shows_the_exact_frame_with_one_keyframe() {
    let film = Film::open(&fixtures::counter(), inspecting()).expect("open");
    assert_eq!(
        shown_index(&next_frame(&film)),
        0,
        "first frame before play"
    );
    for (seconds, index) in [(7.0, 175), (0.52, 13), (9.96, 249), (3.0, 75), (0.0, 0)] {
        assert!(
            film.seek(FilmTime::from_secs_f64(seconds).unwrap()),
            "seek to {seconds}"
        );
        let frame = next_frame(&film);
        assert_eq!(
            shown_index(&frame),
            index,
            "picture after seeking to {seconds} s"
        );
        let target = FilmTime::from_secs_f64(seconds).unwrap().as_nanos();
        assert!(
            frame.time.as_nanos() <= target && target - frame.time.as_nanos() < FRAME_NANOS,
            "time {} covers {target}",
            frame.time.as_nanos()
        );
    }
}

#[test]
fn pause_freezes_frame_and_time() {
    let options = FilmOptions {
        pace: Pace::Realtime,
        sound: Sound::Off,
        every_frame: None,
    };
    let film = Film::open(&fixtures::counter(), options).expect("open");
    film.play();
    let mut on_screen = next_frame(&film);
    while on_screen.time < FilmTime::from_millis(1_000) {
        if let Some(frame) = film.take_frame() {
            on_screen = frame;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    film.pause();
    let paused_at = on_screen.time;

    std::thread::sleep(Duration::from_millis(300));
    assert!(
        film.take_frame().is_none(),
        "no frame replaces the paused one"
    );
    let index = shown_index(&on_screen);
    let expected = paused_at.as_nanos() / FRAME_NANOS;
    assert!(
        index.abs_diff(expected) <= 1,
        "frame {index} shown, pause reported frame {expected}"
    );
}

#[test]
fn segment_stops_at_its_end() {
    let film = Film::open(&fixtures::counter(), inspecting()).expect("open");
    next_frame(&film);
    assert!(film.play_segment(FilmTime::from_millis(2_000), FilmTime::from_millis(2_400)));
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut last = None;
    let mut ended = false;
    while Instant::now() < deadline && !ended {
        if let Some(frame) = film.take_frame() {
            last = Some(frame);
        }
        ended = film
            .poll_events()
            .iter()
            .any(|event| matches!(event, FilmEvent::Ended));
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(ended, "segment ended");
    if let Some(frame) = film.take_frame() {
        last = Some(frame);
    }
    let last = last.expect("segment showed frames");
    assert!(last.time < FilmTime::from_millis(2_400), "stops before B");
    assert!(shown_index(&last) >= 58, "reached the end of the segment");
}

#[test]
fn film_without_duration_plays_to_eos_and_replays() {
    // GStreamer guesses a duration for this WebM, and the guess is too short, so only EOS
    // marks the end of the film.
    let film = Film::open(&fixtures::webm_without_duration(), inspecting()).expect("open");
    for round in ["first play", "replay"] {
        assert!(film.seek(FilmTime::ZERO), "{round}: seek to start");
        film.play();
        let mut last = FilmTime::ZERO;
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut ended = false;
        while Instant::now() < deadline && !ended {
            if let Some(frame) = film.take_frame() {
                last = frame.time;
            }
            ended = film
                .poll_events()
                .iter()
                .any(|event| matches!(event, FilmEvent::Ended));
            std::thread::sleep(Duration::from_millis(2));
        }
        assert!(ended, "{round}: EOS arrived");
        assert!(
            last >= FilmTime::from_millis(1_900),
            "{round}: played to {last}"
        );
    }
}

#[test]
fn seek_past_the_end_ends_cleanly() {
    let film = Film::open(&fixtures::vp9_321x241(), inspecting()).expect("open");
    next_frame(&film);
    film.seek(FilmTime::from_millis(60_000));
    film.play();
    let event = film.wait_event(Duration::from_secs(10));
    assert!(matches!(event, Some(FilmEvent::Ended)), "got {event:?}");
}

#[test]
fn seek_after_segment_plays_to_the_end() {
    let film = Film::open(&fixtures::counter(), inspecting()).expect("open");
    next_frame(&film);
    assert!(film.play_segment(FilmTime::from_millis(1_000), FilmTime::from_millis(1_200)));
    let first = film.wait_event(Duration::from_secs(10));
    assert!(
        matches!(first, Some(FilmEvent::Ended)),
        "segment ended: {first:?}"
    );

    assert!(film.seek(FilmTime::from_millis(9_000)));
    film.play();
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut last = FilmTime::ZERO;
    let mut ended = false;
    while Instant::now() < deadline && !ended {
        if let Some(frame) = film.take_frame() {
            last = frame.time;
        }
        ended = film
            .poll_events()
            .iter()
            .any(|event| matches!(event, FilmEvent::Ended));
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(ended, "film ended");
    assert!(
        last >= FilmTime::from_millis(9_900),
        "played past the old stop to {last}"
    );
}
