//! The backend as users install and call it (README, "Using the backend"): `rustc-inkwell`;
//! `cargo inkwell build/run/test/doc` on a project with a crates.io dependency, a build script,
//! a proc-macro and a doctest (`tests/cargo-inkwell-project/`); `cargo inkwell setup` and
//! `uninstall`, with the backend used by name from rustc and from a cargo profile; `cargo inkwell
//! sysroot`, and a program on the standard library it built; `cargo inkwell build -jN` keeping
//! within N jobserver tokens. Programs must print what the built-in backend's print.
//!
//! `setup` writes into the pinned toolchain. The case leaves the toolchain's `lib/rustlib/<host>`
//! as it found it, and puts back a copy of the backend that was installed before.

// The wrappers' own knowledge of the toolchain: its name, and where a backend is installed.
#[path = "../src/bin/installation/mod.rs"]
mod installation;
mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use support::{CARGO_TIMEOUT, COMPILE_TIMEOUT, Output, RUN_TIMEOUT, TOOL_TIMEOUT};

struct Cx {
    root: PathBuf,
    /// Where `rustc-inkwell`, `cargo-inkwell` and the dylib were built.
    bin: PathBuf,
    work: PathBuf,
}

/// Runs `cmd` for at most `limit`, which must succeed.
fn run(cmd: &mut Command, limit: Duration) -> Result<Output, String> {
    let out = support::run(cmd, limit)?;
    if !out.success() {
        return Err(format!("{} failed (exit status {}):\n{}{}", out.command, out.status, out.stdout, out.stderr));
    }
    Ok(out)
}

/// Compiles and runs `examples/hello.rs` with `rustc` (a command that takes rustc's arguments).
fn hello(cx: &Cx, mut rustc: Command, tag: &str) -> Result<String, String> {
    let exe = cx.work.join(format!("hello-{tag}"));
    run(rustc.current_dir(&cx.root).arg("examples/hello.rs").arg("-o").arg(&exe), COMPILE_TIMEOUT)?;
    Ok(run(&mut Command::new(&exe), RUN_TIMEOUT)?.stdout)
}

/// `cargo-inkwell` as cargo runs it: `cargo-inkwell inkwell <args>`.
fn cargo_inkwell_command(cx: &Cx) -> Command {
    let mut cmd = Command::new(cx.bin.join("cargo-inkwell"));
    cmd.arg("inkwell");
    cmd
}

fn same(what: &str, ours: &str, builtin: &str) -> Result<(), String> {
    if ours == builtin { Ok(()) } else { Err(format!("{what} differs\n--- ours:\n{ours}--- built-in:\n{builtin}")) }
}

fn rustc_inkwell(cx: &Cx) -> Result<(), String> {
    let ours = hello(cx, Command::new(cx.bin.join("rustc-inkwell")), "rustc-inkwell")?;
    let builtin = hello(cx, installation::rustc(), "builtin")?;
    same("hello's output", &ours, &builtin)
}

/// `cargo <args>` (or `cargo inkwell <args>` with `inkwell`) in the test project, on a target
/// directory of its own.
fn project_cargo(cx: &Cx, inkwell: bool, target: &str) -> Command {
    let mut cmd = if inkwell { cargo_inkwell_command(cx) } else { installation::cargo() };
    cmd.current_dir(cx.root.join("tests/cargo-inkwell-project"))
        .env("CARGO_TARGET_DIR", cx.work.join(target))
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("RUSTDOCFLAGS")
        .env_remove("CARGO_ENCODED_RUSTDOCFLAGS");
    cmd
}

/// The crates that `cargo -v` shows compiled (`rustc --crate-name X`) or doctested (`rustdoc
/// --test`) without `expected` among their flags.
fn compiled_without(verbose_stderr: &str, expected: &str) -> (usize, Vec<String>) {
    let mut seen = 0;
    let mut missing = Vec::new();
    for line in verbose_stderr.lines().filter(|l| l.trim_start().starts_with("Running `")) {
        let is_compile = line.contains("--crate-name") || line.contains("rustdoc");
        if !is_compile {
            continue;
        }
        seen += 1;
        if !line.contains(expected) {
            missing.push(line.trim().chars().take(160).collect());
        }
    }
    (seen, missing)
}

fn cargo_inkwell(cx: &Cx) -> Result<(), String> {
    let backend = format!("-Zcodegen-backend={}", cx.bin.join("librustc_codegen_inkwell.so").display());
    let _ = std::fs::remove_dir_all(cx.work.join("cargo-ours"));
    let build = run(project_cargo(cx, true, "cargo-ours").args(["build", "-v", "--locked"]), CARGO_TIMEOUT)?;
    let (seen, missing) = compiled_without(&&build.stderr, &backend);
    // The build script, the proc-macro, semver, the library and the binary.
    if seen < 5 || !missing.is_empty() {
        return Err(format!("`cargo inkwell build -v`: {seen} compilations, without the backend: {missing:#?}"));
    }
    let ours = run(project_cargo(cx, true, "cargo-ours").args(["run", "-q", "--locked"]), CARGO_TIMEOUT)?.stdout;
    let builtin = run(project_cargo(cx, false, "cargo-builtin").args(["run", "-q", "--locked"]), CARGO_TIMEOUT)?.stdout;
    same("the program's output", &ours, &builtin)?;

    let test = run(project_cargo(cx, true, "cargo-ours").args(["test", "-v", "--locked"]), CARGO_TIMEOUT)?;
    let report = &test.stdout;
    let passed: Vec<&str> = report.lines().filter(|l| l.starts_with("test result: ok. ")).collect();
    // Unit tests (2), the binary's (none) and the doctest (1).
    let counts: Vec<&str> = passed.iter().filter_map(|l| l.split(';').next()).collect();
    if counts != ["test result: ok. 2 passed", "test result: ok. 0 passed", "test result: ok. 1 passed"] {
        return Err(format!("`cargo inkwell test` reported:\n{report}"));
    }
    let (_, missing) = compiled_without(&&test.stderr, &backend);
    if !missing.is_empty() {
        return Err(format!("`cargo inkwell test -v` compiled without the backend: {missing:#?}"));
    }
    run(project_cargo(cx, true, "cargo-ours").args(["doc", "--locked", "--quiet"]), CARGO_TIMEOUT)?;
    Ok(())
}

/// The names in a directory, sorted (nothing for a missing one).
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

/// Puts the host's `lib/rustlib/<host>` back as it was: the backend uninstalled, or the copy
/// that was installed before restored.
struct Restore {
    installed: PathBuf,
    before: Option<Vec<u8>>,
}

impl Drop for Restore {
    fn drop(&mut self) {
        match &self.before {
            Some(bytes) => {
                let _ = std::fs::write(&self.installed, bytes);
            }
            None => {
                let _ = std::fs::remove_file(&self.installed);
                if let Some(dir) = self.installed.parent() {
                    let _ = std::fs::remove_dir(dir);
                }
            }
        }
    }
}

fn setup_by_name(cx: &Cx) -> Result<(), String> {
    let toolchain = installation::Toolchain::probe()?;
    let backends = toolchain.backends_dir();
    let host_dir = backends.parent().expect("codegen-backends has a parent").to_path_buf();
    let installed = toolchain.installed_dylib();
    let restore = Restore { before: std::fs::read(&installed).ok(), installed: installed.clone() };
    // Start from a toolchain without the backend, and compare the end with that.
    drop(Restore { before: None, installed: installed.clone() });
    let before = (listing(&host_dir), listing(&backends));

    // Twice: the second replaces the first.
    for _ in 0..2 {
        run(cargo_inkwell_command(cx).arg("setup"), TOOL_TIMEOUT)?;
        if !installed.is_file() {
            return Err(format!("`cargo inkwell setup` did not install {}", installed.display()));
        }
    }
    let built = std::fs::read(cx.bin.join("librustc_codegen_inkwell.so")).map_err(|e| e.to_string())?;
    if std::fs::read(&installed).map_err(|e| e.to_string())? != built {
        return Err(format!("{} is not the backend just built", installed.display()));
    }

    let mut by_name = installation::rustc();
    by_name.arg("-Zcodegen-backend=inkwell");
    let ours = hello(cx, by_name, "by-name")?;
    let builtin = hello(cx, installation::rustc(), "builtin")?;
    same("hello's output (-Zcodegen-backend=inkwell)", &ours, &builtin)?;

    // A cargo profile's `codegen-backend`, which rustc resolves by name.
    let profile = |inkwell: bool| {
        let mut cmd = project_cargo(cx, false, if inkwell { "cargo-profile" } else { "cargo-builtin" });
        if inkwell {
            cmd.args(["-Zcodegen-backend", "--config", "profile.dev.codegen-backend=\"inkwell\""]);
        }
        cmd.args(["run", "-v", "--locked"]);
        cmd
    };
    let _ = std::fs::remove_dir_all(cx.work.join("cargo-profile"));
    let with_profile = run(&mut profile(true), CARGO_TIMEOUT)?;
    let (seen, missing) = compiled_without(&with_profile.stderr, "codegen-backend=inkwell");
    if seen < 5 || !missing.is_empty() {
        return Err(format!("profile codegen-backend: {seen} compilations, without the backend: {missing:#?}"));
    }
    let builtin = run(&mut profile(false), CARGO_TIMEOUT)?;
    same("the program's output (profile codegen-backend)", &with_profile.stdout, &builtin.stdout)?;

    run(cargo_inkwell_command(cx).arg("uninstall"), TOOL_TIMEOUT)?;
    let after = (listing(&host_dir), listing(&backends));
    drop(restore);
    if after != before {
        return Err(format!("after uninstall the toolchain has {after:?}, before setup it had {before:?}"));
    }
    Ok(())
}

/// `thread 'main' (4242) panicked`: the thread id differs from run to run.
fn mask_thread_ids(stderr: &str) -> String {
    stderr
        .lines()
        .map(|line| match (line.strip_prefix("thread '"), line.find("' (")) {
            (Some(_), Some(at)) => match line[at + 3..].find(')') {
                Some(close) => format!("{}' (TID{}\n", &line[..at], &line[at + 3 + close..]),
                None => format!("{line}\n"),
            },
            _ => format!("{line}\n"),
        })
        .collect()
}

/// `cargo inkwell sysroot`, then a program on that standard library (compiled with `--sysroot`,
/// where the toolchain's own standard library is not) against the built-in backend's on the
/// toolchain's: the same stdout, stderr and exit status.
fn sysroot(cx: &Cx) -> Result<(), String> {
    let sysroot = cx.work.join("sysroot");
    run(cargo_inkwell_command(cx).arg("sysroot").arg(&sysroot), CARGO_TIMEOUT)?;
    let program = cx.root.join("tests/cargo-inkwell-project/std_program.rs");
    let outcome = |mut rustc: Command, tag: &str| -> Result<(String, String, i32), String> {
        let exe = cx.work.join(format!("std-program-{tag}"));
        run(rustc.arg("-O").arg(&program).arg("-o").arg(&exe), COMPILE_TIMEOUT)?;
        // No backtraces: the toolchain's standard library is built with its source paths
        // remapped (`/rustc/<commit>/`), which a standard library built here cannot match.
        let mut program = Command::new(&exe);
        program.env("INKWELL_STD_PROGRAM", "set").env_remove("RUST_BACKTRACE").env_remove("RUST_LIB_BACKTRACE");
        let out = support::run(&mut program, RUN_TIMEOUT)?;
        Ok((out.stdout, mask_thread_ids(&out.stderr), out.status))
    };
    let mut ours = Command::new(cx.bin.join("rustc-inkwell"));
    ours.arg("--sysroot").arg(&sysroot);
    let ours = outcome(ours, "ours")?;
    let builtin = outcome(installation::rustc(), "builtin")?;
    same("stdout", &ours.0, &builtin.0)?;
    same("stderr", &ours.1, &builtin.1)?;
    if ours.2 != builtin.2 || ours.2 != 101 {
        return Err(format!("exit status {} (built-in backend: {}; expected 101)", ours.2, builtin.2));
    }
    Ok(())
}

/// The most intervals `(start, end)` that overlap at any one time.
fn max_overlap(intervals: &[(u128, u128)]) -> usize {
    // Ends sort before starts at the same time: work handed over is not overlap.
    let mut events: Vec<(u128, i32)> = intervals.iter().flat_map(|&(s, e)| [(s, 1), (e, -1)]).collect();
    events.sort();
    let (mut depth, mut max) = (0i32, 0i32);
    for (_, step) in events {
        depth += step;
        max = max.max(depth);
    }
    max as usize
}

/// `cargo inkwell build --release -jN` with 8 codegen units per crate: the backend's work in
/// all the rustc processes (IR building, optimizing, emitting, as `INKWELL_WORK_LOG` records
/// it) never overlaps more than N deep. With N = 3 it must also overlap more than once, or the
/// test would show nothing.
fn jobserver(cx: &Cx) -> Result<(), String> {
    for jobs in [1, 3] {
        let target = format!("jobs-{jobs}");
        let _ = std::fs::remove_dir_all(cx.work.join(&target));
        let log = cx.work.join(format!("work-log-{jobs}"));
        let _ = std::fs::remove_file(&log);
        let mut cargo = project_cargo(cx, true, &target);
        cargo
            .args(["build", "--release", "--locked", "--quiet", &format!("-j{jobs}")])
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "8")
            .env("INKWELL_WORK_LOG", &log);
        run(&mut cargo, CARGO_TIMEOUT)?;
        let text = std::fs::read_to_string(&log).map_err(|e| format!("{}: {e}", log.display()))?;
        let intervals: Vec<(u128, u128)> = text
            .lines()
            .map(|l| {
                let mut fields = l.split(' ').map(|f| f.parse::<u128>().unwrap_or(0));
                (fields.next().unwrap_or(0), fields.next().unwrap_or(0))
            })
            .collect();
        let deepest = max_overlap(&intervals);
        let pids: std::collections::BTreeSet<&str> = text.lines().filter_map(|l| l.split(' ').nth(2)).collect();
        println!(
            "  -j{jobs}: {} pieces of work in {} rustc processes, at most {deepest} at once",
            intervals.len(),
            pids.len()
        );
        if deepest > jobs || (jobs > 1 && deepest < 2) || pids.len() < 4 {
            return Err(format!("-j{jobs}: at most {deepest} pieces of work at once, in {} processes", pids.len()));
        }
    }
    Ok(())
}

fn main() {
    let (profile_dir, target_dir) = support::profile_and_target_dirs();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    // The wrappers as well as the dylib.
    let mut build = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    build.current_dir(&root).args(["build", "--lib", "--bins", "--quiet"]);
    if let Some(profile) = profile_dir.file_name().and_then(|n| n.to_str()).filter(|p| *p != "debug") {
        build.args(["--profile", profile]);
    }
    run(&mut build, CARGO_TIMEOUT).expect("build the backend and its wrappers");
    let work = target_dir.join("install-tests");
    std::fs::create_dir_all(&work).expect("create work dir");
    let cx = Cx { root, bin: profile_dir, work };
    let cases: Vec<support::Case<'_>> = vec![
        ("rustc-inkwell".into(), Box::new(|| rustc_inkwell(&cx))),
        ("cargo inkwell build, run, test, doc".into(), Box::new(|| cargo_inkwell(&cx))),
        ("cargo inkwell setup, by name, uninstall".into(), Box::new(|| setup_by_name(&cx))),
        ("cargo inkwell sysroot".into(), Box::new(|| sysroot(&cx))),
        ("jobserver: cargo inkwell build -jN keeps within N tokens".into(), Box::new(|| jobserver(&cx))),
    ];
    support::run_cases(&cases);
}
