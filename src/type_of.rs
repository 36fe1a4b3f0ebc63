//! Layouts → LLVM types.
//!
//! The mapping must match rustc's built-in LLVM backend exactly: our objects link against the
//! std it built, and some of those types (byval/sret sizes, struct field indices used by
//! `struct_gep`, vector types of SIMD arguments) are visible across that boundary.
//!
//! The rules, all decided by the layout and never by the Rust type (so that
//! `repr(transparent)` wrappers lower like their field):
//! - scalars are their primitive (`bool` is `i8` in memory and `i1` as an immediate);
//! - SIMD vectors are LLVM vectors;
//! - unions and primitives-in-memory are one padding array of the right size and alignment;
//! - arrays are LLVM arrays;
//! - everything else is a struct whose fields are the layout's fields by increasing offset,
//!   with explicit padding arrays between them, packed when a field is under-aligned.
//!   ADTs, closures and coroutines get named structs (unless names are being saved).

use std::fmt::Write;

use rustc_abi::Primitive::{Float, Int, Pointer};
use rustc_abi::{Align, BackendRepr, FieldsShape, Integer, Reg, Scalar, Size, Variants};
use rustc_codegen_ssa::traits::*;
use rustc_middle::bug;
use rustc_middle::ty::layout::{LayoutOf, TyAndLayout};
use rustc_middle::ty::print::{with_no_trimmed_paths, with_no_visible_paths};
use rustc_middle::ty::{self, CoroutineArgsExt, Ty, TypeVisitableExt};
use rustc_target::callconv::{CastTarget, FnAbi};

use crate::abi::{FnAbiLlvmExt, LlvmType};
use crate::context::CodegenCx;
use crate::llvm::{self, Type};

/// The LLVM type of a non-scalar layout, computed without the cache.
///
/// A named struct's body may refer back to the struct itself (through the types of its
/// fields' fields), so its body is not built here: the struct is returned in `defer` and
/// its body set once the name is in the cache.
fn uncached_llvm_type<'ll, 'tcx>(
    cx: &CodegenCx<'ll, 'tcx>,
    layout: TyAndLayout<'tcx>,
    defer: &mut Option<(&'ll Type, TyAndLayout<'tcx>)>,
) -> &'ll Type {
    match layout.backend_repr {
        BackendRepr::Scalar(_) => bug!("scalars are lowered by `llvm_type` directly"),
        BackendRepr::SimdVector { element, count } => {
            let element = layout.scalar_llvm_type_at(cx, element);
            return cx.type_vector(element, count);
        }
        BackendRepr::SimdScalableVector { element, count, number_of_vectors } => {
            let element = if element.is_bool() { cx.type_i1() } else { layout.scalar_llvm_type_at(cx, element) };
            let vector = llvm::types::LLVMScalableVectorType(element, count as u32);
            return match number_of_vectors.0 {
                1 => vector,
                // Tuples of scalable vectors are plain structs of them.
                n @ 2..=8 => cx.type_struct(&vec![vector; n as usize], false),
                n => bug!("scalable vector tuple of {n} vectors"),
            };
        }
        BackendRepr::Memory { .. } | BackendRepr::ScalarPair(..) => {}
    }

    let name = struct_name(cx, layout);

    match layout.fields {
        FieldsShape::Primitive | FieldsShape::Union(_) => {
            let fill = cx.type_padding_filler(layout.size, layout.align.abi);
            match name {
                None => cx.type_struct(&[fill], false),
                Some(name) => {
                    let llty = cx.type_named_struct(&name);
                    cx.set_struct_body(llty, &[fill], false);
                    llty
                }
            }
        }
        FieldsShape::Array { count, .. } => cx.type_array(layout.field(cx, 0).llvm_type(cx), count),
        FieldsShape::Arbitrary { .. } => match name {
            None => {
                let (llfields, packed) = struct_llfields(cx, layout);
                cx.type_struct(&llfields, packed)
            }
            Some(name) => {
                let llty = cx.type_named_struct(&name);
                *defer = Some((llty, layout));
                llty
            }
        },
    }
}

/// The name cg_llvm gives the struct for this layout: the type's full path, plus the variant
/// for a single enum or coroutine variant. Only when names are kept (e.g. `--emit=llvm-ir`),
/// since building them costs time.
fn struct_name<'tcx>(cx: &CodegenCx<'_, 'tcx>, layout: TyAndLayout<'tcx>) -> Option<String> {
    // Trait objects stay unnamed: their printed names are not unique enough (HRTB, subtyping).
    let nameable = matches!(
        layout.ty.kind(),
        ty::Adt(..) | ty::Closure(..) | ty::CoroutineClosure(..) | ty::Foreign(..) | ty::Coroutine(..) | ty::Str
    );
    if !nameable || cx.sess().fewer_names() {
        return None;
    }
    let mut name = with_no_visible_paths!(with_no_trimmed_paths!(layout.ty.to_string()));
    if let Variants::Single { index } = layout.variants {
        match layout.ty.kind() {
            ty::Adt(def, _) if def.is_enum() => {
                write!(&mut name, "::{}", def.variant(index).name).unwrap();
            }
            ty::Coroutine(..) => {
                write!(&mut name, "::{}", ty::CoroutineArgs::variant_name(index)).unwrap();
            }
            _ => {}
        }
    }
    Some(name)
}

/// The element types of the struct for an `Arbitrary` layout, and whether it must be packed.
///
/// Fields go in memory order, with padding arrays wherever LLVM's own alignment would not put
/// the next field at its offset. The struct is packed when some field sits at an offset less
/// aligned than the field's type (`repr(packed)`, or fields of under-aligned enums).
fn struct_llfields<'ll, 'tcx>(cx: &CodegenCx<'ll, 'tcx>, layout: TyAndLayout<'tcx>) -> (Vec<&'ll Type>, bool) {
    let field_count = layout.fields.count();

    let mut packed = false;
    let mut offset = Size::ZERO;
    let mut prev_effective_align = layout.align.abi;
    let mut result: Vec<&'ll Type> = Vec::with_capacity(1 + field_count * 2);
    for i in layout.fields.index_by_increasing_offset() {
        let target_offset = layout.fields.offset(i);
        let field = layout.field(cx, i);
        let effective_field_align = layout.align.abi.min(field.align.abi).restrict_for_offset(target_offset);
        packed |= effective_field_align < field.align.abi;

        assert!(target_offset >= offset, "fields of {layout:?} overlap");
        let padding = target_offset - offset;
        if padding != Size::ZERO {
            let padding_align = prev_effective_align.min(effective_field_align);
            assert_eq!(offset.align_to(padding_align) + padding, target_offset);
            result.push(cx.type_padding_filler(padding, padding_align));
        }
        result.push(field.llvm_type(cx));
        offset = target_offset + field.size;
        prev_effective_align = effective_field_align;
    }
    // Trailing padding, so that the LLVM struct's size is the layout's size.
    if layout.is_sized() && field_count > 0 {
        if offset > layout.size {
            bug!("fields of {layout:?} end at {offset:?}, past its size");
        }
        let padding = layout.size - offset;
        if padding != Size::ZERO {
            let padding_align = prev_effective_align;
            assert_eq!(offset.align_to(padding_align) + padding, layout.size);
            result.push(cx.type_padding_filler(padding, padding_align));
        }
    }
    (result, packed)
}

impl<'ll, 'tcx> CodegenCx<'ll, 'tcx> {
    /// An array type of exactly `size` bytes whose alignment is at most `align`: integers of
    /// the largest size that `align` allows.
    pub fn type_padding_filler(&self, size: Size, align: Align) -> &'ll Type {
        let unit = Integer::approximate_align(self, align);
        let size = size.bytes();
        let unit_size = unit.size().bytes();
        assert_eq!(size % unit_size, 0, "padding of {size} bytes is not a multiple of {unit:?}");
        self.type_array(self.type_from_integer(unit), size / unit_size)
    }
}

pub trait LayoutLlvmExt<'tcx> {
    /// Whether values of this layout are a single LLVM SSA value.
    fn is_llvm_immediate(&self) -> bool;
    /// Whether values of this layout are a pair of LLVM SSA values.
    fn is_llvm_scalar_pair(&self) -> bool;
    /// The in-memory LLVM type: of allocas, loads and stores, and what places point to.
    ///
    /// Unsized types use their "minimal unit" (`[T]` → `T`, `str`/`dyn Trait` → `i8`); an
    /// unsized struct uses that for its trailing field.
    fn llvm_type<'ll>(&self, cx: &CodegenCx<'ll, 'tcx>) -> &'ll Type;
    /// The LLVM type of an SSA value of this layout: like `llvm_type`, but `bool` is `i1`
    /// and a scalar pair is a bare two-field struct.
    fn immediate_llvm_type<'ll>(&self, cx: &CodegenCx<'ll, 'tcx>) -> &'ll Type;
    fn scalar_llvm_type_at<'ll>(&self, cx: &CodegenCx<'ll, 'tcx>, scalar: Scalar) -> &'ll Type;
    fn scalar_pair_element_llvm_type<'ll>(&self, cx: &CodegenCx<'ll, 'tcx>, index: usize, immediate: bool)
    -> &'ll Type;
}

impl<'tcx> LayoutLlvmExt<'tcx> for TyAndLayout<'tcx> {
    fn is_llvm_immediate(&self) -> bool {
        match self.backend_repr {
            BackendRepr::Scalar(_) | BackendRepr::SimdVector { .. } | BackendRepr::SimdScalableVector { .. } => true,
            BackendRepr::ScalarPair(..) | BackendRepr::Memory { .. } => false,
        }
    }

    fn is_llvm_scalar_pair(&self) -> bool {
        matches!(self.backend_repr, BackendRepr::ScalarPair(..))
    }

    fn llvm_type<'ll>(&self, cx: &CodegenCx<'ll, 'tcx>) -> &'ll Type {
        if let BackendRepr::Scalar(scalar) = self.backend_repr {
            // Scalars have their own cache, keyed by type only: a pointer to an unsized type
            // is a scalar when it is the data part of a wide pointer, so the (type, variant)
            // cache below could not tell the two apart.
            if let Some(&llty) = cx.scalar_lltypes.borrow().get(&self.ty) {
                return llty;
            }
            let llty = self.scalar_llvm_type_at(cx, scalar);
            cx.scalar_lltypes.borrow_mut().insert(self.ty, llty);
            return llty;
        }

        let variant_index = match self.variants {
            Variants::Single { index } => Some(index),
            _ => None,
        };
        if let Some(&llty) = cx.type_lowering.borrow().get(&(self.ty, variant_index)) {
            return llty;
        }

        assert!(!self.ty.has_escaping_bound_vars(), "{:?} has escaping bound vars", self.ty);

        // Types differing only in lifetimes must share one LLVM type (named structs with the
        // same name would otherwise be distinct types `%T` and `%T.0`).
        let normal_ty = cx.tcx.erase_and_anonymize_regions(self.ty);

        let mut defer = None;
        let llty = if self.ty != normal_ty {
            let mut layout = cx.layout_of(normal_ty);
            if let Some(v) = variant_index {
                layout = layout.for_variant(cx, v);
            }
            layout.llvm_type(cx)
        } else {
            uncached_llvm_type(cx, *self, &mut defer)
        };

        cx.type_lowering.borrow_mut().insert((self.ty, variant_index), llty);

        if let Some((llty, layout)) = defer {
            let (llfields, packed) = struct_llfields(cx, layout);
            cx.set_struct_body(llty, &llfields, packed);
        }
        llty
    }

    fn immediate_llvm_type<'ll>(&self, cx: &CodegenCx<'ll, 'tcx>) -> &'ll Type {
        match self.backend_repr {
            BackendRepr::Scalar(scalar) if scalar.is_bool() => cx.type_i1(),
            // Immediate pairs are never stored as such, so no padding between the two.
            BackendRepr::ScalarPair(..) => cx.type_struct(
                &[self.scalar_pair_element_llvm_type(cx, 0, true), self.scalar_pair_element_llvm_type(cx, 1, true)],
                false,
            ),
            _ => self.llvm_type(cx),
        }
    }

    fn scalar_llvm_type_at<'ll>(&self, cx: &CodegenCx<'ll, 'tcx>, scalar: Scalar) -> &'ll Type {
        match scalar.primitive() {
            Int(i, _) => cx.type_from_integer(i),
            Float(f) => cx.type_from_float(f),
            Pointer(address_space) => cx.type_ptr_ext(address_space),
        }
    }

    fn scalar_pair_element_llvm_type<'ll>(
        &self,
        cx: &CodegenCx<'ll, 'tcx>,
        index: usize,
        immediate: bool,
    ) -> &'ll Type {
        let BackendRepr::ScalarPair(a, b) = self.backend_repr else {
            bug!("scalar_pair_element_llvm_type({self:?}): not a scalar pair");
        };
        let scalar = [a, b][index];
        // Same as `immediate_llvm_type`: a `bool` half is `i1` as an immediate, `i8` in memory.
        if immediate && scalar.is_bool() {
            return cx.type_i1();
        }
        self.scalar_llvm_type_at(cx, scalar)
    }
}

impl<'ll, 'tcx> LayoutTypeCodegenMethods<'tcx> for CodegenCx<'ll, 'tcx> {
    fn backend_type(&self, layout: TyAndLayout<'tcx>) -> &'ll Type {
        layout.llvm_type(self)
    }
    fn cast_backend_type(&self, ty: &CastTarget) -> &'ll Type {
        ty.llvm_type(self)
    }
    fn fn_decl_backend_type(&self, fn_abi: &FnAbi<'tcx, Ty<'tcx>>) -> &'ll Type {
        fn_abi.llvm_type(self)
    }
    fn fn_ptr_backend_type(&self, fn_abi: &FnAbi<'tcx, Ty<'tcx>>) -> &'ll Type {
        fn_abi.ptr_to_llvm_type(self)
    }
    fn reg_backend_type(&self, ty: &Reg) -> &'ll Type {
        ty.llvm_type(self)
    }
    fn immediate_backend_type(&self, layout: TyAndLayout<'tcx>) -> &'ll Type {
        layout.immediate_llvm_type(self)
    }
    fn is_backend_immediate(&self, layout: TyAndLayout<'tcx>) -> bool {
        layout.is_llvm_immediate()
    }
    fn is_backend_scalar_pair(&self, layout: TyAndLayout<'tcx>) -> bool {
        layout.is_llvm_scalar_pair()
    }
    fn scalar_pair_element_backend_type(&self, layout: TyAndLayout<'tcx>, index: usize, immediate: bool) -> &'ll Type {
        layout.scalar_pair_element_llvm_type(self, index, immediate)
    }
}
