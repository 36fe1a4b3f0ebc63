//! LLVM's diagnostics, caught per context and turned into rustc diagnostics.
//!
//! LLVM reports through a callback while it works; we collect the messages on the context and
//! the caller emits them when the LLVM call returns (see `back::optimize`). Without a handler some
//! LLVM errors would print and exit the process.

use std::cell::RefCell;
use std::ffi::c_void;

use llvm_sys::LLVMDiagnosticSeverity;
use llvm_sys::core::{LLVMContextSetDiagnosticHandler, LLVMGetDiagInfoDescription, LLVMGetDiagInfoSeverity};
use llvm_sys::prelude::*;

use super::take_message;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// The messages LLVM reported on one context.
#[derive(Default)]
pub struct Collected(RefCell<Vec<(Severity, String)>>);

impl Collected {
    pub fn take(&self) -> Vec<(Severity, String)> {
        std::mem::take(&mut self.0.borrow_mut())
    }
}

extern "C" fn handler(info: LLVMDiagnosticInfoRef, ctx: *mut c_void) {
    let collected = unsafe { &*(ctx as *const Collected) };
    let severity = match unsafe { LLVMGetDiagInfoSeverity(info) } {
        LLVMDiagnosticSeverity::LLVMDSError => Severity::Error,
        LLVMDiagnosticSeverity::LLVMDSWarning => Severity::Warning,
        // Remarks and notes are only wanted when asked for (-Cremark), which is not wired yet.
        _ => return,
    };
    let msg = unsafe { take_message(LLVMGetDiagInfoDescription(info)) };
    collected.0.borrow_mut().push((severity, msg));
}

/// Installs the handler on `llcx`; `collected` must outlive every later use of the context.
pub fn install(llcx: LLVMContextRef, collected: &Collected) {
    unsafe { LLVMContextSetDiagnosticHandler(llcx, Some(handler), collected as *const Collected as *mut c_void) }
}
