//! Texts a learner reads, written per language in the scenario: Dutch required, English
//! optional and falling back to Dutch.

use serde::{Deserialize, Serialize};

use crate::i18n::Language;

/// One text in Dutch and, optionally, English, written `(nl: "…", en: "…")` or `(nl: "…")`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// The Dutch text; the checker reports it when empty.
    pub nl: String,
    /// The English text; empty means "show the Dutch text".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
}

impl Text {
    /// Creates a Dutch-only text.
    pub fn dutch(nl: impl Into<String>) -> Text {
        Text {
            nl: nl.into(),
            en: String::new(),
        }
    }

    /// Returns the text in `language`, or the Dutch text when that translation is empty.
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::English if !self.en.trim().is_empty() => &self.en,
            _ => &self.nl,
        }
    }

    /// Returns true when the Dutch text is empty or only whitespace.
    pub fn dutch_is_empty(&self) -> bool {
        self.nl.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_falls_back_to_dutch_when_empty() {
        let text = Text::dutch("Wat viel je op?");
        assert_eq!(text.get(Language::English), "Wat viel je op?");
        assert_eq!(text.get(Language::Dutch), "Wat viel je op?");
    }

    #[test]
    fn english_is_used_when_present() {
        let text: Text =
            ron::from_str(r#"(nl: "Wat viel je op?", en: "What did you notice?")"#).unwrap();
        assert_eq!(text.get(Language::English), "What did you notice?");
        assert_eq!(text.get(Language::Dutch), "Wat viel je op?");
    }

    #[test]
    fn whitespace_only_dutch_counts_as_empty() {
        assert!(Text::dutch("  \n").dutch_is_empty());
        assert!(!Text::dutch("ja").dutch_is_empty());
    }
}
