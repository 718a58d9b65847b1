//! `herken bench`: decode a film through herken's own path as fast as possible and compare
//! its CPU cost per frame with GStreamer's decode-only pipeline on the same file.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use super::error::FilmError;
use super::film::{Film, FilmEvent, FilmOptions};

/// The figures of one decode run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BenchFigures {
    /// Frames decoded.
    pub frames: u64,
    /// Wall-clock seconds.
    pub wall_seconds: f64,
    /// User plus system CPU seconds.
    pub cpu_seconds: f64,
    /// Peak resident memory in MiB.
    pub peak_memory_mib: f64,
}

impl BenchFigures {
    /// Returns decoded frames per wall-clock second.
    pub fn frames_per_second(&self) -> f64 {
        self.frames as f64 / self.wall_seconds.max(f64::EPSILON)
    }

    /// Returns CPU seconds spent per frame.
    pub fn cpu_per_frame(&self) -> f64 {
        self.cpu_seconds / (self.frames.max(1) as f64)
    }
}

fn cpu_seconds(who: i32) -> (f64, f64) {
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(who, &mut usage);
        usage
    };
    let seconds = |time: libc::timeval| time.tv_sec as f64 + time.tv_usec as f64 / 1e6;
    (
        seconds(usage.ru_utime) + seconds(usage.ru_stime),
        usage.ru_maxrss as f64 / 1024.0,
    )
}

/// Decodes every frame of `path` the way the app does: through the same pipeline, then
/// copying each plane into a reused buffer as the texture upload does.
pub fn bench_herken(path: &Path) -> Result<BenchFigures, FilmError> {
    let (cpu_before, _) = cpu_seconds(libc::RUSAGE_SELF);
    let started = Instant::now();
    let film = Film::open(path, FilmOptions::every_frame())?;
    let frames = film.frames().cloned();
    film.play();

    let mut planes: [Vec<u8>; 3] = Default::default();
    let mut count = 0u64;
    if let Some(frames) = frames {
        loop {
            match frames.recv_timeout(Duration::from_millis(200)) {
                Ok(frame) => {
                    for (index, plane) in planes
                        .iter_mut()
                        .enumerate()
                        .take(frame.format.plane_count())
                    {
                        frame.copy_plane_into(index, plane);
                    }
                    count += 1;
                }
                Err(_) => match film.poll_events().into_iter().next() {
                    Some(FilmEvent::Ended) => break,
                    Some(FilmEvent::Failed(error)) => return Err(error),
                    None => {}
                },
            }
        }
    }
    drop(film);

    let wall_seconds = started.elapsed().as_secs_f64();
    let (cpu_after, peak) = cpu_seconds(libc::RUSAGE_SELF);
    Ok(BenchFigures {
        frames: count,
        wall_seconds,
        cpu_seconds: cpu_after - cpu_before,
        peak_memory_mib: peak,
    })
}

/// Runs `gst-launch-1.0 filesrc ! decodebin ! video/x-raw ! fakesink` on `path`; the caps
/// filter keeps decodebin on the video stream, as herken's own run is.
pub fn bench_gst_launch(path: &Path, frames: u64) -> std::io::Result<BenchFigures> {
    let (cpu_before, _) = cpu_seconds(libc::RUSAGE_CHILDREN);
    let started = Instant::now();
    let mut child = Command::new("gst-launch-1.0")
        .arg("-q")
        .arg("filesrc")
        .arg(format!("location={}", path.display()))
        .args([
            "!",
            "decodebin",
            "!",
            "video/x-raw",
            "!",
            "fakesink",
            "sync=false",
        ])
        .spawn()?;

    // A child's ru_maxrss starts from the parent's size at fork, so read the child's own
    // high-water mark while it runs.
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kib = 0u64;
    let status = loop {
        if let Some(high_water) = read_high_water_kib(&status_file) {
            peak_kib = peak_kib.max(high_water);
        }
        if let Some(status) = child.try_wait()? {
            break status;
        }
        std::thread::sleep(Duration::from_millis(5));
    };

    if !status.success() {
        return Err(std::io::Error::other(format!(
            "gst-launch-1.0 exited with {status}"
        )));
    }

    let wall_seconds = started.elapsed().as_secs_f64();
    let (cpu_after, _) = cpu_seconds(libc::RUSAGE_CHILDREN);
    Ok(BenchFigures {
        frames,
        wall_seconds,
        cpu_seconds: cpu_after - cpu_before,
        peak_memory_mib: peak_kib as f64 / 1024.0,
    })
}

/// Reads `VmHWM`, the peak resident memory in KiB, from a `/proc/PID/status` file.
fn read_high_water_kib(status_file: &str) -> Option<u64> {
    let text = std::fs::read_to_string(status_file).ok()?;
    let line = text.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Formats one run's figures as the lines `herken bench` prints.
pub fn format_figures(label: &str, figures: &BenchFigures) -> String {
    format!(
        "{label}:\n  frames: {}\n  decode_fps: {:.1}\n  cpu_seconds_per_frame: {:.6}\n  peak_memory_mib: {:.1}\n",
        figures.frames,
        figures.frames_per_second(),
        figures.cpu_per_frame(),
        figures.peak_memory_mib
    )
}

/// Threads, open files and resident memory of this process, before and after opening and
/// closing a film many times.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReopenFigures {
    /// How many times the film was opened and closed.
    pub count: u32,
    /// Threads before and after.
    pub threads: (usize, usize),
    /// Open file descriptors before and after.
    pub open_files: (usize, usize),
    /// Resident memory in MiB before and after.
    pub resident_mib: (f64, f64),
}

fn process_counts() -> (usize, usize, f64) {
    let count = |folder: &str| {
        std::fs::read_dir(folder)
            .map(|entries| entries.count())
            .unwrap_or(0)
    };
    let resident_kib = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|text| {
            let line = text
                .lines()
                .find(|line| line.starts_with("VmRSS:"))?
                .to_owned();
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .unwrap_or(0);
    (
        count("/proc/self/task"),
        count("/proc/self/fd"),
        resident_kib as f64 / 1024.0,
    )
}

/// Opens `path`, shows its first frame, plays briefly and closes it, `count` times after a
/// warm-up of five, measuring the threads, open files and memory of the process before and after.
pub fn bench_reopen(path: &Path, count: u32) -> Result<ReopenFigures, FilmError> {
    let open_once = || -> Result<(), FilmError> {
        let film = Film::open(path, super::probe::inspecting_options())?;
        film.play();
        let deadline = Instant::now() + Duration::from_secs(5);
        while film.take_frame().is_none() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(2));
        }
        Ok(())
    };
    for _ in 0..5 {
        open_once()?;
    }
    let before = process_counts();
    for _ in 0..count {
        open_once()?;
    }
    let after = process_counts();
    Ok(ReopenFigures {
        count,
        threads: (before.0, after.0),
        open_files: (before.1, after.1),
        resident_mib: (before.2, after.2),
    })
}

/// Formats the figures of [`bench_reopen`] as `herken bench --reopen` prints them.
pub fn format_reopen(figures: &ReopenFigures) -> String {
    format!(
        "reopen: {}\n  threads: {} -> {}\n  open_files: {} -> {}\n  resident_mib: {:.1} -> {:.1}\n",
        figures.count,
        figures.threads.0,
        figures.threads.1,
        figures.open_files.0,
        figures.open_files.1,
        figures.resident_mib.0,
        figures.resident_mib.1
    )
}
