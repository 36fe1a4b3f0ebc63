//! `FnAbi` → LLVM: function types, calling conventions, parameter and return attributes, and
//! storing incoming arguments and call results into places.
//!
//! Everything here must agree with rustc's built-in LLVM backend, since our code calls and is
//! called by std built with it: the number and LLVM types of parameters for each `PassMode`,
//! `sret`/`byval` with their types, `inreg`, `zeroext`/`signext` and alignment are ABI. The
//! rest (`noalias`, `dereferenceable`, `range`, …) only helps the optimizer and is emitted
//! when optimizing, as cg_llvm does.

use std::cmp;

use rustc_abi::{
    ArmCall, BackendRepr, CanonAbi, HasDataLayout, InterruptKind, Primitive, Reg, RegKind, Scalar, Size, WrappingRange,
    X86Call,
};
use rustc_codegen_ssa::MemFlags;
use rustc_codegen_ssa::mir::operand::{OperandRef, OperandValue};
use rustc_codegen_ssa::mir::place::{PlaceRef, PlaceValue};
use rustc_codegen_ssa::traits::*;
use rustc_middle::bug;
use rustc_middle::ty::layout::LayoutOf;
use rustc_middle::ty::{self, Instance, Ty};
use rustc_session::Session;
use rustc_session::config::OptLevel;
use rustc_target::callconv::{ArgAbi, ArgAttribute, ArgAttributes, ArgExtension, CastTarget, FnAbi, PassMode};
use rustc_target::spec::SanitizerSet;

use crate::builder::Builder;
use crate::context::CodegenCx;
use crate::llvm::{self, Attribute, AttributePlace, Type, Value};
use crate::type_of::LayoutLlvmExt;

/// `LLVMCallConv` values the C API's enum lacks (from LLVM's `CallingConv.h`).
const PRESERVE_NONE_CALL_CONV: u32 = 21;

/// Attributes that change how an argument is passed: always emitted.
const ABI_AFFECTING_ATTRIBUTES: [(ArgAttribute, &str); 1] = [(ArgAttribute::InReg, "inreg")];

/// Attributes that only describe the argument to the optimizer.
const OPTIMIZATION_ATTRIBUTES: [(ArgAttribute, &str); 5] = [
    (ArgAttribute::NoAlias, "noalias"),
    (ArgAttribute::NonNull, "nonnull"),
    (ArgAttribute::ReadOnly, "readonly"),
    (ArgAttribute::NoUndef, "noundef"),
    (ArgAttribute::Writable, "writable"),
];

/// `captures(...)` values, encoded as LLVM's `CaptureInfo::toIntValue()`: the components
/// captured through anything but the return value in bits 4..8, and through the return value
/// in bits 0..4. Components: address-is-null = 1, address = 2|1, read-provenance = 4.
/// The flags nest (`CapturesNone` ⊃ `CapturesAddress` ⊃ `CapturesReadOnly`), so the first
/// one that matches is the strongest.
const CAPTURES_ATTRIBUTES: [(ArgAttribute, u64); 3] =
    [(ArgAttribute::CapturesNone, 0x00), (ArgAttribute::CapturesAddress, 0x33), (ArgAttribute::CapturesReadOnly, 0x77)];

fn is_optimizing(cx: &CodegenCx<'_, '_>) -> bool {
    cx.tcx.sess.opts.optimize != OptLevel::No
}

fn attr<'ll>(cx: &CodegenCx<'ll, '_>, name: &str) -> &'ll Attribute {
    llvm::enum_attr(cx.llcx, name, 0)
}

/// The LLVM attributes for one parameter (or the return value).
fn arg_attrs<'ll>(this: &ArgAttributes, cx: &CodegenCx<'ll, '_>) -> Vec<&'ll Attribute> {
    let llcx = cx.llcx;
    let mut regular = this.regular;
    let mut attrs = Vec::new();

    for (flag, name) in ABI_AFFECTING_ATTRIBUTES {
        if regular.contains(flag) {
            attrs.push(attr(cx, name));
        }
    }
    if let Some(align) = this.pointee_align {
        attrs.push(llvm::enum_attr(llcx, "align", align.bytes()));
    }
    match this.arg_ext {
        ArgExtension::None => {}
        ArgExtension::Zext => attrs.push(attr(cx, "zeroext")),
        ArgExtension::Sext => attrs.push(attr(cx, "signext")),
    }

    if is_optimizing(cx) {
        let deref = this.pointee_size.bytes();
        if deref != 0 {
            // `dereferenceable` implies `nonnull`, so that one is not repeated.
            if regular.contains(ArgAttribute::NonNull) {
                attrs.push(llvm::enum_attr(llcx, "dereferenceable", deref));
            } else {
                attrs.push(llvm::enum_attr(llcx, "dereferenceable_or_null", deref));
            }
            regular -= ArgAttribute::NonNull;
        }
        for (flag, name) in OPTIMIZATION_ATTRIBUTES {
            if regular.contains(flag) {
                attrs.push(attr(cx, name));
            }
        }
        if let Some(&(_, captures)) = CAPTURES_ATTRIBUTES.iter().find(|(flag, _)| regular.contains(*flag)) {
            attrs.push(llvm::enum_attr(llcx, "captures", captures));
        }
    } else if cx.tcx.sess.sanitizers().contains(SanitizerSet::MEMORY) {
        // MemorySanitizer checks `noundef` values, so it matters even without optimizations.
        if regular.contains(ArgAttribute::NoUndef) {
            attrs.push(attr(cx, "noundef"));
        }
    }
    attrs
}

/// `range(iN lo, hi)` for an integer scalar's valid range (LLVM's upper bound is exclusive
/// and may wrap, like rustc's `WrappingRange` with its inclusive end).
fn range_attr<'ll>(cx: &CodegenCx<'ll, '_>, size: Size, range: WrappingRange) -> &'ll Attribute {
    let words = |x: u128| [x as u64, (x >> 64) as u64];
    let lower = words(range.start);
    let upper = words(range.end.wrapping_add(1));
    llvm::range_attr(cx.llcx, size.bits() as u32, &lower, &upper)
}

/// An array of `size` bytes: the type cg_llvm gives `sret` and `byval` (only the size and the
/// separate `align` attribute matter to LLVM).
fn byte_array<'ll>(cx: &CodegenCx<'ll, '_>, size: Size) -> &'ll Type {
    cx.type_array(cx.type_i8(), size.bytes())
}

pub trait LlvmType {
    fn llvm_type<'ll>(&self, cx: &CodegenCx<'ll, '_>) -> &'ll Type;
}

impl LlvmType for Reg {
    fn llvm_type<'ll>(&self, cx: &CodegenCx<'ll, '_>) -> &'ll Type {
        match self.kind {
            RegKind::Integer => cx.type_int_of_bits(self.size.bits()),
            RegKind::Float => match self.size.bits() {
                16 => cx.type_f16(),
                32 => cx.type_f32(),
                64 => cx.type_f64(),
                128 => cx.type_f128(),
                _ => bug!("unsupported float register: {self:?}"),
            },
            RegKind::Vector { hint_vector_elem } => {
                // Any element type would be ABI-correct; the hinted one saves casts.
                let elem = match hint_vector_elem {
                    Primitive::Int(integer, _) => cx.type_from_integer(integer),
                    Primitive::Float(float) => cx.type_from_float(float),
                    Primitive::Pointer(_) => cx.type_ptr(),
                };
                let elem_size = hint_vector_elem.size(cx).bytes();
                assert!(self.size.bytes().is_multiple_of(elem_size));
                cx.type_vector(elem, self.size.bytes() / elem_size)
            }
        }
    }
}

impl LlvmType for CastTarget {
    fn llvm_type<'ll>(&self, cx: &CodegenCx<'ll, '_>) -> &'ll Type {
        let rest_ll_unit = self.rest.unit.llvm_type(cx);
        let rest_count = if self.rest.total == Size::ZERO {
            0
        } else {
            assert_ne!(self.rest.unit.size, Size::ZERO, "cast target {self:?} has zero-sized units");
            if !self.rest.total.bytes().is_multiple_of(self.rest.unit.size.bytes()) {
                assert_eq!(self.rest.unit.kind, RegKind::Integer, "only integer registers can be split");
            }
            self.rest.total.bytes().div_ceil(self.rest.unit.size.bytes())
        };

        // Without a prefix, a single unit or an array of units: same layout, simpler type.
        if self.prefix.iter().all(|x| x.is_none()) {
            // Except for a consecutive i128, which must not become a bare i128 (the target
            // could split that between registers and stack).
            if rest_count == 1 && (!self.rest.is_consecutive || self.rest.unit != Reg::i128()) {
                return rest_ll_unit;
            }
            return cx.type_array(rest_ll_unit, rest_count);
        }

        let mut fields: Vec<&'ll Type> = self.prefix.iter().flatten().map(|reg| reg.llvm_type(cx)).collect();
        fields.extend((0..rest_count).map(|_| rest_ll_unit));
        cx.type_struct(&fields, false)
    }
}

pub trait ArgAbiExt<'ll, 'tcx> {
    /// Stores a value passed as this `ArgAbi` describes (an incoming argument or a call's
    /// result) into a place of the argument's Rust type.
    fn store(&self, bx: &mut Builder<'_, 'll, 'tcx>, val: &'ll Value, dst: PlaceRef<'tcx, &'ll Value>);
    /// Stores the current function's argument(s) starting at LLVM parameter `*idx`, advancing
    /// `*idx` past them.
    fn store_fn_arg(&self, bx: &mut Builder<'_, 'll, 'tcx>, idx: &mut usize, dst: PlaceRef<'tcx, &'ll Value>);
}

impl<'ll, 'tcx> ArgAbiExt<'ll, 'tcx> for ArgAbi<'tcx, Ty<'tcx>> {
    fn store(&self, bx: &mut Builder<'_, 'll, 'tcx>, val: &'ll Value, dst: PlaceRef<'tcx, &'ll Value>) {
        match &self.mode {
            PassMode::Ignore => {}
            PassMode::Indirect { attrs, meta_attrs: None, on_stack: _ } => {
                let align = attrs.pointee_align.unwrap_or(self.layout.align.abi);
                OperandValue::Ref(PlaceValue::new_sized(val, align)).store(bx, dst);
            }
            PassMode::Indirect { meta_attrs: Some(_), .. } => {
                bug!("unsized `ArgAbi` cannot be stored");
            }
            PassMode::Cast { cast, pad_i32: _ } => {
                // The value arrives in the ABI's representation, which may be larger or smaller
                // than the Rust type (trailing padding differs): go through a scratch slot of
                // the cast's size and copy only the bytes both have.
                let scratch_size = cast.size(bx);
                let scratch_align = cast.align(bx);
                let copy_bytes = cmp::min(cast.unaligned_size(bx).bytes(), self.layout.size.bytes());
                let llscratch = bx.alloca(scratch_size, scratch_align);
                bx.lifetime_start(llscratch, scratch_size);
                rustc_codegen_ssa::mir::store_cast(bx, cast, val, llscratch, scratch_align);
                let len = bx.const_usize(copy_bytes);
                bx.memcpy(dst.val.llval, self.layout.align.abi, llscratch, scratch_align, len, MemFlags::empty(), None);
                bx.lifetime_end(llscratch, scratch_size);
            }
            PassMode::Pair(..) | PassMode::Direct(_) => {
                OperandRef::from_immediate_or_packed_pair(bx, val, self.layout).val.store(bx, dst);
            }
        }
    }

    fn store_fn_arg(&self, bx: &mut Builder<'_, 'll, 'tcx>, idx: &mut usize, dst: PlaceRef<'tcx, &'ll Value>) {
        let llfn = bx.llfn();
        let mut next = || {
            let val = llvm::ir::param(llfn, *idx);
            *idx += 1;
            val
        };
        match self.mode {
            PassMode::Ignore => {}
            PassMode::Pair(..) => {
                let (a, b) = (next(), next());
                OperandValue::Pair(a, b).store(bx, dst);
            }
            PassMode::Indirect { meta_attrs: Some(_), .. } => {
                bug!("unsized `ArgAbi` cannot be stored");
            }
            PassMode::Direct(_) | PassMode::Indirect { meta_attrs: None, .. } | PassMode::Cast { .. } => {
                let val = next();
                self.store(bx, val, dst);
            }
        }
    }
}

impl<'ll, 'tcx> ArgAbiBuilderMethods<'tcx> for Builder<'_, 'll, 'tcx> {
    fn store_fn_arg(&mut self, arg_abi: &ArgAbi<'tcx, Ty<'tcx>>, idx: &mut usize, dst: PlaceRef<'tcx, &'ll Value>) {
        arg_abi.store_fn_arg(self, idx, dst)
    }
    fn store_arg(&mut self, arg_abi: &ArgAbi<'tcx, Ty<'tcx>>, val: &'ll Value, dst: PlaceRef<'tcx, &'ll Value>) {
        arg_abi.store(self, val, dst)
    }
}

pub trait FnAbiLlvmExt<'ll, 'tcx> {
    /// The LLVM function type.
    fn llvm_type(&self, cx: &CodegenCx<'ll, 'tcx>) -> &'ll Type;
    /// The type of a pointer to such a function.
    fn ptr_to_llvm_type(&self, cx: &CodegenCx<'ll, 'tcx>) -> &'ll Type;
    /// The LLVM calling convention (an `LLVMCallConv` value).
    fn llvm_cconv(&self, cx: &CodegenCx<'ll, 'tcx>) -> u32;
    /// Applies the ABI's attributes to a function declaration or definition, and, given the
    /// instance, those from its `#[attributes]` and the session.
    fn apply_attrs_llfn(&self, cx: &CodegenCx<'ll, 'tcx>, llfn: &'ll Value, instance: Option<Instance<'tcx>>);
    /// Applies the ABI's attributes and calling convention to a call or invoke.
    fn apply_attrs_callsite(&self, bx: &mut Builder<'_, 'll, 'tcx>, callsite: &'ll Value);
}

impl<'ll, 'tcx> FnAbiLlvmExt<'ll, 'tcx> for FnAbi<'tcx, Ty<'tcx>> {
    fn llvm_type(&self, cx: &CodegenCx<'ll, 'tcx>) -> &'ll Type {
        // A C-variadic function's type has only the fixed arguments.
        let args = if self.c_variadic { &self.args[..self.fixed_count as usize] } else { &self.args[..] };

        // How many LLVM parameters each argument becomes is relied on all over codegen_ssa
        // (`store_fn_arg`, calls): Ignore → 0, Pair and unsized Indirect → 2, Cast with
        // `pad_i32` → 2, the rest → 1; an indirect return is a leading pointer parameter.
        let mut llargs = Vec::with_capacity(self.args.len() + 1);

        let llret = match &self.ret.mode {
            PassMode::Ignore => cx.type_void(),
            PassMode::Direct(_) | PassMode::Pair(..) => self.ret.layout.immediate_llvm_type(cx),
            PassMode::Cast { cast, pad_i32: _ } => cast.llvm_type(cx),
            PassMode::Indirect { .. } => {
                llargs.push(cx.type_ptr());
                cx.type_void()
            }
        };

        for arg in args {
            match &arg.mode {
                PassMode::Ignore => {}
                PassMode::Direct(_) => llargs.push(arg.layout.immediate_llvm_type(cx)),
                PassMode::Pair(..) => {
                    llargs.push(arg.layout.scalar_pair_element_llvm_type(cx, 0, true));
                    llargs.push(arg.layout.scalar_pair_element_llvm_type(cx, 1, true));
                }
                PassMode::Indirect { meta_attrs: Some(_), .. } => {
                    // An unsized argument is passed as the two halves of a wide pointer to it.
                    let ptr_layout = cx.layout_of(Ty::new_mut_ptr(cx.tcx, arg.layout.ty));
                    llargs.push(ptr_layout.scalar_pair_element_llvm_type(cx, 0, true));
                    llargs.push(ptr_layout.scalar_pair_element_llvm_type(cx, 1, true));
                }
                PassMode::Indirect { meta_attrs: None, .. } => llargs.push(cx.type_ptr()),
                PassMode::Cast { cast, pad_i32 } => {
                    if *pad_i32 {
                        llargs.push(Reg::i32().llvm_type(cx));
                    }
                    llargs.push(cast.llvm_type(cx));
                }
            }
        }

        if self.c_variadic { cx.type_variadic_func(&llargs, llret) } else { cx.type_func(&llargs, llret) }
    }

    fn ptr_to_llvm_type(&self, cx: &CodegenCx<'ll, 'tcx>) -> &'ll Type {
        cx.type_ptr_ext(cx.data_layout().instruction_address_space)
    }

    fn llvm_cconv(&self, cx: &CodegenCx<'ll, 'tcx>) -> u32 {
        to_llvm_calling_convention(cx.tcx.sess, self.conv)
    }

    fn apply_attrs_llfn(&self, cx: &CodegenCx<'ll, 'tcx>, llfn: &'ll Value, instance: Option<Instance<'tcx>>) {
        llvm::add_fn_attrs(llfn, AttributePlace::Function, &fn_level_attrs(self, cx));

        let apply = |place: AttributePlace, attrs: &[&'ll Attribute]| llvm::add_fn_attrs(llfn, place, attrs);
        let apply_range = |place: AttributePlace, scalar: Scalar| {
            // Not for bools (their range would be empty as `i1`) nor for always-valid
            // scalars (LLVM rejects a full range).
            if is_optimizing(cx)
                && matches!(scalar.primitive(), Primitive::Int(..))
                && !scalar.is_bool()
                && !scalar.is_always_valid(cx)
            {
                apply(place, &[range_attr(cx, scalar.size(cx), scalar.valid_range(cx))]);
            }
        };

        // LLVM parameter index of the next argument.
        let mut i = 0;
        let mut next_param = |attrs: &ArgAttributes| {
            apply(AttributePlace::Argument(i), &arg_attrs(attrs, cx));
            i += 1;
            AttributePlace::Argument(i - 1)
        };

        match &self.ret.mode {
            PassMode::Direct(attrs) => {
                apply(AttributePlace::ReturnValue, &arg_attrs(attrs, cx));
                if let BackendRepr::Scalar(scalar) = self.ret.layout.backend_repr {
                    apply_range(AttributePlace::ReturnValue, scalar);
                }
            }
            PassMode::Indirect { attrs, meta_attrs: _, on_stack } => {
                assert!(!on_stack, "return values are never passed byval");
                let place = next_param(attrs);
                apply(place, &[llvm::type_attr(cx.llcx, "sret", byte_array(cx, self.ret.layout.size))]);
                if is_optimizing(cx) {
                    apply(place, &[attr(cx, "writable"), attr(cx, "dead_on_unwind")]);
                }
            }
            PassMode::Cast { cast, pad_i32: _ } => apply(AttributePlace::ReturnValue, &arg_attrs(&cast.attrs, cx)),
            PassMode::Ignore | PassMode::Pair(..) => {}
        }

        for arg in self.args.iter() {
            match &arg.mode {
                PassMode::Ignore => {}
                PassMode::Indirect { attrs, meta_attrs: None, on_stack: true } => {
                    let place = next_param(attrs);
                    apply(place, &[llvm::type_attr(cx.llcx, "byval", byte_array(cx, arg.layout.size))]);
                }
                PassMode::Indirect { attrs, meta_attrs: None, on_stack: false } => {
                    let place = next_param(attrs);
                    // The callee owns the copy the caller made for it.
                    if is_optimizing(cx) {
                        apply(place, &[attr(cx, "dead_on_return")]);
                    }
                }
                PassMode::Direct(attrs) => {
                    let place = next_param(attrs);
                    if let BackendRepr::Scalar(scalar) = arg.layout.backend_repr {
                        apply_range(place, scalar);
                    }
                }
                PassMode::Indirect { attrs, meta_attrs: Some(meta_attrs), on_stack } => {
                    assert!(!on_stack, "unsized arguments are never passed byval");
                    next_param(attrs);
                    next_param(meta_attrs);
                }
                PassMode::Pair(a, b) => {
                    let place_a = next_param(a);
                    let place_b = next_param(b);
                    if let BackendRepr::ScalarPair(scalar_a, scalar_b) = arg.layout.backend_repr {
                        apply_range(place_a, scalar_a);
                        apply_range(place_b, slice_len_scalar(cx, arg.layout.ty, scalar_b));
                    }
                }
                PassMode::Cast { cast, pad_i32 } => {
                    if *pad_i32 {
                        next_param(&ArgAttributes::new());
                    }
                    next_param(&cast.attrs);
                }
            }
        }

        if let Some(instance) = instance {
            let fn_attrs = cx.tcx.codegen_instance_attrs(instance.def);
            crate::attributes::from_fn_attrs(cx.tcx, cx.llcx, llfn, &fn_attrs, Some(instance));
        }
    }

    fn apply_attrs_callsite(&self, bx: &mut Builder<'_, 'll, 'tcx>, callsite: &'ll Value) {
        let cx = bx.cx;
        llvm::add_callsite_attrs(callsite, AttributePlace::Function, &fn_level_attrs(self, cx));

        let apply = |place: AttributePlace, attrs: &[&'ll Attribute]| llvm::add_callsite_attrs(callsite, place, attrs);
        let mut i = 0;
        let mut next_param = |attrs: &ArgAttributes| {
            apply(AttributePlace::Argument(i), &arg_attrs(attrs, cx));
            i += 1;
            AttributePlace::Argument(i - 1)
        };

        match &self.ret.mode {
            PassMode::Direct(attrs) => apply(AttributePlace::ReturnValue, &arg_attrs(attrs, cx)),
            PassMode::Indirect { attrs, meta_attrs: _, on_stack } => {
                assert!(!on_stack, "return values are never passed byval");
                let place = next_param(attrs);
                apply(place, &[llvm::type_attr(cx.llcx, "sret", byte_array(cx, self.ret.layout.size))]);
            }
            PassMode::Cast { cast, pad_i32: _ } => apply(AttributePlace::ReturnValue, &arg_attrs(&cast.attrs, cx)),
            PassMode::Ignore | PassMode::Pair(..) => {}
        }

        // Arguments beyond a C-variadic function's fixed ones get their attributes too.
        for arg in self.args.iter() {
            match &arg.mode {
                PassMode::Ignore => {}
                PassMode::Indirect { attrs, meta_attrs: None, on_stack: true } => {
                    let place = next_param(attrs);
                    apply(place, &[llvm::type_attr(cx.llcx, "byval", byte_array(cx, arg.layout.size))]);
                }
                PassMode::Direct(attrs) | PassMode::Indirect { attrs, meta_attrs: None, on_stack: false } => {
                    next_param(attrs);
                }
                PassMode::Indirect { attrs, meta_attrs: Some(meta_attrs), on_stack: _ } => {
                    next_param(attrs);
                    next_param(meta_attrs);
                }
                PassMode::Pair(a, b) => {
                    next_param(a);
                    next_param(b);
                }
                PassMode::Cast { cast, pad_i32 } => {
                    if *pad_i32 {
                        next_param(&ArgAttributes::new());
                    }
                    next_param(&cast.attrs);
                }
            }
        }

        let cconv = self.llvm_cconv(cx);
        if cconv != llvm::LLVMCallConv::LLVMCCallConv as u32 {
            // SAFETY: `callsite` is a call or invoke.
            unsafe { llvm::LLVMSetInstructionCallConv(callsite, cconv) };
        }

        apply_element_type_attr(self, cx, callsite);
    }
}

/// Function-level attributes implied by the ABI, for definitions and call sites alike.
fn fn_level_attrs<'ll, 'tcx>(fn_abi: &FnAbi<'tcx, Ty<'tcx>>, cx: &CodegenCx<'ll, 'tcx>) -> Vec<&'ll Attribute> {
    let mut attrs = Vec::new();
    if fn_abi.ret.layout.is_uninhabited() {
        attrs.push(attr(cx, "noreturn"));
    }
    if !fn_abi.can_unwind {
        attrs.push(attr(cx, "nounwind"));
    }
    attrs
}

/// The scalar to take the `range` of for the second half of a pair: a slice reference's length
/// is at most `isize::MAX / size_of::<T>()` (which the layout cannot say, for cycle reasons).
fn slice_len_scalar<'tcx>(cx: &CodegenCx<'_, 'tcx>, ty: Ty<'tcx>, scalar_b: Scalar) -> Scalar {
    let primitive_b = scalar_b.primitive();
    if let Primitive::Int(int, false) = primitive_b
        && let ty::Ref(_, pointee_ty, _) = *ty.kind()
        && let ty::Slice(element_ty) = *pointee_ty.kind()
        && let elem_size = cx.layout_of(element_ty).size
        && elem_size != Size::ZERO
    {
        debug_assert!(scalar_b.is_always_valid(cx));
        let isize_max = int.signed_max() as u64;
        Scalar::Initialized {
            value: primitive_b,
            valid_range: WrappingRange { start: 0, end: u128::from(isize_max / elem_size.bytes()) },
        }
    } else {
        scalar_b
    }
}

/// Some LLVM intrinsics taking a pointer want the pointee type as `elementtype` on the call
/// (only Arm's exclusive load/store among those rustc can call).
fn apply_element_type_attr<'ll, 'tcx>(fn_abi: &FnAbi<'tcx, Ty<'tcx>>, cx: &CodegenCx<'ll, 'tcx>, callsite: &'ll Value) {
    let Some(callee) = llvm::ir::called_function(callsite) else { return };
    let id = llvm::ir::intrinsic_id(callee);
    if id == 0 {
        return;
    }
    let lookup = llvm::ir::lookup_intrinsic_id;
    let index = if id == lookup("llvm.arm.ldrex") {
        0
    } else if id == lookup("llvm.arm.strex") {
        1
    } else {
        return;
    };
    let Some(arg) = fn_abi.args.get(index) else { return };
    let pointee_ty = arg.layout.ty.builtin_deref(true).expect("elementtype argument must be a pointer");
    let elem = cx.layout_of(pointee_ty).llvm_type(cx);
    llvm::add_callsite_attrs(
        callsite,
        AttributePlace::Argument(index as u32),
        &[llvm::type_attr(cx.llcx, "elementtype", elem)],
    );
}

/// The LLVM calling convention for an ABI, as cg_llvm chooses it. ABIs of targets other than
/// x86 are a fatal error: this backend only generates x86 code.
pub fn to_llvm_calling_convention(sess: &Session, abi: CanonAbi) -> u32 {
    use llvm::LLVMCallConv::*;
    let cc = match abi {
        // `extern "custom"` functions can only be called from assembly, but may be declared.
        CanonAbi::C | CanonAbi::Rust | CanonAbi::Custom => LLVMCCallConv,
        CanonAbi::RustCold => LLVMPreserveMostCallConv,
        CanonAbi::RustPreserveNone => return PRESERVE_NONE_CALL_CONV,
        CanonAbi::Swift => LLVMSwiftCallConv,
        CanonAbi::Interrupt(InterruptKind::X86) => LLVMX86INTRCallConv,
        CanonAbi::X86(x86_call) => match x86_call {
            X86Call::Fastcall => LLVMX86FastcallCallConv,
            X86Call::Stdcall => LLVMX86StdcallCallConv,
            X86Call::SysV64 => LLVMX8664SysVCallConv,
            X86Call::Thiscall => LLVMX86ThisCallCallConv,
            X86Call::Vectorcall => LLVMX86VectorCallCallConv,
            X86Call::Win64 => LLVMWin64CallConv,
        },
        CanonAbi::Arm(ArmCall::Aapcs | ArmCall::CCmseNonSecureCall | ArmCall::CCmseNonSecureEntry)
        | CanonAbi::GpuKernel
        | CanonAbi::Interrupt(
            InterruptKind::Avr
            | InterruptKind::AvrNonBlocking
            | InterruptKind::Msp430
            | InterruptKind::RiscvMachine
            | InterruptKind::RiscvSupervisor,
        ) => sess.dcx().fatal(format!("rustc_codegen_inkwell does not support the `{abi}` calling convention")),
    };
    cc as u32
}
