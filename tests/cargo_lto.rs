//! A cargo project with crates.io dependencies and a build script (`tests/cargo-lto-project/`),
//! built by each backend with cargo's own profile settings (no environment variables): `cargo
//! build --release` with the release profile's `lto` unset (rustc's default: crate-local
//! ThinLTO), `"fat"` and `"thin"`; `cargo build` (the dev profile: full debuginfo); and `cargo
//! test` (the test profile, debuginfo too). Every crate, the build script included, is compiled
//! by the backend under test; each program must print what the built-in backend's prints, which
//! must be `expected.stdout`, and the tests must report the same. The project's Cargo.lock fixes
//! the dependencies' versions; cargo fetches them from crates.io the first time.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::{CARGO_TIMEOUT, RUN_TIMEOUT};

/// What is built: `(name, cargo arguments, release LTO setting)`.
const MODES: [(&str, &[&str], Option<&str>); 5] = [
    ("release, lto default", &["build", "--release"], None),
    ("release, lto fat", &["build", "--release"], Some("fat")),
    ("release, lto thin", &["build", "--release"], Some("thin")),
    ("dev", &["build"], None),
    ("test", &["test"], None),
];

fn build_and_run(
    project: &Path,
    target: &Path,
    backend: &str,
    args: &[&str],
    lto: Option<&str>,
) -> Result<String, String> {
    let mut cmd = Command::new("cargo");
    cmd.current_dir(project)
        .args(args)
        .args(["--locked", "--quiet"])
        .env("CARGO_TARGET_DIR", target)
        .env("RUSTFLAGS", format!("-Zcodegen-backend={backend}"))
        .env_remove("CARGO_ENCODED_RUSTFLAGS");
    for (key, _) in std::env::vars().filter(|(k, _)| k.starts_with("CARGO_PROFILE_")) {
        cmd.env_remove(key);
    }
    if let Some(lto) = lto {
        cmd.env("CARGO_PROFILE_RELEASE_LTO", lto);
    }
    let out = support::run(&mut cmd, CARGO_TIMEOUT)?;
    if args[0] == "test" {
        // The test harness's report, without its timing.
        let report =
            out.stdout.lines().map(|l| l.split("; finished in").next().unwrap_or(l).to_owned() + "\n").collect();
        return if out.success() { Ok(report) } else { Err(format!("cargo test failed:\n{report}{}", out.stderr)) };
    }
    if !out.success() {
        return Err(format!("cargo build failed:\n{}", out.stderr));
    }
    let exe = target.join(if args.contains(&"--release") { "release/ltoapp" } else { "debug/ltoapp" });
    let run = support::run(&mut Command::new(&exe), RUN_TIMEOUT)?;
    if !run.success() {
        return Err(format!("{} exited with exit status {}:\n{}", exe.display(), run.status, run.stderr));
    }
    Ok(run.stdout)
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (profile_dir, target_dir) = support::profile_and_target_dirs();
    let ours = support::build_backend(&root, &profile_dir).display().to_string();
    let project = root.join("tests/cargo-lto-project");
    let expected = std::fs::read_to_string(project.join("expected.stdout")).expect("read expected.stdout");
    let work = target_dir.join("cargo-lto");

    // One at a time: the modes share the two target directories.
    let cases: Vec<support::Case<'_>> = MODES
        .into_iter()
        .map(|(mode, args, lto)| -> support::Case<'_> {
            let (project, work, expected, ours) = (&project, &work, &expected, &ours);
            (
                mode.to_string(),
                Box::new(move || {
                    let builtin = build_and_run(project, &work.join("builtin"), "llvm", args, lto)
                        .map_err(|e| format!("built-in: {e}"))?;
                    if args[0] == "test" && !builtin.contains("test result: ok. 3 passed") {
                        return Err(format!("the built-in backend's tests reported\n{builtin}"));
                    }
                    if args[0] != "test" && builtin != *expected {
                        return Err(format!("the built-in backend's program printed\n{builtin}expected\n{expected}"));
                    }
                    let ours_out = build_and_run(project, &work.join("ours"), ours, args, lto)
                        .map_err(|e| format!("ours: {e}"))?;
                    if ours_out != builtin {
                        return Err(format!("ours printed\n{ours_out}the built-in backend's\n{builtin}"));
                    }
                    Ok(())
                }),
            )
        })
        .collect();
    support::run_cases(&cases);
}
