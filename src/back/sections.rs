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
    let zero = init.is_none_or(is_null_or_undef);
    if ir::is_thread_local(g) {
        return if zero { ".tbss." } else { ".tdata." };
    }
    if llvm::is_global_constant(g) {
        return if !static_reloc && init.is_some_and(holds_addresses) { ".data.rel.ro." } else { ".rodata." };
    }
    if zero { ".bss." } else { ".data." }
}

/// Whether a constant is all zeros or undefined, through aggregates: data that needs no bytes in
/// the object (LLVM's `isNullOrUndef`, which decides `.bss`).
fn is_null_or_undef(c: &Value) -> bool {
    if ir::is_null_constant(c) || ir::is_undef(c) {
        return true;
    }
    let ty = ir::type_of(c);
    // Constant aggregates; constant data arrays (`c"…"`) have no operands and are not all zero.
    use llvm::LLVMTypeKind::*;
    let aggregate =
        matches!(llvm::types::LLVMGetTypeKind(ty), LLVMStructTypeKind | LLVMArrayTypeKind | LLVMVectorTypeKind);
    aggregate && ir::operands(c).next().is_some() && ir::operands(c).all(is_null_or_undef)
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
    if let Some(width) = c_string_char_width(llmod, init) {
        return Some(format!(".rodata.str{width}.{}", ir::alignment(g).max(1)));
    }
    let size = ir::alloc_size(llmod, ir::type_of(init));
    matches!(size, 4 | 8 | 16 | 32).then(|| format!(".rodata.cst{size}"))
}

/// The character width in bytes (1, 2 or 4) of a constant that is a C string to LLVM
/// (`IsNullTerminatedString`): an array of `i8`, `i16` or `i32` whose only zero is its last
/// element, or `[1 x iN] zeroinitializer` (what `c""` becomes).
fn c_string_char_width(llmod: &Module, c: &Value) -> Option<u64> {
    let ty = ir::type_of(c);
    if llvm::types::LLVMGetTypeKind(ty) != llvm::LLVMTypeKind::LLVMArrayTypeKind {
        return None;
    }
    let width = u64::from(llvm::types::int_width(llvm::types::element_type(ty)?)?) / 8;
    if !matches!(width, 1 | 2 | 4) {
        return None;
    }
    let len = ir::alloc_size(llmod, ty) / width;
    if ir::is_null_constant(c) {
        return (len == 1).then_some(width);
    }
    let is_c_string = if width == 1 {
        ir::constant_string(c)
            .and_then(|bytes| bytes.split_last())
            .is_some_and(|(&last, rest)| last == 0 && !rest.contains(&0))
    } else {
        let element = |i| llvm::consts::LLVMGetAggregateElement(c, i as u32).and_then(ir::const_int_value);
        len > 0 && element(len - 1) == Some(0) && (0..len - 1).all(|i| element(i).is_some_and(|e| e != 0))
    };
    is_c_string.then_some(width)
}

/// Whether a constant refers to a global's address, which the dynamic linker may relocate.
/// Plain data (strings, numbers, arrays of them) has no operands to look into.
fn holds_addresses(c: &Value) -> bool {
    ir::is_global_value(c) || ir::is_block_address(c) || ir::operands(c).any(holds_addresses)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::llvm::module::OwnedModule;
    use crate::llvm::owned::OwnedContext;

    /// Globals, and below the sections that `llc -data-sections` (LLVM 22 of llvm-tools, for
    /// x86_64 Linux) puts each of them in.
    const GLOBALS: &str = r#"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"
@str = unnamed_addr constant [4 x i8] c"abc\00", align 1
@str_a4 = unnamed_addr constant [4 x i8] c"abc\00", align 4
@inner_nul = unnamed_addr constant [4 x i8] c"a\00b\00", align 1
@no_nul = unnamed_addr constant [3 x i8] c"abc", align 1
@cst4 = unnamed_addr constant i32 7, align 4
@cst8 = unnamed_addr constant i64 7, align 8
@zero_const = unnamed_addr constant i64 0, align 8
@cst16 = unnamed_addr constant [2 x i64] [i64 1, i64 2], align 8
@cst32 = unnamed_addr constant [4 x i64] [i64 1, i64 2, i64 3, i64 4], align 8
@size12 = unnamed_addr constant [3 x i32] [i32 1, i32 2, i32 3], align 4
@named = constant i64 7, align 8
@addr = unnamed_addr constant ptr @cst4, align 8
@addr_in_struct = unnamed_addr constant { i64, ptr } { i64 1, ptr @cst8 }, align 8
@zero_var = global i32 0, align 4
@var = global i32 1, align 4
@tls0 = thread_local global i32 0, align 4
@tls1 = thread_local global i32 1, align 4
@tls_const = thread_local unnamed_addr constant i32 5, align 4
@empty_cstr = unnamed_addr constant [1 x i8] zeroinitializer, align 1
@wide16 = unnamed_addr constant [3 x i16] [i16 1, i16 2, i16 0], align 2
@wide32 = unnamed_addr constant [3 x i32] [i32 1, i32 2, i32 0], align 4
@uninit_var = global [8 x i8] undef, align 1
@partly_uninit = global <{ [8 x i8], [64 x i8] }> <{ [8 x i8] zeroinitializer, [64 x i8] undef }>, align 8
@mixed = global { i32, [4 x i8] } { i32 1, [4 x i8] undef }, align 4
@bytes_var = global [4 x i8] c"abc\00", align 1
@undef_vec = global <4 x i32> <i32 0, i32 undef, i32 poison, i32 0>, align 16
@big = global [4096 x i8] zeroinitializer, align 1
@empty = global {} zeroinitializer
"#;

    fn with_globals(f: impl FnOnce(&Module)) {
        let context = OwnedContext::new();
        let module = OwnedModule::parse_assembly(context.get(), GLOBALS.to_owned(), c"sections").expect("test IR");
        f(module.get());
    }

    fn global<'ll>(llmod: &'ll Module, name: &str) -> &'ll Value {
        ir::named_global(llmod, name.as_bytes()).expect(name)
    }

    /// LLVM's mergeable constants (`getKindForGlobal`): unnamed_addr constants without
    /// relocations, by NUL-terminated string (named after its alignment) or by size 4/8/16/32.
    #[test]
    fn mergeable_sections_as_llc_picks_them() {
        with_globals(|llmod| {
            let cases = [
                ("str", Some(".rodata.str1.1")),
                ("str_a4", Some(".rodata.str1.4")),
                ("inner_nul", Some(".rodata.cst4")),
                ("no_nul", None),
                ("cst4", Some(".rodata.cst4")),
                ("cst8", Some(".rodata.cst8")),
                ("zero_const", Some(".rodata.cst8")),
                ("cst16", Some(".rodata.cst16")),
                ("cst32", Some(".rodata.cst32")),
                ("size12", None),
                ("named", None),
                ("addr", None),
                ("addr_in_struct", None),
                ("tls_const", None),
                ("var", None),
            ];
            for (name, expected) in cases {
                assert_eq!(mergeable_section(llmod, global(llmod, name)).as_deref(), expected, "{name}");
            }
        });
    }

    /// The other sections' prefixes, with `-relocation-model=static` and `=pic`: constants that
    /// hold addresses are `.data.rel.ro` unless relocation is static.
    #[test]
    fn section_kinds_as_llc_picks_them() {
        with_globals(|llmod| {
            let cases = [
                ("no_nul", ".rodata.", ".rodata."),
                ("size12", ".rodata.", ".rodata."),
                ("named", ".rodata.", ".rodata."),
                ("addr", ".rodata.", ".data.rel.ro."),
                ("addr_in_struct", ".rodata.", ".data.rel.ro."),
                ("zero_var", ".bss.", ".bss."),
                ("var", ".data.", ".data."),
                ("big", ".bss.", ".bss."),
                ("tls0", ".tbss.", ".tbss."),
                ("tls1", ".tdata.", ".tdata."),
                ("tls_const", ".tdata.", ".tdata."),
            ];
            for (name, static_reloc, pic) in cases {
                assert_eq!(section_kind_prefix(global(llmod, name), true), static_reloc, "{name}, static");
                assert_eq!(section_kind_prefix(global(llmod, name), false), pic, "{name}, pic");
            }
        });
    }

    /// LLVM's `TargetMachine::isLargeGlobalValue` under the medium and large code models:
    /// larger than the threshold or of size 0, never thread-local.
    #[test]
    fn large_data_by_size_and_threshold() {
        with_globals(|llmod| {
            assert!(is_large(llmod, global(llmod, "big"), 4095));
            assert!(!is_large(llmod, global(llmod, "big"), 4096), "a global of exactly the threshold is small");
            assert!(is_large(llmod, global(llmod, "cst8"), 0), "everything is large under threshold 0");
            assert!(is_large(llmod, global(llmod, "empty"), 65536), "a global of size 0 is large");
            assert!(!is_large(llmod, global(llmod, "tls1"), 0), "thread-locals are never large");
        });
    }

    /// LLVM's `isSuitableForBSS` takes an initializer that is all zeros *or undef*
    /// (`isNullOrUndef`, through aggregates), as rustc makes `static mut X: MaybeUninit<[u8; N]>`
    /// (which once went to `.data`, with N bytes in the object).
    #[test]
    fn undef_initialized_variables_are_bss() {
        with_globals(|llmod| {
            assert_eq!(section_kind_prefix(global(llmod, "uninit_var"), false), ".bss.");
            assert_eq!(section_kind_prefix(global(llmod, "partly_uninit"), false), ".bss.");
            assert_eq!(section_kind_prefix(global(llmod, "undef_vec"), false), ".bss.");
            assert_eq!(section_kind_prefix(global(llmod, "mixed"), false), ".data.");
            assert_eq!(section_kind_prefix(global(llmod, "bytes_var"), false), ".data.");
        });
    }

    /// LLVM's `IsNullTerminatedString` also takes `[1 x i8] zeroinitializer` (what `c""`
    /// becomes) and i16/i32 arrays: `llc` puts them in `.rodata.str1.1`, `.rodata.str2.2` and
    /// `.rodata.str4.4`.
    #[test]
    fn llvms_other_c_strings_are_mergeable() {
        with_globals(|llmod| {
            assert_eq!(mergeable_section(llmod, global(llmod, "empty_cstr")).as_deref(), Some(".rodata.str1.1"));
            assert_eq!(mergeable_section(llmod, global(llmod, "wide16")).as_deref(), Some(".rodata.str2.2"));
            assert_eq!(mergeable_section(llmod, global(llmod, "wide32")).as_deref(), Some(".rodata.str4.4"));
        });
    }
}
