//! The crate is formatted as `rustfmt.toml` says: `cargo fmt --check` on every target of the
//! package (the library, the test harnesses, the benchmark). `ui-tests/` and the other test
//! programs are inputs, written as their tests need, and not checked.
//!
//! First, a check of the harnesses' shared runner (tests/support): a command that outlives its
//! time limit is killed, with what it started, and is an error that names it and the limit.

mod support;

use std::process::Command;
use std::time::{Duration, Instant};

/// `cargo fmt --check`: its report (the diff) when it fails.
fn formatted() -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = support::run(
        Command::new(cargo).current_dir(env!("CARGO_MANIFEST_DIR")).args(["fmt", "--check"]),
        support::TOOL_TIMEOUT,
    )?;
    if out.success() { Ok(()) } else { Err(format!("{}{}run `cargo fmt`", out.stdout, out.stderr)) }
}

/// A shell that starts a background `sleep`, prints its pid and waits, with a limit of 1 s: the
/// run must end about then, as an error naming the command and the limit, with the output so
/// far, and the background `sleep` (which holds the output pipe) must be gone too.
fn runner_times_out() -> Result<(), String> {
    let start = Instant::now();
    let script = "sleep 30 & echo $!; wait";
    let result = support::run(Command::new("sh").args(["-c", script]), Duration::from_secs(1));
    let elapsed = start.elapsed();
    let message = match result {
        Ok(out) => return Err(format!("  no timeout: exit status {} after {elapsed:?}", out.status)),
        Err(message) => message,
    };
    if elapsed > Duration::from_secs(5) {
        return Err(format!("  the run took {elapsed:?} with a limit of 1 s"));
    }
    if !message.starts_with("`sh -c 'sleep 30 & echo $!; wait'` timed out") || !message.contains("limit of 1 s") {
        return Err(format!("  the message names neither the command nor the limit:\n{message}"));
    }
    let pid = message.lines().last().unwrap_or("").trim();
    if pid.parse::<u32>().is_err() {
        return Err(format!("  the message lacks the output so far (the pid):\n{message}"));
    }
    // Killed, it is reaped by whoever inherited it: a zombie for a moment at most.
    let alive = || {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .is_ok_and(|stat| stat.rsplit_once(')').is_some_and(|(_, rest)| !rest.trim_start().starts_with('Z')))
    };
    for _ in 0..100 {
        if !alive() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Err(format!("  the background sleep (pid {pid}) outlived the timeout"))
}

fn main() {
    support::run_cases(&[
        ("the runner kills a command at its time limit".into(), Box::new(runner_times_out)),
        ("cargo fmt --check".into(), Box::new(formatted)),
    ]);
}
