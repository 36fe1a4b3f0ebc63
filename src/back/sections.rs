//! Function and data sections: every function and global in a section of its own
//! (`.text.<name>`, `.rodata.<name>`, …) so that the linker's `--gc-sections` drops what
//! nothing uses. The built-in backend asks LLVM for this through target options the C API
//! lacks; naming each symbol's section explicitly gives the same sections. The names follow
//! LLVM's own choice of section kind, which matters: a constant holding addresses must not go
//! in read-only `.rodata` when the dynamic linker has to relocate it.

use crate::back::target_machine::TargetMachineSpec;
use crate::llvm::{self, LLVMModuleRef, LLVMValueRef};

/// Gives every function and global defined in `llmod` without a section one of its own.
pub fn assign_unique_sections(llmod: LLVMModuleRef, spec: &TargetMachineSpec) {
    unsafe {
        let mut f = llvm::LLVMGetFirstFunction(llmod);
        while !f.is_null() {
            if needs_section(f) {
                let prefix = text_section_prefix(f);
                let prefix = if spec.large_code { format!(".l{}", &prefix[1..]) } else { prefix.to_owned() };
                set_section(f, &unique_name(&prefix, f));
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
            if needs_section(g) && llvm::LLVMGetLinkage(g) != llvm::LLVMLinkage::LLVMCommonLinkage {
                if let Some(section) = data_section(g, spec) {
                    set_section(g, &section);
                }
            }
            g = llvm::LLVMGetNextGlobal(g);
        }
    }
}

/// The section for a global, if it needs an explicit one.
unsafe fn data_section(g: LLVMValueRef, spec: &TargetMachineSpec) -> Option<Vec<u8>> {
    let (llmod, g_ref) = unsafe { (llvm::module(llvm::LLVMGetGlobalParent(g)), llvm::value(g)) };
    let large = spec.large_data_threshold.map(|threshold| is_large(llmod, g_ref, threshold));
    if let Some(mergeable) = mergeable_section(llmod, g_ref) {
        // LLVM knows only its default threshold, 0, under which every such constant is large:
        // one that the session's threshold makes small is named into the small section.
        return (large == Some(false)).then_some(mergeable.into_bytes());
    }
    let prefix = unsafe { section_kind_prefix(g, spec.is_static_reloc()) };
    match prefix {
        ".data." | ".rodata." if large == Some(true) => Some(unsafe { unique_name(&format!(".l{}", &prefix[1..]), g) }),
        // LLVM's inference of a section's type from an explicit name knows `.bss` but not
        // `.lbss`, whose contents would then be written out in full: large zero-initialized
        // data is left to LLVM, which puts it all in one `.lbss` section.
        ".bss." if large == Some(true) => None,
        _ => Some(unsafe { unique_name(prefix, g) }),
    }
}

/// Whether a global is large data under the medium and large code models: larger than the
/// threshold, or of no size (LLVM's rule). Thread-locals never are. LLVM then addresses a
/// global in a section named `.ldata.*`, `.lbss.*` or `.lrodata.*` as large.
fn is_large(llmod: &llvm::Module, g: &llvm::Value, threshold: u64) -> bool {
    use llvm::ir;
    if ir::is_thread_local(g) {
        return false;
    }
    let size = ir::alloc_size(llmod, ir::value_type(g));
    size == 0 || size > threshold
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

/// The symbol's own section: the prefix followed by its name.
unsafe fn unique_name(prefix: &str, v: LLVMValueRef) -> Vec<u8> {
    let mut section = prefix.as_bytes().to_vec();
    section.extend_from_slice(unsafe { name_of(v) });
    section
}

unsafe fn set_section(v: LLVMValueRef, section: &[u8]) {
    if let Ok(section) = std::ffi::CString::new(section) {
        unsafe { llvm::LLVMSetSection(v, section.as_ptr()) };
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
unsafe fn section_kind_prefix(g: LLVMValueRef, static_reloc: bool) -> &'static str {
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

/// The mergeable section (`.rodata.cst8`, `.rodata.str1.1`, …) LLVM puts the global in, which
/// it never makes unique per symbol, with or without data sections: left without a section, it
/// goes there as with the built-in backend, and the linker can merge equal constants. LLVM's
/// rule (`TargetLoweringObjectFile::getKindForGlobal`): a constant whose address is
/// insignificant and that needs no relocation, if it is a NUL-terminated byte string or 4, 8,
/// 16 or 32 bytes long. A string's section is named after its alignment too.
fn mergeable_section(llmod: &llvm::Module, g: &llvm::Value) -> Option<String> {
    use llvm::ir;
    if !ir::is_global_constant(g) || ir::is_thread_local(g) || !ir::has_global_unnamed_addr(g) {
        return None;
    }
    let init = ir::initializer(g)?;
    if unsafe { holds_addresses(llvm::AsRaw::raw(init)) } {
        return None;
    }
    if let Some((&0, rest)) = ir::constant_string(init).and_then(|bytes| bytes.split_last())
        && !rest.contains(&0)
    {
        return Some(format!(".rodata.str1.{}", ir::alignment(g).max(1)));
    }
    let size = ir::alloc_size(llmod, ir::type_of(init));
    matches!(size, 4 | 8 | 16 | 32).then(|| format!(".rodata.cst{size}"))
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
