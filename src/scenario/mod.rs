//! The scenario core: the format a trainer writes, loading and checking it, and judging a
//! learner's pauses, answers and decision. Pure Rust, with no window and no video.

mod check;
mod check_files;
mod check_texts;
mod guessing;
mod judge;
mod load;
mod model;
pub(crate) mod position;
mod problem;
mod report;
mod result;
mod session;
#[cfg(test)]
pub(crate) mod testing;
mod text;
mod time;

pub use check::{DurationProbe, check_scenario, is_kebab_case};
pub use guessing::{GuessingReason, detect_guessing};
pub use judge::{
    JudgeMode, PauseJudgement, PauseOrigin, PauseRecord, earliness, effective_window, judge_pause,
    judge_pauses, score_pause,
};
pub use load::{
    LoadError, LoadedScenario, ParseError, ParseErrorKind, SCENARIO_FILE, load_scenario,
    parse_scenario,
};
pub use model::{
    Audience, Choice, Combination, CountRange, Decision, DecisionChoice, Feedback,
    GuessingThresholds, Question, Scenario, ScenarioOptions, Signal, Subtitle,
};
pub use position::{PathStep, Position, SourceMap};
pub use problem::{Problem, Severity};
pub use report::{check_scenario_file, collect_problems, load_checked, load_problem, run_check};
pub use result::{
    AnswerRecord, CompletedCombination, DecisionRecord, JudgedPause, MissedSignal, PauseId,
    QuestionRef, RecognisedSignal, SessionResult,
};
pub use session::{Ask, Judge, JudgeError, PauseOutcome};
pub use text::Text;
pub use time::{FilmTime, NANOS_PER_SECOND, TimeRange};
