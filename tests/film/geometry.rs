//! Frame sizes, strides, pixel aspect ratio, rotation and mid-stream size changes.

use herken::i18n::Language;
use herken::video::{PlaneLayout, probe};

use super::{decode_all, open_first_frame};
use crate::support::fixtures;

#[test]
fn full_hd_with_odd_width_keeps_its_size() {
    let (_film, frame) = open_first_frame(&fixtures::h264_1918x1080());
    assert_eq!((frame.format.width, frame.format.height), (1918, 1080));
    let mut luma = Vec::new();
    frame.copy_plane_into(0, &mut luma);
    assert_eq!(
        luma.len(),
        1918 * 1080,
        "rows are copied without stride padding"
    );
}

#[test]
fn odd_vp9_size_copies_every_row_and_column() {
    let (_film, frame) = open_first_frame(&fixtures::vp9_321x241());
    assert_eq!((frame.format.width, frame.format.height), (321, 241));
    let mut chroma = Vec::new();
    frame.copy_plane_into(1, &mut chroma);
    assert_eq!(chroma.len(), 161 * 121, "chroma planes round up");
}

#[test]
fn pixel_aspect_ratio_widens_the_display_size() {
    let (_film, frame) = open_first_frame(&fixtures::pal_wide());
    assert_eq!(frame.format.pixel_aspect, (64, 45));
    assert_eq!(frame.format.display_size(), (1024, 576));
}

#[test]
fn rotation_tag_turns_the_picture() {
    let (_film, frame) = open_first_frame(&fixtures::rotated());
    assert_eq!((frame.format.width, frame.format.height), (240, 320));
}

#[test]
fn ten_bit_film_becomes_eight_bit() {
    let (_film, frame) = open_first_frame(&fixtures::ten_bit());
    assert_eq!(frame.format.layout, PlaneLayout::I420);
    assert_eq!((frame.format.width, frame.format.height), (320, 240));
}

#[test]
fn resolution_change_mid_stream_reaches_the_frames() {
    let frames = decode_all(&fixtures::resolution_change());
    let sizes: Vec<(u32, u32)> = frames.iter().map(|(_, w, h)| (*w, *h)).collect();
    assert!(sizes.contains(&(320, 240)), "first part seen: {sizes:?}");
    assert!(sizes.contains(&(640, 480)), "second part seen: {sizes:?}");
    assert_eq!(sizes.first(), Some(&(320, 240)));
    assert_eq!(sizes.last(), Some(&(640, 480)));
}

#[test]
fn probe_reports_display_size_after_rotation() {
    let report = probe(&fixtures::rotated(), Language::English).expect("probe works");
    assert_eq!((report.width, report.height), (320, 240));
    assert_eq!((report.display_width, report.display_height), (240, 320));
    assert!(
        report
            .problems
            .iter()
            .any(|problem| problem.contains("rotation tag")),
        "{:?}",
        report.problems
    );
}

#[test]
fn probe_reports_pixel_aspect_ratio() {
    let report = probe(&fixtures::pal_wide(), Language::English).expect("probe works");
    assert_eq!((report.width, report.height), (720, 576));
    assert_eq!((report.display_width, report.display_height), (1024, 576));
    assert_eq!(report.framerate, Some(25.0));
}

#[test]
fn probe_reports_missing_duration_and_audio() {
    let report = probe(&fixtures::h264_elementary_stream(), Language::English).expect("probe");
    assert_eq!(report.duration, None);
    assert!(!report.has_audio);
    assert_eq!(report.problems.len(), 2, "{:?}", report.problems);
}

#[test]
fn probe_names_codec_and_duration() {
    let report = probe(&fixtures::h264_1918x1080(), Language::English).expect("probe works");
    let duration = report.duration.expect("MP4 states its duration");
    assert!((duration - 2.0).abs() < 0.1, "duration {duration}");
    assert!(report.has_audio);
    let codec = report.video_codec.expect("codec tag");
    assert!(codec.contains("H.264"), "{codec}");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

#[test]
fn interlaced_film_is_deinterlaced() {
    let report = probe(&fixtures::interlaced(), Language::English).expect("probe works");
    assert!(
        report
            .problems
            .iter()
            .any(|problem| problem.contains("interlaced")),
        "{:?}",
        report.problems
    );
    let (_film, frame) = open_first_frame(&fixtures::interlaced());
    assert_eq!(
        (frame.format.width, frame.format.height),
        (320, 240),
        "full frames"
    );
}
