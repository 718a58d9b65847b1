//! Small scenarios built in code for the unit tests of the judging rules.

use super::model::{
    Audience, Choice, Combination, CountRange, Decision, DecisionChoice, Feedback, Question,
    Scenario, ScenarioOptions, Signal,
};
use super::text::Text;
use super::time::{FilmTime, TimeRange};

pub(crate) fn seconds(value: f64) -> FilmTime {
    FilmTime::from_secs_f64(value).expect("test times are valid")
}

fn question(correct: &[bool]) -> Question {
    Question {
        prompt: Text::dutch("Wat zag je?"),
        choices: correct
            .iter()
            .enumerate()
            .map(|(index, correct)| Choice {
                text: Text::dutch(format!("antwoord {index}")),
                correct: *correct,
                feedback: None,
            })
            .collect(),
    }
}

/// Builds a scenario with one signal per window (in seconds), named `signal-0`, `signal-1`
/// and so on. Each signal question has a right first choice, the generic question has no
/// right choice, the reaction grace is 1 s, and there is one feedback rule per count and
/// decision outcome.
pub(crate) fn scenario_with_windows(windows: &[(f64, f64)]) -> Scenario {
    let signals: Vec<Signal> = windows
        .iter()
        .enumerate()
        .map(|(index, (start, end))| Signal {
            id: format!("signal-{index}"),
            title: Text::dutch(format!("signaal {index}")),
            window: TimeRange::new(seconds(*start), seconds(*end)),
            clip: TimeRange::new(seconds(*start), seconds(*end)),
            explanation: Text::dutch("uitleg"),
            question: question(&[true, false]),
        })
        .collect();

    let mut feedback = Vec::new();
    for count in 0..=signals.len() as u32 {
        for justified in [false, true] {
            feedback.push(Feedback {
                recognised: CountRange {
                    min: count,
                    max: count,
                },
                decision_justified: justified,
                text: Text::dutch(format!("{count} herkend, gerechtvaardigd: {justified}")),
            });
        }
    }

    Scenario {
        id: "test".to_owned(),
        title: Text::dutch("Test"),
        introduction: Text::dutch("Test"),
        audience: Audience::FrontDesk,
        film: "film.webm".to_owned(),
        subtitles: Vec::new(),
        generic_question: question(&[false, false, false]),
        decision: Decision {
            prompt: Text::dutch("Wat doe je?"),
            choices: vec![
                DecisionChoice {
                    id: "report".to_owned(),
                    text: Text::dutch("Melden"),
                    justified: true,
                    feedback: None,
                },
                DecisionChoice {
                    id: "nothing".to_owned(),
                    text: Text::dutch("Niets"),
                    justified: false,
                    feedback: None,
                },
            ],
        },
        feedback,
        combinations: vec![Combination {
            signals: signals
                .iter()
                .take(2)
                .map(|signal| signal.id.clone())
                .collect(),
            title: Text::dutch("Samen"),
            explanation: Text::dutch("Samen tellen ze op"),
        }],
        signals,
        options: ScenarioOptions::default(),
    }
}
