//! The scenario as a trainer or content designer writes it in `scenario.ron`: one film,
//! its signals, the questions, the closing decision and the feedback.

use serde::{Deserialize, Serialize};

use super::text::Text;
use super::time::{FilmTime, TimeRange};

/// One training film with its signals. See `docs/scenario-format.md` for an annotated example.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Lowercase kebab-case id, such as `baliemedewerker-inschrijving`.
    pub id: String,
    /// Title on the start screen.
    pub title: Text,
    /// Short introduction shown before the film starts.
    pub introduction: Text,
    /// The staff group the scenario trains.
    pub audience: Audience,
    /// Film file, relative to the scenario folder.
    pub film: String,
    /// WebVTT subtitle files, one per language.
    #[serde(default)]
    pub subtitles: Vec<Subtitle>,
    /// The signals the learner should notice, in any order.
    pub signals: Vec<Signal>,
    /// The question asked when a pause falls on no signal.
    pub generic_question: Question,
    /// The closing question: whether to report, and to whom.
    pub decision: Decision,
    /// General feedback, chosen by recognised count and decision.
    pub feedback: Vec<Feedback>,
    /// Signals that together make the case, explained in the feedback.
    #[serde(default)]
    pub combinations: Vec<Combination>,
    /// Timing, seeking, practice and guessing settings.
    #[serde(default)]
    pub options: ScenarioOptions,
}

/// The group of staff a scenario is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Audience {
    /// Front-desk staff (baliemedewerker) of a municipality.
    FrontDesk,
    /// Municipal inspector or enforcement officer (toezichthouder).
    Inspector,
}

/// A WebVTT subtitle file for one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subtitle {
    /// Language code, such as `nl` or `en`.
    pub language: String,
    /// WebVTT file, relative to the scenario folder.
    pub path: String,
}

/// Something in the film that points to possible trafficking.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signal {
    /// Lowercase kebab-case id, unique in the scenario.
    pub id: String,
    /// Short name shown in the feedback timeline.
    pub title: Text,
    /// Stretch of film in which a pause recognises this signal.
    pub window: TimeRange,
    /// Stretch of film replayed in the feedback; contains the window.
    pub clip: TimeRange,
    /// The reason this is a signal, shown in the feedback.
    pub explanation: Text,
    /// Follow-up question asked when the learner pauses on this signal.
    pub question: Question,
}

/// A multiple-choice question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The question itself.
    pub prompt: Text,
    /// The possible answers, in display order.
    pub choices: Vec<Choice>,
}

impl Question {
    /// Returns true when at least one choice is marked correct.
    pub fn has_correct_choice(&self) -> bool {
        self.choices.iter().any(|choice| choice.correct)
    }
}

/// One answer to a question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// The answer text.
    pub text: Text,
    /// Whether this answer is right. The generic question may have no right answer.
    #[serde(default)]
    pub correct: bool,
    /// Shown in the feedback after the film when the learner chose this answer.
    #[serde(default)]
    pub feedback: Option<Text>,
}

/// The closing question: whether to report, and to whom.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The question itself.
    pub prompt: Text,
    /// The possible decisions, in display order.
    pub choices: Vec<DecisionChoice>,
}

/// One possible decision at the end of the film.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionChoice {
    /// Lowercase kebab-case id, unique among the decision choices; stored in results.
    pub id: String,
    /// The decision as the learner reads it.
    pub text: Text,
    /// Whether this decision is justified by the signals in the film.
    pub justified: bool,
    /// Shown in the feedback when the learner chose this decision.
    #[serde(default)]
    pub feedback: Option<Text>,
}

/// A general feedback text for a range of recognised counts and one decision outcome.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    /// Numbers of recognised signals this text applies to, both ends included.
    pub recognised: CountRange,
    /// Whether this text applies to a justified or an unjustified decision.
    pub decision_justified: bool,
    /// The feedback text.
    pub text: Text,
}

impl Feedback {
    /// Returns true when this rule covers `recognised` signals and the decision outcome.
    pub fn applies(&self, recognised: usize, decision_justified: bool) -> bool {
        self.decision_justified == decision_justified && self.recognised.contains(recognised)
    }
}

/// A range of counts, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountRange {
    /// Lowest count, included.
    pub min: u32,
    /// Highest count, included.
    pub max: u32,
}

impl CountRange {
    /// Returns true when `count` lies in the range.
    pub fn contains(&self, count: usize) -> bool {
        (self.min as usize) <= count && count <= (self.max as usize)
    }
}

/// Signals that together make the case, although each alone proves little.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Combination {
    /// Ids of the signals that belong together.
    pub signals: Vec<String>,
    /// Short name of the combination.
    pub title: Text,
    /// The reason these signals together make the case.
    pub explanation: Text,
}

/// Settings with defaults, so a minimal scenario can leave them out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename = "Options")]
pub struct ScenarioOptions {
    /// Time after a window ends in which a pause still recognises its signal.
    pub reaction_grace: FilmTime,
    /// Whether the learner may seek forward on first viewing.
    pub allow_seek_forward: bool,
    /// In practice mode, how much earlier each window starts and how much later it ends.
    pub practice_widening: FilmTime,
    /// When pausing counts as guessing.
    pub guessing: GuessingThresholds,
}

impl Default for ScenarioOptions {
    fn default() -> ScenarioOptions {
        ScenarioOptions {
            reaction_grace: FilmTime::from_secs(1),
            allow_seek_forward: false,
            practice_widening: FilmTime::from_secs(2),
            guessing: GuessingThresholds::default(),
        }
    }
}

/// Thresholds for marking a session as guessing: many pauses close together (a burst), or a
/// run of pauses at a steady rhythm.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename = "Guessing")]
pub struct GuessingThresholds {
    /// More than this many learner pauses within `burst_span` count as guessing; 0 turns it off.
    pub burst_max_pauses: u32,
    /// Length of film over which `burst_max_pauses` is counted.
    pub burst_span: FilmTime,
    /// This many successive pauses at a steady rhythm count as guessing; below 3 turns it off.
    pub rhythm_pauses: u32,
    /// Maximum difference between the intervals of a rhythm, in percent of the shortest.
    pub rhythm_tolerance_percent: u32,
    /// Intervals longer than this never form a rhythm, so pausing once per evenly spaced
    /// signal is not taken for guessing.
    pub rhythm_max_interval: FilmTime,
}

impl Default for GuessingThresholds {
    fn default() -> GuessingThresholds {
        GuessingThresholds {
            burst_max_pauses: 4,
            burst_span: FilmTime::from_secs(10),
            rhythm_pauses: 5,
            rhythm_tolerance_percent: 10,
            rhythm_max_interval: FilmTime::from_secs(10),
        }
    }
}

impl Scenario {
    /// Finds a signal by id.
    pub fn signal(&self, id: &str) -> Option<&Signal> {
        self.signals.iter().find(|signal| signal.id == id)
    }

    /// Returns the first feedback rule for `recognised` signals and the decision outcome.
    pub fn feedback_for(&self, recognised: usize, decision_justified: bool) -> Option<&Feedback> {
        self.feedback
            .iter()
            .find(|rule| rule.applies(recognised, decision_justified))
    }
}
