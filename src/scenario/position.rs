//! Line and column of every item in a scenario file, found by a light scan of the RON text,
//! so a semantic problem can point at the signal, window or choice concerned.

use serde::{Deserialize, Serialize};

/// A place in a text file, both numbers counted from 1; the column counts characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl Position {
    /// The start of a file.
    pub const START: Position = Position { line: 1, column: 1 };
}

/// One step of a path into the scenario: a field name or a list index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathStep<'a> {
    /// A named field, such as `window`.
    Field(&'a str),
    /// An item of a list or an unnamed tuple, from 0.
    Index(usize),
}

/// Builds a `&[PathStep]` from field names (`"signals"`) and indexes (`2`).
macro_rules! scenario_path {
    ($($step:expr),* $(,)?) => {
        &[$($crate::scenario::position::IntoPathStep::into_path_step($step)),*]
    };
}
pub(crate) use scenario_path;

/// Converts a field name or an index to a [`PathStep`].
pub trait IntoPathStep<'a> {
    /// Converts `self` to a step.
    fn into_path_step(self) -> PathStep<'a>;
}

impl<'a> IntoPathStep<'a> for &'a str {
    fn into_path_step(self) -> PathStep<'a> {
        PathStep::Field(self)
    }
}

impl<'a> IntoPathStep<'a> for usize {
    fn into_path_step(self) -> PathStep<'a> {
        PathStep::Index(self)
    }
}

/// The positions of all values in a RON text, as a tree mirroring its structure.
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    root: Option<Node>,
}

#[derive(Clone, Debug)]
struct Node {
    position: Position,
    fields: Vec<(String, Node)>,
    items: Vec<Node>,
}

impl Node {
    fn leaf(position: Position) -> Node {
        Node {
            position,
            fields: Vec::new(),
            items: Vec::new(),
        }
    }
}

impl SourceMap {
    /// Scans `source`. Broken RON gives a partial map; the scan never fails or panics.
    pub fn scan(source: &str) -> SourceMap {
        let tokens = tokenize(source);
        let mut parser = TreeBuilder {
            tokens: &tokens,
            next: 0,
            depth: 0,
        };
        SourceMap {
            root: parser.value(),
        }
    }

    /// Returns the position of the item at `path`. A field is found at its name, a list
    /// item at its first character. When the path leads to an item that is not written
    /// out (a field left to its default), the position of the nearest written ancestor is
    /// returned, and the start of the file when nothing was scanned.
    pub fn locate(&self, path: &[PathStep<'_>]) -> Position {
        let Some(mut node) = self.root.as_ref() else {
            return Position::START;
        };
        for step in path {
            let child = match step {
                PathStep::Field(name) => node
                    .fields
                    .iter()
                    .find(|(field, _)| field == name)
                    .map(|(_, child)| child),
                PathStep::Index(index) => node.items.get(*index),
            };
            match child {
                Some(child) => node = child,
                None => break,
            }
        }
        node.position
    }
}

#[derive(Clone, Debug, PartialEq)]
enum TokenKind {
    Identifier(String),
    /// A string, number, char or other single value.
    Literal,
    Open(char),
    Close(char),
    Colon,
    Comma,
    Other,
}

#[derive(Clone, Debug)]
struct Token {
    kind: TokenKind,
    position: Position,
}

/// Splits RON text into tokens, skipping whitespace and comments. Unterminated strings and
/// comments run to the end of the text.
fn tokenize(source: &str) -> Vec<Token> {
    let chars: Vec<char> = source.chars().collect();
    let mut tokens = Vec::new();
    let mut cursor = Cursor {
        chars: &chars,
        index: 0,
        line: 1,
        column: 1,
    };

    while let Some(current) = cursor.peek(0) {
        let position = cursor.position();
        if current.is_whitespace() {
            cursor.bump();
        } else if current == '/' && cursor.peek(1) == Some('/') {
            while cursor.peek(0).is_some_and(|next| next != '\n') {
                cursor.bump();
            }
        } else if current == '/' && cursor.peek(1) == Some('*') {
            cursor.skip_block_comment();
        } else if current == '"' {
            cursor.skip_quoted('"');
            tokens.push(Token {
                kind: TokenKind::Literal,
                position,
            });
        } else if current == '\'' {
            cursor.skip_quoted('\'');
            tokens.push(Token {
                kind: TokenKind::Literal,
                position,
            });
        } else if (current == 'r' || current == 'b')
            && matches!(cursor.peek(1), Some('"' | '#'))
            && cursor.raw_string_ahead()
        {
            cursor.skip_raw_string();
            tokens.push(Token {
                kind: TokenKind::Literal,
                position,
            });
        } else if current.is_alphabetic() || current == '_' {
            let mut name = String::new();
            while let Some(next) = cursor.peek(0).filter(|c| c.is_alphanumeric() || *c == '_') {
                name.push(next);
                cursor.bump();
            }
            tokens.push(Token {
                kind: TokenKind::Identifier(name),
                position,
            });
        } else if current.is_ascii_digit() || current == '-' || current == '+' || current == '.' {
            while cursor
                .peek(0)
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+'))
            {
                cursor.bump();
            }
            tokens.push(Token {
                kind: TokenKind::Literal,
                position,
            });
        } else {
            cursor.bump();
            let kind = match current {
                '(' | '[' | '{' => TokenKind::Open(current),
                ')' | ']' | '}' => TokenKind::Close(current),
                ':' => TokenKind::Colon,
                ',' => TokenKind::Comma,
                _ => TokenKind::Other,
            };
            tokens.push(Token { kind, position });
        }
    }
    tokens
}

struct Cursor<'a> {
    chars: &'a [char],
    index: usize,
    line: usize,
    column: usize,
}

impl Cursor<'_> {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.index + ahead).copied()
    }

    fn position(&self) -> Position {
        Position {
            line: self.line,
            column: self.column,
        }
    }

    fn bump(&mut self) {
        if let Some(current) = self.peek(0) {
            self.index += 1;
            if current == '\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
    }

    /// Skips a `/* … */` comment; RON allows them nested.
    fn skip_block_comment(&mut self) {
        let mut depth = 0usize;
        while let Some(current) = self.peek(0) {
            if current == '/' && self.peek(1) == Some('*') {
                depth += 1;
                self.bump();
            } else if current == '*' && self.peek(1) == Some('/') {
                depth -= 1;
                self.bump();
                if depth == 0 {
                    self.bump();
                    return;
                }
            }
            self.bump();
        }
    }

    fn skip_quoted(&mut self, quote: char) {
        self.bump();
        while let Some(current) = self.peek(0) {
            self.bump();
            if current == '\\' {
                self.bump();
            } else if current == quote {
                return;
            }
        }
    }

    /// Returns true when a raw string (`r"…"`, `r#"…"#`, `br"…"`) starts here.
    fn raw_string_ahead(&self) -> bool {
        let mut offset = if self.peek(0) == Some('b') { 1 } else { 0 };
        if self.peek(offset) != Some('r') && offset == 1 {
            return self.peek(1) == Some('"');
        }
        if self.peek(offset) != Some('r') {
            return false;
        }
        offset += 1;
        while self.peek(offset) == Some('#') {
            offset += 1;
        }
        self.peek(offset) == Some('"')
    }

    fn skip_raw_string(&mut self) {
        if self.peek(0) == Some('b') {
            self.bump();
            if self.peek(0) == Some('"') {
                self.skip_quoted('"');
                return;
            }
        }
        self.bump();
        let mut hashes = 0usize;
        while self.peek(0) == Some('#') {
            hashes += 1;
            self.bump();
        }
        self.bump();
        while let Some(current) = self.peek(0) {
            self.bump();
            if current == '"' && (0..hashes).all(|offset| self.peek(offset) == Some('#')) {
                for _ in 0..hashes {
                    self.bump();
                }
                return;
            }
        }
    }
}

/// Deeper nesting is not scanned; scenarios are far shallower, and it bounds the recursion.
const MAX_DEPTH: usize = 64;

struct TreeBuilder<'a> {
    tokens: &'a [Token],
    next: usize,
    depth: usize,
}

impl TreeBuilder<'_> {
    fn peek(&self, ahead: usize) -> Option<&TokenKind> {
        self.tokens.get(self.next + ahead).map(|token| &token.kind)
    }

    /// Reads one value: a literal, an identifier (`true`, `FrontDesk`), or a group,
    /// optionally named (`Signal(…)`, `Some(…)`). Skips `#![…]` attributes first.
    fn value(&mut self) -> Option<Node> {
        while self.peek(0) == Some(&TokenKind::Other) {
            self.skip_attribute();
        }
        let token = self.tokens.get(self.next)?;
        let position = token.position;
        match &token.kind {
            TokenKind::Identifier(_) => {
                self.next += 1;
                if matches!(self.peek(0), Some(TokenKind::Open(_))) {
                    let mut node = self.group()?;
                    node.position = position;
                    Some(node)
                } else {
                    Some(Node::leaf(position))
                }
            }
            TokenKind::Open(_) => self.group(),
            TokenKind::Literal => {
                self.next += 1;
                Some(Node::leaf(position))
            }
            _ => None,
        }
    }

    fn skip_attribute(&mut self) {
        // `#`, `!`, then a bracketed group.
        while self.peek(0) == Some(&TokenKind::Other) {
            self.next += 1;
        }
        if self.peek(0) == Some(&TokenKind::Open('[')) {
            let mut depth = 0usize;
            while let Some(kind) = self.peek(0).cloned() {
                self.next += 1;
                match kind {
                    TokenKind::Open(_) => depth += 1,
                    TokenKind::Close(_) => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            return;
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    /// Reads `( … )`, `[ … ]` or `{ … }` starting at the opening bracket. Named entries
    /// (`name: value`) become fields; other entries become items in order.
    fn group(&mut self) -> Option<Node> {
        let open = self.tokens.get(self.next)?;
        let TokenKind::Open(bracket) = open.kind else {
            return None;
        };
        let mut node = Node::leaf(open.position);
        self.next += 1;
        if self.depth >= MAX_DEPTH {
            return Some(node);
        }
        self.depth += 1;

        loop {
            match self.peek(0) {
                None => break,
                Some(TokenKind::Close(_)) => {
                    self.next += 1;
                    break;
                }
                Some(TokenKind::Comma) => {
                    self.next += 1;
                }
                Some(TokenKind::Identifier(name))
                    if bracket == '(' && self.peek(1) == Some(&TokenKind::Colon) =>
                {
                    let name = name.clone();
                    let key_position = self.tokens[self.next].position;
                    self.next += 2;
                    let mut child = self.value().unwrap_or_else(|| Node::leaf(key_position));
                    child.position = key_position;
                    node.fields.push((name, child));
                }
                Some(_) => {
                    let before = self.next;
                    if let Some(item) = self.value() {
                        node.items.push(item);
                    }
                    // A map's `key: value` or a stray token: step over it.
                    if self.next == before || self.peek(0) == Some(&TokenKind::Colon) {
                        self.next += 1;
                    }
                }
            }
        }

        self.depth -= 1;
        Some(node)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = r##"// comment with "quote" and ( bracket
Scenario(
    id: "demo",
    signals: [
        Signal(
            id: "first",
            window: (start: 1.0, end: "0:02"),
        ),
        Signal(id: "second", window: (start: 3, end: 4)),
    ],
    /* block /* nested */ comment */
    title: (nl: "Zeg \"hoi\" (nu)", en: r#"raw "text""#),
)
"##;

    fn at(line: usize, column: usize) -> Position {
        Position { line, column }
    }

    #[test]
    fn field_position_is_its_name() {
        let map = SourceMap::scan(SOURCE);
        assert_eq!(map.locate(scenario_path!["id"]), at(3, 5));
        assert_eq!(
            map.locate(scenario_path!["signals", 0, "window", "end"]),
            at(7, 34)
        );
    }

    #[test]
    fn list_item_position_is_its_first_character() {
        let map = SourceMap::scan(SOURCE);
        assert_eq!(map.locate(scenario_path!["signals", 0]), at(5, 9));
        assert_eq!(map.locate(scenario_path!["signals", 1]), at(9, 9));
        assert_eq!(
            map.locate(scenario_path!["signals", 1, "window", "start"]),
            at(9, 39)
        );
    }

    #[test]
    fn strings_and_comments_do_not_confuse_the_scan() {
        let map = SourceMap::scan(SOURCE);
        assert_eq!(map.locate(scenario_path!["title", "en"]), at(12, 37));
    }

    #[test]
    fn missing_item_falls_back_to_nearest_ancestor() {
        let map = SourceMap::scan(SOURCE);
        assert_eq!(
            map.locate(scenario_path!["signals", 1, "clip", "end"]),
            at(9, 9)
        );
        assert_eq!(map.locate(scenario_path!["options"]), at(2, 1));
        assert_eq!(
            SourceMap::scan("").locate(scenario_path!["id"]),
            Position::START
        );
    }

    #[test]
    fn unbalanced_text_scans_without_panic() {
        for source in [
            "(",
            ")",
            "[[[",
            "Scenario(id: ",
            "\"open",
            "/* open",
            "r#\"x",
            "#![",
            "a: b",
        ] {
            let map = SourceMap::scan(source);
            let position = map.locate(scenario_path!["id", 0]);
            assert!(position.line >= 1, "{source:?}");
            assert!(position.column >= 1, "{source:?}");
        }
    }

    #[test]
    fn deep_nesting_stops_at_the_depth_limit() {
        let source = "(".repeat(10_000);
        let position = SourceMap::scan(&source).locate(scenario_path![0, 0]);
        assert_eq!(position.line, 1);
    }
}
