//! Benchmark helper for scripts/bench-hash.sh: the SHA-256 of a file, computed by the same
//! function that hashes every file a probe reads (`medsec::probes::evidence::hash_file`).
//!
//! `cargo run --release --example bench_hash -- FILE`
#![allow(clippy::print_stdout, clippy::print_stderr)]

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: bench_hash FILE");
        std::process::exit(2);
    };
    match medsec::probes::evidence::hash_file(std::path::Path::new(&path)) {
        Ok((hex, _)) => println!("{hex}  {path}"),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
