//! Fat LTO: one module made of all of them, internalized down to what the outside world needs,
//! optimized by LLVM's `lto<On>` pipeline and emitted as one object.

use std::path::PathBuf;

use rustc_codegen_ssa::back::write::{
    CodegenContext, FatLtoInput, SharedEmitter, TargetMachineFactoryConfig, TargetMachineFactoryFn,
};
use rustc_codegen_ssa::{CompiledModule, ModuleCodegen, ModuleKind};
use rustc_data_structures::profiling::SelfProfilerRef;
use rustc_errors::{DiagCtxt, DiagCtxtHandle};
use rustc_session::config::OptLevel;

use super::rlib;
use crate::back::optimize::{self, Stage, emit_llvm_diagnostics};
use crate::back::write;
use crate::llvm::{self, ir};
use crate::{InkwellCodegenBackend, ModuleLlvm};

pub fn optimize_and_codegen(
    cgcx: &CodegenContext,
    prof: &SelfProfilerRef,
    shared_emitter: &SharedEmitter,
    tm_factory: TargetMachineFactoryFn<InkwellCodegenBackend>,
    exported_symbols_for_lto: &[String],
    each_linked_rlib_for_lto: &[PathBuf],
    modules: Vec<FatLtoInput<InkwellCodegenBackend>>,
) -> CompiledModule {
    let dcx = DiagCtxt::new(Box::new(shared_emitter.clone()));
    let dcx = dcx.handle();
    let module = {
        let _timer = prof.generic_activity("LLVM_fat_lto_build_monolithic_module");
        link_all(cgcx, dcx, tm_factory, each_linked_rlib_for_lto, modules)
    };
    write::save_temp_bitcode(cgcx, shared_emitter, &module, "lto.input");

    let keep = super::preserved_symbols(cgcx, exported_symbols_for_lto);
    super::internalize_module(module.module_llvm.llmod(), |name| keep.contains(name));
    write::save_temp_bitcode(cgcx, shared_emitter, &module, "lto.after-restriction");

    let config = &cgcx.module_config;
    {
        let _timer = prof.generic_activity_with_arg("LLVM_lto_optimize", &*module.name);
        if config.verify_llvm_ir && !optimize::verify(dcx, &module.module_llvm) {
            dcx.abort_if_errors();
        }
        let level = config.opt_level.unwrap_or(OptLevel::No);
        optimize::run_stage(dcx, &module.module_llvm, config, level, Stage::FatPostLink);
    }
    write::codegen(cgcx, prof, shared_emitter, module, config)
}

/// Links every input into one module: the biggest in-memory module of this crate is the base
/// (the others are serialized and read back into its context), then the rest in name order.
fn link_all(
    cgcx: &CodegenContext,
    dcx: DiagCtxtHandle<'_>,
    tm_factory: TargetMachineFactoryFn<InkwellCodegenBackend>,
    each_linked_rlib_for_lto: &[PathBuf],
    modules: Vec<FatLtoInput<InkwellCodegenBackend>>,
) -> ModuleCodegen<ModuleLlvm> {
    let mut in_memory = Vec::new();
    let mut serialized: Vec<(String, Vec<u8>)> = Vec::new();
    for module in modules {
        match module {
            FatLtoInput::InMemory(m) => in_memory.push(m),
            FatLtoInput::Serialized { name, bitcode_path } => match std::fs::read(&bitcode_path) {
                Ok(data) => serialized.push((name, data)),
                Err(e) => dcx.fatal(format!("could not read LTO input `{}`: {e}", bitcode_path.display())),
            },
        }
    }
    // In name order, not the order the modules were finished in, so that the result (down to
    // the base module's name in the object) is the same in every build.
    serialized.sort_by(|a, b| a.0.cmp(&b.0));
    let base = in_memory
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == ModuleKind::Regular)
        .max_by_key(|(_, m)| ir::functions(m.module_llvm.llmod()).count())
        .map(|(i, _)| i);
    let base = match base {
        Some(i) => in_memory.remove(i),
        // Incremental builds serialize every module: parse the first as the base.
        None => {
            if serialized.is_empty() {
                dcx.fatal("fat LTO has no module of this crate to start from");
            }
            let (name, data) = serialized.remove(0);
            let tm = tm_factory(dcx, TargetMachineFactoryConfig::new(cgcx, &name));
            match ModuleLlvm::parse(cgcx, &name, &data, tm) {
                Ok(m) => ModuleCodegen::new_regular(name, m),
                Err(e) => dcx.fatal(format!("could not read the LLVM bitcode of `{name}`: {e}")),
            }
        }
    };
    for m in in_memory {
        let bitcode = llvm::bitcode::write(m.module_llvm.llmod()).bytes().to_vec();
        serialized.push((m.name, bitcode));
    }
    let upstream = rlib::upstream_modules(each_linked_rlib_for_lto).unwrap_or_else(|e| dcx.fatal(e));
    serialized.extend(upstream.into_iter().map(|m| (m.name, m.bitcode)));
    serialized.sort_by(|a, b| a.0.cmp(&b.0));

    let llvm_module = &base.module_llvm;
    for (name, data) in &serialized {
        let linked = llvm::bitcode::parse_lazily(llvm_module.llcx(), data, name)
            .is_some_and(|src| llvm::bitcode::link_lazy(llvm_module.llmod(), src));
        emit_llvm_diagnostics(dcx, llvm_module);
        if !linked {
            dcx.fatal(format!("fat LTO could not link the LLVM bitcode of `{name}`"));
        }
    }
    base
}
