//! The C DIBuilder, typed: debug-info metadata for one module ([`DIBuilder`]) and the few
//! free functions that need no builder (locations, attaching a subprogram to a function).
//!
//! Where llvm-sys's declaration cannot express what the built-in backend asks of LLVM (the
//! `DebugDirectivesOnly` emission kind is missing from its enum), the function is declared here
//! with a plain integer instead.

use std::marker::PhantomData;
use std::ptr::NonNull;

use llvm_sys::debuginfo as di;

use super::{AsRaw, Context, LLVMBool, Metadata, Module, Value, metadata, to_bool};

unsafe extern "C" {
    /// `LLVMDIBuilderCreateCompileUnit`, with the emission kind as LLVM numbers it (llvm-sys's
    /// enum stops at `LineTablesOnly`).
    #[link_name = "LLVMDIBuilderCreateCompileUnit"]
    fn create_compile_unit(
        builder: llvm_sys::prelude::LLVMDIBuilderRef,
        lang: di::LLVMDWARFSourceLanguage,
        file: *mut llvm_sys::LLVMOpaqueMetadata,
        producer: *const u8,
        producer_len: usize,
        is_optimized: LLVMBool,
        flags: *const u8,
        flags_len: usize,
        runtime_ver: u32,
        split_name: *const u8,
        split_name_len: usize,
        kind: u32,
        dwo_id: u32,
        split_debug_inlining: LLVMBool,
        debug_info_for_profiling: LLVMBool,
        sysroot: *const u8,
        sysroot_len: usize,
        sdk: *const u8,
        sdk_len: usize,
    ) -> *mut llvm_sys::LLVMOpaqueMetadata;
}

/// How much a compile unit describes (LLVM's `DICompileUnit::DebugEmissionKind`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum EmissionKind {
    Full = 1,
    LineTablesOnly = 2,
    DebugDirectivesOnly = 3,
}

/// A checksum of a source file, as `DIFile` records it.
pub enum Checksum<'a> {
    None,
    Md5(&'a str),
    Sha1(&'a str),
    Sha256(&'a str),
}

/// Subprogram flags the C API takes as a bitmask (`LLVMDIFlags`).
pub mod flags {
    pub const PROTOTYPED: i32 = 1 << 8;
    pub const NO_RETURN: i32 = 1 << 20;
}

/// A DIBuilder for one module; disposed (after [`DIBuilder::finalize`]) when dropped.
pub struct DIBuilder<'ll> {
    raw: NonNull<llvm_sys::LLVMOpaqueDIBuilder>,
    _module: PhantomData<&'ll Module>,
}

impl Drop for DIBuilder<'_> {
    fn drop(&mut self) {
        unsafe { di::LLVMDisposeDIBuilder(self.raw.as_ptr()) }
    }
}

impl<'ll> DIBuilder<'ll> {
    pub fn new(module: &'ll Module) -> Self {
        let raw = unsafe { di::LLVMCreateDIBuilder(module.raw()) };
        DIBuilder { raw: NonNull::new(raw).expect("LLVMCreateDIBuilder returned null"), _module: PhantomData }
    }

    fn raw(&self) -> llvm_sys::prelude::LLVMDIBuilderRef {
        self.raw.as_ptr()
    }

    /// Makes the deferred nodes (retained subprograms, types); call once, when the module is
    /// complete.
    pub fn finalize(&self) {
        unsafe { di::LLVMDIBuilderFinalize(self.raw()) }
    }

    /// The module's compile unit (Rust, no split DWARF).
    pub fn compile_unit(&self, file: &'ll Metadata, producer: &str, optimized: bool, kind: EmissionKind) -> &'ll Metadata {
        metadata(unsafe {
            create_compile_unit(
                self.raw(),
                di::LLVMDWARFSourceLanguage::LLVMDWARFSourceLanguageRust,
                file.raw(),
                producer.as_ptr(),
                producer.len(),
                to_bool(optimized),
                "".as_ptr(),
                0,
                0,
                "".as_ptr(),
                0,
                kind as u32,
                0,
                0,
                0,
                "".as_ptr(),
                0,
                "".as_ptr(),
                0,
            )
        })
    }

    /// A source file; `source` embeds its text (`-Zembed-source`).
    pub fn file(&self, name: &str, directory: &str, checksum: Checksum<'_>, source: Option<&str>) -> &'ll Metadata {
        let (kind, sum) = match checksum {
            Checksum::None if source.is_none() => {
                return metadata(unsafe {
                    di::LLVMDIBuilderCreateFile(self.raw(), name.as_ptr().cast(), name.len(), directory.as_ptr().cast(), directory.len())
                });
            }
            // An empty checksum is no checksum, whatever its kind.
            Checksum::None => (di::LLVMChecksumKind::CSK_MD5, ""),
            Checksum::Md5(s) => (di::LLVMChecksumKind::CSK_MD5, s),
            Checksum::Sha1(s) => (di::LLVMChecksumKind::CSK_SHA1, s),
            Checksum::Sha256(s) => (di::LLVMChecksumKind::CSK_SHA256, s),
        };
        metadata(unsafe {
            di::LLVMDIBuilderCreateFileWithChecksum(
                self.raw(),
                name.as_ptr().cast(),
                name.len(),
                directory.as_ptr().cast(),
                directory.len(),
                kind,
                sum.as_ptr().cast(),
                sum.len(),
                source.map_or(std::ptr::null(), |s| s.as_ptr().cast()),
                source.map_or(0, |s| s.len()),
            )
        })
    }

    pub fn namespace(&self, parent: Option<&'ll Metadata>, name: &str) -> &'ll Metadata {
        metadata(unsafe { di::LLVMDIBuilderCreateNameSpace(self.raw(), parent.raw(), name.as_ptr().cast(), name.len(), 0) })
    }

    /// A subroutine type that lists no types (what line tables need).
    pub fn empty_subroutine_type(&self, file: &'ll Metadata) -> &'ll Metadata {
        metadata(unsafe { di::LLVMDIBuilderCreateSubroutineType(self.raw(), file.raw(), std::ptr::null_mut(), 0, 0) })
    }

    /// A subprogram definition.
    #[allow(clippy::too_many_arguments)]
    pub fn function(
        &self,
        scope: &'ll Metadata,
        name: &str,
        linkage_name: &str,
        file: &'ll Metadata,
        line: u32,
        ty: &'ll Metadata,
        local_to_unit: bool,
        flags: i32,
        optimized: bool,
    ) -> &'ll Metadata {
        metadata(unsafe {
            di::LLVMDIBuilderCreateFunction(
                self.raw(),
                scope.raw(),
                name.as_ptr().cast(),
                name.len(),
                linkage_name.as_ptr().cast(),
                linkage_name.len(),
                file.raw(),
                line,
                ty.raw(),
                to_bool(local_to_unit),
                1,
                line,
                flags,
                to_bool(optimized),
            )
        })
    }

    pub fn lexical_block(&self, scope: &'ll Metadata, file: &'ll Metadata, line: u32, col: u32) -> &'ll Metadata {
        metadata(unsafe { di::LLVMDIBuilderCreateLexicalBlock(self.raw(), scope.raw(), file.raw(), line, col) })
    }

    pub fn lexical_block_file(&self, scope: &'ll Metadata, file: &'ll Metadata, discriminator: u32) -> &'ll Metadata {
        metadata(unsafe { di::LLVMDIBuilderCreateLexicalBlockFile(self.raw(), scope.raw(), file.raw(), discriminator) })
    }
}

/// A source location (`DILocation`) in `scope`, inlined at `inlined_at`.
pub fn location<'ll>(
    cx: &'ll Context,
    line: u32,
    col: u32,
    scope: &'ll Metadata,
    inlined_at: Option<&'ll Metadata>,
) -> &'ll Metadata {
    metadata(unsafe { di::LLVMDIBuilderCreateDebugLocation(cx.raw(), line, col, scope.raw(), inlined_at.raw()) })
}

/// Attaches a subprogram to the function it describes.
pub fn set_subprogram(function: &Value, subprogram: &Metadata) {
    unsafe { di::LLVMSetSubprogram(function.raw(), subprogram.raw()) }
}

/// The file a scope is in.
pub fn scope_file(scope: &Metadata) -> Option<&Metadata> {
    super::metadata_opt(unsafe { di::LLVMDIScopeGetFile(scope.raw()) })
}

/// The version of debug-info metadata this LLVM writes (the "Debug Info Version" module flag).
pub fn metadata_version() -> u32 {
    unsafe { di::LLVMDebugMetadataVersion() }
}
