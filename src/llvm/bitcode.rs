//! Reading bitcode into a context (all at once, or lazily: function bodies load when the IR
//! linker needs them), writing a module's bitcode, and linking one module into another.
//!
//! Parse and link errors are reported through the context's diagnostic handler (see
//! [`super::diagnostics`]); these functions only say whether it worked.

use std::marker::PhantomData;

use llvm_sys::bit_reader::{LLVMGetBitcodeModuleInContext2, LLVMParseBitcodeInContext2};
use llvm_sys::core::{LLVMCreateMemoryBufferWithMemoryRange, LLVMDisposeMemoryBuffer};

use super::owned::OwnedMemoryBuffer;
use super::{AsRaw, Context, Module, module};

/// A memory buffer that reads `data` in place (no copy); it must not outlive `data`.
fn borrowed_buffer(data: &[u8], name: &str) -> llvm_sys::prelude::LLVMMemoryBufferRef {
    let name = super::cstr(name);
    // The buffer keeps its own copy of the name.
    unsafe { LLVMCreateMemoryBufferWithMemoryRange(data.as_ptr() as *const _, data.len(), name.as_ptr(), 0) }
}

/// Parses a whole module into `llcx`.
pub fn parse<'ll>(llcx: &'ll Context, data: &[u8], name: &str) -> Option<&'ll Module> {
    let buffer = borrowed_buffer(data, name);
    let mut llmod = std::ptr::null_mut();
    // Eager parsing copies everything it needs out of the buffer.
    let failed = unsafe { LLVMParseBitcodeInContext2(llcx.raw(), buffer, &mut llmod) } != 0;
    unsafe { LLVMDisposeMemoryBuffer(buffer) };
    if failed { None } else { Some(module(llmod)) }
}

/// A module whose function bodies are loaded on demand from `'data`, which it reads in place.
pub struct LazyModule<'ll, 'data> {
    pub llmod: &'ll Module,
    _data: PhantomData<&'data [u8]>,
}

/// Opens a module lazily in `llcx`: globals and declarations now, bodies when linked.
pub fn parse_lazily<'ll, 'data>(llcx: &'ll Context, data: &'data [u8], name: &str) -> Option<LazyModule<'ll, 'data>> {
    let buffer = borrowed_buffer(data, name);
    let mut llmod = std::ptr::null_mut();
    // The module owns the buffer from here on, whether or not this succeeds.
    let failed = unsafe { LLVMGetBitcodeModuleInContext2(llcx.raw(), buffer, &mut llmod) } != 0;
    if failed { None } else { Some(LazyModule { llmod: module(llmod), _data: PhantomData }) }
}

/// Links `src` into `dest`, loading what it needs of `src`'s bodies; `src` is consumed.
/// Definitions with external linkage always come over; local, linkonce and
/// available_externally ones only when something that comes over refers to them.
pub fn link_lazy(dest: &Module, src: LazyModule<'_, '_>) -> bool {
    unsafe { llvm_sys::linker::LLVMLinkModules2(dest.raw(), src.llmod.raw()) == 0 }
}

/// The module's bitcode, as LLVM writes it (no ThinLTO summary).
pub fn write(m: &Module) -> OwnedMemoryBuffer {
    OwnedMemoryBuffer(unsafe { llvm_sys::bit_writer::LLVMWriteBitcodeToMemoryBuffer(m.raw()) })
}

/// Writes the module's bitcode to a file, as LLVM writes it (no ThinLTO summary).
pub fn write_to_file(m: &Module, path: &std::path::Path) -> Result<(), String> {
    let path = super::cstr(&path.to_string_lossy());
    let rc = unsafe { llvm_sys::bit_writer::LLVMWriteBitcodeToFile(m.raw(), path.as_ptr()) };
    if rc == 0 { Ok(()) } else { Err("LLVM could not write the file".to_owned()) }
}
