//! Translations of everything a learner, trainer or author reads, from the Fluent files
//! under `assets/locales/`. Dutch is complete; English falls back to Dutch per message.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::{LanguageIdentifier, langid};

/// The language of the screens and messages. Dutch is the default.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Language {
    /// Nederlands.
    #[default]
    #[serde(rename = "nl")]
    Dutch,
    /// English.
    #[serde(rename = "en")]
    English,
}

impl Language {
    /// Both languages, Dutch first.
    pub const ALL: [Language; 2] = [Language::Dutch, Language::English];

    /// Returns the two-letter code, `nl` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Dutch => "nl",
            Language::English => "en",
        }
    }

    /// Parses `nl` or `en` (also `nl_NL.UTF-8` style locale names).
    pub fn from_code(code: &str) -> Option<Language> {
        let lower = code.trim().to_ascii_lowercase();
        if lower.starts_with("nl") {
            Some(Language::Dutch)
        } else if lower.starts_with("en") {
            Some(Language::English)
        } else {
            None
        }
    }

    /// Reads the language from `HERKEN_LANG`, defaulting to Dutch.
    pub fn from_env() -> Language {
        std::env::var("HERKEN_LANG")
            .ok()
            .and_then(|code| Language::from_code(&code))
            .unwrap_or_default()
    }
}

/// The Fluent sources per language, compiled into the binary so a message never goes missing.
const SOURCES: [(Language, &[&str]); 2] = [
    (
        Language::Dutch,
        &[
            include_str!("../../assets/locales/nl/app.ftl"),
            include_str!("../../assets/locales/nl/film.ftl"),
            include_str!("../../assets/locales/nl/scenario.ftl"),
            include_str!("../../assets/locales/nl/journey.ftl"),
            include_str!("../../assets/locales/nl/results.ftl"),
            include_str!("../../assets/locales/nl/modes.ftl"),
        ],
    ),
    (
        Language::English,
        &[
            include_str!("../../assets/locales/en/app.ftl"),
            include_str!("../../assets/locales/en/film.ftl"),
            include_str!("../../assets/locales/en/scenario.ftl"),
            include_str!("../../assets/locales/en/journey.ftl"),
            include_str!("../../assets/locales/en/results.ftl"),
            include_str!("../../assets/locales/en/modes.ftl"),
        ],
    ),
];

struct Catalog {
    dutch: FluentBundle<FluentResource>,
    english: FluentBundle<FluentResource>,
}

fn build_bundle(language: Language, id: LanguageIdentifier) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks would show up as stray bytes in terminal output and test expectations.
    bundle.set_use_isolating(false);
    let sources = SOURCES
        .iter()
        .find(|(lang, _)| *lang == language)
        .map(|(_, sources)| *sources)
        .unwrap_or(&[]);
    for source in sources {
        let resource = FluentResource::try_new((*source).to_owned())
            .unwrap_or_else(|(resource, _errors)| resource);
        // A duplicate id keeps the first definition, which the i18n tests catch.
        bundle.add_resource_overriding(resource);
    }
    bundle
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog {
        dutch: build_bundle(Language::Dutch, langid!("nl")),
        english: build_bundle(Language::English, langid!("en")),
    })
}

fn format(
    bundle: &FluentBundle<FluentResource>,
    id: &str,
    args: Option<&FluentArgs>,
) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

/// Translates message `id` with arguments; English falls back to Dutch, and an unknown id
/// returns the id itself so a missing translation is visible but never fatal.
pub fn tr_args(language: Language, id: &str, args: &FluentArgs) -> String {
    let catalog = catalog();
    let preferred = match language {
        Language::Dutch => &catalog.dutch,
        Language::English => &catalog.english,
    };
    format(preferred, id, Some(args))
        .or_else(|| format(&catalog.dutch, id, Some(args)))
        .unwrap_or_else(|| id.to_owned())
}

/// Translates message `id` without arguments.
pub fn tr(language: Language, id: &str) -> String {
    tr_args(language, id, &FluentArgs::new())
}

/// Builds Fluent arguments from name and value pairs.
#[macro_export]
macro_rules! fluent_args {
    ($($name:literal => $value:expr),* $(,)?) => {{
        let mut args = fluent_bundle::FluentArgs::new();
        $(args.set($name, $value);)*
        args
    }};
}

/// Lists every message id defined in the Fluent sources of `language`.
pub fn message_ids(language: Language) -> Vec<String> {
    let sources = SOURCES
        .iter()
        .find(|(lang, _)| *lang == language)
        .map(|(_, sources)| *sources)
        .unwrap_or(&[]);
    let mut ids = Vec::new();
    for source in sources {
        let resource = match FluentResource::try_new((*source).to_owned()) {
            Ok(resource) => resource,
            Err((resource, _)) => resource,
        };
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(message) = entry {
                ids.push(message.id.name.to_owned());
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dutch_message_has_an_english_translation() {
        let english = message_ids(Language::English);
        let missing: Vec<_> = message_ids(Language::Dutch)
            .into_iter()
            .filter(|id| !english.contains(id))
            .collect();
        assert!(missing.is_empty(), "messages without English: {missing:?}");
    }

    #[test]
    fn fluent_sources_parse_without_errors() {
        for (language, sources) in SOURCES {
            for source in sources {
                let parsed = FluentResource::try_new((*source).to_owned());
                assert!(
                    parsed.is_ok(),
                    "{language:?}: {:?}",
                    parsed.err().map(|e| e.1)
                );
            }
        }
    }

    #[test]
    fn unknown_id_returns_the_id() {
        assert_eq!(tr(Language::English, "no-such-message"), "no-such-message");
    }

    #[test]
    fn language_codes_parse_locale_names() {
        assert_eq!(Language::from_code("nl_NL.UTF-8"), Some(Language::Dutch));
        assert_eq!(Language::from_code("en"), Some(Language::English));
        assert_eq!(Language::from_code("de"), None);
    }
}
