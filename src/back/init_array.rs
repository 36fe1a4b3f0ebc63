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
        llvm::set_section(slot, &structor_section(section, priority));
        llvm::set_alignment(slot, 8);
        if ir::is_global_value(associated) {
            ir::copy_comdat(slot, associated);
        }
    }
    ir::delete_global_variable(array);
}

/// The section of a constructor or destructor of `priority`: `section.<priority>`, or `section`
/// for the default priority 65535, as LLVM names them (`getStaticStructorSection`).
fn structor_section(section: &str, priority: u64) -> String {
    if priority == 65535 { section.to_owned() } else { format!("{section}.{priority}") }
}

#[cfg(test)]
mod tests {
    use super::structor_section;

    /// The sections `llc` puts `llvm.global_ctors` / `llvm.global_dtors` entries of these
    /// priorities in for x86_64-unknown-linux-gnu (where it uses `.init_array`).
    #[test]
    fn structor_sections_are_named_as_llvm_names_them() {
        assert_eq!(structor_section(".init_array", 65535), ".init_array");
        assert_eq!(structor_section(".init_array", 101), ".init_array.101");
        assert_eq!(structor_section(".init_array", 0), ".init_array.0");
        assert_eq!(structor_section(".fini_array", 65535), ".fini_array");
        assert_eq!(structor_section(".fini_array", 200), ".fini_array.200");
    }
}
