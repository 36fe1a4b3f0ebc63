//! Per-module emission, scheduled by rustc_codegen_ssa's coordinator on worker threads: writes
//! the outputs the session asked for (object, assembly, LLVM IR, bitcode).

use std::path::Path;

use rustc_codegen_ssa::back::write::{CodegenContext, EmitObj, ModuleConfig, SharedEmitter};
use rustc_codegen_ssa::{CompiledModule, ModuleCodegen, ModuleKind};
use rustc_data_structures::profiling::SelfProfilerRef;
use rustc_errors::{DiagCtxt, DiagCtxtHandle};
use rustc_session::config::{Lto, OutputType};

use crate::back::optimize::emit_llvm_diagnostic;
use crate::back::{bitcode, inline_asm_diagnostics};
use crate::llvm::machine::FileType;
use crate::{ModuleLlvm, llvm};

fn write_file_or_error(dcx: DiagCtxtHandle<'_>, path: &Path, what: &str, result: Result<(), String>) {
    if let Err(e) = result {
        dcx.err(format!("could not write {what} to `{}`: {e}", path.display()));
    }
}

/// Runs LLVM's code generator on the module into `path` (object or assembly).
fn emit_machine_code(module: &ModuleLlvm, llmod: &llvm::Module, path: &Path, kind: FileType) -> Result<(), String> {
    module.target_machine()?.emit_to_file(llmod, path, kind)
}

/// Code generation changes the module, so assembly is made from a copy when an object file is
/// made from the module afterwards.
fn emit_assembly(module: &ModuleLlvm, path: &Path, object_too: bool) -> Result<(), String> {
    let kind = FileType::LLVMAssemblyFile;
    if !object_too {
        return emit_machine_code(module, module.llmod(), path, kind);
    }
    emit_machine_code(module, llvm::module::OwnedModule::copy_of(module.llmod()).get(), path, kind)
}

/// With `-Csave-temps`, keeps the module's bitcode at a named stage (`<cgu>.<stage>.bc`), as
/// the built-in backend does for the unoptimized module (`no-opt`).
pub fn save_temp_bitcode(
    cgcx: &CodegenContext,
    shared_emitter: &SharedEmitter,
    module: &ModuleCodegen<ModuleLlvm>,
    stage: &str,
) {
    if !cgcx.save_temps || module.kind != ModuleKind::Regular {
        return;
    }
    let dcx = DiagCtxt::new(Box::new(shared_emitter.clone()));
    let path = cgcx.output_filenames.temp_path_ext_for_cgu(&format!("{stage}.bc"), &module.name);
    write_file_or_error(dcx.handle(), &path, "LLVM bitcode", bitcode::write_plain(&module.module_llvm, &path));
}

/// Writes the module's bitcode where the session wants it, if anywhere: the `.bc` output, the
/// object file itself when objects are bitcode (linker-plugin LTO), and a section of the object
/// file (`-Cembed-bitcode`, for rlibs; not for the allocator shim). As in the built-in backend,
/// the bitcode has a ThinLTO summary unless the session does fat LTO (which such a summary
/// would turn into ThinLTO in a linker).
fn emit_bitcode(
    dcx: DiagCtxtHandle<'_>,
    cgcx: &CodegenContext,
    module: &ModuleCodegen<ModuleLlvm>,
    config: &ModuleConfig,
) {
    let embed = config.embed_bitcode() && module.kind == ModuleKind::Regular;
    let llvm_module = &module.module_llvm;
    let write_own = config.emit_bc || config.emit_obj == EmitObj::Bitcode;
    if !(write_own || embed) {
        return;
    }
    let own = if write_own || llvm_module.embed_bitcode.is_none() {
        let result = if cgcx.lto == Lto::Fat {
            Ok(llvm::bitcode::write(llvm_module.llmod()).bytes().to_vec())
        } else {
            bitcode::module_bitcode(llvm_module)
        };
        match result {
            Ok(bitcode) => bitcode,
            Err(e) => {
                dcx.err(format!("could not serialize module `{}` to LLVM bitcode: {e}", module.name));
                return;
            }
        }
    } else {
        Vec::new()
    };
    let outputs = &cgcx.output_filenames;
    if config.emit_bc {
        let path = outputs.temp_path_for_cgu(OutputType::Bitcode, &module.name);
        write_file_or_error(dcx, &path, "LLVM bitcode", std::fs::write(&path, &own).map_err(|e| e.to_string()));
    }
    if config.emit_obj == EmitObj::Bitcode {
        let path = outputs.temp_path_for_cgu(OutputType::Object, &module.name);
        write_file_or_error(dcx, &path, "bitcode object", std::fs::write(&path, &own).map_err(|e| e.to_string()));
    }
    if embed {
        bitcode::embed_in_object(llvm_module, llvm_module.embed_bitcode.as_deref().unwrap_or(&own));
    }
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

    if config.emit_thin_lto_summary {
        dcx.err("`--emit=thin-link-bitcode` is not yet supported by rustc_codegen_inkwell");
    }
    emit_bitcode(dcx, cgcx, &module, config);
    if config.emit_ir {
        let path = outputs.temp_path_for_cgu(OutputType::LlvmAssembly, name);
        write_file_or_error(dcx, &path, "LLVM IR", llvm::module::print_to_file(llvm_module.llmod(), &path));
    }
    // After the IR outputs, which stay as the built-in backend writes them.
    if llvm_module.tm_spec().use_init_array {
        crate::back::init_array::move_structors_to_init_array(llvm_module);
    }
    if llvm_module.tm_spec().function_sections {
        crate::back::sections::assign_unique_sections(llvm_module.llmod(), llvm_module.tm_spec());
    }
    inline_asm_diagnostics::mark_lines(llvm_module);
    if config.emit_asm {
        let path = outputs.temp_path_for_cgu(OutputType::Assembly, name);
        let object_too = matches!(config.emit_obj, EmitObj::ObjectCode(_));
        let result =
            emit_assembly(llvm_module, &path, object_too).and_then(|()| inline_asm_diagnostics::unmark_assembly(&path));
        write_file_or_error(dcx, &path, "assembly", result);
    }
    if let EmitObj::ObjectCode(_) = config.emit_obj {
        let path = outputs.temp_path_for_cgu(OutputType::Object, name);
        let result = emit_machine_code(llvm_module, llvm_module.llmod(), &path, FileType::LLVMObjectFile);
        write_file_or_error(dcx, &path, "object file", result);
    }
    // The assembler's messages about `asm!` blocks go to their spans; the rest as usual.
    let lto = matches!(cgcx.lto, Lto::Fat | Lto::Thin);
    for (severity, msg) in llvm_module.context.take_diagnostics() {
        match inline_asm_diagnostics::inline_asm_error(&severity, &msg, lto) {
            Some(error) => shared_emitter.inline_asm_error(error),
            None => emit_llvm_diagnostic(dcx, llvm_module, severity, &msg),
        }
    }

    module.into_compiled_module(
        // With linker-plugin LTO the object file is bitcode, written by `emit_bitcode`.
        config.emit_obj != EmitObj::None,
        false,
        config.emit_bc,
        config.emit_asm,
        config.emit_ir,
        outputs,
    )
}
