//! `INKWELL_WORK_LOG=<file>`: every piece of work that holds one of cargo's jobserver tokens —
//! building a codegen unit's IR, optimizing, emitting, (Thin)LTO — appends a line `<start> <end>
//! <pid> <what>` to the file (nanoseconds since the Unix epoch). `tests/install.rs` reads it to
//! check that the work of all the rustc processes of `cargo build -jN` never overlaps more than N
//! deep, which is the coordinator's scheduling that we reuse. Without the variable, nothing is
//! recorded.

use std::io::Write;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

fn log_file() -> Option<&'static PathBuf> {
    static FILE: OnceLock<Option<PathBuf>> = OnceLock::new();
    FILE.get_or_init(|| std::env::var_os("INKWELL_WORK_LOG").map(PathBuf::from)).as_ref()
}

fn now() -> u128 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0)
}

/// Runs `work`, recording it as `what` if a log was asked for.
pub fn record<T>(what: &str, work: impl FnOnce() -> T) -> T {
    let Some(file) = log_file() else { return work() };
    let start = now();
    let result = work();
    let line = format!("{start} {} {} {what}\n", now(), std::process::id());
    // One append of one short line: lines from concurrent processes do not interleave.
    let written =
        std::fs::OpenOptions::new().create(true).append(true).open(file).and_then(|mut f| f.write_all(line.as_bytes()));
    if let Err(e) = written {
        eprintln!("rustc_codegen_inkwell: cannot write INKWELL_WORK_LOG {}: {e}", file.display());
    }
    result
}
