//! A decoded frame as it travels from the GStreamer thread to the screen, with the plane
//! geometry and colour information the shader needs.

use gstreamer as gst;
use gstreamer_video as gst_video;
use gstreamer_video::prelude::*;

use crate::scenario::FilmTime;

/// The plane layout of a frame. Every other format is converted to one of
/// these by GStreamer before it reaches herken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaneLayout {
    /// Three 8-bit planes: Y, then U and V at half width and half height.
    I420,
    /// Two 8-bit planes: Y, then interleaved UV at half width and half height.
    Nv12,
}

/// The YUV to RGB matrix from the stream's colorimetry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorMatrix {
    /// ITU-R BT.601, used by standard-definition video.
    Bt601,
    /// ITU-R BT.709, used by HD video and the default for unknown HD streams.
    Bt709,
}

/// Whether luma covers 16..=235 (limited, the broadcast default) or 0..=255 (full).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorRange {
    /// Y in 16..=235 and chroma in 16..=240.
    Limited,
    /// Y and chroma in 0..=255.
    Full,
}

/// The shape and colour of the frames, as negotiated in the caps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrameFormat {
    /// The plane layout.
    pub layout: PlaneLayout,
    /// Width of the picture in pixels, after rotation.
    pub width: u32,
    /// Height of the picture in pixels, after rotation.
    pub height: u32,
    /// Pixel aspect ratio as numerator and denominator.
    pub pixel_aspect: (u32, u32),
    /// The YUV matrix.
    pub matrix: ColorMatrix,
    /// The value range.
    pub range: ColorRange,
}

impl FrameFormat {
    /// Reads the format from negotiated video info.
    pub fn from_info(info: &gst_video::VideoInfo) -> Option<FrameFormat> {
        let layout = match info.format() {
            gst_video::VideoFormat::I420 => PlaneLayout::I420,
            gst_video::VideoFormat::Nv12 => PlaneLayout::Nv12,
            _ => return None,
        };
        let colorimetry = info.colorimetry();
        let matrix = match colorimetry.matrix() {
            gst_video::VideoColorMatrix::Bt601 | gst_video::VideoColorMatrix::Fcc => {
                ColorMatrix::Bt601
            }
            gst_video::VideoColorMatrix::Bt709 => ColorMatrix::Bt709,
            // Unknown or other matrices: the usual convention picks by picture height.
            _ if info.height() < 720 => ColorMatrix::Bt601,
            _ => ColorMatrix::Bt709,
        };
        let range = match colorimetry.range() {
            gst_video::VideoColorRange::Range0_255 => ColorRange::Full,
            _ => ColorRange::Limited,
        };
        let par = info.par();
        Some(FrameFormat {
            layout,
            width: info.width(),
            height: info.height(),
            pixel_aspect: (par.numer().max(1) as u32, par.denom().max(1) as u32),
            matrix,
            range,
        })
    }

    /// Returns the width and height at which the picture should be shown, after the pixel
    /// aspect ratio is applied to the width.
    pub fn display_size(&self) -> (u32, u32) {
        let (numer, denom) = self.pixel_aspect;
        let width =
            (u64::from(self.width) * u64::from(numer) + u64::from(denom) / 2) / u64::from(denom);
        (width.max(1) as u32, self.height)
    }

    /// Returns the width and height of plane `index` in samples; chroma rounds up so odd
    /// sizes keep their last column and row.
    pub fn plane_size(&self, index: usize) -> (u32, u32) {
        if index == 0 {
            (self.width, self.height)
        } else {
            (self.width.div_ceil(2), self.height.div_ceil(2))
        }
    }

    /// Returns the number of planes.
    pub fn plane_count(&self) -> usize {
        match self.layout {
            PlaneLayout::I420 => 3,
            PlaneLayout::Nv12 => 2,
        }
    }

    /// Returns the bytes per sample of plane `index`: 2 for NV12's interleaved UV, else 1.
    pub fn bytes_per_sample(&self, index: usize) -> usize {
        match (self.layout, index) {
            (PlaneLayout::Nv12, 1) => 2,
            _ => 1,
        }
    }
}

/// A decoded frame, mapped for reading, with its presentation time in film time.
pub struct DecodedFrame {
    /// The film time of this frame: its PTS converted to stream time.
    pub time: FilmTime,
    /// The frame's format.
    pub format: FrameFormat,
    frame: gst_video::VideoFrame<gst_video::video_frame::Readable>,
}

impl DecodedFrame {
    /// Maps a sample from the appsink, or returns `None` when it has no buffer, no caps or
    /// a format herken does not take.
    pub fn from_sample(sample: &gst::Sample) -> Option<DecodedFrame> {
        let caps = sample.caps()?;
        let info = gst_video::VideoInfo::from_caps(caps).ok()?;
        let format = FrameFormat::from_info(&info)?;
        let buffer = sample.buffer_owned()?;
        let pts = buffer.pts()?;
        let time = sample
            .segment()
            .and_then(|segment| segment.downcast_ref::<gst::ClockTime>())
            .and_then(|segment| segment.to_stream_time(pts))
            .unwrap_or(pts);
        let frame = gst_video::VideoFrame::from_buffer_readable(buffer, &info).ok()?;
        Some(DecodedFrame {
            time: FilmTime::from(time),
            format,
            frame,
        })
    }

    /// Returns the buffer's address and PTS, which together tell a repeat of the same
    /// buffer (the preroll frame rendered again on play) from a new frame.
    pub fn identity(&self) -> (usize, u64) {
        (self.frame.buffer().as_ptr() as usize, self.time.as_nanos())
    }

    /// Copies plane `index` row by row into `target`, tightly packed, dropping the row
    /// padding that GStreamer's stride adds. `target` is resized as needed.
    pub fn copy_plane_into(&self, index: usize, target: &mut Vec<u8>) {
        let (width, height) = self.format.plane_size(index);
        let row_bytes = width as usize * self.format.bytes_per_sample(index);
        let stride = self.frame.plane_stride()[index] as usize;
        target.resize(row_bytes * height as usize, 0);
        let Ok(source) = self.frame.plane_data(index as u32) else {
            return;
        };
        if stride == row_bytes && source.len() >= target.len() {
            // Rows without padding: one copy for the whole plane.
            let length = target.len();
            target.copy_from_slice(&source[..length]);
            return;
        }
        for (row, chunk) in target.chunks_exact_mut(row_bytes).enumerate() {
            let start = row * stride;
            if let Some(line) = source.get(start..start + row_bytes) {
                chunk.copy_from_slice(line);
            }
        }
    }

    /// Returns the luma value at a pixel, for tests and frame inspection.
    pub fn luma_at(&self, x: u32, y: u32) -> Option<u8> {
        let stride = self.frame.plane_stride()[0] as usize;
        let data = self.frame.plane_data(0).ok()?;
        data.get(y as usize * stride + x as usize).copied()
    }

    /// Returns the Y, U and V values at a pixel, for tests and frame inspection.
    pub fn yuv_at(&self, x: u32, y: u32) -> Option<[u8; 3]> {
        let luma = self.luma_at(x, y)?;
        let (cx, cy) = ((x / 2) as usize, (y / 2) as usize);
        let strides = self.frame.plane_stride();
        match self.format.layout {
            PlaneLayout::I420 => {
                let u = self.frame.plane_data(1).ok()?;
                let v = self.frame.plane_data(2).ok()?;
                let u = *u.get(cy * strides[1] as usize + cx)?;
                let v = *v.get(cy * strides[2] as usize + cx)?;
                Some([luma, u, v])
            }
            PlaneLayout::Nv12 => {
                let uv = self.frame.plane_data(1).ok()?;
                let at = cy * strides[1] as usize + cx * 2;
                Some([luma, *uv.get(at)?, *uv.get(at + 1)?])
            }
        }
    }
}

/// Converts one YUV sample to RGB with the same formulas as `shaders/yuv_to_rgb.wgsl`; the
/// tests use it as the reference for what the screen should show.
pub fn yuv_to_rgb(yuv: [u8; 3], matrix: ColorMatrix, range: ColorRange) -> [u8; 3] {
    let [y, u, v] = yuv.map(|value| f32::from(value) / 255.0);
    let (y, u, v) = match range {
        ColorRange::Limited => (
            (y - 16.0 / 255.0) * (255.0 / 219.0),
            (u - 128.0 / 255.0) * (255.0 / 224.0),
            (v - 128.0 / 255.0) * (255.0 / 224.0),
        ),
        ColorRange::Full => (y, u - 128.0 / 255.0, v - 128.0 / 255.0),
    };
    let (kr, kb) = match matrix {
        ColorMatrix::Bt601 => (0.299, 0.114),
        ColorMatrix::Bt709 => (0.2126, 0.0722),
    };
    let kg = 1.0 - kr - kb;
    let r = y + 2.0 * (1.0 - kr) * v;
    let b = y + 2.0 * (1.0 - kb) * u;
    let g = (y - kr * r - kb * b) / kg;
    [r, g, b].map(|channel| (channel.clamp(0.0, 1.0) * 255.0).round() as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limited_range_black_and_white_map_to_extremes() {
        let black = yuv_to_rgb([16, 128, 128], ColorMatrix::Bt709, ColorRange::Limited);
        let white = yuv_to_rgb([235, 128, 128], ColorMatrix::Bt709, ColorRange::Limited);
        assert_eq!(black, [0, 0, 0]);
        assert_eq!(white, [255, 255, 255]);
    }

    #[test]
    fn bt601_limited_red_converts_to_red() {
        // Y, Cb, Cr of pure red in BT.601 limited range.
        let rgb = yuv_to_rgb([81, 90, 240], ColorMatrix::Bt601, ColorRange::Limited);
        assert!(rgb[0] >= 253, "{rgb:?}");
        assert!(rgb[1] <= 2, "{rgb:?}");
        assert!(rgb[2] <= 2, "{rgb:?}");
    }

    #[test]
    fn display_size_applies_pixel_aspect_ratio() {
        let format = FrameFormat {
            layout: PlaneLayout::I420,
            width: 720,
            height: 576,
            pixel_aspect: (64, 45),
            matrix: ColorMatrix::Bt601,
            range: ColorRange::Limited,
        };
        assert_eq!(format.display_size(), (1024, 576));
    }

    #[test]
    fn odd_sizes_round_chroma_up() {
        let format = FrameFormat {
            layout: PlaneLayout::I420,
            width: 321,
            height: 241,
            pixel_aspect: (1, 1),
            matrix: ColorMatrix::Bt601,
            range: ColorRange::Limited,
        };
        assert_eq!(format.plane_size(1), (161, 121));
    }
}
