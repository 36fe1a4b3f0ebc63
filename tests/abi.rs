//! Calling conventions at the boundaries with code we did not generate (tests/abi-programs/):
//!
//! - C compiled by the system C compiler (`cc`) and Rust calling each other, both ways, with
//!   every argument and return shape of the x86-64 SysV ABI (integer and SSE classes, mixed
//!   eightbytes, memory-class structs, packed and array members, `i128`, empty structs, more
//!   arguments than registers, variadic functions on both sides): the program built by our
//!   backend prints what the built-in backend's prints.
//! - Rust-ABI calls between a library built by one backend and a program built by the other
//!   (scalars, `u128`, floats, small and large structs, tuples, arrays, enums, `Option`,
//!   `Result`, strings, slices, trait objects, closures, `#[track_caller]`, `extern "C"`, and
//!   panics unwinding from one backend's code into the other's): every mix prints what the
//!   built-in backend alone prints.
//!
//! Each at -O0 and -O3.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::{RUN_TIMEOUT, TOOL_TIMEOUT};

struct Setup {
    root: PathBuf,
    ours: PathBuf,
    dir: PathBuf,
    programs: PathBuf,
}

impl Setup {
    fn backend(&self, which: &str) -> String {
        if which == "ours" { self.ours.to_string_lossy().into_owned() } else { "llvm".to_owned() }
    }

    fn rustc(&self, backend: &str, args: &[&str]) -> Result<(), String> {
        let mut all = vec!["--edition=2024"];
        all.extend(args);
        let out = support::rustc(&self.root, &self.backend(backend), &all).map_err(|e| format!("{backend}: {e}"))?;
        if out.success() { Ok(()) } else { Err(format!("{backend}: rustc {all:?} failed:\n{}", out.stderr)) }
    }
}

/// Stdout, stderr and exit status of a program.
fn run(exe: &Path) -> Result<String, String> {
    let out = support::run(Command::new(exe).env_remove("RUST_BACKTRACE"), RUN_TIMEOUT)?;
    Ok(format!("{}{}exit status: {}", out.stdout, out.stderr, out.status))
}

fn compare(expected: &str, got: &str, what: &str) -> Result<(), String> {
    // The programs print a dozen lines or more; fewer means something did not run.
    if expected.lines().count() < 4 {
        return Err(format!("the built-in backend's program printed too little:\n{expected}"));
    }
    if expected == got { Ok(()) } else { Err(format!("{what}: built-in\n{expected}\nours\n{got}")) }
}

/// abi_c.rs linked with abi.c, by each backend.
fn c_boundary(setup: &Setup, object: &Path, opt: &str) -> Result<(), String> {
    let mut outputs = Vec::new();
    for backend in ["builtin", "ours"] {
        let exe = setup.dir.join(format!("abi_c-{backend}-O{opt}"));
        let source = setup.programs.join("abi_c.rs");
        let link = format!("-Clink-arg={}", object.display());
        let opt_flag = format!("-Copt-level={opt}");
        setup.rustc(backend, &[&opt_flag, &link, "-o", exe.to_str().unwrap(), source.to_str().unwrap()])?;
        outputs.push(run(&exe)?);
    }
    compare(&outputs[0], &outputs[1], "abi_c")
}

/// abi_rust_main.rs built by `main` against abi_rust_lib.rs built by `lib`, in a directory of
/// the case's own (`case`), since cases run in parallel.
fn rust_mix(setup: &Setup, case: &str, lib: &str, main: &str, opt: &str) -> Result<String, String> {
    let out = setup.dir.join(format!("{case}-lib-{lib}-main-{main}-O{opt}"));
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let opt_flag = format!("-Copt-level={opt}");
    let lib_source = setup.programs.join("abi_rust_lib.rs");
    let out_dir = out.to_str().unwrap();
    setup.rustc(lib, &[&opt_flag, "--crate-type=rlib", "--out-dir", out_dir, lib_source.to_str().unwrap()])?;
    let extern_arg = format!("abi_rust_lib={}", out.join("libabi_rust_lib.rlib").display());
    let exe = out.join("main");
    let main_source = setup.programs.join("abi_rust_main.rs");
    setup.rustc(
        main,
        &[&opt_flag, "--extern", &extern_arg, "-o", exe.to_str().unwrap(), main_source.to_str().unwrap()],
    )?;
    run(&exe)
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf();
    let (profile_dir, target_dir) = support::profile_and_target_dirs();
    let ours = support::build_backend(&root, &profile_dir);
    let dir = target_dir.join("abi");
    std::fs::create_dir_all(&dir).unwrap();
    let programs = root.join("tests/abi-programs");
    let setup = Setup { root, ours, dir, programs };

    let object = setup.dir.join("abi.o");
    let cc = support::run(
        Command::new("cc").args(["-O2", "-c", "-o"]).arg(&object).arg(setup.programs.join("abi.c")),
        TOOL_TIMEOUT,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(cc.success(), "cc could not compile abi.c:\n{}{}", cc.stdout, cc.stderr);

    let mut cases: Vec<support::Case<'_>> = Vec::new();
    for opt in ["0", "3"] {
        let (setup, object) = (&setup, &object);
        cases.push((format!("c boundary -O{opt}"), Box::new(move || c_boundary(setup, object, opt))));
        for (lib, main) in [("ours", "ours"), ("builtin", "ours"), ("ours", "builtin")] {
            cases.push((
                format!("rust abi, library by {lib}, program by {main}, -O{opt}"),
                Box::new(move || {
                    let case = format!("{lib}-{main}");
                    let expected = rust_mix(setup, &case, "builtin", "builtin", opt)?;
                    compare(&expected, &rust_mix(setup, &case, lib, main, opt)?, "abi_rust_main")
                }),
            ));
        }
    }
    support::run_cases_on(2, &cases);
}
