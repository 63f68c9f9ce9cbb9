//! Checklist changes for people and as JSON.

use super::text::escape_controls as esc;
use crate::checklist::Loaded;
use crate::diff::{Change, Impact};
use serde::Serialize;

pub fn human(old: &Loaded, new: &Loaded, changes: &[Change]) -> String {
    let mut out = format!(
        "{} ({}) -> {} ({})\n",
        esc(&old.checklist.full_id()),
        esc(&old.origin.describe()),
        esc(&new.checklist.full_id()),
        esc(&new.origin.describe())
    );
    for c in changes {
        let impact = match c.impact {
            Impact::Breaking => "breaking",
            Impact::Review => "review",
            Impact::Minor => "minor",
        };
        out.push_str(&format!("{impact:>8} [{}] {}\n", c.code, esc(&c.message)));
    }
    let count = |i: Impact| changes.iter().filter(|c| c.impact == i).count();
    out.push_str(&format!(
        "{} change{}: {} breaking, {} to review, {} minor\n",
        changes.len(),
        if changes.len() == 1 { "" } else { "s" },
        count(Impact::Breaking),
        count(Impact::Review),
        count(Impact::Minor)
    ));
    out
}

pub fn json(old: &Loaded, new: &Loaded, changes: &[Change]) -> String {
    #[derive(Serialize)]
    struct Side<'a> {
        id: &'a str,
        edition: &'a str,
        digest: &'a str,
    }
    #[derive(Serialize)]
    struct Out<'a> {
        old: Side<'a>,
        new: Side<'a>,
        changes: &'a [Change],
    }
    fn side(l: &Loaded) -> Side<'_> {
        Side {
            id: &l.checklist.id,
            edition: &l.checklist.edition,
            digest: &l.digest,
        }
    }
    super::json(&Out {
        old: side(old),
        new: side(new),
        changes,
    })
}
