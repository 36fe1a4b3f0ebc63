//! What the test harnesses share: where cargo put things, the backend dylib built, running named
//! cases.
// Each harness compiles this module on its own and uses only part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

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
    let status = cmd.status().expect("run cargo build --lib");
    assert!(status.success(), "building the backend failed: {status}");
    let so = profile_dir.join("librustc_codegen_inkwell.so");
    assert!(so.exists(), "{} was not built", so.display());
    so
}


/// Runs `rustc -Zcodegen-backend=<backend> <args>` in `root`, where rustup picks the pinned
/// toolchain.
pub fn rustc(root: &Path, backend: &str, args: &[&str]) -> std::process::Output {
    Command::new("rustc")
        .current_dir(root)
        .arg(format!("-Zcodegen-backend={backend}"))
        .args(args)
        .output()
        .expect("run rustc")
}

/// The pinned toolchain's sysroot (rustup picks it from rust-toolchain.toml in `root`).
pub fn sysroot(root: &Path) -> PathBuf {
    let out = Command::new("rustc").current_dir(root).args(["--print", "sysroot"]).output().expect("run rustc");
    assert!(out.status.success(), "rustc --print sysroot failed");
    PathBuf::from(String::from_utf8(out.stdout).expect("utf-8 sysroot").trim())
}

/// A named check of a harness: `Err` holds the report.
pub type Case<'a> = (String, Box<dyn Fn() -> Result<(), String> + 'a>);

/// Runs the cases whose names contain the first free argument (all without one), prints
/// `ok`/`FAIL` per case and `N passed, M failed`, and exits 1 if any failed.
pub fn run_cases(cases: &[Case<'_>]) {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let (mut passed, mut failed) = (0, 0);
    for (name, case) in cases {
        if filter.as_ref().is_some_and(|f| !name.contains(f.as_str())) {
            continue;
        }
        match case() {
            Ok(()) => {
                passed += 1;
                println!("ok   {name}");
            }
            Err(e) => {
                failed += 1;
                println!("FAIL {name}\n{e}");
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed > 0 {
        std::process::exit(1);
    }
}
