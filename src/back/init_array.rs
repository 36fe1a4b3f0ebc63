//! Module constructors and destructors (`llvm.global_ctors` / `llvm.global_dtors`, which the
//! sanitizer passes add) moved into ELF `.init_array` / `.fini_array` sections by hand.
//!
//! The C API cannot set the target option `UseInitArray`, so LLVM would put them in the legacy
//! `.ctors` / `.dtors` sections, which lld keeps but nothing runs: the sanitizer runtimes would
//! then never be initialized for this module (MemorySanitizer crashes on its first shadow
//! access). The built-in backend gets `.init_array.<priority>`, and so do we.

use crate::{ModuleLlvm, llvm};

pub fn move_structors_to_init_array(module: &ModuleLlvm) {
    lower(module, "llvm.global_ctors", ".init_array");
    lower(module, "llvm.global_dtors", ".fini_array");
}

/// Replaces the array `list` of `{ i32 priority, ptr function, ptr associated }` entries by one
/// pointer-sized global per entry in `section` (`section.<priority>` unless the priority is the
/// default 65535, as LLVM names them), kept in the comdat of the associated global if any.
fn lower(module: &ModuleLlvm, list: &str, section: &str) {
    let name = llvm::cstr(list);
    unsafe {
        let llmod = module.llmod_raw();
        let array = llvm::LLVMGetNamedGlobal(llmod, name.as_ptr());
        if array.is_null() {
            return;
        }
        let entries = llvm::LLVMGetInitializer(array);
        let count = if entries.is_null() { 0 } else { llvm::LLVMGetNumOperands(entries) };
        for i in 0..count {
            let entry = llvm::LLVMGetOperand(entries, i as u32);
            let priority = llvm::LLVMConstIntGetZExtValue(llvm::LLVMGetOperand(entry, 0));
            let function = llvm::LLVMGetOperand(entry, 1);
            let associated = llvm::LLVMGetOperand(entry, 2);
            let slot_name = llvm::cstr(&format!("{list}.{i}"));
            let slot = llvm::LLVMAddGlobal(llmod, llvm::LLVMTypeOf(function), slot_name.as_ptr());
            llvm::LLVMSetInitializer(slot, function);
            llvm::LLVMSetLinkage(slot, llvm::LLVMLinkage::LLVMPrivateLinkage);
            llvm::LLVMSetGlobalConstant(slot, 0);
            let slot_section = if priority == 65535 { section.to_owned() } else { format!("{section}.{priority}") };
            llvm::set_section(llvm::value(slot), &slot_section);
            llvm::LLVMSetAlignment(slot, 8);
            if !llvm::LLVMIsAGlobalValue(associated).is_null() {
                let comdat = llvm::comdat::LLVMGetComdat(associated);
                if !comdat.is_null() {
                    llvm::comdat::LLVMSetComdat(slot, comdat);
                }
            }
        }
        llvm::LLVMDeleteGlobal(array);
    }
}
