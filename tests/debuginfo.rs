//! Debug information, against the built-in backend (line tables so far; backtraces are checked
//! by the ui tests `backtrace_*`):
//!
//! - `dwarf NAME O<n>`: the object of a `bench-programs/` program (one codegen unit) built by
//!   each backend with `-Cdebuginfo=line-tables-only` (and DWARF 5 for one of them): the system
//!   `llvm-dwarfdump --debug-info --debug-line` prints the same for both, apart from the file name.
//! - `code unchanged O<n>`: a library's object built by our backend with and without line tables
//!   has the same code and relocations (`llvm-objdump -dr`), as debuginfo must not change code.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

struct Env {
    root: PathBuf,
    out: PathBuf,
    ours: String,
    objdump: PathBuf,
}

fn rustc(env: &Env, backend: &str, args: &[&str]) -> Result<(), String> {
    let out = support::rustc(&env.root, backend, args);
    if out.status.success() {
        Ok(())
    } else {
        Err(format!("rustc {args:?} failed:\n{}", String::from_utf8_lossy(&out.stderr)))
    }
}

/// A tool's stdout, with lines naming the file itself left out.
fn tool_output(cmd: &mut Command, file: &Path) -> Result<String, String> {
    let out = cmd.arg(file).output().map_err(|e| format!("run {cmd:?}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{cmd:?} failed:\n{}", String::from_utf8_lossy(&out.stderr)));
    }
    let name = file.display().to_string();
    Ok(String::from_utf8_lossy(&out.stdout).lines().filter(|l| !l.contains(&name)).map(|l| format!("{l}\n")).collect())
}

/// The first differing line of two texts, for the report.
fn first_difference(a: &str, b: &str) -> Option<String> {
    let (la, lb): (Vec<_>, Vec<_>) = (a.lines().collect(), b.lines().collect());
    let i = la.iter().zip(&lb).take_while(|(x, y)| x == y).count();
    if i == la.len() && i == lb.len() {
        return None;
    }
    Some(format!("line {}: ours `{}`, built-in `{}`", i + 1, la.get(i).unwrap_or(&"<end>"), lb.get(i).unwrap_or(&"<end>")))
}

fn check_dwarf(env: &Env, program: &str, opt: &str, extra: &[&str]) -> Result<(), String> {
    let source = env.root.join(format!("bench-programs/{program}.rs"));
    let mut dumps = Vec::new();
    for (tag, backend) in [("ours", env.ours.as_str()), ("builtin", "llvm")] {
        let obj = env.out.join(format!("{program}-O{opt}{}-{tag}.o", extra.concat()));
        let mut args = vec!["--edition=2021", "--emit=obj", "-Ccodegen-units=1", "-Cdebuginfo=line-tables-only"];
        let opt_flag = format!("-Copt-level={opt}");
        args.push(&opt_flag);
        args.extend_from_slice(extra);
        let (src, o) = (source.to_str().unwrap(), obj.to_str().unwrap());
        args.extend_from_slice(&[src, "-o", o]);
        rustc(env, backend, &args)?;
        dumps.push(tool_output(Command::new("llvm-dwarfdump").args(["--debug-info", "--debug-line"]), &obj)?);
    }
    if dumps[0].lines().count() < 100 {
        return Err(format!("suspiciously little DWARF:\n{}", dumps[0]));
    }
    match first_difference(&dumps[0], &dumps[1]) {
        None => Ok(()),
        Some(d) => Err(format!("llvm-dwarfdump differs at {d}")),
    }
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

fn check_code_unchanged(env: &Env, opt: &str) -> Result<(), String> {
    let source = env.out.join("dbglib.rs");
    std::fs::write(&source, LIB).map_err(|e| e.to_string())?;
    let mut disassembly = Vec::new();
    for debuginfo in ["0", "line-tables-only"] {
        let obj = env.out.join(format!("dbglib-O{opt}-g{debuginfo}.o"));
        let (opt_flag, dbg_flag) = (format!("-Copt-level={opt}"), format!("-Cdebuginfo={debuginfo}"));
        let (src, o) = (source.to_str().unwrap(), obj.to_str().unwrap());
        rustc(env, &env.ours, &["--crate-type=rlib", "--emit=obj", &opt_flag, &dbg_flag, src, "-o", o])?;
        disassembly.push(tool_output(Command::new(&env.objdump).args(["-d", "-r", "--no-show-raw-insn"]), &obj)?);
    }
    if !disassembly[0].contains("sum_of_squares") {
        return Err("the library's code is missing from the disassembly".into());
    }
    match first_difference(&disassembly[0], &disassembly[1]) {
        None => Ok(()),
        Some(d) => Err(format!("line tables changed the code at {d} (\"ours\" = without, \"built-in\" = with)")),
    }
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
    for program in ["hashmap", "sorting"] {
        for opt in ["0", "1", "3"] {
            cases.push((format!("dwarf {program} O{opt}"), Box::new(move || check_dwarf(env, program, opt, &[]))));
        }
    }
    cases.push(("dwarf strings O3 DWARF 5".into(), Box::new(|| check_dwarf(env, "strings", "3", &["-Zdwarf-version=5"]))));
    for opt in ["0", "3"] {
        cases.push((format!("code unchanged O{opt}"), Box::new(move || check_code_unchanged(env, opt))));
    }

    support::run_cases(&cases);
}
