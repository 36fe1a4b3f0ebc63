//! Debug information, against the built-in backend (debuggers are checked by tests/gdb.rs,
//! backtraces by the ui tests `backtrace_*`):
//!
//! - `dwarf NAME O<n> <level>`: the object of a `bench-programs/` program or a ui test (one codegen unit)
//!   built by each backend with `-Cdebuginfo=<level>` (and DWARF 5 for some): the system
//!   `llvm-dwarfdump` prints the same DIEs, line table, location lists and ranges for both,
//!   apart from the file name.
//! - `code O<n> <level>`: debuginfo changes a library's code and relocations (`llvm-objdump
//!   -dr`) exactly as it changes the built-in backend's: the lines that `-Cdebuginfo=<level>`
//!   adds to and removes from the disassembly without debuginfo are the same for both. (It does
//!   change code: at -O0 variables live on the stack so that a debugger can show them, and
//!   constants are numbered differently; line tables change nothing.) Two differences between
//!   the backends that exist without debuginfo are made equal first (README, "Known
//!   differences"): GOT relocations are always relaxable with ours, private constants are named
//!   `anon.*` rather than `.Lanon.*`.
//! - `verify NAME`: `llvm-dwarfdump --verify` finds no more errors in our `-g` binary than in
//!   the built-in backend's (std's prebuilt DWARF already has some).

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::TOOL_TIMEOUT;

struct Env {
    root: PathBuf,
    out: PathBuf,
    ours: String,
    objdump: PathBuf,
}

fn rustc(env: &Env, backend: &str, args: &[&str]) -> Result<(), String> {
    let out = support::rustc(&env.root, backend, args)?;
    if out.success() { Ok(()) } else { Err(format!("rustc {args:?} failed:\n{}", out.stderr)) }
}

/// A tool's stdout, with lines naming the file itself left out.
fn tool_output(cmd: &mut Command, file: &Path) -> Result<String, String> {
    let out = support::run(cmd.arg(file), TOOL_TIMEOUT)?;
    if !out.success() {
        return Err(format!("`{}` failed:\n{}", out.command, out.stderr));
    }
    let name = file.display().to_string();
    Ok(out.stdout.lines().filter(|l| !l.contains(&name)).map(|l| format!("{l}\n")).collect())
}

/// The first differing line of two texts, for the report.
fn first_difference(a: &str, b: &str) -> Option<String> {
    let (la, lb): (Vec<_>, Vec<_>) = (a.lines().collect(), b.lines().collect());
    let i = la.iter().zip(&lb).take_while(|(x, y)| x == y).count();
    if i == la.len() && i == lb.len() {
        return None;
    }
    Some(format!(
        "line {}: ours `{}`, built-in `{}`",
        i + 1,
        la.get(i).unwrap_or(&"<end>"),
        lb.get(i).unwrap_or(&"<end>")
    ))
}

/// The sections compared: DIEs, line table, location lists and ranges (DWARF 4 and 5 names).
const DWARF_SECTIONS: [&str; 6] =
    ["--debug-info", "--debug-line", "--debug-loc", "--debug-ranges", "--debug-loclists", "--debug-rnglists"];

/// `program` is a `bench-programs/` name or a path from the repo root.
fn check_dwarf(env: &Env, program: &str, opt: &str, debuginfo: &str, extra: &[&str]) -> Result<(), String> {
    let source = match program.contains('/') {
        true => env.root.join(program),
        false => env.root.join(format!("bench-programs/{program}.rs")),
    };
    let program = program.rsplit('/').next().unwrap_or(program).trim_end_matches(".rs");
    let mut dumps = Vec::new();
    for (tag, backend) in [("ours", env.ours.as_str()), ("builtin", "llvm")] {
        let obj = env.out.join(format!("{program}-O{opt}-{debuginfo}{}-{tag}.o", extra.concat()));
        let mut args = vec!["--edition=2021", "--emit=obj", "-Ccodegen-units=1"];
        let (opt_flag, debuginfo_flag) = (format!("-Copt-level={opt}"), format!("-Cdebuginfo={debuginfo}"));
        args.extend([opt_flag.as_str(), debuginfo_flag.as_str()]);
        args.extend_from_slice(extra);
        let (src, o) = (source.to_str().unwrap(), obj.to_str().unwrap());
        args.extend_from_slice(&[src, "-o", o]);
        rustc(env, backend, &args)?;
        dumps.push(tool_output(Command::new("llvm-dwarfdump").args(DWARF_SECTIONS), &obj)?);
    }
    if dumps[0].lines().count() < 100 {
        return Err(format!("suspiciously little DWARF:\n{}", dumps[0]));
    }
    match first_difference(&dumps[0], &dumps[1]) {
        None => Ok(()),
        Some(d) => Err(format!("llvm-dwarfdump differs at {d}")),
    }
}

/// The number of errors `llvm-dwarfdump --verify` reports for a binary.
fn verify_errors(binary: &Path) -> Result<usize, String> {
    let out = support::run(Command::new("llvm-dwarfdump").arg("--verify").arg(binary), TOOL_TIMEOUT)?;
    let text = out.stdout;
    if text.contains("No errors.") {
        return Ok(0);
    }
    text.lines()
        .find_map(|l| l.strip_prefix("Errors detected: ").and_then(|n| n.trim().parse().ok()))
        .or_else(|| Some(text.lines().filter(|l| l.starts_with("error:")).count()).filter(|&n| n > 0))
        .ok_or_else(|| format!("cannot read llvm-dwarfdump --verify's report:\n{text}"))
}

fn check_verify(env: &Env, program: &str) -> Result<(), String> {
    let source = env.root.join(format!("bench-programs/{program}.rs"));
    let mut errors = Vec::new();
    for (tag, backend) in [("ours", env.ours.as_str()), ("builtin", "llvm")] {
        let exe = env.out.join(format!("{program}-g-{tag}"));
        rustc(env, backend, &["--edition=2021", "-g", source.to_str().unwrap(), "-o", exe.to_str().unwrap()])?;
        errors.push(verify_errors(&exe)?);
    }
    if errors[0] > errors[1] {
        return Err(format!(
            "llvm-dwarfdump --verify: {} errors in ours, {} in the built-in backend's",
            errors[0], errors[1]
        ));
    }
    println!("     verify {program}: {} errors in ours, {} in the built-in backend's", errors[0], errors[1]);
    Ok(())
}

const LIB: &str = r#"
pub fn sum_of_squares(v: &[u64]) -> u64 {
    v.iter().map(|x| x * x).sum()
}

pub fn parse_all(words: &str) -> Vec<Result<u32, std::num::ParseIntError>> {
    words.split(' ').map(|w| w.parse()).collect()
}

pub fn pick(v: &[u8], i: usize) -> u8 {
    if i > 10 { unreachable!("index {i}") } else { v[i] }
}
"#;

/// Disassembly with the two known differences between the backends made equal.
fn normalized_disassembly(text: &str) -> String {
    text.lines()
        .map(|line| {
            // Relaxable (`…X`, with or without a REX prefix) or not: all GOT-relative.
            let mut line = ["R_X86_64_REX_GOTPCRELX", "R_X86_64_REX_GOTPCREL", "R_X86_64_GOTPCRELX"]
                .iter()
                .fold(line.to_string(), |l, kind| l.replace(kind, "R_X86_64_GOTPCREL"));
            // `.rodata..Lanon.<hash>.<n>` (built-in) and `.rodata.anon.<hash>.<n>` (ours).
            line = line.replace("..Lanon.", ".anon.").replace(".Lanon.", "anon.");
            format!("{line}\n")
        })
        .collect()
}

/// The lines only in `a` and the lines only in `b`, each sorted (multisets).
fn line_changes(a: &str, b: &str) -> (Vec<String>, Vec<String>) {
    let mut only_a: Vec<String> = a.lines().map(String::from).collect();
    let mut only_b: Vec<String> = Vec::new();
    only_a.sort();
    for line in b.lines() {
        match only_a.binary_search_by(|l| l.as_str().cmp(line)) {
            Ok(i) => {
                only_a.remove(i);
            }
            Err(_) => only_b.push(line.to_string()),
        }
    }
    only_b.sort();
    (only_a, only_b)
}

fn check_code(env: &Env, opt: &str, debuginfo: &str) -> Result<(), String> {
    let source = env.out.join("dbglib.rs");
    std::fs::write(&source, LIB).map_err(|e| e.to_string())?;
    let mut changes = Vec::new();
    for (tag, backend) in [("ours", env.ours.as_str()), ("builtin", "llvm")] {
        let mut disassembly = Vec::new();
        for level in ["0", debuginfo] {
            let obj = env.out.join(format!("dbglib-O{opt}-{level}-{tag}.o"));
            let (opt_flag, dbg_flag) = (format!("-Copt-level={opt}"), format!("-Cdebuginfo={level}"));
            let (src, o) = (source.to_str().unwrap(), obj.to_str().unwrap());
            rustc(
                env,
                backend,
                &["--edition=2021", "--crate-type=rlib", "--emit=obj", &opt_flag, &dbg_flag, src, "-o", o],
            )?;
            let text = tool_output(Command::new(&env.objdump).args(["-d", "-r", "--no-show-raw-insn"]), &obj)?;
            disassembly.push(normalized_disassembly(&text));
        }
        if !disassembly[0].contains("sum_of_squares") {
            return Err(format!("the library's code is missing from the {tag} disassembly"));
        }
        changes.push(line_changes(&disassembly[0], &disassembly[1]));
    }
    if changes[0] == changes[1] {
        return Ok(());
    }
    let show = |(removed, added): &(Vec<String>, Vec<String>)| {
        format!("{} lines removed, {} added; first added: {:?}", removed.len(), added.len(), added.first())
    };
    Err(format!("debuginfo changes the code differently: ours {}, built-in {}", show(&changes[0]), show(&changes[1])))
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (profile_dir, target_dir) = support::profile_and_target_dirs();
    let ours = support::build_backend(&root, &profile_dir).display().to_string();
    let objdump = support::sysroot(&root).join("lib/rustlib/x86_64-unknown-linux-gnu/bin/llvm-objdump");
    let out = target_dir.join("debuginfo-tests");
    std::fs::create_dir_all(&out).expect("create the output dir");
    let env = &Env { root, out, ours, objdump };

    let mut cases: Vec<support::Case<'_>> = Vec::new();
    let mut dwarf = |program: &'static str,
                     opt: &'static str,
                     debuginfo: &'static str,
                     extra: &'static [&'static str]| {
        let name =
            format!("dwarf {program} O{opt} {debuginfo}{}", extra.iter().map(|e| format!(" {e}")).collect::<String>());
        cases.push((name, Box::new(move || check_dwarf(env, program, opt, debuginfo, extra))));
    };
    for opt in ["0", "1", "3"] {
        dwarf("hashmap", opt, "line-tables-only", &[]);
        dwarf("hashmap", opt, "full", &[]);
        dwarf("sorting", opt, "full", &[]);
    }
    dwarf("strings", "3", "line-tables-only", &["-Zdwarf-version=5"]);
    dwarf("strings", "0", "full", &["-Zdwarf-version=5"]);
    dwarf("binary_trees", "1", "limited", &[]);
    // Statics a macro defines (`thread_local!`), coroutines.
    dwarf("ui-tests/thread_local.rs", "1", "full", &[]);
    dwarf("ui-tests/async_executor.rs", "0", "full", &[]);
    for opt in ["0", "3"] {
        for level in ["line-tables-only", "full"] {
            cases.push((format!("code O{opt} {level}"), Box::new(move || check_code(env, opt, level))));
        }
    }
    for program in ["hashmap", "binary_trees"] {
        cases.push((format!("verify {program}"), Box::new(move || check_verify(env, program))));
    }

    support::run_cases(&cases);
}
