//! Modules of our own beside the codegen units' (which their contexts own): copies, and modules
//! parsed from LLVM assembly; and writing a module out as LLVM assembly.

use std::ffi::CStr;
use std::path::Path;
use std::ptr::NonNull;

use llvm_sys::core::*;

use super::owned::OwnedMemoryBuffer;
use super::{AsRaw, Context, Module, cstr, take_message};

/// A module disposed on drop (its context must outlive it).
pub struct OwnedModule(NonNull<llvm_sys::LLVMModule>);

impl Drop for OwnedModule {
    fn drop(&mut self) {
        unsafe { LLVMDisposeModule(self.0.as_ptr()) }
    }
}

impl OwnedModule {
    /// A copy of `module`, in the same context.
    pub fn copy_of(module: &Module) -> Self {
        OwnedModule(NonNull::new(unsafe { LLVMCloneModule(module.raw()) }).expect("LLVM could not copy a module"))
    }

    /// Parses LLVM assembly into `cx`. The text is taken to add the NUL that LLVM's lexer stops
    /// at, which spares LLVM a copy. The textual IR reader refuses a context that discards
    /// value names (rustc's `-Zfewer-names`, the default): they are allowed while parsing.
    pub fn parse_assembly(cx: &Context, mut text: String, name: &CStr) -> Result<Self, String> {
        text.push('\0');
        unsafe {
            // Borrows `text`, which outlives it; the parsed module keeps no reference to it.
            let buffer = OwnedMemoryBuffer(LLVMCreateMemoryBufferWithMemoryRange(
                text.as_ptr().cast(),
                text.len() - 1,
                name.as_ptr(),
                1,
            ));
            let mut module = std::ptr::null_mut();
            let mut err = std::ptr::null_mut();
            let discards_names = LLVMContextShouldDiscardValueNames(cx.raw());
            LLVMContextSetDiscardValueNames(cx.raw(), 0);
            // Unlike `LLVMParseIRInContext`, this one leaves the buffer to its owner.
            let failed = llvm_sys::ir_reader::LLVMParseIRInContext2(cx.raw(), buffer.0, &mut module, &mut err) != 0;
            LLVMContextSetDiscardValueNames(cx.raw(), discards_names);
            if failed {
                return Err(take_message(err));
            }
            Ok(OwnedModule(NonNull::new(module).expect("LLVM parsed no module")))
        }
    }

    pub fn get(&self) -> &Module {
        super::module(self.0.as_ptr())
    }
}

/// Writes the module as LLVM assembly.
pub fn print_to_file(module: &Module, path: &Path) -> Result<(), String> {
    let path = cstr(&path.to_string_lossy());
    let mut err = std::ptr::null_mut();
    let failed = unsafe { LLVMPrintModuleToFile(module.raw(), path.as_ptr(), &mut err) } != 0;
    if failed { Err(unsafe { take_message(err) }) } else { Ok(()) }
}
