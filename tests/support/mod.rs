//! What the test harnesses share: where cargo put things, the backend dylib built, running a
//! subprocess with a time limit, known-failures files, selecting and running named cases.
// Each harness compiles this module on its own and uses only part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

/// One rustc compile. A backend bug can hang LLVM; the built-in backend compiles every test
/// program in well under this, also with `-Clto=fat`, which optimizes all of std with it.
pub const COMPILE_TIMEOUT: Duration = Duration::from_secs(180);
/// One run of a program a test built. They are quick: each finishes in well under a second.
pub const RUN_TIMEOUT: Duration = Duration::from_secs(20);
/// One run of a tool on what a test built (llvm-nm, llvm-objdump, llvm-dwarfdump, opt, llc, the
/// system `cc`, a gdb session, `rustc --print sysroot`, `cargo fmt`): seconds each.
pub const TOOL_TIMEOUT: Duration = Duration::from_secs(120);
/// One cargo build: the backend itself (a few minutes from scratch on 2 cores), or a project
/// with crates.io dependencies under one profile (tests/cargo_lto.rs, about a minute).
pub const CARGO_TIMEOUT: Duration = Duration::from_secs(30 * 60);
/// `cargo test` of library/coretests and library/alloctests in one configuration, build and
/// run: 5 to 15 minutes on 2 cores from an existing target directory.
pub const LIBRARY_SUITES_TIMEOUT: Duration = Duration::from_secs(60 * 60);

/// `(<target>/<profile>, <target>)` for the running test binary, which lives in
/// `<target>/<profile>/deps/`.
pub fn profile_and_target_dirs() -> (PathBuf, PathBuf) {
    let exe = std::env::current_exe().expect("current_exe");
    let profile_dir = exe.parent().and_then(Path::parent).expect("<profile>/deps/<test>").to_path_buf();
    let target_dir = profile_dir.parent().expect("<target>/<profile>").to_path_buf();
    (profile_dir, target_dir)
}

/// Builds the backend dylib with the test's own profile and returns its path. `cargo test`
/// builds the library only as a dependency, which does not put the dylib in place.
pub fn build_backend(root: &Path, profile_dir: &Path) -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(root).args(["build", "--lib", "--quiet"]);
    match profile_dir.file_name().and_then(|n| n.to_str()) {
        Some("debug") | None => {}
        Some(profile) => {
            cmd.args(["--profile", profile]);
        }
    }
    let out = run(&mut cmd, CARGO_TIMEOUT).unwrap_or_else(|e| panic!("building the backend failed: {e}"));
    // cargo's warnings, as when it printed them itself.
    eprint!("{}{}", out.stdout, out.stderr);
    assert!(out.success(), "building the backend failed: exit status {}", out.status);
    let so = profile_dir.join("librustc_codegen_inkwell.so");
    assert!(so.exists(), "{} was not built", so.display());
    so
}

/// Runs `rustc -Zcodegen-backend=<backend> <args>` in `root`, where rustup picks the pinned
/// toolchain, for at most `COMPILE_TIMEOUT`.
pub fn rustc(root: &Path, backend: &str, args: &[&str]) -> Result<Output, String> {
    run(Command::new("rustc").current_dir(root).arg(format!("-Zcodegen-backend={backend}")).args(args), COMPILE_TIMEOUT)
}

/// The pinned toolchain's sysroot (rustup picks it from rust-toolchain.toml in `root`).
pub fn sysroot(root: &Path) -> PathBuf {
    let out = run(Command::new("rustc").current_dir(root).args(["--print", "sysroot"]), TOOL_TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.success(), "rustc --print sysroot failed:\n{}", out.stderr);
    PathBuf::from(out.stdout.trim())
}

/// A known-failures file: one `name: reason` line per entry, where the name is a test's (it may
/// contain `::`, never `: `) and the reason is not empty; `#` starts a comment. No file: none.
/// Panics, naming the line, on an entry without a reason.
pub fn known_failures(path: &Path) -> BTreeMap<String, String> {
    let mut known = BTreeMap::new();
    for (i, line) in std::fs::read_to_string(path).unwrap_or_default().lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        match line.split_once(": ").map(|(name, reason)| (name.trim(), reason.trim())) {
            Some((name, reason)) if !name.is_empty() && !reason.is_empty() => {
                known.insert(name.to_string(), reason.to_string());
            }
            _ => panic!("{}:{}: `name: reason` expected, with a reason, not `{line}`", path.display(), i + 1),
        }
    }
    known
}

/// What a command did.
pub struct Output {
    /// The command as run, for messages (`describe`).
    pub command: String,
    /// The exit code, or 128 + the signal's number as a shell reports it (SIGABRT: 134; the kill
    /// after a timeout: 137).
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
    /// It ran out of time and was killed, with everything it had started; the output is what it
    /// had written by then.
    pub timed_out: bool,
}

impl Output {
    /// Exited with 0 in time.
    pub fn success(&self) -> bool {
        self.status == 0 && !self.timed_out
    }
}

/// The program and its arguments, as a shell would take them (for messages).
pub fn describe(cmd: &Command) -> String {
    let quote = |s: &str| {
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_=+/.,:@%".contains(&b)) {
            s.to_string()
        } else {
            format!("'{}'", s.replace('\'', r"'\''"))
        }
    };
    std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|a| quote(&a.to_string_lossy()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A time limit for messages: `20 s`, `30 min`.
pub fn show_limit(limit: Duration) -> String {
    match limit.as_secs() {
        s if s >= 120 && s % 60 == 0 => format!("{} min", s / 60),
        s if s >= 1 && limit.subsec_nanos() == 0 => format!("{s} s"),
        _ => format!("{limit:?}"),
    }
}

/// The message for a command that ran out of time: the command, the limit and the end of what it
/// printed.
pub fn timeout_message(out: &Output, limit: Duration) -> String {
    let mut message = format!("`{}` timed out: killed after the limit of {}", out.command, show_limit(limit));
    for (name, text) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let lines: Vec<&str> = text.lines().collect();
        if !lines.is_empty() {
            message +=
                &format!("\n--- the last lines of its {name}:\n{}", lines[lines.len().saturating_sub(20)..].join("\n"));
        }
    }
    message
}

/// Runs `cmd` (stdin empty, stdout and stderr captured) for at most `limit`. A command that
/// cannot be started, or that runs out of time, is an error naming it and the limit; then it and
/// every process it started are killed.
pub fn run(cmd: &mut Command, limit: Duration) -> Result<Output, String> {
    let out = run_allowing_timeout(cmd, limit)?;
    if out.timed_out { Err(timeout_message(&out, limit)) } else { Ok(out) }
}

/// `run`, but a timeout is not an error: the output says `timed_out`, for a caller that reports
/// it itself.
pub fn run_allowing_timeout(cmd: &mut Command, limit: Duration) -> Result<Output, String> {
    run_with(cmd, None, limit)
}

/// `run`, with stdout and stderr going to one `file` (interleaved as they are written), whose
/// contents are then the output's `stdout`.
pub fn run_to_file(cmd: &mut Command, file: &Path, limit: Duration) -> Result<Output, String> {
    let out = run_with(cmd, Some(file), limit)?;
    if out.timed_out { Err(timeout_message(&out, limit)) } else { Ok(out) }
}

fn run_with(cmd: &mut Command, file: Option<&Path>, limit: Duration) -> Result<Output, String> {
    use std::os::unix::process::ExitStatusExt;
    let command = describe(cmd);
    cmd.stdin(Stdio::null());
    match file {
        Some(file) => {
            let f = std::fs::File::create(file).map_err(|e| format!("create {}: {e}", file.display()))?;
            let f2 = f.try_clone().map_err(|e| format!("{}: {e}", file.display()))?;
            cmd.stdout(f).stderr(f2);
        }
        None => {
            cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        }
    }
    let start = Instant::now();
    let deadline = start + limit;
    let mut child = cmd.spawn().map_err(|e| format!("cannot run `{command}`: {e}"))?;
    // Reader threads, so that a chatty child never blocks on a full pipe. They keep what they
    // read where a timeout can still take it.
    let drain = |stream: Option<Box<dyn Read + Send>>| {
        let buf = Arc::new(Mutex::new(Vec::new()));
        let (done, finished) = mpsc::channel::<()>();
        if let Some(mut stream) = stream {
            let buf = buf.clone();
            std::thread::spawn(move || {
                let mut chunk = [0u8; 8192];
                loop {
                    match stream.read(&mut chunk) {
                        Ok(0) => break,
                        Ok(n) => buf.lock().unwrap().extend_from_slice(&chunk[..n]),
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                        Err(_) => break,
                    }
                }
                drop(done);
            });
        }
        (buf, finished)
    };
    let stdout = drain(child.stdout.take().map(|s| Box::new(s) as Box<dyn Read + Send>));
    let stderr = drain(child.stderr.take().map(|s| Box::new(s) as Box<dyn Read + Send>));
    let mut timed_out = false;
    let mut pause = Duration::from_millis(1);
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| format!("wait for `{command}`: {e}"))? {
            break status;
        }
        if Instant::now() >= deadline {
            timed_out = true;
            kill_tree(child.id());
            break child.wait().map_err(|e| format!("wait for `{command}`: {e}"))?;
        }
        std::thread::sleep(pause.min(deadline.saturating_duration_since(Instant::now())));
        pause = (pause * 2).min(Duration::from_millis(20));
    };
    // The streams end when the last process holding them does; one the command left behind
    // (whose output would then never end) counts as running out of time.
    // (A second's grace after the deadline, for the readers to take in what was written.)
    for (_, finished) in [&stdout, &stderr] {
        let wait = deadline.saturating_duration_since(Instant::now()).max(Duration::from_secs(1));
        if finished.recv_timeout(wait) == Err(mpsc::RecvTimeoutError::Timeout) {
            timed_out = true;
        }
    }
    let text = |buf: &Arc<Mutex<Vec<u8>>>| String::from_utf8_lossy(&buf.lock().unwrap()).into_owned();
    let (stdout, stderr) = match file {
        Some(file) => {
            let written = std::fs::read(file).map_err(|e| format!("read {}: {e}", file.display()))?;
            (String::from_utf8_lossy(&written).into_owned(), String::new())
        }
        None => (text(&stdout.0), text(&stderr.0)),
    };
    let status = status.code().unwrap_or_else(|| 128 + status.signal().unwrap_or(0));
    Ok(Output { command, status, stdout, stderr, timed_out })
}

unsafe extern "C" {
    /// kill(2), from the C library std links.
    safe fn kill(pid: i32, signal: i32) -> i32;
}

const SIGKILL: i32 = 9;
const SIGSTOP: i32 = 19;

/// Kills `pid` and every process it started: rustc's linker, cargo's rustc and test binaries,
/// gdb's program. Each is stopped as it is found, so that none can start another unseen; then
/// all are killed. The descendants are found through /proc, so that the command can stay in the
/// harness's process group (where a Ctrl-C reaches it).
fn kill_tree(pid: u32) {
    let mut tree = vec![pid];
    kill(pid as i32, SIGSTOP);
    loop {
        let mut found = Vec::new();
        for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
            let Some(p) = entry.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else { continue };
            // `pid (comm) state ppid …`; comm may hold spaces and parentheses.
            let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else { continue };
            let ppid = stat.rsplit_once(')').and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse::<u32>().ok());
            if ppid.is_some_and(|ppid| tree.contains(&ppid)) && !tree.contains(&p) {
                found.push(p);
            }
        }
        if found.is_empty() {
            break;
        }
        for &p in &found {
            kill(p as i32, SIGSTOP);
        }
        tree.extend(found);
    }
    for &p in &tree {
        kill(p as i32, SIGKILL);
    }
}

/// The first free argument: cases run when their names contain it (`cargo test --release --test
/// emit -- embed`); all without one.
pub fn filter() -> Option<String> {
    std::env::args().skip(1).find(|a| !a.starts_with('-'))
}

/// A named check of a harness: `Err` holds the report. `Sync`, so that cases can run on worker
/// threads.
pub type Case<'a> = (String, Box<dyn Fn() -> Result<(), String> + Sync + 'a>);

/// Runs the cases whose names contain the first free argument (all without one), prints
/// `ok`/`FAIL` per case and `N passed, M failed`, and exits 1 if any failed or none was selected.
pub fn run_cases(cases: &[Case<'_>]) {
    run_cases_on(1, cases);
}

/// `run_cases` on `jobs` worker threads. The reports come in the cases' order all the same, each
/// as soon as it and the ones before it are done.
pub fn run_cases_on(jobs: usize, cases: &[Case<'_>]) {
    use std::io::Write;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let filter = filter();
    let selected: Vec<&Case<'_>> =
        cases.iter().filter(|(name, _)| filter.as_ref().is_none_or(|f| name.contains(f.as_str()))).collect();
    let next = AtomicUsize::new(0);
    let (mut passed, mut failed) = (0, 0);
    std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::channel();
        for _ in 0..jobs.max(1) {
            let (tx, next, selected) = (tx.clone(), &next, &selected);
            s.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((_, case)) = selected.get(i) else { break };
                    let _ = tx.send((i, case()));
                }
            });
        }
        drop(tx);
        let mut done = std::collections::BTreeMap::new();
        for (i, result) in rx {
            done.insert(i, result);
            while let Some(result) = done.remove(&(passed + failed)) {
                let name = &selected[passed + failed].0;
                match result {
                    Ok(()) => {
                        passed += 1;
                        println!("ok   {name}");
                    }
                    Err(e) => {
                        failed += 1;
                        println!("FAIL {name}\n{e}");
                    }
                }
                let _ = std::io::stdout().flush();
            }
        }
    });
    println!("{passed} passed, {failed} failed");
    // A filter that selects nothing must not look like success.
    if passed + failed == 0 {
        println!("no case matches the filter {filter:?}");
        std::process::exit(1);
    }
    if failed > 0 {
        std::process::exit(1);
    }
}
