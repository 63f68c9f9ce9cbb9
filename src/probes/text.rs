//! Text as Windows and Japanese Excel write it: UTF-8 (with or without BOM), UTF-16 with a
//! BOM (PowerShell's `>`), or CP932/Shift_JIS (Excel's 「CSV (コンマ区切り)」).

/// Which encoding the bytes were read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    ShiftJis,
}

impl Encoding {
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::ShiftJis => "shift_jis",
        }
    }
}

/// Decode by BOM, else UTF-8, else CP932 (Shift_JIS). Never fails: CP932 maps any byte string.
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return (String::from_utf8_lossy(rest).into_owned(), Encoding::Utf8);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        let (s, _, _) = encoding_rs::UTF_16LE.decode(bytes);
        return (s.into_owned(), Encoding::Utf16Le);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let (s, _, _) = encoding_rs::UTF_16BE.decode(bytes);
        return (s.into_owned(), Encoding::Utf16Be);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), Encoding::Utf8),
        Err(_) => {
            let (s, _, _) = encoding_rs::SHIFT_JIS.decode(bytes);
            (s.into_owned(), Encoding::ShiftJis)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_usual_suspects() {
        assert_eq!(
            decode("機器名".as_bytes()),
            ("機器名".into(), Encoding::Utf8)
        );
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("a,b".as_bytes());
        assert_eq!(decode(&bom).0, "a,b");
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("設置場所");
        assert_eq!(decode(&sjis), ("設置場所".into(), Encoding::ShiftJis));
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "KB1".encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&utf16), ("KB1".into(), Encoding::Utf16Le));
    }
}
