//! How deep a YAML text nests, found before it is parsed.
//!
//! libyaml's scanner (inside serde_norway) spends time proportional to the open flow levels
//! on every token, so n `[` cost n² before serde_norway's own recursion limit is reached
//! (400 KB took minutes). This pass runs the same scanner over the tokens only and stops at
//! [`YAML_MAX_DEPTH`]: every token then costs at most that many steps, so the pass and the
//! parse after it take time linear in the size. Running libyaml's own scanner, rather than
//! a look-alike, means the count cannot be fooled by quoting or indentation tricks.

use super::YAML_MAX_DEPTH;
use std::mem::MaybeUninit;
use unsafe_libyaml_norway as unsafe_yaml;

/// Nesting deeper than the limit, at byte offset `at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooDeep {
    pub at: usize,
    pub limit: usize,
}

/// Check that `text` nests at most [`YAML_MAX_DEPTH`] lists and maps deep. Syntax errors are
/// not reported here (the parser that follows reports them with its own words).
pub fn check_depth(text: &str) -> Result<(), TooDeep> {
    check_depth_with(text, YAML_MAX_DEPTH)
}

fn check_depth_with(text: &str, limit: usize) -> Result<(), TooDeep> {
    let mut scanner = Scanner::new(text.as_bytes());
    let mut depth = 0usize;
    while let Some((kind, at)) = scanner.next() {
        match kind {
            Token::Open => {
                depth += 1;
                if depth > limit {
                    return Err(TooDeep { at, limit });
                }
            }
            Token::Close => depth = depth.saturating_sub(1),
            Token::Other => {}
        }
    }
    Ok(())
}

enum Token {
    Open,
    Close,
    Other,
}

/// libyaml's scanner over borrowed bytes. The parser struct is heap-allocated and never moved
/// once initialised (libyaml keeps pointers into it), and freed in `Drop`.
struct Scanner<'a> {
    parser: Box<MaybeUninit<unsafe_yaml::yaml_parser_t>>,
    _input: &'a [u8],
    initialised: bool,
    done: bool,
}

impl<'a> Scanner<'a> {
    fn new(input: &'a [u8]) -> Self {
        let mut parser: Box<MaybeUninit<unsafe_yaml::yaml_parser_t>> =
            Box::new(MaybeUninit::uninit());
        let ptr = parser.as_mut_ptr();
        // SAFETY: `ptr` points to writable memory for a parser; initialize zeroes and sets it
        // up. The input slice outlives the scanner (lifetime 'a), and its length is exact.
        let ok = unsafe {
            let ok = !unsafe_yaml::yaml_parser_initialize(ptr).fail;
            if ok {
                unsafe_yaml::yaml_parser_set_encoding(ptr, unsafe_yaml::YAML_UTF8_ENCODING);
                unsafe_yaml::yaml_parser_set_input_string(ptr, input.as_ptr(), input.len() as u64);
            }
            ok
        };
        Scanner {
            parser,
            _input: input,
            // A parser that failed to initialise (out of memory) is not scanned nor deleted.
            initialised: ok,
            done: !ok,
        }
    }

    /// The next token's kind and byte offset; `None` at the end or at a syntax error.
    fn next(&mut self) -> Option<(Token, usize)> {
        if self.done {
            return None;
        }
        let mut token = MaybeUninit::<unsafe_yaml::yaml_token_t>::zeroed();
        // SAFETY: the parser was initialised in `new` and not deleted (`done` is false);
        // `yaml_parser_scan` fills the token, which is deleted before it goes out of scope.
        unsafe {
            let parser = self.parser.as_mut_ptr();
            if unsafe_yaml::yaml_parser_scan(parser, token.as_mut_ptr()).fail {
                self.done = true;
                return None;
            }
            let t = token.as_mut_ptr();
            let kind = (*t).type_;
            let at = usize::try_from((*t).start_mark.index).unwrap_or(usize::MAX);
            unsafe_yaml::yaml_token_delete(t);
            let token = match kind {
                unsafe_yaml::YAML_NO_TOKEN | unsafe_yaml::YAML_STREAM_END_TOKEN => {
                    self.done = true;
                    return None;
                }
                unsafe_yaml::YAML_FLOW_SEQUENCE_START_TOKEN
                | unsafe_yaml::YAML_FLOW_MAPPING_START_TOKEN
                | unsafe_yaml::YAML_BLOCK_SEQUENCE_START_TOKEN
                | unsafe_yaml::YAML_BLOCK_MAPPING_START_TOKEN => Token::Open,
                unsafe_yaml::YAML_FLOW_SEQUENCE_END_TOKEN
                | unsafe_yaml::YAML_FLOW_MAPPING_END_TOKEN
                | unsafe_yaml::YAML_BLOCK_END_TOKEN => Token::Close,
                _ => Token::Other,
            };
            Some((token, at))
        }
    }
}

impl Drop for Scanner<'_> {
    fn drop(&mut self) {
        if self.initialised {
            // SAFETY: the parser was initialised in `new` and is deleted only here, once.
            unsafe { unsafe_yaml::yaml_parser_delete(self.parser.as_mut_ptr()) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn ordinary_files_pass() {
        let text = "format_version: 1\nchecklist:\n  id: x\nanswers:\n  - item: a\n    evidence: [a, \"[b\", {c: d}]\n    note: '[[[[ ]]]] text'\n";
        assert_eq!(check_depth(text), Ok(()));
        assert_eq!(check_depth(""), Ok(()));
        assert_eq!(
            check_depth("a: [\n"),
            Ok(()),
            "syntax errors are left to the parser"
        );
    }

    #[test]
    fn deep_flow_nesting_is_refused_at_the_first_level_too_many() {
        let text = format!("{}{}", "[".repeat(65), "]".repeat(65));
        assert_eq!(check_depth(&text), Err(TooDeep { at: 64, limit: 64 }));
        let ok = format!("{}{}", "[".repeat(63), "]".repeat(63));
        assert_eq!(check_depth(&ok), Ok(()));
    }

    #[test]
    fn quotes_do_not_hide_nesting() {
        // Brackets inside strings are text; brackets after them are counted.
        let text = format!("a: don 't\nb: [ 'x ]]]]', {}", "[".repeat(70));
        assert!(check_depth(&text).is_err());
        let text = format!("a: |\n  'tis\nb: [ 'x ]]]]', {}", "{a: ".repeat(70));
        assert!(check_depth(&text).is_err());
    }

    #[test]
    fn block_nesting_counts_too() {
        let mut text = String::new();
        for i in 0..70 {
            text.push_str(&" ".repeat(i));
            text.push_str("a:\n");
        }
        assert!(check_depth(&text).is_err());
    }

    #[test]
    fn four_megabytes_of_brackets_are_refused_at_once() {
        let n = 2 * 1024 * 1024;
        let text = format!("{}{}", "[".repeat(n), "]".repeat(n));
        let start = Instant::now();
        assert!(check_depth(&text).is_err());
        assert!(start.elapsed() < Duration::from_secs(5));
    }
}
