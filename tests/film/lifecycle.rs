//! Opening and closing films many times leaks no threads or file descriptors.

use herken::video::Film;

use super::{inspecting, next_frame};
use crate::support::fixtures;

fn count_entries(folder: &str) -> usize {
    std::fs::read_dir(folder)
        .map(|entries| entries.count())
        .unwrap_or(0)
}

#[test]
fn opening_and_closing_200_times_stays_flat() {
    let path = fixtures::vp9_321x241();
    // Warm up: GStreamer's registry and thread pools are made once per process.
    for _ in 0..5 {
        let film = Film::open(&path, inspecting()).expect("open");
        next_frame(&film);
    }
    let threads_before = count_entries("/proc/self/task");
    let files_before = count_entries("/proc/self/fd");

    for _ in 0..200 {
        let film = Film::open(&path, inspecting()).expect("open");
        film.play();
        next_frame(&film);
    }

    // Other tests run in parallel threads, so allow their share of the counts.
    let threads_after = count_entries("/proc/self/task");
    let files_after = count_entries("/proc/self/fd");
    assert!(
        threads_after <= threads_before + 40,
        "threads grew from {threads_before} to {threads_after}"
    );
    assert!(
        files_after <= files_before + 40,
        "file descriptors grew from {files_before} to {files_after}"
    );
}
