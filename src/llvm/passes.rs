//! LLVM's new pass manager, run from pipeline text (`default<O2>`, `cgscc(inline)`, …) on a
//! module, and the IR verifier.

use std::ptr::NonNull;

use llvm_sys::transforms::pass_builder::*;

use super::machine::OwnedTargetMachine;
use super::{AsRaw, Module, cstr, take_error, take_message, to_bool};

/// The pass builder's tuning options; `None` leaves LLVM's default.
#[derive(Default)]
pub struct PassOptions {
    pub verify_each: Option<bool>,
    pub loop_interleaving: Option<bool>,
    pub loop_unrolling: Option<bool>,
    pub loop_vectorization: Option<bool>,
    pub slp_vectorization: Option<bool>,
    pub merge_functions: Option<bool>,
}

/// The C API's pass builder options, disposed on drop.
struct OwnedPassBuilderOptions(NonNull<LLVMOpaquePassBuilderOptions>);

impl Drop for OwnedPassBuilderOptions {
    fn drop(&mut self) {
        unsafe { LLVMDisposePassBuilderOptions(self.0.as_ptr()) }
    }
}

impl OwnedPassBuilderOptions {
    fn new(options: &PassOptions) -> Self {
        let raw = NonNull::new(unsafe { LLVMCreatePassBuilderOptions() }).expect("LLVM made no pass builder options");
        let setters: [(Option<bool>, unsafe extern "C" fn(LLVMPassBuilderOptionsRef, llvm_sys::prelude::LLVMBool)); 6] = [
            (options.verify_each, LLVMPassBuilderOptionsSetVerifyEach),
            (options.loop_interleaving, LLVMPassBuilderOptionsSetLoopInterleaving),
            (options.loop_unrolling, LLVMPassBuilderOptionsSetLoopUnrolling),
            (options.loop_vectorization, LLVMPassBuilderOptionsSetLoopVectorization),
            (options.slp_vectorization, LLVMPassBuilderOptionsSetSLPVectorization),
            (options.merge_functions, LLVMPassBuilderOptionsSetMergeFunctions),
        ];
        for (value, set) in setters {
            if let Some(value) = value {
                unsafe { set(raw.as_ptr(), to_bool(value)) };
            }
        }
        OwnedPassBuilderOptions(raw)
    }
}

/// Runs the passes of `pipeline` on `module` for the target machine `tm`. On failure (a
/// pipeline LLVM cannot parse, a pass that reports an error), LLVM's message.
pub fn run_passes(
    module: &Module,
    pipeline: &str,
    tm: &OwnedTargetMachine,
    options: &PassOptions,
) -> Result<(), String> {
    let pipeline = cstr(pipeline);
    let options = OwnedPassBuilderOptions::new(options);
    let err = unsafe { LLVMRunPasses(module.raw(), pipeline.as_ptr(), tm.raw(), options.0.as_ptr()) };
    if err.is_null() { Ok(()) } else { Err(unsafe { take_error(err) }) }
}

/// Checks the module with LLVM's verifier, which would abort the process if a pass ran on
/// broken IR; on failure, what it found.
pub fn verify(module: &Module) -> Result<(), String> {
    use llvm_sys::analysis::{LLVMVerifierFailureAction, LLVMVerifyModule};
    let mut msg = std::ptr::null_mut();
    let broken =
        unsafe { LLVMVerifyModule(module.raw(), LLVMVerifierFailureAction::LLVMReturnStatusAction, &mut msg) } != 0;
    let msg = unsafe { take_message(msg) };
    if broken { Err(msg) } else { Ok(()) }
}
