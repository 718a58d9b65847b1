//! Every text a learner reads in a scenario, listed with a readable field name and its
//! path in the file, so the checker can report an empty Dutch text at its place.

use super::model::{Question, Scenario};
use super::position::PathStep;
use super::text::Text;

/// A path step that owns its field name, for paths built at run time.
#[derive(Clone, Debug)]
pub(super) enum Step {
    Field(&'static str),
    Index(usize),
}

impl Step {
    pub(super) fn as_path_step(&self) -> PathStep<'static> {
        match self {
            Step::Field(name) => PathStep::Field(name),
            Step::Index(index) => PathStep::Index(*index),
        }
    }
}

/// Lists every learner-facing text with a readable field name (such as
/// `signals[1].question.choices[0].text`) and its path in the file.
pub(super) fn texts_with_paths(scenario: &Scenario) -> Vec<(String, Vec<Step>, &Text)> {
    use Step::{Field, Index};

    let mut texts: Vec<(String, Vec<Step>, &Text)> = vec![
        ("title".into(), vec![Field("title")], &scenario.title),
        (
            "introduction".into(),
            vec![Field("introduction")],
            &scenario.introduction,
        ),
    ];

    for (index, signal) in scenario.signals.iter().enumerate() {
        let name = format!("signals[{index}]");
        let base = vec![Field("signals"), Index(index)];
        texts.push((
            format!("{name}.title"),
            with(&base, &[Field("title")]),
            &signal.title,
        ));
        texts.push((
            format!("{name}.explanation"),
            with(&base, &[Field("explanation")]),
            &signal.explanation,
        ));
        push_question(
            &mut texts,
            &format!("{name}.question"),
            with(&base, &[Field("question")]),
            &signal.question,
        );
    }
    push_question(
        &mut texts,
        "generic_question",
        vec![Field("generic_question")],
        &scenario.generic_question,
    );

    texts.push((
        "decision.prompt".into(),
        vec![Field("decision"), Field("prompt")],
        &scenario.decision.prompt,
    ));
    for (index, choice) in scenario.decision.choices.iter().enumerate() {
        let name = format!("decision.choices[{index}]");
        let base = vec![Field("decision"), Field("choices"), Index(index)];
        texts.push((
            format!("{name}.text"),
            with(&base, &[Field("text")]),
            &choice.text,
        ));
        if let Some(feedback) = &choice.feedback {
            texts.push((
                format!("{name}.feedback"),
                with(&base, &[Field("feedback")]),
                feedback,
            ));
        }
    }
    for (index, rule) in scenario.feedback.iter().enumerate() {
        texts.push((
            format!("feedback[{index}].text"),
            vec![Field("feedback"), Index(index), Field("text")],
            &rule.text,
        ));
    }
    for (index, combination) in scenario.combinations.iter().enumerate() {
        let name = format!("combinations[{index}]");
        let base = vec![Field("combinations"), Index(index)];
        texts.push((
            format!("{name}.title"),
            with(&base, &[Field("title")]),
            &combination.title,
        ));
        texts.push((
            format!("{name}.explanation"),
            with(&base, &[Field("explanation")]),
            &combination.explanation,
        ));
    }
    texts
}

fn push_question<'s>(
    texts: &mut Vec<(String, Vec<Step>, &'s Text)>,
    name: &str,
    base: Vec<Step>,
    question: &'s Question,
) {
    use Step::{Field, Index};

    texts.push((
        format!("{name}.prompt"),
        with(&base, &[Field("prompt")]),
        &question.prompt,
    ));
    for (index, choice) in question.choices.iter().enumerate() {
        let choice_name = format!("{name}.choices[{index}]");
        let choice_base = with(&base, &[Field("choices"), Index(index)]);
        texts.push((
            format!("{choice_name}.text"),
            with(&choice_base, &[Field("text")]),
            &choice.text,
        ));
        if let Some(feedback) = &choice.feedback {
            texts.push((
                format!("{choice_name}.feedback"),
                with(&choice_base, &[Field("feedback")]),
                feedback,
            ));
        }
    }
}

fn with(base: &[Step], tail: &[Step]) -> Vec<Step> {
    base.iter().chain(tail).cloned().collect()
}
