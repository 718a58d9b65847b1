//! Test films, made with ffmpeg the first time a test requests them and kept in Cargo's
//! temporary folder for the next run. Nothing is downloaded.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, OnceLock};

/// Frames per second of the counter clip.
pub const COUNTER_FPS: u64 = 25;
/// Frames in the counter clip: ten seconds with one keyframe.
pub const COUNTER_FRAMES: u64 = 250;

fn folder() -> PathBuf {
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join("films-v1");
    std::fs::create_dir_all(&folder).expect("create the fixture folder");
    folder
}

fn ffmpeg(args: &[&str]) {
    let output = Command::new("ffmpeg")
        .args(["-hide_banner", "-loglevel", "error", "-y", "-threads", "2"])
        .args(args)
        .output()
        .expect("ffmpeg must be installed: run scripts/install-deps.sh --test");
    assert!(
        output.status.success(),
        "ffmpeg {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Makes `name` once per machine with `make`, which writes to the path it is given.
fn cached(name: &str, make: impl FnOnce(&Path)) -> PathBuf {
    static LOCKS: OnceLock<Mutex<HashMap<String, Arc<Mutex<()>>>>> = OnceLock::new();
    let lock = LOCKS
        .get_or_init(Default::default)
        .lock()
        .unwrap()
        .entry(name.to_owned())
        .or_default()
        .clone();
    let _guard = lock.lock().unwrap();

    let path = folder().join(name);
    if !path.exists() {
        let partial = folder().join(format!("partial-{name}"));
        make(&partial);
        std::fs::rename(&partial, &path).expect("move the finished fixture in place");
    }
    path
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("fixture paths are UTF-8")
}

/// Returns a 1918x1080 H.264 clip with AAC sound, two seconds long.
pub fn h264_1918x1080() -> PathBuf {
    cached("h264-1918x1080.mp4", |out| {
        ffmpeg(&[
            "-f",
            "lavfi",
            "-i",
            "testsrc=size=1918x1080:rate=25:duration=2",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:duration=2",
            "-vf",
            "format=yuv420p",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-c:a",
            "aac",
            "-f",
            "mp4",
            path_str(out),
        ])
    })
}

/// Returns a 321x241 VP9 clip without sound, two seconds long.
pub fn vp9_321x241() -> PathBuf {
    cached("vp9-321x241.webm", |out| {
        ffmpeg(&[
            "-f",
            "lavfi",
            "-i",
            "testsrc=size=321x241:rate=25:duration=2",
            "-vf",
            "format=yuv420p",
            "-c:v",
            "libvpx-vp9",
            "-deadline",
            "realtime",
            "-cpu-used",
            "8",
            "-an",
            "-f",
            "webm",
            path_str(out),
        ])
    })
}

/// Returns a 720x576 clip with pixel aspect ratio 64:45, as wide-screen PAL footage has.
pub fn pal_wide() -> PathBuf {
    cached("pal-64-45.mkv", |out| {
        ffmpeg(&[
            "-f",
            "lavfi",
            "-i",
            "testsrc=size=720x576:rate=25:duration=1",
            "-vf",
            "setsar=64/45,format=yuv420p",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-f",
            "matroska",
            path_str(out),
        ])
    })
}

/// Returns a 320x240 H.264 clip tagged to be rotated 270 degrees, as phones record.
pub fn rotated() -> PathBuf {
    cached("rotated-270.mp4", |out| {
        let plain = folder().join("partial-rotated-plain.mp4");
        ffmpeg(&[
            "-f",
            "lavfi",
            "-i",
            "testsrc=size=320x240:rate=25:duration=1",
            "-vf",
            "format=yuv420p",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            path_str(&plain),
        ]);
        // ffmpeg 5.1 writes the rotation tag only when copying.
        ffmpeg(&[
            "-i",
            path_str(&plain),
            "-c",
            "copy",
            "-metadata:s:v:0",
            "rotate=270",
            "-f",
            "mp4",
            path_str(out),
        ]);
    })
}

/// Returns a one-second clip of interlaced H.264, top field first.
pub fn interlaced() -> PathBuf {
    cached("interlaced.mp4", |out| {
        ffmpeg(&[
            "-f",
            "lavfi",
            "-i",
            "testsrc=size=320x240:rate=50:duration=1",
            "-vf",
            "tinterlace=mode=interleave_top,setfield=tff,format=yuv420p",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-flags",
            "+ilme+ildct",
            "-x264opts",
            "tff=1",
            "-f",
            "mp4",
            path_str(out),
        ])
    })
}

/// Returns a 10-bit VP9 clip, which GStreamer must convert for the shader.
pub fn ten_bit() -> PathBuf {
    cached("ten-bit.webm", |out| {
        ffmpeg(&[
            "-f",
            "lavfi",
            "-i",
            "testsrc=size=320x240:rate=25:duration=1",
            "-vf",
            "format=yuv420p10le",
            "-c:v",
            "libvpx-vp9",
            "-deadline",
            "realtime",
            "-cpu-used",
            "8",
            "-f",
            "webm",
            path_str(out),
        ])
    })
}

/// Returns an Ogg file with sound and no picture.
pub fn audio_only() -> PathBuf {
    cached("audio-only.ogg", |out| {
        ffmpeg(&[
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:duration=1",
            "-c:a",
            "libvorbis",
            "-f",
            "ogg",
            path_str(out),
        ])
    })
}

/// Returns an MPEG-TS stream whose picture changes from 320x240 to 640x480 after one second.
pub fn resolution_change() -> PathBuf {
    cached("resolution-change.ts", |out| {
        let parts = [("320x240", "0"), ("640x480", "1")].map(|(size, offset)| {
            let part = folder().join(format!("partial-part-{size}.ts"));
            ffmpeg(&[
                "-f",
                "lavfi",
                "-i",
                &format!("testsrc=size={size}:rate=25:duration=1"),
                "-vf",
                "format=yuv420p",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-output_ts_offset",
                offset,
                "-f",
                "mpegts",
                path_str(&part),
            ]);
            std::fs::read(&part).expect("read part")
        });
        std::fs::write(out, parts.concat()).expect("write joined stream");
    })
}

/// Returns a WebM written to a pipe, so its header states no duration.
pub fn webm_without_duration() -> PathBuf {
    cached("no-duration.webm", |out| {
        let output = Command::new("ffmpeg")
            .args(["-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i"])
            .args([
                "testsrc=size=320x240:rate=25:duration=2",
                "-vf",
                "format=yuv420p",
            ])
            .args([
                "-c:v",
                "libvpx-vp9",
                "-deadline",
                "realtime",
                "-cpu-used",
                "8",
            ])
            .args(["-f", "webm", "pipe:1"])
            .output()
            .expect("run ffmpeg");
        assert!(output.status.success(), "ffmpeg to a pipe failed");
        std::fs::write(out, output.stdout).expect("write the WebM");
    })
}

/// Returns a raw H.264 stream without a container, so nothing states its duration.
pub fn h264_elementary_stream() -> PathBuf {
    cached("elementary.h264", |out| {
        ffmpeg(&[
            "-f",
            "lavfi",
            "-i",
            "testsrc=size=320x240:rate=25:duration=1",
            "-vf",
            "format=yuv420p",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-f",
            "h264",
            path_str(out),
        ])
    })
}

/// Returns ten seconds at 25 fps with a single keyframe, each frame showing its own index
/// in luma: the top half is `(n % 16) * 16 + 8` and the bottom half `(n / 16) * 16 + 8`.
pub fn counter() -> PathBuf {
    cached("counter-one-keyframe.mp4", |out| {
        ffmpeg(&[
            "-f",
            "lavfi",
            "-i",
            "color=c=gray:size=320x240:rate=25:duration=10",
            "-vf",
            "format=yuv420p,geq=lum='if(lt(Y,H/2),mod(N,16)*16+8,floor(N/16)*16+8)':cb=128:cr=128",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-qp",
            "0",
            "-g",
            "1000",
            "-keyint_min",
            "1000",
            "-sc_threshold",
            "0",
            "-bf",
            "0",
            "-f",
            "mp4",
            path_str(out),
        ])
    })
}

/// Reads the frame index that [`counter`] drew from the luma of the top and bottom halves.
pub fn counter_index(top_luma: u8, bottom_luma: u8) -> u64 {
    let step = |luma: u8| (u64::from(luma).saturating_sub(8) + 8) / 16;
    step(bottom_luma) * 16 + step(top_luma)
}

/// Returns a solid colour clip, tagged with the given colour matrix and range, in `container`.
pub fn solid_color(color: &str, matrix: &str, range: &str, container: &str) -> PathBuf {
    let name = format!("solid-{color}-{matrix}-{range}.{container}");
    cached(&name, |out| {
        let format = if container == "mkv" {
            "matroska"
        } else {
            "mp4"
        };
        let pixel_format = if range == "pc" { "yuvj420p" } else { "yuv420p" };
        // ffmpeg's scale filter calls BT.601 "bt601"; its stream tags call it "smpte170m".
        let tag = if matrix == "bt601" {
            "smpte170m"
        } else {
            matrix
        };
        ffmpeg(&[
            "-f",
            "lavfi",
            "-i",
            &format!("color=c={color}:size=320x240:rate=25:duration=1"),
            "-vf",
            &format!("scale=out_color_matrix={matrix}:out_range={range},format={pixel_format}"),
            "-color_primaries",
            tag,
            "-color_trc",
            tag,
            "-colorspace",
            tag,
            "-color_range",
            range,
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-qp",
            "0",
            "-f",
            format,
            path_str(out),
        ])
    })
}

/// Decodes the first frame of `path` with ffmpeg to RGB, reading the stream as `matrix`
/// and `range`: the independent reference for colour tests.
pub fn ffmpeg_rgb_at_center(path: &Path, matrix: &str, range: &str) -> [u8; 3] {
    let output = Command::new("ffmpeg")
        .args(["-hide_banner", "-loglevel", "error", "-i", path_str(path)])
        .args(["-frames:v", "1", "-vf"])
        .arg(format!(
            "scale=in_color_matrix={matrix}:in_range={range}:out_range=pc,format=rgb24"
        ))
        .args(["-f", "rawvideo", "pipe:1"])
        .output()
        .expect("run ffmpeg");
    assert!(output.status.success(), "ffmpeg could not decode {path:?}");
    let center = (120 * 320 + 160) * 3;
    [
        output.stdout[center],
        output.stdout[center + 1],
        output.stdout[center + 2],
    ]
}

/// Returns the first half of the 1918x1080 clip: an MP4 whose index at the end is cut off.
pub fn truncated() -> PathBuf {
    cached("truncated.mp4", |out| {
        let whole = std::fs::read(h264_1918x1080()).expect("read the whole clip");
        std::fs::write(out, &whole[..whole.len() / 2]).expect("write half");
    })
}

/// Returns a text file with a film's extension.
pub fn text_named_mp4() -> PathBuf {
    cached("text.mp4", |out| {
        std::fs::write(out, "Dit is geen film.\n").expect("write text");
    })
}

/// Counts the frames of `path` with ffprobe, the independent reference.
pub fn ffprobe_frame_count(path: &Path) -> u64 {
    let output = Command::new("ffprobe")
        .args(["-v", "error", "-count_frames", "-select_streams", "v:0"])
        .args(["-show_entries", "stream=nb_read_frames", "-of", "csv=p=0"])
        .arg(path)
        .output()
        .expect("run ffprobe");
    String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .expect("ffprobe printed a frame count")
}
