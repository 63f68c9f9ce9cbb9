//! Signature files (`.minisig`) as minisign and its ports write them: read as key files are
//! read (UTF-8 with or without BOM, UTF-16 with or without BOM, CRLF, no final line end), and,
//! when minisign cannot decode one, what is wrong with it said in words, naming the line
//! (minisign's own error says only "Invalid encoding in minisign data").
//!
//! Reading only: whether a signature is valid, and for which key, is `signing::verify`'s.

use super::keys::{as_minisign_writes, key_text};
use super::KeyProblem;
use crate::checklist::Lang;
use crate::tr;

/// Bytes of the signature line: algorithm (2), key number (8), Ed25519 signature (64).
const SIGNATURE_BYTES: usize = 74;
/// Bytes of the global signature line.
const GLOBAL_BYTES: usize = 64;

/// The text of a signature file, in the form minisign writes on Unix.
pub fn signature_text(bytes: &[u8]) -> Result<String, KeyProblem> {
    key_text(bytes).map(|text| as_minisign_writes(&text))
}

/// One of the four lines of a signature file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignatureLine {
    UntrustedComment,
    Signature,
    TrustedComment,
    GlobalSignature,
}

impl SignatureLine {
    const ALL: [SignatureLine; 4] = [
        SignatureLine::UntrustedComment,
        SignatureLine::Signature,
        SignatureLine::TrustedComment,
        SignatureLine::GlobalSignature,
    ];

    /// Its line number (1–4).
    pub fn number(self) -> usize {
        match self {
            SignatureLine::UntrustedComment => 1,
            SignatureLine::Signature => 2,
            SignatureLine::TrustedComment => 3,
            SignatureLine::GlobalSignature => 4,
        }
    }

    fn name(self, lang: Lang) -> String {
        match self {
            SignatureLine::UntrustedComment => tr!(lang, "signing-files-line-untrusted"),
            SignatureLine::Signature => tr!(lang, "signing-files-line-signature"),
            SignatureLine::TrustedComment => tr!(lang, "signing-files-line-trusted"),
            SignatureLine::GlobalSignature => tr!(lang, "signing-files-line-global"),
        }
    }
}

/// What is wrong with the shape of a signature file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureShape {
    /// Bytes that are not text in UTF-8 or UTF-16.
    NotText,
    Empty,
    /// The file ends before this line.
    Missing(SignatureLine),
    /// A comment line without its `untrusted comment:` / `trusted comment:` start.
    NoCommentStart(SignatureLine),
    /// A signature line with characters that are not base64.
    NotBase64(SignatureLine),
    /// A signature line shorter than it must be: the file was cut there.
    Cut {
        line: SignatureLine,
        found: usize,
        want: usize,
    },
    /// A signature line of another length than it must be.
    Length {
        line: SignatureLine,
        found: usize,
        want: usize,
    },
    /// The signature line's algorithm is none of minisign's (`Ed`, `ED`).
    Algorithm(String),
    /// Lines after the fourth.
    Extra,
}

impl SignatureShape {
    /// The problem in `lang`, naming `file` and the line.
    pub fn localize(&self, lang: Lang, file: &str) -> String {
        match self {
            SignatureShape::NotText => tr!(lang, "signing-files-signature-not-text", file = file),
            SignatureShape::Empty => tr!(lang, "signing-files-signature-empty", file = file),
            SignatureShape::Missing(line) => tr!(
                lang,
                "signing-files-signature-truncated",
                file = file,
                line = line.number(),
                what = line.name(lang)
            ),
            SignatureShape::NoCommentStart(line) => tr!(
                lang,
                "signing-files-signature-no-comment-start",
                file = file,
                line = line.number(),
                what = line.name(lang)
            ),
            SignatureShape::NotBase64(line) => tr!(
                lang,
                "signing-files-signature-not-base64",
                file = file,
                line = line.number(),
                what = line.name(lang)
            ),
            SignatureShape::Cut { line, found, want } => tr!(
                lang,
                "signing-files-signature-cut",
                file = file,
                line = line.number(),
                what = line.name(lang),
                found = (*found),
                want = (*want)
            ),
            SignatureShape::Length { line, found, want } => tr!(
                lang,
                "signing-files-signature-length",
                file = file,
                line = line.number(),
                what = line.name(lang),
                found = (*found),
                want = (*want)
            ),
            SignatureShape::Algorithm(found) => tr!(
                lang,
                "signing-files-signature-algorithm",
                file = file,
                algorithm = found.as_str()
            ),
            SignatureShape::Extra => tr!(lang, "signing-files-signature-extra", file = file),
        }
    }
}

/// The bytes a base64 text of `chars` characters (padding included) holds.
fn base64_bytes(line: &str) -> usize {
    let data = line.trim_end_matches('=').len();
    data * 3 / 4
}

fn is_base64(line: &str) -> bool {
    !line.is_empty()
        && line
            .trim_end_matches('=')
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
}

/// What is wrong with the shape of the signature file `bytes`, line by line; `None` when its
/// four lines have the shape minisign writes (whether minisign can decode it is then its say).
pub fn shape_problem(bytes: &[u8]) -> Option<SignatureShape> {
    let Ok(text) = signature_text(bytes) else {
        return Some(SignatureShape::NotText);
    };
    if text.trim().is_empty() {
        return Some(SignatureShape::Empty);
    }
    let lines: Vec<&str> = text.lines().collect();
    let last_present = lines.len();
    for line in SignatureLine::ALL {
        let Some(l) = lines.get(line.number() - 1).copied() else {
            return Some(SignatureShape::Missing(line));
        };
        let l = l.trim_end_matches('\r');
        let cut_here = line.number() == last_present;
        match line {
            SignatureLine::UntrustedComment | SignatureLine::TrustedComment => {
                let start = if line == SignatureLine::UntrustedComment {
                    "untrusted comment:"
                } else {
                    "trusted comment:"
                };
                if !l.starts_with(start) {
                    // The start itself cut short (`trusted comm`) is a cut file.
                    if cut_here && !l.is_empty() && start.starts_with(l) {
                        return Some(SignatureShape::Missing(line));
                    }
                    return Some(SignatureShape::NoCommentStart(line));
                }
            }
            SignatureLine::Signature | SignatureLine::GlobalSignature => {
                let want = if line == SignatureLine::Signature {
                    SIGNATURE_BYTES
                } else {
                    GLOBAL_BYTES
                };
                let l = l.trim();
                if !is_base64(l) {
                    return Some(SignatureShape::NotBase64(line));
                }
                let found = base64_bytes(l);
                if found < want && cut_here {
                    return Some(SignatureShape::Cut { line, found, want });
                }
                if found != want {
                    return Some(SignatureShape::Length { line, found, want });
                }
                if line == SignatureLine::Signature {
                    let algorithm: String = decoded_start(l);
                    // Undecodable base64 (empty here) is minisign's own finding, said by it.
                    if !algorithm.is_empty() && algorithm != "Ed" && algorithm != "ED" {
                        return Some(SignatureShape::Algorithm(algorithm));
                    }
                }
            }
        }
    }
    if lines.iter().skip(4).any(|l| !l.trim().is_empty()) {
        return Some(SignatureShape::Extra);
    }
    None
}

/// The first two bytes of a base64 line, as text (the algorithm), lossy.
fn decoded_start(line: &str) -> String {
    use ct_codecs::{Base64, Decoder};
    Base64::decode_to_vec(line, None)
        .ok()
        .and_then(|b| b.get(..2).map(|a| String::from_utf8_lossy(a).into_owned()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIG: &str = "untrusted comment: signature from minisign secret key\n\
RUQBAgMEBQYHCAAHDhUcIyoxOD9GTVRbYmlwd36FjJOaoaivtr3Ey9LZ4Ofu9fwDChEYHyYtNDtCSVBXXmVsc3qBiI+WnaSrsrk=\n\
trusted comment: timestamp:1700000000\tfile:MANIFEST.sha256\n\
BRIfLDlGU2BteoeUoa67yNXi7/wJFiMwPUpXZHF+i5ilsr/M2ebzAA0aJzRBTltodYKPnKm2w9Dd6vcEER4rOA==\n";

    #[test]
    fn a_well_shaped_signature_has_no_problem_whatever_its_encoding() {
        assert_eq!(base64_bytes(SIG.lines().nth(1).unwrap()), SIGNATURE_BYTES);
        assert_eq!(shape_problem(SIG.as_bytes()), None);
        let crlf = SIG.replace('\n', "\r\n");
        assert_eq!(shape_problem(crlf.as_bytes()), None);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(SIG.as_bytes());
        assert_eq!(shape_problem(&bom), None);
        for (le, with_bom) in [(true, true), (true, false), (false, true), (false, false)] {
            let mut bytes: Vec<u8> = if with_bom {
                if le {
                    vec![0xFF, 0xFE]
                } else {
                    vec![0xFE, 0xFF]
                }
            } else {
                Vec::new()
            };
            for u in SIG.encode_utf16() {
                bytes.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
            assert_eq!(
                signature_text(&bytes).unwrap(),
                SIG,
                "le {le} bom {with_bom}"
            );
        }
    }

    #[test]
    fn a_cut_or_changed_signature_names_its_line() {
        let cut = |n: usize| &SIG.as_bytes()[..n];
        let line2 = SIG.find('\n').unwrap() + 1;
        assert!(matches!(
            shape_problem(cut(line2 + 30)),
            Some(SignatureShape::Cut {
                line: SignatureLine::Signature,
                ..
            })
        ));
        assert_eq!(
            shape_problem(cut(line2)),
            Some(SignatureShape::Missing(SignatureLine::Signature))
        );
        let line3 = line2 + SIG[line2..].find('\n').unwrap() + 1;
        assert_eq!(
            shape_problem(cut(line3 + 5)),
            Some(SignatureShape::Missing(SignatureLine::TrustedComment))
        );
        let line4 = line3 + SIG[line3..].find('\n').unwrap() + 1;
        assert_eq!(
            shape_problem(cut(line4)),
            Some(SignatureShape::Missing(SignatureLine::GlobalSignature))
        );
        assert!(matches!(
            shape_problem(cut(line4 + 20)),
            Some(SignatureShape::Cut {
                line: SignatureLine::GlobalSignature,
                ..
            })
        ));
        assert_eq!(shape_problem(b""), Some(SignatureShape::Empty));
        assert_eq!(
            shape_problem(SIG.replacen("untrusted comment:", "comment:", 1).as_bytes()),
            Some(SignatureShape::NoCommentStart(
                SignatureLine::UntrustedComment
            ))
        );
        assert_eq!(
            shape_problem(SIG.replacen("RUQB", "R*QB", 1).as_bytes()),
            Some(SignatureShape::NotBase64(SignatureLine::Signature))
        );
        assert_eq!(
            shape_problem(format!("{SIG}more\n").as_bytes()),
            Some(SignatureShape::Extra)
        );
        assert_eq!(
            shape_problem(b"\x80\x81\xfe\xff\xfe"),
            Some(SignatureShape::NotText)
        );
        for lang in [Lang::Ja, Lang::En] {
            let said =
                SignatureShape::Missing(SignatureLine::Signature).localize(lang, "a.minisig");
            assert!(said.contains("a.minisig") && said.contains('2'), "{said}");
        }
    }
}
