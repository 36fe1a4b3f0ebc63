//! Function and data sections: an executable that uses one function of a library crate must
//! not carry the library's unused functions and data, with our backend as with the built-in
//! one (the linker's `--gc-sections` can only drop what has a section of its own). Checked at
//! -O0 and -O3 with `llvm-nm` from llvm-tools on the linked executables.

mod support;

use std::path::Path;
use std::process::Command;

const LIB: &str = r#"
#[inline(never)]
pub fn used(x: u64) -> u64 {
    x.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ USED_TABLE[(x % 4) as usize]
}

#[inline(never)]
pub fn unused_function(x: u64) -> u64 {
    (0..x).map(|i| i * i).sum::<u64>() + UNUSED_TABLE[(x % 64) as usize] as u64
}

#[no_mangle]
pub static USED_TABLE: [u64; 4] = [1, 2, 3, 4];

#[no_mangle]
pub static UNUSED_TABLE: [u8; 64] = [7; 64];

#[no_mangle]
pub static mut UNUSED_COUNTER: u64 = 5;
"#;

const MAIN: &str = r#"
fn main() {
    println!("{}", gclib::used(std::hint::black_box(3)));
}
"#;

fn rustc(root: &Path, backend: &str, args: &[&str]) -> Result<(), String> {
    let out = support::rustc(root, backend, args)?;
    if out.success() { Ok(()) } else { Err(format!("rustc {args:?} failed:\n{}", out.stderr)) }
}

/// The defined symbols of an executable whose names mention `needle`.
fn symbols(nm: &Path, exe: &Path) -> Result<Vec<String>, String> {
    let out = support::run(Command::new(nm).arg("--defined-only").arg(exe), support::TOOL_TIMEOUT)?;
    if !out.success() {
        return Err(format!("llvm-nm {} failed:\n{}", exe.display(), out.stderr));
    }
    Ok(out
        .stdout
        .lines()
        .filter_map(|l| l.split_whitespace().nth(2).map(str::to_owned))
        .filter(|s| s.contains("used") || s.contains("UNUSED") || s.contains("USED"))
        .collect())
}

/// Builds the library and the program with one backend at one opt level; the program must keep
/// `USED_TABLE` and none of the unused function and data.
fn check(root: &Path, nm: &Path, dir: &Path, name: &str, backend: &str, level: &str) -> Result<(), String> {
    let out = dir.join(format!("{name}-O{level}"));
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let opt = format!("-Copt-level={level}");
    let lib = dir.join("gclib.rs");
    let main = dir.join("main.rs");
    let out_dir = out.to_str().unwrap();
    rustc(
        root,
        backend,
        &[&opt, "--crate-type=rlib", "--crate-name=gclib", "--out-dir", out_dir, lib.to_str().unwrap()],
    )?;
    let exe = out.join("main");
    let extern_arg = format!("gclib={}", out.join("libgclib.rlib").display());
    rustc(root, backend, &[&opt, "--extern", &extern_arg, "-o", exe.to_str().unwrap(), main.to_str().unwrap()])?;
    let symbols = symbols(nm, &exe)?;
    let kept_unused: Vec<&String> =
        symbols.iter().filter(|s| s.contains("unused_function") || s.contains("UNUSED")).collect();
    let has_used = symbols.iter().any(|s| s == "USED_TABLE");
    if kept_unused.is_empty() && has_used {
        Ok(())
    } else {
        Err(format!("  unused kept {kept_unused:?}, USED_TABLE kept: {has_used}"))
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (profile_dir, target_dir) = support::profile_and_target_dirs();
    let ours = support::build_backend(root, &profile_dir);
    let ours = ours.to_str().unwrap();
    let nm = support::sysroot(root).join("lib/rustlib/x86_64-unknown-linux-gnu/bin/llvm-nm");
    let dir = target_dir.join("gc-sections");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("gclib.rs"), LIB).unwrap();
    std::fs::write(dir.join("main.rs"), MAIN).unwrap();

    let mut cases: Vec<support::Case<'_>> = Vec::new();
    for level in ["0", "3"] {
        for (name, backend) in [("builtin", "llvm"), ("ours", ours)] {
            let (nm, dir) = (&nm, &dir);
            cases.push((format!("{name} -O{level}"), Box::new(move || check(root, nm, dir, name, backend, level))));
        }
    }
    support::run_cases_on(2, &cases);
}
