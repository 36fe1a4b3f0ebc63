//! Target CPU and features: what LLVM is told (`global_backend_features`, `target-cpu`) and
//! what `cfg(target_feature)` reports (`target_config`).
//!
//! LLVM's C API cannot say which features a named CPU has, so the CPUs whose baselines are
//! known here are the x86-64 micro-architecture levels and `native` (whose features LLVM does
//! report). Any other `-Ctarget-cpu` is rejected with a clear error rather than guessed.

use rustc_codegen_ssa::TargetConfig;
use rustc_codegen_ssa::target_features::{
    cfg_target_feature, flag_to_backend_features, retpoline_features_by_flags, sanitizer_features_by_flags,
    target_spec_to_backend_features,
};
use rustc_session::Session;
use smallvec::SmallVec;

use crate::llvm;

fn host_cpu_name() -> String {
    unsafe { llvm::take_message(llvm::target_machine::LLVMGetHostCPUName()) }
}

/// The host's features as LLVM names them, e.g. `["+sse2", "-avx512f", …]`.
fn host_cpu_features() -> Vec<String> {
    let all = unsafe { llvm::take_message(llvm::target_machine::LLVMGetHostCPUFeatures()) };
    all.split(',').filter(|f| !f.is_empty()).map(str::to_owned).collect()
}

pub fn target_cpu(sess: &Session) -> String {
    match sess.opts.cg.target_cpu.as_deref().unwrap_or(&sess.target.cpu) {
        "native" => host_cpu_name(),
        cpu => cpu.to_owned(),
    }
}

pub fn tune_cpu(sess: &Session) -> Option<String> {
    let name = sess.opts.unstable_opts.tune_cpu.as_deref()?;
    Some(if name == "native" { host_cpu_name() } else { name.to_owned() })
}

/// A Rust target feature's LLVM name(s) on x86-64.
pub fn to_llvm_features(rust_feature: &str) -> SmallVec<[&str; 2]> {
    match rust_feature {
        "sse4.2" => SmallVec::from_slice(&["sse4.2", "crc32"]),
        "pclmulqdq" => SmallVec::from_slice(&["pclmul"]),
        "rdrand" => SmallVec::from_slice(&["rdrnd"]),
        "bmi1" => SmallVec::from_slice(&["bmi"]),
        "cmpxchg16b" => SmallVec::from_slice(&["cx16"]),
        "lahfsahf" => SmallVec::from_slice(&["sahf"]),
        "apxf" => SmallVec::from_slice(&["egpr", "push2pop2"]),
        f => SmallVec::from_slice(&[f]),
    }
}

/// The Rust features each x86-64 micro-architecture level adds to the one before.
const X86_64_LEVELS: &[(&str, &[&str])] = &[
    ("x86-64", &["fxsr", "sse", "sse2", "x87"]),
    ("x86-64-v2", &["cmpxchg16b", "lahfsahf", "popcnt", "sse3", "sse4.1", "sse4.2", "ssse3"]),
    ("x86-64-v3", &["avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "lzcnt", "movbe", "xsave"]),
    ("x86-64-v4", &["avx512bw", "avx512cd", "avx512dq", "avx512f", "avx512vl"]),
];

/// Whether the target CPU (not counting `-Ctarget-feature`) has this Rust feature.
fn base_cpu_has_feature(sess: &Session, rust_feature: &str) -> bool {
    let cpu = sess.opts.cg.target_cpu.as_deref().unwrap_or(&sess.target.cpu);
    if cpu == "native" {
        let host = host_cpu_features();
        return to_llvm_features(rust_feature).iter().all(|f| host.iter().any(|h| h.strip_prefix('+') == Some(f)));
    }
    let Some(level) = X86_64_LEVELS.iter().position(|(name, _)| *name == cpu) else {
        return false;
    };
    X86_64_LEVELS[..=level].iter().any(|(_, features)| features.contains(&rust_feature))
}

/// Rejects CPUs whose feature set we cannot know (see the module comment).
pub fn check_target_cpu(sess: &Session) {
    if sess.target.arch != rustc_target::spec::Arch::X86_64 {
        sess.dcx().fatal(format!(
            "rustc_codegen_inkwell supports only x86_64 targets so far, not `{}`",
            sess.opts.target_triple
        ));
    }
    let cpu = sess.opts.cg.target_cpu.as_deref().unwrap_or(&sess.target.cpu);
    if cpu != "native" && !X86_64_LEVELS.iter().any(|(name, _)| *name == cpu) {
        sess.dcx().fatal(format!(
            "-Ctarget-cpu={cpu} is not yet supported by rustc_codegen_inkwell \
             (supported: native, x86-64, x86-64-v2, x86-64-v3, x86-64-v4)"
        ));
    }
}

pub fn target_config(sess: &Session) -> TargetConfig {
    let (unstable_target_features, target_features) =
        cfg_target_feature::<2>(sess, to_llvm_features, |f| base_cpu_has_feature(sess, f));
    TargetConfig {
        target_features,
        unstable_target_features,
        // As the built-in backend decides for x86_64 with LLVM 22: f16 and f128 work, but LLVM
        // lowers f128 math to `long double` libm symbols, which are 80-bit on x86.
        has_reliable_f16: true,
        has_reliable_f16_math: true,
        has_reliable_f128: true,
        has_reliable_f128_math: false,
    }
}

/// The `+feature,-feature` list given to the target machine and every function.
pub fn global_backend_features(sess: &Session) -> Vec<String> {
    let mut features = Vec::new();
    if sess.opts.cg.target_cpu.as_deref() == Some("native") {
        features.extend(host_cpu_features());
    }
    let mut push = |rust_feature: &str, enable: bool| {
        let sign = if enable { '+' } else { '-' };
        features.extend(to_llvm_features(rust_feature).iter().map(|f| format!("{sign}{f}")));
    };
    target_spec_to_backend_features(sess, &mut push);
    flag_to_backend_features(sess, &mut push);
    retpoline_features_by_flags(sess, &mut features);
    sanitizer_features_by_flags(sess, &mut features);
    features
}
