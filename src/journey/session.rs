//! The scenario a learner is working through: its film on screen, the judge that records
//! pauses, answers and the decision, its subtitles, and the question that is open.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use std::path::PathBuf;
use std::sync::Arc;

use uuid::Uuid;

use super::Screen;
use super::subtitles::{Cue, parse_webvtt};
use crate::i18n::Language;
use crate::results::{Learner, Restored, ResumedFrom, SessionEvent, SessionInfo};
use crate::scenario::{Ask, FilmTime, Judge, LoadedScenario, PauseId, SessionResult};
use crate::video::{Film, FilmOptions, FilmPlayer, YuvMaterial, spawn_film_player};

/// The scenario being worked through; it exists from the introduction to the last screen.
#[derive(Resource)]
pub(crate) struct Session {
    pub loaded: LoadedScenario,
    pub judge: Judge,
    /// The entity with the [`FilmPlayer`].
    pub player: Entity,
    /// Subtitle cues per language code.
    pub subtitles: Vec<(String, Vec<Cue>)>,
    /// The follow-up question waiting for an answer, over the frozen frame.
    pub question: Option<OpenQuestion>,
    /// The window lost focus and the film was paused for that, not by the learner.
    pub paused_by_focus: bool,
    /// The result, once the decision is made.
    pub result: Option<SessionResult>,
    /// The film time to start from: 0, or the place a resumed session stopped.
    pub start_at: FilmTime,
    /// The film time last written to the journal as a position.
    pub last_position: FilmTime,
}

/// A pause the learner made whose question is on screen.
#[derive(Clone, Copy, Debug)]
pub(crate) struct OpenQuestion {
    pub pause: PauseId,
    pub ask: Ask,
}

impl Session {
    /// Returns the film's duration, or the end of the last signal's clip when the film
    /// does not state one.
    pub fn film_length(&self, player: &FilmPlayer) -> FilmTime {
        player.film().duration().unwrap_or_else(|| {
            self.loaded
                .scenario
                .signals
                .iter()
                .map(|signal| signal.clip.end)
                .max()
                .unwrap_or(FilmTime::from_secs(1))
        })
    }

    /// Returns the subtitle cues in `code`, if the scenario has them.
    pub fn cues(&self, code: &str) -> Option<&[Cue]> {
        self.subtitles
            .iter()
            .find(|(language, _)| language == code)
            .map(|(_, cues)| cues.as_slice())
    }
}

/// The resources needed to open a scenario's film and put it on screen.
#[derive(SystemParam)]
pub(super) struct SessionStarter<'w, 's> {
    commands: Commands<'w, 's>,
    meshes: ResMut<'w, Assets<Mesh>>,
    materials: ResMut<'w, Assets<YuvMaterial>>,
    images: ResMut<'w, Assets<Image>>,
    learner: Res<'w, Learner>,
    events: MessageWriter<'w, SessionEvent>,
}

impl SessionStarter<'_, '_> {
    /// Opens the film of `loaded`, spawns its player (paused) and stores a new session.
    /// Returns the film error in `language` when the film cannot be opened.
    pub fn begin(&mut self, loaded: LoadedScenario, language: Language) -> Result<(), String> {
        let learner = self.learner.0.clone();
        self.begin_as(loaded, language, learner)
    }

    /// Like [`Self::begin`], for the learner with this identifier.
    pub fn begin_as(
        &mut self,
        loaded: LoadedScenario,
        language: Language,
        learner: Option<String>,
    ) -> Result<(), String> {
        let judge = Judge::new(&loaded.scenario);
        let session = self.open(loaded, language, Uuid::new_v4(), judge, learner, None)?;
        self.commands.insert_resource(session);
        Ok(())
    }

    /// Opens the film of `loaded` for a session restored from the journal at `journal`;
    /// the film goes on where the journal stopped, with an unanswered question open again.
    pub fn resume(
        &mut self,
        loaded: LoadedScenario,
        language: Language,
        restored: Restored,
        journal: PathBuf,
    ) -> Result<(), String> {
        for problem in &restored.problems {
            warn!("resuming session {}: {problem}", restored.session_id);
        }
        let from = ResumedFrom {
            journal,
            position: restored.position,
        };
        let question = restored
            .open_question
            .map(|(pause, ask)| OpenQuestion { pause, ask });
        let mut session = self.open(
            loaded,
            language,
            restored.session_id,
            restored.judge,
            restored.learner,
            Some(from),
        )?;
        session.question = question;
        self.commands.insert_resource(session);
        info!(
            "session {} resumed at {}",
            restored.session_id, restored.position
        );
        Ok(())
    }

    fn open(
        &mut self,
        loaded: LoadedScenario,
        language: Language,
        id: Uuid,
        judge: Judge,
        learner: Option<String>,
        resumed: Option<ResumedFrom>,
    ) -> Result<Session, String> {
        let film = Film::open(&loaded.film_path(), FilmOptions::watching()).map_err(|error| {
            error!("{error}");
            error.user_message(language)
        })?;
        info!(
            "scenario {} started with film {}",
            loaded.scenario.id,
            loaded.film_path().display()
        );
        let film_length = film.duration();
        let player = spawn_film_player(
            &mut self.commands,
            &mut self.meshes,
            &mut self.materials,
            &mut self.images,
            film,
        );
        let start_at = resumed
            .as_ref()
            .map_or(FilmTime::ZERO, |from| from.position);
        self.events.write(SessionEvent::Opened {
            info: Arc::new(SessionInfo {
                session_id: id,
                scenario: loaded.scenario.clone(),
                mode: judge.mode(),
                film_length,
                learner,
            }),
            resumed,
        });
        let subtitles = read_subtitles(&loaded);
        Ok(Session {
            loaded,
            judge,
            player,
            subtitles,
            question: None,
            paused_by_focus: false,
            result: None,
            start_at,
            last_position: start_at,
        })
    }
}

/// Reads each subtitle file; one that cannot be read is left out with a warning, since
/// the film can be followed without it.
fn read_subtitles(loaded: &LoadedScenario) -> Vec<(String, Vec<Cue>)> {
    loaded
        .subtitle_paths()
        .into_iter()
        .filter_map(|(code, path)| match std::fs::read_to_string(&path) {
            Ok(text) => Some((code, parse_webvtt(&text))),
            Err(error) => {
                warn!("subtitles {} not shown: {error}", path.display());
                None
            }
        })
        .collect()
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Start), end_session);
}

/// Closes the film of the previous session when the learner is back at the start.
fn end_session(mut commands: Commands, session: Option<Res<Session>>) {
    if let Some(session) = session {
        commands.entity(session.player).despawn();
        commands.remove_resource::<Session>();
    }
}
