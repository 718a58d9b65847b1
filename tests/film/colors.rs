//! Colour matrix and range come from the caps, and the conversion matches ffmpeg's.

use herken::video::{ColorMatrix, ColorRange, yuv_to_rgb};

use super::open_first_frame;
use crate::support::fixtures;

fn assert_close(ours: [u8; 3], reference: [u8; 3], what: &str) {
    for channel in 0..3 {
        assert!(
            ours[channel].abs_diff(reference[channel]) <= 3,
            "{what}: herken {ours:?}, ffmpeg {reference:?}"
        );
    }
}

fn check(color: &str, matrix: &str, range: &str, container: &str) -> (ColorMatrix, ColorRange) {
    let path = fixtures::solid_color(color, matrix, range, container);
    let (_film, frame) = open_first_frame(&path);
    let yuv = frame.yuv_at(160, 120).expect("pixel inside the frame");
    let ours = yuv_to_rgb(yuv, frame.format.matrix, frame.format.range);
    let reference = fixtures::ffmpeg_rgb_at_center(&path, matrix, range);
    assert_close(
        ours,
        reference,
        &format!("{color} {matrix} {range} {container}"),
    );
    (frame.format.matrix, frame.format.range)
}

#[test]
fn bt709_limited_colour_matches_ffmpeg() {
    let (matrix, range) = check("0xC83232", "bt709", "tv", "mp4");
    assert_eq!(matrix, ColorMatrix::Bt709);
    assert_eq!(range, ColorRange::Limited);
}

#[test]
fn bt601_limited_colour_matches_ffmpeg() {
    let (matrix, range) = check("0x2E8B57", "bt601", "tv", "mp4");
    assert_eq!(matrix, ColorMatrix::Bt601);
    assert_eq!(range, ColorRange::Limited);
}

#[test]
fn full_range_in_matroska_is_read_as_full() {
    let (matrix, range) = check("0x3264C8", "bt709", "pc", "mkv");
    assert_eq!(matrix, ColorMatrix::Bt709);
    assert_eq!(range, ColorRange::Full);
}
