//! Benchmark (not a test): our backend against rustc's built-in LLVM backend at -O3.
//!
//! Every `bench-programs/NAME.rs` is compiled the way a user would compile it, with
//! `-Copt-level=3` and otherwise rustc's defaults, once with our backend and once with the
//! built-in one (`-Zcodegen-backend=llvm`). Binaries go to `target/bench/NAME-{ours,builtin}`.
//! For each program this prints the ours/built-in ratios of run time, binary size and compile
//! time, then their geometric means. Both binaries must print the same output (each program
//! prints a checksum); any difference makes the command fail.
//!
//! Measuring: runs (and compiles) alternate ours, built-in, ours, built-in, … so that drifting
//! machine load hits both sides alike. Each measurement is the CPU time (user + system) of the
//! child process and everything it waited for, from getrusage(RUSAGE_CHILDREN); unlike wall
//! time it does not count the time a process waits for a core on this shared machine. The ratio
//! uses the minimum over the repetitions: the programs are deterministic, and interference
//! (other jobs, cache pollution, frequency changes) only ever adds time, so the minimum is the
//! estimate closest to the cost of the code itself. The median ratio is printed next to it to
//! show how noisy the run was. Code placement alone can move one program by a few percent (a
//! 16-byte shift of `main` made one binary 4% slower), so judge single programs with that margin
//! and the backends by the geometric mean.
//!
//! Run: `cargo bench --bench codegen`. Environment: `BENCH_FILTER=a,b` (or free arguments)
//! selects programs whose names contain one of the substrings; `BENCH_REPS=n` timed runs per
//! backend (default 7); `BENCH_COMPILE_REPS=n` compiles per backend (default 3);
//! `BENCH_OURS_BACKEND=llvm` uses another `-Zcodegen-backend` value as "ours" (the ratios should
//! then be 1 within noise, which checks the benchmark itself); `BENCH_RUSTFLAGS="-C…"` adds flags
//! to both sides' rustc (e.g. `-Ccodegen-units=1`, to take partitioning and ThinLTO out of the
//! comparison); `BENCH_LTO=default,fat,thin` the LTO modes to measure (all three by default:
//! rustc's defaults, which at -O3 mean crate-local ThinLTO, then `-Clto=fat` and `-Clto=thin`).
//! After a table per mode comes the LTO column: each mode's run-time and compile-time ratios;
//! then debug builds (`-Copt-level=0 -g`): compile time and the programs' own `.debug_*` sizes
//! (`BENCH_DEBUGINFO=0` leaves them out).
//! `BENCH_INSTRUCTIONS=1` also counts the instructions each binary executes under valgrind
//! (slow, but unlike time the same whatever else the machine does).

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Output};
use std::time::{Duration, Instant};

#[path = "../tests/support/mod.rs"]
mod support;

const BACKENDS: [&str; 2] = ["ours", "builtin"];

/// `struct rusage` of x86_64 Linux: two `timeval`s (user, system), then 14 longs we ignore.
#[repr(C)]
struct Rusage {
    utime: [i64; 2],
    stime: [i64; 2],
    _rest: [i64; 14],
}

unsafe extern "C" {
    fn getrusage(who: i32, usage: *mut Rusage) -> i32;
}

const RUSAGE_CHILDREN: i32 = -1;

/// CPU time (user + system) of all children that have ended and been waited for so far.
fn children_cpu_time() -> Duration {
    let mut u = Rusage { utime: [0; 2], stime: [0; 2], _rest: [0; 14] };
    let rc = unsafe { getrusage(RUSAGE_CHILDREN, &mut u) };
    assert_eq!(rc, 0, "getrusage failed");
    let tv = |t: [i64; 2]| Duration::from_secs(t[0] as u64) + Duration::from_micros(t[1] as u64);
    tv(u.utime) + tv(u.stime)
}

struct Measured {
    output: Output,
    cpu: Duration,
    wall: Duration,
}

/// Runs `cmd` to completion. Only one child runs at a time, so the growth of the children's
/// CPU time is this child's (and its own waited-for children's, e.g. the linker under rustc).
fn measure(cmd: &mut Command) -> Measured {
    let cpu0 = children_cpu_time();
    let t0 = Instant::now();
    let output = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    let wall = t0.elapsed();
    Measured { output, cpu: children_cpu_time() - cpu0, wall }
}

#[derive(Default, Clone)]
struct Samples {
    cpu: Vec<f64>,
    wall: Vec<f64>,
}

impl Samples {
    fn push(&mut self, m: &Measured) {
        self.cpu.push(m.cpu.as_secs_f64());
        self.wall.push(m.wall.as_secs_f64());
    }
}

fn min(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::INFINITY, f64::min)
}

fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let n = s.len();
    if n % 2 == 1 { s[n / 2] } else { (s[n / 2 - 1] + s[n / 2]) / 2.0 }
}

fn geomean(v: &[f64]) -> f64 {
    (v.iter().map(|x| x.ln()).sum::<f64>() / v.len() as f64).exp()
}

fn env_usize(name: &str, default: usize) -> usize {
    match std::env::var(name) {
        Ok(v) => v.parse().ok().filter(|&n| n > 0).unwrap_or_else(|| panic!("{name}={v}: expected a positive integer")),
        Err(_) => default,
    }
}

/// Bytes of machine code that the program's own objects put into the binary, read from the
/// linker's map file (lld's format: `VMA LMA Size Align Out In`, input sections named
/// `path:(section)`). Only the crate's codegen units count, not std's precompiled objects, which
/// are identical for both backends and are most of the `.text` of a small program.
///
/// Each input section counts with its size rounded up to its alignment: the built-in backend puts
/// every function in its own `.text.NAME` section (padding between them is the linker's and not
/// in their sizes), while one `.text` section holding all functions includes that padding.
fn own_code_size(map_file: &Path) -> u64 {
    let map = std::fs::read_to_string(map_file).unwrap_or_else(|e| panic!("read {}: {e}", map_file.display()));
    let mut total = 0;
    for line in map.lines() {
        let mut cols = line.split_whitespace();
        let (Some(_vma), Some(_lma), Some(size), Some(align), Some(input)) =
            (cols.next(), cols.next(), cols.next(), cols.next(), cols.next())
        else {
            continue;
        };
        let Some((file, section)) = input.split_once(":(") else { continue };
        if file.ends_with(".rcgu.o") && !file.contains(".rlib(") && section.starts_with(".text") {
            let size = u64::from_str_radix(size, 16).unwrap_or_else(|_| panic!("bad size in map line `{line}`"));
            let align: u64 = align.parse().unwrap_or_else(|_| panic!("bad alignment in map line `{line}`"));
            total += size.next_multiple_of(align.max(1));
        }
    }
    assert!(total > 0, "{}: no code from the program's own objects; has the map format changed?", map_file.display());
    total
}

struct Row {
    name: String,
    run: [Samples; 2],
    compile: [Samples; 2],
    file_size: [u64; 2],
    code_size: [u64; 2],
    /// Instructions executed (`BENCH_INSTRUCTIONS=1`), which no other load on the machine changes.
    instructions: Option<[u64; 2]>,
}

/// Instructions the program executes, counted by valgrind's cachegrind (no cache simulation).
fn instructions(binary: &Path) -> u64 {
    let out = Command::new("valgrind")
        .args(["--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"])
        .arg(binary)
        .env_remove("RUST_BACKTRACE")
        .output()
        .unwrap_or_else(|e| panic!("run valgrind: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    // `==<pid>== I refs:      1,234,567`: only the digits after `refs:` (not the pid's).
    let count = stderr.lines().find_map(|l| l.split_once(" refs:").map(|(_, n)| n));
    let digits: String = count
        .unwrap_or_else(|| panic!("no instruction count from valgrind:\n{stderr}"))
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().expect("an instruction count")
}

impl Row {
    fn run_ratio_min(&self) -> f64 {
        min(&self.run[0].cpu) / min(&self.run[1].cpu)
    }
    fn run_ratio_median(&self) -> f64 {
        median(&self.run[0].cpu) / median(&self.run[1].cpu)
    }
    fn run_ratio_wall_min(&self) -> f64 {
        min(&self.run[0].wall) / min(&self.run[1].wall)
    }
    fn file_ratio(&self) -> f64 {
        self.file_size[0] as f64 / self.file_size[1] as f64
    }
    fn code_ratio(&self) -> f64 {
        self.code_size[0] as f64 / self.code_size[1] as f64
    }
    fn compile_ratio(&self) -> f64 {
        min(&self.compile[0].cpu) / min(&self.compile[1].cpu)
    }
    fn instruction_ratio(&self) -> f64 {
        let [ours, builtin] = self.instructions.expect("instructions counted");
        ours as f64 / builtin as f64
    }
    fn compile_ratio_wall(&self) -> f64 {
        min(&self.compile[0].wall) / min(&self.compile[1].wall)
    }
}

/// The first line where two outputs differ, for the failure report.
fn first_difference(a: &[u8], b: &[u8]) -> String {
    let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    let mut la = a.lines();
    let mut lb = b.lines();
    for n in 1.. {
        match (la.next(), lb.next()) {
            (None, None) => break,
            (x, y) if x == y => continue,
            (x, y) => {
                return format!(
                    "line {n}:\n      ours:    {}\n      builtin: {}",
                    x.unwrap_or("<end>"),
                    y.unwrap_or("<end>")
                );
            }
        }
    }
    "(same lines; differs in trailing bytes)".into()
}

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (profile_dir, target_dir) = support::profile_and_target_dirs();
    let reps = env_usize("BENCH_REPS", 7);
    let compile_reps = env_usize("BENCH_COMPILE_REPS", 3);
    // cargo bench passes `--bench`; other free arguments select programs.
    let mut filters: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    if let Ok(f) = std::env::var("BENCH_FILTER") {
        filters.extend(f.split(',').filter(|s| !s.is_empty()).map(String::from));
    }

    let ours = match std::env::var("BENCH_OURS_BACKEND") {
        Ok(b) => b,
        Err(_) => support::build_backend(&root, &profile_dir).display().to_string(),
    };
    let extra_flags: Vec<String> =
        std::env::var("BENCH_RUSTFLAGS").unwrap_or_default().split_whitespace().map(String::from).collect();
    let count_instructions = std::env::var("BENCH_INSTRUCTIONS").is_ok_and(|v| v == "1");
    // The LTO modes to measure: rustc's default (crate-local ThinLTO), -Clto=fat, -Clto=thin.
    let modes: Vec<&str> = match std::env::var("BENCH_LTO") {
        Ok(v) => ["default", "fat", "thin"].into_iter().filter(|m| v.split(',').any(|x| x == *m)).collect(),
        Err(_) => vec!["default", "fat", "thin"],
    };
    let out_dir = target_dir.join("bench");
    std::fs::create_dir_all(&out_dir).expect("create target/bench");

    let mut names: Vec<String> = std::fs::read_dir(root.join("bench-programs"))
        .expect("read bench-programs/")
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".rs").map(String::from))
        .filter(|n| filters.is_empty() || filters.iter().any(|f| n.contains(f.as_str())))
        .collect();
    names.sort();
    if names.is_empty() {
        eprintln!("no program in bench-programs/ matches {filters:?}");
        return ExitCode::FAILURE;
    }

    println!("ours = -Zcodegen-backend={ours}");
    println!("built-in = -Zcodegen-backend=llvm; both: rustc --edition 2021 -Copt-level=3 {}", extra_flags.join(" "));
    println!(
        "{} programs, {reps} timed runs and {compile_reps} compiles per backend, interleaved; LTO modes {modes:?}\n",
        names.len()
    );

    let mut results: Vec<(&str, Vec<Row>)> = Vec::new();
    let mut failures = Vec::new();
    for &mode in &modes {
        let lto_flags: Vec<String> = match mode {
            "default" => vec![],
            lto => vec![format!("-Clto={lto}")],
        };
        let mut rows = Vec::new();
        for name in &names {
            eprint!("{name} [{mode}]: compiling…");
            // Relative to the repo root, where rustc runs: the path is embedded in the binaries (panic
            // locations), and an absolute one would make code addresses, and so alignment-sensitive
            // run times, depend on where the repo is checked out.
            let source = format!("bench-programs/{name}.rs");
            let binaries = BACKENDS.map(|b| out_dir.join(format!("{name}-{mode}-{b}")));
            let backend_flags = [format!("-Zcodegen-backend={ours}"), "-Zcodegen-backend=llvm".to_string()];
            let compile_to = |side: usize, output: &Path, extra: &[String]| {
                let m = measure(
                    Command::new("rustc")
                        .current_dir(&root)
                        .args(["--edition", "2021", "-Copt-level=3", &backend_flags[side]])
                        .args(&extra_flags)
                        .args(&lto_flags)
                        .args(extra)
                        .arg(&source)
                        .arg("-o")
                        .arg(output),
                );
                if !m.output.status.success() {
                    panic!(
                        "{name}: rustc with {} failed:\n{}",
                        backend_flags[side],
                        String::from_utf8_lossy(&m.output.stderr)
                    );
                }
                m
            };
            // An untimed first compile of each, which also warms the caches for the timed ones,
            // writes a link map to measure the program's own code. The timed compiles use no extra
            // flag and produce the binaries that are run.
            let mut code_size = [0; 2];
            for side in 0..2 {
                let map = out_dir.join(format!("{name}-{mode}-{}-map.map", BACKENDS[side]));
                compile_to(
                    side,
                    &out_dir.join(format!("{name}-{mode}-{}-map", BACKENDS[side])),
                    &[format!("-Clink-arg=-Wl,-Map={}", map.display())],
                );
                code_size[side] = own_code_size(&map);
            }
            let mut compile: [Samples; 2] = Default::default();
            for _ in 0..compile_reps {
                for side in 0..2 {
                    compile[side].push(&compile_to(side, &binaries[side], &[]));
                }
            }

            eprint!(" running…");
            let run = |side: usize| {
                let m = measure(Command::new(&binaries[side]).env_remove("RUST_BACKTRACE"));
                if !m.output.status.success() {
                    panic!(
                        "{name}-{} exited with {}:\n{}",
                        BACKENDS[side],
                        m.output.status,
                        String::from_utf8_lossy(&m.output.stderr)
                    );
                }
                m
            };
            // An untimed first run of each warms the page cache and gives the reference outputs.
            let reference = [run(0).output.stdout, run(1).output.stdout];
            let mut mismatch = (reference[0] != reference[1])
                .then(|| format!("ours and built-in differ at {}", first_difference(&reference[0], &reference[1])));
            let mut samples: [Samples; 2] = Default::default();
            for _ in 0..reps {
                for side in 0..2 {
                    let m = run(side);
                    if m.output.stdout != reference[side] && mismatch.is_none() {
                        mismatch = Some(format!("{}: output changed between runs of the same binary", BACKENDS[side]));
                    }
                    samples[side].push(&m);
                }
            }
            eprintln!(" done");
            if let Some(diff) = mismatch {
                eprintln!("!!! {name} [{mode}]: OUTPUT MISMATCH: {diff}");
                failures.push(format!("{name} [{mode}]"));
            }
            let size = |p: &PathBuf| std::fs::metadata(p).expect("binary").len();
            rows.push(Row {
                name: name.clone(),
                run: samples,
                compile,
                file_size: [size(&binaries[0]), size(&binaries[1])],
                code_size,
                instructions: count_instructions.then(|| [instructions(&binaries[0]), instructions(&binaries[1])]),
            });
        }
        results.push((mode, rows));
    }

    for (mode, rows) in &results {
        println!(
            "\n== {mode}: {}",
            if *mode == "default" {
                "each backend's defaults (crate-local ThinLTO)".to_string()
            } else {
                format!("-Clto={mode}")
            }
        );
        print_table(rows, &failures, reps, compile_reps);
    }
    print_lto_summary(&results);
    if std::env::var("BENCH_DEBUGINFO").map_or(true, |v| v != "0") {
        print_debuginfo_table(&root, &out_dir, &names, &ours, compile_reps);
    }

    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!("\nFAILED: ours and built-in binaries print different output for: {}", failures.join(", "));
        ExitCode::FAILURE
    }
}

fn print_table(rows: &[Row], failures: &[String], reps: usize, compile_reps: usize) {
    println!(
        "{:<16} {:>9} {:>9} {:>7} {:>7} {:>7} | {:>9} {:>9} {:>6} | {:>8} {:>8} {:>6} | {:>7} {:>7} {:>6}",
        "program",
        "run ours",
        "built-in",
        "min",
        "median",
        "wall",
        "code",
        "built-in",
        "ratio",
        "file",
        "built-in",
        "ratio",
        "compile",
        "built-in",
        "ratio"
    );
    for r in rows {
        let flag =
            if failures.iter().any(|f| f.starts_with(&format!("{} [", r.name))) { "  OUTPUT MISMATCH" } else { "" };
        println!(
            "{:<16} {:>8.3}s {:>8.3}s {:>7.3} {:>7.3} {:>7.3} | {:>9} {:>9} {:>6.3} | {:>7}K {:>7}K {:>6.3} | {:>6.3}s {:>7.3}s {:>6.3}{flag}",
            r.name,
            min(&r.run[0].cpu),
            min(&r.run[1].cpu),
            r.run_ratio_min(),
            r.run_ratio_median(),
            r.run_ratio_wall_min(),
            r.code_size[0],
            r.code_size[1],
            r.code_ratio(),
            r.file_size[0] / 1024,
            r.file_size[1] / 1024,
            r.file_ratio(),
            min(&r.compile[0].cpu),
            min(&r.compile[1].cpu),
            r.compile_ratio(),
        );
    }
    let gm = |f: fn(&Row) -> f64| geomean(&rows.iter().map(f).collect::<Vec<_>>());
    println!(
        "{:<16} {:>9} {:>9} {:>7.3} {:>7.3} {:>7.3} | {:>9} {:>9} {:>6.3} | {:>8} {:>8} {:>6.3} | {:>7} {:>7} {:>6.3}",
        "geomean",
        "",
        "",
        gm(Row::run_ratio_min),
        gm(Row::run_ratio_median),
        gm(Row::run_ratio_wall_min),
        "",
        "",
        gm(Row::code_ratio),
        "",
        "",
        gm(Row::file_ratio),
        "",
        "",
        gm(Row::compile_ratio)
    );
    println!();
    println!(
        "run time: CPU time (user+sys) of the minimum of {reps} interleaved runs; ratios ours/built-in of that minimum,"
    );
    println!("  of the median CPU time, and of the minimum wall-clock time (which also counts waiting for a core)");
    println!(
        "compile time: CPU time of rustc and the linker, minimum of {compile_reps}; wall-clock geomean ratio {:.3}",
        gm(Row::compile_ratio_wall)
    );
    println!(
        "code: bytes of .text from the program's own codegen units (from a link map); file: whole unstripped binary, mostly std"
    );
    println!(
        "issue 4 goal: run-time geomean <= 1.02: {} ({:.3}); size ratio <= 1.05: {} (code {:.3}, file {:.3})",
        if gm(Row::run_ratio_min) <= 1.02 { "met" } else { "NOT met" },
        gm(Row::run_ratio_min),
        if gm(Row::code_ratio) <= 1.05 && gm(Row::file_ratio) <= 1.05 { "met" } else { "NOT met" },
        gm(Row::code_ratio),
        gm(Row::file_ratio),
    );
}

/// The total size of an object's `.debug_*` sections (`llvm-size -A`).
fn debug_sections_size(llvm_size: &Path, object: &Path) -> u64 {
    let out = Command::new(llvm_size).arg("-A").arg(object).output().expect("run llvm-size");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.starts_with(".debug_"))
        .filter_map(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        .sum()
}

/// Debug builds as cargo's dev profile makes them (`-Copt-level=0 -g`): compile time (CPU, the
/// minimum of `compile_reps`, alternating) and the size of the program's own `.debug_*`
/// sections (its object, without std's prebuilt DWARF), ours against the built-in backend's.
fn print_debuginfo_table(root: &Path, out_dir: &Path, names: &[String], ours: &str, compile_reps: usize) {
    let llvm_size = support::sysroot(root).join("lib/rustlib/x86_64-unknown-linux-gnu/bin/llvm-size");
    println!("\n== debug builds: -Copt-level=0 -g (cargo's dev profile), --emit=link,obj");
    println!(
        "{:<16} {:>9} {:>9} {:>7}   {:>10} {:>10} {:>7}",
        "program", "compile", "built-in", "ratio", ".debug_*", "built-in", "ratio"
    );
    let (mut compile_ratios, mut size_ratios) = (Vec::new(), Vec::new());
    for name in names {
        let source = format!("bench-programs/{name}.rs");
        let backends = [format!("-Zcodegen-backend={ours}"), "-Zcodegen-backend=llvm".to_string()];
        let outputs = BACKENDS.map(|b| out_dir.join(format!("{name}-debug-{b}")));
        let compile = |side: usize| {
            let m = measure(
                Command::new("rustc")
                    .current_dir(root)
                    .args([
                        "--edition",
                        "2021",
                        "-Copt-level=0",
                        "-g",
                        "--emit=link,obj",
                        &backends[side],
                        &source,
                        "-o",
                    ])
                    .arg(&outputs[side]),
            );
            assert!(
                m.output.status.success(),
                "{name}: rustc -g with {} failed:\n{}",
                backends[side],
                String::from_utf8_lossy(&m.output.stderr)
            );
            m.cpu.as_secs_f64()
        };
        let mut times = [Vec::new(), Vec::new()];
        for _ in 0..compile_reps.max(1) {
            for side in 0..2 {
                times[side].push(compile(side));
            }
        }
        let sizes = [0, 1].map(|side| debug_sections_size(&llvm_size, &outputs[side].with_extension("o")));
        let (t, z) = (min(&times[0]) / min(&times[1]), sizes[0] as f64 / sizes[1] as f64);
        compile_ratios.push(t);
        size_ratios.push(z);
        println!(
            "{name:<16} {:>8.2}s {:>8.2}s {t:>7.3}   {:>9}K {:>9}K {z:>7.3}",
            min(&times[0]),
            min(&times[1]),
            sizes[0] / 1024,
            sizes[1] / 1024
        );
    }
    println!(
        "{:<16} {:>9} {:>9} {:>7.3}   {:>10} {:>10} {:>7.3}   (goals: compile <= 1.00, .debug_* <= 1.05)",
        "geomean",
        "",
        "",
        geomean(&compile_ratios),
        "",
        "",
        geomean(&size_ratios)
    );
}

/// The LTO column: the run-time and compile-time ratios per program in each mode, with the
/// goals of issue 8 next to them.
fn print_lto_summary(results: &[(&str, Vec<Row>)]) {
    println!("\n== LTO: run-time ratio (min CPU) and compile-time ratio, ours/built-in, per mode");
    print!("{:<16}", "program");
    for (mode, _) in results {
        print!(" {:>9} {:>9}", format!("run {mode}"), "compile");
    }
    println!();
    let Some((_, first)) = results.first() else { return };
    for (i, row) in first.iter().enumerate() {
        print!("{:<16}", row.name);
        for (_, rows) in results {
            print!(" {:>9.3} {:>9.3}", rows[i].run_ratio_min(), rows[i].compile_ratio());
        }
        println!();
    }
    if first.iter().all(|r| r.instructions.is_some()) {
        println!("\ninstructions executed (valgrind), ours/built-in:");
        for (mode, rows) in results {
            let ratios: Vec<f64> = rows.iter().map(|r| r.instruction_ratio()).collect();
            let shown: Vec<String> = rows.iter().zip(&ratios).map(|(r, x)| format!("{} {x:.3}", r.name)).collect();
            println!("  {mode}: geomean {:.3}; {}", geomean(&ratios), shown.join(", "));
        }
    }
    print!("{:<16}", "geomean");
    for (_, rows) in results {
        let run = geomean(&rows.iter().map(Row::run_ratio_min).collect::<Vec<_>>());
        let compile = geomean(&rows.iter().map(Row::compile_ratio).collect::<Vec<_>>());
        print!(" {:>9.3} {:>9.3}", run, compile);
    }
    println!();
    let verdict = |ok: bool| if ok { "met" } else { "NOT met" };
    for (mode, rows) in results {
        let run = geomean(&rows.iter().map(Row::run_ratio_min).collect::<Vec<_>>());
        let worst = rows.iter().map(Row::run_ratio_min).fold(0.0, f64::max);
        let compile = geomean(&rows.iter().map(Row::compile_ratio).collect::<Vec<_>>());
        let run_goal = if *mode == "default" {
            format!(
                "run geomean <= 1.00 and every program <= 1.03: {} ({run:.3}, worst {worst:.3})",
                verdict(run <= 1.0 && worst <= 1.03)
            )
        } else {
            format!("run geomean <= 1.02: {} ({run:.3})", verdict(run <= 1.02))
        };
        println!("issue 8 goals, {mode}: {run_goal}; compile <= 1.05: {} ({compile:.3})", verdict(compile <= 1.05));
    }
}
