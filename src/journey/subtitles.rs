//! WebVTT subtitles: the cues of a `.vtt` file and the cue for the frame on screen. Only
//! what the scenarios use is read: cue timings and text. Cue settings, styles and notes
//! are skipped, and tags such as `<i>` are removed from the text.

use crate::scenario::FilmTime;

/// One subtitle: its text from `start` to `end`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// First moment the text shows.
    pub start: FilmTime,
    /// Moment the text disappears.
    pub end: FilmTime,
    /// The text, with line breaks kept.
    pub text: String,
}

/// Parses the cues of a WebVTT file. A block whose timing line cannot be read is skipped,
/// so a damaged file shows fewer subtitles instead of none.
pub fn parse_webvtt(source: &str) -> Vec<Cue> {
    let normalised = source.replace("\r\n", "\n");
    let mut cues = Vec::new();
    for block in normalised.split("\n\n") {
        let mut lines = block.lines().skip_while(|line| !line.contains("-->"));
        let Some(timing) = lines.next() else {
            continue;
        };
        let Some((start, end)) = parse_timing(timing) else {
            continue;
        };
        let text = lines.map(remove_tags).collect::<Vec<_>>().join("\n");
        if !text.trim().is_empty() {
            cues.push(Cue { start, end, text });
        }
    }
    cues.sort_by_key(|cue| cue.start);
    cues
}

/// Returns the text of the cue showing at `time`, if any.
pub fn cue_at(cues: &[Cue], time: FilmTime) -> Option<&str> {
    cues.iter()
        .find(|cue| cue.start <= time && time < cue.end)
        .map(|cue| cue.text.as_str())
}

/// Reads `00:01:02.500 --> 00:01:04.000 line:90%` into its start and end.
fn parse_timing(line: &str) -> Option<(FilmTime, FilmTime)> {
    let (start, rest) = line.split_once("-->")?;
    let end = rest.split_whitespace().next()?;
    let start = FilmTime::parse(start.trim())?;
    let end = FilmTime::parse(end)?;
    (start <= end).then_some((start, end))
}

fn remove_tags(line: &str) -> String {
    let mut text = String::with_capacity(line.len());
    let mut in_tag = false;
    for character in line.chars() {
        match character {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(character),
            _ => {}
        }
    }
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "WEBVTT\n\nNOTE a comment\n\n1\n00:00:06.600 --> 00:00:10.897\nIk sta hier al\n<i>drie kwartier!</i>\n\n00:13.297 --> 00:18.819 line:90%\nHet spijt me &amp; sorry.\n";

    #[test]
    fn cues_keep_times_and_lines() {
        let cues = parse_webvtt(SAMPLE);
        assert_eq!(cues.len(), 2);
        assert_eq!(cues[0].start, FilmTime::from_millis(6_600));
        assert_eq!(cues[0].end, FilmTime::from_millis(10_897));
        assert_eq!(cues[0].text, "Ik sta hier al\ndrie kwartier!");
    }

    #[test]
    fn short_timings_settings_and_entities_are_read() {
        let cues = parse_webvtt(SAMPLE);
        assert_eq!(cues[1].start, FilmTime::from_millis(13_297));
        assert_eq!(cues[1].text, "Het spijt me & sorry.");
    }

    #[test]
    fn cue_at_finds_the_showing_cue_only() {
        let cues = parse_webvtt(SAMPLE);
        assert_eq!(cue_at(&cues, FilmTime::from_secs(5)), None);
        assert!(cue_at(&cues, FilmTime::from_secs(7)).is_some_and(|text| text.starts_with("Ik")));
        assert_eq!(cue_at(&cues, FilmTime::from_secs(11)), None);
    }

    #[test]
    fn damaged_timing_skips_only_its_cue() {
        let cues =
            parse_webvtt("WEBVTT\n\n00:0x --> 00:01.000\nweg\n\n00:02.000 --> 00:03.000\nblijft\n");
        assert_eq!(cues.len(), 1);
        assert_eq!(cues[0].text, "blijft");
    }

    #[test]
    fn windows_line_endings_are_read() {
        let cues = parse_webvtt("WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nhallo\r\n");
        assert_eq!(cues.len(), 1);
        assert_eq!(cues[0].text, "hallo");
    }
}
