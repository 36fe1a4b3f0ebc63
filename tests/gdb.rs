//! Debugger sessions, against the built-in backend (like rustc's tests/debuginfo, but
//! differential): each `tests/gdb-programs/NAME.rs` is built by both backends with
//! `-Cdebuginfo=2 -Copt-level=0` (plus its `//@ compile-flags:`), its `//@ gdb-command:` lines
//! run under `rust-gdb -nx -batch` on each binary, and
//!
//! 1. the built-in backend's output must contain the `//@ gdb-check:` lines in order (so that a
//!    session printing nothing on both sides cannot pass), and
//! 2. ours must equal the built-in backend's, once what differs between any two builds is masked
//!    (`mask`).
//!
//! Programs in `tests/gdb-known-failures.txt` must still fail with ours (and pass their checks with
//! the built-in backend). `GDB_OURS=llvm` runs the built-in backend as "ours" too, which checks
//! the programs and the masking themselves: then every program must pass, listed or not.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

/// What every script starts with: no pager or line wrapping, no questions, no network (the
/// debuginfod lookup would make the output depend on the machine), and no 80 MB core file of gdb
/// in the repo root when gdb hits an internal error.
const PREAMBLE: &str = "\
set pagination off
set width 0
set height 0
set confirm off
set debuginfod enabled off
maint set internal-error corefile no
set print pretty off
";

struct Ctx {
    root: PathBuf,
    programs: PathBuf,
    out: PathBuf,
    ours: String,
}

/// A program's directives.
struct Program {
    flags: Vec<String>,
    commands: Vec<String>,
    checks: Vec<String>,
}

fn parse(source: &str) -> Result<Program, String> {
    let mut p = Program { flags: Vec::new(), commands: Vec::new(), checks: Vec::new() };
    for (i, line) in source.lines().enumerate() {
        let Some(directive) = line.trim_start().strip_prefix("//@") else { continue };
        let (key, value) = directive.split_once(':').ok_or(format!("line {}: `//@ key: value` expected", i + 1))?;
        let value = value.trim();
        match key.trim() {
            "compile-flags" => p.flags.extend(value.split_whitespace().map(String::from)),
            "gdb-command" => p.commands.push(value.to_string()),
            "gdb-check" => p.checks.push(value.to_string()),
            other => return Err(format!("line {}: unknown directive `{other}`", i + 1)),
        }
    }
    if p.commands.is_empty() || p.checks.is_empty() {
        return Err("a program needs gdb-command and gdb-check lines".into());
    }
    Ok(p)
}

/// Replaces the digits after each `prefix` by `N`.
fn mask_number_after(s: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find(prefix) {
        let after = &rest[at + prefix.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        out.push_str(&rest[..at + prefix.len()]);
        out.push_str(if digits > 0 { "N" } else { "" });
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

/// What differs between two builds of one program, or two runs of one binary, and nothing else:
///
/// - every hexadecimal number becomes `0xADDR`: code and data addresses (breakpoint locations,
///   frames' pcs in `bt`, pointer values) depend on the layout of the binary. Values to compare
///   must therefore be printed in decimal, as gdb does by default;
/// - the pid in `(process N)` and the thread id in `(LWP N)`;
/// - the binary's directory, `NAME-ours` or `NAME-builtin`.
///
/// gdb's notices about the machine (`Using host libthread_db library ...`) are the same for both
/// binaries and stay.
fn mask(s: &str, dir: &Path, name: &str) -> String {
    let s = s.replace(&dir.display().to_string(), &dir.with_file_name(format!("{name}-BACKEND")).display().to_string());
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(at) = rest.find("0x") {
        let hex = rest[at + 2..].bytes().take_while(u8::is_ascii_hexdigit).count();
        // Not the tail of a word or number (`a0x1`, `10x2`).
        let in_word = rest[..at].bytes().last().is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_');
        out.push_str(&rest[..at]);
        out.push_str(if hex > 0 && !in_word { "0xADDR" } else { &rest[at..at + 2 + hex] });
        rest = &rest[at + 2 + hex..];
    }
    out.push_str(rest);
    mask_number_after(&mask_number_after(&out, "(process "), "(LWP ")
}

/// Builds `name` with one backend and runs the gdb script on it; returns the masked output.
fn session(cx: &Ctx, name: &str, program: &Program, tag: &str, backend: &str) -> Result<String, String> {
    let dir = cx.out.join(format!("{name}-{tag}"));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    // The same file name on both sides: gdb shows it as the threads' name (`Thread 2 "NAME"`).
    let exe = dir.join(name);
    let src = cx.programs.join(format!("{name}.rs"));
    let mut args = vec!["--edition=2021", "-Cdebuginfo=2", "-Copt-level=0"];
    args.extend(program.flags.iter().map(String::as_str));
    args.extend([src.to_str().unwrap(), "-o", exe.to_str().unwrap()]);
    let out = support::rustc(&cx.root, backend, &args).map_err(|e| format!("{tag}: {e}"))?;
    if !out.success() {
        return Err(format!("{tag}: rustc {args:?} failed:\n{}", out.stderr.trim_end()));
    }
    let script = dir.join(format!("{name}.gdb"));
    let text: String =
        PREAMBLE.lines().chain(program.commands.iter().map(String::as_str)).map(|l| format!("{l}\n")).collect();
    std::fs::write(&script, text).map_err(|e| e.to_string())?;
    // From the repo root, so that rustup's rust-gdb loads the pinned toolchain's pretty printers.
    let mut gdb = Command::new("rust-gdb");
    gdb.current_dir(&cx.root).args(["-nx", "-batch", "-x"]).arg(&script).arg(&exe);
    // stdout and stderr into one file: gdb's messages, its warnings and the program's own output
    // interleave as they happen.
    let raw = support::run_to_file(&mut gdb, &dir.join("gdb.out"), support::TOOL_TIMEOUT)?.stdout;
    let masked = mask(&raw, &dir, name);
    std::fs::write(dir.join("gdb.masked"), &masked).map_err(|e| e.to_string())?;
    Ok(masked)
}

/// What gdb 13 prints on machines where it cannot write the program's extended register state
/// (seen on a VM whose CPUs have AMX): it then cannot call the program's functions, with either
/// backend.
const NO_INFERIOR_CALLS: &str = "Couldn't write extended state status";

/// The built-in backend's session, which must pass the checks. Where gdb cannot call functions
/// on this machine (`NO_INFERIOR_CALLS`), checks from the first failed call on cannot match:
/// they are reported as not applied, and ours is still compared with the built-in session.
fn oracle(cx: &Ctx, name: &str) -> Result<(Program, String), String> {
    let source = std::fs::read_to_string(cx.programs.join(format!("{name}.rs"))).map_err(|e| e.to_string())?;
    let program = parse(&source)?;
    let builtin = session(cx, name, &program, "builtin", "llvm")?;
    // Each check is looked for after the previous one's match.
    let mut rest = builtin.as_str();
    for c in &program.checks {
        match rest.find(c.as_str()) {
            Some(at) => rest = &rest[at + c.len()..],
            None if builtin.contains(NO_INFERIOR_CALLS) => {
                println!(
                    "note: {name}: gdb cannot call functions on this machine (`{NO_INFERIOR_CALLS}`): checks from `{c}` on not applied"
                );
                break;
            }
            None => {
                return Err(format!("built-in: gdb-check `{c}` not found (in order); the output:\n{}", builtin.trim()));
            }
        }
    }
    Ok((program, builtin))
}

/// Our session, which must print what the built-in backend's did.
fn compare(cx: &Ctx, name: &str, program: &Program, builtin: &str) -> Result<(), String> {
    let ours = session(cx, name, program, "ours", &cx.ours)?;
    let (lo, lb): (Vec<_>, Vec<_>) = (ours.lines().collect(), builtin.lines().collect());
    let i = lo.iter().zip(&lb).take_while(|(a, b)| a == b).count();
    if i == lo.len() && i == lb.len() {
        return Ok(());
    }
    let (o, b) = (lo.get(i).unwrap_or(&"<end>"), lb.get(i).unwrap_or(&"<end>"));
    Err(format!(
        "outputs differ at line {}:\n  ours:     {o}\n  built-in: {b}\n--- ours:\n{}\n--- built-in:\n{}",
        i + 1,
        ours.trim(),
        builtin.trim()
    ))
}

const KNOWN_FAILURES: &str = "tests/gdb-known-failures.txt";

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (profile_dir, target_dir) = support::profile_and_target_dirs();
    // `GDB_OURS=llvm`: the built-in backend on both sides, to check the programs and the masking.
    let substitute = std::env::var("GDB_OURS").ok().filter(|v| !v.is_empty());
    let ours = match &substitute {
        Some(backend) => backend.clone(),
        None => support::build_backend(&root, &profile_dir).display().to_string(),
    };
    let out = target_dir.join("gdb-tests");
    std::fs::create_dir_all(&out).expect("create the output dir");
    let cx = &Ctx { programs: root.join("tests/gdb-programs"), root, out, ours };

    let mut names: Vec<String> = std::fs::read_dir(&cx.programs)
        .expect("read tests/gdb-programs/")
        .filter_map(|e| e.ok()?.file_name().into_string().ok()?.strip_suffix(".rs").map(String::from))
        .collect();
    names.sort();

    let known = support::known_failures(&cx.root.join(KNOWN_FAILURES));

    println!("gdb sessions with -Zcodegen-backend={}", cx.ours);
    let mut cases: Vec<support::Case<'_>> = Vec::new();
    for name in names.clone() {
        // The list is about our backend: a substitute must pass everything.
        match known.get(&name).filter(|_| substitute.is_none()) {
            None => cases.push((
                name.clone(),
                Box::new(move || {
                    let (program, builtin) = oracle(cx, &name)?;
                    compare(cx, &name, &program, &builtin)
                }),
            )),
            // Still run, and the built-in backend's session must still pass its checks: a known
            // failure is one of ours only.
            Some(reason) => cases.push((
                format!("{name} (known failure: {reason})"),
                Box::new(move || {
                    let (program, builtin) = oracle(cx, &name)?;
                    match compare(cx, &name, &program, &builtin) {
                        Ok(()) => Err(format!("  passes now: remove it from {KNOWN_FAILURES}")),
                        Err(_) => Ok(()),
                    }
                }),
            )),
        }
    }
    let unknown: Vec<String> = known.keys().filter(|k| !names.contains(k)).cloned().collect();
    cases.push((
        "known failures name programs".into(),
        Box::new(move || match unknown.is_empty() {
            true => Ok(()),
            false => Err(format!("  {KNOWN_FAILURES} names no program in tests/gdb-programs/: {unknown:?}")),
        }),
    ));

    // Two workers: each case is two compiles and two gdb sessions, mostly single-threaded.
    support::run_cases_on(2, &cases);
}
