//! Owners of LLVM objects that must be disposed: a context (with everything in it), a builder,
//! a memory buffer. Target machines are owned in `machine`, modules of our own in `module`; a codegen
//! unit's module is borrowed from its context's holder.

use llvm_sys::prelude::*;

use super::{AsRaw, Context, Type, Value};

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

/// An IR builder for code made outside rustc_codegen_ssa's lowering (the allocator shim),
/// disposed on drop.
pub struct OwnedBuilder(LLVMBuilderRef);

impl OwnedBuilder {
    /// A builder at the end of a new block `name` of `llfn`.
    pub fn at_new_block(cx: &Context, llfn: &Value, name: &str) -> Self {
        let name = super::cstr(name);
        unsafe {
            let builder = llvm_sys::core::LLVMCreateBuilderInContext(cx.raw());
            let block = llvm_sys::core::LLVMAppendBasicBlockInContext(cx.raw(), llfn.raw(), name.as_ptr());
            llvm_sys::core::LLVMPositionBuilderAtEnd(builder, block);
            OwnedBuilder(builder)
        }
    }

    pub fn call<'ll>(&self, fn_ty: &'ll Type, callee: &'ll Value, args: &[&'ll Value]) -> &'ll Value {
        let mut args: Vec<LLVMValueRef> = args.iter().map(|a| a.raw()).collect();
        super::value(unsafe {
            llvm_sys::core::LLVMBuildCall2(
                self.0,
                fn_ty.raw(),
                callee.raw(),
                args.as_mut_ptr(),
                args.len() as u32,
                super::UNNAMED,
            )
        })
    }

    /// `ret value`, or `ret void`.
    pub fn ret(&self, value: Option<&Value>) {
        unsafe {
            match value {
                Some(value) => llvm_sys::core::LLVMBuildRet(self.0, value.raw()),
                None => llvm_sys::core::LLVMBuildRetVoid(self.0),
            };
        }
    }
}

impl Drop for OwnedBuilder {
    fn drop(&mut self) {
        unsafe { llvm_sys::core::LLVMDisposeBuilder(self.0) }
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
