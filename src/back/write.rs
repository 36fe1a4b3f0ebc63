//! The per-module work rustc_codegen_ssa's coordinator schedules on worker threads:
//! `optimize` runs the new pass manager pipeline for the module's opt level, `codegen` writes
//! the outputs the session asked for (object, assembly, LLVM IR, bitcode).

use std::path::Path;

use llvm_sys::transforms::pass_builder::*;
use rustc_codegen_ssa::back::write::{CodegenContext, EmitObj, ModuleConfig, SharedEmitter};
use rustc_codegen_ssa::{CompiledModule, ModuleCodegen};
use rustc_data_structures::profiling::SelfProfilerRef;
use rustc_errors::{DiagCtxt, DiagCtxtHandle};
use rustc_session::config::{OptLevel, OutputType};

use crate::ModuleLlvm;
use crate::llvm::{self, diagnostics::Severity};

/// Emits what LLVM reported on the module's context since the last call.
fn emit_llvm_diagnostics(dcx: DiagCtxtHandle<'_>, module: &ModuleLlvm) {
    for (severity, msg) in module.diagnostics.take() {
        match severity {
            Severity::Error => {
                dcx.err(format!("LLVM error in module `{}`: {msg}", module.name));
            }
            Severity::Warning => {
                dcx.warn(format!("LLVM warning in module `{}`: {msg}", module.name));
            }
        }
    }
}

/// Checks the module before any pass runs: LLVM's own verifier aborts the process on
/// broken IR, this reports it as an error instead.
fn verify(dcx: DiagCtxtHandle<'_>, module: &ModuleLlvm) -> bool {
    let mut msg = std::ptr::null_mut();
    let broken = unsafe {
        llvm_sys::analysis::LLVMVerifyModule(
            module.llmod_raw(),
            llvm_sys::analysis::LLVMVerifierFailureAction::LLVMReturnStatusAction,
            &mut msg,
        )
    } != 0;
    let msg = unsafe { llvm::take_message(msg) };
    if broken {
        dcx.err(format!("rustc_codegen_inkwell produced invalid LLVM IR in module `{}`:\n{msg}", module.name));
    }
    !broken
}

fn pipeline_for(level: OptLevel) -> &'static str {
    match level {
        OptLevel::No => "default<O0>",
        OptLevel::Less => "default<O1>",
        OptLevel::More => "default<O2>",
        OptLevel::Aggressive => "default<O3>",
        OptLevel::Size => "default<Os>",
        OptLevel::SizeMin => "default<Oz>",
    }
}

/// Runs a textual pass pipeline on the module, reporting failure as an error.
pub fn run_passes(dcx: DiagCtxtHandle<'_>, module: &ModuleLlvm, pipeline: &str, config: &ModuleConfig, level: OptLevel) {
    let tm = match module.target_machine() {
        Ok(tm) => tm,
        Err(e) => dcx.fatal(format!("could not create LLVM target machine: {e}")),
    };
    let pipeline_c = llvm::cstr(pipeline);
    unsafe {
        let opts = LLVMCreatePassBuilderOptions();
        LLVMPassBuilderOptionsSetVerifyEach(opts, 0);
        let unroll = !matches!(level, OptLevel::Size | OptLevel::SizeMin);
        LLVMPassBuilderOptionsSetLoopInterleaving(opts, llvm::to_bool(unroll));
        LLVMPassBuilderOptionsSetLoopUnrolling(opts, llvm::to_bool(unroll));
        // Vectorization is decided by process-wide flags (see `crate::llvm_args`): the pipeline
        // text would override these two setters from the O-level.
        LLVMPassBuilderOptionsSetLoopVectorization(opts, llvm::to_bool(config.vectorize_loop));
        LLVMPassBuilderOptionsSetSLPVectorization(opts, llvm::to_bool(config.vectorize_slp));
        LLVMPassBuilderOptionsSetMergeFunctions(opts, llvm::to_bool(config.merge_functions));
        let err = LLVMRunPasses(module.llmod_raw(), pipeline_c.as_ptr(), tm, opts);
        LLVMDisposePassBuilderOptions(opts);
        if !err.is_null() {
            let msg = llvm::take_message(llvm_sys::error::LLVMGetErrorMessage(err));
            dcx.err(format!("LLVM pass pipeline `{pipeline}` failed on module `{}`: {msg}", module.name));
        }
    }
    emit_llvm_diagnostics(dcx, module);
}

pub fn optimize(
    _cgcx: &CodegenContext,
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
    let mut pipeline = if config.no_prepopulate_passes { String::new() } else { pipeline_for(level).to_owned() };
    for pass in &config.passes {
        if !pipeline.is_empty() {
            pipeline.push(',');
        }
        pipeline.push_str(pass);
    }
    if !pipeline.is_empty() {
        run_passes(dcx, llvm_module, &pipeline, config, level);
    }
}

fn write_file_or_error(dcx: DiagCtxtHandle<'_>, path: &Path, what: &str, result: Result<(), String>) {
    if let Err(e) = result {
        dcx.err(format!("could not write {what} to `{}`: {e}", path.display()));
    }
}

/// Runs LLVM's code generator on the module into `path` (object or assembly).
fn emit_machine_code(
    module: &ModuleLlvm,
    llmod: llvm::LLVMModuleRef,
    path: &Path,
    kind: llvm_sys::target_machine::LLVMCodeGenFileType,
) -> Result<(), String> {
    let tm = module.target_machine()?;
    let path_c = llvm::cstr(&path.to_string_lossy());
    let mut err = std::ptr::null_mut();
    let failed = unsafe {
        llvm_sys::target_machine::LLVMTargetMachineEmitToFile(tm, llmod, path_c.as_ptr() as *mut _, kind, &mut err)
    } != 0;
    if failed { Err(unsafe { llvm::take_message(err) }) } else { Ok(()) }
}

pub fn codegen(
    cgcx: &CodegenContext,
    prof: &SelfProfilerRef,
    shared_emitter: &SharedEmitter,
    module: ModuleCodegen<ModuleLlvm>,
    config: &ModuleConfig,
) -> CompiledModule {
    let _timer = prof.generic_activity_with_arg("LLVM_module_codegen", &*module.name);
    let dcx = DiagCtxt::new(Box::new(shared_emitter.clone()));
    let dcx = dcx.handle();
    let outputs = &cgcx.output_filenames;
    let name = &module.name;
    let llvm_module = &module.module_llvm;

    if config.emit_bc || config.emit_obj == EmitObj::Bitcode {
        let path = outputs.temp_path_for_cgu(OutputType::Bitcode, name);
        let path_c = llvm::cstr(&path.to_string_lossy());
        let rc = unsafe { llvm_sys::bit_writer::LLVMWriteBitcodeToFile(llvm_module.llmod_raw(), path_c.as_ptr()) };
        write_file_or_error(dcx, &path, "LLVM bitcode", if rc == 0 { Ok(()) } else { Err("LLVM failed".into()) });
    }
    if config.emit_ir {
        let path = outputs.temp_path_for_cgu(OutputType::LlvmAssembly, name);
        let path_c = llvm::cstr(&path.to_string_lossy());
        let mut err = std::ptr::null_mut();
        let failed = unsafe { llvm::LLVMPrintModuleToFile(llvm_module.llmod_raw(), path_c.as_ptr(), &mut err) } != 0;
        write_file_or_error(dcx, &path, "LLVM IR", if failed { Err(unsafe { llvm::take_message(err) }) } else { Ok(()) });
    }
    if config.emit_asm {
        // Code generation changes the module, so assembly is made from a copy when an object
        // file is wanted too.
        let path = outputs.temp_path_for_cgu(OutputType::Assembly, name);
        let kind = llvm_sys::target_machine::LLVMCodeGenFileType::LLVMAssemblyFile;
        let result = if matches!(config.emit_obj, EmitObj::ObjectCode(_)) {
            unsafe {
                let copy = llvm::LLVMCloneModule(llvm_module.llmod_raw());
                let result = emit_machine_code(llvm_module, copy, &path, kind);
                llvm::LLVMDisposeModule(copy);
                result
            }
        } else {
            emit_machine_code(llvm_module, llvm_module.llmod_raw(), &path, kind)
        };
        write_file_or_error(dcx, &path, "assembly", result);
    }
    if let EmitObj::ObjectCode(_) = config.emit_obj {
        let path = outputs.temp_path_for_cgu(OutputType::Object, name);
        let result = emit_machine_code(llvm_module, llvm_module.llmod_raw(), &path, llvm_sys::target_machine::LLVMCodeGenFileType::LLVMObjectFile);
        write_file_or_error(dcx, &path, "object file", result);
    }
    emit_llvm_diagnostics(dcx, llvm_module);

    module.into_compiled_module(
        matches!(config.emit_obj, EmitObj::ObjectCode(_)),
        false,
        config.emit_bc,
        config.emit_asm,
        config.emit_ir,
        outputs,
    )
}
