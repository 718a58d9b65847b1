//! Builds xAPI 1.0.3 statements from journal lines: the video profile's verbs for the
//! film, `answered` for questions and the decision, and `completed` with `passed` or
//! `failed` for the module. A statement's id is a UUID v5 of the session id and the
//! line's sequence number, so building it again gives the same id and a resend never
//! duplicates it in the LRS.

use serde_json::{Value, json};
use uuid::Uuid;

use crate::results::{JournalEvent, JournalLine, SessionInfo};
use crate::scenario::{FilmTime, PauseOrigin, Question, QuestionRef, SessionResult};
use crate::settings::LrsSettings;

const VIDEO_PROFILE: &str = "https://w3id.org/xapi/video";
const VIDEO_TYPE: &str = "https://w3id.org/xapi/video/activity-type/video";
const MODULE_TYPE: &str = "http://adlnet.gov/expapi/activities/module";
const INTERACTION_TYPE: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";
const TIME: &str = "https://w3id.org/xapi/video/extensions/time";
const TIME_FROM: &str = "https://w3id.org/xapi/video/extensions/time-from";
const TIME_TO: &str = "https://w3id.org/xapi/video/extensions/time-to";
const LENGTH: &str = "https://w3id.org/xapi/video/extensions/length";
const SESSION_ID: &str = "https://w3id.org/xapi/video/extensions/session-id";

/// Verbs: the ADL verbs where the video profile uses them, the profile's own otherwise.
const INITIALIZED: &str = "http://adlnet.gov/expapi/verbs/initialized";
const PLAYED: &str = "https://w3id.org/xapi/video/verbs/played";
const PAUSED: &str = "https://w3id.org/xapi/video/verbs/paused";
const SEEKED: &str = "https://w3id.org/xapi/video/verbs/seeked";
const COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
const TERMINATED: &str = "http://adlnet.gov/expapi/verbs/terminated";
const ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
const PASSED: &str = "http://adlnet.gov/expapi/verbs/passed";
const FAILED: &str = "http://adlnet.gov/expapi/verbs/failed";

/// Film time in seconds with millisecond precision, as the video profile writes it.
fn seconds(time: FilmTime) -> f64 {
    (time.as_nanos() / 1_000_000) as f64 / 1000.0
}

/// Everything needed to turn one session's journal lines into statements.
struct Builder<'a> {
    info: &'a SessionInfo,
    lrs: &'a LrsSettings,
    line: &'a JournalLine,
    statements: Vec<Value>,
}

impl Builder<'_> {
    fn base(&self) -> String {
        format!(
            "{}/scenarios/{}",
            self.lrs.activity_base.trim_end_matches('/'),
            self.info.scenario.id
        )
    }

    fn actor(&self) -> Value {
        match &self.info.learner {
            Some(learner) if learner.contains('@') => {
                json!({"objectType": "Agent", "mbox": format!("mailto:{learner}")})
            }
            Some(learner) => json!({"objectType": "Agent", "account": {
                "homePage": self.lrs.account_home_page, "name": learner}}),
            // Without an identifier, the session id stands for the learner.
            None => json!({"objectType": "Agent", "account": {
                "homePage": self.lrs.account_home_page,
                "name": self.info.session_id.to_string()}}),
        }
    }

    fn film(&self) -> Value {
        json!({
            "objectType": "Activity",
            "id": format!("{}/film", self.base()),
            "definition": {
                "type": VIDEO_TYPE,
                "name": {"nl-NL": self.info.scenario.title.nl, "en-US": self.info.scenario.title.en},
            },
        })
    }

    fn module(&self) -> Value {
        json!({
            "objectType": "Activity",
            "id": self.base(),
            "definition": {
                "type": MODULE_TYPE,
                "name": {"nl-NL": self.info.scenario.title.nl, "en-US": self.info.scenario.title.en},
            },
        })
    }

    fn question(&self, key: &str, question: &Question) -> Value {
        let choices: Vec<Value> = question
            .choices
            .iter()
            .enumerate()
            .map(|(index, choice)| {
                json!({"id": format!("choice-{index}"),
                       "description": {"nl-NL": choice.text.nl, "en-US": choice.text.en}})
            })
            .collect();
        json!({
            "objectType": "Activity",
            "id": format!("{}/questions/{key}", self.base()),
            "definition": {
                "type": INTERACTION_TYPE,
                "name": {"nl-NL": question.prompt.nl, "en-US": question.prompt.en},
                "interactionType": "choice",
                "choices": choices,
            },
        })
    }

    fn push(&mut self, verb: &str, object: Value, result: Option<Value>) {
        let index = self.statements.len();
        let id = Uuid::new_v5(
            &self.info.session_id,
            format!("{}/{index}", self.line.seq).as_bytes(),
        );
        let mut extensions = json!({ SESSION_ID: self.info.session_id.to_string() });
        if let Some(length) = self.info.film_length {
            extensions[LENGTH] = json!(seconds(length));
        }
        let display = verb.rsplit('/').next().unwrap_or(verb);
        let mut statement = json!({
            "id": id.to_string(),
            "actor": self.actor(),
            "verb": {"id": verb, "display": {"en-US": display}},
            "object": object,
            "context": {
                "registration": self.info.session_id.to_string(),
                "contextActivities": {
                    "category": [{"id": VIDEO_PROFILE, "objectType": "Activity"}],
                    "parent": [{"id": self.base(), "objectType": "Activity"}],
                },
                "extensions": extensions,
            },
            "timestamp": self.line.at.format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default(),
        });
        if let Some(result) = result {
            statement["result"] = result;
        }
        self.statements.push(statement);
    }

    fn film_time(key: &str, time: FilmTime) -> Value {
        json!({"extensions": {key: seconds(time)}})
    }

    fn answered(&mut self, question: &QuestionRef, choice: usize, success: Option<bool>) {
        let (key, asked) = match question {
            QuestionRef::Signal(id) => {
                match self
                    .info
                    .scenario
                    .signals
                    .iter()
                    .find(|signal| &signal.id == id)
                {
                    Some(signal) => (id.clone(), &signal.question),
                    None => return,
                }
            }
            QuestionRef::Generic => ("generic".to_owned(), &self.info.scenario.generic_question),
        };
        let object = self.question(&key, asked);
        let mut result = json!({"response": format!("choice-{choice}")});
        if let Some(success) = success {
            result["success"] = json!(success);
        }
        self.push(ANSWERED, object, Some(result));
    }

    fn decision(&mut self, choice_id: &str, justified: bool) {
        let decision = &self.info.scenario.decision;
        let choices: Vec<Value> = decision
            .choices
            .iter()
            .map(|choice| {
                json!({"id": choice.id, "description": {"nl-NL": choice.text.nl, "en-US": choice.text.en}})
            })
            .collect();
        let object = json!({
            "objectType": "Activity",
            "id": format!("{}/decision", self.base()),
            "definition": {
                "type": INTERACTION_TYPE,
                "name": {"nl-NL": decision.prompt.nl, "en-US": decision.prompt.en},
                "interactionType": "choice",
                "choices": choices,
            },
        });
        let result = json!({"response": choice_id, "success": justified});
        self.push(ANSWERED, object, Some(result));
    }

    fn finished(&mut self, result: &SessionResult) {
        // Judged answers: the learner saw no right or wrong during the film, so success is
        // only reported now.
        for answer in &result.answers {
            self.answered(&answer.question, answer.choice, answer.correct);
        }
        let total = self.info.scenario.signals.len();
        let recognised = result.recognised_count();
        let scaled = if total == 0 {
            1.0
        } else {
            recognised as f64 / total as f64
        };
        let passed = result.decision_justified && scaled >= self.lrs.pass_fraction;
        let score = json!({"raw": recognised, "min": 0, "max": total, "scaled": scaled});
        let module_result = json!({"score": score, "success": passed, "completion": true});
        self.push(COMPLETED, self.module(), Some(module_result.clone()));
        let verb = if passed { PASSED } else { FAILED };
        self.push(verb, self.module(), Some(module_result));
        self.push(TERMINATED, self.film(), None);
    }
}

/// Builds the statements for one journal line; most lines give one, a `Finished` line
/// several, and lines the LRS need not know (positions, resumes) none.
pub fn statements_for(info: &SessionInfo, lrs: &LrsSettings, line: &JournalLine) -> Vec<Value> {
    let mut builder = Builder {
        info,
        lrs,
        line,
        statements: Vec::new(),
    };
    match &line.event {
        JournalEvent::FilmOpened { .. } => builder.push(INITIALIZED, builder.film(), None),
        JournalEvent::Played { film_time } => {
            let result = Builder::film_time(TIME, *film_time);
            builder.push(PLAYED, builder.film(), Some(result));
        }
        JournalEvent::Paused {
            film_time, origin, ..
        } => {
            let mut result = Builder::film_time(TIME, *film_time);
            if *origin != PauseOrigin::Learner {
                result["extensions"]["https://herken.invalid/xapi/extensions/pause-origin"] =
                    json!(format!("{origin:?}"));
            }
            builder.push(PAUSED, builder.film(), Some(result));
        }
        JournalEvent::Seeked { from, to } => {
            let result = json!({"extensions": {TIME_FROM: seconds(*from), TIME_TO: seconds(*to)}});
            builder.push(SEEKED, builder.film(), Some(result));
        }
        JournalEvent::Answered {
            question, choice, ..
        } => builder.answered(question, *choice, None),
        JournalEvent::FilmEnded => {
            let result = json!({"completion": true, "extensions": {
                "https://w3id.org/xapi/video/extensions/progress": 1.0}});
            builder.push(COMPLETED, builder.film(), Some(result));
        }
        JournalEvent::Decided {
            choice_id,
            justified,
            ..
        } => builder.decision(choice_id, *justified),
        JournalEvent::Finished { result } => builder.finished(result),
        JournalEvent::Started { .. }
        | JournalEvent::Position { .. }
        | JournalEvent::Resumed { .. }
        | JournalEvent::ClipReplayed { .. }
        | JournalEvent::Discarded
        | JournalEvent::Abandoned => {}
    }
    builder.statements
}
