//! A cargo project with crates.io dependencies and a build script (`tests/cargo-lto-project/`),
//! built with `cargo build --release` by each backend, with the release profile's `lto` unset
//! (rustc's default: crate-local ThinLTO), `"fat"` and `"thin"`. Every crate, the build script
//! included, is compiled by the backend under test; each program must print what the
//! built-in backend's prints, which must be `expected.stdout`. The project's Cargo.lock fixes
//! the dependencies' versions; cargo fetches them from crates.io the first time.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

const MODES: [(&str, Option<&str>); 3] = [("default", None), ("fat", Some("fat")), ("thin", Some("thin"))];

fn build_and_run(project: &Path, target: &Path, backend: &str, lto: Option<&str>) -> Result<String, String> {
    let mut cmd = Command::new("cargo");
    cmd.current_dir(project)
        .args(["build", "--release", "--locked", "--quiet"])
        .env("CARGO_TARGET_DIR", target)
        .env("RUSTFLAGS", format!("-Zcodegen-backend={backend}"))
        .env("CARGO_PROFILE_RELEASE_DEBUG", "0")
        .env_remove("CARGO_PROFILE_RELEASE_LTO")
        .env_remove("CARGO_ENCODED_RUSTFLAGS");
    if let Some(lto) = lto {
        cmd.env("CARGO_PROFILE_RELEASE_LTO", lto);
    }
    let out = cmd.output().map_err(|e| format!("run cargo: {e}"))?;
    if !out.status.success() {
        return Err(format!("cargo build failed:\n{}", String::from_utf8_lossy(&out.stderr)));
    }
    let exe = target.join("release/ltoapp");
    let run = Command::new(&exe).output().map_err(|e| format!("run {}: {e}", exe.display()))?;
    if !run.status.success() {
        return Err(format!("{} exited with {}:\n{}", exe.display(), run.status, String::from_utf8_lossy(&run.stderr)));
    }
    Ok(String::from_utf8_lossy(&run.stdout).into_owned())
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (profile_dir, target_dir) = support::profile_and_target_dirs();
    let ours = support::build_backend(&root, &profile_dir).display().to_string();
    let project = root.join("tests/cargo-lto-project");
    let expected = std::fs::read_to_string(project.join("expected.stdout")).expect("read expected.stdout");
    let work = target_dir.join("cargo-lto");

    let (mut passed, mut failed) = (0, 0);
    for (mode, lto) in MODES {
        let result = (|| {
            let builtin = build_and_run(&project, &work.join("builtin"), "llvm", lto).map_err(|e| format!("built-in: {e}"))?;
            if builtin != expected {
                return Err(format!("the built-in backend's program printed\n{builtin}expected\n{expected}"));
            }
            let ours_out = build_and_run(&project, &work.join("ours"), &ours, lto).map_err(|e| format!("ours: {e}"))?;
            if ours_out != builtin {
                return Err(format!("ours printed\n{ours_out}the built-in backend's\n{builtin}"));
            }
            Ok(())
        })();
        match result {
            Ok(()) => {
                passed += 1;
                println!("ok   release, lto {mode}");
            }
            Err(e) => {
                failed += 1;
                println!("FAIL release, lto {mode}\n{e}");
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed > 0 {
        std::process::exit(1);
    }
}
