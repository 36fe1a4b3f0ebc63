//! Enums and coroutines, as DWARF describes Rust's (and gdb reads them):
//!
//! - An enum whose variants have no fields is an enumeration type (`DW_AT_enum_class`).
//! - Any other enum is a struct with one variant part: the tag as discriminator (none for a
//!   single-variant layout), and per variant a member whose type is a struct of the variant's
//!   fields and whose discriminant value says when it is active. With a niche layout
//!   (`Option<&T>`), the variant that holds the niche has no value: it is the default.
//! - A coroutine is the same, with its states as variants (`Unresumed`, `Suspend0`, …).
//!
//! The C API can make neither variant parts nor enum classes: `beyond_c_api` does.

use std::borrow::Cow;

use rustc_abi::{FieldIdx, TagEncoding, VariantIdx, Variants};
use rustc_codegen_ssa::debuginfo::type_names::compute_debuginfo_type_name;
use rustc_codegen_ssa::debuginfo::{tag_base_type, wants_c_like_enum_debuginfo};
use rustc_codegen_ssa::traits::*;
use rustc_hir::def::CtorKind;
use rustc_middle::bug;
use rustc_middle::ty::layout::{LayoutOf, TyAndLayout};
use rustc_middle::ty::{self, CoroutineArgs, CoroutineArgsExt, Ty};

use super::types::{tuple_field_name, visibility_flags};
use super::{TypeKey, beyond_c_api};
use crate::context::CodegenCx;
use crate::llvm::Metadata;
use crate::llvm::debuginfo::flags;

/// One variant, as its member of the variant part.
struct Variant<'a, 'll> {
    index: VariantIdx,
    name: Cow<'a, str>,
    ty: &'ll Metadata,
    /// The variant's definition, with `-Zdebug-info-type-line-numbers`.
    location: Option<(&'ll Metadata, u32)>,
}

impl<'ll, 'tcx> CodegenCx<'ll, 'tcx> {
    pub(super) fn enum_type(&self, ty: Ty<'tcx>, def: ty::AdtDef<'tcx>) -> &'ll Metadata {
        let layout = self.layout_of(ty);
        let name = compute_debuginfo_type_name(self.tcx, ty, false);
        let scope = self.namespace(self.tcx.parent(def.did()));
        if wants_c_like_enum_debuginfo(self.tcx, layout) {
            let node = self.c_like_enum(ty, def, layout, &name, scope);
            self.remember_type(TypeKey::Ty(ty), node);
            return node;
        }
        let visibility = visibility_flags(self, def.did(), def.did());
        let location = self.type_location(def.did());
        let stub =
            self.stub(TypeKey::Ty(ty), &name, location, Some(scope), (layout.size, layout.align.abi), visibility, None);
        self.complete(
            stub,
            |cx, enum_node| {
                let variants: Vec<_> = def
                    .variant_range()
                    .map(|index| {
                        let variant = def.variant(index);
                        Variant {
                            index,
                            name: Cow::Borrowed(variant.name.as_str()),
                            ty: cx.variant_struct(ty, layout, enum_node, index, visibility),
                            location: cx.type_location(variant.def_id),
                        }
                    })
                    .collect();
                vec![cx.variant_part(layout, enum_node, location, &variants)]
            },
            None,
        )
    }

    fn c_like_enum(
        &self,
        ty: Ty<'tcx>,
        def: ty::AdtDef<'tcx>,
        layout: TyAndLayout<'tcx>,
        name: &str,
        scope: &'ll Metadata,
    ) -> &'ll Metadata {
        let base = tag_base_type(self.tcx, layout);
        let unsigned = match base.kind() {
            ty::Int(_) => false,
            ty::Uint(_) => true,
            _ => bug!("the tag of {ty} is not an integer"),
        };
        let (size, align) = self.size_and_align(base);
        let enumerators: Vec<_> = def
            .discriminants(self.tcx)
            .map(|(index, discr)| {
                self.dbg().builder.enumerator(def.variant(index).name.as_str(), discr.val, size.bits(), unsigned)
            })
            .collect();
        let (file, line) = self.type_location(def.did()).unwrap_or_else(|| (self.unknown_file(), 0));
        let node = beyond_c_api::enum_class(
            self,
            scope,
            name,
            file,
            line,
            (size, align),
            &enumerators,
            self.type_di_node(base),
        );
        self.dbg().enum_types.borrow_mut().push(node);
        node
    }

    /// The struct of a variant's fields (named as the variant, inside the enum's struct).
    fn variant_struct(
        &self,
        enum_ty: Ty<'tcx>,
        enum_layout: TyAndLayout<'tcx>,
        enum_node: &'ll Metadata,
        index: VariantIdx,
        visibility: i32,
    ) -> &'ll Metadata {
        let ty::Adt(def, _) = enum_ty.kind() else { bug!("{enum_ty} is not an enum") };
        let variant = def.variant(index);
        let layout = enum_layout.for_variant(self, index);
        let stub = self.stub(
            TypeKey::Variant(enum_ty, index),
            variant.name.as_str(),
            self.type_location(variant.def_id),
            Some(enum_node),
            (enum_layout.size, enum_layout.align.abi),
            visibility,
            None,
        );
        self.complete(
            stub,
            |cx, owner| {
                (0..layout.fields.count())
                    .map(|i| {
                        let name = if variant.ctor_kind() == Some(CtorKind::Fn) {
                            tuple_field_name(i)
                        } else {
                            Cow::Borrowed(variant.fields[FieldIdx::from_usize(i)].name.as_str())
                        };
                        cx.field(owner, &name, layout.field(cx, i), layout.fields.offset(i), visibility, None)
                    })
                    .collect()
            },
            Some(enum_ty),
        )
    }

    pub(super) fn coroutine_type(&self, ty: Ty<'tcx>) -> &'ll Metadata {
        let &ty::Coroutine(def_id, args) = ty.kind() else { bug!("{ty} is not a coroutine") };
        let layout = self.layout_of(ty);
        let name = compute_debuginfo_type_name(self.tcx, ty, false);
        let scope = self.namespace(self.tcx.parent(def_id));
        let location = self.type_location(def_id);
        let stub = self.stub(
            TypeKey::Ty(ty),
            &name,
            location,
            Some(scope),
            (layout.size, layout.align.abi),
            flags::ZERO,
            None,
        );
        self.complete(
            stub,
            |cx, node| {
                let coroutine = cx.tcx.coroutine_layout(def_id, args).unwrap_or_else(|_| bug!("no layout for {ty}"));
                let Variants::Multiple { tag_encoding: TagEncoding::Direct, ref variants, .. } = layout.variants else {
                    bug!("coroutine {ty} without a direct tag")
                };
                let upvar_names = cx.tcx.closure_saved_names_of_captured_variables(def_id);
                let variants: Vec<_> = variants
                    .indices()
                    .map(|index| {
                        let span = coroutine.variant_source_info[index].span;
                        let location = (!span.is_dummy()).then(|| {
                            let pos = cx.source_pos(span.lo());
                            (cx.file_metadata(&pos.file), pos.line)
                        });
                        let variant_layout = layout.for_variant(cx, index);
                        let stub = cx.stub(
                            TypeKey::Variant(ty, index),
                            &CoroutineArgs::variant_name(index),
                            None,
                            Some(node),
                            (layout.size, layout.align.abi),
                            flags::ZERO,
                            None,
                        );
                        let variant_ty = cx.complete(
                            stub,
                            |cx, owner| {
                                let mut members: Vec<_> = (0..variant_layout.fields.count())
                                    .map(|i| {
                                        let local = coroutine.variant_fields[index][FieldIdx::from_usize(i)];
                                        let name = coroutine.field_names[local]
                                            .map(|s| Cow::Owned(s.as_str().to_owned()))
                                            .unwrap_or_else(|| tuple_field_name(i));
                                        let field_ty = variant_layout.field(cx, i).ty;
                                        cx.field(
                                            owner,
                                            &name,
                                            cx.layout_of(field_ty),
                                            variant_layout.fields.offset(i),
                                            flags::ZERO,
                                            None,
                                        )
                                    })
                                    .collect();
                                let prefix = args.as_coroutine().prefix_tys();
                                members.extend(prefix.iter().zip(upvar_names).enumerate().map(|(i, (upvar, name))| {
                                    cx.field(
                                        owner,
                                        name.as_str(),
                                        cx.layout_of(upvar),
                                        layout.fields.offset(i),
                                        flags::ZERO,
                                        None,
                                    )
                                }));
                                members
                            },
                            Some(ty),
                        );
                        Variant { index, name: Cow::Owned(index.as_usize().to_string()), ty: variant_ty, location }
                    })
                    .collect();
                vec![cx.variant_part(layout, node, location, &variants)]
            },
            None,
        )
    }

    /// The variant part of an enum or coroutine: the tag, and a member per variant.
    fn variant_part(
        &self,
        layout: TyAndLayout<'tcx>,
        owner: &'ll Metadata,
        location: Option<(&'ll Metadata, u32)>,
        variants: &[Variant<'_, 'll>],
    ) -> &'ll Metadata {
        let tag = match layout.variants {
            Variants::Single { .. } | Variants::Empty => None,
            Variants::Multiple { tag_field, .. } => {
                let base = tag_base_type(self.tcx, layout);
                let name = if matches!(layout.ty.kind(), ty::Coroutine(..)) { "__state" } else { "" };
                let offset = layout.fields.offset(tag_field.as_usize());
                Some(self.field(owner, name, self.layout_of(base), offset, flags::ARTIFICIAL, None))
            }
        };
        let (file, line) = location.unwrap_or_else(|| (self.unknown_file(), 0));
        let part = beyond_c_api::variant_part(self, owner, file, line, (layout.size, layout.align.abi), tag);
        let members: Vec<_> = variants
            .iter()
            .map(|variant| {
                let (file, line) = variant.location.unwrap_or_else(|| (self.unknown_file(), 0));
                let member = self.dbg().builder.member_type(
                    part,
                    &variant.name,
                    file,
                    line,
                    layout.size.bits(),
                    super::types::align_bits(layout.align.abi),
                    0,
                    flags::ZERO,
                    variant.ty,
                );
                if let Some(value) = self.discriminant(layout, variant.index) {
                    let tag_size = self.layout_of(tag_base_type(self.tcx, layout)).size;
                    let value = self.const_uint_big(self.type_int_of_bits(tag_size.bits()), value);
                    beyond_c_api::set_discriminant(self, member, value);
                }
                member
            })
            .collect();
        self.dbg().builder.replace_elements(part, &members);
        part
    }

    /// The tag value that marks the variant, if one value does: none for single-variant
    /// layouts and for the variant whose niche the others use.
    fn discriminant(&self, layout: TyAndLayout<'tcx>, index: VariantIdx) -> Option<u128> {
        match layout.variants {
            Variants::Single { .. } | Variants::Empty => None,
            Variants::Multiple { tag_encoding: TagEncoding::Direct, .. } => {
                Some(layout.ty.discriminant_for_variant(self.tcx, index).unwrap_or_else(|| bug!("no discriminant")).val)
            }
            Variants::Multiple {
                tag_encoding: TagEncoding::Niche { ref niche_variants, niche_start, untagged_variant },
                tag,
                ..
            } => {
                if index == untagged_variant {
                    return None;
                }
                let value = (index.as_u32() as u128)
                    .wrapping_sub(niche_variants.start().as_u32() as u128)
                    .wrapping_add(niche_start);
                Some(tag.size(self).truncate(value))
            }
        }
    }
}
