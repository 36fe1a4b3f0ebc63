//! Metadata outside debuginfo: nodes and strings, metadata as values and back, attaching
//! nodes to instructions and globals, and a module's named metadata (`!llvm.module.flags`).

use std::ffi::{c_char, c_uint};

use super::{Context, Metadata, Module, Value, cstr, ir, md_kind_id};

unsafe extern "C" {
    pub safe fn LLVMMetadataAsValue<'ll>(c: &'ll Context, md: &'ll Metadata) -> &'ll Value;
    pub safe fn LLVMValueAsMetadata(v: &Value) -> &Metadata;
    fn LLVMMDNodeInContext2<'ll>(c: &'ll Context, mds: *const &'ll Metadata, count: usize) -> &'ll Metadata;
    fn LLVMMDStringInContext2(c: &Context, s: *const c_char, len: usize) -> &Metadata;
    fn LLVMSetMetadata<'ll>(inst: &'ll Value, kind: c_uint, node: &'ll Value);
    fn LLVMGlobalSetMetadata<'ll>(global: &'ll Value, kind: c_uint, node: &'ll Metadata);
    fn LLVMAddNamedMetadataOperand<'ll>(m: &'ll Module, name: *const c_char, node: &'ll Value);
}

/// `!{mds…}`.
pub fn node<'ll>(c: &'ll Context, mds: &[&'ll Metadata]) -> &'ll Metadata {
    unsafe { LLVMMDNodeInContext2(c, mds.as_ptr(), mds.len()) }
}

/// `!"s"`.
pub fn string<'ll>(c: &'ll Context, s: &str) -> &'ll Metadata {
    unsafe { LLVMMDStringInContext2(c, s.as_ptr().cast(), s.len()) }
}

/// Attaches `!kind !{mds…}` to an instruction.
pub fn set_on_instruction<'ll>(c: &'ll Context, inst: &'ll Value, kind: &str, mds: &[&'ll Metadata]) {
    assert!(ir::is_instruction(inst), "metadata for a non-instruction {inst:?}");
    unsafe { LLVMSetMetadata(inst, md_kind_id(c, kind), LLVMMetadataAsValue(c, node(c, mds))) }
}

/// Attaches `!kind !{mds…}` to a global, replacing what it had of that kind.
pub fn set_on_global<'ll>(c: &'ll Context, global: &'ll Value, kind: &str, mds: &[&'ll Metadata]) {
    assert!(ir::is_global_value(global), "global metadata for a non-global {global:?}");
    unsafe { LLVMGlobalSetMetadata(global, md_kind_id(c, kind), node(c, mds)) }
}

/// Adds `!{mds…}` to the module's named metadata `name`.
pub fn add_named<'ll>(c: &'ll Context, m: &'ll Module, name: &str, mds: &[&'ll Metadata]) {
    let name = cstr(name);
    unsafe { LLVMAddNamedMetadataOperand(m, name.as_ptr(), LLVMMetadataAsValue(c, node(c, mds))) }
}
