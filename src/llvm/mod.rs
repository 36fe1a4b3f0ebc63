//! The only door to LLVM: typed declarations of the C API functions the backend calls, and the
//! handles that the rest of the backend passes around as `&'ll Value`, `&'ll Type`, … (Copy,
//! comparable and hashable by address, as rustc_codegen_ssa's `BackendTypes` require).
//!
//! Nothing outside this module sees an llvm-sys pointer: the raw conversions ([`AsRaw::raw`],
//! `value`, `ty`, `bb`, …) are private to it, and only the C API's plain enums and flag sets are
//! re-exported. Declarations take handles, return `Option` where LLVM may return null, and are
//! `safe` where any live handle is sound; those with a precondition beyond that stay `unsafe`
//! (most of `builder`) or sit behind a wrapper that checks it. The parts: `types`, `consts`,
//! `metadata` and `builder` (declarations), `ir` (walking and editing modules), `machine` and
//! `passes` (target machines, emission, pass pipelines), `module` and `owned` (owners of what
//! must be disposed), `diagnostics`, `bitcode`, `debuginfo`.

pub mod bitcode;
pub mod builder;
pub mod consts;
pub mod debuginfo;
pub mod diagnostics;
pub mod ir;
pub mod machine;
pub mod metadata;
pub mod module;
pub mod owned;
pub mod passes;
pub mod types;

use std::ffi::{CStr, CString};
use std::fmt;
use std::hash::{Hash, Hasher};

pub use builder::*;
use llvm_sys::LLVMAttributeIndex;
use llvm_sys::core::{
    LLVMAddAttributeAtIndex, LLVMAddCallSiteAttribute, LLVMCreateEnumAttribute, LLVMCreateStringAttribute,
    LLVMCreateTypeAttribute, LLVMDisposeMessage, LLVMGetEnumAttributeKindForName, LLVMGetLinkage,
    LLVMGetMDKindIDInContext, LLVMGetNamedGlobal, LLVMGetValueName2, LLVMGetVersion, LLVMGetVisibility,
    LLVMIsDeclaration, LLVMIsGlobalConstant, LLVMPrintTypeToString, LLVMPrintValueToString, LLVMSetAlignment,
    LLVMSetGlobalConstant, LLVMSetInitializer, LLVMSetLinkage, LLVMSetSection, LLVMSetThreadLocalMode,
    LLVMSetUnnamedAddress, LLVMSetValueName2, LLVMSetVisibility,
};
// The C API's plain enums and flag sets, which the rest of the backend names directly.
pub use llvm_sys::prelude::LLVMBool;
use llvm_sys::prelude::*;
pub use llvm_sys::{
    LLVMAtomicOrdering, LLVMAtomicRMWBinOp, LLVMCallConv, LLVMFastMathAll, LLVMFastMathAllowContract,
    LLVMFastMathAllowReassoc, LLVMFastMathAllowReciprocal, LLVMFastMathApproxFunc, LLVMFastMathFlags,
    LLVMFastMathNoSignedZeros, LLVMGEPFlagInBounds, LLVMGEPFlagNUW, LLVMGEPNoWrapFlags, LLVMInlineAsmDialect,
    LLVMIntPredicate, LLVMLinkage, LLVMRealPredicate, LLVMTailCallKind, LLVMThreadLocalMode, LLVMTypeKind,
    LLVMUnnamedAddr, LLVMVisibility,
};

unsafe extern "C" {
    /// An `llvm::Value` (instructions, constants, globals, functions, arguments).
    pub type Value;
    /// An `llvm::Type`.
    pub type Type;
    /// An `llvm::BasicBlock`.
    pub type BasicBlock;
    /// An `llvm::LLVMContext`.
    pub type Context;
    /// An `llvm::Module`.
    pub type Module;
    /// An `llvm::Metadata` node.
    pub type Metadata;
    /// An `llvm::Attribute` (interned in its context).
    pub type Attribute;
}

macro_rules! handle {
    ($handle:ident, $raw:ty, $from:ident, $print:ident) => {
        impl PartialEq for $handle {
            fn eq(&self, other: &Self) -> bool {
                std::ptr::eq(self, other)
            }
        }
        impl Eq for $handle {}
        impl Hash for $handle {
            fn hash<H: Hasher>(&self, state: &mut H) {
                (self as *const Self).hash(state)
            }
        }
        impl AsRaw for &$handle {
            type Raw = $raw;
            fn raw(self) -> $raw {
                self as *const $handle as *mut _
            }
        }
        impl AsRaw for Option<&$handle> {
            type Raw = $raw;
            fn raw(self) -> $raw {
                match self {
                    Some(h) => h.raw(),
                    None => std::ptr::null_mut(),
                }
            }
        }
        /// Turns a non-null llvm-sys pointer into a handle.
        pub(in crate::llvm) fn $from<'ll>(raw: $raw) -> &'ll $handle {
            assert!(!raw.is_null(), concat!("LLVM returned a null ", stringify!($handle)));
            unsafe { &*(raw as *const $handle) }
        }
        impl fmt::Debug for $handle {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&$print(self))
            }
        }
    };
}

/// Handle → llvm-sys pointer.
pub(in crate::llvm) trait AsRaw {
    type Raw;
    fn raw(self) -> Self::Raw;
}

fn print_value(v: &Value) -> String {
    unsafe { take_message(LLVMPrintValueToString(v.raw())) }
}
fn print_type(t: &Type) -> String {
    unsafe { take_message(LLVMPrintTypeToString(t.raw())) }
}
fn print_bb(b: &BasicBlock) -> String {
    format!("BasicBlock({:p})", b)
}
fn print_context(c: &Context) -> String {
    format!("Context({:p})", c)
}
fn print_module(m: &Module) -> String {
    format!("Module({:p})", m)
}
fn print_metadata(m: &Metadata) -> String {
    format!("Metadata({:p})", m)
}
fn print_attribute(a: &Attribute) -> String {
    format!("Attribute({:p})", a)
}

handle!(Value, LLVMValueRef, value, print_value);
handle!(Type, LLVMTypeRef, ty, print_type);
handle!(BasicBlock, LLVMBasicBlockRef, bb, print_bb);
handle!(Context, LLVMContextRef, context, print_context);
handle!(Module, LLVMModuleRef, module, print_module);
handle!(Metadata, LLVMMetadataRef, metadata, print_metadata);
handle!(Attribute, LLVMAttributeRef, attribute, print_attribute);

/// Possibly null llvm-sys pointer → handle, for the handles whose null LLVM hands out.
macro_rules! nullable_handle {
    ($handle:ident, $raw:ty, $from_opt:ident) => {
        pub(in crate::llvm) fn $from_opt<'ll>(raw: $raw) -> Option<&'ll $handle> {
            unsafe { (raw as *const $handle).as_ref() }
        }
    };
}

nullable_handle!(Value, LLVMValueRef, value_opt);
nullable_handle!(BasicBlock, LLVMBasicBlockRef, bb_opt);
nullable_handle!(Metadata, LLVMMetadataRef, metadata_opt);

/// The empty name: LLVM picks a numbered one.
pub const UNNAMED: *const std::ffi::c_char = c"".as_ptr();

/// Copies and frees a message that LLVM allocated (`LLVMDisposeMessage`).
///
/// # Safety
/// `msg` must be null or a string LLVM allocated for the caller to dispose.
pub(in crate::llvm) unsafe fn take_message(msg: *mut std::ffi::c_char) -> String {
    if msg.is_null() {
        return String::new();
    }
    let s = unsafe { CStr::from_ptr(msg) }.to_string_lossy().into_owned();
    unsafe { LLVMDisposeMessage(msg) };
    s
}

/// A C string for LLVM; names with interior NULs are cut at the first NUL.
pub fn cstr(s: &str) -> CString {
    CString::new(s).unwrap_or_else(|e| {
        let n = e.nul_position();
        CString::new(&s[..n]).unwrap()
    })
}

pub fn to_bool(b: bool) -> LLVMBool {
    b as LLVMBool
}

/// Name of a value (empty for unnamed ones).
pub fn get_value_name(v: &Value) -> &[u8] {
    unsafe {
        let mut len = 0;
        let data = LLVMGetValueName2(v.raw(), &mut len);
        if data.is_null() { &[] } else { std::slice::from_raw_parts(data as *const u8, len) }
    }
}

pub fn set_value_name(v: &Value, name: &[u8]) {
    unsafe { LLVMSetValueName2(v.raw(), name.as_ptr() as *const _, name.len()) }
}

/// Kind id of a metadata kind name such as "range" or "nonnull".
pub fn md_kind_id(llcx: &Context, name: &str) -> u32 {
    unsafe { LLVMGetMDKindIDInContext(llcx.raw(), name.as_ptr() as *const _, name.len() as u32) }
}

/// The kind ID of an enum attribute name such as `noundef`. LLVM finds a name by comparing it
/// with every kind's name in turn, and a module asks for a few kinds a hundred thousand times:
/// each thread keeps the IDs it has looked up.
pub(in crate::llvm) fn attribute_kind(name: &str) -> u32 {
    thread_local! {
        static KINDS: std::cell::RefCell<rustc_data_structures::fx::FxHashMap<Box<str>, u32>> = Default::default();
    }
    KINDS.with_borrow_mut(|kinds| {
        if let Some(&kind) = kinds.get(name) {
            return kind;
        }
        let kind = unsafe { LLVMGetEnumAttributeKindForName(name.as_ptr() as *const _, name.len()) };
        assert!(kind != 0, "unknown LLVM attribute {name}");
        kinds.insert(name.into(), kind);
        kind
    })
}

/// An enum attribute such as `noundef`, `nonnull` or `dereferenceable(8)`.
pub fn enum_attr<'ll>(llcx: &'ll Context, name: &str, val: u64) -> &'ll Attribute {
    attribute(unsafe { LLVMCreateEnumAttribute(llcx.raw(), attribute_kind(name), val) })
}

/// A type attribute such as `sret(T)`, `byval(T)` or `elementtype(T)`.
pub fn type_attr<'ll>(llcx: &'ll Context, name: &str, t: &'ll Type) -> &'ll Attribute {
    attribute(unsafe { LLVMCreateTypeAttribute(llcx.raw(), attribute_kind(name), t.raw()) })
}

/// A string attribute such as `"target-cpu"="x86-64"`.
pub fn string_attr<'ll>(llcx: &'ll Context, key: &str, val: &str) -> &'ll Attribute {
    attribute(unsafe {
        LLVMCreateStringAttribute(
            llcx.raw(),
            key.as_ptr() as *const _,
            key.len() as u32,
            val.as_ptr() as *const _,
            val.len() as u32,
        )
    })
}

/// `range(iN lower, upper)`: the bounds are `bits` wide, given as little-endian 64-bit words.
pub fn range_attr<'ll>(llcx: &'ll Context, bits: u32, lower: &[u64], upper: &[u64]) -> &'ll Attribute {
    let words = bits.div_ceil(64) as usize;
    assert!(lower.len() >= words && upper.len() >= words, "range bounds narrower than {bits} bits");
    attribute(unsafe {
        llvm_sys::core::LLVMCreateConstantRangeAttribute(
            llcx.raw(),
            attribute_kind("range"),
            bits,
            lower.as_ptr(),
            upper.as_ptr(),
        )
    })
}

/// Where an attribute goes on a function or call site.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum AttributePlace {
    ReturnValue,
    Argument(u32),
    Function,
}

impl AttributePlace {
    pub fn as_index(self) -> LLVMAttributeIndex {
        match self {
            AttributePlace::ReturnValue => 0,
            AttributePlace::Argument(i) => 1 + i,
            AttributePlace::Function => !0,
        }
    }
}

pub fn add_fn_attrs(llfn: &Value, place: AttributePlace, attrs: &[&Attribute]) {
    assert!(ir::is_function(llfn), "function attributes on {llfn:?}");
    for &a in attrs {
        unsafe { LLVMAddAttributeAtIndex(llfn.raw(), place.as_index(), a.raw()) }
    }
}

pub fn add_callsite_attrs(call: &Value, place: AttributePlace, attrs: &[&Attribute]) {
    assert!(ir::called_operand(call).is_some(), "call-site attributes on {call:?}");
    for &a in attrs {
        unsafe { LLVMAddCallSiteAttribute(call.raw(), place.as_index(), a.raw()) }
    }
}

/// The module's global variable of that name, if any.
pub fn get_named_global<'ll>(llmod: &'ll Module, name: &str) -> Option<&'ll Value> {
    let name = cstr(name);
    value_opt(unsafe { LLVMGetNamedGlobal(llmod.raw(), name.as_ptr()) })
}

pub fn set_linkage(v: &Value, linkage: LLVMLinkage) {
    unsafe { LLVMSetLinkage(v.raw(), linkage) }
}
pub fn get_linkage(v: &Value) -> LLVMLinkage {
    unsafe { LLVMGetLinkage(v.raw()) }
}
pub fn set_visibility(v: &Value, vis: LLVMVisibility) {
    unsafe { LLVMSetVisibility(v.raw(), vis) }
}
pub fn get_visibility(v: &Value) -> LLVMVisibility {
    unsafe { LLVMGetVisibility(v.raw()) }
}
/// Marks a global `dso_local`: references to it may bind directly instead of through the GOT
/// or PLT. The C API has no setter, but LLVM marks a global `dso_local` whenever it gets a
/// non-default visibility and keeps the mark when the visibility is set back.
pub fn set_dso_local(v: &Value) {
    let linkage = get_linkage(v);
    let local = matches!(linkage, LLVMLinkage::LLVMInternalLinkage | LLVMLinkage::LLVMPrivateLinkage);
    // Local symbols are dso_local already (and must keep default visibility).
    if !local && get_visibility(v) == LLVMVisibility::LLVMDefaultVisibility {
        set_visibility(v, LLVMVisibility::LLVMHiddenVisibility);
        set_visibility(v, LLVMVisibility::LLVMDefaultVisibility);
    }
}
pub fn set_unnamed_address(v: &Value, ua: LLVMUnnamedAddr) {
    unsafe { LLVMSetUnnamedAddress(v.raw(), ua) }
}
/// Sets the alignment of a global object, alloca, load, store, atomic RMW or cmpxchg.
pub fn set_alignment(v: &Value, bytes: u64) {
    assert!(ir::can_have_alignment(v), "alignment on {v:?}");
    unsafe { LLVMSetAlignment(v.raw(), bytes as u32) }
}
pub fn set_section(v: &Value, section: &str) {
    let s = cstr(section);
    unsafe { LLVMSetSection(v.raw(), s.as_ptr()) }
}
pub fn is_global_constant(v: &Value) -> bool {
    unsafe { LLVMIsGlobalConstant(v.raw()) != 0 }
}
pub fn set_global_constant(v: &Value, is_const: bool) {
    unsafe { LLVMSetGlobalConstant(v.raw(), to_bool(is_const)) }
}
pub fn set_initializer(v: &Value, init: &Value) {
    unsafe { LLVMSetInitializer(v.raw(), init.raw()) }
}
pub fn set_thread_local_mode(v: &Value, mode: LLVMThreadLocalMode) {
    unsafe { LLVMSetThreadLocalMode(v.raw(), mode) }
}
pub fn is_declaration(v: &Value) -> bool {
    unsafe { LLVMIsDeclaration(v.raw()) != 0 }
}

/// The comdat named after the global itself, as ELF wants for linkonce/weak definitions.
pub fn set_own_comdat(llmod: &Module, v: &Value) {
    unsafe {
        let name = get_value_name(v).to_vec();
        let cname = CString::new(name).unwrap();
        let comdat = llvm_sys::comdat::LLVMGetOrInsertComdat(llmod.raw(), cname.as_ptr());
        llvm_sys::comdat::LLVMSetComdat(v.raw(), comdat);
    }
}

/// The message of an `LLVMErrorRef`, which is consumed (its string freed with
/// `LLVMDisposeErrorMessage`, the one function that may free it).
///
/// # Safety
/// `err` must be a non-null error that LLVM returned to the caller and nothing else consumed.
pub(in crate::llvm) unsafe fn take_error(err: llvm_sys::error::LLVMErrorRef) -> String {
    unsafe {
        let msg = llvm_sys::error::LLVMGetErrorMessage(err);
        let s = CStr::from_ptr(msg).to_string_lossy().into_owned();
        llvm_sys::error::LLVMDisposeErrorMessage(msg);
        s
    }
}

/// LLVM's version: (major, minor, patch).
pub fn version() -> (u32, u32, u32) {
    let (mut major, mut minor, mut patch) = (0, 0, 0);
    unsafe { LLVMGetVersion(&mut major, &mut minor, &mut patch) };
    (major, minor, patch)
}

/// Sets LLVM's process-wide command-line options (`args[0]` names the program in LLVM's
/// messages). LLVM reports nothing back: see `crate::llvm_args` for how bad ones are caught.
pub fn parse_command_line_options(args: &[String]) {
    let c_args: Vec<CString> = args.iter().map(|a| cstr(a)).collect();
    let ptrs: Vec<*const std::ffi::c_char> = c_args.iter().map(|a| a.as_ptr()).collect();
    unsafe { llvm_sys::support::LLVMParseCommandLineOptions(ptrs.len() as i32, ptrs.as_ptr(), std::ptr::null()) };
}

/// Runs `f` with file descriptor 2 pointed at an anonymous in-memory file, and returns what was
/// written (LLVM prints some answers there). Nothing else may write to stderr meanwhile; fd 2 is
/// restored even if `f` panics.
pub fn capture_stderr<T>(f: impl FnOnce() -> T) -> Result<(String, T), String> {
    use std::io::{Read, Seek};
    use std::os::fd::FromRawFd;
    unsafe extern "C" {
        fn dup(fd: i32) -> i32;
        fn dup2(from: i32, to: i32) -> i32;
        fn close(fd: i32) -> i32;
        fn memfd_create(name: *const std::ffi::c_char, flags: u32) -> i32;
    }
    /// Points fd 2 back at the saved descriptor when dropped.
    struct Restore(i32);
    impl Drop for Restore {
        fn drop(&mut self) {
            unsafe {
                dup2(self.0, 2);
                close(self.0);
            }
        }
    }
    const MFD_CLOEXEC: u32 = 1;
    let fd = unsafe { memfd_create(c"rustc_codegen_inkwell-stderr".as_ptr(), MFD_CLOEXEC) };
    if fd < 0 {
        return Err(format!("memfd_create: {}", std::io::Error::last_os_error()));
    }
    // Owns and closes the memfd.
    let mut file = unsafe { std::fs::File::from_raw_fd(fd) };
    let result = {
        let saved = unsafe { dup(2) };
        if saved < 0 {
            return Err(format!("dup(2): {}", std::io::Error::last_os_error()));
        }
        let _restore = Restore(saved);
        if unsafe { dup2(fd, 2) } < 0 {
            return Err(format!("dup2: {}", std::io::Error::last_os_error()));
        }
        f()
    };
    let mut text = String::new();
    file.rewind().and_then(|_| file.read_to_string(&mut text)).map_err(|e| format!("reading captured stderr: {e}"))?;
    Ok((text, result))
}
