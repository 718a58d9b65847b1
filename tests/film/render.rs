//! The film in a real window under Xvfb: colours after the shader, letterboxing, rotation,
//! and a scripted pause whose reported time matches the picture on screen.

use herken::video::{ColorMatrix, ColorRange, yuv_to_rgb};

use crate::support::display::play_and_capture;
use crate::support::fixtures::{self, COUNTER_FPS, counter_index};

fn pixel(image: &image::RgbImage, x: u32, y: u32) -> [u8; 3] {
    image.get_pixel(x, y).0
}

fn is_black(rgb: [u8; 3]) -> bool {
    rgb.iter().all(|channel| *channel <= 4)
}

#[test]
fn shader_colour_matches_ffmpeg_on_screen() {
    let path = fixtures::solid_color("0xC83232", "bt709", "tv", "mp4");
    let shot = play_and_capture(&path, &["--paused"]);
    let reference = fixtures::ffmpeg_rgb_at_center(&path, "bt709", "tv");
    let shown = pixel(&shot.image, 640, 360);
    for channel in 0..3 {
        assert!(
            shown[channel].abs_diff(reference[channel]) <= 4,
            "screen {shown:?}, ffmpeg {reference:?}"
        );
    }
}

#[test]
fn four_by_three_film_is_pillarboxed() {
    let path = fixtures::solid_color("0x3264C8", "bt709", "pc", "mkv");
    let shot = play_and_capture(&path, &["--paused"]);
    assert_eq!(shot.report["window_width"], 1280);
    assert_eq!(shot.report["window_height"], 720);
    // A 4:3 picture fills 960x720 in the middle of a 1280x720 window.
    assert!(is_black(pixel(&shot.image, 100, 360)), "left bar");
    assert!(is_black(pixel(&shot.image, 1200, 360)), "right bar");
    assert!(
        !is_black(pixel(&shot.image, 200, 360)),
        "picture at its left edge"
    );
    assert!(
        !is_black(pixel(&shot.image, 1080, 700)),
        "picture at its bottom right"
    );
}

#[test]
fn rotated_film_stands_upright_in_the_window() {
    let shot = play_and_capture(&fixtures::rotated(), &["--paused"]);
    assert_eq!(shot.report["display_width"], 240);
    assert_eq!(shot.report["display_height"], 320);
    // 240x320 scaled to 720 high is 540 wide, from x = 370 to 910.
    assert!(
        is_black(pixel(&shot.image, 340, 360)),
        "left of the picture"
    );
    assert!(
        is_black(pixel(&shot.image, 940, 360)),
        "right of the picture"
    );
}

#[test]
fn odd_sized_film_fills_its_letterbox() {
    let shot = play_and_capture(&fixtures::vp9_321x241(), &["--seek-to", "1.0"]);
    assert_eq!(shot.report["display_width"], 321);
    assert_eq!(shot.report["display_height"], 241);
    assert_eq!(shot.report["displayed_nanos"], 1_000_000_000u64);
}

fn gray_to_luma_step(gray: u8) -> u8 {
    // The counter draws luma 8, 24, ... 248; find the step whose gray is nearest.
    (0u8..16)
        .map(|step| step * 16 + 8)
        .min_by_key(|luma| {
            let rgb = yuv_to_rgb([*luma, 128, 128], ColorMatrix::Bt601, ColorRange::Limited);
            rgb[0].abs_diff(gray)
        })
        .expect("sixteen steps")
}

#[test]
fn scripted_pause_reports_the_frame_on_screen() {
    let shot = play_and_capture(&fixtures::counter(), &["--pause-at", "2.0"]);
    let paused_at = shot.report["paused_at_nanos"]
        .as_u64()
        .expect("a pause time");
    assert!(paused_at >= 2_000_000_000, "paused at {paused_at}");
    let top = gray_to_luma_step(pixel(&shot.image, 640, 180)[0]);
    let bottom = gray_to_luma_step(pixel(&shot.image, 640, 540)[0]);
    let shown = counter_index(top, bottom);
    let reported = paused_at / (1_000_000_000 / COUNTER_FPS);
    assert!(
        shown.abs_diff(reported) <= 1,
        "screen shows frame {shown}, pause reported frame {reported}"
    );
}
