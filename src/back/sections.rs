//! Function and data sections: every function and global in a section of its own
//! (`.text.<name>`, `.rodata.<name>`, …) so that the linker's `--gc-sections` drops what
//! nothing uses. The built-in backend asks LLVM for this through target options the C API
//! lacks; naming each symbol's section explicitly gives the same sections. The names follow
//! LLVM's own choice of section kind, which matters: a constant holding addresses must not go
//! in read-only `.rodata` when the dynamic linker has to relocate it.

use crate::back::target_machine::TargetMachineSpec;
use crate::llvm::{self, Module, Value, ir};

/// Gives every function and global defined in `llmod` without a section one of its own.
pub fn assign_unique_sections(llmod: &Module, spec: &TargetMachineSpec) {
    for f in ir::functions(llmod) {
        if needs_section(f) {
            let prefix = text_section_prefix(f);
            let prefix = if spec.is_large_code() { format!(".l{}", &prefix[1..]) } else { prefix.to_owned() };
            ir::set_section(f, &unique_name(&prefix, f));
        }
    }
    let mut anonymous = 0;
    for g in ir::global_variables(llmod) {
        // Unnamed constants get a name to build their section's name from, as LLVM's
        // `name-anon-globals` would give them.
        if llvm::get_value_name(g).is_empty() && !llvm::is_declaration(g) {
            llvm::set_value_name(g, format!("anon.{anonymous}").as_bytes());
            anonymous += 1;
        }
        if needs_section(g) && llvm::get_linkage(g) != llvm::LLVMLinkage::LLVMCommonLinkage {
            if let Some(section) = data_section(llmod, g, spec) {
                ir::set_section(g, &section);
            }
        }
    }
}

/// The section for a global, if it needs an explicit one.
fn data_section(llmod: &Module, g: &Value, spec: &TargetMachineSpec) -> Option<Vec<u8>> {
    let large = spec.large_data_threshold.map(|threshold| is_large(llmod, g, threshold));
    if let Some(mergeable) = mergeable_section(llmod, g) {
        // LLVM knows only its default threshold, 0, under which every such constant is large:
        // one that the session's threshold makes small is named into the small section.
        return (large == Some(false)).then_some(mergeable.into_bytes());
    }
    let prefix = section_kind_prefix(g, spec.is_static_reloc());
    match prefix {
        ".data." | ".rodata." if large == Some(true) => Some(unique_name(&format!(".l{}", &prefix[1..]), g)),
        // LLVM's inference of a section's type from an explicit name knows `.bss` but not
        // `.lbss`, whose contents would then be written out in full: large zero-initialized
        // data is left to LLVM, which puts it all in one `.lbss` section.
        ".bss." if large == Some(true) => None,
        _ => Some(unique_name(prefix, g)),
    }
}

/// Whether a global is large data under the medium and large code models: larger than the
/// threshold, or of no size (LLVM's rule). Thread-locals never are. LLVM then addresses a
/// global in a section named `.ldata.*`, `.lbss.*` or `.lrodata.*` as large.
fn is_large(llmod: &Module, g: &Value, threshold: u64) -> bool {
    if ir::is_thread_local(g) {
        return false;
    }
    let size = ir::alloc_size(llmod, ir::value_type(g));
    size == 0 || size > threshold
}

/// Named definitions that end up in the object and have no section yet; `llvm.*`
/// globals (used lists, constructors) are not data.
fn needs_section(v: &Value) -> bool {
    if llvm::is_declaration(v)
        || llvm::get_linkage(v) == llvm::LLVMLinkage::LLVMAvailableExternallyLinkage
        || ir::section(v).is_some()
    {
        return false;
    }
    let name = llvm::get_value_name(v);
    !name.is_empty() && !name.starts_with(b"llvm.")
}

/// The symbol's own section: the prefix followed by its name.
fn unique_name(prefix: &str, v: &Value) -> Vec<u8> {
    [prefix.as_bytes(), llvm::get_value_name(v)].concat()
}

/// `.text.hot.` / `.text.unlikely.` for functions marked hot or cold, as LLVM's code generator
/// prefixes them (linkers group them). LLVM also goes by profile counts with `-Cprofile-use`,
/// which cannot be read here.
fn text_section_prefix(f: &Value) -> &'static str {
    if ir::has_fn_attr(f, "hot") {
        ".text.hot."
    } else if ir::has_fn_attr(f, "cold") {
        ".text.unlikely."
    } else {
        ".text."
    }
}

/// The section prefix LLVM would pick for the global's kind of data.
fn section_kind_prefix(g: &Value, static_reloc: bool) -> &'static str {
    let init = ir::initializer(g);
    let zero = init.is_none_or(ir::is_null_constant);
    if ir::is_thread_local(g) {
        return if zero { ".tbss." } else { ".tdata." };
    }
    if llvm::is_global_constant(g) {
        return if !static_reloc && init.is_some_and(holds_addresses) { ".data.rel.ro." } else { ".rodata." };
    }
    if zero { ".bss." } else { ".data." }
}

/// The mergeable section (`.rodata.cst8`, `.rodata.str1.1`, …) LLVM puts the global in, which
/// it never makes unique per symbol, with or without data sections: left without a section, it
/// goes there as with the built-in backend, and the linker can merge equal constants. LLVM's
/// rule (`TargetLoweringObjectFile::getKindForGlobal`): a constant whose address is
/// insignificant and that needs no relocation, if it is a NUL-terminated byte string or 4, 8,
/// 16 or 32 bytes long. A string's section is named after its alignment too.
fn mergeable_section(llmod: &Module, g: &Value) -> Option<String> {
    if !llvm::is_global_constant(g) || ir::is_thread_local(g) || !ir::has_global_unnamed_addr(g) {
        return None;
    }
    let init = ir::initializer(g)?;
    if holds_addresses(init) {
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
/// Plain data (strings, numbers, arrays of them) has no operands to look into.
fn holds_addresses(c: &Value) -> bool {
    ir::is_global_value(c) || ir::is_block_address(c) || ir::operands(c).any(holds_addresses)
}
