//! The learner's journey: choose a scenario, read the introduction and practise, watch the
//! film and answer at each pause, decide whether to report, study the feedback timeline,
//! and learn how to act. Each screen is a [`Screen`] state with its own file.

mod catalog;
mod decision;
mod feedback;
mod how_to_act;
mod input;
mod introduction;
mod question;
mod recording_banner;
mod resume_offer;
mod script;
mod session;
mod start;
mod style;
mod subtitles;
mod timeline;
mod watching;

use std::path::{Path, PathBuf};

use bevy::core_pipeline::tonemapping::Tonemapping;
use bevy::prelude::*;

pub(crate) use catalog::Catalog;
pub use script::{RunScript, ScriptError, ScriptStep, parse_script};
pub(crate) use session::Session;
pub use start::LearnerPrompt;
pub use subtitles::{Cue, cue_at, parse_webvtt};
pub(crate) use timeline::timeline_point;

/// The screens of the journey, in the order a learner meets them.
#[derive(States, Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Screen {
    /// Language, audience and scenario.
    #[default]
    Start,
    /// What trafficking is, why the learner matters, and a practice pause.
    Introduction,
    /// The film, with a follow-up question at each pause.
    Watching,
    /// "Would you report this?" after the film.
    Decision,
    /// General feedback and the timeline of signals with clip replays.
    Feedback,
    /// Reporting routes, what to do with a suspicion, and the learning goals.
    HowToAct,
}

/// Something the learner does, from a key, a click, a touch or a script. The screen that is
/// open applies it; the others ignore it.
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub enum LearnerAction {
    /// Pause the film because the learner noticed something.
    PauseFilm,
    /// Choose this answer to the open follow-up question.
    Answer(usize),
    /// Choose this decision after the film.
    Decide(usize),
    /// Replay the clip of this signal and show its explanation.
    OpenMarker(usize),
}

/// Choices the learner makes on the start screen that hold for the whole module.
#[derive(Resource, Clone, Debug)]
pub struct Preferences {
    /// Show subtitles under the film.
    pub subtitles: bool,
    /// Pause with single keys (Space, Enter, K, Page Down, B, period). Off, the pause
    /// button and a click on the picture still work.
    pub single_key_shortcuts: bool,
}

impl Default for Preferences {
    fn default() -> Preferences {
        Preferences {
            subtitles: true,
            single_key_shortcuts: true,
        }
    }
}

/// The journey's scenarios folder, and the script that drives it in `herken run`.
pub struct JourneyOptions {
    /// The folder whose subfolders each hold a `scenario.ron`.
    pub scenarios_folder: PathBuf,
    /// A scripted run: it opens its scenario's film at once and quits when done.
    pub script: Option<RunScript>,
}

/// Returns the bundled `scenarios/` folder of the source tree.
pub fn bundled_scenarios_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")
}

/// Adds the journey's screens to an app that has [`crate::AppPlugin`].
pub fn add_journey(app: &mut App, options: JourneyOptions) {
    app.init_state::<Screen>();
    app.add_message::<LearnerAction>();
    // The results plugin reads these; they are registered here too so the journey also
    // runs without it.
    app.add_message::<crate::results::SessionEvent>();
    app.init_resource::<crate::results::Learner>();
    app.init_resource::<Preferences>();
    app.insert_resource(catalog::CatalogFolder(options.scenarios_folder));
    app.add_systems(Startup, spawn_camera);
    app.add_plugins((
        style::plugin,
        input::plugin,
        session::plugin,
        start::plugin,
        resume_offer::plugin,
        recording_banner::plugin,
        introduction::plugin,
        watching::plugin,
        question::plugin,
        decision::plugin,
        feedback::plugin,
        timeline::plugin,
        how_to_act::plugin,
    ));
    if let Some(script) = options.script {
        script::add_script(app, script);
    } else {
        app.add_plugins(catalog::plugin);
    }
}

fn spawn_camera(mut commands: Commands) {
    // Exact film colours: no tonemapping, no multisampling, and black letterbox bars.
    commands.spawn((Camera2d, Tonemapping::None, Msaa::Off));
    commands.insert_resource(ClearColor(Color::BLACK));
}

/// Present while a script drives the app, so behaviour meant for a person (pausing when
/// the window loses focus) stays off.
#[derive(Resource)]
pub(super) struct Scripted;
