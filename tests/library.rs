//! The standard library's own test suites (library/coretests and library/alloctests from the
//! pinned toolchain's rust-src), built by our backend and by the built-in one, side by side.
//!
//! For each opt level (debug and -Copt-level=3) both backends build and run the suites against
//! the prebuilt sysroot; the table shows passed/failed/ignored and the time each took. The run
//! fails unless, at each level, ours passes exactly as many tests as the built-in backend and
//! fails none — apart from tests listed in `tests/library-known-failures.txt` (`name: reason`),
//! which must still fail.
//!
//! Environment: `LIBRARY_OPT=0` or `LIBRARY_OPT=3` runs one level only.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Instant, UNIX_EPOCH};

mod support;

/// Tests that never finish in a debug build, with either backend (they walk `usize::MAX`
/// zero-sized elements); skipped at every level so the counts stay comparable.
const SKIP: &str = "_max_range_";

#[derive(Default)]
struct Counts {
    passed: u64,
    failed: u64,
    ignored: u64,
    /// Failed tests by name, from libtest's `failures:` list.
    failures: BTreeSet<String>,
    /// cargo failed without any test failing: a build failure or a crashed test binary.
    broken: bool,
}

/// Sums libtest's `test result:` lines and collects the names under `failures:`.
fn parse(output: &str) -> Counts {
    let mut c = Counts::default();
    let mut in_failure_list = false;
    for line in output.lines() {
        if let Some(rest) = line.strip_prefix("test result: ") {
            in_failure_list = false;
            for part in rest.split(';') {
                let mut words = part.split_whitespace().rev();
                let (Some(what), Some(n)) = (words.next(), words.next()) else { continue };
                let Ok(n) = n.parse::<u64>() else { continue };
                match what {
                    "passed" => c.passed += n,
                    "failed" => c.failed += n,
                    "ignored" => c.ignored += n,
                    _ => {}
                }
            }
        } else if line == "failures:" {
            in_failure_list = true;
        } else if in_failure_list {
            if let Some(name) = line.strip_prefix("    ") {
                c.failures.insert(name.trim().to_string());
            }
        }
    }
    c
}

struct Run {
    label: String,
    counts: Counts,
    seconds: f64,
    log: PathBuf,
}

/// Copies library/ from the toolchain's rust-src once per toolchain.
fn prepare_library(sysroot: &Path, work: &Path) -> PathBuf {
    let src = sysroot.join("lib/rustlib/src/rust/library");
    let dst = work.join("library");
    let stamp = work.join("library.stamp");
    let want = src.display().to_string();
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(want.as_str()) {
        let _ = std::fs::remove_dir_all(&dst);
        std::fs::create_dir_all(work).expect("create the suites' work dir");
        let status = Command::new("cp").arg("-r").arg(&src).arg(&dst).status().expect("run cp");
        assert!(status.success(), "copying {} failed", src.display());
        std::fs::write(&stamp, want).expect("write library.stamp");
    }
    dst
}

fn run_suites(sysroot: &Path, library: &Path, work: &Path, backend: &str, label: &str, opt: u32, stamp: &str) -> Run {
    let log = work.join(format!("{label}-O{opt}.log").replace(' ', "-"));
    println!("building and running the suites: {label} -O{opt} …");
    // The stamp makes cargo rebuild everything when our dylib changes (it can't see it otherwise).
    let rustflags = format!("--cap-lints=allow -Copt-level={opt} -Zcodegen-backend={backend} --cfg=backend_stamp=\"{stamp}\"");
    let start = Instant::now();
    let output = Command::new(sysroot.join("bin/cargo"))
        .current_dir(library)
        .env("RUSTC", sysroot.join("bin/rustc"))
        .env("RUSTFLAGS", rustflags)
        .env("CARGO_TARGET_DIR", work.join(format!("target-{}-O{opt}", label.replace(' ', "-"))))
        // Debuginfo is not supported by our backend yet; both sides build without it.
        .env("CARGO_PROFILE_TEST_DEBUG", "0")
        .env("CARGO_PROFILE_DEV_DEBUG", "0")
        .env("CARGO_PROFILE_BENCH_DEBUG", "0")
        .env("CARGO_INCREMENTAL", "0")
        .env_remove("RUST_BACKTRACE")
        .args(["test", "--locked", "--target", "x86_64-unknown-linux-gnu", "-p", "coretests", "-p", "alloctests"])
        .args(["--tests", "--no-fail-fast", "--", "-q", "--skip", SKIP])
        .output()
        .expect("run cargo test on the library suites");
    let seconds = start.elapsed().as_secs_f64();
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    std::fs::write(&log, &text).expect("write the suite log");
    let mut counts = parse(&text);
    counts.broken = !output.status.success() && counts.failures.is_empty();
    println!("  {} passed, {} failed, {} ignored in {seconds:.0} s", counts.passed, counts.failed, counts.ignored);
    Run { label: format!("{label} -O{opt}"), counts, seconds, log }
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (profile_dir, target_dir) = support::profile_and_target_dirs();
    let ours = support::build_backend(&root, &profile_dir);
    let sysroot = support::sysroot(&root);
    let work = target_dir.join("library-suites");
    let library = prepare_library(&sysroot, &work);
    let modified = std::fs::metadata(&ours).and_then(|m| m.modified()).expect("stat the backend");
    let stamp = modified.duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0).to_string();

    let known_path = root.join("tests/library-known-failures.txt");
    let known: BTreeSet<String> = std::fs::read_to_string(&known_path)
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.split_once(':').map_or(l, |(n, _)| n).trim().to_string())
        .collect();

    let levels: Vec<u32> = match std::env::var("LIBRARY_OPT").ok().as_deref() {
        Some("0") => vec![0],
        Some("3") => vec![3],
        _ => vec![0, 3],
    };
    let mut runs = Vec::new();
    let mut problems = Vec::new();
    let mut levels_ok = 0;
    for &opt in &levels {
        let builtin = run_suites(&sysroot, &library, &work, "llvm", "built-in", opt, "");
        let ours = run_suites(&sysroot, &library, &work, &ours.display().to_string(), "ours", opt, &stamp);
        let before = problems.len();
        let (b, o) = (&builtin.counts, &ours.counts);
        if b.broken || b.failed > 0 {
            problems.push(format!("built-in -O{opt} did not pass cleanly; see {}", builtin.log.display()));
        }
        if o.broken {
            problems.push(format!("ours -O{opt}: a suite failed to build or crashed; see {}", ours.log.display()));
        }
        let unexpected: Vec<_> = o.failures.difference(&known).collect();
        if !unexpected.is_empty() {
            problems.push(format!("ours -O{opt} failed {unexpected:?}; see {}", ours.log.display()));
        }
        let still_failing = o.failures.intersection(&known).count() as u64;
        let fixed: Vec<_> = known.difference(&o.failures).collect();
        if !fixed.is_empty() && !o.broken {
            problems.push(format!("ours -O{opt}: known failures now pass, remove them from the list: {fixed:?}"));
        }
        if o.passed + still_failing != b.passed {
            problems.push(format!("ours -O{opt} passed {} tests, the built-in backend {}", o.passed, b.passed));
        }
        if problems.len() == before {
            levels_ok += 1;
        }
        runs.push(builtin);
        runs.push(ours);
    }

    println!("\nlibrary/coretests + library/alloctests ({} skipped by name in both)", SKIP);
    println!("{:<14} {:>8} {:>8} {:>8} {:>14}", "backend", "passed", "failed", "ignored", "build+run (s)");
    for r in &runs {
        let c = &r.counts;
        println!("{:<14} {:>8} {:>8} {:>8} {:>14.0}", r.label, c.passed, c.failed, c.ignored, r.seconds);
    }
    for p in &problems {
        println!("FAILED: {p}");
    }
    // The closing line: one "test" per opt level, passed when ours matched the built-in backend.
    println!("{} passed, {} failed", levels_ok, levels.len() - levels_ok);
    if !problems.is_empty() {
        std::process::exit(1);
    }
}
