//! Prose for people (notices, errors, next-step hints) fitted to the reader's terminal.
//!
//! On a terminal, a line wider than it is wrapped here, by the rules of the tables
//! ([`super::table::wrap`]: at spaces and between Japanese characters, never inside a Latin
//! word, an ID, a path, a term of the forms or a date, with kinsoku), each continued line
//! indented two spaces more than the line it continues. Off a terminal (piped, redirected to a
//! file, read by a program) nothing is wrapped, whatever `COLUMNS` says: a program reads lines
//! whole. Every continued line starts indented, so a wrapped message never begins a line that
//! could pass for one of medsec's own (`error: …`), as [`super::text::escape_message`] keeps.

use super::table::{display_width, wrap};
use std::io::IsTerminal;

/// Where the text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// A continued line is indented this much more than the line it continues.
const CONTINUATION_INDENT: usize = 2;

/// Below this many columns for the text, lines are left as they are (nothing useful fits).
const MIN_TEXT_WIDTH: usize = 20;

/// The width of the terminal `stream` writes to; `None` when it is no terminal. A terminal
/// that reports 0 rows still gives its columns; one that reports no columns (`script`, some
/// containers) has `COLUMNS`'s.
pub fn terminal_width(stream: Stream) -> Option<usize> {
    let size = match stream {
        Stream::Stdout if std::io::stdout().is_terminal() => {
            terminal_size::terminal_size_of(std::io::stdout())
        }
        Stream::Stderr if std::io::stderr().is_terminal() => {
            terminal_size::terminal_size_of(std::io::stderr())
        }
        _ => return None,
    };
    // A terminal that reports 0 rows has no size for `terminal_size`, yet its columns are known:
    // ask as the tables do (comfy-table, the same terminal), whatever the rows.
    let columns = || {
        let mut table = comfy_table::Table::new();
        if matches!(stream, Stream::Stderr) {
            table.use_stderr();
        }
        table.width().map(usize::from)
    };
    size.map(|(w, _)| usize::from(w.0))
        .filter(|w| *w > 0)
        .or_else(|| columns().filter(|w| *w > 0))
        .or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok())
        .filter(|w| *w > 0)
}

/// `text` with every line wider than `width` wrapped (see the module doc); with no width, as
/// it is. A final line break is kept.
pub fn fit(text: &str, width: Option<usize>) -> String {
    let Some(width) = width else {
        return text.to_owned();
    };
    let mut out: Vec<String> = Vec::new();
    for line in text.split('\n') {
        if display_width(line) <= width {
            out.push(line.to_owned());
            continue;
        }
        let body = line.trim_start_matches(' ');
        let indent = line.len() - body.len();
        let continued = indent + CONTINUATION_INDENT;
        let room = width.saturating_sub(continued);
        if room < MIN_TEXT_WIDTH {
            out.push(line.to_owned());
            continue;
        }
        for (k, piece) in wrap(body, room).into_iter().enumerate() {
            let lead = if k == 0 { indent } else { continued };
            out.push(format!("{}{piece}", " ".repeat(lead)));
        }
    }
    out.join("\n")
}

/// `text` fitted to standard error's terminal, if it is one.
pub fn for_stderr(text: &str) -> String {
    fit(text, terminal_width(Stream::Stderr))
}

/// `text` fitted to standard output's terminal, if it is one.
pub fn for_stdout(text: &str) -> String {
    fit(text, terminal_width(Stream::Stdout))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_terminal_nothing_is_wrapped() {
        let text = "エラー: ".to_owned() + &"とても長い文です。".repeat(20);
        assert_eq!(fit(&text, None), text);
    }

    #[test]
    fn long_lines_wrap_with_a_hanging_indent_and_words_whole() {
        let text = "エラー: リビジョンを比較できません: git リポジトリの中ではありません。git リポジトリの中で実行するか、フォルダ同士・ファイル同士を比較してください。\n  - mhlw-institution@fy2025 の 2-⑥ セキュリティパッチ";
        let out = fit(text, Some(40));
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines.len() > 3, "{out}");
        assert!(lines[0].starts_with("エラー: "), "{out}");
        for line in &lines {
            assert!(display_width(line) <= 40, "{line}\n{out}");
        }
        for line in &lines[1..] {
            assert!(line.starts_with("  "), "{out}");
            assert!(!line.trim_start().starts_with(['、', '。']), "{out}");
        }
        for word in [
            "mhlw-institution@fy2025",
            "セキュリティパッチ",
            "リポジトリ",
        ] {
            assert!(out.contains(word), "`{word}` split:\n{out}");
        }
        let joined: String = lines.iter().map(|l| l.trim_start()).collect();
        assert_eq!(
            joined.replace(' ', ""),
            text.replace(['\n', ' '], "").to_string(),
        );
    }

    #[test]
    fn lines_that_fit_stay_as_they_are() {
        let text = "注意: 短い文です。\n  次の行\n";
        assert_eq!(fit(text, Some(80)), text);
    }
}
