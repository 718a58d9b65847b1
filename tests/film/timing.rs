//! Frame counts, frame-exact seeks, pauses that freeze the frame on screen, and segments.

use std::time::{Duration, Instant};

use herken::video::{DecodedFrame, Film, FilmEvent, FilmOptions, FilmTime, Pace, Sound};

use super::{decode_all, inspecting, next_frame};
use crate::support::fixtures::{self, COUNTER_FPS, COUNTER_FRAMES, counter_index};

const FRAME_NANOS: u64 = 1_000_000_000 / COUNTER_FPS;

fn shown_index(frame: &DecodedFrame) -> u64 {
    let top = frame.luma_at(160, 40).expect("top luma");
    let bottom = frame.luma_at(160, 200).expect("bottom luma");
    counter_index(top, bottom)
}

/// Takes frames as a screen would until EOS or `limit`; returns whether EOS came and the
/// last frame taken.
fn watch_until_end(film: &Film, limit: Duration) -> (bool, Option<DecodedFrame>) {
    let deadline = Instant::now() + limit;
    let mut last = None;
    while Instant::now() < deadline {
        if let Some(frame) = film.take_frame() {
            last = Some(frame);
        }
        if film
            .poll_events()
            .iter()
            .any(|event| matches!(event, FilmEvent::Ended))
        {
            // A frame can arrive between the last take and EOS.
            return (true, film.take_frame().or(last));
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    (false, last)
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
    let (ended, last) = watch_until_end(&film, Duration::from_secs(10));
    assert!(ended, "segment ended");
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
        let (ended, last) = watch_until_end(&film, Duration::from_secs(20));
        assert!(ended, "{round}: EOS arrived");
        let last = last.map(|frame| frame.time).unwrap_or_default();
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
    let (ended, last) = watch_until_end(&film, Duration::from_secs(20));
    assert!(ended, "film ended");
    let last = last.map(|frame| frame.time).unwrap_or_default();
    assert!(
        last >= FilmTime::from_millis(9_900),
        "played past the old stop to {last}"
    );
}

#[test]
fn slow_screen_drops_frames_and_keeps_pace() {
    let options = FilmOptions {
        pace: Pace::Realtime,
        sound: Sound::Off,
        every_frame: None,
    };
    let film = Film::open(&fixtures::counter(), options).expect("open");
    next_frame(&film);
    film.play();
    let started = Instant::now();

    // A screen that takes a frame only twice a second.
    std::thread::sleep(Duration::from_millis(500));
    let first = next_frame(&film);
    std::thread::sleep(Duration::from_millis(1_000));
    let second = next_frame(&film);
    let elapsed = started.elapsed().as_millis() as u64;

    let advanced = (second.time.as_nanos() - first.time.as_nanos()) / 1_000_000;
    assert!(
        advanced.abs_diff(1_000) <= 250,
        "the film advanced {advanced} ms in 1000 ms of wall time"
    );
    assert!(
        second.time.as_nanos() / 1_000_000 <= elapsed + 100,
        "the film is not ahead of the clock"
    );
    let (_delivered, dropped) = film.frame_counts();
    assert!(dropped >= 20, "untaken frames were dropped: {dropped}");
}
