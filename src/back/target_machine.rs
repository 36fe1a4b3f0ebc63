//! Creating LLVM target machines from the session's target options.

use std::sync::Arc;

use rustc_codegen_ssa::back::write::{TargetMachineFactoryConfig, TargetMachineFactoryFn};
use rustc_errors::DiagCtxtHandle;
use rustc_session::Session;
use rustc_session::config::OptLevel;
use rustc_target::spec::{CodeModel, RelocModel};

use crate::InkwellCodegenBackend;
use crate::llvm::machine::{
    CodeGenOptLevel, CodeModel as LlvmCodeModel, OwnedTargetMachine, RelocMode, TargetMachineOptions,
};

/// The LLVM triple for the session's target.
pub fn llvm_triple(sess: &Session) -> String {
    sess.target.llvm_target.to_string()
}

fn to_llvm_opt_level(level: OptLevel) -> CodeGenOptLevel {
    match level {
        OptLevel::No => CodeGenOptLevel::LLVMCodeGenLevelNone,
        OptLevel::Less => CodeGenOptLevel::LLVMCodeGenLevelLess,
        OptLevel::More | OptLevel::Size | OptLevel::SizeMin => CodeGenOptLevel::LLVMCodeGenLevelDefault,
        OptLevel::Aggressive => CodeGenOptLevel::LLVMCodeGenLevelAggressive,
    }
}

fn to_llvm_reloc(model: RelocModel) -> RelocMode {
    match model {
        RelocModel::Static => RelocMode::LLVMRelocStatic,
        // LLVM has no separate PIE mode: PIE is PIC plus the module's "PIE Level" flag.
        RelocModel::Pic | RelocModel::Pie => RelocMode::LLVMRelocPIC,
        RelocModel::DynamicNoPic => RelocMode::LLVMRelocDynamicNoPic,
        RelocModel::Ropi => RelocMode::LLVMRelocROPI,
        RelocModel::Rwpi => RelocMode::LLVMRelocRWPI,
        RelocModel::RopiRwpi => RelocMode::LLVMRelocROPI_RWPI,
    }
}

fn to_llvm_code_model(model: Option<CodeModel>) -> LlvmCodeModel {
    match model {
        None => LlvmCodeModel::LLVMCodeModelDefault,
        Some(CodeModel::Tiny) => LlvmCodeModel::LLVMCodeModelTiny,
        Some(CodeModel::Small) => LlvmCodeModel::LLVMCodeModelSmall,
        Some(CodeModel::Kernel) => LlvmCodeModel::LLVMCodeModelKernel,
        Some(CodeModel::Medium) => LlvmCodeModel::LLVMCodeModelMedium,
        Some(CodeModel::Large) => LlvmCodeModel::LLVMCodeModelLarge,
    }
}

/// Everything needed to make a target machine, so worker threads can make their own.
#[derive(Clone)]
pub struct TargetMachineSpec {
    triple: String,
    cpu: String,
    features: String,
    opt_level: CodeGenOptLevel,
    reloc: RelocMode,
    code_model: LlvmCodeModel,
    /// Each function and global in a section of its own, so the linker can drop unused ones
    /// (LLVM's target options for this are not in the C API: see `back::sections`).
    pub function_sections: bool,
    /// With the medium and large code models, globals larger than this many bytes live in
    /// the large sections (`.ldata`, `.lbss`, `.lrodata`) and are addressed with 64-bit
    /// offsets. `back::sections` applies it: the C API cannot give LLVM this target option.
    pub large_data_threshold: Option<u64>,
    /// Module constructors go in `.init_array`, not `.ctors` (`back::init_array`).
    pub use_init_array: bool,
    /// Assembly output with comments (`-Zverbose-asm`).
    asm_verbose: bool,
}

impl TargetMachineSpec {
    pub fn new(sess: &Session, opt_level: OptLevel, target_features: &[String]) -> Self {
        TargetMachineSpec {
            triple: llvm_triple(sess),
            cpu: crate::back::target_features::target_cpu(sess),
            features: target_features.join(","),
            opt_level: to_llvm_opt_level(opt_level),
            reloc: to_llvm_reloc(sess.relocation_model()),
            code_model: to_llvm_code_model(sess.code_model()),
            function_sections: sess.opts.unstable_opts.function_sections.unwrap_or(sess.target.function_sections),
            // LLVM's default threshold is 0: every global with data is large.
            large_data_threshold: matches!(sess.code_model(), Some(CodeModel::Medium | CodeModel::Large))
                .then(|| sess.opts.unstable_opts.large_data_threshold.unwrap_or(0)),
            use_init_array: !sess.opts.unstable_opts.use_ctors_section.unwrap_or(sess.target.use_ctors_section),
            asm_verbose: sess.opts.unstable_opts.verbose_asm,
        }
    }

    /// Whether the linker resolves every address before the program runs (no dynamic
    /// relocations, so constants holding addresses can be read-only data).
    pub fn is_static_reloc(&self) -> bool {
        self.reloc == RelocMode::LLVMRelocStatic
    }

    /// The large code model also puts functions in the large `.ltext` sections.
    pub fn is_large_code(&self) -> bool {
        self.code_model == LlvmCodeModel::LLVMCodeModelLarge
    }

    /// The CPU LLVM is told (`native` resolved to the host's).
    pub fn cpu(&self) -> &str {
        &self.cpu
    }

    /// The same machine for 32-bit x86 code.
    pub fn in_32_bit_mode(mut self) -> Self {
        self.triple = self.triple.replacen("x86_64", "i686", 1);
        self
    }

    pub fn create(&self) -> Result<OwnedTargetMachine, String> {
        OwnedTargetMachine::new(&TargetMachineOptions {
            triple: &self.triple,
            cpu: &self.cpu,
            features: &self.features,
            opt_level: self.opt_level,
            reloc: self.reloc,
            code_model: self.code_model,
            asm_verbose: self.asm_verbose,
        })
    }
}

/// A target machine together with the options it was made from, which emission reads too.
pub struct TargetMachine {
    pub raw: OwnedTargetMachine,
    pub spec: TargetMachineSpec,
}

pub fn target_machine_factory(
    sess: &Session,
    opt_level: OptLevel,
    target_features: &[String],
) -> TargetMachineFactoryFn<InkwellCodegenBackend> {
    let spec = TargetMachineSpec::new(sess, opt_level, target_features);
    Arc::new(move |dcx: DiagCtxtHandle<'_>, _config: TargetMachineFactoryConfig| {
        let raw = spec.create().unwrap_or_else(|e| dcx.fatal(format!("could not create LLVM target machine: {e}")));
        TargetMachine { raw, spec: spec.clone() }
    })
}
