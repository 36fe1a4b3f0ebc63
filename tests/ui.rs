//! UI tests: compiletest-style programs in `ui-tests/`, checked differentially.
//!
//! The oracle is rustc's built-in LLVM backend on the same toolchain: every run-pass test is
//! compiled by our backend and by the built-in one, at -Copt-level=0 and 3, and both binaries must
//! agree on stdout, stderr and exit status; stdout must also equal `NAME.run.stdout`. As with
//! cargo's default profiles, -O0 builds carry full debuginfo (`-Cdebuginfo=2`), -O3 builds none.
//! Written without dependencies so it compiles in a second (see README.md for the format).
//!
//! The first free argument selects the tests whose names contain it (`cargo test --release --test
//! ui -- atomics`). Environment: `BLESS=1` rewrites the expected files from the built-in backend;
//! `UI_OURS_BACKEND=llvm` points "ours" at any other `-Zcodegen-backend` value (to check the
//! harness and the tests themselves); `UI_SYSROOT=dir` compiles ours against the standard library
//! in that sysroot (`cargo inkwell sysroot dir`); `UI_JOBS=n`; `UI_LTO=all`.

use std::collections::{BTreeMap, VecDeque};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, mpsc};

use support::{COMPILE_TIMEOUT, Output, RUN_TIMEOUT};

mod support;

/// The opt levels every run-pass test is compiled at, unless it names its own (`opt-levels:`).
const OPT_LEVELS: [&str; 2] = ["0", "3"];
const ALL_OPT_LEVELS: [&str; 6] = ["0", "1", "2", "3", "s", "z"];
/// `-Clto=` modes a test can ask for (`//@ lto: fat thin`); they run at -O3.
const LTO_MODES: [&str; 2] = ["fat", "thin"];

#[derive(PartialEq)]
enum Kind {
    RunPass,
    CheckDiag,
}

struct Test {
    name: String,
    /// Relative to the repo root; rustc runs there, so panic locations read `ui-tests/x.rs`.
    rel_path: String,
    kind: Kind,
    flags: Vec<String>,
    edition: String,
    exit_status: Option<i32>,
    run_fail: bool,
    opt_levels: Vec<String>,
    /// `-Clto=` modes to run at -O3 as well, besides the plain opt levels.
    lto_modes: Vec<String>,
    ignore_opt: BTreeMap<String, String>,
    /// `//@ run-env: RUST_BACKTRACE=1`: environment for the test's binary.
    run_env: Vec<(String, String)>,
    /// `//@ error-pattern: msg`: some `error` line of the compiler's stderr must contain `msg`.
    errors: Vec<String>,
    /// `//@ builtin-fails: reason`: a check-diag program the built-in backend cannot compile
    /// either (it must then fail there too).
    builtin_fails: Option<String>,
}

fn parse_test(root: &Path, name: &str) -> Result<Test, String> {
    let rel_path = format!("ui-tests/{name}.rs");
    let src = std::fs::read_to_string(root.join(&rel_path)).map_err(|e| format!("read: {e}"))?;
    let mut t = Test {
        name: name.to_string(),
        rel_path,
        kind: Kind::RunPass,
        flags: vec![],
        edition: "2021".into(),
        exit_status: None,
        run_fail: false,
        opt_levels: OPT_LEVELS.iter().map(|l| l.to_string()).collect(),
        lto_modes: vec![],
        ignore_opt: BTreeMap::new(),
        run_env: vec![],
        errors: vec![],
        builtin_fails: None,
    };
    for (i, line) in src.lines().enumerate() {
        let at = |msg: String| format!("{}:{}: {msg}", t.rel_path, i + 1);
        // compiletest's `//~ ERROR` means "an error on this line", which a refusal of a whole
        // session has no line for: these tests say `//@ error-pattern:` instead.
        if line.contains("//~") {
            return Err(at("`//~` line annotations are not supported: use `//@ error-pattern: msg`".into()));
        }
        let Some(d) = line.trim_start().strip_prefix("//@") else { continue };
        let (key, value) = match d.split_once(':') {
            Some((k, v)) => (k.trim(), v.trim()),
            None => (d.trim(), ""),
        };
        match key {
            "run-pass" => t.kind = Kind::RunPass,
            "run-fail" => t.run_fail = true,
            "check-diag" => t.kind = Kind::CheckDiag,
            "builtin-fails" => t.builtin_fails = Some(value.to_string()),
            "error-pattern" => t.errors.push(value.to_string()),
            "compile-flags" => t.flags.extend(value.split_whitespace().map(String::from)),
            "edition" => t.edition = value.to_string(),
            "exit-status" => t.exit_status = Some(value.parse().map_err(|_| at(format!("bad exit-status `{value}`")))?),
            "opt-levels" => {
                t.opt_levels = value.split_whitespace().map(String::from).collect();
                if let Some(bad) = t.opt_levels.iter().find(|l| !ALL_OPT_LEVELS.contains(&l.as_str())) {
                    return Err(at(format!("bad opt level `{bad}`")));
                }
            }
            "lto" => {
                t.lto_modes = value.split_whitespace().map(String::from).collect();
                if let Some(bad) = t.lto_modes.iter().find(|m| !LTO_MODES.contains(&m.as_str())) {
                    return Err(at(format!("bad LTO mode `{bad}`")));
                }
            }
            "ignore-opt" => {
                let (lvl, reason) = value.split_once(' ').unwrap_or((value, ""));
                if !ALL_OPT_LEVELS.contains(&lvl) {
                    return Err(at(format!("bad opt level `{lvl}`")));
                }
                let lvl = lvl.to_string();
                if reason.trim().is_empty() {
                    return Err(at("ignore-opt needs a reason: `//@ ignore-opt: 3 why`".into()));
                }
                t.ignore_opt.insert(lvl, reason.trim().to_string());
            }
            "run-env" => {
                for pair in value.split_whitespace() {
                    let (k, v) =
                        pair.split_once('=').ok_or_else(|| at(format!("run-env wants KEY=VALUE, not `{pair}`")))?;
                    t.run_env.push((k.to_string(), v.to_string()));
                }
            }
            "no-oracle" => return Err(at("no-oracle is not allowed: every run-pass test has an oracle".into())),
            _ => return Err(at(format!("unknown directive `{key}`"))),
        }
    }
    if t.kind == Kind::CheckDiag && t.errors.is_empty() && !root.join(format!("ui-tests/{name}.stderr")).exists() {
        return Err(format!("{}: check-diag needs `//@ error-pattern:` lines or a .stderr file", t.rel_path));
    }
    if t.kind == Kind::RunPass && !t.errors.is_empty() {
        return Err(format!("{}: `//@ error-pattern:` needs `//@ check-diag`", t.rel_path));
    }
    Ok(t)
}

/// One way a run-pass test is compiled: an opt level, and maybe an LTO mode.
#[derive(Clone, PartialEq)]
struct Variant {
    opt: String,
    lto: Option<String>,
}

impl Variant {
    /// For directory names: `O3`, `O3-lto-fat`.
    fn tag(&self) -> String {
        match &self.lto {
            Some(lto) => format!("O{}-lto-{lto}", self.opt),
            None => format!("O{}", self.opt),
        }
    }
}

/// Runtime messages carry the OS thread id (`thread 'main' (4242) panicked at`, `... has
/// overflowed its stack`), which differs from run to run. With `mask_addresses` (tests that ask
/// for backtraces), every hexadecimal number (`0x55d0c0ffee00`) becomes `0xADDR`: the two
/// backends' binaries lay code out differently.
fn normalize_stderr(s: &str, mask_addresses: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let masked;
    let s = if mask_addresses {
        masked = mask_hex(s);
        &masked
    } else {
        s
    };
    for line in s.split_inclusive('\n') {
        if let (Some(rest), Some(q)) = (line.strip_prefix("thread '"), line.find("' (")) {
            let after = &line[q + 3..];
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            if !rest.is_empty() && digits > 0 && after[digits..].starts_with(')') {
                out.push_str(&line[..q + 3]);
                out.push_str("TID");
                out.push_str(&after[digits..]);
                continue;
            }
        }
        out.push_str(line);
    }
    out
}

fn mask_hex(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i]);
        let digits = rest[i + 2..].bytes().take_while(u8::is_ascii_hexdigit).count();
        out.push_str(if digits > 0 { "0xADDR" } else { "0x" });
        rest = &rest[i + 2 + digits..];
    }
    out.push_str(rest);
    out
}

/// A short line diff: the common head and tail are dropped, the middle shown as -/+ lines.
fn diff(what: &str, expected_name: &str, expected: &str, actual_name: &str, actual: &str) -> String {
    let (e, a): (Vec<_>, Vec<_>) = (expected.lines().collect(), actual.lines().collect());
    let head = e.iter().zip(&a).take_while(|(x, y)| x == y).count();
    let tail = e[head..].iter().rev().zip(a[head..].iter().rev()).take_while(|(x, y)| x == y).count();
    let mut s = format!("  {what} differs (-{expected_name} +{actual_name}), from line {}:\n", head + 1);
    const MAX: usize = 20;
    for (sign, lines) in [('-', &e[head..e.len() - tail]), ('+', &a[head..a.len() - tail])] {
        for l in lines.iter().take(MAX) {
            s.push_str(&format!("  {sign}{l}\n"));
        }
        if lines.len() > MAX {
            s.push_str(&format!("  {sign}... ({} more lines)\n", lines.len() - MAX));
        }
    }
    if e.len() == a.len() && head + tail == e.len() {
        s.push_str("  (only trailing newlines differ)\n");
    }
    s
}

struct Ctx {
    root: PathBuf,
    out_root: PathBuf,
    /// The value of `-Zcodegen-backend` for "ours": the dylib path, or a UI_OURS_BACKEND override.
    ours: String,
    /// `UI_SYSROOT`: the sysroot for ours (the toolchain's when `None`).
    ours_sysroot: Option<PathBuf>,
    /// The toolchain's `lib/rustlib/src/rust`, as backtraces name it.
    toolchain_sources: PathBuf,
    bless: bool,
}

impl Ctx {
    fn compile(&self, t: &Test, ours: bool, v: &Variant) -> Result<(Output, PathBuf), String> {
        self.compile_with(t, ours, v, &[])
    }

    fn compile_with(&self, t: &Test, ours: bool, v: &Variant, extra: &[&str]) -> Result<(Output, PathBuf), String> {
        let tag = if ours { "ours" } else { "builtin" };
        let dir = self.out_root.join(format!("{}-{tag}-{}", t.name, v.tag()));
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let exe = dir.join(&t.name);
        let _ = std::fs::remove_file(&exe);
        let mut cmd = Command::new("rustc");
        // An ICE report goes next to the binaries instead of littering the repo root.
        cmd.current_dir(&self.root)
            .env("RUSTC_ICE", &dir)
            .arg(&t.rel_path)
            .arg(format!("--edition={}", t.edition))
            .arg(format!("-Copt-level={}", v.opt))
            .args((v.opt == "0").then_some("-Cdebuginfo=2"))
            .args(v.lto.iter().map(|lto| format!("-Clto={lto}")))
            .arg(format!("-Zcodegen-backend={}", if ours { &self.ours } else { "llvm" }))
            .args(if ours { &["-Zverify-llvm-ir"][..] } else { &[] })
            .args(
                self.ours_sysroot
                    .iter()
                    .filter(|_| ours)
                    .flat_map(|s| [std::ffi::OsStr::new("--sysroot"), s.as_os_str()]),
            )
            .args(&t.flags)
            .args(extra)
            .arg("-o")
            .arg(&exe);
        let out = support::run(&mut cmd, COMPILE_TIMEOUT).map_err(|e| format!("  {tag} compile: {e}\n"))?;
        Ok((out, exe))
    }

    fn execute(&self, t: &Test, exe: &Path) -> Result<Output, String> {
        let mut cmd = Command::new(exe);
        // Backtrace settings change the panic output; the test's own environment must not leak in.
        cmd.current_dir(&self.root).env_remove("RUST_BACKTRACE").env_remove("RUST_LIB_BACKTRACE");
        cmd.envs(t.run_env.iter().map(|(k, v)| (k, v)));
        let mut out = support::run_allowing_timeout(&mut cmd, RUN_TIMEOUT)?;
        out.stderr = normalize_stderr(&out.stderr, !t.run_env.is_empty());
        Ok(out)
    }

    /// Backtraces of ours against a sysroot of ours name the standard library's sources by the
    /// sysroot's `lib/rustlib/src/rust` (a link to the toolchain's, see `cargo inkwell
    /// sysroot`): the same files under the toolchain's name, as the built-in backend's show them.
    fn as_toolchain_sources(&self, sysroot: &Path, stderr: &str) -> String {
        let ours = sysroot.join("lib/rustlib/src/rust");
        let mut names = vec![ours.display().to_string()];
        // Backtraces print paths under the working directory as `./…`.
        if let Ok(relative) = ours.strip_prefix(&self.root) {
            names.push(format!("./{}", relative.display()));
        }
        let toolchain = self.toolchain_sources.display().to_string();
        names.iter().fold(stderr.to_owned(), |text, name| text.replace(name.as_str(), &toolchain))
    }

    /// One run-pass test at one opt level. Returns Err(report) on failure.
    fn run_pass(&self, t: &Test, v: &Variant, bless_here: bool) -> Result<(), String> {
        let (oc, oexe) = self.compile(t, false, v)?;
        if oc.status != 0 {
            return Err(format!("  the built-in backend failed to compile the test:\n{}", oc.stderr));
        }
        let (uc, uexe) = self.compile(t, true, v)?;
        if uc.status != 0 {
            return Err(format!("  compile failed (status {}):\n{}", uc.status, uc.stderr));
        }
        let mut report = String::new();
        if uc.stderr != oc.stderr {
            report += &diff("compiler stderr", "builtin", &oc.stderr, "ours", &uc.stderr);
        }
        let o = self.execute(t, &oexe)?;
        let mut u = self.execute(t, &uexe)?;
        if let Some(sysroot) = &self.ours_sysroot {
            u.stderr = self.as_toolchain_sources(sysroot, &u.stderr);
        }
        // First the test's own expectation, judged on the oracle: a failure here is a bad test.
        let expect_ok = match (t.exit_status, t.run_fail) {
            (Some(code), _) => o.status == code,
            (None, true) => o.status != 0,
            (None, false) => o.status == 0,
        };
        if o.timed_out {
            return Err(format!("  the built-in backend's binary: {}\n", support::timeout_message(&o, RUN_TIMEOUT)));
        }
        if !expect_ok {
            let want = t.exit_status.map_or(if t.run_fail { "non-zero".into() } else { "0".into() }, |c| c.to_string());
            return Err(format!("  the built-in backend's binary exited {}, expected {want}:\n{}", o.status, o.stderr));
        }
        if u.timed_out {
            report += &format!("  {}\n", support::timeout_message(&u, RUN_TIMEOUT));
        } else if u.status != o.status {
            report += &format!("  exit status {} (built-in: {})\n", u.status, o.status);
        }
        if u.stdout != o.stdout {
            report += &diff("stdout", "builtin", &o.stdout, "ours", &u.stdout);
        }
        if u.stderr != o.stderr {
            report += &diff("stderr", "builtin", &o.stderr, "ours", &u.stderr);
        }
        let expected_path = self.root.join(format!("ui-tests/{}.run.stdout", t.name));
        if bless_here && std::fs::read_to_string(&expected_path).ok().as_deref() != Some(&o.stdout) {
            std::fs::write(&expected_path, &o.stdout).map_err(|e| e.to_string())?;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected != o.stdout => {
                report += &diff("built-in stdout vs .run.stdout", "file", &expected, "builtin", &o.stdout)
            }
            Ok(_) => {}
            Err(_) => report += &format!("  missing {} (run with BLESS=1)\n", expected_path.display()),
        }
        if report.is_empty() { Ok(()) } else { Err(report) }
    }

    /// A check-diag test: our backend must reject the program with an ordinary error (exit 1).
    fn check_diag(&self, t: &Test) -> Result<(), String> {
        // The program and its flags must be fine for the built-in backend, or a refusal could
        // pass on a broken program. To an object only: sanitizer runtimes need not exist here.
        let (b, _) = self.compile_with(t, false, &Variant { opt: "0".into(), lto: None }, &["--emit=obj"])?;
        match (&t.builtin_fails, b.status) {
            (None, 0) => {}
            (None, status) => {
                return Err(format!(
                    "  the built-in backend cannot compile it either (status {status}):\n{}",
                    b.stderr
                ));
            }
            (Some(_), 0) => return Err("  the built-in backend compiles it: remove `builtin-fails`\n".into()),
            (Some(_), _) => {}
        }
        let (c, _) = self.compile(t, true, &Variant { opt: "0".into(), lto: None })?;
        if c.status == 0 {
            return Err("  compiled successfully, but errors were expected\n".into());
        }
        let mut report = String::new();
        if c.status != 1 || c.stderr.contains("internal compiler error") || c.stderr.contains("unexpectedly panicked") {
            report += &format!("  expected a plain error (status 1), got status {}\n", c.status);
        }
        for msg in &t.errors {
            if !c.stderr.lines().any(|l| l.starts_with("error") && l.contains(msg.as_str())) {
                report += &format!("  no error line contains `{msg}`\n");
            }
        }
        let path = self.root.join(format!("ui-tests/{}.stderr", t.name));
        if path.exists() {
            if self.bless {
                std::fs::write(&path, &c.stderr).map_err(|e| e.to_string())?;
            }
            let expected = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
            if expected != c.stderr {
                report += &diff("compiler stderr", "file", &expected, "ours", &c.stderr);
            }
        }
        if !report.is_empty() {
            report += &format!("  compiler stderr:\n{}", c.stderr);
        }
        if report.is_empty() { Ok(()) } else { Err(report) }
    }
}

enum Outcome {
    Pass,
    Fail(String),
    Skip(String),
}

struct Unit {
    test: Arc<Result<Test, String>>,
    name: String,
    /// None for check-diag (compiled once).
    variant: Option<Variant>,
    first_opt: bool,
}

impl Unit {
    fn label(&self) -> String {
        match &self.variant {
            Some(Variant { opt, lto: None }) => format!("{} [O{opt}]", self.name),
            Some(Variant { opt, lto: Some(lto) }) => format!("{} [O{opt} lto={lto}]", self.name),
            None => format!("{} [check-diag]", self.name),
        }
    }
}

fn run_unit(ctx: &Ctx, u: &Unit) -> Outcome {
    let t = match &*u.test {
        Ok(t) => t,
        Err(e) => return Outcome::Fail(format!("  bad test: {e}\n")),
    };
    let res = match &u.variant {
        None => ctx.check_diag(t),
        Some(v) => match t.ignore_opt.get(&v.opt) {
            Some(reason) => return Outcome::Skip(reason.clone()),
            None => ctx.run_pass(t, v, ctx.bless && u.first_opt),
        },
    };
    res.map_or_else(Outcome::Fail, |()| Outcome::Pass)
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (profile_dir, target_dir) = support::profile_and_target_dirs();
    let env_set = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let ours = match env_set("UI_OURS_BACKEND") {
        Some(b) => b,
        None => support::build_backend(&root, &profile_dir).display().to_string(),
    };
    let filter = support::filter();
    let jobs = env_set("UI_JOBS").and_then(|j| j.parse().ok()).unwrap_or(2usize).max(1);
    // `UI_LTO=all`: every run-pass test in every LTO mode too (long; the default runs the modes
    // the tests ask for).
    let lto_all = env_set("UI_LTO").is_some_and(|v| v == "all");
    let ctx = Arc::new(Ctx {
        out_root: target_dir.join("ui-tests"),
        ours,
        ours_sysroot: env_set("UI_SYSROOT").map(PathBuf::from),
        toolchain_sources: support::sysroot(&root).join("lib/rustlib/src/rust"),
        bless: env_set("BLESS").is_some_and(|v| v != "0"),
        root,
    });

    // Against a sysroot of ours, the differences that come from the standard library not
    // being the toolchain's are listed apart.
    let known_path = ctx.root.join(match ctx.ours_sysroot {
        None => "ui-tests/known-failures.txt",
        Some(_) => "ui-tests/known-failures-sysroot.txt",
    });
    let known = support::known_failures(&known_path);

    let mut names: Vec<String> = std::fs::read_dir(ctx.root.join("ui-tests"))
        .expect("read ui-tests/")
        .filter_map(|e| e.ok()?.file_name().into_string().ok()?.strip_suffix(".rs").map(String::from))
        .collect();
    names.sort();
    let all_names = names.clone();
    names.retain(|n| filter.as_ref().is_none_or(|f| n.contains(f.as_str())));
    if names.is_empty() {
        eprintln!("no ui test matches the filter {filter:?}");
        std::process::exit(1);
    }

    // One work item per test, its opt levels in order: with BLESS=1 the first level writes the
    // expected file before the others compare against it.
    let mut queue = VecDeque::new();
    let mut total = 0;
    for name in &names {
        let test = Arc::new(parse_test(&ctx.root, name));
        let plain = |opt: &str| Some(Variant { opt: opt.to_string(), lto: None });
        let variants = match &*test {
            Ok(t) if t.kind == Kind::CheckDiag => vec![None],
            Ok(t) => {
                let lto_modes: Vec<String> =
                    if lto_all { LTO_MODES.iter().map(|m| m.to_string()).collect() } else { t.lto_modes.clone() };
                let lto = lto_modes.into_iter().map(|m| Some(Variant { opt: "3".into(), lto: Some(m) }));
                t.opt_levels.iter().map(|o| plain(o)).chain(lto).collect()
            }
            Err(_) => OPT_LEVELS.iter().map(|o| plain(o)).collect(),
        };
        // Bless from the first opt level that is not ignored, so exactly one unit writes the file.
        let first = match &*test {
            Ok(t) => t.opt_levels.iter().find(|o| !t.ignore_opt.contains_key(*o)).cloned(),
            Err(_) => None,
        };
        let units: Vec<Unit> = variants
            .into_iter()
            .map(|variant| {
                let first_opt = variant.as_ref().is_some_and(|v| v.lto.is_none() && Some(&v.opt) == first.as_ref());
                Unit { test: test.clone(), name: name.clone(), first_opt, variant }
            })
            .collect();
        total += units.len();
        queue.push_back(units);
    }
    println!("\nrunning {total} ui tests ({} files) with -Zcodegen-backend={}, {jobs} jobs", names.len(), ctx.ours);
    if let Some(sysroot) = &ctx.ours_sysroot {
        println!("ours against the standard library in {}", sysroot.display());
    }

    let queue = Arc::new(Mutex::new(queue));
    let (tx, rx) = mpsc::channel();
    for _ in 0..jobs {
        let (queue, tx, ctx) = (queue.clone(), tx.clone(), ctx.clone());
        std::thread::spawn(move || {
            loop {
                let Some(units) = queue.lock().unwrap().pop_front() else { break };
                for u in units {
                    let outcome = run_unit(&ctx, &u);
                    tx.send((u, outcome)).unwrap();
                }
            }
        });
    }
    drop(tx);

    let (mut passed, mut skipped) = (0, 0);
    let mut failures: Vec<(String, String)> = vec![];
    let mut known_failed: BTreeMap<String, usize> = BTreeMap::new();
    let mut stdout = std::io::stdout();
    for (u, outcome) in rx {
        let label = u.label();
        let word = match outcome {
            Outcome::Pass => {
                passed += 1;
                "ok".to_string()
            }
            Outcome::Skip(reason) => {
                skipped += 1;
                format!("skipped ({reason})")
            }
            Outcome::Fail(_) if known.contains_key(&u.name) => {
                *known_failed.entry(u.name.clone()).or_default() += 1;
                "known failure".to_string()
            }
            Outcome::Fail(report) => {
                failures.push((label.clone(), report));
                "FAILED".to_string()
            }
        };
        println!("test {label} ... {word}");
        let _ = stdout.flush();
    }

    // A known failure must still fail somewhere; one that passes everywhere is stale.
    for (name, _) in &known {
        let selected = names.contains(name);
        if selected && !known_failed.contains_key(name) {
            failures.push((name.clone(), "  known failure now passes, remove it from the list\n".into()));
        } else if !all_names.contains(name) && filter.is_none() {
            failures.push((name.clone(), format!("  listed in {} but there is no such test\n", known_path.display())));
        }
    }

    if !failures.is_empty() {
        println!("\nfailures:");
        failures.sort();
        for (label, report) in &failures {
            println!("\n---- {label} ----\n{report}");
        }
        println!("failures:");
        for (label, _) in &failures {
            println!("    {label}");
        }
    }
    if !known_failed.is_empty() {
        let listed = known_path.strip_prefix(&ctx.root).unwrap_or(&known_path);
        println!("\nknown failures ({}), still failing as expected:", listed.display());
        for (name, n) in &known_failed {
            println!("    {name} ({n} of its runs): {}", known[name]);
        }
    }
    let skipped = if skipped > 0 { format!(", {skipped} skipped") } else { String::new() };
    println!("\n{passed} passed, {} failed{skipped}", failures.len());
    std::process::exit(if failures.is_empty() { 0 } else { 1 });
}
