//! Emit kinds: `--emit=obj,asm,llvm-ir,llvm-bc,link` alone and combined, with one and several
//! codegen units, `-o`, `-Csave-temps`, `-Cembed-bitcode` and `-Clinker-plugin-lto`.
//!
//! Each case is compiled by our backend and by the built-in one (the oracle), each in a directory
//! of its own. Both must succeed with the same compiler messages and leave the same set of file
//! names behind. Then LLVM's own tools (from the toolchain's llvm-tools) must accept what ours
//! wrote: `llvm-dis` the bitcode, `opt -passes=verify` and `llc` the bitcode and the IR, `cc` the
//! assembly, and `llvm-nm` the objects, whose defined global symbols must equal those of the
//! built-in backend's object of the same name (the codegen-unit split does not depend on the
//! backend). Programs built by both must print the same.
//!
//! The first free argument selects the cases whose names contain it (`cargo test --release --test
//! emit -- embed`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use support::{COMPILE_TIMEOUT, RUN_TIMEOUT, TOOL_TIMEOUT};

mod support;

/// A small program: several functions, generics, a panic path, formatting.
const HELLO: &str = r#"
mod a {
    pub fn f(x: u32) -> u32 { x.wrapping_mul(3) + 1 }
}
mod b {
    pub fn g(v: &[u32]) -> u32 { v.iter().map(|&x| crate::a::f(x)).sum() }
}
fn main() {
    let v: Vec<u32> = (0..10).collect();
    println!("{}", b::g(&v));
}
"#;

/// A library with enough modules that `-Ccodegen-units=4` gives four codegen units.
const LIB: &str = r#"
pub mod a {
    pub fn f(x: u32) -> u32 { x.wrapping_mul(3) + 1 }
    #[inline(never)]
    pub fn h(x: u64) -> u64 { x ^ 7 }
}
pub mod b {
    pub fn g(v: &[u32]) -> u32 { v.iter().map(|&x| crate::a::f(x)).sum() }
    pub static S: [u8; 4] = [1, 2, 3, 4];
}
pub mod c {
    pub fn k<T: Clone>(x: &T) -> (T, T) { (x.clone(), x.clone()) }
    pub fn kk(s: &str) -> (String, String) { k(&s.to_string()) }
}
pub mod d {
    pub struct P(pub i32);
    impl Drop for P {
        fn drop(&mut self) { println!("drop {}", self.0) }
    }
    pub fn mk() -> P { P(3) }
}
"#;

/// Uses `LIB` (as crate `emitlib`), to link an rlib into a program.
const USES_LIB: &str = r#"
fn main() {
    println!("{} {}", emitlib::b::g(&[1, 2, 3]), emitlib::a::h(5));
    println!("{:?} {:?}", emitlib::c::kk("x"), emitlib::b::S);
    let _p = emitlib::d::mk();
}
"#;

struct Tools {
    rustc: PathBuf,
    bin: PathBuf,
    backend: PathBuf,
    work: PathBuf,
}

impl Tools {
    fn tool(&self, name: &str) -> Command {
        Command::new(self.bin.join(name))
    }
}

/// Runs `cmd` for at most `limit`; its stdout, or an error with everything it printed.
fn run(cmd: &mut Command, limit: Duration) -> Result<String, String> {
    let out = support::run(cmd, limit)?;
    if !out.success() {
        return Err(format!("`{}` failed (exit status {}):\n{}{}", out.command, out.status, out.stdout, out.stderr));
    }
    Ok(out.stdout)
}

/// Runs one of LLVM's tools, or the system `cc`.
fn run_tool(cmd: &mut Command) -> Result<String, String> {
    run(cmd, TOOL_TIMEOUT)
}

#[derive(Clone, Copy, PartialEq)]
enum Backend {
    Ours,
    Builtin,
}

impl Backend {
    fn dir_name(self) -> &'static str {
        match self {
            Backend::Ours => "ours",
            Backend::Builtin => "builtin",
        }
    }
}

/// One compilation: `source` saved as `file`, compiled with `flags` inside `dir`.
struct Compile<'a> {
    file: &'a str,
    source: &'a str,
    flags: &'a [&'a str],
}

/// Compiles in `dir` (emptied first); returns rustc's stderr.
fn compile(t: &Tools, backend: Backend, dir: &Path, c: &Compile<'_>) -> Result<String, String> {
    std::fs::write(dir.join(c.file), c.source).map_err(|e| e.to_string())?;
    let backend_arg = match backend {
        Backend::Ours => format!("-Zcodegen-backend={}", t.backend.display()),
        Backend::Builtin => "-Zcodegen-backend=llvm".to_owned(),
    };
    let mut cmd = Command::new(&t.rustc);
    cmd.current_dir(dir).env_remove("RUST_BACKTRACE").arg(backend_arg).args(c.flags).arg(c.file);
    let out = support::run(&mut cmd, COMPILE_TIMEOUT).map_err(|e| format!("{} backend: {e}", backend.dir_name()))?;
    let stderr = out.stderr;
    if out.status != 0 {
        return Err(format!(
            "{} backend: rustc {} {} failed:\n{stderr}",
            backend.dir_name(),
            c.flags.join(" "),
            c.file
        ));
    }
    Ok(stderr)
}

/// Every file under `dir`: its name relative to `dir`, in which rustc's temporary directories
/// (`rmetaXXXXXX`, `rustcXXXXXX`, kept by -Csave-temps) have their random suffix masked, and its
/// path.
fn files(dir: &Path) -> BTreeMap<String, PathBuf> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("read_dir").map(|e| e.expect("dir entry")) {
            let path = entry.path();
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                let rel = path.strip_prefix(base).unwrap().to_string_lossy().into_owned();
                out.insert(rel.split('/').map(mask_temp_dir).collect::<Vec<_>>().join("/"), path);
            }
        }
    }
    fn mask_temp_dir(component: &str) -> String {
        for prefix in ["rmeta", "rustc"] {
            if let Some(rest) = component.strip_prefix(prefix)
                && rest.len() == 6
                && rest.chars().all(|c| c.is_ascii_alphanumeric())
            {
                return format!("{prefix}XXXXXX");
            }
        }
        component.to_owned()
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn is_bitcode(path: &Path) -> bool {
    std::fs::read(path).is_ok_and(|bytes| bytes.starts_with(b"BC\xc0\xde"))
}

/// Defined global symbols of an object file.
fn defined_globals(t: &Tools, obj: &Path) -> Result<Vec<String>, String> {
    let out = run_tool(t.tool("llvm-nm").args(["--defined-only", "--extern-only", "--just-symbol-name"]).arg(obj))?;
    let mut syms: Vec<String> = out.lines().map(str::to_owned).collect();
    syms.sort();
    Ok(syms)
}

/// Whether `llvm-dis` finds a module summary (ThinLTO's index entries, `^N = …` lines) in the
/// bitcode file; fails if llvm-dis does not accept it.
fn has_summary(t: &Tools, bitcode: &Path) -> Result<bool, String> {
    let ir = run_tool(t.tool("llvm-dis").arg(bitcode).arg("-o").arg("-"))?;
    Ok(ir.lines().any(|l| l.starts_with('^')))
}

/// llvm-dis accepts our bitcode, which has a module summary exactly when the built-in
/// backend's has one (linkers and rustc's ThinLTO need it).
fn same_summary(t: &Tools, ours: &Path, builtin: &Path) -> Result<(), String> {
    let (a, b) = (has_summary(t, ours)?, has_summary(t, builtin)?);
    if a != b {
        return Err(format!("module summary: ours {a}, built-in {b}"));
    }
    Ok(())
}

/// LLVM's tools must accept each artifact ours wrote; objects must define what the built-in
/// backend's objects of the same name define.
fn check_artifacts(
    t: &Tools,
    ours: &BTreeMap<String, PathBuf>,
    builtin: &BTreeMap<String, PathBuf>,
) -> Result<(), String> {
    let scratch = t.work.join("scratch.o");
    for (name, path) in ours {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let context = |e: String| format!("{name}: {e}");
        match ext {
            "bc" => {
                same_summary(t, path, &builtin[name]).map_err(context)?;
                run_tool(t.tool("opt").args(["-passes=verify", "-disable-output"]).arg(&path)).map_err(context)?;
                run_tool(t.tool("llc").arg("-filetype=obj").arg(&path).arg("-o").arg(&scratch)).map_err(context)?;
            }
            "ll" => {
                run_tool(t.tool("opt").args(["-passes=verify", "-disable-output"]).arg(&path)).map_err(context)?;
                run_tool(t.tool("llc").arg("-filetype=obj").arg(&path).arg("-o").arg(&scratch)).map_err(context)?;
            }
            "s" => {
                run_tool(Command::new("cc").arg("-c").arg(&path).arg("-o").arg(&scratch)).map_err(context)?;
            }
            "o" if is_bitcode(path) => {
                same_summary(t, path, &builtin[name]).map_err(context)?;
            }
            "o" => {
                let (a, b) = (defined_globals(t, path).map_err(context)?, defined_globals(t, &builtin[name])?);
                if a != b {
                    return Err(format!("{name}: defined symbols differ\n  ours:     {a:?}\n  built-in: {b:?}"));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Compiles `c` with both backends into `<work>/<case>/{ours,builtin}` and compares them.
fn differential(t: &Tools, case: &str, c: &Compile<'_>) -> Result<(PathBuf, PathBuf), String> {
    let dirs: Vec<PathBuf> = [Backend::Ours, Backend::Builtin]
        .iter()
        .map(|b| {
            let dir = t.work.join(case).join(b.dir_name());
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).expect("create test dir");
            dir
        })
        .collect();
    let (ours, builtin) = std::thread::scope(|s| {
        let ours = s.spawn(|| compile(t, Backend::Ours, &dirs[0], c));
        let builtin = compile(t, Backend::Builtin, &dirs[1], c);
        (ours.join().expect("compile thread"), builtin)
    });
    let (ours, builtin) = (ours?, builtin?);
    if ours != builtin {
        return Err(format!("compiler messages differ\n--- ours:\n{ours}--- built-in:\n{builtin}"));
    }
    let (ours, builtin) = (files(&dirs[0]), files(&dirs[1]));
    if !ours.keys().eq(builtin.keys()) {
        let (a, b) = (ours.keys().collect::<Vec<_>>(), builtin.keys().collect::<Vec<_>>());
        return Err(format!("produced files differ\n  ours:     {a:?}\n  built-in: {b:?}"));
    }
    check_artifacts(t, &ours, &builtin)?;
    let [ours, builtin] = <[PathBuf; 2]>::try_from(dirs).unwrap();
    Ok((ours, builtin))
}

/// Runs a program each backend built; their outputs must be equal.
fn same_run_output(ours: &Path, builtin: &Path) -> Result<(), String> {
    let (a, b) = (run(&mut Command::new(ours), RUN_TIMEOUT)?, run(&mut Command::new(builtin), RUN_TIMEOUT)?);
    if a != b {
        return Err(format!("program output differs\n--- ours:\n{a}--- built-in:\n{b}"));
    }
    Ok(())
}

/// The ELF section header flags of `section` in `obj` (llvm-readobj's names), if it has one.
fn section_flags(t: &Tools, obj: &Path, section: &str) -> Result<Option<Vec<String>>, String> {
    let out = run_tool(t.tool("llvm-readobj").arg("--sections").arg(obj))?;
    let mut lines = out.lines();
    while let Some(line) = lines.next() {
        if !line.trim().starts_with(&format!("Name: {section} (")) {
            continue;
        }
        let mut flags = Vec::new();
        for line in lines.by_ref() {
            let line = line.trim();
            if line.starts_with("Address:") {
                break;
            }
            if let Some(flag) = line.strip_prefix("SHF_") {
                flags.push(format!("SHF_{}", flag.split_whitespace().next().unwrap_or("")));
            }
        }
        return Ok(Some(flags));
    }
    Ok(None)
}

/// The objects inside `<dir>/<rlib>`, by name, extracted into `<dir>/extracted`.
fn rlib_members(t: &Tools, dir: &Path, rlib: &str) -> Result<BTreeMap<String, PathBuf>, String> {
    let into = dir.join("extracted");
    let _ = std::fs::remove_dir_all(&into);
    std::fs::create_dir_all(&into).map_err(|e| e.to_string())?;
    run_tool(t.tool("llvm-ar").current_dir(&into).arg("x").arg(dir.join(rlib)))?;
    let mut objs = BTreeMap::new();
    for entry in std::fs::read_dir(&into).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|e| e == "o") {
            objs.insert(path.file_name().unwrap().to_string_lossy().into_owned(), path);
        }
    }
    Ok(objs)
}

/// `-Cembed-bitcode=yes` rlib: each object carries `.llvmbc` (bitcode LLVM reads back) and
/// `.llvmcmd`, both excluded from links, as the built-in backend's objects do; a program linked
/// against the rlib has neither and runs like the built-in backend's; and rustc's fat LTO can
/// build the program from that bitcode.
fn embed_bitcode(t: &Tools) -> Result<(), String> {
    let lib = Compile {
        file: "emitlib.rs",
        source: LIB,
        flags: &["--crate-type=rlib", "-Cembed-bitcode=yes", "-Copt-level=3", "-Ccodegen-units=2"],
    };
    let (ours, builtin) = differential(t, "embed_bitcode", &lib)?;
    let (ours_objs, builtin_objs) =
        (rlib_members(t, &ours, "libemitlib.rlib")?, rlib_members(t, &builtin, "libemitlib.rlib")?);
    if ours_objs.len() != 2 || !ours_objs.keys().eq(builtin_objs.keys()) {
        return Err(format!("rlib members: ours {:?}, built-in {:?}", ours_objs.keys(), builtin_objs.keys()));
    }
    for (name, obj) in &ours_objs {
        let mut embedded = Vec::new();
        for (obj, who) in [(obj, "ours"), (&builtin_objs[name], "built-in")] {
            for section in [".llvmbc", ".llvmcmd"] {
                match section_flags(t, obj, section)? {
                    Some(flags) if flags.iter().any(|f| f == "SHF_EXCLUDE") => {}
                    other => return Err(format!("{who}: {name}: {section} flags {other:?}, want SHF_EXCLUDE")),
                }
            }
            let bc = obj.with_extension("llvmbc.bc");
            run_tool(t.tool("llvm-objcopy").arg(format!("--dump-section=.llvmbc={}", bc.display())).arg(obj))?;
            embedded.push(bc);
        }
        same_summary(t, &embedded[0], &embedded[1]).map_err(|e| format!("{name}: embedded bitcode: {e}"))?;
    }
    // No --gc-sections, so only the exclude flag keeps the sections out.
    let mut exes = Vec::new();
    for (dir, backend) in [(&ours, Backend::Ours), (&builtin, Backend::Builtin)] {
        let extern_arg = format!("emitlib={}", dir.join("libemitlib.rlib").display());
        let flags = ["-Copt-level=3", "-Clink-arg=-Wl,--no-gc-sections", "--extern", &extern_arg];
        compile(t, backend, dir, &Compile { file: "uses_lib.rs", source: USES_LIB, flags: &flags })?;
        let exe = dir.join("uses_lib");
        if section_flags(t, &exe, ".llvmbc")?.is_some() || section_flags(t, &exe, ".llvmcmd")?.is_some() {
            return Err(format!("{}: the linked program kept the bitcode sections", backend.dir_name()));
        }
        exes.push(exe);
    }
    same_run_output(&exes[0], &exes[1])?;
    // What the bitcode is for: rustc's own LTO (here the built-in backend's fat LTO) reads it
    // back from `.llvmbc` instead of using the machine code.
    let lto_dir = t.work.join("embed_bitcode").join("lto");
    let _ = std::fs::remove_dir_all(&lto_dir);
    std::fs::create_dir_all(&lto_dir).map_err(|e| e.to_string())?;
    let extern_arg = format!("emitlib={}", ours.join("libemitlib.rlib").display());
    let flags = ["-Clto=fat", "-Copt-level=1", "--extern", &extern_arg];
    compile(t, Backend::Builtin, &lto_dir, &Compile { file: "uses_lib.rs", source: USES_LIB, flags: &flags })?;
    same_run_output(&lto_dir.join("uses_lib"), &exes[1])
}

/// `-Clinker-plugin-lto`: objects are bitcode and the linker (rust-lld, the default linker
/// here, of the same LLVM) optimizes and links them, for an rlib and the program using it.
fn linker_plugin_lto(t: &Tools) -> Result<(), String> {
    let flags = ["--crate-type=rlib", "-Clinker-plugin-lto", "-Copt-level=2", "-Ccodegen-units=3"];
    let lib = Compile { file: "emitlib.rs", source: LIB, flags: &flags };
    let (ours, builtin) = differential(t, "linker_plugin_lto", &lib)?;
    let (ours_objs, builtin_objs) =
        (rlib_members(t, &ours, "libemitlib.rlib")?, rlib_members(t, &builtin, "libemitlib.rlib")?);
    if ours_objs.is_empty() || !ours_objs.keys().eq(builtin_objs.keys()) {
        return Err(format!("rlib members: ours {:?}, built-in {:?}", ours_objs.keys(), builtin_objs.keys()));
    }
    if let Some(name) = ours_objs.iter().chain(&builtin_objs).find_map(|(n, p)| (!is_bitcode(p)).then_some(n)) {
        return Err(format!("rlib member {name} is not bitcode"));
    }
    check_artifacts(t, &ours_objs, &builtin_objs)?;
    let mut exes = Vec::new();
    for (dir, backend) in [(&ours, Backend::Ours), (&builtin, Backend::Builtin)] {
        let extern_arg = format!("emitlib={}", dir.join("libemitlib.rlib").display());
        let flags =
            ["-Clinker-plugin-lto", "-Copt-level=2", "-Ccodegen-units=2", "-Csave-temps", "--extern", &extern_arg];
        compile(t, backend, dir, &Compile { file: "uses_lib.rs", source: USES_LIB, flags: &flags })?;
        exes.push(dir.join("uses_lib"));
    }
    // The program's own objects, kept by -Csave-temps, are bitcode too.
    for (name, path) in files(&ours).iter().filter(|(n, _)| n.starts_with("uses_lib.") && n.ends_with(".o")) {
        if !is_bitcode(path) {
            return Err(format!("{name} is not bitcode"));
        }
    }
    same_run_output(&exes[0], &exes[1])
}

/// `--emit` and codegen flags, compared on the file names and checked with llvm-tools.
const EMIT_CASES: &[(&str, bool, &[&str])] = &[
    // (case name, compile LIB as an rlib (else HELLO as a program), flags)
    ("obj", false, &["--emit=obj"]),
    ("asm", false, &["--emit=asm"]),
    ("llvm_ir", false, &["--emit=llvm-ir"]),
    ("llvm_bc", false, &["--emit=llvm-bc"]),
    ("link", false, &["--emit=link"]),
    ("all_cgu1_o0", false, &["--emit=obj,asm,llvm-ir,llvm-bc,link", "-Ccodegen-units=1"]),
    ("all_cgu4_o3", false, &["--emit=obj,asm,llvm-ir,llvm-bc,link", "-Ccodegen-units=4", "-Copt-level=3"]),
    ("bc_asm_dash_o", false, &["--emit=llvm-bc,asm", "-o", "named"]),
    // Several units and -o: rustc warns that it ignores -o for the per-unit files.
    ("ir_obj_dash_o_cgu4", true, &["--crate-type=rlib", "--emit=llvm-ir,obj", "-Ccodegen-units=4", "-o", "x"]),
    ("explicit_paths", false, &["--emit=llvm-ir=a.ll,llvm-bc=b.bc,asm=c.s,obj=d.o,link=e", "-Ccodegen-units=1"]),
    ("lib_all_cgu4_o0", true, &["--crate-type=rlib", "--emit=obj,asm,llvm-ir,llvm-bc,link", "-Ccodegen-units=4"]),
    ("save_temps_link", false, &["-Csave-temps", "-Ccodegen-units=1"]),
    ("save_temps_all", false, &["-Csave-temps", "--emit=obj,asm,llvm-ir,llvm-bc,link", "-Ccodegen-units=4"]),
    // -Clto=off: at -O3 with several units rustc would otherwise choose crate-local ThinLTO,
    // which is not part of emission (and whose -Csave-temps files are LTO's).
    (
        "save_temps_lib_o3",
        true,
        &["--crate-type=rlib", "-Csave-temps", "-Ccodegen-units=4", "-Copt-level=3", "-Clto=off"],
    ),
];

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (profile_dir, target_dir) = support::profile_and_target_dirs();
    let backend = support::build_backend(&root, &profile_dir);
    let sysroot = support::sysroot(&root);
    let host = run_tool(Command::new(sysroot.join("bin/rustc")).arg("-vV")).unwrap_or_else(|e| panic!("{e}"));
    let host = host.lines().find_map(|l| l.strip_prefix("host: ")).expect("host in rustc -vV").to_owned();
    let tools = Tools {
        rustc: sysroot.join("bin/rustc"),
        bin: sysroot.join("lib/rustlib").join(&host).join("bin"),
        backend,
        work: target_dir.join("emit-tests"),
    };
    std::fs::create_dir_all(&tools.work).expect("create work dir");

    let mut cases: Vec<support::Case<'_>> = Vec::new();
    for &(name, lib, flags) in EMIT_CASES {
        let (file, source) = if lib { ("emitlib.rs", LIB) } else { ("hello.rs", HELLO) };
        let t = &tools;
        cases.push((
            name.to_owned(),
            Box::new(move || {
                let (ours, builtin) = differential(t, name, &Compile { file, source, flags })?;
                let exe = flags.iter().any(|f| f.contains("link")) || !flags.iter().any(|f| f.starts_with("--emit"));
                if exe && !lib {
                    let exe_name = flags
                        .iter()
                        .find_map(|f| f.strip_prefix("--emit=")?.split(',').find_map(|k| k.strip_prefix("link=")));
                    let exe_name = exe_name.unwrap_or("hello");
                    same_run_output(&ours.join(exe_name), &builtin.join(exe_name))?;
                }
                Ok(())
            }),
        ));
    }
    cases.push(("embed_bitcode".to_owned(), Box::new(|| embed_bitcode(&tools))));
    cases.push(("linker_plugin_lto".to_owned(), Box::new(|| linker_plugin_lto(&tools))));

    support::run_cases(&cases);
}
