pub use bevy;
pub use bevy_egui;
pub use gstreamer;
