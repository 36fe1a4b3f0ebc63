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

use super::owned::OwnedContext;
use super::{AsRaw, Context, take_message, to_bool};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// The messages LLVM reported on one context.
#[derive(Default)]
struct Collected(RefCell<Vec<(Severity, String)>>);

impl Collected {
    fn take(&self) -> Vec<(Severity, String)> {
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

/// A context whose diagnostics are collected. The handler points at the collection, so both
/// live and die together: the context is disposed first (fields drop in order).
pub struct CollectingContext {
    context: OwnedContext,
    collected: Box<Collected>,
}

impl CollectingContext {
    /// `discard_value_names`: rustc's `-Zfewer-names`.
    pub fn new(discard_value_names: bool) -> Self {
        let context = OwnedContext::new();
        let collected = Box::<Collected>::default();
        let sink = &*collected as *const Collected as *mut c_void;
        unsafe {
            LLVMContextSetDiagnosticHandler(context.get().raw(), Some(handler), sink);
            llvm_sys::core::LLVMContextSetDiscardValueNames(context.get().raw(), to_bool(discard_value_names));
        }
        CollectingContext { context, collected }
    }

    pub fn get(&self) -> &Context {
        self.context.get()
    }

    /// What LLVM reported since the last call.
    pub fn take_diagnostics(&self) -> Vec<(Severity, String)> {
        self.collected.take()
    }

    /// The errors LLVM reported since the last call, as one message.
    pub fn take_errors(&self) -> String {
        let messages: Vec<String> = self.take_diagnostics().into_iter().map(|(_, m)| m).collect();
        messages.join("; ")
    }
}
