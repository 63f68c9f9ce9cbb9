//! Where each message of a catalog file starts and ends, without parsing it. Shared with
//! build.rs, which indexes the embedded files at build time, so start-up does not.

use std::ops::Range;

/// The source of each message in a catalog file: `(ID, source)` as byte ranges, in file order.
/// A message starts on a line that begins with its ID and `=`; it runs to the next line that
/// begins a new entry (a message, a term or a comment at the start of the line). Indented and
/// blank lines continue it.
pub fn split_messages(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let mut open: Option<(Range<usize>, usize)> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let first = line.bytes().next().unwrap_or(b' ');
        if !(first.is_ascii_alphabetic() || first == b'-' || first == b'#') {
            continue;
        }
        if let Some((id, from)) = open.take() {
            out.push((id, from..start));
        }
        if first.is_ascii_alphabetic() {
            let id_len = line
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
                .count();
            if line
                .get(id_len..)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
            {
                open = Some((start..start + id_len, start));
            }
        }
    }
    if let Some((id, from)) = open {
        out.push((id, from..text.len()));
    }
    out
}
