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

/// A known-failures file: `name: reason` lines, `#` starts a comment (no file: none).
pub fn known_failures(path: &Path) -> std::collections::BTreeMap<String, String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (name, reason) = l.split_once(':').unwrap_or((l, ""));
            (name.trim().to_string(), reason.trim().to_string())
        })
        .collect()
}

/// A named check of a harness: `Err` holds the report. `Sync`, so that cases can run on worker
/// threads.
pub type Case<'a> = (String, Box<dyn Fn() -> Result<(), String> + Sync + 'a>);

/// Runs the cases whose names contain the first free argument (all without one), prints
/// `ok`/`FAIL` per case and `N passed, M failed`, and exits 1 if any failed.
pub fn run_cases(cases: &[Case<'_>]) {
    run_cases_on(1, cases);
}

/// `run_cases` on `jobs` worker threads. The reports come in the cases' order all the same, each
/// as soon as it and the ones before it are done.
pub fn run_cases_on(jobs: usize, cases: &[Case<'_>]) {
    use std::io::Write;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
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
        println!("no case matches the filter");
        std::process::exit(1);
    }
    if failed > 0 {
        std::process::exit(1);
    }
}
