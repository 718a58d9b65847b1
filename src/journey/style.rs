//! The journey's colours, text sizes and widgets. Text is white or near-white on dark
//! fills (contrast 12:1 or more), focus is a thick yellow outline, and the whole interface
//! scales with the window's height so it stays readable on a projector.

use bevy::prelude::*;
use bevy_egui::egui::{self, Color32, CornerRadius, Margin, Stroke};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

/// The window height at which the interface has zoom factor [`BASE_ZOOM`].
const REFERENCE_HEIGHT: f32 = 720.0;
/// Zoom at the reference height: larger than egui's default so a room can read it.
const BASE_ZOOM: f32 = 1.4;

/// Dark panels behind text.
pub(super) const PANEL: Color32 = Color32::from_rgb(0x1b, 0x1f, 0x24);
/// The follow-up question's panel over the frozen frame.
pub(super) const QUESTION_PANEL: Color32 = Color32::from_rgb(0x12, 0x32, 0x5a);
/// Text on dark fills.
pub(super) const TEXT: Color32 = Color32::from_rgb(0xff, 0xff, 0xff);
/// Buttons at rest.
const BUTTON: Color32 = Color32::from_rgb(0x33, 0x40, 0x4d);
/// Buttons under the pointer or pressed.
const BUTTON_ACTIVE: Color32 = Color32::from_rgb(0x22, 0x5d, 0x9c);
/// Keyboard focus and the selected timeline marker.
pub(super) const FOCUS: Color32 = Color32::from_rgb(0xff, 0xd4, 0x00);
/// Headings and the right answer.
pub(super) const GOOD: Color32 = Color32::from_rgb(0x7d, 0xe0, 0x8f);
/// Warnings and missed signals.
pub(super) const WARN: Color32 = Color32::from_rgb(0xff, 0xb0, 0x5c);

/// The smallest size of a button, in points, so it is easy to hit on a touch screen.
pub(super) const TOUCH_TARGET: f32 = 44.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, apply_style);
}

fn apply_style(
    mut contexts: EguiContexts,
    windows: Query<&Window>,
    text_scale: Option<Res<crate::modes::TextScale>>,
    mut styled: Local<bool>,
) -> Result {
    let context = contexts.ctx_mut()?;
    if let Some(window) = windows.iter().next() {
        // The classroom mode enlarges everything for reading from the back of a room.
        let scale = text_scale.map_or(1.0, |scale| scale.0);
        let zoom = (window.height() / REFERENCE_HEIGHT * BASE_ZOOM * scale).clamp(0.8, 4.0);
        if (context.zoom_factor() - zoom).abs() > 0.01 {
            context.set_zoom_factor(zoom);
        }
    }
    if !*styled {
        context.all_styles_mut(|style| *style = journey_style());
        *styled = true;
    }
    Ok(())
}

fn journey_style() -> egui::Style {
    let mut style = egui::Style {
        visuals: egui::Visuals::dark(),
        ..Default::default()
    };
    let visuals = &mut style.visuals;
    visuals.override_text_color = Some(TEXT);
    visuals.panel_fill = PANEL;
    visuals.window_fill = PANEL;
    visuals.extreme_bg_color = Color32::from_rgb(0x0d, 0x10, 0x13);
    visuals.selection.bg_fill = BUTTON_ACTIVE;
    visuals.selection.stroke = Stroke::new(2.0, TEXT);
    visuals.widgets.inactive.weak_bg_fill = BUTTON;
    visuals.widgets.inactive.bg_fill = BUTTON;
    visuals.widgets.inactive.bg_stroke = Stroke::new(1.0, Color32::from_gray(0x90));
    visuals.widgets.hovered.weak_bg_fill = BUTTON_ACTIVE;
    visuals.widgets.hovered.bg_fill = BUTTON_ACTIVE;
    visuals.widgets.hovered.bg_stroke = Stroke::new(2.0, TEXT);
    // egui draws a focused widget with the `active` visuals, so this is the focus ring.
    visuals.widgets.active.weak_bg_fill = BUTTON_ACTIVE;
    visuals.widgets.active.bg_fill = BUTTON_ACTIVE;
    visuals.widgets.active.bg_stroke = Stroke::new(3.0, FOCUS);
    style.spacing.button_padding = egui::vec2(12.0, 8.0);
    style.spacing.item_spacing = egui::vec2(10.0, 10.0);
    style.spacing.interact_size.y = TOUCH_TARGET;
    style
}

/// Returns a frame for a screen's text: dark fill, rounded corners and room around the text.
pub(super) fn panel_frame(fill: Color32) -> egui::Frame {
    egui::Frame::new()
        .fill(fill)
        .corner_radius(CornerRadius::same(8))
        .inner_margin(Margin::same(16))
}

/// Adds a button at least [`TOUCH_TARGET`] high that fills the width it is given.
pub(super) fn wide_button(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) -> egui::Response {
    let width = ui.available_width();
    let response = ui.add(egui::Button::new(text).min_size(egui::vec2(width, TOUCH_TARGET)));
    reveal_when_focused(ui, &response);
    response
}

/// Adds a button at least [`TOUCH_TARGET`] square.
pub(super) fn button(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) -> egui::Response {
    let response = ui.add(egui::Button::new(text).min_size(egui::vec2(TOUCH_TARGET, TOUCH_TARGET)));
    reveal_when_focused(ui, &response);
    response
}

/// Scrolls a widget that just got keyboard focus into view, so the focus ring of a
/// button below the fold of a long screen is visible.
fn reveal_when_focused(ui: &egui::Ui, response: &egui::Response) {
    if response.gained_focus() {
        ui.scroll_to_rect(response.rect, None);
    }
}

/// Adds a heading in a larger size.
pub(super) fn heading(ui: &mut egui::Ui, text: impl Into<String>) {
    ui.label(egui::RichText::new(text).size(24.0).strong());
}

/// Shows a screen that fills the whole window on a dark fill.
pub(super) fn full_screen(
    context: &egui::Context,
    id: &str,
    add_contents: impl FnOnce(&mut egui::Ui),
) {
    let screen = context.content_rect();
    egui::Area::new(egui::Id::new(id))
        .fixed_pos(screen.min)
        .show(context, |ui| {
            panel_frame(PANEL).show(ui, |ui| {
                ui.set_width(screen.width() - 32.0);
                ui.set_height(screen.height() - 32.0);
                egui::ScrollArea::vertical().show(ui, add_contents);
            });
        });
}
