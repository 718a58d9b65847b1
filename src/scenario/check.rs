//! Semantic checks of a parsed scenario: ids, texts, windows and clips, questions, the
//! decision, feedback coverage and combinations. File checks live in `check_files.rs`.

use std::collections::HashMap;
use std::path::Path;

use super::check_files::check_files;
use super::check_texts::{Step, texts_with_paths};
use super::load::LoadedScenario;
use super::model::{Question, Scenario};
use super::position::{PathStep, Position, scenario_path};
use super::problem::{Problem, ProblemSink, Severity};
use super::time::FilmTime;
use fluent_bundle::FluentArgs;

use crate::fluent_args;
use crate::i18n::Language;

/// Returns the film's duration in nanoseconds, or `None` when it cannot be read. herken
/// passes a GStreamer probe; tests pass a fixed value.
pub type DurationProbe<'a> = &'a dyn Fn(&Path) -> Option<u64>;

/// Finds every problem in a loaded scenario, sorted by file, line and column. Messages are in
/// `language`. The film is probed for its duration only when it exists inside the folder.
pub fn check_scenario(
    loaded: &LoadedScenario,
    language: Language,
    probe: DurationProbe<'_>,
) -> Vec<Problem> {
    let mut checker = Checker {
        loaded,
        sink: ProblemSink::new(loaded.file.clone(), language),
    };
    checker.check_ids();
    checker.check_texts();
    checker.check_signals();
    checker.check_overlaps();
    checker.check_generic_question();
    checker.check_decision();
    checker.check_feedback();
    checker.check_combinations();

    let film_duration = check_files(loaded, &mut checker.sink, probe);
    if let Some(duration) = film_duration {
        checker.check_film_duration(FilmTime(duration));
    }

    let mut problems = checker.sink.problems;
    problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    problems
}

pub(super) struct Checker<'a> {
    pub(super) loaded: &'a LoadedScenario,
    pub(super) sink: ProblemSink,
}

/// Returns true when `id` is lowercase kebab-case: letters `a`–`z` and digits in groups joined by
/// single hyphens.
pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

impl Checker<'_> {
    fn scenario(&self) -> &Scenario {
        &self.loaded.scenario
    }

    fn at(&self, path: &[PathStep<'_>]) -> Position {
        self.loaded.position(path)
    }

    fn check_ids(&mut self) {
        let loaded = self.loaded;
        let scenario = &loaded.scenario;
        let mut ids: Vec<(String, Position)> = Vec::new();
        ids.push((scenario.id.clone(), self.at(scenario_path!["id"])));
        for (index, signal) in scenario.signals.iter().enumerate() {
            ids.push((
                signal.id.clone(),
                self.at(scenario_path!["signals", index, "id"]),
            ));
        }
        for (index, choice) in scenario.decision.choices.iter().enumerate() {
            let path = scenario_path!["decision", "choices", index, "id"];
            ids.push((choice.id.clone(), self.at(path)));
        }
        for (id, position) in ids {
            if !is_kebab_case(&id) {
                self.sink.push(
                    position,
                    Severity::Error,
                    "id-format",
                    &fluent_args!["id" => id],
                );
            }
        }

        let signal_ids = scenario.signals.iter().map(|signal| signal.id.as_str());
        self.report_duplicates(signal_ids, "signals", None, "duplicate-signal-id");
        let decision_ids = scenario
            .decision
            .choices
            .iter()
            .map(|choice| choice.id.as_str());
        self.report_duplicates(
            decision_ids,
            "choices",
            Some("decision"),
            "duplicate-decision-id",
        );
    }

    /// Reports each id that repeats an earlier one, at the repeat, naming the first line.
    fn report_duplicates<'s>(
        &mut self,
        ids: impl Iterator<Item = &'s str>,
        list: &str,
        parent: Option<&str>,
        code: &str,
    ) {
        let mut first_lines: HashMap<&str, usize> = HashMap::new();
        for (index, id) in ids.enumerate() {
            let position = match parent {
                Some(parent) => self.at(scenario_path![parent, list, index, "id"]),
                None => self.at(scenario_path![list, index, "id"]),
            };
            match first_lines.get(id) {
                Some(line) => {
                    let args = fluent_args!["id" => id.to_owned(), "line" => *line];
                    self.sink.push(position, Severity::Error, code, &args);
                }
                None => {
                    first_lines.insert(id, position.line);
                }
            }
        }
    }

    fn check_texts(&mut self) {
        let loaded = self.loaded;
        for (field, path, text) in texts_with_paths(&loaded.scenario) {
            if text.dutch_is_empty() {
                let mut steps: Vec<PathStep<'_>> = path.iter().map(Step::as_path_step).collect();
                steps.push(PathStep::Field("nl"));
                let position = self.at(&steps);
                let args = fluent_args!["field" => field];
                self.sink
                    .push(position, Severity::Error, "dutch-text-missing", &args);
            }
        }
    }

    fn check_signals(&mut self) {
        let loaded = self.loaded;
        let scenario = &loaded.scenario;
        if scenario.signals.is_empty() {
            let position = self.at(scenario_path!["signals"]);
            self.sink
                .push(position, Severity::Error, "no-signals", &FluentArgs::new());
        }

        for (index, signal) in scenario.signals.iter().enumerate() {
            let window = signal.window;
            let clip = signal.clip;
            let window_ordered = window.start < window.end;
            let clip_ordered = clip.start < clip.end;

            if !window_ordered {
                let position = self.at(scenario_path!["signals", index, "window"]);
                let args = order_args(&signal.id, window.start, window.end);
                self.sink
                    .push(position, Severity::Error, "window-order", &args);
            }
            if !clip_ordered {
                let position = self.at(scenario_path!["signals", index, "clip"]);
                let args = order_args(&signal.id, clip.start, clip.end);
                self.sink
                    .push(position, Severity::Error, "clip-order", &args);
            }
            if window_ordered && clip_ordered && !clip.contains_range(&window) {
                let position = self.at(scenario_path!["signals", index, "clip"]);
                let args = fluent_args![
                    "id" => signal.id.clone(),
                    "clip-start" => clip.start.to_string(),
                    "clip-end" => clip.end.to_string(),
                    "window-start" => window.start.to_string(),
                    "window-end" => window.end.to_string(),
                ];
                self.sink
                    .push(position, Severity::Error, "clip-outside-window", &args);
            }

            self.check_signal_question(index, &signal.id, &signal.question);
        }
    }

    fn check_signal_question(&mut self, index: usize, id: &str, question: &Question) {
        let position = self.at(scenario_path!["signals", index, "question", "choices"]);
        if question.choices.len() < 2 {
            let args = fluent_args!["id" => id.to_owned(), "count" => question.choices.len()];
            self.sink
                .push(position, Severity::Error, "question-too-few-choices", &args);
        }
        if !question.choices.is_empty() && !question.has_correct_choice() {
            let args = fluent_args!["id" => id.to_owned()];
            self.sink
                .push(position, Severity::Error, "question-no-correct", &args);
        }
    }

    /// Warns about each pair of overlapping windows, at the later signal's window.
    fn check_overlaps(&mut self) {
        let loaded = self.loaded;
        let signals = &loaded.scenario.signals;
        for (second_index, second) in signals.iter().enumerate() {
            for first in &signals[..second_index] {
                let (a, b) = (first.window, second.window);
                if a.start >= a.end || b.start >= b.end || !a.overlaps(&b) {
                    continue;
                }
                let position = self.at(scenario_path!["signals", second_index, "window"]);
                let args = fluent_args![
                    "first" => first.id.clone(),
                    "second" => second.id.clone(),
                    "from" => a.start.max(b.start).to_string(),
                    "to" => a.end.min(b.end).to_string(),
                ];
                self.sink
                    .push(position, Severity::Warning, "window-overlap", &args);
            }
        }
    }

    fn check_generic_question(&mut self) {
        let count = self.scenario().generic_question.choices.len();
        if count < 2 {
            let position = self.at(scenario_path!["generic_question", "choices"]);
            let args = fluent_args!["count" => count];
            self.sink
                .push(position, Severity::Error, "generic-too-few-choices", &args);
        }
    }

    fn check_decision(&mut self) {
        let decision = &self.loaded.scenario.decision;
        let position = self.at(scenario_path!["decision", "choices"]);
        if decision.choices.len() < 2 {
            let args = fluent_args!["count" => decision.choices.len()];
            self.sink
                .push(position, Severity::Error, "decision-too-few-choices", &args);
        }
        if !decision.choices.is_empty() && !decision.choices.iter().any(|choice| choice.justified) {
            self.sink.push(
                position,
                Severity::Error,
                "decision-none-justified",
                &FluentArgs::new(),
            );
        }
    }

    /// Checks that the rules cover every count 0..=N for both decision outcomes, and
    /// reports each uncovered run of counts once per outcome.
    fn check_feedback(&mut self) {
        let loaded = self.loaded;
        let scenario = &loaded.scenario;
        for (index, rule) in scenario.feedback.iter().enumerate() {
            if rule.recognised.min > rule.recognised.max {
                let position = self.at(scenario_path!["feedback", index, "recognised"]);
                let args = fluent_args![
                    "min" => rule.recognised.min,
                    "max" => rule.recognised.max,
                ];
                self.sink
                    .push(position, Severity::Error, "feedback-range-order", &args);
            }
        }

        let position = self.at(scenario_path!["feedback"]);
        let signal_count = scenario.signals.len();
        for justified in [false, true] {
            let uncovered: Vec<usize> = (0..=signal_count)
                .filter(|count| scenario.feedback_for(*count, justified).is_none())
                .collect();
            for (min, max) in runs(&uncovered) {
                let args = fluent_args![
                    "min" => min,
                    "max" => max,
                    "single" => if min == max { "yes" } else { "no" },
                    "justified" => if justified { "true" } else { "false" },
                ];
                self.sink
                    .push(position, Severity::Error, "feedback-gap", &args);
            }
        }
    }

    fn check_combinations(&mut self) {
        let loaded = self.loaded;
        let scenario = &loaded.scenario;
        let mut known: Vec<String> = Vec::new();
        for signal in &scenario.signals {
            let quoted = format!("'{}'", signal.id);
            if !known.contains(&quoted) {
                known.push(quoted);
            }
        }
        let known = known.join(", ");
        for (index, combination) in scenario.combinations.iter().enumerate() {
            let number = index + 1;
            if combination.signals.len() < 2 {
                let position = self.at(scenario_path!["combinations", index, "signals"]);
                let args = fluent_args!["number" => number, "count" => combination.signals.len()];
                self.sink.push(
                    position,
                    Severity::Warning,
                    "combination-too-few-signals",
                    &args,
                );
            }
            for (item, id) in combination.signals.iter().enumerate() {
                if scenario.signal(id).is_none() {
                    let position = self.at(scenario_path!["combinations", index, "signals", item]);
                    let args = fluent_args![
                        "number" => number,
                        "id" => id.clone(),
                        "known" => known.clone(),
                    ];
                    self.sink.push(
                        position,
                        Severity::Error,
                        "combination-unknown-signal",
                        &args,
                    );
                }
            }
        }
    }

    /// Reports windows that end after the film (errors) and clips that do (warnings).
    fn check_film_duration(&mut self, duration: FilmTime) {
        let loaded = self.loaded;
        for (index, signal) in loaded.scenario.signals.iter().enumerate() {
            if signal.window.end > duration {
                let position = self.at(scenario_path!["signals", index, "window", "end"]);
                let args = past_film_args(&signal.id, signal.window.end, duration);
                self.sink
                    .push(position, Severity::Error, "window-past-film", &args);
            } else if signal.clip.end > duration {
                let position = self.at(scenario_path!["signals", index, "clip", "end"]);
                let args = past_film_args(&signal.id, signal.clip.end, duration);
                self.sink
                    .push(position, Severity::Warning, "clip-past-film", &args);
            }
        }
    }
}

fn order_args(id: &str, start: FilmTime, end: FilmTime) -> FluentArgs<'static> {
    fluent_args![
        "id" => id.to_owned(),
        "start" => start.to_string(),
        "end" => end.to_string(),
        "equal" => if start == end { "yes" } else { "no" },
    ]
}

fn past_film_args(id: &str, end: FilmTime, duration: FilmTime) -> FluentArgs<'static> {
    fluent_args![
        "id" => id.to_owned(),
        "end" => end.to_string(),
        "duration" => duration.to_string(),
    ]
}

/// Groups sorted numbers into runs of consecutive values, as `(first, last)` pairs.
fn runs(numbers: &[usize]) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &number in numbers {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == number => *last = number,
            _ => runs.push((number, number)),
        }
    }
    runs
}
