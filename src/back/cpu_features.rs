//! Which LLVM features a CPU has, asked of LLVM itself.
//!
//! LLVM's C API has no "does this target machine have feature F" query (the built-in backend
//! calls its own C++ wrapper for it). But LLVM's inliner asks exactly that: on x86 it inlines a
//! callee only if the caller's subtarget has every feature the callee's has. So for each
//! feature F we build a caller with the CPU's attributes and a callee with the same attributes
//! plus `+F`, run the inliner, and read the answer off whether the call is gone. Enabling F
//! also enables what F implies, all of which the caller then has iff it has F: the answer is
//! LLVM's own subtarget tables, for any CPU name LLVM knows.
//!
//! The x86 inliner ignores a few features that do not affect the instructions a function may
//! use (its `InlineFeatureIgnoreList`); of the ones Rust has, `cx16` is asked of the code
//! generator instead (a 128-bit compare-exchange becomes `cmpxchg16b` or a library call), and
//! `sahf` — which nothing in 64-bit code generation reveals — comes from a list of CPUs.

use std::fmt::Write;

use rustc_session::Session;
use rustc_session::config::OptLevel;

use crate::back::target_machine::TargetMachineSpec;
use crate::llvm::machine::{FileType, OwnedTargetMachine};
use crate::llvm::module::OwnedModule;
use crate::llvm::owned::OwnedContext;
use crate::llvm::{self, ir};

// tests/print_requests.rs checks both lists below against the built-in backend, for every CPU
// LLVM lists.

/// The CPUs LLVM 22 knows that cannot run 64-bit code. LLVM aborts the process when asked to
/// make 64-bit code for one, so they are asked in 32-bit mode.
pub const CPUS_32_BIT: &[&str] = &[
    "athlon",
    "athlon-4",
    "athlon-mp",
    "athlon-tbird",
    "athlon-xp",
    "c3",
    "c3-2",
    "geode",
    "i386",
    "i486",
    "i586",
    "i686",
    "k6",
    "k6-2",
    "k6-3",
    "lakemont",
    "pentium",
    "pentium-m",
    "pentium-mmx",
    "pentium2",
    "pentium3",
    "pentium3m",
    "pentium4",
    "pentium4m",
    "pentium_4",
    "pentium_4_sse3",
    "pentium_ii",
    "pentium_iii",
    "pentium_iii_no_xmm_regs",
    "pentium_m",
    "pentium_mmx",
    "pentium_pro",
    "pentiumpro",
    "prescott",
    "winchip-c6",
    "winchip2",
    "yonah",
];

/// The first x86-64 generation, which lacks LAHF/SAHF in 64-bit mode (LLVM's `sahf`).
const X86_64_CPUS_WITHOUT_SAHF: &[&str] = &[
    "athlon-fx",
    "athlon64",
    "athlon64-sse3",
    "generic",
    "k8",
    "k8-sse3",
    "nocona",
    "opteron",
    "opteron-sse3",
    "x86-64",
];

/// Whether LLVM knows the session's target CPU. For a name it does not know, LLVM warns on
/// every subtarget it makes (the probes make dozens) and then aborts the process on 64-bit
/// code; we say so once instead. LLVM's other warnings, e.g. about the target's features, are
/// passed on.
pub fn target_cpu_is_known(sess: &Session, base_features: &[String]) -> Result<bool, String> {
    let spec = TargetMachineSpec::new(sess, OptLevel::No, base_features);
    let (warnings, tm) = llvm::capture_stderr(|| spec.create())?;
    tm?;
    if warnings.contains("is not a recognized processor") {
        return Ok(false);
    }
    eprint!("{warnings}");
    Ok(true)
}

/// For each of `features` (LLVM names), whether the session's target CPU, with `base_features`
/// (the `+f,-g` list the target machine gets), has it. `expected` may give the answer for some
/// features (from the x86-64 level definitions, or the host's list): LLVM confirms those
/// together in one probe, where asking feature by feature costs about 0.4 ms each.
pub fn cpu_has_features(
    sess: &Session,
    base_features: &[String],
    features: &[&str],
    expected: impl Fn(&str) -> Option<bool>,
) -> Result<Vec<bool>, String> {
    let prober = Prober::new(sess, base_features)?;
    let mut answers: Vec<Option<bool>> = features.iter().map(|f| expected(f)).collect();
    let expected_as = |has: bool| -> Vec<&str> {
        let comparable = |(f, e): (&&str, &Option<bool>)| *e == Some(has) && !IGNORED_BY_INLINER.contains(f);
        features.iter().zip(&answers).filter(|&p| comparable(p)).map(|(f, _)| *f).collect()
    };
    if !prober.confirm(&expected_as(true), &expected_as(false))? {
        answers.fill(None);
    }
    let unknown: Vec<&str> = features.iter().zip(&answers).filter(|(_, a)| a.is_none()).map(|(f, _)| *f).collect();
    let mut inliner_answers = prober.inliner_answers(&unknown)?.into_iter();
    let apx = crate::back::target_features::to_llvm_features("apxf");
    for (&feature, answer) in features.iter().zip(&mut answers) {
        if answer.is_some() {
            continue;
        }
        let inlined = inliner_answers.next().unwrap();
        *answer = Some(match feature {
            "cx16" => prober.has_cmpxchg16b()?,
            "sahf" => !prober.is_32_bit && !X86_64_CPUS_WITHOUT_SAHF.contains(&prober.cpu.as_str()),
            // APX extends 64-bit mode only: LLVM's 32-bit subtarget drops it, so the inliner
            // cannot see it there, and a 32-bit CPU has none.
            _ if prober.is_32_bit && apx.contains(&feature) => false,
            _ => inlined,
        });
    }
    Ok(answers.into_iter().map(Option::unwrap).collect())
}

/// The features of Rust's x86 list that LLVM's x86 inliner does not compare.
const IGNORED_BY_INLINER: &[&str] = &["cx16", "sahf"];

/// `base` followed by each of `features` with `sign` (`+` or `-`).
fn feature_list(base: &str, sign: char, features: &[&str]) -> String {
    let mut list = base.to_owned();
    for f in features {
        if !list.is_empty() {
            list.push(',');
        }
        list.push(sign);
        list.push_str(f);
    }
    list
}

/// Parses `ir` in a fresh context, hands the module to `f`.
fn with_module<T>(ir: &str, f: impl FnOnce(&llvm::Module) -> Result<T, String>) -> Result<T, String> {
    let context = OwnedContext::new();
    let module = OwnedModule::parse_assembly(context.get(), ir.to_owned(), c"probe")?;
    f(module.get())
}

/// A callee for the inliner to consider; the empty asm keeps it from being an empty function,
/// which the inliner might treat specially.
fn callee_ir(name: &str, attributes: usize) -> String {
    format!("define internal void @{name}() #{attributes} {{\n  call void asm sideeffect \"\", \"\"()\n  ret void\n}}")
}

/// Whether the module's function `name` still calls a function (the inliner left the call).
fn calls_a_function(module: &llvm::Module, name: &str) -> bool {
    let Some(f) = ir::named_function(module, name) else { return false };
    ir::basic_blocks(f).flat_map(ir::instructions).any(|inst| ir::called_operand(inst).is_some_and(ir::is_function))
}

/// The probes for one CPU and feature list, sharing one target machine.
struct Prober {
    tm: OwnedTargetMachine,
    cpu: String,
    /// The `+f,-g` list every probe function starts from.
    base: String,
    is_32_bit: bool,
}

impl Prober {
    fn new(sess: &Session, base_features: &[String]) -> Result<Self, String> {
        let mut spec = TargetMachineSpec::new(sess, OptLevel::No, base_features);
        let mut base = base_features.join(",");
        let is_32_bit = CPUS_32_BIT.contains(&spec.cpu());
        if is_32_bit {
            spec = spec.in_32_bit_mode();
            // What LLVM adds for every x86_64 triple, whatever the CPU.
            base = if base.is_empty() { "+sse2".to_owned() } else { format!("+sse2,{base}") };
        }
        Ok(Prober { tm: spec.create()?, cpu: spec.cpu().to_owned(), base, is_32_bit })
    }

    fn fn_attributes(&self, features: &str) -> String {
        format!("{{ \"target-cpu\"=\"{}\" \"target-features\"=\"{features}\" }}", self.cpu)
    }

    /// Runs LLVM's inliner on `ir`, then reads the result with `read`.
    fn run_inliner<T>(&self, ir: &str, read: impl FnOnce(&llvm::Module) -> Result<T, String>) -> Result<T, String> {
        with_module(ir, |module| {
            llvm::passes::run_passes(module, "cgscc(inline)", &self.tm, &Default::default())?;
            read(module)
        })
    }

    /// Whether the CPU has all of `present` and none of `absent`, in one probe: a callee with
    /// `+present…` inlines into a caller with `-absent…` iff the CPU has all of `present` and
    /// removing `absent` (and what implies it) takes nothing away.
    fn confirm(&self, present: &[&str], absent: &[&str]) -> Result<bool, String> {
        if present.is_empty() && absent.is_empty() {
            return Ok(true);
        }
        let ir = format!(
            "{}\ndefine void @probe() #0 {{\n  call void @callee()\n  ret void\n}}\n\
             attributes #0 = {}\nattributes #1 = {}\n",
            callee_ir("callee", 1),
            self.fn_attributes(&feature_list(&self.base, '-', absent)),
            self.fn_attributes(&feature_list(&self.base, '+', present)),
        );
        self.run_inliner(&ir, |module| Ok(!calls_a_function(module, "probe")))
    }

    /// Each feature on its own, all in one module.
    fn inliner_answers(&self, features: &[&str]) -> Result<Vec<bool>, String> {
        if features.is_empty() {
            return Ok(Vec::new());
        }
        let mut ir = String::new();
        writeln!(ir, "attributes #0 = {}", self.fn_attributes(&self.base)).unwrap();
        for (i, feature) in features.iter().enumerate() {
            writeln!(
                ir,
                "{}\ndefine void @probe{i}() #0 {{\n  call void @callee{i}()\n  ret void\n}}\nattributes #{n} = {}",
                callee_ir(&format!("callee{i}"), i + 1),
                self.fn_attributes(&feature_list(&self.base, '+', &[feature])),
                n = i + 1,
            )
            .unwrap();
        }
        self.run_inliner(&ir, |module| {
            Ok((0..features.len()).map(|i| !calls_a_function(module, &format!("probe{i}"))).collect())
        })
    }

    /// LLVM only inlines 16-byte compare-exchange when the subtarget has `cx16`.
    fn has_cmpxchg16b(&self) -> Result<bool, String> {
        let ir = format!(
            "define void @probe(ptr %p) #0 {{\n  %r = cmpxchg ptr %p, i128 0, i128 1 seq_cst seq_cst\n  ret void\n}}\n\
             attributes #0 = {}\n",
            self.fn_attributes(&self.base)
        );
        let asm = with_module(&ir, |module| {
            let buffer = self.tm.emit_to_memory(module, FileType::LLVMAssemblyFile)?;
            Ok(String::from_utf8_lossy(buffer.bytes()).into_owned())
        })?;
        Ok(asm.contains("cmpxchg16b"))
    }
}
