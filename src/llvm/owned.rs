//! Owners of LLVM objects that must be disposed: a context (with everything in it), a memory
//! buffer. Target machines are owned in `machine`, modules of our own in `module`, IR builders
//! in `builder`; a codegen unit's module is borrowed from its context's holder.

use llvm_sys::prelude::*;

use super::Context;

/// An LLVM context, disposed (with every module in it) on drop.
pub struct OwnedContext(LLVMContextRef);

impl OwnedContext {
    pub fn new() -> Self {
        OwnedContext(unsafe { llvm_sys::core::LLVMContextCreate() })
    }

    pub fn get(&self) -> &Context {
        super::context(self.0)
    }
}

impl Drop for OwnedContext {
    fn drop(&mut self) {
        unsafe { llvm_sys::core::LLVMContextDispose(self.0) }
    }
}

/// An LLVM memory buffer, disposed on drop.
pub struct OwnedMemoryBuffer(pub(super) LLVMMemoryBufferRef);

impl OwnedMemoryBuffer {
    pub fn bytes(&self) -> &[u8] {
        unsafe {
            let start = llvm_sys::core::LLVMGetBufferStart(self.0);
            let len = llvm_sys::core::LLVMGetBufferSize(self.0);
            std::slice::from_raw_parts(start as *const u8, len)
        }
    }
}

impl Drop for OwnedMemoryBuffer {
    fn drop(&mut self) {
        unsafe { llvm_sys::core::LLVMDisposeMemoryBuffer(self.0) }
    }
}

// SAFETY: these are only ever used by one thread at a time; rustc_codegen_ssa moves modules
// between its worker threads but never shares one between two at once.
unsafe impl Send for OwnedContext {}
unsafe impl Sync for OwnedContext {}
unsafe impl Send for OwnedMemoryBuffer {}
unsafe impl Sync for OwnedMemoryBuffer {}
