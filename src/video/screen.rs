//! The film on screen: a quad whose material turns the latest frame's YUV planes into RGB,
//! letterboxed at the film's display aspect ratio in any window size.

use bevy::asset::{RenderAssetUsages, uuid_handle};
use bevy::image::ImageSampler;
use bevy::prelude::*;
use bevy::render::render_resource::{
    AsBindGroup, Extent3d, ShaderType, TextureDimension, TextureFormat,
};
use bevy::shader::ShaderRef;
use bevy::sprite_render::{Material2d, Material2dPlugin};

use super::film::{Film, FilmEvent};
use super::frame::{ColorMatrix, ColorRange, DecodedFrame, FrameFormat, PlaneLayout};
use crate::scenario::FilmTime;

/// The handle of the YUV shader, which is compiled into the binary from `shaders/`.
const YUV_SHADER: Handle<Shader> = uuid_handle!("5b0e3c2e-9a61-4f0c-8a57-2f7c6cf3a1d4");

/// Frames after a format change in which the film material is rebuilt.
const MATERIAL_REFRESH_FRAMES: u8 = 3;

/// Registers the film material, its shader and the systems that show films.
pub(super) fn plugin(app: &mut App) {
    let shader = Shader::from_wgsl(
        include_str!("../../shaders/yuv_to_rgb.wgsl"),
        "shaders/yuv_to_rgb.wgsl",
    );
    let _ = app
        .world_mut()
        .resource_mut::<Assets<Shader>>()
        .insert(YUV_SHADER.id(), shader);
    app.add_plugins(Material2dPlugin::<YuvMaterial>::default());
    app.add_message::<FilmEnded>();
    app.add_message::<FilmFailed>();
    app.add_systems(
        Update,
        (
            upload_latest_frames,
            fit_films_to_window,
            report_film_events,
        )
            .in_set(crate::AppSystems::Film),
    );
}

/// The colour parameters of [`YuvMaterial`], matching `YuvParams` in the shader.
#[derive(Clone, Copy, Debug, Default, ShaderType)]
pub struct YuvParams {
    /// Kr, Kb, 1.0 for full range, 1.0 for NV12.
    pub coefficients: Vec4,
    /// The luma-to-chroma texture coordinate scale in `xy`.
    pub chroma_scale: Vec4,
}

impl YuvParams {
    fn for_format(format: &FrameFormat) -> YuvParams {
        let (kr, kb) = match format.matrix {
            ColorMatrix::Bt601 => (0.299, 0.114),
            ColorMatrix::Bt709 => (0.2126, 0.0722),
        };
        let full = if format.range == ColorRange::Full {
            1.0
        } else {
            0.0
        };
        let nv12 = if format.layout == PlaneLayout::Nv12 {
            1.0
        } else {
            0.0
        };
        let (chroma_width, chroma_height) = format.plane_size(1);
        let scale_x = format.width as f32 / (2 * chroma_width) as f32;
        let scale_y = format.height as f32 / (2 * chroma_height) as f32;
        YuvParams {
            coefficients: Vec4::new(kr, kb, full, nv12),
            chroma_scale: Vec4::new(scale_x, scale_y, 0.0, 0.0),
        }
    }
}

/// The material that draws a film frame from its planes.
#[derive(Asset, TypePath, AsBindGroup, Debug, Clone)]
pub struct YuvMaterial {
    /// Colour parameters.
    #[uniform(0)]
    pub params: YuvParams,
    /// The luma plane.
    #[texture(1)]
    #[sampler(2)]
    pub luma: Handle<Image>,
    /// The U plane, or the interleaved UV plane for NV12.
    #[texture(3)]
    pub chroma_u: Handle<Image>,
    /// The V plane; unused for NV12.
    #[texture(4)]
    pub chroma_v: Handle<Image>,
}

impl Material2d for YuvMaterial {
    fn fragment_shader() -> ShaderRef {
        ShaderRef::Handle(YUV_SHADER)
    }
}

/// A film being shown, with the time of the frame on screen.
#[derive(Component)]
pub struct FilmPlayer {
    film: Film,
    planes: [Handle<Image>; 3],
    material: Handle<YuvMaterial>,
    format: Option<FrameFormat>,
    displayed: Option<FilmTime>,
    paused: bool,
    ended: bool,
    /// Frames left in which the material is marked changed after new plane images.
    material_refresh: u8,
}

impl FilmPlayer {
    /// Returns the film.
    pub fn film(&self) -> &Film {
        &self.film
    }

    /// Returns the presentation time of the frame on screen, once one is shown.
    pub fn displayed_time(&self) -> Option<FilmTime> {
        self.displayed
    }

    /// Returns the format of the frame on screen.
    pub fn format(&self) -> Option<FrameFormat> {
        self.format
    }

    /// Returns whether the film is paused.
    pub fn is_paused(&self) -> bool {
        self.paused
    }

    /// Returns whether the film, or the segment being played, has ended.
    pub fn has_ended(&self) -> bool {
        self.ended
    }

    /// Starts or resumes playing; after the end, starts again from the beginning.
    pub fn play(&mut self) {
        if self.ended {
            self.film.seek(FilmTime::ZERO);
            self.ended = false;
        }
        self.film.play();
        self.paused = false;
    }

    /// Pauses at once and returns the time of the frame that stays on screen.
    pub fn pause(&mut self) -> Option<FilmTime> {
        self.film.pause();
        self.paused = true;
        self.displayed
    }

    /// Seeks to `time`; while paused, the frame there is shown.
    pub fn seek(&mut self, time: FilmTime) {
        // A flushing seek keeps the pipeline's state, so while paused it decodes just the
        // frame at `time`, which the reopened mailbox lets through.
        if self.film.seek(time) {
            self.ended = false;
        }
    }

    /// Plays from `start` to `end`, then keeps the last frame on screen.
    pub fn play_segment(&mut self, start: FilmTime, end: FilmTime) {
        if self.film.play_segment(start, end) {
            self.ended = false;
            self.paused = false;
        }
    }
}

/// Sent when a film, or the segment being played, reaches its end.
#[derive(Message, Debug, Clone)]
pub struct FilmEnded {
    /// The player entity.
    pub player: Entity,
}

/// Sent when a film fails while playing.
#[derive(Message, Debug, Clone)]
pub struct FilmFailed {
    /// The player entity.
    pub player: Entity,
    /// The error.
    pub message: String,
}

/// Marks the film quad so layout systems can find it.
#[derive(Component)]
pub struct FilmQuad;

fn plane_image(width: u32, height: u32, format: TextureFormat, fill: &[u8]) -> Image {
    let mut image = Image::new_fill(
        Extent3d {
            width,
            height,
            depth_or_array_layers: 1,
        },
        TextureDimension::D2,
        fill,
        format,
        RenderAssetUsages::MAIN_WORLD | RenderAssetUsages::RENDER_WORLD,
    );
    image.sampler = ImageSampler::linear();
    image
}

/// Spawns a player for `film`: a black quad until the first frame arrives.
pub fn spawn_film_player(
    commands: &mut Commands,
    meshes: &mut Assets<Mesh>,
    materials: &mut Assets<YuvMaterial>,
    images: &mut Assets<Image>,
    film: Film,
) -> Entity {
    let luma = images.add(plane_image(2, 2, TextureFormat::R8Unorm, &[16]));
    let chroma_u = images.add(plane_image(1, 1, TextureFormat::R8Unorm, &[128]));
    let chroma_v = images.add(plane_image(1, 1, TextureFormat::R8Unorm, &[128]));
    let material = materials.add(YuvMaterial {
        params: YuvParams {
            coefficients: Vec4::new(0.2126, 0.0722, 0.0, 0.0),
            chroma_scale: Vec4::new(1.0, 1.0, 0.0, 0.0),
        },
        luma: luma.clone(),
        chroma_u: chroma_u.clone(),
        chroma_v: chroma_v.clone(),
    });
    let player = FilmPlayer {
        film,
        planes: [luma, chroma_u, chroma_v],
        material: material.clone(),
        format: None,
        displayed: None,
        paused: true,
        ended: false,
        material_refresh: 0,
    };
    commands
        .spawn((
            player,
            FilmQuad,
            Mesh2d(meshes.add(Rectangle::new(1.0, 1.0))),
            MeshMaterial2d(material),
            Transform::default(),
        ))
        .id()
}

fn texture_format_for(layout: PlaneLayout, index: usize) -> TextureFormat {
    match (layout, index) {
        (PlaneLayout::Nv12, 1) => TextureFormat::Rg8Unorm,
        _ => TextureFormat::R8Unorm,
    }
}

/// Copies the newest frame of each player into its plane images, in place. When the frame
/// size or layout changes, new images replace the old ones: the material then waits for
/// their GPU textures instead of binding stale ones.
fn upload_latest_frames(
    mut players: Query<&mut FilmPlayer>,
    mut images: ResMut<Assets<Image>>,
    mut materials: ResMut<Assets<YuvMaterial>>,
) {
    for mut player in &mut players {
        if player.material_refresh > 0 {
            // The bind group may have been built before the new images reached the GPU;
            // marking the material changed rebuilds it once they are there.
            player.material_refresh -= 1;
            if let Some(material) = materials.get_mut(&player.material) {
                material.into_inner();
            }
        }
        let Some(frame) = player.film.take_frame() else {
            continue;
        };
        if player.format == Some(frame.format) {
            update_planes(&player.planes, &frame, &mut images);
        } else {
            debug!("film frame format is now {:?}", frame.format);
            let planes = new_planes(&frame, &mut images);
            if let Some(mut material) = materials.get_mut(&player.material) {
                material.params = YuvParams::for_format(&frame.format);
                material.luma = planes[0].clone();
                material.chroma_u = planes[1].clone();
                material.chroma_v = planes[2].clone();
            }
            for old in std::mem::replace(&mut player.planes, planes) {
                images.remove(&old);
            }
            player.format = Some(frame.format);
            player.material_refresh = MATERIAL_REFRESH_FRAMES;
        }
        trace!("showing frame at {}", frame.time);
        player.displayed = Some(frame.time);
    }
}

fn update_planes(planes: &[Handle<Image>; 3], frame: &DecodedFrame, images: &mut Assets<Image>) {
    for (index, handle) in planes.iter().enumerate().take(frame.format.plane_count()) {
        if let Some(mut image) = images.get_mut(handle) {
            let data = image.data.get_or_insert_with(Vec::new);
            frame.copy_plane_into(index, data);
        }
    }
}

fn new_planes(frame: &DecodedFrame, images: &mut Assets<Image>) -> [Handle<Image>; 3] {
    std::array::from_fn(|index| {
        if index >= frame.format.plane_count() {
            // NV12 has no third plane; the shader ignores this one.
            return images.add(plane_image(1, 1, TextureFormat::R8Unorm, &[128]));
        }
        let (width, height) = frame.format.plane_size(index);
        let format = texture_format_for(frame.format.layout, index);
        let fill = vec![0; frame.format.bytes_per_sample(index)];
        let mut image = plane_image(width, height, format, &fill);
        let data = image.data.get_or_insert_with(Vec::new);
        frame.copy_plane_into(index, data);
        images.add(image)
    })
}

/// The part of the window a film may fill, for screens where the film shares the window
/// with other content. Fractions of the window's width and height, measured from its top
/// left corner; a film without this component fills the whole window.
#[derive(Component, Clone, Copy, Debug, PartialEq)]
pub struct FilmArea {
    /// Left and top edge, as fractions of the window's width and height.
    pub min: Vec2,
    /// Right and bottom edge, as fractions of the window's width and height.
    pub max: Vec2,
}

impl FilmArea {
    /// Returns the area in logical window pixels, measured from the top left corner.
    pub fn in_window(&self, window_size: Vec2) -> Rect {
        Rect::from_corners(self.min * window_size, self.max * window_size)
    }
}

/// Scales each film quad to the largest size with the film's display aspect ratio that
/// fits its [`FilmArea`] or else the window, leaving black bars on the other sides.
fn fit_films_to_window(
    windows: Query<&Window>,
    mut players: Query<(&FilmPlayer, Option<&FilmArea>, &mut Transform)>,
) {
    let Some(window) = windows.iter().next() else {
        return;
    };
    let window_size = Vec2::new(window.width(), window.height());
    for (player, area, mut transform) in &mut players {
        let Some(format) = player.format else {
            transform.scale = Vec3::ZERO;
            continue;
        };
        let area = area
            .map(|area| area.in_window(window_size))
            .unwrap_or(Rect::from_corners(Vec2::ZERO, window_size));
        let (width, height) = format.display_size();
        let size = letterbox(Vec2::new(width as f32, height as f32), area.size());
        transform.scale = size.extend(1.0);
        // The 2D camera has its origin in the window's centre with y pointing up.
        let centre = area.center();
        transform.translation.x = centre.x - window_size.x / 2.0;
        transform.translation.y = window_size.y / 2.0 - centre.y;
    }
}

/// Returns the largest size with the aspect ratio of `film` that fits in `area`.
pub fn letterbox(film: Vec2, area: Vec2) -> Vec2 {
    if film.x <= 0.0 || film.y <= 0.0 {
        return Vec2::ZERO;
    }
    let scale = (area.x / film.x).min(area.y / film.y);
    film * scale
}

/// Turns each player's pipeline events into messages.
fn report_film_events(
    mut players: Query<(Entity, &mut FilmPlayer)>,
    mut ended: MessageWriter<FilmEnded>,
    mut failed: MessageWriter<FilmFailed>,
    settings: Option<Res<crate::Settings>>,
) {
    let language = settings
        .map(|settings| settings.language)
        .unwrap_or_default();
    for (entity, mut player) in &mut players {
        for event in player.film.poll_events() {
            match event {
                FilmEvent::Ended => {
                    info!("film {} reached its end", player.film.path().display());
                    player.ended = true;
                    ended.write(FilmEnded { player: entity });
                }
                FilmEvent::Failed(error) => {
                    error!("film {} failed: {error}", player.film.path().display());
                    player.ended = true;
                    failed.write(FilmFailed {
                        player: entity,
                        message: error.user_message(language),
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letterbox_in_wide_window() {
        let size = letterbox(Vec2::new(1280.0, 720.0), Vec2::new(1920.0, 720.0));
        assert_eq!(size, Vec2::new(1280.0, 720.0));
    }

    #[test]
    fn letterbox_in_tall_window() {
        let size = letterbox(Vec2::new(1600.0, 900.0), Vec2::new(800.0, 800.0));
        assert_eq!(size, Vec2::new(800.0, 450.0));
    }

    #[test]
    fn chroma_scale_covers_odd_widths() {
        let format = FrameFormat {
            layout: PlaneLayout::I420,
            width: 321,
            height: 241,
            pixel_aspect: (1, 1),
            matrix: ColorMatrix::Bt601,
            range: ColorRange::Limited,
        };
        let params = YuvParams::for_format(&format);
        assert!((params.chroma_scale.x - 321.0 / 322.0).abs() < 1e-6);
        assert!((params.chroma_scale.y - 241.0 / 242.0).abs() < 1e-6);
    }
}
