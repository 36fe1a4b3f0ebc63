//! LTO across crates and across incremental sessions, against the built-in backend.
//!
//! - **Modes**: `tests/lto-programs/ltolib.rs`, built as an rlib by each backend, and
//!   `ltomain.rs` linked with it, without LTO (crate-local ThinLTO), with `-Clto=fat` and
//!   `-Clto=thin`, at -O3 and -O0, and with a library built with `-Clinker-plugin-lto` (objects
//!   that are bitcode). Both backends' programs must print the same as the expected output:
//!   statics, thread locals, panics across crates, trait objects, `#[used]` constructors and
//!   `#[no_mangle]` exports all survive internalization.
//! - **Cross-crate inlining**: the library is built with `-Zcross-crate-inline-threshold=never`,
//!   so `ltolib::compute` can only be inlined into the program by LTO. At -O3 with either LTO
//!   mode it must be gone from the program, as with the built-in backend, and present without.
//! - **Summaries**: for every module of a `-Clto=thin` program (std's included), the summary
//!   made from the IR and LLVM's own, read from the bitcode, must agree.
//! - **Dylibs**: `-Zdylib-lto` builds a Rust dylib with fat LTO that a program links
//!   dynamically; what rustc refuses with LTO (a dylib without it, `-Cprefer-dynamic`) it refuses
//!   with the same message for both backends.
//! - **Incremental ThinLTO**: `incr.rs` is built incrementally, then a function too big to be
//!   imported is edited, then a small one that another module imports. After each rebuild the
//!   program must be byte-identical to a clean build of the same source, and some modules must
//!   have been reused (objects in the session directory that are the previous session's files
//!   rather than new ones). The counts are printed next to the built-in backend's, which
//!   rebuilds every module here. The same edits under fat LTO must give clean builds' programs.

mod support;

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use support::{COMPILE_TIMEOUT, RUN_TIMEOUT, TOOL_TIMEOUT};

const EXPECTED: &str = "\
constructor ran: 42
compute: 4176262795544752782, calls: 1000
after bump: 15733602095581869390
thread-local depths: [1, 3, 5, 7], main: 0
checked_double(21) = 42
panic hook: negative input -1
caught a panic: true
area 16.25 of square 3.5
largest 9 1.5
exported: 1007
";

struct Ctx {
    root: PathBuf,
    work: PathBuf,
    programs: PathBuf,
    ours: String,
    nm: PathBuf,
}

#[derive(Clone, Copy, PartialEq)]
enum Backend {
    Builtin,
    Ours,
}

impl Backend {
    fn tag(self) -> &'static str {
        match self {
            Backend::Builtin => "builtin",
            Backend::Ours => "ours",
        }
    }
}

impl Ctx {
    fn backend(&self, b: Backend) -> &str {
        match b {
            Backend::Builtin => "llvm",
            Backend::Ours => &self.ours,
        }
    }

    fn rustc(&self, b: Backend, args: &[&str]) -> Result<(), String> {
        let out = support::rustc(&self.root, self.backend(b), args).map_err(|e| format!("{} {e}", b.tag()))?;
        if out.success() { Ok(()) } else { Err(format!("{} rustc {args:?} failed:\n{}", b.tag(), out.stderr)) }
    }

    fn run(&self, exe: &Path) -> Result<String, String> {
        let out = support::run(&mut Command::new(exe), RUN_TIMEOUT)?;
        if !out.success() {
            return Err(format!("{} exited with exit status {}:\n{}", exe.display(), out.status, out.stderr));
        }
        Ok(out.stdout)
    }

    /// Whether the linked program defines a symbol whose name contains `needle`.
    fn defines(&self, exe: &Path, needle: &str) -> Result<bool, String> {
        let out = support::run(Command::new(&self.nm).arg("--defined-only").arg(exe), TOOL_TIMEOUT)?;
        Ok(out.stdout.lines().any(|l| l.contains(needle)))
    }
}

/// One way of building the library and the program.
struct Mode {
    name: &'static str,
    opt: &'static str,
    lib_flags: &'static [&'static str],
    main_flags: &'static [&'static str],
    /// Whether `ltolib::compute` must have been inlined away.
    inlined: bool,
}

const MODES: &[Mode] = &[
    Mode { name: "O3", opt: "3", lib_flags: &[], main_flags: &[], inlined: false },
    Mode { name: "O3-fat", opt: "3", lib_flags: &[], main_flags: &["-Clto=fat"], inlined: true },
    Mode { name: "O3-thin", opt: "3", lib_flags: &[], main_flags: &["-Clto=thin"], inlined: true },
    Mode { name: "O0-fat", opt: "0", lib_flags: &[], main_flags: &["-Clto=fat"], inlined: false },
    Mode { name: "O0-thin", opt: "0", lib_flags: &[], main_flags: &["-Clto=thin"], inlined: false },
    Mode {
        name: "O3-fat-plugin-lib",
        opt: "3",
        lib_flags: &["-Clinker-plugin-lto"],
        main_flags: &["-Clto=fat"],
        inlined: true,
    },
    Mode {
        name: "O3-thin-plugin-lib",
        opt: "3",
        lib_flags: &["-Clinker-plugin-lto"],
        main_flags: &["-Clto=thin"],
        inlined: true,
    },
];

fn check_mode(cx: &Ctx, mode: &Mode) -> Result<(), String> {
    let mut symbols = Vec::new();
    for b in [Backend::Builtin, Backend::Ours] {
        let dir = cx.work.join(format!("{}-{}", mode.name, b.tag()));
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let opt = format!("-Copt-level={}", mode.opt);
        let lib_src = cx.programs.join("ltolib.rs");
        let mut lib_args =
            vec!["--edition=2021", &opt[..], "--crate-type=rlib", "-Zcross-crate-inline-threshold=never", "--out-dir"];
        lib_args.push(dir.to_str().unwrap());
        lib_args.extend(mode.lib_flags);
        lib_args.push(lib_src.to_str().unwrap());
        cx.rustc(b, &lib_args)?;
        let exe = dir.join("ltomain");
        let extern_arg = format!("ltolib={}", dir.join("libltolib.rlib").display());
        let main_src = cx.programs.join("ltomain.rs");
        let mut main_args = vec!["--edition=2021", &opt[..], "--extern", &extern_arg, "-o", exe.to_str().unwrap()];
        main_args.extend(mode.main_flags);
        main_args.push(main_src.to_str().unwrap());
        cx.rustc(b, &main_args)?;
        let out = cx.run(&exe)?;
        if out != EXPECTED {
            return Err(format!("{}: the program printed\n{out}expected\n{EXPECTED}", b.tag()));
        }
        symbols.push([cx.defines(&exe, "ltolib7compute")?, cx.defines(&exe, "ltolib_exported")?]);
    }
    // The export survives internalization; whether the linker then keeps it in an executable
    // (nothing calls it once it is inlined) must be as with the built-in backend.
    if symbols[0] != symbols[1] || symbols[0][0] == mode.inlined {
        return Err(format!(
            "defined `ltolib::compute`, `ltolib_exported` (built-in, ours): {symbols:?}; `compute` must {}be inlined away",
            if mode.inlined { "" } else { "not " }
        ));
    }
    Ok(())
}

/// `incr.rs` with its two values.
fn incr_source(cx: &Ctx, salt: u64, value: u64) -> String {
    let template = std::fs::read_to_string(cx.programs.join("incr.rs")).expect("read incr.rs");
    template.replace("HEAVY_SALT", &salt.to_string()).replace("TINY_VALUE", &value.to_string())
}

/// The objects in the newest session directory of an incremental directory, by file name,
/// with their inode numbers.
fn session_objects(incr: &Path) -> Result<BTreeMap<String, u64>, String> {
    let mut sessions = Vec::new();
    for krate in std::fs::read_dir(incr).map_err(|e| e.to_string())? {
        for entry in std::fs::read_dir(krate.map_err(|e| e.to_string())?.path()).map_err(|e| e.to_string())? {
            let entry = entry.map_err(|e| e.to_string())?;
            let meta = entry.metadata().map_err(|e| e.to_string())?;
            if meta.is_dir() {
                sessions.push((meta.modified().map_err(|e| e.to_string())?, entry.path()));
            }
        }
    }
    let (_, newest) = sessions.into_iter().max().ok_or("no incremental session directory")?;
    let mut objects = BTreeMap::new();
    for f in std::fs::read_dir(&newest).map_err(|e| e.to_string())? {
        let f = f.map_err(|e| e.to_string())?;
        let name = f.file_name().to_string_lossy().into_owned();
        if name.ends_with(".o") {
            objects.insert(name, f.metadata().map_err(|e| e.to_string())?.ino());
        }
    }
    Ok(objects)
}

/// Builds `incr.rs` three times in one incremental directory (original, heavy edited, tiny
/// edited) and returns, for each rebuild, the objects that were rebuilt.
fn incremental_rebuilds(cx: &Ctx, b: Backend, lto: &[&str]) -> Result<Vec<Vec<String>>, String> {
    let dir = cx.work.join(format!("incremental{}-{}", lto.concat(), b.tag()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let src = dir.join("incr.rs");
    let incr = dir.join("incr");
    let flags = [
        "--edition=2021",
        "-Copt-level=3",
        "-Ccodegen-units=64",
        "-Zcross-crate-inline-threshold=never",
        "-Zhuman-readable-cgu-names",
    ];
    let build = |incr_dir: &Path, exe: &Path| -> Result<(), String> {
        let incremental = format!("-Cincremental={}", incr_dir.display());
        let mut args: Vec<&str> = flags.to_vec();
        args.extend(lto);
        args.extend([&incremental[..], "-o", exe.to_str().unwrap(), src.to_str().unwrap()]);
        cx.rustc(b, &args)
    };
    let mut rebuilt = Vec::new();
    let mut before = BTreeMap::new();
    for (step, (salt, value)) in [(7, 5), (8, 5), (8, 6)].into_iter().enumerate() {
        std::fs::write(&src, incr_source(cx, salt, value)).map_err(|e| e.to_string())?;
        let exe = dir.join(format!("incr-{step}"));
        build(&incr, &exe)?;
        let after = session_objects(&incr)?;
        if step > 0 {
            rebuilt
                .push(after.iter().filter(|(n, ino)| before.get(*n) != Some(*ino)).map(|(n, _)| n.clone()).collect());
        }
        before = after;
        // A clean build of the same source, in an incremental directory of its own.
        let clean_incr = dir.join(format!("clean-{step}"));
        let _ = std::fs::remove_dir_all(&clean_incr);
        let clean = dir.join(format!("clean-{step}-exe"));
        build(&clean_incr, &clean)?;
        let (a, c) =
            (std::fs::read(&exe).map_err(|e| e.to_string())?, std::fs::read(&clean).map_err(|e| e.to_string())?);
        if a != c {
            return Err(format!("{}: step {step}: the incremental build differs from a clean build", b.tag()));
        }
        let (out, expected) = (cx.run(&exe)?, cx.run(&clean)?);
        if out != expected {
            return Err(format!("{}: step {step}: prints\n{out}a clean build prints\n{expected}", b.tag()));
        }
    }
    Ok(rebuilt)
}

fn check_incremental(cx: &Ctx) -> Result<(), String> {
    let builtin = incremental_rebuilds(cx, Backend::Builtin, &[])?;
    let ours = incremental_rebuilds(cx, Backend::Ours, &[])?;
    // Each edit changes one module: some objects must come back from the cache (the byte
    // comparison with a clean build has shown they are the right ones).
    let total = session_objects(&cx.work.join("incremental-ours/incr"))?.len();
    if ours.iter().any(|r| r.is_empty() || r.len() >= total) {
        return Err(format!("expected some but not all of {total} objects rebuilt after each edit, got {ours:?}"));
    }
    let counts = |r: &[Vec<String>]| r.iter().map(|v| v.len()).collect::<Vec<_>>();
    println!(
        "  objects rebuilt after each edit, of {total}: ours {:?}, built-in {:?}",
        counts(&ours),
        counts(&builtin)
    );
    Ok(())
}

/// Our summaries (made from the IR) and LLVM's (read from the bitcode, as for upstream crates)
/// agree for every module of a program and of std, which checks both readers.
fn check_summaries(cx: &Ctx) -> Result<(), String> {
    let dir = cx.work.join("summaries");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let src = dir.join("incr.rs");
    std::fs::write(&src, incr_source(cx, 1, 2)).map_err(|e| e.to_string())?;
    let out = support::run(
        Command::new("rustc")
            .current_dir(&cx.root)
            .env("INKWELL_CHECK_SUMMARIES", "1")
            .args(["--edition=2021", "-Copt-level=3", "-Clto=thin", &format!("-Zcodegen-backend={}", cx.ours)])
            .arg("-o")
            .arg(dir.join("summaries"))
            .arg(&src),
        COMPILE_TIMEOUT,
    )?;
    if !out.success() {
        return Err(out.stderr);
    }
    Ok(())
}

/// Fat LTO over modules that come back from the incremental cache: still the same program as a
/// clean build.
fn check_incremental_fat(cx: &Ctx) -> Result<(), String> {
    incremental_rebuilds(cx, Backend::Builtin, &["-Clto=fat"])?;
    incremental_rebuilds(cx, Backend::Ours, &["-Clto=fat"]).map(|_| ())
}

/// `-Zdylib-lto`: a Rust dylib built with fat LTO, and a program linking it dynamically.
fn check_dylib_lto(cx: &Ctx) -> Result<(), String> {
    let mut outputs = Vec::new();
    for b in [Backend::Builtin, Backend::Ours] {
        let dir = cx.work.join(format!("dylib-{}", b.tag()));
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let lib = dir.join("dylib.rs");
        std::fs::write(&lib, "pub fn greet(n: u32) -> String { format!(\"hello from a dylib, {n}\") }\n")
            .map_err(|e| e.to_string())?;
        let main = dir.join("main.rs");
        std::fs::write(&main, "fn main() { println!(\"{}\", dylib::greet(3)); }\n").map_err(|e| e.to_string())?;
        let d = dir.to_str().unwrap();
        cx.rustc(
            b,
            &[
                "--crate-type=dylib",
                "-Copt-level=3",
                "-Clto=fat",
                "-Zdylib-lto",
                "-Cprefer-dynamic",
                "--out-dir",
                d,
                lib.to_str().unwrap(),
            ],
        )?;
        let exe = dir.join("main");
        let extern_arg = format!("dylib={}", dir.join("libdylib.so").display());
        cx.rustc(
            b,
            &[
                "-Cprefer-dynamic",
                "--extern",
                &extern_arg,
                "-L",
                d,
                "-o",
                exe.to_str().unwrap(),
                main.to_str().unwrap(),
            ],
        )?;
        let std_dir = support::sysroot(&cx.root).join("lib/rustlib/x86_64-unknown-linux-gnu/lib");
        let out =
            support::run(Command::new(&exe).env("LD_LIBRARY_PATH", format!("{d}:{}", std_dir.display())), RUN_TIMEOUT)?;
        outputs.push(out.stdout);
    }
    if outputs[0] != "hello from a dylib, 3\n" || outputs[1] != outputs[0] {
        return Err(format!("printed (built-in, ours): {outputs:?}"));
    }
    Ok(())
}

/// What rustc refuses with LTO (a dylib without `-Zdylib-lto`, `-Cprefer-dynamic`), it refuses
/// with the same message for both backends.
fn check_refused(cx: &Ctx) -> Result<(), String> {
    let dir = cx.work.join("refused");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let src = dir.join("refused.rs");
    std::fs::write(&src, "pub fn f() {}\nfn main() {}\n").map_err(|e| e.to_string())?;
    let src = src.to_str().unwrap();
    let d = dir.to_str().unwrap();
    for args in [&["--crate-type=dylib", "-Clto=fat"][..], &["-Clto=thin", "-Cprefer-dynamic"]] {
        let mut stderr = Vec::new();
        for b in [Backend::Builtin, Backend::Ours] {
            let mut all = args.to_vec();
            all.extend(["--out-dir", d, src]);
            let out = support::rustc(&cx.root, cx.backend(b), &all).map_err(|e| format!("{} {e}", b.tag()))?;
            if out.status != 1 {
                return Err(format!("{} {args:?}: exit status {}, expected 1", b.tag(), out.status));
            }
            stderr.push(out.stderr);
        }
        if stderr[0] != stderr[1] {
            return Err(format!("{args:?}: the built-in backend says\n{}ours\n{}", stderr[0], stderr[1]));
        }
    }
    Ok(())
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (profile_dir, target_dir) = support::profile_and_target_dirs();
    let ours = support::build_backend(&root, &profile_dir).display().to_string();
    let nm = support::sysroot(&root).join("lib/rustlib/x86_64-unknown-linux-gnu/bin/llvm-nm");
    let work = target_dir.join("lto-tests");
    std::fs::create_dir_all(&work).unwrap();
    let cx = &Ctx { programs: root.join("tests/lto-programs"), root, work, ours, nm };

    let mut cases: Vec<support::Case<'_>> = Vec::new();
    for mode in MODES {
        cases.push((format!("modes {}", mode.name), Box::new(move || check_mode(cx, mode))));
    }
    cases.push(("summaries agree with LLVM's".into(), Box::new(|| check_summaries(cx))));
    cases.push(("incremental thin".into(), Box::new(|| check_incremental(cx))));
    cases.push(("incremental fat".into(), Box::new(|| check_incremental_fat(cx))));
    cases.push(("dylib lto".into(), Box::new(|| check_dylib_lto(cx))));
    cases.push(("refused combinations".into(), Box::new(|| check_refused(cx))));

    support::run_cases(&cases);
}
