//! Per-module optimization, scheduled by rustc_codegen_ssa's coordinator on worker threads:
//! the new pass manager pipeline for the module's opt level, with the options rustc chooses.

use rustc_codegen_ssa::ModuleCodegen;
use rustc_codegen_ssa::back::write::{CodegenContext, ModuleConfig, SharedEmitter};
use rustc_data_structures::profiling::SelfProfilerRef;
use rustc_errors::{DiagCtxt, DiagCtxtHandle};
use rustc_session::config::{Lto, OptLevel};

use crate::ModuleLlvm;
use crate::back::instrument;
use crate::llvm::diagnostics::Severity;
use crate::llvm::passes::PassOptions;
use crate::llvm::{self};

/// Emits what LLVM reported on the module's context since the last call.
pub fn emit_llvm_diagnostics(dcx: DiagCtxtHandle<'_>, module: &ModuleLlvm) {
    for (severity, msg) in module.context.take_diagnostics() {
        emit_llvm_diagnostic(dcx, module, severity, &msg);
    }
}

pub fn emit_llvm_diagnostic(dcx: DiagCtxtHandle<'_>, module: &ModuleLlvm, severity: Severity, msg: &str) {
    match severity {
        Severity::Error => {
            dcx.err(format!("LLVM error in module `{}`: {msg}", module.name));
        }
        Severity::Warning => {
            dcx.warn(format!("LLVM warning in module `{}`: {msg}", module.name));
        }
    }
}

/// Checks the module before any pass runs: LLVM's own verifier aborts the process on
/// broken IR, this reports it as an error instead.
pub fn verify(dcx: DiagCtxtHandle<'_>, module: &ModuleLlvm) -> bool {
    let result = llvm::passes::verify(module.llmod());
    if let Err(msg) = &result {
        dcx.err(format!("rustc_codegen_inkwell produced invalid LLVM IR in module `{}`:\n{msg}", module.name));
    }
    result.is_ok()
}

/// Where a module's optimization runs in the build, as the built-in backend distinguishes it:
/// before a link-time optimization that is still to come (ours, or the linker's with
/// `-Clinker-plugin-lto`), or as its post-link part.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Stage {
    /// No LTO follows: the whole pipeline.
    PreLinkNoLto,
    /// ThinLTO follows.
    PreLinkThin,
    /// Fat LTO follows.
    PreLinkFat,
    /// One module after ThinLTO's imports.
    ThinPostLink,
    /// The one merged module of fat LTO.
    FatPostLink,
}

impl Stage {
    /// The stage of a codegen unit's own optimization, from the LTO the session does.
    pub fn pre_link(cgcx: &CodegenContext) -> Stage {
        match cgcx.lto {
            Lto::Fat => Stage::PreLinkFat,
            Lto::Thin | Lto::ThinLocal => Stage::PreLinkThin,
            Lto::No if cgcx.use_linker_plugin_lto => Stage::PreLinkThin,
            Lto::No => Stage::PreLinkNoLto,
        }
    }

    fn is_pre_link(self) -> bool {
        matches!(self, Stage::PreLinkNoLto | Stage::PreLinkThin | Stage::PreLinkFat)
    }
}

pub fn level_name(level: OptLevel) -> &'static str {
    match level {
        OptLevel::No => "O0",
        OptLevel::Less => "O1",
        OptLevel::More => "O2",
        OptLevel::Aggressive => "O3",
        OptLevel::Size => "Os",
        OptLevel::SizeMin => "Oz",
    }
}

/// The O-level pipeline of a stage, and whether the passes that ThinLTO's bitcode writer needs
/// (canonical aliases, names for anonymous globals) follow it, as in the built-in backend. The
/// pre-link pipelines end with those passes themselves; at -O0 they are the O0 pipeline.
fn stage_pipeline(level: OptLevel, stage: Stage) -> (String, bool) {
    let l = level_name(level);
    if level == OptLevel::No && stage.is_pre_link() {
        return ("default<O0>".into(), true);
    }
    match stage {
        Stage::PreLinkNoLto => (format!("default<{l}>"), true),
        Stage::PreLinkThin | Stage::PreLinkFat => (format!("thinlto-pre-link<{l}>"), false),
        Stage::ThinPostLink => (format!("thinlto<{l}>"), true),
        Stage::FatPostLink => (format!("lto<{l}>"), false),
    }
}

/// The whole pipeline for one module, in the built-in backend's order: the IR linter, PGO, the O-level
/// pipeline, the sanitizers (which it adds at the pipeline's end, even with
/// -Zno-prepopulate-passes; fat LTO's pipeline has no place for them), the passes of -Cpasses,
/// then the renaming passes.
fn pipeline(module: &ModuleLlvm, config: &ModuleConfig, level: OptLevel, stage: Stage) -> String {
    let (base, renaming) = stage_pipeline(level, stage);
    let mut passes = Vec::new();
    if !config.no_prepopulate_passes {
        if stage.is_pre_link() {
            // `-Zlint-llvm-ir`: at the pipeline's start, where the built-in backend adds it.
            if config.lint_llvm_ir {
                passes.push("function(lint<abort-on-error>)".to_owned());
            }
            passes.extend(instrument::pgo_passes(module, config, level));
        }
        passes.push(base);
    }
    if config.no_prepopulate_passes || stage != Stage::FatPostLink {
        passes.extend(instrument::sanitizer_passes(config));
    }
    passes.extend(config.passes.iter().cloned());
    if renaming {
        passes.extend(["canonicalize-aliases".to_owned(), "name-anon-globals".to_owned()]);
    }
    passes.join(",")
}

/// Runs a textual pass pipeline on the module, reporting failure as an error.
pub fn run_passes(
    dcx: DiagCtxtHandle<'_>,
    module: &ModuleLlvm,
    pipeline: &str,
    config: &ModuleConfig,
    level: OptLevel,
) {
    let tm = match module.target_machine() {
        Ok(tm) => tm,
        Err(e) => dcx.fatal(format!("could not create LLVM target machine: {e}")),
    };
    let unroll = !matches!(level, OptLevel::Size | OptLevel::SizeMin);
    let options = PassOptions {
        verify_each: Some(false),
        loop_interleaving: Some(unroll),
        loop_unrolling: Some(unroll),
        // Vectorization is decided by process-wide flags (see `crate::llvm_args`): the pipeline
        // text would override these two setters from the O-level.
        loop_vectorization: Some(config.vectorize_loop),
        slp_vectorization: Some(config.vectorize_slp),
        merge_functions: Some(config.merge_functions),
    };
    if let Err(msg) = llvm::passes::run_passes(module.llmod(), pipeline, tm, &options) {
        dcx.err(format!("LLVM pass pipeline `{pipeline}` failed on module `{}`: {msg}", module.name));
    }
    emit_llvm_diagnostics(dcx, module);
}

pub fn optimize(
    cgcx: &CodegenContext,
    prof: &SelfProfilerRef,
    shared_emitter: &SharedEmitter,
    module: &mut ModuleCodegen<ModuleLlvm>,
    config: &ModuleConfig,
) {
    let _timer = prof.generic_activity_with_arg("LLVM_module_optimize", &*module.name);
    let dcx = DiagCtxt::new(Box::new(shared_emitter.clone()));
    let dcx = dcx.handle();
    let llvm_module = &module.module_llvm;
    if config.verify_llvm_ir && !verify(dcx, llvm_module) {
        return;
    }
    let Some(level) = config.opt_level else { return };
    run_stage(dcx, llvm_module, config, level, Stage::pre_link(cgcx));
}

/// Runs one stage's pipeline on the module.
pub fn run_stage(dcx: DiagCtxtHandle<'_>, module: &ModuleLlvm, config: &ModuleConfig, level: OptLevel, stage: Stage) {
    let pipeline = pipeline(module, config, level, stage);
    if !pipeline.is_empty() {
        run_passes(dcx, module, &pipeline, config, level);
    }
}
