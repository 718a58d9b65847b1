//! Trainer exports: one row per finished session as CSV or JSON, and per scenario how
//! many learners recognised each signal.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use super::store::SessionSummary;
use crate::fluent_args;
use crate::i18n::{Language, tr, tr_args};

/// One finished session in an export. Lists of ids are joined with `;` in CSV.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExportRow {
    /// The session's random id.
    pub session_id: String,
    /// The scenario's id.
    pub scenario: String,
    /// When the session began, RFC 3339 in UTC.
    pub date: String,
    /// Time spent in the session, in whole seconds.
    pub duration_seconds: u64,
    /// Ids of the recognised signals.
    pub recognised: Vec<String>,
    /// Ids of the missed signals.
    pub missed: Vec<String>,
    /// Learner pauses that fell on no signal.
    pub false_alarms: usize,
    /// Sum of the earliness points, 5 (early) to 1 (late) per recognised signal.
    pub earliness: u32,
    /// The highest possible earliness sum.
    pub earliness_max: u32,
    /// Id of the decision, empty without one.
    pub decision: String,
    /// Whether the decision was justified.
    pub decision_justified: bool,
    /// The learner's identifier, empty unless the settings ask for one.
    pub learner: String,
}

impl ExportRow {
    /// Builds the row of one summary.
    pub fn from_summary(summary: &SessionSummary) -> ExportRow {
        let result = &summary.result;
        ExportRow {
            session_id: summary.session_id.to_string(),
            scenario: summary.scenario_id.clone(),
            date: summary
                .started_at
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default(),
            duration_seconds: summary.active_seconds.round() as u64,
            recognised: result
                .recognised
                .iter()
                .map(|signal| signal.signal_id.clone())
                .collect(),
            missed: result
                .missed
                .iter()
                .map(|signal| signal.signal_id.clone())
                .collect(),
            false_alarms: result.false_alarms.len(),
            earliness: result.earliness_total,
            earliness_max: result.earliness_max,
            decision: result
                .decision
                .as_ref()
                .map(|decision| decision.choice_id.clone())
                .unwrap_or_default(),
            decision_justified: result.decision_justified,
            learner: summary.learner.clone().unwrap_or_default(),
        }
    }
}

/// Writes the rows as CSV with a header line.
pub fn write_csv(rows: &[ExportRow], out: impl Write) -> Result<(), csv::Error> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record([
        "session_id",
        "scenario",
        "date",
        "duration_seconds",
        "recognised",
        "missed",
        "false_alarms",
        "earliness",
        "earliness_max",
        "decision",
        "decision_justified",
        "learner",
    ])?;
    for row in rows {
        writer.write_record([
            row.session_id.clone(),
            row.scenario.clone(),
            row.date.clone(),
            row.duration_seconds.to_string(),
            row.recognised.join(";"),
            row.missed.join(";"),
            row.false_alarms.to_string(),
            row.earliness.to_string(),
            row.earliness_max.to_string(),
            row.decision.clone(),
            row.decision_justified.to_string(),
            row.learner.clone(),
        ])?;
    }
    writer.flush()?;
    Ok(())
}

/// How many sessions of one scenario recognised each signal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioTally {
    /// The scenario's id.
    pub scenario: String,
    /// Finished sessions.
    pub sessions: usize,
    /// Sessions with a justified decision.
    pub justified: usize,
    /// Each signal's id with the number of sessions that recognised it, least often
    /// recognised first.
    pub signals: Vec<(String, usize)>,
}

/// Counts, per scenario, the sessions that recognised each signal.
pub fn tally(summaries: &[SessionSummary]) -> Vec<ScenarioTally> {
    let mut per_scenario: BTreeMap<&str, (usize, usize, BTreeMap<&str, usize>)> = BTreeMap::new();
    for summary in summaries {
        let entry = per_scenario.entry(&summary.scenario_id).or_default();
        entry.0 += 1;
        if summary.result.decision_justified {
            entry.1 += 1;
        }
        for signal in &summary.result.recognised {
            *entry.2.entry(&signal.signal_id).or_default() += 1;
        }
        for signal in &summary.result.missed {
            entry.2.entry(&signal.signal_id).or_default();
        }
    }
    per_scenario
        .into_iter()
        .map(|(scenario, (sessions, justified, signals))| {
            let mut signals: Vec<(String, usize)> = signals
                .into_iter()
                .map(|(id, count)| (id.to_owned(), count))
                .collect();
            signals.sort_by_key(|(_, count)| *count);
            ScenarioTally {
                scenario: scenario.to_owned(),
                sessions,
                justified,
                signals,
            }
        })
        .collect()
}

/// Writes the tallies as text for a trainer, in `language`.
pub fn write_tally(
    tallies: &[ScenarioTally],
    language: Language,
    mut out: impl Write,
) -> std::io::Result<()> {
    if tallies.is_empty() {
        writeln!(out, "{}", tr(language, "results-summary-none"))?;
        return Ok(());
    }
    for tally in tallies {
        let heading = tr_args(
            language,
            "results-summary-scenario",
            &fluent_args![
                "scenario" => tally.scenario.clone(),
                "sessions" => tally.sessions,
                "justified" => tally.justified,
            ],
        );
        writeln!(out, "{heading}")?;
        let width = tally
            .signals
            .iter()
            .map(|(id, _)| id.chars().count())
            .max()
            .unwrap_or(0);
        for (id, count) in &tally.signals {
            let share = 100 * count / tally.sessions.max(1);
            let line = tr_args(
                language,
                "results-summary-signal",
                &fluent_args![
                    "count" => *count,
                    "sessions" => tally.sessions,
                    "percent" => share,
                ],
            );
            writeln!(out, "  {id:<width$}  {line}")?;
        }
        writeln!(out)?;
    }
    Ok(())
}
