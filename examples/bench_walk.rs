//! Benchmark helper for scripts/bench-backup-walk.sh: totals a tree (newest mtime, file count,
//! bytes) with the walker medsec uses (`medsec::probes::walk`), with the `ignore` crate's
//! parallel walker, or with walkdir, so they can be compared on the same tree.
//!
//! `cargo run --release --example bench_walk -- DIR [medsec|ignore|walkdir] [THREADS]`
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::sync::atomic::{AtomicBool, AtomicU64};
use std::time::{Instant, UNIX_EPOCH};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: bench_walk DIR [ignore|walkdir] [THREADS]");
        std::process::exit(2);
    };
    let mode = args.get(2).map_or("medsec", String::as_str);
    let threads = args.get(3).and_then(|t| t.parse().ok()).unwrap_or(0);
    let start = Instant::now();
    let (files, newest, bytes) = match mode {
        "medsec" => {
            let s = medsec::probes::walk::walk(
                std::path::Path::new(dir),
                medsec::probes::walk::WalkOptions {
                    follow_links: false,
                    threads,
                },
                &AtomicBool::new(false),
                &AtomicU64::new(0),
            );
            (s.files, s.newest_mtime.unwrap_or(0), s.bytes)
        }
        "ignore" => {
            use std::sync::Mutex;
            let total = Mutex::new((0u64, 0i128, 0u64));
            let threads = if threads == 0 { 2 } else { threads };
            ignore::WalkBuilder::new(dir)
                .standard_filters(false)
                .threads(threads)
                .build_parallel()
                .run(|| {
                    let total = &total;
                    let mut local = Local((0, 0, 0), total);
                    Box::new(move |entry| {
                        // Capture `local` whole, so its Drop runs when the visitor goes.
                        let local = &mut local;
                        if let Ok(e) = entry {
                            if e.file_type().is_some_and(|t| t.is_file()) {
                                if let Ok(md) = e.metadata() {
                                    local.0 .0 += 1;
                                    local.0 .2 += md.len();
                                    let m = md.modified().map_or(0, |m| {
                                        m.duration_since(UNIX_EPOCH).unwrap_or_default().as_nanos()
                                            as i128
                                    });
                                    local.0 .1 = local.0 .1.max(m);
                                }
                            }
                        }
                        ignore::WalkState::Continue
                    })
                });
            total.into_inner().unwrap()
        }
        "walkdir" => {
            let (mut files, mut newest, mut bytes) = (0u64, 0i128, 0u64);
            for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
                if !e.file_type().is_file() {
                    continue;
                }
                let Ok(md) = e.metadata() else { continue };
                files += 1;
                bytes += md.len();
                if let Ok(d) = md
                    .modified()
                    .map(|m| m.duration_since(UNIX_EPOCH).unwrap_or_default())
                {
                    newest = newest.max(d.as_nanos() as i128);
                }
            }
            (files, newest, bytes)
        }
        other => {
            eprintln!("unknown walker {other}; use medsec, ignore or walkdir");
            std::process::exit(2);
        }
    };
    println!(
        "{mode}: {files} files, {bytes} bytes, newest {:.3}, {:.3} s",
        newest as f64 / 1e9,
        start.elapsed().as_secs_f64()
    );
}

/// Per-thread totals of the ignore walker, merged when the thread's visitor is dropped.
struct Local<'a>((u64, i128, u64), &'a std::sync::Mutex<(u64, i128, u64)>);

impl Drop for Local<'_> {
    fn drop(&mut self) {
        let mut t = self.1.lock().unwrap();
        t.0 += self.0 .0;
        t.1 = t.1.max(self.0 .1);
        t.2 += self.0 .2;
    }
}
