//! Module constructors and destructors (`llvm.global_ctors` / `llvm.global_dtors`, which the
//! sanitizer passes add) moved into ELF `.init_array` / `.fini_array` sections by hand.
//!
//! The C API cannot set the target option `UseInitArray`, so LLVM would put them in the legacy
//! `.ctors` / `.dtors` sections, which lld keeps but nothing runs: the sanitizer runtimes would
//! then never be initialized for this module (MemorySanitizer crashes on its first shadow
//! access). The built-in backend gets `.init_array.<priority>`, and so do we.

use crate::ModuleLlvm;
use crate::llvm::{self, ir};

pub fn move_structors_to_init_array(module: &ModuleLlvm) {
    lower(module, "llvm.global_ctors", ".init_array");
    lower(module, "llvm.global_dtors", ".fini_array");
}

/// Replaces the array `list` of `{ i32 priority, ptr function, ptr associated }` entries by one
/// pointer-sized global per entry in `section` (`section.<priority>` unless the priority is the
/// default 65535, as LLVM names them), kept in the comdat of the associated global if any.
fn lower(module: &ModuleLlvm, list: &str, section: &str) {
    let llmod = module.llmod();
    let Some(array) = ir::named_global(llmod, list.as_bytes()) else { return };
    let entries: Vec<&llvm::Value> = ir::initializer(array).map(|e| ir::operands(e).collect()).unwrap_or_default();
    for (i, entry) in entries.into_iter().enumerate() {
        let fields: Vec<&llvm::Value> = ir::operands(entry).collect();
        let [priority, function, associated] = fields[..] else { continue };
        let priority = ir::const_int_value(priority).unwrap_or(65535);
        let slot = ir::add_global(llmod, ir::type_of(function), &format!("{list}.{i}"));
        llvm::set_initializer(slot, function);
        llvm::set_linkage(slot, llvm::LLVMLinkage::LLVMPrivateLinkage);
        llvm::set_global_constant(slot, false);
        let slot_section = if priority == 65535 { section.to_owned() } else { format!("{section}.{priority}") };
        llvm::set_section(slot, &slot_section);
        llvm::set_alignment(slot, 8);
        if ir::is_global_value(associated) {
            ir::copy_comdat(slot, associated);
        }
    }
    ir::delete_global_variable(array);
}
