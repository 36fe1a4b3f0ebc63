//! Sanitizers and profile-guided optimization, checked side by side with the built-in backend.
//!
//! The programs in `tests/instrument-programs/` are built by both backends. Sanitized programs
//! must behave the same: run clean without their bug, and stop with the same essential report
//! (addresses and pids left out) with it. The PGO round trip instruments `pgo_branchy.rs`, runs
//! it, merges the profile with llvm-profdata and rebuilds with `-Cprofile-use` to LLVM IR, whose
//! branch weights must show the run's 1:9 skew — for every pairing of the backend that made the
//! profile and the one that uses it. `-Csplit-debuginfo` without `-g` must leave the same files.
//! Everything is written under `target/instrument/`. The first free argument selects the checks
//! whose names contain it (`cargo test --release --test instrument -- asan`).

use std::path::{Path, PathBuf};
use std::process::Command;

use support::{COMPILE_TIMEOUT, Output, RUN_TIMEOUT, TOOL_TIMEOUT};

mod support;

struct Env {
    root: PathBuf,
    out: PathBuf,
    /// `(name, -Zcodegen-backend value)`, ours first.
    backends: [(&'static str, String); 2],
    llvm_tools: PathBuf,
}

type Check = fn(&Env) -> Result<(), String>;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (profile_dir, target_dir) = support::profile_and_target_dirs();
    let ours = support::build_backend(&root, &profile_dir);
    let llvm_tools = support::sysroot(&root).join("lib/rustlib/x86_64-unknown-linux-gnu/bin");
    let out = target_dir.join("instrument");
    std::fs::create_dir_all(&out).expect("create target/instrument");
    let env =
        Env { root, out, backends: [("ours", ours.display().to_string()), ("builtin", "llvm".into())], llvm_tools };

    let checks: [(&str, Check); 10] = [
        ("asan_heap_overflow", asan_heap_overflow),
        ("asan_global_overflow", asan_global_overflow),
        ("tsan_race", tsan_race),
        ("msan_uninit", msan_uninit),
        ("lsan_leak", lsan_leak),
        ("rtsan_alloc", rtsan_alloc),
        ("safestack_buffer", safestack_buffer),
        ("pgo_round_trip_O3", |env| pgo_round_trip(env, 3)),
        ("pgo_round_trip_O0", |env| pgo_round_trip(env, 0)),
        ("split_debuginfo_without_g", split_debuginfo_without_g),
    ];
    let env = &env;
    let cases: Vec<support::Case<'_>> = checks
        .into_iter()
        .map(|(name, check)| -> support::Case<'_> {
            (name.to_string(), Box::new(move || check(env).map_err(|e| indent(&e))))
        })
        .collect();
    support::run_cases(&cases);
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("    {l}\n")).collect()
}

/// Compiles `tests/instrument-programs/<program>.rs` with one backend; rustc runs in the repo
/// root so that rustup picks the pinned toolchain.
fn rustc(env: &Env, backend: &str, program: &str, flags: &[&str], output: &Path) -> Result<Output, String> {
    let src = format!("tests/instrument-programs/{program}.rs");
    let out = support::run(
        Command::new("rustc")
            .current_dir(&env.root)
            .arg(&src)
            .arg(format!("-Zcodegen-backend={backend}"))
            .args(flags)
            .arg("-o")
            .arg(output),
        COMPILE_TIMEOUT,
    )?;
    let stderr = &out.stderr;
    if out.status != 0 || stderr.contains("panicked") {
        return Err(format!("rustc {src} {flags:?} with {backend} failed (exit status {}):\n{stderr}", out.status));
    }
    Ok(out)
}

fn run(exe: &Path, args: &[&str]) -> Result<Output, String> {
    support::run(
        Command::new(exe).args(args).env_remove("RUST_BACKTRACE").env_remove("RUST_LIB_BACKTRACE"),
        RUN_TIMEOUT,
    )
}

/// The report lines containing one of `keys`, without what changes from run to run
/// (addresses, pids, how often the same report repeats).
fn essentials(report: &str, keys: &[&str]) -> Vec<String> {
    let mut lines: Vec<String> = report
        .lines()
        .filter(|l| keys.iter().any(|k| l.contains(k)))
        .map(|l| {
            let mut s = String::new();
            let mut rest = l.trim();
            while let Some(i) = rest.find("0x") {
                s.push_str(&rest[..i]);
                s.push_str("ADDR");
                rest = rest[i + 2..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
            }
            s.push_str(rest);
            strip_numbers_after(&strip_numbers_after(&s, "=="), "pid=")
        })
        .collect();
    lines.dedup();
    lines
}

/// `marker<digits>` becomes `marker#`.
fn strip_numbers_after(s: &str, marker: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find(marker) {
        out.push_str(&rest[..i + marker.len()]);
        rest = &rest[i + marker.len()..];
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 {
            out.push('#');
            rest = &rest[digits..];
        }
    }
    out.push_str(rest);
    out
}

/// One sanitized program's runs: `(stdout, exit code, essential report lines)` per backend.
struct SanitizerCase<'a> {
    program: &'a str,
    flags: &'a [&'a str],
    /// Flags that put the bug in (`--cfg …`), or program arguments that trigger it.
    bug_flags: &'a [&'a str],
    bug_args: &'a [&'a str],
    report_keys: &'a [&'a str],
    /// Must appear in the report with the bug.
    must_report: &'a [&'a str],
}

fn check_sanitizer(env: &Env, case: &SanitizerCase<'_>) -> Result<(), String> {
    for opt in [0, 3] {
        let opt_flag = format!("-Copt-level={opt}");
        let mut seen: Vec<(String, i32, Vec<String>)> = Vec::new();
        for (name, backend) in &env.backends {
            let mut flags: Vec<&str> = case.flags.to_vec();
            flags.push(&opt_flag);
            let clean_exe = env.out.join(format!("{}-O{opt}-{name}-clean", case.program));
            rustc(env, backend, case.program, &flags, &clean_exe)?;
            let clean = run(&clean_exe, &[])?;
            let clean_report = clean.stderr.clone();
            if clean.status != 0 || !clean_report.is_empty() {
                return Err(format!(
                    "{name} -O{opt}: the program without its bug failed (exit status {}):\n{clean_report}",
                    clean.status
                ));
            }

            let bug_exe = env.out.join(format!("{}-O{opt}-{name}-bug", case.program));
            flags.extend(case.bug_flags);
            rustc(env, backend, case.program, &flags, &bug_exe)?;
            let bug = run(&bug_exe, case.bug_args)?;
            let report = bug.stderr.clone();
            if bug.status == 0 {
                return Err(format!("{name} -O{opt}: the program with its bug exited successfully:\n{report}"));
            }
            if let Some(missing) = case.must_report.iter().find(|m| !report.contains(*m)) {
                return Err(format!("{name} -O{opt}: the report lacks `{missing}`:\n{report}"));
            }
            seen.push((clean.stdout.clone(), bug.status, essentials(&report, case.report_keys)));
        }
        if seen[0] != seen[1] {
            return Err(format!(
                "-O{opt}: the backends differ (clean stdout, exit code with the bug, report):\nours:    {:?}\nbuiltin: {:?}",
                seen[0], seen[1]
            ));
        }
    }
    Ok(())
}

fn asan_heap_overflow(env: &Env) -> Result<(), String> {
    check_sanitizer(
        env,
        &SanitizerCase {
            program: "asan_heap_overflow",
            flags: &["-Zsanitizer=address"],
            bug_flags: &[],
            bug_args: &["overflow"],
            report_keys: &["ERROR: AddressSanitizer", "READ of size", "#0 ", "is located", "SUMMARY:"],
            must_report: &[
                "ERROR: AddressSanitizer: heap-buffer-overflow",
                "READ of size 4",
                "is located 0 bytes after 32-byte region",
                "SUMMARY: AddressSanitizer: heap-buffer-overflow",
            ],
        },
    )
}

fn asan_global_overflow(env: &Env) -> Result<(), String> {
    check_sanitizer(
        env,
        &SanitizerCase {
            program: "asan_global_overflow",
            flags: &["-Zsanitizer=address"],
            bug_flags: &["--cfg", "overflow"],
            bug_args: &[],
            // Other "is located" lines name anonymous constants, whose names are not compared.
            report_keys: &["ERROR: AddressSanitizer", "READ of size", "after global variable", "SUMMARY:"],
            must_report: &[
                "ERROR: AddressSanitizer: global-buffer-overflow",
                "is located 0 bytes after global variable 'asan_global_overflow::TABLE'",
            ],
        },
    )
}

fn tsan_race(env: &Env) -> Result<(), String> {
    check_sanitizer(
        env,
        &SanitizerCase {
            program: "tsan_race",
            // std is not built with ThreadSanitizer; its synchronization goes through intercepted
            // pthread calls, which is enough for this program.
            flags: &["-Zsanitizer=thread", "-Cunsafe-allow-abi-mismatch=sanitizer"],
            bug_flags: &[],
            bug_args: &["race"],
            // Which of the two racing accesses is reported first depends on timing.
            report_keys: &["WARNING: ThreadSanitizer"],
            must_report: &["WARNING: ThreadSanitizer: data race", "SUMMARY: ThreadSanitizer: data race"],
        },
    )
}

fn msan_uninit(env: &Env) -> Result<(), String> {
    check_sanitizer(
        env,
        &SanitizerCase {
            program: "msan_uninit",
            flags: &["-Zsanitizer=memory", "-Cunsafe-allow-abi-mismatch=sanitizer"],
            bug_flags: &["--cfg", "uninit"],
            bug_args: &[],
            report_keys: &["WARNING: MemorySanitizer", "SUMMARY:"],
            must_report: &["WARNING: MemorySanitizer: use-of-uninitialized-value", "in msan_uninit::main"],
        },
    )
}

fn lsan_leak(env: &Env) -> Result<(), String> {
    check_sanitizer(
        env,
        &SanitizerCase {
            program: "lsan_leak",
            flags: &["-Zsanitizer=leak"],
            bug_flags: &["--cfg", "leak"],
            bug_args: &[],
            report_keys: &["ERROR: LeakSanitizer", "SUMMARY:"],
            must_report: &[
                "ERROR: LeakSanitizer: detected memory leaks",
                "SUMMARY: LeakSanitizer: 64 byte(s) leaked in 1 allocation(s).",
            ],
        },
    )
}

fn rtsan_alloc(env: &Env) -> Result<(), String> {
    check_sanitizer(
        env,
        &SanitizerCase {
            program: "rtsan_alloc",
            flags: &["-Zsanitizer=realtime", "-Cunsafe-allow-abi-mismatch=sanitizer"],
            bug_flags: &["--cfg", "alloc"],
            bug_args: &[],
            // The summary names the binary.
            report_keys: &["ERROR: RealtimeSanitizer"],
            must_report: &["ERROR: RealtimeSanitizer: unsafe-library-call"],
        },
    )
}

/// SafeStack is done by LLVM's code generator for functions with the `safestack` attribute:
/// both backends' programs must use the unsafe stack and print the same.
fn safestack_buffer(env: &Env) -> Result<(), String> {
    let mut seen = Vec::new();
    for (name, backend) in &env.backends {
        let exe = env.out.join(format!("safestack_buffer-{name}"));
        rustc(
            env,
            backend,
            "safestack_buffer",
            &["-Zsanitizer=safestack", "-Cunsafe-allow-abi-mismatch=sanitizer", "-Copt-level=3"],
            &exe,
        )?;
        let ran = run(&exe, &[])?;
        let disassembly = support::run(
            Command::new(env.llvm_tools.join("llvm-objdump")).args(["-d", "--no-show-raw-insn"]).arg(&exe),
            TOOL_TIMEOUT,
        )?;
        // The unsafe stack pointer is a thread local that main moves (`%fs:` addressing).
        let main_uses_unsafe_stack = disassembly
            .stdout
            .split("\n\n")
            .filter(|f| f.contains("safestack_buffer4main>:"))
            .any(|f| f.contains("%fs:"));
        seen.push((ran.status, ran.stdout.clone(), ran.stderr.clone(), main_uses_unsafe_stack));
    }
    if seen[0] != seen[1] || !seen[0].3 {
        return Err(format!(
            "(exit code, stdout, stderr, main uses the unsafe stack):\nours:    {:?}\nbuiltin: {:?}",
            seen[0], seen[1]
        ));
    }
    Ok(())
}

/// The branch weights and entry count LLVM IR gives `classify`, if any.
fn classify_profile(ir: &str) -> Result<(Option<Vec<u64>>, Option<u64>), String> {
    let lines: Vec<&str> = ir.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("define") && l.contains("8classify("))
        .ok_or("no definition of classify in the IR")?;
    let metadata = |line: &str| -> Option<Vec<u64>> {
        let id = line.split("!prof !").nth(1)?.split(|c: char| !c.is_ascii_digit()).next()?;
        let def = lines.iter().find(|l| l.starts_with(&format!("!{id} = ")))?;
        // `!N = !{!"branch_weights", i32 100, i32 900}`: the integer operands.
        let operands = def.split_once("!{")?.1.trim_end().strip_suffix('}')?;
        Some(
            operands
                .split(',')
                .filter_map(|t| t.trim().strip_prefix("i32 ").or_else(|| t.trim().strip_prefix("i64 ")))
                .filter_map(|n| n.parse().ok())
                .collect(),
        )
    };
    let entry = metadata(lines[start]).and_then(|v| v.first().copied());
    let branch = lines[start..]
        .iter()
        .take_while(|l| **l != "}")
        .find(|l| l.contains("br i1 "))
        .ok_or("classify has no conditional branch")?;
    Ok((metadata(branch), entry))
}

fn pgo_round_trip(env: &Env, opt: u32) -> Result<(), String> {
    let opt_flag = format!("-Copt-level={opt}");
    let mut profiles = Vec::new();
    let mut outputs = Vec::new();
    for (name, backend) in &env.backends {
        let dir = env.out.join(format!("pgo-O{opt}-{name}-profraw"));
        let _ = std::fs::remove_dir_all(&dir);
        let generate = format!("-Cprofile-generate={}", dir.display());
        let exe = env.out.join(format!("pgo-O{opt}-{name}-instrumented"));
        rustc(env, backend, "pgo_branchy", &[&opt_flag, &generate], &exe)?;
        let ran = run(&exe, &["1000"])?;
        if ran.status != 0 {
            return Err(format!("{name}: the instrumented program failed: {}", ran.stderr));
        }
        outputs.push(ran.stdout.clone());
        // The file name comes from `__llvm_profile_filename`: `default_<hash>.profraw`.
        let raws: Vec<String> = std::fs::read_dir(&dir)
            .map_err(|e| format!("{name}: no profile directory {}: {e}", dir.display()))?
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        if raws.len() != 1 || !raws[0].starts_with("default_") || !raws[0].ends_with(".profraw") {
            return Err(format!("{name}: expected one default_<hash>.profraw in {}, found {raws:?}", dir.display()));
        }
        let profdata = env.out.join(format!("pgo-O{opt}-{name}.profdata"));
        let merged = support::run(
            Command::new(env.llvm_tools.join("llvm-profdata")).arg("merge").arg("-o").arg(&profdata).arg(&dir),
            TOOL_TIMEOUT,
        )?;
        if merged.status != 0 {
            return Err(format!("{name}: llvm-profdata merge failed: {}", merged.stderr));
        }
        profiles.push((*name, profdata));
    }
    if outputs[0] != outputs[1] {
        return Err(format!("the instrumented programs printed different results: {outputs:?}"));
    }

    for (user, backend) in &env.backends {
        let ir = env.out.join(format!("pgo-O{opt}-{user}-no-profile.ll"));
        rustc(env, backend, "pgo_branchy", &[&opt_flag, "--emit=llvm-ir"], &ir)?;
        let (weights, _) = classify_profile(&std::fs::read_to_string(&ir).map_err(|e| e.to_string())?)?;
        if weights.is_some() {
            return Err(format!("{user}: without a profile, classify's branch has weights {weights:?}"));
        }
        for (maker, profdata) in &profiles {
            let ir = env.out.join(format!("pgo-O{opt}-{user}-uses-{maker}.ll"));
            let use_flag = format!("-Cprofile-use={}", profdata.display());
            let compiled = rustc(env, backend, "pgo_branchy", &[&opt_flag, "--emit=llvm-ir", &use_flag], &ir)?;
            let (weights, entry) = classify_profile(&std::fs::read_to_string(&ir).map_err(|e| e.to_string())?)?;
            // `x % 10 == 0` held for 100 of the 1000 calls.
            if weights.as_deref() != Some(&[100, 900]) || entry != Some(1000) {
                return Err(format!(
                    "{user} using the profile of {maker}: classify has branch weights {weights:?} and entry count {entry:?}, expected [100, 900] and 1000"
                ));
            }
            // Functions whose control flow differs between the backends when counted are
            // reported (a warning) and left without weights, as the built-in backend does.
            let mismatches = compiled.stderr.lines().filter(|l| l.contains("hash mismatch")).count();
            if maker != user {
                println!(
                    "     -O{opt}: {user} using the profile of {maker}: classify matches; {mismatches} function(s) with a hash mismatch"
                );
            } else if mismatches > 0 {
                return Err(format!("{user} reports hash mismatches with its own profile:\n{}", compiled.stderr));
            }
        }
    }
    Ok(())
}

/// Without `-g` there is no debuginfo to split: both backends accept the option and leave the
/// same files.
fn split_debuginfo_without_g(env: &Env) -> Result<(), String> {
    for kind in ["unpacked", "packed"] {
        let mut listings = Vec::new();
        for (name, backend) in &env.backends {
            let dir = env.out.join(format!("split-debuginfo-{kind}-{name}"));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
            let flag = format!("-Csplit-debuginfo={kind}");
            rustc(env, backend, "pgo_branchy", &[&flag], &dir.join("program"))?;
            let mut files: Vec<String> = std::fs::read_dir(&dir)
                .map_err(|e| e.to_string())?
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .collect();
            files.sort();
            let ran = run(&dir.join("program"), &["20"])?;
            listings.push((files, ran.stdout.clone()));
        }
        if listings[0] != listings[1] {
            return Err(format!("-Csplit-debuginfo={kind}: ours left {:?}, builtin {:?}", listings[0], listings[1]));
        }
    }
    Ok(())
}
