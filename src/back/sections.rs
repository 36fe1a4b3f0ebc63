//! Function and data sections: every function and global in a section of its own
//! (`.text.<name>`, `.rodata.<name>`, …) so that the linker's `--gc-sections` drops what
//! nothing uses. The built-in backend asks LLVM for this through target options the C API
//! lacks; naming each symbol's section explicitly gives the same sections. The names follow
//! LLVM's own choice of section kind, which matters: a constant holding addresses must not go
//! in read-only `.rodata` when the dynamic linker has to relocate it.

use crate::llvm::{self, LLVMModuleRef, LLVMValueRef};

/// Gives every function and global defined in `llmod` without a section one of its own.
/// `static_reloc`: addresses are final at link time (no dynamic relocations).
pub fn assign_unique_sections(llmod: LLVMModuleRef, static_reloc: bool) {
    unsafe {
        let mut f = llvm::LLVMGetFirstFunction(llmod);
        while !f.is_null() {
            if needs_section(f) {
                set_section(f, text_section_prefix(f));
            }
            f = llvm::LLVMGetNextFunction(f);
        }
        let mut g = llvm::LLVMGetFirstGlobal(llmod);
        let mut anonymous = 0;
        while !g.is_null() {
            // Unnamed constants get a name to build their section's name from, as LLVM's
            // `name-anon-globals` would give them.
            if name_of(g).is_empty() && llvm::LLVMIsDeclaration(g) == 0 {
                let name = format!("anon.{anonymous}");
                llvm::LLVMSetValueName2(g, name.as_ptr().cast(), name.len());
                anonymous += 1;
            }
            if needs_section(g)
                && llvm::LLVMGetLinkage(g) != llvm::LLVMLinkage::LLVMCommonLinkage
                && !is_mergeable_constant(llvm::module(llmod), llvm::value(g))
            {
                set_section(g, data_section_prefix(g, static_reloc));
            }
            g = llvm::LLVMGetNextGlobal(g);
        }
    }
}

/// Named definitions that end up in the object and have no section yet; `llvm.*`
/// globals (used lists, constructors) are not data.
unsafe fn needs_section(v: LLVMValueRef) -> bool {
    unsafe {
        if llvm::LLVMIsDeclaration(v) != 0
            || llvm::LLVMGetLinkage(v) == llvm::LLVMLinkage::LLVMAvailableExternallyLinkage
        {
            return false;
        }
        let section = llvm::LLVMGetSection(v);
        if !section.is_null() && *section != 0 {
            return false;
        }
        let name = name_of(v);
        !name.is_empty() && !name.starts_with(b"llvm.")
    }
}

unsafe fn name_of<'a>(v: LLVMValueRef) -> &'a [u8] {
    unsafe {
        let mut len = 0;
        let ptr = llvm::LLVMGetValueName2(v, &mut len);
        std::slice::from_raw_parts(ptr.cast(), len)
    }
}

unsafe fn set_section(v: LLVMValueRef, prefix: &str) {
    unsafe {
        let mut section = prefix.as_bytes().to_vec();
        section.extend_from_slice(name_of(v));
        if let Ok(section) = std::ffi::CString::new(section) {
            llvm::LLVMSetSection(v, section.as_ptr());
        }
    }
}

/// `.text.hot.` / `.text.unlikely.` for functions marked hot or cold, as LLVM's code generator
/// prefixes them (linkers group them). LLVM also goes by profile counts with `-Cprofile-use`,
/// which cannot be read here.
unsafe fn text_section_prefix(f: LLVMValueRef) -> &'static str {
    let f = llvm::value(f);
    if llvm::ir::has_fn_attr(f, "hot") {
        ".text.hot."
    } else if llvm::ir::has_fn_attr(f, "cold") {
        ".text.unlikely."
    } else {
        ".text."
    }
}

/// The section prefix LLVM would pick for the global's kind of data.
unsafe fn data_section_prefix(g: LLVMValueRef, static_reloc: bool) -> &'static str {
    unsafe {
        let init = llvm::LLVMGetInitializer(g);
        let zero = llvm::LLVMIsNull(init) != 0;
        if llvm::LLVMIsThreadLocal(g) != 0 {
            return if zero { ".tbss." } else { ".tdata." };
        }
        if llvm::LLVMIsGlobalConstant(g) != 0 {
            return if !static_reloc && holds_addresses(init) { ".data.rel.ro." } else { ".rodata." };
        }
        if zero { ".bss." } else { ".data." }
    }
}

/// Whether LLVM puts the global in a mergeable section (`.rodata.cst8`, `.rodata.str1.1`, …),
/// which it never makes unique per symbol, with or without data sections: left without a
/// section, it goes there as with the built-in backend, and the linker can merge equal
/// constants. LLVM's rule (`TargetLoweringObjectFile::getKindForGlobal`): a constant whose
/// address is insignificant and that needs no relocation, if it is a NUL-terminated byte
/// string or 4, 8, 16 or 32 bytes long.
fn is_mergeable_constant(llmod: &llvm::Module, g: &llvm::Value) -> bool {
    use llvm::ir;
    if !ir::is_global_constant(g) || ir::is_thread_local(g) || !ir::has_global_unnamed_addr(g) {
        return false;
    }
    let Some(init) = ir::initializer(g) else { return false };
    if unsafe { holds_addresses(llvm::AsRaw::raw(init)) } {
        return false;
    }
    if let Some((&0, rest)) = ir::constant_string(init).and_then(|bytes| bytes.split_last())
        && !rest.contains(&0)
    {
        return true;
    }
    matches!(ir::alloc_size(llmod, ir::type_of(init)), 4 | 8 | 16 | 32)
}

/// Whether a constant refers to a global's address, which the dynamic linker may relocate.
unsafe fn holds_addresses(c: LLVMValueRef) -> bool {
    unsafe {
        if !llvm::LLVMIsAGlobalValue(c).is_null() || !llvm::LLVMIsABlockAddress(c).is_null() {
            return true;
        }
        // Plain data (strings, numbers, arrays of them) has no operands to look into.
        (0..llvm::LLVMGetNumOperands(c).max(0) as u32).any(|i| holds_addresses(llvm::LLVMGetOperand(c, i)))
    }
}
