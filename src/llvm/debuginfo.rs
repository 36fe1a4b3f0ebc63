//! The C DIBuilder, typed: debug-info metadata for one module ([`DIBuilder`]) and the few
//! free functions that need no builder (locations, attaching a subprogram to a function).
//!
//! The builder works on a scratch module of its own: the compile unit it makes (and needs, to
//! collect globals and retained nodes) is listed in no real module, which lists a compile unit
//! made by parsing instead (the C API cannot set its name-table kind, see
//! `debuginfo::beyond_c_api`).

use std::marker::PhantomData;
use std::ptr::NonNull;

use llvm_sys::debuginfo as di;

use super::{AsRaw, BasicBlock, Context, Metadata, Module, Value, metadata, to_bool};

/// How much a compile unit describes (LLVM's `DICompileUnit::DebugEmissionKind`, by the names
/// LLVM's assembly uses).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum EmissionKind {
    FullDebug,
    LineTablesOnly,
    DebugDirectivesOnly,
}

/// A checksum of a source file, as `DIFile` records it.
pub enum Checksum<'a> {
    None,
    Md5(&'a str),
    Sha1(&'a str),
    Sha256(&'a str),
}

/// The flags the C API takes as a bitmask (`LLVMDIFlags`).
pub mod flags {
    pub const ZERO: i32 = 0;
    pub const PRIVATE: i32 = 1;
    pub const PROTECTED: i32 = 2;
    pub const PUBLIC: i32 = 3;
    pub const ARTIFICIAL: i32 = 1 << 6;
    pub const PROTOTYPED: i32 = 1 << 8;
    pub const NO_RETURN: i32 = 1 << 20;
    pub const ENUM_CLASS: i32 = 1 << 24;
}

/// Subprogram flags (`DISPFlag*`), which the C API has no names for.
pub mod sp_flags {
    pub const LOCAL_TO_UNIT: u32 = 1 << 2;
    pub const DEFINITION: u32 = 1 << 3;
    pub const OPTIMIZED: u32 = 1 << 4;
    pub const MAIN_SUBPROGRAM: u32 = 1 << 8;
}

/// DWARF tags of the nodes parsed from text (`DW_TAG_*`).
pub mod tag {
    pub const ENUMERATION_TYPE: u32 = 0x04;
    pub const VARIANT_PART: u32 = 0x33;
}

/// DWARF base type encodings (`DW_ATE_*`).
pub mod encoding {
    pub const BOOLEAN: u32 = 0x02;
    pub const FLOAT: u32 = 0x04;
    pub const SIGNED: u32 = 0x05;
    pub const UNSIGNED: u32 = 0x07;
    pub const UTF: u32 = 0x10;
}

/// DWARF expression operations that variable locations use (`DW_OP_*`, and LLVM's fragment).
pub mod op {
    pub const DEREF: u64 = 0x06;
    pub const PLUS_UCONST: u64 = 0x23;
    pub const STACK_VALUE: u64 = 0x9f;
    pub const LLVM_FRAGMENT: u64 = 0x1000;
}

/// A DIBuilder, with the scratch module it registers its compile unit in; both are disposed
/// (after [`DIBuilder::finalize`]) when dropped.
pub struct DIBuilder<'ll> {
    raw: NonNull<llvm_sys::LLVMOpaqueDIBuilder>,
    scratch: NonNull<llvm_sys::LLVMModule>,
    _context: PhantomData<&'ll Context>,
}

impl Drop for DIBuilder<'_> {
    fn drop(&mut self) {
        unsafe {
            di::LLVMDisposeDIBuilder(self.raw.as_ptr());
            llvm_sys::core::LLVMDisposeModule(self.scratch.as_ptr());
        }
    }
}

impl<'ll> DIBuilder<'ll> {
    pub fn new(cx: &'ll Context) -> Self {
        unsafe {
            let scratch = llvm_sys::core::LLVMModuleCreateWithNameInContext(c"debuginfo-builder".as_ptr(), cx.raw());
            let scratch = NonNull::new(scratch).expect("LLVMModuleCreateWithNameInContext returned null");
            let raw =
                NonNull::new(di::LLVMCreateDIBuilder(scratch.as_ptr())).expect("LLVMCreateDIBuilder returned null");
            DIBuilder { raw, scratch, _context: PhantomData }
        }
    }

    fn raw(&self) -> llvm_sys::prelude::LLVMDIBuilderRef {
        self.raw.as_ptr()
    }

    /// Makes the deferred nodes (retained subprograms, types); call once, when the module is
    /// complete.
    pub fn finalize(&self) {
        unsafe { di::LLVMDIBuilderFinalize(self.raw()) }
    }

    /// The builder's own compile unit, which collects what the builder made; its lists are
    /// copied to the module's compile unit at the end.
    pub fn compile_unit(&self, file: &'ll Metadata) -> &'ll Metadata {
        metadata(unsafe {
            di::LLVMDIBuilderCreateCompileUnit(
                self.raw(),
                di::LLVMDWARFSourceLanguage::LLVMDWARFSourceLanguageRust,
                file.raw(),
                c"".as_ptr(),
                0,
                0,
                c"".as_ptr(),
                0,
                0,
                c"".as_ptr(),
                0,
                di::LLVMDWARFEmissionKind::LLVMDWARFEmissionKindFull,
                0,
                0,
                0,
                c"".as_ptr(),
                0,
                c"".as_ptr(),
                0,
            )
        })
    }

    /// A source file; `source` embeds its text (`-Zembed-source`).
    pub fn file(&self, name: &str, directory: &str, checksum: Checksum<'_>, source: Option<&str>) -> &'ll Metadata {
        let (kind, sum) = match checksum {
            Checksum::None if source.is_none() => {
                return metadata(unsafe {
                    di::LLVMDIBuilderCreateFile(
                        self.raw(),
                        name.as_ptr().cast(),
                        name.len(),
                        directory.as_ptr().cast(),
                        directory.len(),
                    )
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
        metadata(unsafe {
            di::LLVMDIBuilderCreateNameSpace(self.raw(), parent.raw(), name.as_ptr().cast(), name.len(), 0)
        })
    }

    /// A subroutine type that lists no types (what line tables need).
    pub fn empty_subroutine_type(&self, file: &'ll Metadata) -> &'ll Metadata {
        metadata(unsafe { di::LLVMDIBuilderCreateSubroutineType(self.raw(), file.raw(), std::ptr::null_mut(), 0, 0) })
    }

    /// A subprogram: a definition (distinct), or a declaration (uniqued).
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
        definition: bool,
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
                to_bool(definition),
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

    /// An array of nodes (`!{...}`), for element and parameter lists.
    pub fn node_array(&self, nodes: &[Option<&'ll Metadata>]) -> &'ll Metadata {
        let mut raw: Vec<_> = nodes.iter().map(|n| n.raw()).collect();
        metadata(unsafe { di::LLVMDIBuilderGetOrCreateArray(self.raw(), raw.as_mut_ptr(), raw.len()) })
    }

    /// A subroutine type: the return type (`None` for none) followed by the parameter types.
    pub fn subroutine_type(&self, signature: &[Option<&'ll Metadata>]) -> &'ll Metadata {
        let mut raw: Vec<_> = signature.iter().map(|n| n.raw()).collect();
        metadata(unsafe {
            di::LLVMDIBuilderCreateSubroutineType(
                self.raw(),
                std::ptr::null_mut(),
                raw.as_mut_ptr(),
                raw.len() as u32,
                0,
            )
        })
    }

    pub fn basic_type(&self, name: &str, size_bits: u64, encoding: u32) -> &'ll Metadata {
        metadata(unsafe {
            di::LLVMDIBuilderCreateBasicType(self.raw(), name.as_ptr().cast(), name.len(), size_bits, encoding, 0)
        })
    }

    pub fn pointer_type(&self, pointee: &'ll Metadata, size_bits: u64, align_bits: u32, name: &str) -> &'ll Metadata {
        metadata(unsafe {
            di::LLVMDIBuilderCreatePointerType(
                self.raw(),
                pointee.raw(),
                size_bits,
                align_bits,
                0,
                name.as_ptr().cast(),
                name.len(),
            )
        })
    }

    /// A struct without members yet ([`DIBuilder::replace_elements`] adds them); `identifier`
    /// makes it unique, so that a later change of its elements never merges it with another.
    #[allow(clippy::too_many_arguments)]
    pub fn struct_type(
        &self,
        scope: Option<&'ll Metadata>,
        name: &str,
        file: &'ll Metadata,
        line: u32,
        size_bits: u64,
        align_bits: u32,
        flags: i32,
        vtable_holder: Option<&'ll Metadata>,
        identifier: &str,
    ) -> &'ll Metadata {
        metadata(unsafe {
            di::LLVMDIBuilderCreateStructType(
                self.raw(),
                scope.raw(),
                name.as_ptr().cast(),
                name.len(),
                file.raw(),
                line,
                size_bits,
                align_bits,
                flags,
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                0,
                0,
                vtable_holder.raw(),
                identifier.as_ptr().cast(),
                identifier.len(),
            )
        })
    }

    /// A union without members yet, as [`DIBuilder::struct_type`].
    #[allow(clippy::too_many_arguments)]
    pub fn union_type(
        &self,
        scope: Option<&'ll Metadata>,
        name: &str,
        file: &'ll Metadata,
        line: u32,
        size_bits: u64,
        align_bits: u32,
        flags: i32,
        identifier: &str,
    ) -> &'ll Metadata {
        metadata(unsafe {
            di::LLVMDIBuilderCreateUnionType(
                self.raw(),
                scope.raw(),
                name.as_ptr().cast(),
                name.len(),
                file.raw(),
                line,
                size_bits,
                align_bits,
                flags,
                std::ptr::null_mut(),
                0,
                0,
                identifier.as_ptr().cast(),
                identifier.len(),
            )
        })
    }

    /// Sets the members of a struct or union made by this builder. The node stays the same
    /// node: it is resolved, so LLVM re-uniques it in place (or makes it distinct).
    pub fn replace_elements(&self, composite: &'ll Metadata, elements: &[&'ll Metadata]) {
        let mut node = composite.raw();
        let mut raw: Vec<_> = elements.iter().map(|e| e.raw()).collect();
        unsafe { di::LLVMReplaceArrays(self.raw(), &mut node, raw.as_mut_ptr(), raw.len() as u32) };
        debug_assert_eq!(node, composite.raw());
    }

    #[allow(clippy::too_many_arguments)]
    pub fn member_type(
        &self,
        scope: &'ll Metadata,
        name: &str,
        file: &'ll Metadata,
        line: u32,
        size_bits: u64,
        align_bits: u32,
        offset_bits: u64,
        flags: i32,
        ty: &'ll Metadata,
    ) -> &'ll Metadata {
        metadata(unsafe {
            di::LLVMDIBuilderCreateMemberType(
                self.raw(),
                scope.raw(),
                name.as_ptr().cast(),
                name.len(),
                file.raw(),
                line,
                size_bits,
                align_bits,
                offset_bits,
                flags,
                ty.raw(),
            )
        })
    }

    /// A fixed-size array of `count` elements.
    pub fn array_type(&self, size_bits: u64, align_bits: u32, element: &'ll Metadata, count: u64) -> &'ll Metadata {
        let mut subrange = unsafe { di::LLVMDIBuilderGetOrCreateSubrange(self.raw(), 0, count as i64) };
        metadata(unsafe {
            di::LLVMDIBuilderCreateArrayType(self.raw(), size_bits, align_bits, element.raw(), &mut subrange, 1)
        })
    }

    /// An enumerator of any width up to 128 bits.
    pub fn enumerator(&self, name: &str, value: u128, size_bits: u64, unsigned: bool) -> &'ll Metadata {
        let words = [value as u64, (value >> 64) as u64];
        metadata(unsafe {
            di::LLVMDIBuilderCreateEnumeratorOfArbitraryPrecision(
                self.raw(),
                name.as_ptr().cast(),
                name.len(),
                size_bits,
                words.as_ptr(),
                to_bool(unsigned),
            )
        })
    }

    /// A local variable, or with `argument` (1-based) a parameter; kept through optimizations.
    #[allow(clippy::too_many_arguments)]
    pub fn variable(
        &self,
        scope: &'ll Metadata,
        name: &str,
        argument: Option<u32>,
        file: &'ll Metadata,
        line: u32,
        ty: &'ll Metadata,
        align_bits: u32,
    ) -> &'ll Metadata {
        metadata(unsafe {
            match argument {
                Some(index) => di::LLVMDIBuilderCreateParameterVariable(
                    self.raw(),
                    scope.raw(),
                    name.as_ptr().cast(),
                    name.len(),
                    index,
                    file.raw(),
                    line,
                    ty.raw(),
                    1,
                    0,
                ),
                None => di::LLVMDIBuilderCreateAutoVariable(
                    self.raw(),
                    scope.raw(),
                    name.as_ptr().cast(),
                    name.len(),
                    file.raw(),
                    line,
                    ty.raw(),
                    1,
                    0,
                    align_bits,
                ),
            }
        })
    }

    /// A DWARF expression (see [`op`]).
    pub fn expression(&self, ops: &[u64]) -> &'ll Metadata {
        let mut ops = ops.to_vec();
        metadata(unsafe { di::LLVMDIBuilderCreateExpression(self.raw(), ops.as_mut_ptr(), ops.len()) })
    }

    /// Records at the end of `block` that `variable` lives at `address` (through `expression`).
    pub fn declare_at_end(
        &self,
        address: &'ll Value,
        variable: &'ll Metadata,
        expression: &'ll Metadata,
        location: &'ll Metadata,
        block: &'ll BasicBlock,
    ) {
        unsafe {
            di::LLVMDIBuilderInsertDeclareRecordAtEnd(
                self.raw(),
                address.raw(),
                variable.raw(),
                expression.raw(),
                location.raw(),
                block.raw(),
            );
        }
    }

    /// Records at the end of `block` that `variable` has the value `value` (through `expression`).
    pub fn value_at_end(
        &self,
        value: &'ll Value,
        variable: &'ll Metadata,
        expression: &'ll Metadata,
        location: &'ll Metadata,
        block: &'ll BasicBlock,
    ) {
        unsafe {
            di::LLVMDIBuilderInsertDbgValueRecordAtEnd(
                self.raw(),
                value.raw(),
                variable.raw(),
                expression.raw(),
                location.raw(),
                block.raw(),
            );
        }
    }

    /// Describes `global` as a variable named `name` (the compile unit lists it).
    #[allow(clippy::too_many_arguments)]
    pub fn global_variable(
        &self,
        global: &'ll Value,
        scope: Option<&'ll Metadata>,
        name: &str,
        linkage_name: &str,
        file: &'ll Metadata,
        line: u32,
        ty: &'ll Metadata,
        local_to_unit: bool,
        align_bits: u32,
    ) {
        unsafe {
            let expression = di::LLVMDIBuilderCreateExpression(self.raw(), std::ptr::null_mut(), 0);
            let gve = di::LLVMDIBuilderCreateGlobalVariableExpression(
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
                expression,
                std::ptr::null_mut(),
                align_bits,
            );
            llvm_sys::core::LLVMGlobalAddDebugInfo(global.raw(), gve);
        }
    }

    /// Lists the variables kept through optimizations in the subprogram (the builder's
    /// `finalize` does this only for subprograms it made).
    pub fn finalize_subprogram(&self, subprogram: &'ll Metadata) {
        unsafe { di::LLVMDIBuilderFinalizeSubprogram(self.raw(), subprogram.raw()) }
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

/// Parses `text`, LLVM assembly that holds only metadata, in `cx`, and returns the nodes that its
/// named metadata `!nodes` lists. This makes the nodes the C DIBuilder has no function for
/// (`distinct` ones, whose operands are then set with [`replace_operands`]); the text must not
/// carry a "Debug Info Version" flag, or LLVM's upgrader would look at the nodes.
pub fn parse_nodes(cx: &Context, text: String) -> Result<Vec<&Metadata>, String> {
    use llvm_sys::core::*;
    let module = super::module::OwnedModule::parse_assembly(cx, text, c"debuginfo-nodes")?;
    let name = c"nodes";
    unsafe {
        let llmod = module.get().raw();
        let mut values = vec![std::ptr::null_mut(); LLVMGetNamedMetadataNumOperands(llmod, name.as_ptr()) as usize];
        LLVMGetNamedMetadataOperands(llmod, name.as_ptr(), values.as_mut_ptr());
        // The nodes belong to the context and outlive the module.
        Ok(values.into_iter().map(|v| metadata(LLVMValueAsMetadata(v))).collect())
    }
}

/// Sets operands of a node, each `(index, new)`. A uniqued node is re-uniqued, and turned
/// distinct if that collides with another node: patch only nodes that are distinct or unique
/// by construction.
pub fn replace_operands(cx: &Context, node: &Metadata, operands: &[(u32, Option<&Metadata>)]) {
    unsafe {
        let node = llvm_sys::core::LLVMMetadataAsValue(cx.raw(), node.raw());
        for &(index, new) in operands {
            llvm_sys::core::LLVMReplaceMDNodeOperandWith(node, index, new.raw());
        }
    }
}

/// Sets operand `index` of a node (see [`replace_operands`]).
pub fn replace_operand(cx: &Context, node: &Metadata, index: u32, new: Option<&Metadata>) {
    replace_operands(cx, node, &[(index, new)]);
}

/// Operand `index` of a node, as metadata (`None` for a null operand).
pub fn operand<'ll>(cx: &'ll Context, node: &'ll Metadata, index: u32) -> Option<&'ll Metadata> {
    use llvm_sys::core::*;
    unsafe {
        let node = LLVMMetadataAsValue(cx.raw(), node.raw());
        let mut values = vec![std::ptr::null_mut(); LLVMGetMDNodeNumOperands(node) as usize];
        LLVMGetMDNodeOperands(node, values.as_mut_ptr());
        let value = *values.get(index as usize)?;
        if value.is_null() { None } else { super::metadata_opt(LLVMValueAsMetadata(value)) }
    }
}

pub use super::metadata::string;

/// A constant as metadata.
pub fn constant(value: &Value) -> &Metadata {
    metadata(unsafe { llvm_sys::core::LLVMValueAsMetadata(value.raw()) })
}

/// Lists a compile unit in the module (`!llvm.dbg.cu`), which makes LLVM emit it.
pub fn add_compile_unit(module: &Module, compile_unit: &Metadata) {
    unsafe {
        let cx = llvm_sys::core::LLVMGetModuleContext(module.raw());
        let value = llvm_sys::core::LLVMMetadataAsValue(cx, compile_unit.raw());
        llvm_sys::core::LLVMAddNamedMetadataOperand(module.raw(), c"llvm.dbg.cu".as_ptr(), value);
    }
}
