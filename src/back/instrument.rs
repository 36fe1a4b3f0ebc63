//! Instrumentation passes: sanitizers and profile-guided optimization, written as pass pipeline
//! text around the O-level pipeline (the C API has no way to hand LLVM's pass builder the
//! sanitizer or PGO options the built-in backend gives it).

use rustc_codegen_ssa::back::write::ModuleConfig;
use rustc_session::config::SwitchWithOptPath;
use rustc_target::spec::SanitizerSet;

use crate::ModuleLlvm;
use crate::llvm;

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
        passes.push(format!("hwasan<{}>", options.join(";")));
    }
    if enabled.contains(SanitizerSet::REALTIME) {
        passes.push("rtsan".into());
    }
    passes
}

/// The PGO passes that go before the O-level pipeline: counters for `-Cprofile-generate`, the
/// profile's branch weights for `-Cprofile-use` (its file is the process-wide option
/// `-pgo-test-profile-file`, see `crate::llvm_args`). The built-in backend places them in the
/// same spot at -O0; at higher levels it runs them after early simplification, which pipeline
/// text cannot reach inside `default<On>`.
pub fn pgo_passes(module: &ModuleLlvm, config: &ModuleConfig) -> Vec<String> {
    if let Some(file) = profile_file_name(config) {
        define_profile_file_name(module, &file);
        vec!["pgo-instr-gen".into(), "instrprof".into()]
    } else if config.pgo_use.is_some() {
        vec!["pgo-instr-use".into()]
    } else {
        Vec::new()
    }
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
    let name = llvm::cstr(NAME);
    unsafe {
        let llmod = module.llmod_raw();
        if !llvm::LLVMGetNamedGlobal(llmod, name.as_ptr()).is_null() {
            return;
        }
        let init = llvm::LLVMConstStringInContext2(llvm::AsRaw::raw(module.llcx()), file.as_ptr().cast(), file.len(), 0);
        let global = llvm::LLVMAddGlobal(llmod, llvm::LLVMTypeOf(init), name.as_ptr());
        llvm::LLVMSetInitializer(global, init);
        llvm::LLVMSetGlobalConstant(global, 1);
        llvm::LLVMSetLinkage(global, llvm::LLVMLinkage::LLVMExternalLinkage);
        llvm::LLVMSetVisibility(global, llvm::LLVMVisibility::LLVMHiddenVisibility);
        let comdat = llvm::comdat::LLVMGetOrInsertComdat(llmod, name.as_ptr());
        llvm::comdat::LLVMSetComdat(global, comdat);
    }
}
