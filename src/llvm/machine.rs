//! Target machines and LLVM's code generator: making a machine for a triple, CPU and features,
//! and emitting a module as an object file or assembly, to a file or to memory.

use std::path::Path;
use std::ptr::NonNull;

use llvm_sys::target_machine::*;
pub use llvm_sys::target_machine::{
    LLVMCodeGenFileType as FileType, LLVMCodeGenOptLevel as CodeGenOptLevel, LLVMCodeModel as CodeModel,
    LLVMRelocMode as RelocMode,
};

use super::owned::OwnedMemoryBuffer;
use super::{AsRaw, Module, cstr, take_message, to_bool};

/// Registers the x86 target with LLVM (the only one this backend builds for): its target info,
/// code generator, machine-code layer, assembly printer and parser.
pub fn initialize_x86() {
    unsafe {
        llvm_sys::target::LLVMInitializeX86TargetInfo();
        llvm_sys::target::LLVMInitializeX86Target();
        llvm_sys::target::LLVMInitializeX86TargetMC();
        llvm_sys::target::LLVMInitializeX86AsmPrinter();
        llvm_sys::target::LLVMInitializeX86AsmParser();
    }
}

/// What a target machine is made from.
pub struct TargetMachineOptions<'a> {
    pub triple: &'a str,
    pub cpu: &'a str,
    /// `+f,-g,…`
    pub features: &'a str,
    pub opt_level: CodeGenOptLevel,
    pub reloc: RelocMode,
    pub code_model: CodeModel,
    /// Comments in assembly output.
    pub asm_verbose: bool,
}

/// A target machine, disposed on drop.
pub struct OwnedTargetMachine(NonNull<LLVMOpaqueTargetMachine>);

// SAFETY: a target machine is used by one thread at a time (each module's own, or a session's
// probe), and LLVM keeps no thread-bound state in it.
unsafe impl Send for OwnedTargetMachine {}
unsafe impl Sync for OwnedTargetMachine {}

impl Drop for OwnedTargetMachine {
    fn drop(&mut self) {
        unsafe { LLVMDisposeTargetMachine(self.0.as_ptr()) }
    }
}

impl OwnedTargetMachine {
    pub fn new(options: &TargetMachineOptions<'_>) -> Result<Self, String> {
        let triple = cstr(options.triple);
        let cpu = cstr(options.cpu);
        let features = cstr(options.features);
        unsafe {
            let mut target = std::ptr::null_mut();
            let mut err = std::ptr::null_mut();
            if LLVMGetTargetFromTriple(triple.as_ptr(), &mut target, &mut err) != 0 {
                return Err(take_message(err));
            }
            let tm = LLVMCreateTargetMachine(
                target,
                triple.as_ptr(),
                cpu.as_ptr(),
                features.as_ptr(),
                options.opt_level,
                options.reloc,
                options.code_model,
            );
            let tm = NonNull::new(tm)
                .ok_or_else(|| format!("LLVM could not create a target machine for `{}`", options.triple))?;
            LLVMSetTargetMachineAsmVerbosity(tm.as_ptr(), to_bool(options.asm_verbose));
            Ok(OwnedTargetMachine(tm))
        }
    }

    pub(super) fn raw(&self) -> LLVMTargetMachineRef {
        self.0.as_ptr()
    }

    /// Runs the code generator on `module` (which it changes) into the file at `path`.
    pub fn emit_to_file(&self, module: &Module, path: &Path, kind: FileType) -> Result<(), String> {
        let path = cstr(&path.to_string_lossy());
        let mut err = std::ptr::null_mut();
        // LLVM does not write through the file name, whatever its parameter's type says.
        let failed =
            unsafe { LLVMTargetMachineEmitToFile(self.raw(), module.raw(), path.as_ptr() as *mut _, kind, &mut err) };
        if failed != 0 { Err(unsafe { take_message(err) }) } else { Ok(()) }
    }

    /// Runs the code generator on `module` (which it changes) into memory.
    pub fn emit_to_memory(&self, module: &Module, kind: FileType) -> Result<OwnedMemoryBuffer, String> {
        let mut buffer = std::ptr::null_mut();
        let mut err = std::ptr::null_mut();
        let failed =
            unsafe { LLVMTargetMachineEmitToMemoryBuffer(self.raw(), module.raw(), kind, &mut err, &mut buffer) };
        if failed != 0 { Err(unsafe { take_message(err) }) } else { Ok(OwnedMemoryBuffer(buffer)) }
    }
}

/// The host CPU's name, as LLVM detects it (`-Ctarget-cpu=native`).
pub fn host_cpu_name() -> String {
    unsafe { take_message(LLVMGetHostCPUName()) }
}

/// The host's features as LLVM names them, comma-separated: `+sse2,-avx512f,…`.
pub fn host_cpu_features() -> String {
    unsafe { take_message(LLVMGetHostCPUFeatures()) }
}
