//! Debug-info nodes the C DIBuilder has no function for: variant parts and their discriminant
//! values, template type parameters, enumeration types with `DW_AT_enum_class`, subprograms
//! with template parameters or `DW_AT_main_subprogram`, and a compile unit without name tables.
//!
//! Two ways around it (../shared/notes/llvm-c-api.md §7): a node the C API cannot make is
//! parsed from a line of LLVM assembly as a `distinct` node, with its fixed fields (size,
//! flags, line) in the text; node operands (file, scope, types, elements) are then set by
//! index. Operand indices are LLVM's layout of each node kind, which moves between LLVM
//! versions: the test below pins every index used here.

use rustc_abi::{Align, Size};
use rustc_span::Symbol;

use super::types::align_bits;
use crate::context::CodegenCx;
use crate::llvm::debuginfo::{
    EmissionKind, flags, operand, parse_nodes, replace_operand, replace_operands, sp_flags as sp, string, tag,
};
use crate::llvm::{Context, Metadata, Value};

/// Operand indices, as LLVM 22 lays out its nodes.
mod index {
    /// `DICompileUnit`: its file and producer, and the lists the builder fills.
    pub const UNIT_FILE: u32 = 0;
    pub const PRODUCER: u32 = 1;
    pub const ENUM_TYPES: u32 = 4;
    pub const UNIT_LISTS: std::ops::Range<u32> = 5..9;
    /// `DIType` (composite and derived).
    pub const FILE: u32 = 0;
    pub const SCOPE: u32 = 1;
    pub const NAME: u32 = 2;
    pub const BASE_TYPE: u32 = 5;
    /// `DICompositeType` (its elements, at 6, are set by the C API).
    pub const TEMPLATE_PARAMS: u32 = 8;
    pub const DISCRIMINATOR: u32 = 10;
    /// `DIDerivedType`: a variant member's discriminant value.
    pub const EXTRA_DATA: u32 = 6;
    /// `DISubprogram`.
    pub const LINKAGE_NAME: u32 = 3;
    pub const SUBPROGRAM_TYPE: u32 = 4;
    pub const UNIT: u32 = 5;
    pub const DECLARATION: u32 = 6;
    pub const SUBPROGRAM_TEMPLATE_PARAMS: u32 = 9;
    /// `DITemplateTypeParameter`.
    pub const PARAM_NAME: u32 = 0;
    pub const PARAM_TYPE: u32 = 1;
}

fn parse_one<'ll>(cx: &CodegenCx<'ll, '_>, node: &str) -> &'ll Metadata {
    parse_in(cx.llcx, node, 1)[0]
}

/// `count` nodes of `node` (`distinct`), parsed in one go: LLVM makes and drops a module for
/// every parse, which costs as much as a small node in it. The list comes after the nodes: a
/// forward reference would cost a temporary node.
fn parse_in<'ll>(llcx: &'ll Context, node: &str, count: usize) -> Vec<&'ll Metadata> {
    // Written without `format!`: a module parses one subprogram per generic function.
    let mut text = String::with_capacity((node.len() + 16) * count + 16);
    for i in 0..count {
        text.push('!');
        push_decimal(&mut text, i as u64);
        text.push_str(" = ");
        text.push_str(node);
        text.push('\n');
    }
    text.push_str("!nodes = !{");
    for i in 0..count {
        text.push_str(if i == 0 { "!" } else { ", !" });
        push_decimal(&mut text, i as u64);
    }
    text.push_str("}\n");
    match parse_nodes(llcx, text) {
        Ok(nodes) if nodes.len() == count => nodes,
        other => rustc_middle::bug!("LLVM did not parse `{node}`: {other:?}"),
    }
}

/// Appends `n` in decimal.
fn push_decimal(text: &mut String, n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // ASCII digits.
    text.push_str(std::str::from_utf8(&digits[at..]).unwrap());
}

/// The module's compile unit; `name_tables: false` leaves out `.debug_pubnames`/`pubtypes`.
pub(super) fn compile_unit<'ll>(
    llcx: &'ll Context,
    file: &'ll Metadata,
    producer: &str,
    optimized: bool,
    kind: EmissionKind,
    name_tables: bool,
) -> &'ll Metadata {
    let name_table_kind = if name_tables { "" } else { ", nameTableKind: None" };
    let node = parse_in(
        llcx,
        &format!(
            "distinct !DICompileUnit(language: DW_LANG_Rust, file: !{{}}, isOptimized: {optimized}, runtimeVersion: 0, \
             emissionKind: {kind:?}, splitDebugInlining: false{name_table_kind})"
        ),
        1,
    )[0];
    replace_operands(llcx, node, &[(index::UNIT_FILE, Some(file)), (index::PRODUCER, Some(string(llcx, producer)))]);
    node
}

/// Makes a subprogram definition made by the builder part of the module's compile unit, and
/// the definition of `declaration` (a method's, in its type). Both slots exist in every
/// subprogram.
pub(super) fn set_unit_and_declaration<'ll>(
    cx: &CodegenCx<'ll, '_>,
    subprogram: &'ll Metadata,
    declaration: Option<&'ll Metadata>,
) {
    replace_operands(
        cx.llcx,
        subprogram,
        &[(index::UNIT, Some(cx.dbg().compile_unit)), (index::DECLARATION, declaration)],
    );
}

/// Gives the module's compile unit the lists the builder's collected (retained types, global
/// variables, imported entities, macros), and the enumeration types; after the builder's
/// `finalize`.
pub(super) fn take_over_lists<'ll>(cx: &CodegenCx<'ll, '_>, enum_types: &[&'ll Metadata]) {
    let dbg = cx.dbg();
    for i in index::UNIT_LISTS {
        replace_operand(cx.llcx, dbg.compile_unit, i, operand(cx.llcx, dbg.builder_unit, i));
    }
    if let Some(enums) = node_array(cx, enum_types) {
        replace_operand(cx.llcx, dbg.compile_unit, index::ENUM_TYPES, Some(enums));
    }
}

/// A template type parameter `name = ty`, made once per module.
pub(super) fn template_type_parameter<'ll>(cx: &CodegenCx<'ll, '_>, name: Symbol, ty: &'ll Metadata) -> &'ll Metadata {
    let key = (name, ty);
    if let Some(&node) = cx.dbg().template_params.borrow().get(&key) {
        return node;
    }
    // All alike: parsed a batch at a time (the unused rest stays in the context, outside the
    // module).
    let mut spare = cx.dbg().spare_template_params.borrow_mut();
    if spare.is_empty() {
        *spare = parse_in(cx.llcx, "distinct !DITemplateTypeParameter(type: null)", 32);
    }
    let node = spare.pop().unwrap();
    drop(spare);
    replace_operands(
        cx.llcx,
        node,
        &[(index::PARAM_NAME, Some(string(cx.llcx, name.as_str()))), (index::PARAM_TYPE, Some(ty))],
    );
    cx.dbg().template_params.borrow_mut().insert(key, node);
    node
}

/// Sets the template parameters of a composite type made by the builder (unique by its
/// identifier, so that re-uniquing it cannot merge it with another node).
pub(super) fn set_template_params<'ll>(cx: &CodegenCx<'ll, '_>, composite: &'ll Metadata, params: &[&'ll Metadata]) {
    replace_operand(cx.llcx, composite, index::TEMPLATE_PARAMS, node_array(cx, params));
}

/// A list of nodes (`!{…}`), none for no nodes.
fn node_array<'ll>(cx: &CodegenCx<'ll, '_>, nodes: &[&'ll Metadata]) -> Option<&'ll Metadata> {
    let nodes: Vec<_> = nodes.iter().map(|&n| Some(n)).collect();
    (!nodes.is_empty()).then(|| cx.dbg().builder.node_array(&nodes))
}

/// What a subprogram made here has that `LLVMDIBuilderCreateFunction` cannot give it.
pub(super) struct SubprogramExtras<'ll> {
    pub template_params: Vec<&'ll Metadata>,
    /// `DW_AT_main_subprogram`: the program's `main` (gdb's `start` stops there).
    pub main: bool,
    /// For a method's definition: its declaration in the type.
    pub declaration: Option<&'ll Metadata>,
}

/// A subprogram (for a definition, of the module's compile unit). LLVM drops trailing null
/// operands of a node when it makes it, so the template parameters and the declaration slots
/// exist only in a node parsed with them.
#[allow(clippy::too_many_arguments)]
pub(super) fn subprogram<'ll>(
    cx: &CodegenCx<'ll, '_>,
    scope: &'ll Metadata,
    name: &str,
    linkage_name: &str,
    file: &'ll Metadata,
    line: u32,
    ty: &'ll Metadata,
    sp_flags: &SubprogramFlags,
    extras: SubprogramExtras<'ll>,
) -> &'ll Metadata {
    // Flags and tags go in as numbers: LLVM's parser looks names up one by one, and a
    // module parses one subprogram per generic function.
    let fn_flags = sp_flags.di_flags();
    let mut flags = 0;
    for (set, flag) in [
        (sp_flags.definition, sp::DEFINITION),
        (sp_flags.local_to_unit, sp::LOCAL_TO_UNIT),
        (sp_flags.optimized, sp::OPTIMIZED),
        (extras.main, sp::MAIN_SUBPROGRAM),
    ] {
        if set {
            flags |= flag;
        }
    }
    let mut text = String::with_capacity(96);
    let line = u64::from(line);
    // The DIFlags here are all positive.
    let fields =
        [("line: ", line), (", scopeLine: ", line), (", flags: ", fn_flags as u64), (", spFlags: ", flags.into())];
    text.push_str("distinct !DISubprogram(");
    for (field, value) in fields {
        text.push_str(field);
        push_decimal(&mut text, value);
    }
    text.push_str(", templateParams: !{})");
    let node = spare_subprogram(cx, text);
    let string = |s: &str| (!s.is_empty()).then(|| string(cx.llcx, s));
    replace_operands(
        cx.llcx,
        node,
        &[
            (index::FILE, Some(file)),
            (index::SCOPE, Some(scope)),
            (index::NAME, string(name)),
            (index::LINKAGE_NAME, string(linkage_name)),
            (index::SUBPROGRAM_TYPE, Some(ty)),
            (index::UNIT, sp_flags.definition.then(|| cx.dbg().compile_unit)),
            (index::DECLARATION, extras.declaration),
            (index::SUBPROGRAM_TEMPLATE_PARAMS, node_array(cx, &extras.template_params)),
        ],
    );
    if sp_flags.definition {
        // The builder lists the variables kept through optimization only in subprograms it
        // made itself; this one gets them at the end of the module.
        cx.dbg().parsed_subprograms.borrow_mut().push(node);
    }
    node
}

/// Nodes of one text parsed ahead of need, and how many were handed out.
#[derive(Default)]
pub(super) struct SpareNodes<'ll> {
    handed_out: u32,
    spare: Vec<&'ll Metadata>,
}

/// A subprogram parsed from `text`. A module makes many subprograms with the same text (its
/// fixed fields: the instances of one generic function share line and flags), and the module
/// LLVM makes around each parse costs about half a node. So a text parses as many nodes as it
/// has handed out so far, up to 4 (8 gave less), and keeps the rest for the next ones; an
/// unused one stays in the context, outside the module (measurements: docs/debuginfo.md).
fn spare_subprogram<'ll>(cx: &CodegenCx<'ll, '_>, text: String) -> &'ll Metadata {
    let mut spares = cx.dbg().spare_subprograms.borrow_mut();
    let nodes = match spares.get_mut(&text) {
        Some(nodes) => nodes,
        None => spares.entry(text.clone()).or_default(),
    };
    if nodes.spare.is_empty() {
        nodes.spare = parse_in(cx.llcx, &text, nodes.handed_out.clamp(1, 4) as usize);
    }
    nodes.handed_out += 1;
    nodes.spare.pop().unwrap()
}

/// The flags of a subprogram.
pub(super) struct SubprogramFlags {
    pub definition: bool,
    pub local_to_unit: bool,
    pub optimized: bool,
    pub no_return: bool,
}

impl SubprogramFlags {
    /// Its `DIFlag*`s: prototyped, and no-return if so.
    pub fn di_flags(&self) -> i32 {
        flags::PROTOTYPED | if self.no_return { flags::NO_RETURN } else { flags::ZERO }
    }
}

/// An enumeration type marked `enum class` (gdb then scopes the enumerators in the type).
#[allow(clippy::too_many_arguments)]
pub(super) fn enum_class<'ll>(
    cx: &CodegenCx<'ll, '_>,
    scope: &'ll Metadata,
    name: &str,
    file: &'ll Metadata,
    line: u32,
    (size, align): (Size, Align),
    enumerators: &[&'ll Metadata],
    base: &'ll Metadata,
) -> &'ll Metadata {
    let node = parse_one(
        cx,
        &format!(
            "distinct !DICompositeType(tag: {}, line: {line}, size: {}, align: {}, flags: {})",
            tag::ENUMERATION_TYPE,
            size.bits(),
            align_bits(align),
            flags::ENUM_CLASS
        ),
    );
    replace_operands(
        cx.llcx,
        node,
        &[
            (index::FILE, Some(file)),
            (index::SCOPE, Some(scope)),
            (index::NAME, Some(string(cx.llcx, name))),
            (index::BASE_TYPE, Some(base)),
        ],
    );
    cx.dbg().builder.replace_elements(node, enumerators);
    node
}

/// The variant part of an enum's struct `owner`, discriminated by the member `tag` (none for
/// a single variant). Its variants are members added with [`CodegenCx`]'s builder afterwards.
pub(super) fn variant_part<'ll>(
    cx: &CodegenCx<'ll, '_>,
    owner: &'ll Metadata,
    file: &'ll Metadata,
    line: u32,
    (size, align): (Size, Align),
    tag: Option<&'ll Metadata>,
) -> &'ll Metadata {
    let node = parse_one(
        cx,
        // The discriminator's slot exists only if the text fills it (see `subprogram`).
        &format!(
            "distinct !DICompositeType(tag: {}, line: {line}, size: {}, align: {}, discriminator: !{{}})",
            tag::VARIANT_PART,
            size.bits(),
            align_bits(align)
        ),
    );
    replace_operands(
        cx.llcx,
        node,
        &[(index::FILE, Some(file)), (index::SCOPE, Some(owner)), (index::DISCRIMINATOR, tag)],
    );
    node
}

/// Makes a member of a variant part the variant for the tag value `value`. The member is
/// unique by construction (its scope is a distinct variant part), so re-uniquing keeps it.
pub(super) fn set_discriminant<'ll>(cx: &CodegenCx<'ll, '_>, member: &'ll Metadata, value: &'ll Value) {
    replace_operand(cx.llcx, member, index::EXTRA_DATA, Some(crate::llvm::debuginfo::constant(value)));
}

#[cfg(test)]
mod tests {
    use super::index;
    use crate::llvm;
    use crate::llvm::debuginfo::{Checksum, DIBuilder, flags, operand, parse_nodes, sp_flags, string, tag};
    use crate::llvm::metadata::LLVMMetadataAsValue;

    /// The numbers written into parsed nodes are the flags and tags LLVM names: each numeric
    /// node prints as the named one.
    #[test]
    fn numeric_flags_and_tags() {
        let context = llvm::owned::OwnedContext::new();
        let llcx = context.get();
        let sp = sp_flags::LOCAL_TO_UNIT | sp_flags::DEFINITION | sp_flags::OPTIMIZED | sp_flags::MAIN_SUBPROGRAM;
        let pairs = [
            (
                format!("!DISubprogram(flags: {}, spFlags: {sp})", flags::PROTOTYPED | flags::NO_RETURN),
                "!DISubprogram(flags: DIFlagPrototyped | DIFlagNoReturn, \
                 spFlags: DISPFlagLocalToUnit | DISPFlagDefinition | DISPFlagOptimized | DISPFlagMainSubprogram)",
            ),
            (
                format!("!DICompositeType(tag: {}, flags: {})", tag::ENUMERATION_TYPE, flags::ENUM_CLASS),
                "!DICompositeType(tag: DW_TAG_enumeration_type, flags: DIFlagEnumClass)",
            ),
            (format!("!DICompositeType(tag: {})", tag::VARIANT_PART), "!DICompositeType(tag: DW_TAG_variant_part)"),
        ];
        for (numeric, named) in pairs {
            let text = format!("!nodes = !{{!0, !1}}\n!0 = distinct {numeric}\n!1 = distinct {named}\n");
            let nodes = parse_nodes(llcx, text).expect("parse");
            // Printed as `<address> = distinct !DI…(…)`.
            let print = |node| format!("{:?}", LLVMMetadataAsValue(llcx, node)).split_once(" = ").unwrap().1.to_owned();
            assert_eq!(print(nodes[0]), print(nodes[1]), "`{numeric}` is `{named}`");
        }
    }

    /// Pins the operand indices above: nodes made through the C API have their file, scope,
    /// name, base type, elements, template parameters, discriminator and extra data at those
    /// indices, and the parsed node kinds exist with the fields we write.
    #[test]
    fn operand_indices() {
        let context = llvm::owned::OwnedContext::new();
        let llcx = context.get();
        let builder = DIBuilder::new(llcx);
        let file = builder.file("a.rs", "/d", Checksum::None, None);
        let scope = builder.namespace(None, "ns");
        let base = builder.basic_type("u8", 8, 7);
        let composite = builder.struct_type(Some(scope), "S", file, 1, 8, 8, flags::ZERO, None, "id-S");
        let member = builder.member_type(composite, "m", file, 1, 8, 8, 0, flags::ZERO, base);
        builder.replace_elements(composite, &[member]);
        assert_eq!(operand(llcx, composite, index::FILE), Some(file));
        assert_eq!(operand(llcx, composite, index::SCOPE), Some(scope));
        assert_eq!(operand(llcx, composite, index::NAME), Some(string(llcx, "S")));
        assert_eq!(operand(llcx, member, index::BASE_TYPE), Some(base));
        let elements = operand(llcx, composite, 6).expect("elements");
        assert_eq!(operand(llcx, elements, 0), Some(member));
        assert_eq!(operand(llcx, composite, 9), Some(string(llcx, "id-S")), "identifier after the template parameters");

        let text = "!nodes = !{!0, !1, !2, !6, !7, !8, !9, !11, !12, !13, !14, !15, !16}\n\
            !0 = distinct !DICompositeType(tag: DW_TAG_variant_part, size: 8, discriminator: !3, templateParams: !4)\n\
            !1 = distinct !DITemplateTypeParameter(name: \"T\", type: !5)\n\
            !2 = distinct !DIDerivedType(tag: DW_TAG_member, name: \"v\", baseType: !5, extraData: i8 1)\n\
            !3 = !DIBasicType(name: \"tag\", size: 8)\n\
            !4 = !{!1}\n\
            !5 = !DIBasicType(name: \"u8\", size: 8)\n\
            !6 = distinct !DISubprogram(file: !10, scope: !10, name: \"f\", linkageName: \"g\", type: !7, unit: !8, declaration: !9, \
                spFlags: DISPFlagDefinition, templateParams: !4)\n\
            !7 = !DISubroutineType(types: !{})\n\
            !8 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !10)\n\
            !9 = !DISubprogram(name: \"f\", spFlags: 0)\n\
            !10 = !DIFile(filename: \"a.rs\", directory: \"\")\n\
            !11 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !10, producer: \"p\", enums: !12, \
                retainedTypes: !13, globals: !14, imports: !15, macros: !16)\n\
            !12 = !{!3}\n!13 = !{!5}\n!14 = !{!3, !5}\n!15 = !{!5, !3}\n!16 = !{!5, !5}\n";
        let nodes = parse_nodes(llcx, text.to_owned()).expect("parse");
        let (part, param, variant) = (nodes[0], nodes[1], nodes[2]);
        let tag = operand(llcx, part, index::DISCRIMINATOR).expect("discriminator");
        assert_eq!(operand(llcx, tag, index::NAME), Some(string(llcx, "tag")));
        let params = operand(llcx, part, index::TEMPLATE_PARAMS).expect("template parameters");
        assert_eq!(operand(llcx, params, 0), Some(param));
        assert_eq!(operand(llcx, param, index::PARAM_NAME), Some(string(llcx, "T")));
        let u8_node = operand(llcx, param, index::PARAM_TYPE).expect("parameter type");
        assert_eq!(operand(llcx, u8_node, index::NAME), Some(string(llcx, "u8")));
        assert!(operand(llcx, variant, index::EXTRA_DATA).is_some(), "a member's extra data");
        assert_eq!(operand(llcx, variant, index::BASE_TYPE), Some(u8_node));

        let (subprogram, ty, unit, declaration) = (nodes[3], nodes[4], nodes[5], nodes[6]);
        let file = operand(llcx, subprogram, index::FILE).expect("file");
        assert_eq!(operand(llcx, subprogram, index::SCOPE), Some(file));
        assert_eq!(operand(llcx, subprogram, index::NAME), Some(string(llcx, "f")));
        assert_eq!(operand(llcx, subprogram, index::LINKAGE_NAME), Some(string(llcx, "g")));
        assert_eq!(operand(llcx, subprogram, index::SUBPROGRAM_TYPE), Some(ty));
        assert_eq!(operand(llcx, subprogram, index::UNIT), Some(unit));
        assert_eq!(operand(llcx, subprogram, index::DECLARATION), Some(declaration));
        assert_eq!(operand(llcx, subprogram, index::SUBPROGRAM_TEMPLATE_PARAMS), Some(params));

        let unit = nodes[7];
        assert_eq!(operand(llcx, unit, index::UNIT_FILE), Some(file));
        assert_eq!(operand(llcx, unit, index::PRODUCER), Some(string(llcx, "p")));
        assert_eq!(operand(llcx, unit, index::ENUM_TYPES), Some(nodes[8]));
        let lists: Vec<_> = index::UNIT_LISTS.map(|i| operand(llcx, unit, i)).collect();
        assert_eq!(
            lists,
            nodes[9..].iter().map(|&n| Some(n)).collect::<Vec<_>>(),
            "retained types, globals, imports, macros"
        );
        builder.finalize();
    }
}
