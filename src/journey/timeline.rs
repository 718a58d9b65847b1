//! The feedback timeline, drawn by Bevy under the feedback text: the film's length as a
//! bar, each signal as a marker (recognised: a filled green disc with a tick; missed: a
//! hollow orange ring with an exclamation mark), the learner's pauses as flags and false
//! alarms as red squares. Markers grow in one after another; a click, a tap, or the arrow
//! keys and Enter open one.

use bevy::prelude::*;
use bevy::sprite::{SpritePickingMode, SpritePickingSettings};

use super::session::Session;
use super::{LearnerAction, Screen};
use crate::AppSystems;
use crate::scenario::{FilmTime, PauseJudgement, PauseOrigin};
use crate::video::FilmPlayer;

/// Fill of a recognised signal's disc.
pub(super) const RECOGNISED: Color = Color::srgb_u8(0x2e, 0xa8, 0x4a);
/// Outline and mark of a missed signal.
pub(super) const MISSED: Color = Color::srgb_u8(0xff, 0x8c, 0x1a);
/// A learner's pause that fell on a signal.
const PAUSE_FLAG: Color = Color::srgb_u8(0xdd, 0xe6, 0xf0);
/// A learner's pause that fell on no signal.
const FALSE_ALARM: Color = Color::srgb_u8(0xff, 0x5c, 0x7a);
/// The bar and the signal windows on it.
const BAR: Color = Color::srgb_u8(0x5a, 0x66, 0x72);
const WINDOW_BAND: Color = Color::srgb_u8(0x8a, 0x96, 0xa2);
/// The ring around the selected marker.
const CURSOR: Color = Color::srgb_u8(0xff, 0xd4, 0x00);

/// Left and right end of the bar, as fractions of the window's width.
const BAR_LEFT: f32 = 0.04;
const BAR_RIGHT: f32 = 0.96;
/// Height of the bar, as a fraction of the window's height from the top.
const BAR_HEIGHT: f32 = 0.87;
/// Radius of a marker in logical pixels.
const MARKER_RADIUS: f32 = 18.0;
/// Seconds between two markers appearing, and how long one takes to grow.
const APPEAR_INTERVAL: f32 = 0.25;
const APPEAR_DURATION: f32 = 0.35;

/// The marker the keyboard points at, and the one whose clip was opened.
#[derive(Resource, Default, Debug)]
pub(super) struct TimelineSelection {
    pub selected: usize,
    pub opened: Option<usize>,
}

/// Seconds since the timeline was built, for the markers' entrance.
#[derive(Resource, Default)]
struct TimelineClock(f32);

/// Something on the timeline, placed at a film time; `lift` raises it above the bar.
#[derive(Component)]
struct OnTimeline {
    time: FilmTime,
    lift: f32,
}

/// A stretch of the bar from `start` to `end`.
#[derive(Component)]
struct TimelineSpan {
    start: FilmTime,
    end: FilmTime,
}

/// A signal's marker.
#[derive(Component)]
struct SignalMarker(usize);

/// Grows in after `delay` seconds.
#[derive(Component)]
struct Appear {
    delay: f32,
}

#[derive(Component)]
struct TimelineCursor;

pub(super) fn plugin(app: &mut App) {
    // Markers are picked by their square, so a tap on the hollow ring's centre counts too.
    app.insert_resource(SpritePickingSettings {
        require_markers: false,
        picking_mode: SpritePickingMode::BoundingBox,
    });
    app.init_resource::<TimelineSelection>();
    app.init_resource::<TimelineClock>();
    app.add_systems(OnEnter(Screen::Feedback), build_timeline);
    app.add_systems(
        Update,
        (
            select_with_keys.in_set(AppSystems::Input),
            (lay_out_timeline, grow_markers, follow_selection).in_set(AppSystems::Update),
        )
            .run_if(in_state(Screen::Feedback)),
    );
}

/// Returns where a film time lies on the timeline, in logical window pixels from the top
/// left corner, `lift` pixels above the bar.
pub(crate) fn timeline_point(window: Vec2, length: FilmTime, time: FilmTime, lift: f32) -> Vec2 {
    let fraction = (time.as_secs_f64() / length.as_secs_f64().max(0.001)).clamp(0.0, 1.0) as f32;
    let x = window.x * (BAR_LEFT + (BAR_RIGHT - BAR_LEFT) * fraction);
    let y = window.y * BAR_HEIGHT - lift;
    Vec2::new(x, y)
}

/// Returns the time at which a signal's marker sits: the start of its window.
pub(super) fn marker_time(session: &Session, signal: usize) -> FilmTime {
    session
        .loaded
        .scenario
        .signals
        .get(signal)
        .map(|signal| signal.window.start)
        .unwrap_or_default()
}

fn to_world(point: Vec2, window: Vec2) -> Vec2 {
    Vec2::new(point.x - window.x / 2.0, window.y / 2.0 - point.y)
}

fn build_timeline(
    mut commands: Commands,
    session: Res<Session>,
    mut selection: ResMut<TimelineSelection>,
    mut clock: ResMut<TimelineClock>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    *selection = TimelineSelection::default();
    clock.0 = 0.0;
    let scope = DespawnOnExit(Screen::Feedback);
    let mut colour = |color: Color| materials.add(color);
    let bar = colour(BAR);
    let band = colour(WINDOW_BAND);
    let green = colour(RECOGNISED);
    let orange = colour(MISSED);
    let white = colour(Color::WHITE);
    let flag = colour(PAUSE_FLAG);
    let alarm = colour(FALSE_ALARM);
    let cursor = colour(CURSOR);
    let square = meshes.add(Rectangle::new(1.0, 1.0));
    let disc = meshes.add(Circle::new(MARKER_RADIUS));
    let ring = meshes.add(Annulus::new(MARKER_RADIUS - 4.0, MARKER_RADIUS));
    let cursor_ring = meshes.add(Annulus::new(MARKER_RADIUS + 5.0, MARKER_RADIUS + 9.0));

    commands.spawn((
        scope.clone(),
        Mesh2d(square.clone()),
        MeshMaterial2d(bar),
        TimelineSpan {
            start: FilmTime::ZERO,
            end: FilmTime(u64::MAX),
        },
        Transform::from_xyz(0.0, 0.0, 1.0),
    ));

    let Some(result) = &session.result else {
        return;
    };
    for signal in &session.loaded.scenario.signals {
        commands.spawn((
            scope.clone(),
            Mesh2d(square.clone()),
            MeshMaterial2d(band.clone()),
            TimelineSpan {
                start: signal.window.start,
                end: signal.window.end,
            },
            Transform::from_xyz(0.0, 0.0, 2.0),
        ));
    }

    for (index, signal) in session.loaded.scenario.signals.iter().enumerate() {
        let recognised = result
            .recognised
            .iter()
            .any(|found| found.signal_id == signal.id);
        let mut marker = commands.spawn((
            scope.clone(),
            SignalMarker(index),
            OnTimeline {
                time: signal.window.start,
                lift: 0.0,
            },
            Appear {
                delay: index as f32 * APPEAR_INTERVAL,
            },
            Sprite::from_color(Color::NONE, Vec2::splat(MARKER_RADIUS * 2.6)),
            Pickable::default(),
            Transform::from_xyz(0.0, 0.0, 4.0).with_scale(Vec3::ZERO),
        ));
        marker.observe(
            move |_click: On<Pointer<Click>>, mut actions: MessageWriter<LearnerAction>| {
                actions.write(LearnerAction::OpenMarker(index));
            },
        );
        marker.with_children(|parent| {
            if recognised {
                parent.spawn((Mesh2d(disc.clone()), MeshMaterial2d(green.clone())));
                // A tick from two white strokes.
                parent.spawn((
                    Mesh2d(square.clone()),
                    MeshMaterial2d(white.clone()),
                    Transform::from_xyz(-5.0, -2.0, 0.1)
                        .with_rotation(Quat::from_rotation_z(0.8))
                        .with_scale(Vec3::new(10.0, 4.0, 1.0)),
                ));
                parent.spawn((
                    Mesh2d(square.clone()),
                    MeshMaterial2d(white.clone()),
                    Transform::from_xyz(3.0, 2.0, 0.1)
                        .with_rotation(Quat::from_rotation_z(-0.9))
                        .with_scale(Vec3::new(18.0, 4.0, 1.0)),
                ));
            } else {
                parent.spawn((Mesh2d(ring.clone()), MeshMaterial2d(orange.clone())));
                // An exclamation mark: a stroke above a dot.
                parent.spawn((
                    Mesh2d(square.clone()),
                    MeshMaterial2d(orange.clone()),
                    Transform::from_xyz(0.0, 3.0, 0.1).with_scale(Vec3::new(4.0, 13.0, 1.0)),
                ));
                parent.spawn((
                    Mesh2d(square.clone()),
                    MeshMaterial2d(orange.clone()),
                    Transform::from_xyz(0.0, -8.0, 0.1).with_scale(Vec3::new(4.0, 4.0, 1.0)),
                ));
            }
            parent.spawn((
                Text2d::new((index + 1).to_string()),
                TextFont::from_font_size(18.0),
                TextColor(Color::WHITE),
                Transform::from_xyz(0.0, -MARKER_RADIUS - 14.0, 0.1),
            ));
        });
    }

    let learner_pauses = result
        .pauses
        .iter()
        .filter(|pause| pause.origin == PauseOrigin::Learner);
    for (order, pause) in learner_pauses.enumerate() {
        let false_alarm = pause.judgement == PauseJudgement::FalseAlarm;
        let (material, size, lift) = if false_alarm {
            (alarm.clone(), Vec2::new(12.0, 12.0), 44.0)
        } else {
            (flag.clone(), Vec2::new(14.0, 9.0), 46.0)
        };
        commands
            .spawn((
                scope.clone(),
                OnTimeline {
                    time: pause.time,
                    lift: 0.0,
                },
                Appear {
                    delay: order as f32 * APPEAR_INTERVAL / 2.0,
                },
                Transform::from_xyz(0.0, 0.0, 3.0).with_scale(Vec3::ZERO),
                Visibility::default(),
            ))
            .with_children(|parent| {
                parent.spawn((
                    Mesh2d(square.clone()),
                    MeshMaterial2d(material.clone()),
                    Transform::from_xyz(0.0, lift / 2.0, 0.0).with_scale(Vec3::new(3.0, lift, 1.0)),
                ));
                parent.spawn((
                    Mesh2d(square.clone()),
                    MeshMaterial2d(material.clone()),
                    Transform::from_xyz(size.x / 2.0, lift - size.y / 2.0, 0.0)
                        .with_scale(size.extend(1.0)),
                ));
            });
    }

    commands.spawn((
        scope,
        TimelineCursor,
        Mesh2d(cursor_ring),
        MeshMaterial2d(cursor),
        Transform::from_xyz(0.0, 0.0, 5.0),
        Visibility::Hidden,
    ));
}

/// Places the bar, spans and items for the current window size.
fn lay_out_timeline(
    windows: Query<&Window>,
    session: Res<Session>,
    players: Query<&FilmPlayer>,
    mut items: Query<(&OnTimeline, &mut Transform), Without<TimelineSpan>>,
    mut spans: Query<(&TimelineSpan, &mut Transform), Without<OnTimeline>>,
) {
    let Some(window) = windows.iter().next() else {
        return;
    };
    let Ok(player) = players.get(session.player) else {
        return;
    };
    let size = Vec2::new(window.width(), window.height());
    let length = session.film_length(player);
    for (item, mut transform) in &mut items {
        let point = to_world(timeline_point(size, length, item.time, item.lift), size);
        transform.translation.x = point.x;
        transform.translation.y = point.y;
    }
    for (span, mut transform) in &mut spans {
        let start = timeline_point(size, length, span.start, 0.0);
        let end = timeline_point(size, length, span.end.min(length), 0.0);
        let centre = to_world((start + end) / 2.0, size);
        let thickness = if span.start == FilmTime::ZERO {
            4.0
        } else {
            10.0
        };
        transform.translation.x = centre.x;
        transform.translation.y = centre.y;
        transform.scale = Vec3::new((end.x - start.x).max(2.0), thickness, 1.0);
    }
}

/// Grows each marker and flag in after its delay, with an ease-out.
fn grow_markers(
    time: Res<Time>,
    mut clock: ResMut<TimelineClock>,
    mut items: Query<(&Appear, &mut Transform)>,
) {
    clock.0 += time.delta_secs();
    for (appear, mut transform) in &mut items {
        let progress = ((clock.0 - appear.delay) / APPEAR_DURATION).clamp(0.0, 1.0);
        let eased = 1.0 - (1.0 - progress).powi(3);
        transform.scale = Vec3::splat(eased);
    }
}

/// Moves the selection with the arrow keys and opens it with Enter or Space.
fn select_with_keys(
    keys: Res<ButtonInput<KeyCode>>,
    session: Res<Session>,
    mut selection: ResMut<TimelineSelection>,
    mut actions: MessageWriter<LearnerAction>,
) {
    let count = session.loaded.scenario.signals.len();
    if count == 0 {
        return;
    }
    if keys.just_pressed(KeyCode::ArrowRight) {
        selection.selected = (selection.selected + 1) % count;
    } else if keys.just_pressed(KeyCode::ArrowLeft) {
        selection.selected = (selection.selected + count - 1) % count;
    } else if keys.just_pressed(KeyCode::Enter) || keys.just_pressed(KeyCode::NumpadEnter) {
        actions.write(LearnerAction::OpenMarker(selection.selected));
    }
}

/// Puts the yellow ring around the selected marker.
fn follow_selection(
    selection: Res<TimelineSelection>,
    markers: Query<(&SignalMarker, &Transform), Without<TimelineCursor>>,
    mut cursor: Query<(&mut Transform, &mut Visibility), With<TimelineCursor>>,
) {
    let Ok((mut transform, mut visibility)) = cursor.single_mut() else {
        return;
    };
    let Some((_, marker)) = markers
        .iter()
        .find(|(marker, _)| marker.0 == selection.selected)
    else {
        return;
    };
    transform.translation.x = marker.translation.x;
    transform.translation.y = marker.translation.y;
    *visibility = if marker.scale.x >= 1.0 {
        Visibility::Visible
    } else {
        Visibility::Hidden
    };
}
