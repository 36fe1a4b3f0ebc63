//! Target CPU and features: what LLVM is told (`global_backend_features`, `target-cpu`) and
//! what `cfg(target_feature)` reports (`target_config`).
//!
//! Which features the CPU has is asked of LLVM (see `cpu_features`), so `cfg(target_feature)`
//! is what LLVM will actually compile for, for any CPU LLVM knows.

use rustc_codegen_ssa::TargetConfig;
use rustc_codegen_ssa::target_features::{
    cfg_target_feature, flag_to_backend_features, retpoline_features_by_flags, sanitizer_features_by_flags,
    target_spec_to_backend_features,
};
use rustc_session::Session;
use smallvec::SmallVec;

use crate::llvm;

pub fn host_cpu_name() -> String {
    llvm::machine::host_cpu_name()
}

/// The host's features as LLVM names them, e.g. `["+sse2", "-avx512f", …]`.
fn host_cpu_features() -> Vec<String> {
    let all = llvm::machine::host_cpu_features();
    all.split(',').filter(|f| !f.is_empty()).map(str::to_owned).collect()
}

/// The CPU as the session names it (`native` unresolved).
fn requested_cpu(sess: &Session) -> &str {
    sess.opts.cg.target_cpu.as_deref().unwrap_or(&sess.target.cpu)
}

pub fn target_cpu(sess: &Session) -> String {
    match requested_cpu(sess) {
        "native" => host_cpu_name(),
        cpu => cpu.to_owned(),
    }
}

/// LLVM aborts the process when asked to make 64-bit code for a 32-bit CPU (the built-in
/// backend crashes so); this says so instead. Printing the CPU's `cfg` still works.
pub fn check_cpu_can_compile(sess: &Session) {
    let cpu = target_cpu(sess);
    if crate::back::cpu_features::CPUS_32_BIT.contains(&cpu.as_str()) {
        sess.dcx().fatal(format!(
            "-Ctarget-cpu={cpu} cannot run 64-bit code, so LLVM cannot compile for `{}` with it",
            sess.opts.target_triple
        ));
    }
}

pub fn tune_cpu(sess: &Session) -> Option<String> {
    let name = sess.opts.unstable_opts.tune_cpu.as_deref()?;
    Some(if name == "native" { host_cpu_name() } else { name.to_owned() })
}

/// A Rust target feature's LLVM name and the LLVM features that come with it, on x86-64.
pub fn to_llvm_features(rust_feature: &str) -> SmallVec<[&str; 2]> {
    match rust_feature {
        "sse4.2" => SmallVec::from_slice(&["sse4.2", "crc32"]),
        "pclmulqdq" => SmallVec::from_slice(&["pclmul"]),
        "rdrand" => SmallVec::from_slice(&["rdrnd"]),
        "bmi1" => SmallVec::from_slice(&["bmi"]),
        "cmpxchg16b" => SmallVec::from_slice(&["cx16"]),
        "lahfsahf" => SmallVec::from_slice(&["sahf"]),
        "apxf" => SmallVec::from_slice(&["egpr", "push2pop2", "ppx", "ndd", "ccmp", "cf", "nf", "zu"]),
        f => SmallVec::from_slice(&[f]),
    }
}

/// LLVM features that come with a Rust feature when it is enabled but are left alone when it
/// is disabled (disabling SSE4.2 does not take CRC32 away).
const ENABLE_ONLY: &[(&str, &str)] = &[("sse4.2", "crc32")];

/// Rejects targets this backend cannot compile for (and, as the built-in backend, options that
/// make no sense for the target).
pub fn check_target(sess: &Session) {
    // ELF only: section names (function sections, `.init_array`) are written out by us.
    if sess.target.arch != rustc_target::spec::Arch::X86_64
        || sess.target.binary_format != rustc_target::spec::BinaryFormat::Elf
    {
        sess.dcx().fatal(format!(
            "rustc_codegen_inkwell supports only x86_64 ELF targets so far, not `{}`",
            sess.opts.target_triple
        ));
    }
    // As the built-in backend: x18 is an AArch64 register.
    if sess.opts.unstable_opts.fixed_x18 {
        sess.dcx().fatal(format!(
            "the `-Zfixed-x18` flag is not supported on the `{}` architecture",
            sess.target.arch.desc()
        ));
    }
}

/// The Rust features each x86-64 micro-architecture level adds to the one before (the x86-64
/// psABI's definition, which LLVM's CPUs of the same names follow).
const X86_64_LEVELS: &[(&str, &[&str])] = &[
    ("x86-64", &["fxsr", "sse", "sse2", "x87"]),
    ("x86-64-v2", &["cmpxchg16b", "lahfsahf", "popcnt", "sse3", "sse4.1", "sse4.2", "ssse3"]),
    ("x86-64-v3", &["avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "lzcnt", "movbe", "xsave"]),
    ("x86-64-v4", &["avx512bw", "avx512cd", "avx512dq", "avx512f", "avx512vl"]),
];

/// What we expect the CPU to have, for LLVM to confirm: the host's own list for `native`, the
/// level's definition for the x86-64 levels, nothing for other CPUs.
/// `cpu` is the CPU as the session names it (`native` unresolved).
fn expected_cpu_feature(cpu: &str, base: &[String], llvm_feature: &str) -> Option<bool> {
    if let Some(f) = base.iter().rev().find(|f| &f[1..] == llvm_feature) {
        return Some(f.starts_with('+'));
    }
    let level = X86_64_LEVELS.iter().position(|(name, _)| *name == cpu)?;
    let in_level = |rust_feature: &&str| to_llvm_features(rust_feature).contains(&llvm_feature);
    Some(X86_64_LEVELS[..=level].iter().any(|(_, features)| features.iter().any(in_level)))
}

pub fn target_config(sess: &Session) -> TargetConfig {
    // As the built-in backend: what the CPU has before `-Ctarget-feature`, which
    // `cfg_target_feature` applies itself.
    let base = base_backend_features(sess);
    let mut llvm_features: Vec<&str> =
        sess.target.rust_target_features().iter().flat_map(|(name, _, _)| to_llvm_features(name)).collect();
    llvm_features.sort_unstable();
    llvm_features.dedup();
    let fail = |e: String| -> ! { sess.dcx().fatal(format!("could not ask LLVM for the target CPU's features: {e}")) };
    // The x86-64 levels and the host's CPU are known; only other names need LLVM's word.
    let cpu = requested_cpu(sess);
    let is_level = X86_64_LEVELS.iter().any(|(level, _)| *level == cpu);
    let surely_known = cpu == "native" || is_level;
    if !surely_known && !crate::back::cpu_features::target_cpu_is_known(sess, &base).unwrap_or_else(|e| fail(e)) {
        sess.dcx().fatal(format!(
            "-Ctarget-cpu={} is not a CPU LLVM knows (`rustc --print target-cpus` lists them)",
            target_cpu(sess)
        ));
    }
    let expected = |llvm_feature: &str| expected_cpu_feature(cpu, &base, llvm_feature);
    // An x86-64 level on its own is its definition (tests/print_requests.rs compares every
    // level's `--print cfg` with the built-in backend's): no probe, which costs every rustc
    // process 5 ms and 10 MB. Features from the target or `native` may imply or remove others,
    // which LLVM is asked to confirm.
    let has = if is_level && base.is_empty() {
        llvm_features.iter().map(|f| expected(f).expect("a level defines every feature")).collect()
    } else {
        crate::back::cpu_features::cpu_has_features(sess, &base, &llvm_features, expected).unwrap_or_else(|e| fail(e))
    };
    let cpu_has = |llvm_feature: &str| llvm_features.binary_search(&llvm_feature).is_ok_and(|i| has[i]);
    let (unstable_target_features, target_features) = cfg_target_feature::<2>(sess, to_llvm_features, |f| {
        to_llvm_features(f).iter().all(|llvm_feature| cpu_has(llvm_feature))
    });
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

fn push_llvm_features(features: &mut Vec<String>, rust_feature: &str, enable: bool) {
    let sign = if enable { '+' } else { '-' };
    let skip = |f: &&str| !enable && ENABLE_ONLY.contains(&(rust_feature, *f));
    features.extend(to_llvm_features(rust_feature).iter().filter(|f| !skip(f)).map(|f| format!("{sign}{f}")));
}

/// The features the CPU and the target imply: the host's with `-Ctarget-cpu=native`, then the
/// target specification's.
fn base_backend_features(sess: &Session) -> Vec<String> {
    let mut features = Vec::new();
    if sess.opts.cg.target_cpu.as_deref() == Some("native") {
        features.extend(host_cpu_features());
    }
    target_spec_to_backend_features(sess, |f, enable| push_llvm_features(&mut features, f, enable));
    features
}

/// The `+feature,-feature` list given to the target machine and every function.
pub fn global_backend_features(sess: &Session) -> Vec<String> {
    let mut features = base_backend_features(sess);
    flag_to_backend_features(sess, |f, enable| push_llvm_features(&mut features, f, enable));
    retpoline_features_by_flags(sess, &mut features);
    sanitizer_features_by_flags(sess, &mut features);
    features
}

#[cfg(test)]
mod tests {
    use super::*;

    /// rustc_codegen_llvm's `to_llvm_features` for x86_64 with LLVM 22 (`llvm_util.rs`): the
    /// renames, the features that come along, and the LLVM-21-only rewrites that no longer
    /// apply (`evex512` with AVX-512, the `-512` suffix of AVX10).
    #[test]
    fn rust_features_map_to_llvm_as_in_the_builtin_backend() {
        assert_eq!(llvm::version().0, 22, "the expected names below are the built-in backend's for LLVM 22");
        let cases: &[(&str, &[&str])] = &[
            ("sse4.2", &["sse4.2", "crc32"]),
            ("pclmulqdq", &["pclmul"]),
            ("rdrand", &["rdrnd"]),
            ("bmi1", &["bmi"]),
            ("cmpxchg16b", &["cx16"]),
            ("lahfsahf", &["sahf"]),
            ("apxf", &["egpr", "push2pop2", "ppx", "ndd", "ccmp", "cf", "nf", "zu"]),
            ("avx512f", &["avx512f"]),
            ("avx512vl", &["avx512vl"]),
            ("avx10.1", &["avx10.1"]),
            ("avx10.2", &["avx10.2"]),
            ("sse4.1", &["sse4.1"]),
            ("bmi2", &["bmi2"]),
            ("rdseed", &["rdseed"]),
            ("x87", &["x87"]),
        ];
        for &(rust, llvm) in cases {
            assert_eq!(to_llvm_features(rust).as_slice(), llvm, "{rust}");
        }
    }

    /// As the built-in backend's `global_llvm_features` writes a feature: its LLVM name first,
    /// then what comes with it; disabling SSE4.2 leaves CRC32 (`EnableOnly`), disabling APX
    /// takes all its parts (`Both`).
    #[test]
    fn feature_strings_enable_and_disable_as_in_the_builtin_backend() {
        let pushed = |rust: &str, enable: bool| {
            let mut features = vec!["+existing".to_owned()];
            push_llvm_features(&mut features, rust, enable);
            features
        };
        assert_eq!(pushed("sse4.2", true), ["+existing", "+sse4.2", "+crc32"]);
        assert_eq!(pushed("sse4.2", false), ["+existing", "-sse4.2"]);
        assert_eq!(pushed("pclmulqdq", false), ["+existing", "-pclmul"]);
        assert_eq!(pushed("avx2", true), ["+existing", "+avx2"]);
        let apx = ["egpr", "push2pop2", "ppx", "ndd", "ccmp", "cf", "nf", "zu"];
        assert_eq!(pushed("apxf", true)[1..], apx.map(|f| format!("+{f}")));
        assert_eq!(pushed("apxf", false)[1..], apx.map(|f| format!("-{f}")));
    }

    /// The features each level adds, as `rustc -Zcodegen-backend=llvm --print cfg
    /// -Ctarget-cpu=<level>` lists them (the differences from one level to the next).
    const BUILTIN_LEVEL_CFG: &[(&str, &[&str])] = &[
        ("x86-64", &["fxsr", "sse", "sse2", "x87"]),
        ("x86-64-v2", &["cmpxchg16b", "lahfsahf", "popcnt", "sse3", "sse4.1", "sse4.2", "ssse3"]),
        ("x86-64-v3", &["avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "lzcnt", "movbe", "xsave"]),
        ("x86-64-v4", &["avx512bw", "avx512cd", "avx512dq", "avx512f", "avx512vl"]),
    ];

    /// What the probe is told to expect of a level: every LLVM feature of the level and the
    /// levels below (with the renames: SSE4.2 brings CRC32, `cmpxchg16b` is `cx16`), nothing
    /// of the levels above nor outside them (`x86-64-v3` has no PCLMUL in LLVM's X86.td), and
    /// for other CPUs nothing, unless the base features say; the last base entry wins, as in
    /// LLVM's feature strings.
    #[test]
    fn expected_features_of_the_x86_64_levels() {
        for (i, (level, _)) in BUILTIN_LEVEL_CFG.iter().enumerate() {
            for (j, (_, features)) in BUILTIN_LEVEL_CFG.iter().enumerate() {
                for llvm_feature in features.iter().flat_map(|f| to_llvm_features(f)) {
                    let expected = Some(j <= i);
                    assert_eq!(expected_cpu_feature(level, &[], llvm_feature), expected, "{level} {llvm_feature}");
                }
            }
            for llvm_feature in ["pclmul", "aes", "avx512vnni", "sha", "adx"] {
                assert_eq!(expected_cpu_feature(level, &[], llvm_feature), Some(false), "{level} {llvm_feature}");
            }
        }
        let base = |list: &[&str]| list.iter().map(|f| f.to_string()).collect::<Vec<_>>();
        assert_eq!(expected_cpu_feature("x86-64-v2", &[], "crc32"), Some(true));
        assert_eq!(expected_cpu_feature("x86-64", &[], "sahf"), Some(false));
        assert_eq!(expected_cpu_feature("x86-64-v3", &base(&["+avx2", "-avx2"]), "avx2"), Some(false));
        assert_eq!(expected_cpu_feature("x86-64", &base(&["-sse2", "+sse2"]), "sse2"), Some(true));
        assert_eq!(expected_cpu_feature("skylake", &base(&["+pclmul"]), "pclmul"), Some(true));
        assert_eq!(expected_cpu_feature("skylake", &base(&["+pclmul"]), "avx"), None);
        assert_eq!(expected_cpu_feature("native", &[], "sse2"), None);
    }
}
