//! Instrumentation passes: sanitizers and profile-guided optimization, written as pass pipeline
//! text around the O-level pipeline (the C API has no way to hand LLVM's pass builder the
//! sanitizer or PGO options the built-in backend gives it).

use rustc_codegen_ssa::back::write::ModuleConfig;
use rustc_session::config::{OptLevel, SwitchWithOptPath};
use rustc_target::spec::SanitizerSet;

use crate::{ModuleLlvm, llvm};

/// The sanitizer passes, in the order the built-in backend registers them at the end of the
/// optimization pipeline. They instrument the functions that carry the matching `sanitize_*`
/// attribute (see `crate::attributes::sanitize_attrs`); ASan's recover and use-after-scope
/// settings are process-wide options (`crate::llvm_args`).
pub fn sanitizer_passes(config: &ModuleConfig) -> Vec<String> {
    let enabled = config.sanitizer;
    let recover = config.sanitizer_recover;
    let mut passes = Vec::new();
    if enabled.contains(SanitizerSet::MEMORY) {
        let mut options = vec!["eager-checks".to_owned()];
        if recover.contains(SanitizerSet::MEMORY) {
            options.push("recover".into());
        }
        if config.sanitizer_memory_track_origins != 0 {
            options.push(format!("track-origins={}", config.sanitizer_memory_track_origins));
        }
        passes.push(format!("msan<{}>", options.join(";")));
    }
    if enabled.contains(SanitizerSet::THREAD) {
        passes.push("tsan-module,function(tsan)".into());
    }
    if enabled.intersects(SanitizerSet::ADDRESS | SanitizerSet::KERNELADDRESS) {
        let kernel = if enabled.contains(SanitizerSet::KERNELADDRESS) { "<kernel>" } else { "" };
        passes.push(format!("asan{kernel}"));
    }
    if enabled.intersects(SanitizerSet::HWADDRESS | SanitizerSet::KERNELHWADDRESS) {
        let mut options = Vec::new();
        if enabled.contains(SanitizerSet::KERNELHWADDRESS) {
            options.push("kernel");
        }
        if recover.intersects(SanitizerSet::HWADDRESS | SanitizerSet::KERNELHWADDRESS) {
            options.push("recover");
        }
        passes.push(if options.is_empty() { "hwasan".into() } else { format!("hwasan<{}>", options.join(";")) });
    }
    if enabled.contains(SanitizerSet::REALTIME) {
        passes.push("rtsan".into());
    }
    passes
}

/// The PGO passes, which go before the O-level pipeline.
///
/// `-Cprofile-generate` adds counters, `-Cprofile-use` reads the profile's counts into branch
/// weights (its file is the process-wide option `-pgo-test-profile-file`, see `crate::llvm_args`).
/// A profile only applies to code whose control flow graph has the same shape as the code that
/// was counted, so both must run at the same point as in the built-in backend: first thing at
/// -O0; at higher levels after early simplification and a pre-inliner, which pipeline text
/// cannot reach inside `default<On>`. Those passes are spelled out before it instead — for
/// LLVM 22 at every level, exactly the start of what `opt -print-pipeline-passes --pgo-kind=…`
/// prints — and find little left to do when `default<On>` runs them again. One difference
/// remains: the built-in pre-inliner's threshold is 75, pipeline text's `inline` always uses the
/// default 225, so a function that inlines more callees here is counted differently (LLVM then
/// warns of a hash mismatch and leaves that function without weights).
pub fn pgo_passes(module: &ModuleLlvm, config: &ModuleConfig, level: OptLevel) -> Vec<String> {
    let generate = profile_file_name(config);
    if generate.is_none() && config.pgo_use.is_none() {
        return Vec::new();
    }
    let mut passes = Vec::new();
    if level != OptLevel::No {
        passes.push(early_simplification(level));
        passes.push(pre_inliner());
    }
    if let Some(file) = generate {
        define_profile_file_name(module, &file);
        passes.push("pgo-instr-gen".into());
        if level != OptLevel::No {
            // Rotated loops let the lowering keep counters in registers inside loops.
            let header_duplication =
                if level == OptLevel::SizeMin { "no-header-duplication" } else { "header-duplication" };
            passes.push(format!("function<eager-inv>(loop(loop-rotate<{header_duplication};no-prepare-for-lto>))"));
        }
        passes.push("instrprof".into());
        if level != OptLevel::No {
            passes.push("pgo-icall-prom".into());
        }
    } else {
        passes.push("pgo-instr-use".into());
        if level != OptLevel::No {
            passes.push("require<profile-summary>,pgo-icall-prom,pgo-force-function-attrs".into());
        }
    }
    passes
}

const INSTCOMBINE: &str = "instcombine<max-iterations=1;no-verify-fixpoint>";

/// `simplifycfg` as the early pipeline configures it: switches to ranges only after the first.
fn simplifycfg(switch_range_to_icmp: bool) -> String {
    let range = if switch_range_to_icmp { "switch-range-to-icmp" } else { "no-switch-range-to-icmp" };
    format!(
        "simplifycfg<bonus-inst-threshold=1;no-forward-switch-cond;{range};no-switch-to-arithmetic;\
         no-switch-to-lookup;keep-loops;no-hoist-common-insts;no-hoist-loads-stores-with-cond-faulting;\
         no-sink-common-insts;speculate-blocks;simplify-cond-branch;no-speculate-unpredictables>"
    )
}

/// The start of the module simplification pipeline, up to where PGO's passes go.
fn early_simplification(level: OptLevel) -> String {
    let callsite_splitting = if level == OptLevel::Aggressive { ",callsite-splitting" } else { "" };
    format!(
        "memprof-remove-attributes,annotation2metadata,forceattrs,inferattrs,coro-early,\
         function<eager-inv>(ee-instrument<>,lower-expect,{},sroa<modify-cfg>,early-cse<>{callsite_splitting}),\
         openmp-opt,ipsccp,called-value-propagation,globalopt,\
         function<eager-inv>(mem2reg,{INSTCOMBINE},{})",
        simplifycfg(false),
        simplifycfg(true),
    )
}

/// Inlines small callees before counting, so their counts are per call site.
fn pre_inliner() -> String {
    format!(
        "cgscc(inline<only-mandatory>,inline,function<eager-inv>(sroa<modify-cfg>,early-cse<>,{},{INSTCOMBINE})),globaldce",
        simplifycfg(true)
    )
}

/// Where the instrumented program writes its profile: `default_%m.profraw` (`%m` is a hash of
/// the binary, expanded by the profiler runtime) in the directory `-Cprofile-generate` names.
fn profile_file_name(config: &ModuleConfig) -> Option<String> {
    match &config.pgo_gen {
        SwitchWithOptPath::Enabled(dir) => {
            let file = "default_%m.profraw";
            Some(match dir {
                Some(dir) => dir.join(file).display().to_string(),
                None => file.to_owned(),
            })
        }
        SwitchWithOptPath::Disabled => None,
    }
}

/// Defines `__llvm_profile_filename`, the profiler runtime's default output file: what LLVM's
/// lowering defines when the pass builder gives it a file name (a hidden constant string in a
/// comdat of its own, so that every module's copy folds into one).
fn define_profile_file_name(module: &ModuleLlvm, file: &str) {
    const NAME: &str = "__llvm_profile_filename";
    let llmod = module.llmod();
    if llvm::get_named_global(llmod, NAME).is_some() {
        return;
    }
    let init = llvm::consts::bytes(module.llcx(), file.as_bytes());
    let global = llvm::ir::add_global(llmod, llvm::ir::type_of(init), NAME);
    llvm::set_initializer(global, init);
    llvm::set_global_constant(global, true);
    llvm::set_linkage(global, llvm::LLVMLinkage::LLVMExternalLinkage);
    llvm::set_visibility(global, llvm::LLVMVisibility::LLVMHiddenVisibility);
    llvm::set_own_comdat(llmod, global);
}
