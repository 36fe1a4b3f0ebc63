//! Type descriptions (`-Cdebuginfo=full`): one debug-info node per Rust type and module, in
//! the layout gdb's Rust support and the Rust pretty printers read (the names come from
//! rustc_codegen_ssa's `type_names`, so they are the built-in backend's).
//!
//! Composite types are made as member-less stubs first and put in the map before their members
//! are described, so that recursive types (`struct List { next: Option<Box<List>> }`) refer to
//! their own stub. Each stub has an identifier unique to its Rust type: adding the members
//! later re-uniques the node in place and can never merge it with another type's.
//! Enums and coroutines are in `enums.rs`.

use std::borrow::Cow;

use rustc_abi::{Align, Size};
use rustc_codegen_ssa::debuginfo::type_names::{
    VTableNameKind, compute_debuginfo_type_name, compute_debuginfo_vtable_name,
};
use rustc_codegen_ssa::traits::*;
use rustc_data_structures::fingerprint::Fingerprint;
use rustc_data_structures::stable_hash::{StableHash, StableHasher};
use rustc_hir::def::CtorKind;
use rustc_hir::def_id::DefId;
use rustc_middle::bug;
use rustc_middle::ty::layout::{HasTypingEnv, LayoutOf, TyAndLayout, WIDE_PTR_ADDR, WIDE_PTR_EXTRA};
use rustc_middle::ty::{
    self, AdtKind, CoroutineArgsExt, ExistentialTraitRef, GenericArgsRef, Ty, Unnormalized, Visibility,
};
use rustc_span::{DUMMY_SP, hygiene};

use super::{TypeKey, beyond_c_api};
use crate::context::CodegenCx;
use crate::llvm::Metadata;
use crate::llvm::debuginfo::{encoding, flags};

/// Where a type or member was defined: its file and line (line 0 and the `<unknown>` file
/// unless `-Zdebug-info-type-line-numbers` asks for them, as with the built-in backend).
pub(super) type DefLocation<'ll> = (&'ll Metadata, u32);

/// A composite type being described: its node, and its members once known.
pub(super) struct Stub<'ll, 'tcx> {
    pub node: &'ll Metadata,
    key: TypeKey<'tcx>,
}

impl<'ll, 'tcx> CodegenCx<'ll, 'tcx> {
    /// The debug-info node of a type, made once per module.
    pub(super) fn type_di_node(&self, ty: Ty<'tcx>) -> &'ll Metadata {
        let key = TypeKey::Ty(ty);
        if let Some(node) = self.known_type(key) {
            return node;
        }
        let node = match *ty.kind() {
            ty::Never | ty::Bool | ty::Char | ty::Int(_) | ty::Uint(_) | ty::Float(_) => self.basic_type(ty),
            ty::Tuple(elements) if elements.is_empty() => self.basic_type(ty),
            ty::Array(element, len) => {
                let element = self.type_di_node(element);
                if let Some(node) = self.known_type(key) {
                    return node;
                }
                let layout = self.layout_of(ty);
                let count =
                    len.try_to_target_usize(self.tcx).unwrap_or_else(|| bug!("array length of {ty} in codegen"));
                self.dbg().builder.array_type(layout.size.bits(), align_bits(layout.align.abi), element, count)
            }
            // The element type: `&[T]`'s data pointer points at a `T` (gdb loops forever on
            // arrays of unknown size, so the built-in backend describes them this way too).
            ty::Slice(element) => self.type_di_node(element),
            ty::Str => self.type_di_node(self.tcx.types.u8),
            ty::Dynamic(..) => {
                let name = compute_debuginfo_type_name(self.tcx, ty, true);
                let stub = self.stub(key, &name, None, None, self.size_and_align(ty), flags::ZERO, None);
                return self.complete(stub, |_, _| vec![], None);
            }
            ty::Foreign(def_id) => {
                let name = compute_debuginfo_type_name(self.tcx, ty, false);
                let scope = self.namespace(self.tcx.parent(def_id));
                let stub = self.stub(key, &name, None, Some(scope), self.size_and_align(ty), flags::ZERO, None);
                return self.complete(stub, |_, _| vec![], None);
            }
            ty::RawPtr(pointee, _) | ty::Ref(_, pointee, _) => match self.pointer_type(ty, pointee) {
                Ok(node) => node,
                Err(node) => return node,
            },
            // A `Box` with a zero-sized allocator is described as the pointer it is.
            ty::Adt(def, args)
                if def.is_box() && args.get(1).is_none_or(|a| self.layout_of(a.expect_ty()).is_1zst()) =>
            {
                match self.pointer_type(ty, ty.expect_boxed_ty()) {
                    Ok(node) => node,
                    Err(node) => return node,
                }
            }
            ty::FnDef(..) | ty::FnPtr(..) => self.fn_pointer_type(ty),
            ty::Closure(def_id, _) | ty::CoroutineClosure(def_id, _) => return self.closure_type(ty, def_id),
            ty::Coroutine(..) => return self.coroutine_type(ty),
            ty::Adt(def, _) => match def.adt_kind() {
                AdtKind::Struct | AdtKind::Union => return self.struct_or_union_type(ty, def),
                AdtKind::Enum => return self.enum_type(ty, def),
            },
            ty::Tuple(elements) => {
                let name = compute_debuginfo_type_name(self.tcx, ty, false);
                let stub = self.stub(key, &name, None, None, self.size_and_align(ty), flags::ZERO, None);
                let layout = self.layout_of(ty);
                return self.complete(
                    stub,
                    |cx, owner| {
                        elements
                            .iter()
                            .enumerate()
                            .map(|(i, element)| {
                                let name = tuple_field_name(i);
                                cx.field(
                                    owner,
                                    &name,
                                    cx.layout_of(element),
                                    layout.fields.offset(i),
                                    flags::ZERO,
                                    None,
                                )
                            })
                            .collect()
                    },
                    None,
                );
            }
            ty::Pat(base, _) => return self.type_di_node(base),
            ty::UnsafeBinder(inner) => {
                let inner = inner.skip_binder();
                let name = compute_debuginfo_type_name(self.tcx, ty, true);
                let stub = self.stub(key, &name, None, None, self.size_and_align(ty), flags::ZERO, None);
                return self.complete(
                    stub,
                    |cx, owner| vec![cx.field(owner, "inner", cx.layout_of(inner), Size::ZERO, flags::ZERO, None)],
                    None,
                );
            }
            ty::Alias(..)
            | ty::Param(_)
            | ty::Bound(..)
            | ty::Infer(_)
            | ty::Placeholder(_)
            | ty::CoroutineWitness(..)
            | ty::Error(_) => bug!("debuginfo of the type {ty:?} in codegen"),
        };
        self.remember_type(key, node);
        node
    }

    pub(super) fn known_type(&self, key: TypeKey<'tcx>) -> Option<&'ll Metadata> {
        self.dbg().types.borrow().get(&key).copied()
    }

    pub(super) fn remember_type(&self, key: TypeKey<'tcx>, node: &'ll Metadata) {
        if self.dbg().types.borrow_mut().insert(key, node).is_some() {
            bug!("debuginfo of {key:?} made twice");
        }
    }

    pub(super) fn size_and_align(&self, ty: Ty<'tcx>) -> (Size, Align) {
        let layout = self.layout_of(ty);
        (layout.size, layout.align.abi)
    }

    /// `bool`, `char`, numbers, `()` and `!`.
    fn basic_type(&self, ty: Ty<'tcx>) -> &'ll Metadata {
        let (name, encoding) = match ty.kind() {
            ty::Never => ("!", encoding::UNSIGNED),
            ty::Tuple(_) => ("()", encoding::UNSIGNED),
            ty::Bool => ("bool", encoding::BOOLEAN),
            ty::Char => ("char", encoding::UTF),
            ty::Int(int) => (int.name_str(), encoding::SIGNED),
            ty::Uint(uint) => (uint.name_str(), encoding::UNSIGNED),
            ty::Float(float) => (float.name_str(), encoding::FLOAT),
            _ => bug!("{ty} is not a basic type"),
        };
        self.dbg().builder.basic_type(name, self.layout_of(ty).size.bits(), encoding)
    }

    /// A thin pointer, or for a wide one a struct of the data pointer and the length or vtable.
    /// `Err` holds a node that was made while describing the pointee.
    fn pointer_type(&self, ty: Ty<'tcx>, pointee: Ty<'tcx>) -> Result<&'ll Metadata, &'ll Metadata> {
        let key = TypeKey::Ty(ty);
        let pointee_node = self.type_di_node(pointee);
        if let Some(node) = self.known_type(key) {
            return Err(node);
        }
        let name = compute_debuginfo_type_name(self.tcx, ty, true);
        let (size, align) = (self.tcx.data_layout.pointer_size(), self.tcx.data_layout.pointer_align().abi);
        let Some(wide) = self.wide_pointer_kind(pointee) else {
            return Ok(self.dbg().builder.pointer_type(pointee_node, size.bits(), align_bits(align), &name));
        };
        let stub = self.stub(key, &name, None, None, self.size_and_align(ty), flags::ZERO, None);
        // A `Box`'s fields are those of the raw pointer it holds.
        let layout = self.layout_of(if ty.is_box() { Ty::new_mut_ptr(self.tcx, pointee) } else { ty });
        let (address_name, extra_name) = match wide {
            WidePointer::Dyn => ("pointer", "vtable"),
            WidePointer::Slice => ("data_ptr", "length"),
        };
        Err(self.complete(
            stub,
            |cx, owner| {
                let address = layout.field(cx, WIDE_PTR_ADDR);
                let extra = layout.field(cx, WIDE_PTR_EXTRA);
                let data_pointer =
                    cx.dbg().builder.pointer_type(pointee_node, address.size.bits(), align_bits(address.align.abi), "");
                vec![
                    cx.member(
                        owner,
                        address_name,
                        address,
                        layout.fields.offset(WIDE_PTR_ADDR),
                        flags::ZERO,
                        data_pointer,
                        None,
                    ),
                    cx.field(owner, extra_name, extra, layout.fields.offset(WIDE_PTR_EXTRA), flags::ZERO, None),
                ]
            },
            None,
        ))
    }

    fn wide_pointer_kind(&self, pointee: Ty<'tcx>) -> Option<WidePointer> {
        let tail = self.tcx.struct_tail_for_codegen(pointee, self.typing_env());
        if self.layout_of(tail).is_sized() {
            return None;
        }
        match tail.kind() {
            ty::Str | ty::Slice(_) => Some(WidePointer::Slice),
            ty::Dynamic(..) => Some(WidePointer::Dyn),
            ty::Foreign(_) => None,
            _ => bug!("a wide pointer to {tail}"),
        }
    }

    /// A function item or pointer: a pointer to its subroutine type.
    fn fn_pointer_type(&self, ty: Ty<'tcx>) -> &'ll Metadata {
        let key = TypeKey::Ty(ty);
        // A function can return itself (`fn f() -> impl Copy { f }`), which the nodes cannot
        // express: the recursion ends at a marker type.
        let marker = self.recursion_marker_type();
        self.dbg().types.borrow_mut().insert(key, marker);
        let signature = self.tcx.normalize_erasing_late_bound_regions(self.typing_env(), ty.fn_sig(self.tcx));
        let mut types = vec![match signature.output().kind() {
            ty::Tuple(elements) if elements.is_empty() => None,
            _ => Some(self.type_di_node(signature.output())),
        }];
        types.extend(signature.inputs().iter().map(|&input| Some(self.type_di_node(input))));
        self.dbg().types.borrow_mut().remove(&key);
        let subroutine = self.dbg().builder.subroutine_type(&types);
        let name = compute_debuginfo_type_name(self.tcx, ty, false);
        let (size, align) = match ty.kind() {
            ty::FnDef(..) => (Size::ZERO, Align::ONE),
            _ => (self.tcx.data_layout.pointer_size(), self.tcx.data_layout.pointer_align().abi),
        };
        self.dbg().builder.pointer_type(subroutine, size.bits(), align_bits(align), &name)
    }

    fn recursion_marker_type(&self) -> &'ll Metadata {
        *self.dbg().recursion_marker.get_or_init(|| {
            self.dbg().builder.basic_type(
                "<recur_type>",
                self.tcx.data_layout.pointer_size().bits(),
                encoding::UNSIGNED,
            )
        })
    }

    fn struct_or_union_type(&self, ty: Ty<'tcx>, def: ty::AdtDef<'tcx>) -> &'ll Metadata {
        let layout = self.layout_of(ty);
        let variant = def.non_enum_variant();
        let name = compute_debuginfo_type_name(self.tcx, ty, false);
        let scope = self.namespace(self.tcx.parent(def.did()));
        let location = self.type_location(def.did());
        let is_union = def.is_union();
        let stub_flags = if is_union { flags::ZERO } else { visibility_flags(self, def.did(), def.did()) };
        let stub = if is_union {
            self.union_stub(TypeKey::Ty(ty), &name, location, scope, (layout.size, layout.align.abi))
        } else {
            self.stub(TypeKey::Ty(ty), &name, location, Some(scope), (layout.size, layout.align.abi), stub_flags, None)
        };
        self.complete(
            stub,
            |cx, owner| {
                variant
                    .fields
                    .iter()
                    .enumerate()
                    .map(|(i, field)| {
                        let name = if variant.ctor_kind() == Some(CtorKind::Fn) {
                            tuple_field_name(i)
                        } else {
                            Cow::Borrowed(field.name.as_str())
                        };
                        let (offset, field_flags) = if is_union {
                            (Size::ZERO, flags::ZERO)
                        } else {
                            (layout.fields.offset(i), visibility_flags(cx, field.did, def.did()))
                        };
                        cx.field(owner, &name, layout.field(cx, i), offset, field_flags, Some(field.did))
                    })
                    .collect()
            },
            Some(ty),
        )
    }

    fn closure_type(&self, ty: Ty<'tcx>, def_id: DefId) -> &'ll Metadata {
        let name = compute_debuginfo_type_name(self.tcx, ty, false);
        let scope = self.namespace(self.tcx.parent(def_id));
        let location = self.type_location(def_id);
        let stub = self.stub(TypeKey::Ty(ty), &name, location, Some(scope), self.size_and_align(ty), flags::ZERO, None);
        self.complete(stub, |cx, owner| cx.upvar_fields(ty, owner), None)
    }

    /// The captured variables of a closure or coroutine, by name.
    pub(super) fn upvar_fields(&self, ty: Ty<'tcx>, owner: &'ll Metadata) -> Vec<&'ll Metadata> {
        let (def_id, upvars) = match *ty.kind() {
            ty::Coroutine(def_id, args) => (def_id, args.as_coroutine().prefix_tys()),
            ty::Closure(def_id, args) => (def_id, args.as_closure().upvar_tys()),
            ty::CoroutineClosure(def_id, args) => (def_id, args.as_coroutine_closure().upvar_tys()),
            _ => bug!("upvars of {ty}"),
        };
        let names = self.tcx.closure_saved_names_of_captured_variables(def_id);
        let layout = self.layout_of(ty);
        upvars
            .iter()
            .zip(names)
            .enumerate()
            .map(|(i, (upvar, name))| {
                self.field(owner, name.as_str(), self.layout_of(upvar), layout.fields.offset(i), flags::ZERO, None)
            })
            .collect()
    }

    /// The type of a vtable: a struct of its entries.
    pub(super) fn vtable_type(&self, ty: Ty<'tcx>, trait_ref: Option<ExistentialTraitRef<'tcx>>) -> &'ll Metadata {
        let tcx = self.tcx;
        let entries = match trait_ref {
            Some(trait_ref) => tcx.vtable_entries(tcx.erase_and_anonymize_regions(trait_ref.with_self_ty(tcx, ty))),
            None => ty::TyCtxt::COMMON_VTABLE_ENTRIES,
        };
        let void_pointer = self.type_di_node(Ty::new_imm_ptr(tcx, tcx.types.unit));
        let usize_node = self.type_di_node(tcx.types.usize);
        let pointer_layout = self.layout_of(Ty::new_imm_ptr(tcx, tcx.types.unit));
        let name = compute_debuginfo_vtable_name(tcx, ty, trait_ref, VTableNameKind::Type);
        let size = pointer_layout.size * entries.len() as u64;
        let holder = self.type_di_node(ty);
        let stub = self.stub(
            TypeKey::VTable(ty, trait_ref),
            &name,
            None,
            None,
            (size, pointer_layout.align.abi),
            flags::ARTIFICIAL,
            Some(holder),
        );
        self.complete(
            stub,
            |cx, owner| {
                entries
                    .iter()
                    .enumerate()
                    .filter_map(|(i, entry)| {
                        let (name, node) = match entry {
                            ty::VtblEntry::MetadataDropInPlace => ("drop_in_place".to_string(), void_pointer),
                            ty::VtblEntry::Method(_) => (format!("__method{i}"), void_pointer),
                            ty::VtblEntry::TraitVPtr(_) => (format!("__super_trait_ptr{i}"), void_pointer),
                            ty::VtblEntry::MetadataAlign => ("align".to_string(), usize_node),
                            ty::VtblEntry::MetadataSize => ("size".to_string(), usize_node),
                            ty::VtblEntry::Vacant => return None,
                        };
                        Some(cx.member(
                            owner,
                            &name,
                            pointer_layout,
                            pointer_layout.size * i as u64,
                            flags::ZERO,
                            node,
                            None,
                        ))
                    })
                    .collect()
            },
            None,
        )
    }

    /// A member-less struct for `key`, named `name`, inside `scope`; `holder` is the type whose
    /// vtable this is.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn stub(
        &self,
        key: TypeKey<'tcx>,
        name: &str,
        location: Option<DefLocation<'ll>>,
        scope: Option<&'ll Metadata>,
        (size, align): (Size, Align),
        stub_flags: i32,
        holder: Option<&'ll Metadata>,
    ) -> Stub<'ll, 'tcx> {
        let (file, line) = location.unwrap_or_else(|| (self.unknown_file(), 0));
        let identifier = self.type_identifier(key);
        let node = self.dbg().builder.struct_type(
            scope,
            name,
            file,
            line,
            size.bits(),
            align_bits(align),
            stub_flags,
            holder,
            &identifier,
        );
        Stub { node, key }
    }

    fn union_stub(
        &self,
        key: TypeKey<'tcx>,
        name: &str,
        location: Option<DefLocation<'ll>>,
        scope: &'ll Metadata,
        (size, align): (Size, Align),
    ) -> Stub<'ll, 'tcx> {
        let (file, line) = location.unwrap_or_else(|| (self.unknown_file(), 0));
        let identifier = self.type_identifier(key);
        let node = self.dbg().builder.union_type(
            Some(scope),
            name,
            file,
            line,
            size.bits(),
            align_bits(align),
            flags::ZERO,
            &identifier,
        );
        Stub { node, key }
    }

    /// Puts the stub in the map, then describes its members (and the generic type parameters
    /// of `generics_of`). A generic type that would expand into ever larger instances of itself
    /// (`struct S<T> { next: Option<Box<S<Vec<T>>>> }`) stays a stub at the second level.
    pub(super) fn complete(
        &self,
        stub: Stub<'ll, 'tcx>,
        members: impl FnOnce(&Self, &'ll Metadata) -> Vec<&'ll Metadata>,
        generics_of: Option<Ty<'tcx>>,
    ) -> &'ll Metadata {
        let adt = match stub.key {
            TypeKey::Ty(ty) => match ty.kind() {
                ty::Adt(def, args) => Some((def.did(), *args)),
                _ => None,
            },
            _ => None,
        };
        if let Some((def_id, args)) = adt {
            if self.expands_recursively(def_id, args) {
                return stub.node;
            }
            self.dbg().adt_stack.borrow_mut().push((def_id, args));
        }
        self.remember_type(stub.key, stub.node);
        let members = members(self, stub.node);
        if !members.is_empty() {
            self.dbg().builder.replace_elements(stub.node, &members);
        }
        if let Some(ty) = generics_of {
            let parameters = self.generic_type_parameters(ty);
            if !parameters.is_empty() {
                beyond_c_api::set_template_params(self, stub.node, &parameters);
            }
        }
        if adt.is_some() {
            self.dbg().adt_stack.borrow_mut().pop();
        }
        stub.node
    }

    /// Whether describing the ADT `def_id<args>` now, inside the ADTs being described, would
    /// go on forever: an ancestor is the same ADT, one of our type arguments strictly contains
    /// its argument, and every ADT in between has an argument that contains it too.
    fn expands_recursively(&self, def_id: DefId, args: GenericArgsRef<'tcx>) -> bool {
        let stack = self.dbg().adt_stack.borrow();
        stack.iter().enumerate().rev().filter(|(_, (ancestor, _))| *ancestor == def_id).any(
            |(index, (_, ancestor_args))| {
                args.iter().zip(ancestor_args.iter()).filter_map(|(a, b)| a.as_type().zip(b.as_type())).any(
                    |(arg, ancestor_arg)| {
                        arg != ancestor_arg
                            && arg.contains(ancestor_arg)
                            && stack[index + 1..]
                                .iter()
                                .all(|(_, between)| between.types().any(|t| t.contains(ancestor_arg)))
                    },
                )
            },
        )
    }

    /// A member described by its layout, of the type the layout has.
    pub(super) fn field(
        &self,
        owner: &'ll Metadata,
        name: &str,
        layout: TyAndLayout<'tcx>,
        offset: Size,
        member_flags: i32,
        def_id: Option<DefId>,
    ) -> &'ll Metadata {
        let ty = self.type_di_node(layout.ty);
        self.member(owner, name, layout, offset, member_flags, ty, def_id)
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn member(
        &self,
        owner: &'ll Metadata,
        name: &str,
        layout: TyAndLayout<'tcx>,
        offset: Size,
        member_flags: i32,
        ty: &'ll Metadata,
        def_id: Option<DefId>,
    ) -> &'ll Metadata {
        let (file, line) = def_id.and_then(|d| self.type_location(d)).unwrap_or_else(|| (self.unknown_file(), 0));
        self.dbg().builder.member_type(
            owner,
            name,
            file,
            line,
            layout.size.bits(),
            align_bits(layout.align.abi),
            offset.bits(),
            member_flags,
            ty,
        )
    }

    /// The template type parameters of a generic ADT (`T = u32`), for debuggers that show them.
    pub(super) fn generic_type_parameters(&self, ty: Ty<'tcx>) -> Vec<&'ll Metadata> {
        let ty::Adt(def, args) = *ty.kind() else { return vec![] };
        if args.types().next().is_none() {
            return vec![];
        }
        self.template_parameters(self.tcx.generics_of(def.did()), args)
    }

    /// `(name, type)` template parameters for the type arguments among `args`.
    pub(super) fn template_parameters(
        &self,
        generics: &ty::Generics,
        args: GenericArgsRef<'tcx>,
    ) -> Vec<&'ll Metadata> {
        let mut names = Vec::new();
        let mut generics = Some(generics);
        while let Some(g) = generics {
            names.splice(0..0, g.own_params.iter().map(|p| p.name));
            generics = g.parent.map(|parent| self.tcx.generics_of(parent));
        }
        args.iter()
            .zip(names)
            .filter_map(|(arg, name)| {
                let ty = self.tcx.normalize_erasing_regions(self.typing_env(), Unnormalized::new_wip(arg.as_type()?));
                let node = self.type_di_node(ty);
                Some(beyond_c_api::template_type_parameter(self, name, node))
            })
            .collect()
    }

    /// The file and line of a definition, with `-Zdebug-info-type-line-numbers` only.
    pub(super) fn type_location(&self, def_id: DefId) -> Option<DefLocation<'ll>> {
        self.sess().opts.unstable_opts.debug_info_type_line_numbers.then(|| self.def_location(def_id))
    }

    /// The file and line of a definition; for one a macro made, of the macro's outermost call.
    pub(super) fn def_location(&self, def_id: DefId) -> DefLocation<'ll> {
        let span = hygiene::walk_chain_collapsed(self.tcx.def_span(def_id), DUMMY_SP);
        if span.is_dummy() {
            return (self.unknown_file(), 0);
        }
        let pos = self.source_pos(span.lo());
        (self.file_metadata(&pos.file), pos.line)
    }

    pub(super) fn unknown_file(&self) -> &'ll Metadata {
        *self
            .dbg()
            .unknown_file
            .get_or_init(|| self.dbg().builder.file("<unknown>", "", crate::llvm::debuginfo::Checksum::None, None))
    }

    /// A string unique to the type: a stable hash of its key.
    fn type_identifier(&self, key: TypeKey<'tcx>) -> String {
        let mut hasher = StableHasher::new();
        self.tcx.with_stable_hashing_context(|mut hcx| {
            hcx.while_hashing_spans(false, |hcx| key.stable_hash(hcx, &mut hasher))
        });
        hasher.finish::<Fingerprint>().to_hex()
    }
}

enum WidePointer {
    Slice,
    Dyn,
}

pub(super) fn align_bits(align: Align) -> u32 {
    align.bits() as u32
}

/// `__0`, `__1`, …: the members of tuples and tuple structs.
pub(super) fn tuple_field_name(index: usize) -> Cow<'static, str> {
    const NAMES: [&str; 8] = ["__0", "__1", "__2", "__3", "__4", "__5", "__6", "__7"];
    NAMES.get(index).map(|&n| Cow::Borrowed(n)).unwrap_or_else(|| Cow::Owned(format!("__{index}")))
}

/// Public, private (visible in the type's own module only) or protected (anything between).
pub(super) fn visibility_flags(cx: &CodegenCx<'_, '_>, def_id: DefId, type_def_id: DefId) -> i32 {
    match cx.tcx.visibility(def_id) {
        Visibility::Public => flags::PUBLIC,
        Visibility::Restricted(module) if module == cx.tcx.parent(type_def_id) => flags::PRIVATE,
        Visibility::Restricted(_) => flags::PROTECTED,
    }
}
