//! Benchmark (not a test): how long real builds take with our backend, against the built-in
//! one on the same toolchain.
//!
//! Three builds, each from a clean target directory:
//! - `dev`: `bench-project/` (regex, serde with its derive, serde_json: 16 crates from
//!   crates.io, pinned by its Cargo.lock, three of them proc-macros and three with build
//!   scripts) in cargo's dev profile, full debuginfo included;
//! - `release`: the same in cargo's release profile (both backends then do crate-local ThinLTO);
//! - `std`: the standard library as `cargo inkwell sysroot` builds it (`-Zbuild-std`, release,
//!   `limited` debuginfo, bitcode embedded).
//!
//! Every crate is compiled by the backend under test, build scripts and proc-macros included:
//! `-Zcodegen-backend=<our dylib>` or `-Zcodegen-backend=llvm` is in RUSTFLAGS. Builds alternate
//! ours, built-in, built-in, ours, … so that drifting machine load hits both sides alike, and
//! each pair gives ratios (ours / built-in) of wall time, CPU time (user + system of cargo and
//! everything it ran) and peak memory (the largest resident set of any one process: a rustc).
//! The medians of those ratios are the result, printed next to issue 12's goals. CPU time and
//! peak memory come from `getrusage(RUSAGE_CHILDREN)` in a process of this benchmark's own that
//! runs just that one build. The two `bench-project` binaries must print the same.
//!
//! Then, per phase, the largest crate of the dev build (regex-automata): `cargo rustc -p
//! regex-automata -- -Ztime-passes` in each backend's dev target directory, again alternating,
//! once per pair; the medians of each phase's seconds and their ratio. `codegen_to_LLVM_IR` is
//! the MIR-to-IR lowering, `LLVM_passes` the wait for optimization and emission on the workers,
//! `finish_ongoing_codegen` the coordinator's end.
//!
//! With `COMPILE_BENCH_CALLGRIND` set, the dev and release compiles of regex-automata are also
//! run once per backend under valgrind's callgrind, and the instructions they execute compared:
//! single pairs of timed builds move by up to 10% on a shared machine, instruction counts by
//! nothing, so differences of a percent show there first (about 12 minutes more).
//!
//! Run: `cargo bench --bench compile_time`. A free argument selects the builds whose names
//! contain it (`-- dev`); `COMPILE_BENCH_PAIRS=n` pairs per build (default 3). The project's
//! crates are fetched from crates.io before any timing. Each build has `support::CARGO_TIMEOUT`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

#[path = "../src/bin/installation/mod.rs"]
mod installation;
#[path = "../tests/support/mod.rs"]
mod support;

use support::CARGO_TIMEOUT;

/// Set in the process that runs one measured build: the file it writes its usage to.
const MEASURE_VAR: &str = "INKWELL_BENCH_MEASURE";

/// Set when this executable is rustc's wrapper for counting instructions: callgrind's output
/// file for the compile of `COUNTED_CRATE`.
const CALLGRIND_VAR: &str = "INKWELL_BENCH_CALLGRIND";
const COUNTED_CRATE: &str = "regex_automata";

/// The goals of issue 12, as ours / built-in ratios of the medians.
const GOAL_DEV_WALL: f64 = 0.95;
const GOAL_RELEASE_WALL: f64 = 1.00;
const GOAL_PEAK_MEMORY: f64 = 1.00;

/// `struct rusage` of x86_64 Linux: two `timeval`s (user, system), `ru_maxrss` in KiB, then 13
/// longs we ignore.
#[repr(C)]
struct Rusage {
    utime: [i64; 2],
    stime: [i64; 2],
    maxrss_kib: i64,
    _rest: [i64; 13],
}

unsafe extern "C" {
    fn getrusage(who: i32, usage: *mut Rusage) -> i32;
}

const RUSAGE_CHILDREN: i32 = -1;

/// What one build cost.
#[derive(Clone, Copy)]
struct Usage {
    wall: f64,
    cpu: f64,
    peak_mib: f64,
}

/// In the measuring process (`MEASURE_VAR` set): runs the build its arguments describe, writes
/// `<cpu seconds> <peak KiB>` of everything it ran to the file, and exits as the build did.
/// The arguments are a command, or `--sysroot <dir> <backend>` for `build_sysroot`.
fn measure_child(report: OsString) -> ! {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let ok = if args.first().is_some_and(|a| a == "--sysroot") {
        let (dir, backend) = (Path::new(&args[1]), args[2].to_string_lossy());
        let built = installation::Toolchain::probe().and_then(|t| t.build_sysroot(dir, &backend));
        built.map_err(|e| eprintln!("{e}")).is_ok()
    } else {
        Command::new(&args[0]).args(&args[1..]).status().is_ok_and(|s| s.success())
    };
    let mut u = Rusage { utime: [0; 2], stime: [0; 2], maxrss_kib: 0, _rest: [0; 13] };
    // SAFETY: `u` is a `struct rusage` as x86_64 Linux lays it out.
    assert_eq!(unsafe { getrusage(RUSAGE_CHILDREN, &mut u) }, 0, "getrusage failed");
    let seconds = |t: [i64; 2]| t[0] as f64 + t[1] as f64 / 1e6;
    std::fs::write(report, format!("{} {}", seconds(u.utime) + seconds(u.stime), u.maxrss_kib)).expect("write");
    std::process::exit(if ok { 0 } else { 1 })
}

/// Runs one build in a measuring process of this executable (see `measure_child`).
fn measure(args: &[OsString], env: &[(&str, &str)], dir: &Path, report: &Path) -> Result<Usage, String> {
    let mut cmd = Command::new(std::env::current_exe().expect("current_exe"));
    cmd.args(args).current_dir(dir).env(MEASURE_VAR, report);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let start = Instant::now();
    let out = support::run(&mut cmd, CARGO_TIMEOUT)?;
    let wall = start.elapsed().as_secs_f64();
    if !out.success() {
        return Err(format!("{} failed:\n{}{}", support::describe(&cmd), out.stdout, out.stderr));
    }
    let text = std::fs::read_to_string(report).map_err(|e| format!("{}: {e}", report.display()))?;
    let mut fields = text.split_whitespace().map(|f| f.parse::<f64>().unwrap_or(f64::NAN));
    let (cpu, kib) = (fields.next().unwrap_or(f64::NAN), fields.next().unwrap_or(f64::NAN));
    Ok(Usage { wall, cpu, peak_mib: kib / 1024.0 })
}

/// One of the two sides: a name and its `-Zcodegen-backend` value.
struct Backend {
    name: &'static str,
    value: String,
}

struct Bench {
    project: PathBuf,
    work: PathBuf,
    backends: [Backend; 2],
    pairs: usize,
}

impl Bench {
    fn target(&self, build: &str, backend: &Backend) -> PathBuf {
        self.work.join(format!("{build}-{}", backend.name))
    }

    /// One clean build of `build` with `backend`.
    fn build(&self, build: &str, backend: &Backend) -> Result<Usage, String> {
        let target = self.target(build, backend);
        let _ = std::fs::remove_dir_all(&target);
        let report = self.work.join("usage");
        let rustflags = format!("-Zcodegen-backend={}", backend.value);
        if build == "std" {
            let args = ["--sysroot".into(), target.clone().into(), backend.value.clone().into()];
            return measure(&args, &[], &self.work, &report);
        }
        let toolchain = format!("+{}", installation::toolchain());
        let mut args: Vec<OsString> = ["cargo", &toolchain, "build", "--locked", "--quiet"].map(Into::into).into();
        if build == "release" {
            args.push("--release".into());
        }
        let target_dir = target.display().to_string();
        measure(&args, &[("RUSTFLAGS", &rustflags), ("CARGO_TARGET_DIR", &target_dir)], &self.project, &report)
    }

    /// What the project's binary from `build` prints.
    fn project_output(&self, build: &str, backend: &Backend) -> Result<String, String> {
        let profile = if build == "release" { "release" } else { "debug" };
        let exe = self.target(build, backend).join(profile).join("inkbench");
        let out = support::run(&mut Command::new(&exe), support::RUN_TIMEOUT)?;
        if !out.success() {
            return Err(format!("{} failed: {}", exe.display(), out.stderr));
        }
        Ok(out.stdout)
    }

    /// `pairs` pairs of clean builds, then the table of ratios, their medians, and the ratios of
    /// each side's fastest run.
    fn run(&self, build: &str, what: &str, wall_goal: f64) -> Result<(), String> {
        println!("\n{build}: {what}, clean, {} pairs", self.pairs);
        println!(
            "{:<7}{:>22}{:>8}{:>22}{:>8}{:>24}{:>8}",
            "pair", "wall ours/built-in", "ratio", "CPU ours/built-in", "ratio", "peak MiB ours/built-in", "ratio"
        );
        let mut ratios = [Vec::new(), Vec::new(), Vec::new()];
        // Each side's least wall and CPU time: a slow spell of the machine, which moves single
        // pairs by 10% here, only ever adds to them.
        let mut fastest = [(f64::INFINITY, f64::INFINITY); 2];
        for pair in 0..self.pairs {
            // ours first in even pairs, built-in first in odd ones.
            let mut usage = [None, None];
            for i in [pair % 2, 1 - pair % 2] {
                usage[i] = Some(self.build(build, &self.backends[i])?);
            }
            let [Some(ours), Some(builtin)] = usage else { unreachable!() };
            if build != "std" {
                let (a, b) =
                    (self.project_output(build, &self.backends[0])?, self.project_output(build, &self.backends[1])?);
                if a != b {
                    return Err(format!("{build}: the binaries print different things:\nours:\n{a}\nbuilt-in:\n{b}"));
                }
            }
            let each = [(ours.wall, builtin.wall), (ours.cpu, builtin.cpu), (ours.peak_mib, builtin.peak_mib)];
            for (r, (o, b)) in ratios.iter_mut().zip(each) {
                r.push(o / b);
            }
            for (least, (o, b)) in fastest.iter_mut().zip(&each[..2]) {
                *least = (least.0.min(*o), least.1.min(*b));
            }
            println!(
                "{:<7}{:>22}{:>8.3}{:>22}{:>8.3}{:>24}{:>8.3}",
                pair + 1,
                format!("{:.1} / {:.1} s", ours.wall, builtin.wall),
                ours.wall / builtin.wall,
                format!("{:.1} / {:.1} s", ours.cpu, builtin.cpu),
                ours.cpu / builtin.cpu,
                format!("{:.0} / {:.0}", ours.peak_mib, builtin.peak_mib),
                ours.peak_mib / builtin.peak_mib,
            );
        }
        let [wall, cpu, peak] = ratios.map(median);
        println!(
            "median ratios: wall {wall:.3} (goal ≤ {wall_goal:.2}), CPU {cpu:.3}, peak memory {peak:.3} (goal ≤ {GOAL_PEAK_MEMORY:.2})"
        );
        let [(wall_o, wall_b), (cpu_o, cpu_b)] = fastest;
        println!("fastest run against fastest run: wall {:.3}, CPU {:.3}", wall_o / wall_b, cpu_o / cpu_b);
        Ok(())
    }

    /// `-Ztime-passes` of `krate` in each backend's dev target directory, once per pair.
    fn phases(&self, krate: &str) -> Result<(), String> {
        println!("\nphases of {krate} (dev, -Ztime-passes), median seconds of {} runs each", self.pairs);
        // Per backend: phase name -> seconds of each run; names in the order rustc prints them.
        let mut seen: Vec<String> = Vec::new();
        let mut times: [std::collections::HashMap<String, Vec<f64>>; 2] = Default::default();
        for rep in 0..self.pairs {
            for i in [rep % 2, 1 - rep % 2] {
                let backend = &self.backends[i];
                // A new `--cfg` each time makes cargo compile the crate again.
                let mut cmd = installation::cargo();
                cmd.current_dir(&self.project)
                    .args(["rustc", "--locked", "-p", krate, "--", "-Ztime-passes"])
                    .arg(format!("--cfg=inkwell_bench_run=\"{rep}\""))
                    .env("RUSTFLAGS", format!("-Zcodegen-backend={}", backend.value))
                    .env("CARGO_TARGET_DIR", self.target("dev", backend));
                let out = support::run(&mut cmd, CARGO_TIMEOUT)?;
                if !out.success() {
                    return Err(format!("{} failed:\n{}", support::describe(&cmd), out.stderr));
                }
                for line in out.stderr.lines() {
                    // `time:   2.118; rss:  271MB ->  297MB (  +26MB)	codegen_to_LLVM_IR`
                    let Some(rest) = line.strip_prefix("time:") else { continue };
                    let (Some(secs), Some(name)) = (rest.split(';').next(), rest.split_whitespace().last()) else {
                        continue;
                    };
                    let Ok(secs) = secs.trim().parse::<f64>() else { continue };
                    if !seen.iter().any(|s| s == name) {
                        seen.push(name.to_string());
                    }
                    times[i].entry(name.to_string()).or_default().push(secs);
                }
            }
        }
        let total = |i: usize| times[i].get("total").map(|t| median(t.clone())).unwrap_or(f64::NAN);
        println!("{:<48}{:>10}{:>10}{:>8}", "phase (≥ 1% of either total)", "ours", "built-in", "ratio");
        for name in &seen {
            let [o, b] = [0, 1].map(|i| times[i].get(name).map(|t| median(t.clone())).unwrap_or(0.0));
            if o >= 0.01 * total(0) || b >= 0.01 * total(1) {
                println!("{name:<48}{o:>10.3}{b:>10.3}{:>8.3}", o / b);
            }
        }
        Ok(())
    }

    /// Instructions that the compile of `COUNTED_CRATE` in `build` (dev or release) executes
    /// with each backend, counted by callgrind: unlike time, the same on a busy machine.
    fn instructions(&self, build: &str) -> Result<(), String> {
        let mut counts = [0.0; 2];
        for (i, backend) in self.backends.iter().enumerate() {
            let out = self.work.join(format!("callgrind-{build}-{}", backend.name));
            let _ = std::fs::remove_file(&out);
            let mut cmd = installation::cargo();
            cmd.current_dir(&self.project).args(["rustc", "--locked", "-p", "regex-automata"]);
            if build == "release" {
                cmd.arg("--release");
            }
            // A `--cfg` not seen before makes cargo compile the crate again.
            let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
            cmd.arg("--").arg(format!("--cfg=inkwell_bench_callgrind=\"{}\"", nanos.as_nanos()));
            cmd.env("RUSTFLAGS", format!("-Zcodegen-backend={}", backend.value))
                .env("CARGO_TARGET_DIR", self.target(build, backend))
                .env("RUSTC_WRAPPER", std::env::current_exe().expect("current_exe"))
                .env(CALLGRIND_VAR, &out);
            let run = support::run(&mut cmd, CARGO_TIMEOUT)?;
            if !run.success() {
                return Err(format!("{} failed:\n{}", support::describe(&cmd), run.stderr));
            }
            let text = std::fs::read_to_string(&out).map_err(|e| format!("{}: {e}", out.display()))?;
            let total = text.lines().find_map(|l| l.strip_prefix("totals:")).and_then(|n| n.trim().parse().ok());
            counts[i] = total.ok_or_else(|| format!("{}: no totals line", out.display()))?;
        }
        let [ours, builtin] = counts;
        println!(
            "instructions of {COUNTED_CRATE}'s {build} compile (callgrind): ours {:.2} G, built-in {:.2} G, ratio {:.3}",
            ours / 1e9,
            builtin / 1e9,
            ours / builtin
        );
        Ok(())
    }
}

/// As rustc's wrapper (`CALLGRIND_VAR` set): runs the compile of `COUNTED_CRATE` under
/// callgrind, every other compile as it is.
fn callgrind_wrapper(out_file: OsString) -> ! {
    use std::os::unix::process::CommandExt;
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let counted = args.windows(2).any(|w| w[0] == "--crate-name" && w[1] == COUNTED_CRATE);
    let err = if counted {
        let mut file = OsString::from("--callgrind-out-file=");
        file.push(out_file);
        Command::new("valgrind").args(["--tool=callgrind".into(), file]).args(&args).exec()
    } else {
        Command::new(&args[0]).args(&args[1..]).exec()
    };
    eprintln!("cannot run {:?}: {err}", args[0]);
    std::process::exit(1)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn main() -> ExitCode {
    // This executable is rustc's wrapper while `build_sysroot` runs (it adds `-Cpanic=abort`
    // for `panic_abort`) and while instructions are counted, and the measuring process of each
    // build.
    installation::sysroot_rustc_wrapper();
    if let Some(report) = std::env::var_os(MEASURE_VAR) {
        measure_child(report);
    }
    if let Some(out_file) = std::env::var_os(CALLGRIND_VAR) {
        callgrind_wrapper(out_file);
    }
    let count_instructions = std::env::var_os("COMPILE_BENCH_CALLGRIND").is_some();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (profile_dir, target_dir) = support::profile_and_target_dirs();
    let dylib = support::build_backend(&root, &profile_dir);
    let pairs = std::env::var("COMPILE_BENCH_PAIRS").ok().and_then(|p| p.parse().ok()).unwrap_or(3);
    let filter = support::filter();
    let selected = |name: &str| filter.as_ref().is_none_or(|f| name.contains(f.as_str()));
    let bench = Bench {
        project: root.join("bench-project"),
        work: target_dir.join("compile-bench"),
        backends: [
            Backend { name: "ours", value: dylib.display().to_string() },
            Backend { name: "built-in", value: "llvm".into() },
        ],
        pairs,
    };
    std::fs::create_dir_all(&bench.work).expect("create the benchmark's work dir");
    let cpus = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    println!("compile time, ours ({}) against the built-in backend; {cpus} CPUs", dylib.display());
    let mut fetch = installation::cargo();
    fetch.current_dir(&bench.project).args(["fetch", "--locked"]);
    let result = support::run(&mut fetch, CARGO_TIMEOUT)
        .and_then(|o| if o.success() { Ok(()) } else { Err(format!("cargo fetch failed:\n{}", o.stderr)) })
        .and_then(|()| {
            let builds: [(&str, &str, f64); 3] = [
                ("dev", "bench-project, cargo's dev profile (debuginfo)", GOAL_DEV_WALL),
                ("release", "bench-project, cargo's release profile", GOAL_RELEASE_WALL),
                ("std", "the standard library as `cargo inkwell sysroot` builds it", GOAL_RELEASE_WALL),
            ];
            let mut any = false;
            for (build, what, goal) in builds.into_iter().filter(|b| selected(b.0)) {
                any = true;
                bench.run(build, what, goal)?;
                if build == "dev" {
                    bench.phases("regex-automata")?;
                }
                if count_instructions && build != "std" {
                    bench.instructions(build)?;
                }
            }
            if any { Ok(()) } else { Err(format!("no build matches the filter {filter:?}: dev, release, std")) }
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            println!("FAILED: {e}");
            ExitCode::FAILURE
        }
    }
}
