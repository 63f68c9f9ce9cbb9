//! A command line medsec printed, run as a person pastes it into their shell: `bash` on Unix;
//! on Windows (no `bash`, and no PowerShell under Wine) its words as PowerShell reads them are
//! the arguments of medsec.exe. medsec quotes a word for the shell of its platform
//! (`render::text::shell_word`: `'it'\''s'` for a POSIX shell, `'it''s'` for PowerShell), so
//! each platform reads the quoting it was given.

use std::ffi::OsString;
use std::path::Path;
use std::process::Command;

/// The words of a command line as PowerShell reads them: split at spaces, `'…'` quoting a
/// word with spaces (nothing inside is special), `''` inside it one quote, `\` as it is.
pub fn powershell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                while let Some(q) = chars.next() {
                    if q == '\'' {
                        if chars.peek() == Some(&'\'') {
                            chars.next();
                            w.push('\'');
                        } else {
                            break;
                        }
                    } else {
                        w.push(q);
                    }
                }
            }
            ' ' => words.extend(word.take()),
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    words
}

/// `line`, a command line starting with `medsec`, as the platform's shell runs it, with
/// `medsec` standing for `binary` followed by `first` (global flags such as `--checklist`):
/// on Unix `bash -c` with a `medsec` shell function, so the whole line (`&&` too) is the
/// shell's; on Windows medsec.exe with the line's PowerShell words, which must be one command.
/// The caller adds the folder and the environment.
pub fn pasted(line: &str, binary: &Path, first: &[OsString]) -> Command {
    if cfg!(unix) {
        let mut function = quoted(binary.as_os_str());
        for word in first {
            function.push(' ');
            function.push_str(&quoted(word));
        }
        let mut c = Command::new("bash");
        c.arg("-c")
            .arg(format!("medsec() {{ {function} \"$@\"; }}\n{line}"));
        c
    } else {
        let words = powershell_words(line);
        assert_eq!(words.first().map(String::as_str), Some("medsec"), "{line}");
        assert!(
            !words
                .iter()
                .any(|w| ["&&", ";", "|", "||"].contains(&w.as_str())),
            "one command only on Windows: {line}"
        );
        let mut c = Command::new(binary);
        c.args(first).args(&words[1..]);
        c
    }
}

/// `word` in single quotes for a POSIX shell.
fn quoted(word: &std::ffi::OsStr) -> String {
    format!("'{}'", word.to_string_lossy().replace('\'', "'\\''"))
}

#[test]
fn powershell_reads_single_quotes_and_backslashes() {
    assert_eq!(
        powershell_words(r"medsec sign --form 'v a.toml' --key 'C:\my keys\it''s.key' x\y"),
        [
            "medsec",
            "sign",
            "--form",
            "v a.toml",
            "--key",
            r"C:\my keys\it's.key",
            r"x\y"
        ]
    );
    assert_eq!(
        powershell_words("medsec  status ''"),
        ["medsec", "status", ""]
    );
}
