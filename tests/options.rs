//! Code-generation options that change the object rather than the program's output: each is
//! compiled by both backends, and what the option is about — sections, module flags, function
//! attributes, instructions, symbols, LLVM's pass listing, or the program's run — must come out
//! the same. The refused options are ui tests (`ui-tests/unsupported_*.rs`).

mod support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use support::{RUN_TIMEOUT, TOOL_TIMEOUT};

/// A program with a bit of everything an option could touch: data of several kinds and sizes,
/// strings, a panic path, calls through a vtable, and a loop.
const PROGRAM: &str = r#"
static mut COUNTER: u64 = 0;
static mut TABLE: [u8; 100] = [1; 100];
static mut BIG_ZEROED: [u8; 70000] = [0; 70000];
static CONSTANTS: [u64; 10000] = [7; 10000];

trait Shape { fn area(&self) -> f64; }
struct Square(f64);
impl Shape for Square { fn area(&self) -> f64 { self.0 * self.0 } }

#[inline(never)]
fn sum(v: &[u32]) -> u32 { v.iter().map(|x| x * 3 + 1).sum() }

fn main() {
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Square(std::hint::black_box(2.0)))];
    let v = std::hint::black_box(vec![1, 2, 3]);
    unsafe {
        let counter = &raw mut COUNTER;
        *counter += 1;
        let table = &raw mut TABLE;
        (*table)[3] += 1;
        let big = &raw mut BIG_ZEROED;
        (*big)[69999] = 9;
        println!("{} {} {} {}", *counter, (*table)[3], (*big)[69999], std::hint::black_box(&CONSTANTS)[5]);
    }
    println!("{} {} {}", shapes[0].area(), sum(&v), "a string constant");
    if v.len() > 3 { panic!("never"); }
}
"#;

/// Two equal public functions, which LLVM's `mergefunc` merges at -O3.
const MERGEABLE: &str = r#"
#[inline(never)] pub fn first(x: &[u32]) -> u32 { x.iter().map(|v| v.wrapping_mul(2654435761) ^ 7).sum() }
#[inline(never)] pub fn second(x: &[u32]) -> u32 { x.iter().map(|v| v.wrapping_mul(2654435761) ^ 7).sum() }
"#;

/// Per-function patchable entries.
const PATCHABLE: &str = r#"
#![feature(patchable_function_entry)]
#[patchable_function_entry(prefix_nops = 2, entry_nops = 1)]
#[inline(never)]
fn patched(x: u32) -> u32 { x.rotate_left(3) }
fn main() { println!("{}", patched(std::hint::black_box(5))); }
"#;

/// A trait object whose vtable has an entry no call loads. Reports through the exit status.
const VTABLE: &str = r#"
trait Shape { fn area(&self) -> u32; fn never_called(&self) -> &'static str; }
struct Square(u32);
impl Shape for Square {
    fn area(&self) -> u32 { self.0 * self.0 }
    fn never_called(&self) -> &'static str { "never called" }
}
fn main() {
    let shape: Box<dyn Shape> = Box::new(Square(std::hint::black_box(3)));
    std::process::exit(shape.area() as i32);
}
"#;

/// A static of 3 GiB: only the medium and large code models can link it.
const HUGE_STATIC: &str = r#"
static mut HUGE: [u8; 3 << 30] = [0; 3 << 30];
static mut AFTER: [u8; 16] = [5; 16];
fn main() {
    unsafe {
        let huge = &raw mut HUGE;
        (*huge)[(3 << 30) - 1] = 7;
        let after = &raw mut AFTER;
        println!("{} {}", (*huge)[(3 << 30) - 1], (*after)[15]);
    }
}
"#;

const ALL: &[&str] = &[""];

/// What is compared between the two backends' outputs.
#[derive(Clone, Copy)]
enum Look {
    /// Names and types of the object's sections that start with one of these (`ALL`: every
    /// one), `.gcc_except_table` and relocation sections aside: see README's known differences.
    Sections(&'static [&'static str]),
    /// `!llvm.module.flags` entries of the LLVM IR.
    ModuleFlags,
    /// Function attributes in the LLVM IR whose names start with one of these.
    Attributes(&'static [&'static str]),
    /// How many disassembled lines mention this.
    Instructions(&'static str),
    /// Defined symbols: name, type, binding, visibility and size.
    Symbols,
    /// LLVM's listing of the code generator's passes on stderr, as a set of lines.
    PassListing,
    /// Lines of the assembly that are comments.
    AsmComments,
    /// The linked program's stdout and exit status.
    Run,
    /// That `--emit=metadata` (what `cargo check` asks for) compiles.
    Metadata,
}

struct Case {
    name: &'static str,
    source: &'static str,
    crate_type: &'static str,
    flags: &'static [&'static str],
    looks: &'static [Look],
}

const CASES: &[Case] = &[
    Case {
        name: "function_return_thunk_extern",
        source: PROGRAM,
        crate_type: "bin",
        flags: &["-Zfunction-return=thunk-extern", "-Copt-level=2"],
        looks: &[Look::Instructions("__x86_return_thunk"), Look::ModuleFlags, Look::Attributes(&["fn_ret"])],
    },
    Case {
        name: "cf_protection_full",
        source: PROGRAM,
        crate_type: "bin",
        flags: &["-Zcf-protection=full", "-Copt-level=2"],
        looks: &[Look::Instructions("endbr64"), Look::Sections(ALL), Look::ModuleFlags],
    },
    Case {
        name: "cf_protection_return",
        source: PROGRAM,
        crate_type: "bin",
        flags: &["-Zcf-protection=return"],
        looks: &[Look::Instructions("endbr64"), Look::ModuleFlags],
    },
    Case {
        name: "patchable_function_entry_flag",
        source: PROGRAM,
        crate_type: "bin",
        flags: &["-Zpatchable-function-entry=3,1", "-Copt-level=2"],
        looks: &[Look::Sections(ALL), Look::Attributes(&["\"patchable"]), Look::Instructions("nop")],
    },
    Case {
        name: "patchable_function_entry_attribute",
        source: PATCHABLE,
        crate_type: "bin",
        flags: &["-Copt-level=2"],
        looks: &[Look::Sections(ALL), Look::Attributes(&["\"patchable"]), Look::Instructions("nop")],
    },
    Case {
        name: "instrument_xray",
        source: PROGRAM,
        crate_type: "bin",
        flags: &["-Zinstrument-xray=always,ignore-loops,instruction-threshold=10", "-Copt-level=2"],
        looks: &[Look::Sections(ALL), Look::Attributes(&["\"xray", "\"function-instrument"])],
    },
    Case {
        name: "instrument_mcount",
        source: PROGRAM,
        crate_type: "bin",
        flags: &["-Zinstrument-mcount", "-Copt-level=2"],
        looks: &[Look::Instructions("mcount"), Look::Attributes(&["\"instrument", "\"frame-pointer"])],
    },
    Case {
        name: "code_model_medium",
        source: PROGRAM,
        crate_type: "bin",
        flags: &["-Ccode-model=medium", "-Copt-level=2"],
        looks: &[Look::Sections(ALL), Look::ModuleFlags, Look::Run],
    },
    Case {
        name: "code_model_medium_threshold",
        source: PROGRAM,
        crate_type: "bin",
        flags: &["-Ccode-model=medium", "-Zlarge-data-threshold=150", "-Copt-level=0"],
        looks: &[Look::Sections(ALL), Look::Run],
    },
    Case {
        name: "code_model_large",
        source: PROGRAM,
        crate_type: "bin",
        flags: &["-Ccode-model=large", "-Copt-level=2"],
        looks: &[Look::Sections(ALL), Look::ModuleFlags, Look::Run],
    },
    Case {
        name: "code_model_medium_huge_static",
        source: HUGE_STATIC,
        crate_type: "bin",
        flags: &["-Ccode-model=medium"],
        looks: &[Look::Run],
    },
    // On this toolchain the built-in backend's program dies of SIGILL: std calls through its
    // vtables without `llvm.type.checked.load`, and LLVM drops entries it needs. Ours must do
    // the same, not quietly keep every entry.
    Case {
        name: "virtual_function_elimination",
        source: VTABLE,
        crate_type: "bin",
        flags: &["-Zvirtual-function-elimination", "-Clto=fat", "-Copt-level=2"],
        looks: &[Look::Run],
    },
    Case {
        name: "module_flags_from_options",
        source: PROGRAM,
        crate_type: "bin",
        flags: &[
            "-Zsplit-lto-unit",
            "-Clinker-plugin-lto",
            "-Zindirect-branch-cs-prefix",
            "-Cunsafe-allow-abi-mismatch=indirect-branch-cs-prefix",
            "-Zllvm-module-flag=custom-flag:u32:5:max",
        ],
        looks: &[Look::ModuleFlags],
    },
    Case {
        name: "merge_functions_aliases",
        source: MERGEABLE,
        crate_type: "lib",
        flags: &["-Copt-level=3"],
        looks: &[Look::Symbols],
    },
    Case {
        name: "merge_functions_trampolines",
        source: MERGEABLE,
        crate_type: "lib",
        flags: &["-Copt-level=3", "-Zmerge-functions=trampolines"],
        looks: &[Look::Symbols],
    },
    Case {
        name: "default_visibility_protected",
        source: PROGRAM,
        crate_type: "bin",
        flags: &["-Zdefault-visibility=protected"],
        looks: &[Look::Symbols],
    },
    Case {
        name: "print_llvm_passes",
        source: PROGRAM,
        crate_type: "bin",
        flags: &["-Zprint-llvm-passes", "-Copt-level=2", "-Ccodegen-units=1"],
        looks: &[Look::PassListing],
    },
    Case {
        name: "verbose_asm",
        source: PROGRAM,
        crate_type: "bin",
        flags: &["-Zverbose-asm", "-Ccodegen-units=1"],
        looks: &[Look::AsmComments],
    },
    Case {
        name: "use_ctors_section",
        source: PROGRAM,
        crate_type: "bin",
        flags: &["-Zsanitizer=address", "-Zuse-ctors-section=yes"],
        looks: &[Look::Sections(&[".init_array", ".fini_array", ".ctors", ".dtors"])],
    },
    // What we refuse for code generation does not stop `cargo check`.
    Case {
        name: "refused_option_metadata_only",
        source: PROGRAM,
        crate_type: "bin",
        flags: &["-Cinstrument-coverage", "-Zemit-stack-sizes"],
        looks: &[Look::Metadata],
    },
    Case {
        name: "lint_llvm_ir",
        source: PROGRAM,
        crate_type: "bin",
        flags: &["-Zlint-llvm-ir", "-Copt-level=2"],
        looks: &[Look::Run],
    },
];

struct Tools {
    root: PathBuf,
    ours: PathBuf,
    dir: PathBuf,
    bin: PathBuf,
}

impl Tools {
    fn tool(&self, name: &str, args: &[&str]) -> Result<String, String> {
        let out = support::run(Command::new(self.bin.join(name)).args(args), TOOL_TIMEOUT)?;
        if !out.success() {
            return Err(format!("{name} {args:?} failed:\n{}", out.stderr));
        }
        Ok(out.stdout)
    }
}

/// Compiles the case with one backend and describes each look.
fn observe(tools: &Tools, case: &Case, side: &str, backend: &Path) -> Result<Vec<String>, String> {
    let dir = tools.dir.join(case.name).join(side);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let source = dir.join("main.rs");
    std::fs::write(&source, case.source).map_err(|e| e.to_string())?;
    let compile = |emit: &str, out: &Path| -> Result<String, String> {
        let mut args = vec!["--edition=2024", "--crate-type", case.crate_type, "--crate-name=options"];
        args.extend(case.flags);
        let emit = format!("--emit={emit}");
        args.extend([emit.as_str(), "-o", out.to_str().unwrap(), source.to_str().unwrap()]);
        let result =
            support::rustc(&tools.root, backend.to_str().unwrap(), &args).map_err(|e| format!("{side}: {e}"))?;
        let stderr = result.stderr;
        if result.status != 0 {
            return Err(format!("{side}: rustc {args:?} failed:\n{stderr}"));
        }
        Ok(stderr)
    };
    let object = dir.join("main.o");
    let object_str = object.to_str().unwrap();
    let mut looks = Vec::new();
    for look in case.looks {
        looks.push(match *look {
            Look::Sections(prefixes) => {
                compile("obj", &object)?;
                sections(prefixes, &tools.tool("llvm-readobj", &["--elf-output-style=GNU", "-S", "-W", object_str])?)
            }
            Look::ModuleFlags => {
                let ir = dir.join("main.ll");
                compile("llvm-ir", &ir)?;
                module_flags(&std::fs::read_to_string(&ir).map_err(|e| e.to_string())?)
            }
            Look::Attributes(prefixes) => {
                let ir = dir.join("main.ll");
                compile("llvm-ir", &ir)?;
                attributes(&std::fs::read_to_string(&ir).map_err(|e| e.to_string())?, prefixes)
            }
            Look::Instructions(needle) => {
                compile("obj", &object)?;
                let disassembly = tools.tool("llvm-objdump", &["-dr", "--no-show-raw-insn", object_str])?;
                let count = disassembly.lines().filter(|l| l.contains(needle)).count();
                format!("{count} lines with `{needle}`")
            }
            Look::Symbols => {
                compile("obj", &object)?;
                symbols(&tools.tool("llvm-readobj", &["--elf-output-style=GNU", "--symbols", "-W", object_str])?)
            }
            Look::PassListing => {
                let stderr = compile("obj", &object)?;
                let lines: BTreeSet<&str> = stderr.lines().filter(|l| !l.starts_with("Pass Arguments:")).collect();
                lines.into_iter().collect::<Vec<_>>().join("\n")
            }
            Look::AsmComments => {
                let asm = dir.join("main.s");
                compile("asm", &asm)?;
                let text = std::fs::read_to_string(&asm).map_err(|e| e.to_string())?;
                let count = text.lines().filter(|l| l.trim_start().starts_with('#')).count();
                format!("{count} comment lines")
            }
            Look::Metadata => {
                compile("metadata", &dir.join("main.rmeta"))?;
                "compiled".to_owned()
            }
            Look::Run => {
                let exe = dir.join("main");
                compile("link", &exe)?;
                let out = support::run(&mut Command::new(&exe), RUN_TIMEOUT)?;
                format!("{}\nexit status {}", out.stdout, out.status)
            }
        });
    }
    Ok(looks)
}

/// `name type` per section, sorted; LLVM's private-label prefix of anonymous constants (which
/// the C API cannot make) and relocation sections aside.
fn sections(prefixes: &[&str], readelf: &str) -> String {
    let mut found: Vec<String> = readelf
        .lines()
        .filter_map(|l| {
            let l = l.split_once(']')?.1;
            let mut fields = l.split_whitespace();
            Some(format!("{} {}", fields.next()?, fields.next()?))
        })
        .filter(|s| !s.starts_with(".rela") && !s.starts_with(".gcc_except_table") && !s.starts_with("Name "))
        .filter(|s| prefixes.iter().any(|p| s.starts_with(p)))
        .map(|s| s.replace("..Lanon.", ".anon."))
        // LLVM makes an explicitly named `.lbss.*` section PROGBITS, so large zero-initialized
        // data is left in LLVM's one `.lbss` (README, known differences).
        .map(|s| if s.starts_with(".lbss.") && s.ends_with(" NOBITS") { ".lbss NOBITS".to_owned() } else { s })
        .collect();
    found.sort();
    found.dedup_by(|a, b| a == b && a == ".lbss NOBITS");
    found.join("\n")
}

/// `behavior key value` per module flag, sorted.
fn module_flags(ir: &str) -> String {
    let mut found: Vec<&str> = ir
        .lines()
        .filter_map(|l| l.split_once(" = !{i32 ").map(|(_, rest)| rest))
        .filter(|rest| rest.contains(", !\""))
        .collect();
    found.sort();
    found.join("\n")
}

/// The attributes of every attribute group that start with one of `prefixes`, as a set.
fn attributes(ir: &str, prefixes: &[&str]) -> String {
    let found: BTreeSet<&str> = ir
        .lines()
        .filter(|l| l.starts_with("attributes #"))
        .flat_map(|l| l.split_whitespace())
        .filter(|token| prefixes.iter().any(|p| token.starts_with(p)))
        .collect();
    found.into_iter().collect::<Vec<_>>().join("\n")
}

/// Defined, named symbols: name, type, binding, visibility, size.
fn symbols(readelf: &str) -> String {
    let mut found: Vec<String> = readelf
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            // Num: Value Size Type Bind Vis Ndx Name
            (f.len() == 8 && f[6] != "UND" && f[3] != "SECTION" && f[3] != "FILE")
                .then(|| format!("{} {} {} {} {}", f[7], f[3], f[4], f[5], f[2]))
        })
        .collect();
    found.sort();
    found.join("\n")
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf();
    let (profile_dir, target_dir) = support::profile_and_target_dirs();
    let ours = support::build_backend(&root, &profile_dir);
    let bin = support::sysroot(&root).join("lib/rustlib/x86_64-unknown-linux-gnu/bin");
    let tools = Tools { root, ours, dir: target_dir.join("options"), bin };
    let cases: Vec<support::Case<'_>> = CASES
        .iter()
        .map(|case| {
            let tools = &tools;
            let check: Box<dyn Fn() -> Result<(), String> + Sync> = Box::new(move || {
                let builtin = observe(tools, case, "builtin", Path::new("llvm"))?;
                let ours = observe(tools, case, "ours", &tools.ours)?;
                let mut report = String::new();
                for ((look, b), o) in case.looks.iter().zip(&builtin).zip(&ours) {
                    if b != o {
                        report += &format!(
                            "  {} differ (- built-in only, + ours only):\n{}",
                            look_name(*look),
                            line_diff(b, o)
                        );
                    }
                }
                if report.is_empty() { Ok(()) } else { Err(report) }
            });
            (case.name.to_owned(), check)
        })
        .collect();
    support::run_cases_on(2, &cases);
}

/// The lines only one side has, as multisets.
fn line_diff(builtin: &str, ours: &str) -> String {
    let mut counts = std::collections::BTreeMap::<&str, i64>::new();
    builtin.lines().for_each(|l| *counts.entry(l).or_default() += 1);
    ours.lines().for_each(|l| *counts.entry(l).or_default() -= 1);
    let mut out = String::new();
    for (line, n) in counts {
        let sign = if n > 0 { '-' } else { '+' };
        for _ in 0..n.abs() {
            out += &format!("    {sign} {line}\n");
        }
    }
    out
}

fn look_name(look: Look) -> &'static str {
    match look {
        Look::Sections(_) => "sections",
        Look::ModuleFlags => "module flags",
        Look::Attributes(_) => "function attributes",
        Look::Instructions(_) => "instructions",
        Look::Symbols => "symbols",
        Look::PassListing => "pass listing",
        Look::AsmComments => "assembly comments",
        Look::Run => "run",
        Look::Metadata => "metadata",
    }
}
