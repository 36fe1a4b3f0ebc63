//! The standard library's own test suites (library/coretests and library/alloctests from the
//! pinned toolchain's rust-src), built by our backend and by the built-in one, side by side.
//!
//! For each configuration (debug with cargo's full debuginfo, -Copt-level=3, and -Copt-level=3
//! with -Clto=fat and with -Clto=thin, those without debuginfo) our backend builds and runs the suites against the prebuilt sysroot, and so does
//! the built-in backend at each opt level; the table shows passed/failed/ignored and the time each
//! took. The run fails unless, in each configuration, ours passes exactly as many tests as the
//! built-in backend and fails none — apart from tests listed in `tests/library-known-failures.txt`
//! (`name: reason`, read by `support::known_failures`), which must still fail.
//!
//! LTO changes neither which tests exist nor what they must give, so an LTO configuration is
//! compared with the built-in backend's run at the same opt level without LTO (the built-in
//! backend passes all of them there too: 5148 at O3 with and without either LTO, measured); that
//! keeps the whole run inside CI's time. `LIBRARY_BUILTIN_EACH=1` runs the built-in backend in
//! every configuration instead.
//!
//! The first free argument selects the configurations whose names (`O0`, `O3`, `O3-lto-fat`,
//! `O3-lto-thin`) contain it: `cargo test --release --test library -- O3-lto` runs the two LTO
//! ones, `-- O0` the debug one. Each cargo run has `support::LIBRARY_SUITES_TIMEOUT`.
//!
//! `LIBRARY_SYSROOT=dir` builds ours against the standard library in that sysroot (`cargo
//! inkwell sysroot dir`, compiled by our backend) with `--sysroot`; the built-in backend stays on
//! the toolchain's. coretests then tests our `core`; alloctests compiles alloc's sources itself,
//! so what changes for it is the std it links.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Instant, UNIX_EPOCH};

use support::{LIBRARY_SUITES_TIMEOUT, TOOL_TIMEOUT};

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
    /// cargo ran out of time (`LIBRARY_SUITES_TIMEOUT`) and was killed.
    timed_out: bool,
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
        let out = support::run(Command::new("cp").arg("-r").arg(&src).arg(&dst), TOOL_TIMEOUT)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(out.success(), "copying {} failed:\n{}", src.display(), out.stderr);
        std::fs::write(&stamp, want).expect("write library.stamp");
    }
    dst
}

/// One way of building the suites: an opt level, and maybe an LTO mode (`-Clto=`).
#[derive(Clone, Copy)]
struct Config {
    opt: u32,
    lto: Option<&'static str>,
}

impl Config {
    fn tag(self) -> String {
        match self.lto {
            Some(lto) => format!("O{}-lto-{lto}", self.opt),
            None => format!("O{}", self.opt),
        }
    }
}

const CONFIGS: [Config; 4] = [
    Config { opt: 0, lto: None },
    Config { opt: 3, lto: None },
    Config { opt: 3, lto: Some("fat") },
    Config { opt: 3, lto: Some("thin") },
];

fn run_suites(
    sysroot: &Path,
    library: &Path,
    work: &Path,
    backend: &str,
    label: &str,
    config: Config,
    stamp: &str,
    extra_flags: &str,
) -> Run {
    let tag = config.tag();
    let log = work.join(format!("{label}-{tag}.log").replace(' ', "-"));
    println!("building and running the suites: {label} {tag} …");
    // The stamp makes cargo rebuild everything when our dylib changes (it can't see it otherwise).
    let rustflags = format!(
        "--cap-lints=allow -Copt-level={} -Zcodegen-backend={backend} --cfg=backend_stamp=\"{stamp}\"{extra_flags}",
        config.opt
    );
    let start = Instant::now();
    let mut cargo = Command::new(sysroot.join("bin/cargo"));
    // LTO through cargo's profiles, as users ask for it (cargo then builds the dependencies'
    // objects as bitcode); `-Clto` in RUSTFLAGS would clash with cargo's `-Cembed-bitcode=no`.
    for profile in ["DEV", "TEST", "BENCH", "RELEASE"] {
        // Debug builds carry full debuginfo, as cargo's test profile has it; optimized ones
        // none, as its release profile (a -O3 build with debuginfo only takes longer).
        match config.opt {
            0 => cargo.env_remove(format!("CARGO_PROFILE_{profile}_DEBUG")),
            _ => cargo.env(format!("CARGO_PROFILE_{profile}_DEBUG"), "0"),
        };
        match config.lto {
            Some(lto) => cargo.env(format!("CARGO_PROFILE_{profile}_LTO"), lto),
            None => cargo.env_remove(format!("CARGO_PROFILE_{profile}_LTO")),
        };
    }
    cargo
        .current_dir(library)
        .env("RUSTC", sysroot.join("bin/rustc"))
        .env("RUSTFLAGS", rustflags)
        .env("CARGO_TARGET_DIR", work.join(format!("target-{}-{tag}", label.replace(' ', "-"))))
        .env("CARGO_INCREMENTAL", "0")
        .env_remove("RUST_BACKTRACE")
        .args(["test", "--locked", "--target", "x86_64-unknown-linux-gnu", "-p", "coretests", "-p", "alloctests"])
        .args(["--tests", "--no-fail-fast", "--", "-q", "--skip", SKIP]);
    // A test that hangs (or a build that does) ends the run at the limit; the log then says so.
    let output = support::run_allowing_timeout(&mut cargo, LIBRARY_SUITES_TIMEOUT)
        .unwrap_or_else(|e| panic!("cargo test on the library suites: {e}"));
    let seconds = start.elapsed().as_secs_f64();
    let mut text = format!("{}{}", output.stdout, output.stderr);
    if output.timed_out {
        text += &format!("\n{}\n", support::timeout_message(&output, LIBRARY_SUITES_TIMEOUT));
    }
    std::fs::write(&log, &text).expect("write the suite log");
    let mut counts = parse(&text);
    counts.timed_out = output.timed_out;
    counts.broken = !output.success() && !output.timed_out && counts.failures.is_empty();
    println!("  {} passed, {} failed, {} ignored in {seconds:.0} s", counts.passed, counts.failed, counts.ignored);
    if output.timed_out {
        println!("  timed out: killed after {}", support::show_limit(LIBRARY_SUITES_TIMEOUT));
    }
    Run { label: format!("{label} {tag}"), counts, seconds, log }
}

const KNOWN_FAILURES: &str = "tests/library-known-failures.txt";

fn main() {
    // The configurations whose names contain the first free argument (all without one).
    let filter = support::filter();
    let configs: Vec<Config> =
        CONFIGS.into_iter().filter(|c| filter.as_ref().is_none_or(|f| c.tag().contains(f.as_str()))).collect();
    if configs.is_empty() {
        let names: Vec<String> = CONFIGS.iter().map(|c| c.tag()).collect();
        println!("0 passed, 0 failed\nno configuration matches the filter {filter:?}; there are {names:?}");
        std::process::exit(1);
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (profile_dir, target_dir) = support::profile_and_target_dirs();
    let ours = support::build_backend(&root, &profile_dir);
    let sysroot = support::sysroot(&root);
    let work = target_dir.join("library-suites");
    let library = prepare_library(&sysroot, &work);
    let modified = std::fs::metadata(&ours).and_then(|m| m.modified()).expect("stat the backend");
    let stamp = modified.duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0).to_string();

    let known: BTreeSet<String> = support::known_failures(&root.join(KNOWN_FAILURES)).into_keys().collect();

    let builtin_each = std::env::var_os("LIBRARY_BUILTIN_EACH").is_some();
    // Against a sysroot of ours, "ours" is labelled so, and builds in a target dir of its own.
    let (ours_label, ours_flags) = match std::env::var_os("LIBRARY_SYSROOT") {
        Some(dir) => {
            let dir = std::path::absolute(dir).expect("LIBRARY_SYSROOT");
            ("ours-own-std", format!(" --sysroot={}", dir.display()))
        }
        None => ("ours", String::new()),
    };
    let mut runs: Vec<Run> = Vec::new();
    let mut problems = Vec::new();
    let mut configs_ok = 0;
    for &config in &configs {
        let opt = config.tag();
        let oracle = Config { lto: if builtin_each { config.lto } else { None }, ..config };
        let builtin = match runs.iter().position(|r| r.label == format!("built-in {}", oracle.tag())) {
            Some(i) => i,
            None => {
                runs.push(run_suites(&sysroot, &library, &work, "llvm", "built-in", oracle, "", ""));
                runs.len() - 1
            }
        };
        let ours =
            run_suites(&sysroot, &library, &work, &ours.display().to_string(), ours_label, config, &stamp, &ours_flags);
        let before = problems.len();
        let (b, o) = (&runs[builtin].counts, &ours.counts);
        // A run that found no test at all proves nothing, however the counts compare.
        if b.passed == 0 || o.passed == 0 {
            problems.push(format!(
                "{opt}: no test passed with one of the backends; see {} and {}",
                runs[builtin].log.display(),
                ours.log.display()
            ));
        }
        for run in [&runs[builtin], &ours] {
            if run.counts.timed_out {
                problems.push(format!(
                    "{} timed out: killed after {}; see {}",
                    run.label,
                    support::show_limit(LIBRARY_SUITES_TIMEOUT),
                    run.log.display()
                ));
            }
        }
        if b.broken || b.failed > 0 {
            problems.push(format!("{} did not pass cleanly; see {}", runs[builtin].label, runs[builtin].log.display()));
        }
        if o.broken {
            problems.push(format!("{}: a suite failed to build or crashed; see {}", ours.label, ours.log.display()));
        }
        let unexpected: Vec<_> = o.failures.difference(&known).collect();
        if !unexpected.is_empty() {
            problems.push(format!("{} failed {unexpected:?}; see {}", ours.label, ours.log.display()));
        }
        let still_failing = o.failures.intersection(&known).count() as u64;
        let fixed: Vec<_> = known.difference(&o.failures).collect();
        if !fixed.is_empty() && !o.broken && !o.timed_out {
            problems.push(format!("{}: known failures now pass, remove them from the list: {fixed:?}", ours.label));
        }
        if o.passed + still_failing != b.passed {
            problems.push(format!("{} passed {} tests, {} {}", ours.label, o.passed, runs[builtin].label, b.passed));
        }
        if problems.len() == before {
            configs_ok += 1;
        }
        runs.push(ours);
    }

    println!("\nlibrary/coretests + library/alloctests ({} skipped by name in both)", SKIP);
    println!("{:<26} {:>8} {:>8} {:>8} {:>14}", "backend", "passed", "failed", "ignored", "build+run (s)");
    for r in &runs {
        let c = &r.counts;
        println!("{:<26} {:>8} {:>8} {:>8} {:>14.0}", r.label, c.passed, c.failed, c.ignored, r.seconds);
    }
    for p in &problems {
        println!("FAILED: {p}");
    }
    // The closing line: one "test" per configuration, passed when ours matched the built-in backend.
    println!("{} passed, {} failed", configs_ok, configs.len() - configs_ok);
    if !problems.is_empty() {
        std::process::exit(1);
    }
}
