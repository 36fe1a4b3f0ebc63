//! rustc's generic SIMD intrinsics (`core::intrinsics::simd::simd_*`): the platform-independent
//! vector operations that `core::arch` (hashbrown's SSE2 groups) and `core::simd` are written in.
//!
//! Each maps to plain LLVM vector IR (`add <4 x i32>`, `shufflevector`, `icmp` + `sext`, …) or to
//! an overloaded LLVM intrinsic (`llvm.vector.reduce.*`, `llvm.masked.*`, `llvm.fabs`, …), the same
//! IR rustc's LLVM backend emits, so that the std prebuilt by it and our code agree.
//!
//! rustc's type checker only knows that the operands are "some type"; that they really are SIMD
//! vectors of fitting lengths and element types is checked here, at monomorphization. Violations
//! are reported with rustc's own `InvalidMonomorphization` diagnostics (error E0511, the same text
//! as the built-in backend); codegen then goes on, to report more, and the session fails at the end.
//!
//! Vector masks (the `M` of `simd_select`, `simd_bitmask`, `simd_masked_load`, …) are integer
//! vectors whose lanes are all ones or all zeros. LLVM wants `<N x i1>`: we take each lane's sign
//! bit (shift right, then truncate), which x86 and other targets read directly.

use rustc_abi::{Align, BackendRepr, Size};
use rustc_codegen_ssa::common::{IntPredicate, RealPredicate, TypeKind};
use rustc_codegen_ssa::errors::{ExpectedPointerMutability, InvalidMonomorphization as Invalid};
use rustc_codegen_ssa::mir::operand::{OperandRef, OperandValue};
use rustc_codegen_ssa::mir::place::PlaceRef;
use rustc_codegen_ssa::traits::*;
use rustc_middle::ty::layout::{HasTypingEnv, LayoutOf};
use rustc_middle::ty::{self, GenericArgsRef, SimdAlign, Ty};
use rustc_span::{Span, Symbol, sym};

use super::llvm_has_intrinsic;
use crate::builder::Builder;
use crate::context::CodegenCx;
use crate::llvm::{self, Type, Value};
use crate::type_of::LayoutLlvmExt;

/// The error has already been reported to the user; nothing is stored to the result.
struct Reported;

type Res<'ll> = Result<&'ll Value, Reported>;

/// Reports `$diag` (an `InvalidMonomorphization`) and gives up on this call unless `$cond`.
macro_rules! ensure {
    ($bx:expr, $cond:expr, $diag:expr) => {
        if !$cond {
            fail!($bx, $diag);
        }
    };
}

macro_rules! fail {
    ($bx:expr, $diag:expr) => {{
        $bx.tcx.dcx().emit_err($diag);
        return Err(Reported);
    }};
}

/// One `simd_*` call: the operands (SIMD ones as vector immediates) and the result type.
struct Call<'ll, 'tcx> {
    name: Symbol,
    span: Span,
    fn_args: GenericArgsRef<'tcx>,
    args: Vec<OperandRef<'tcx, &'ll Value>>,
    ret_ty: Ty<'tcx>,
    /// The LLVM type of the result: `<N x T>` for SIMD results, even `#[repr(packed, simd)]` ones.
    llret_ty: &'ll Type,
}

impl<'ll, 'tcx> Call<'ll, 'tcx> {
    fn imm(&self, i: usize) -> &'ll Value {
        self.args[i].immediate()
    }

    fn arg_ty(&self, i: usize) -> Ty<'tcx> {
        self.args[i].layout.ty
    }
}

/// A SIMD type taken apart: `Simd<T, N>` is `{ ty, len: N, elem: T }`.
#[derive(Copy, Clone)]
struct Vector<'tcx> {
    ty: Ty<'tcx>,
    len: u64,
    elem: Ty<'tcx>,
}

/// Which SIMD operand a "not a SIMD type" error is about (rustc words each differently).
#[derive(Copy, Clone)]
enum Role {
    Input,
    Argument,
    Second,
    Third,
    Return,
}

/// Emits the `simd_*` intrinsic `name`. Returns the value to store to the result, or `None`
/// when there is nothing to store because an error was reported.
pub(super) fn codegen_simd_intrinsic<'ll, 'tcx>(
    bx: &mut Builder<'_, 'll, 'tcx>,
    name: Symbol,
    fn_args: GenericArgsRef<'tcx>,
    args: &[OperandRef<'tcx, &'ll Value>],
    result: PlaceRef<'tcx, &'ll Value>,
    span: Span,
) -> Option<&'ll Value> {
    // Scalable vectors (AArch64 SVE, RISC-V V) have no layout we can lower yet.
    if args.iter().any(|a| a.layout.ty.is_scalable_vector()) || result.layout.ty.is_scalable_vector() {
        bx.tcx.dcx().span_fatal(
            span,
            format!("SIMD intrinsic `{name}` on scalable vectors is not yet supported by rustc_codegen_inkwell"),
        );
    }

    let args: Vec<_> = args.iter().map(|&arg| vector_immediate(bx, arg)).collect();
    let ret_ty = result.layout.ty;
    let llret_ty = match (ret_ty.is_simd(), result.layout.backend_repr) {
        // A `#[repr(packed, simd)]` result lives in memory like an array; the operation still
        // produces the plain vector, which is stored there (a vector store writes no padding).
        (true, BackendRepr::Memory { .. }) => {
            let (len, elem) = ret_ty.simd_size_and_type(bx.tcx);
            match elem_llvm_type(bx.cx, elem) {
                Some(elem) => bx.type_vector(elem, len),
                None => result.layout.llvm_type(bx.cx),
            }
        }
        _ => result.layout.llvm_type(bx.cx),
    };
    let call = Call { name, span, fn_args, args, ret_ty, llret_ty };
    dispatch(bx, &call).ok()
}

/// `#[repr(packed, simd)]` vectors (e.g. `Simd<f32, 3>` packed to 12 bytes) arrive as places,
/// like arrays; a vector load turns them into the immediates every operation below works on.
fn vector_immediate<'ll, 'tcx>(
    bx: &mut Builder<'_, 'll, 'tcx>,
    arg: OperandRef<'tcx, &'ll Value>,
) -> OperandRef<'tcx, &'ll Value> {
    if !arg.layout.ty.is_simd() {
        return arg;
    }
    let OperandValue::Ref(place) = arg.val else { return arg };
    let (len, elem) = arg.layout.ty.simd_size_and_type(bx.tcx);
    let Some(elem) = elem_llvm_type(bx.cx, elem) else { return arg };
    let loaded = bx.load_from_place(bx.type_vector(elem, len), place);
    OperandRef::from_immediate_or_packed_pair(bx, loaded, arg.layout)
}

fn dispatch<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>) -> Res<'ll> {
    // The two intrinsics whose first operand is not a vector.
    match c.name {
        sym::simd_select_bitmask => return select_bitmask(bx, c),
        sym::simd_splat => return splat(bx, c),
        _ => {}
    }
    let v = vector(bx, c, c.arg_ty(0), Role::Input)?;

    match c.name {
        sym::simd_eq | sym::simd_ne | sym::simd_lt | sym::simd_le | sym::simd_gt | sym::simd_ge => compare(bx, c, v),
        sym::simd_shuffle => shuffle(bx, c, v),
        sym::simd_shuffle_const_generic => shuffle_const_generic(bx, c, v),
        sym::simd_insert | sym::simd_insert_dyn => insert(bx, c, v),
        sym::simd_extract | sym::simd_extract_dyn => extract(bx, c, v),
        sym::simd_select => select(bx, c, v),
        sym::simd_bitmask => bitmask(bx, c, v),

        sym::simd_ceil
        | sym::simd_fabs
        | sym::simd_fcos
        | sym::simd_fexp2
        | sym::simd_fexp
        | sym::simd_flog10
        | sym::simd_flog2
        | sym::simd_flog
        | sym::simd_floor
        | sym::simd_fma
        | sym::simd_fsin
        | sym::simd_fsqrt
        | sym::simd_relaxed_fma
        | sym::simd_round
        | sym::simd_round_ties_even
        | sym::simd_trunc => float_math(bx, c, v),
        sym::simd_minimum_number_nsz | sym::simd_maximum_number_nsz => min_max_number(bx, c, v),

        sym::simd_gather => gather(bx, c, v),
        sym::simd_scatter => scatter(bx, c, v),
        sym::simd_masked_load => masked_load(bx, c, v),
        sym::simd_masked_store => masked_store(bx, c, v),

        sym::simd_reduce_add_ordered
        | sym::simd_reduce_add_unordered
        | sym::simd_reduce_mul_ordered
        | sym::simd_reduce_mul_unordered => reduce_arith(bx, c, v),
        sym::simd_reduce_min | sym::simd_reduce_max => reduce_min_max(bx, c, v),
        sym::simd_reduce_and | sym::simd_reduce_or | sym::simd_reduce_xor => reduce_bitwise(bx, c, v),
        sym::simd_reduce_all | sym::simd_reduce_any => reduce_mask(bx, c, v),

        sym::simd_cast_ptr | sym::simd_expose_provenance | sym::simd_with_exposed_provenance => pointer_cast(bx, c, v),
        sym::simd_cast | sym::simd_as => cast(bx, c, v),

        sym::simd_add
        | sym::simd_sub
        | sym::simd_mul
        | sym::simd_div
        | sym::simd_rem
        | sym::simd_shl
        | sym::simd_shr
        | sym::simd_and
        | sym::simd_or
        | sym::simd_xor => arith(bx, c, v),
        sym::simd_neg => neg(bx, c, v),
        sym::simd_saturating_add | sym::simd_saturating_sub => saturating(bx, c, v),

        sym::simd_bswap
        | sym::simd_bitreverse
        | sym::simd_ctlz
        | sym::simd_cttz
        | sym::simd_ctpop
        | sym::simd_funnel_shl
        | sym::simd_funnel_shr
        | sym::simd_carryless_mul => bit_op(bx, c, v),

        sym::simd_arith_offset => arith_offset(bx, c, v),

        name => bx
            .tcx
            .dcx()
            .span_fatal(c.span, format!("SIMD intrinsic `{name}` is not yet supported by rustc_codegen_inkwell")),
    }
}

// ---------------------------------------------------------------------------------------------
// Types and masks

/// Takes `ty` apart as a SIMD type, or reports that it is not one.
fn vector<'tcx>(
    bx: &Builder<'_, '_, 'tcx>,
    c: &Call<'_, 'tcx>,
    ty: Ty<'tcx>,
    role: Role,
) -> Result<Vector<'tcx>, Reported> {
    if !ty.is_simd() {
        let (span, name) = (c.span, c.name);
        fail!(
            bx,
            match role {
                Role::Input => Invalid::SimdInput { span, name, ty },
                Role::Argument => Invalid::SimdArgument { span, name, ty },
                Role::Second => Invalid::SimdSecond { span, name, ty },
                Role::Third => Invalid::SimdThird { span, name, ty },
                Role::Return => Invalid::SimdReturn { span, name, ty },
            }
        );
    }
    let (len, elem) = ty.simd_size_and_type(bx.tcx);
    Ok(Vector { ty, len, elem })
}

/// The LLVM type of a vector lane: integers, floats and thin raw pointers.
fn elem_llvm_type<'ll>(cx: &CodegenCx<'ll, '_>, elem: Ty<'_>) -> Option<&'ll Type> {
    Some(match *elem.kind() {
        ty::Int(_) | ty::Uint(_) => cx.type_int_of_bits(int_bits(cx, elem)?),
        ty::Float(f) => match f {
            ty::FloatTy::F16 => cx.type_f16(),
            ty::FloatTy::F32 => cx.type_f32(),
            ty::FloatTy::F64 => cx.type_f64(),
            ty::FloatTy::F128 => cx.type_f128(),
        },
        ty::RawPtr(..) => cx.type_ptr(),
        _ => return None,
    })
}

/// `<len x elem>` for a lane type that `Vector` guaranteed is a vector element.
fn vector_llvm_type<'ll>(cx: &CodegenCx<'ll, '_>, elem: Ty<'_>, len: u64) -> &'ll Type {
    let elem = elem_llvm_type(cx, elem).unwrap_or_else(|| bug_elem(cx, elem));
    cx.type_vector(elem, len)
}

fn bug_elem(cx: &CodegenCx<'_, '_>, elem: Ty<'_>) -> ! {
    cx.tcx.dcx().fatal(format!("rustc_codegen_inkwell: `{elem}` is not a SIMD vector element type"))
}

/// Bit width of an integer lane type (`isize`/`usize` are pointer-sized), `None` for others.
fn int_bits(cx: &CodegenCx<'_, '_>, ty: Ty<'_>) -> Option<u64> {
    let ptr_bits = cx.tcx.data_layout.pointer_size().bits();
    match *ty.kind() {
        ty::Int(i) => Some(i.bit_width().unwrap_or(ptr_bits)),
        ty::Uint(u) => Some(u.bit_width().unwrap_or(ptr_bits)),
        _ => None,
    }
}

/// The lane bit width of a mask vector, or the "mask must be integers" error.
fn mask_bits(bx: &Builder<'_, '_, '_>, c: &Call<'_, '_>, mask_elem: Ty<'_>) -> Result<u64, Reported> {
    match int_bits(bx.cx, mask_elem) {
        Some(bits) => Ok(bits),
        None => fail!(bx, Invalid::MaskWrongElementType { span: c.span, name: c.name, ty: mask_elem }),
    }
}

/// `<N x iB>` mask (lanes all ones or all zeros) to `<N x i1>`, from each lane's sign bit.
fn mask_to_i1<'ll>(bx: &mut Builder<'_, 'll, '_>, mask: &'ll Value, lane_bits: u64, len: u64) -> &'ll Value {
    let lane_ty = bx.type_int_of_bits(lane_bits);
    let shift = bx.const_uint(lane_ty, lane_bits - 1);
    let shifts = bx.const_vector(&vec![shift; len as usize]);
    let sign_bits = bx.lshr(mask, shifts);
    let i1s = bx.type_vector(bx.type_i1(), len);
    bx.trunc(sign_bits, i1s)
}

fn const_lane_index<'ll>(bx: &Builder<'_, 'll, '_>, idx: u64) -> &'ll Value {
    bx.const_i32(idx as i32)
}

/// `align(N)` on a call operand: LLVM 22's masked memory intrinsics take their alignment so.
fn set_operand_align(bx: &Builder<'_, '_, '_>, call: &Value, operand: u32, align: u64) {
    let attr = llvm::enum_attr(bx.llcx, "align", align);
    llvm::add_callsite_attrs(call, llvm::AttributePlace::Argument(operand), &[attr]);
}

fn align_of<'tcx>(bx: &Builder<'_, '_, 'tcx>, ty: Ty<'tcx>) -> u64 {
    bx.layout_of(ty).align.abi.bytes()
}

// ---------------------------------------------------------------------------------------------
// Building vectors, lanes and masks

/// `simd_splat(x)`: `x` in every lane (insert into lane 0, then shuffle with an all-zero mask).
fn splat<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>) -> Res<'ll> {
    let out = vector(bx, c, c.ret_ty, Role::Return)?;
    ensure!(
        bx,
        c.arg_ty(0) == out.elem,
        Invalid::ExpectedVectorElementType {
            span: c.span,
            name: c.name,
            expected_element: out.elem,
            vector_type: out.ty,
        }
    );
    let poison = bx.const_poison(c.llret_ty);
    let lane0 = bx.insert_element(poison, c.imm(0), const_lane_index(bx, 0));
    let zeros = bx.const_null(bx.type_vector(bx.type_i32(), out.len));
    Ok(bx.shuffle_vector(lane0, poison, zeros))
}

/// `simd_select_bitmask(m, yes, no)`: lane `i` from `yes` where bit `i` of `m` is set. `m` is an
/// integer of at least 8 bits (a power of two) or a `[u8; ceil(N/8)]`, in memory bit order.
fn select_bitmask<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>) -> Res<'ll> {
    let v = vector(bx, c, c.arg_ty(1), Role::Argument)?;
    let int_bits = v.len.max(8).next_power_of_two();
    let bytes = v.len.div_ceil(8);

    let mask_ty = c.arg_ty(0);
    let mask = match *mask_ty.kind() {
        ty::Int(i) if i.bit_width() == Some(int_bits) => c.imm(0),
        ty::Uint(u) if u.bit_width() == Some(int_bits) => c.imm(0),
        ty::Array(elem, n)
            if matches!(elem.kind(), ty::Uint(ty::UintTy::U8)) && n.try_to_target_usize(bx.tcx) == Some(bytes) =>
        {
            // Reread the bytes as one integer: byte k holds bits 8k..8k+8 on little endian,
            // which is what the bitcast to `<N x i1>` below expects.
            let place = PlaceRef::alloca(bx, c.args[0].layout);
            c.args[0].val.store(bx, place);
            bx.load(bx.type_int_of_bits(bytes * 8), place.val.llval, Align::ONE)
        }
        _ => fail!(
            bx,
            Invalid::InvalidBitmask {
                span: c.span,
                name: c.name,
                mask_ty,
                expected_int_bits: int_bits,
                expected_bytes: bytes,
            }
        ),
    };
    let bits = bx.trunc(mask, bx.type_int_of_bits(v.len));
    let i1s = bx.bitcast(bits, bx.type_vector(bx.type_i1(), v.len));
    Ok(bx.select(i1s, c.imm(1), c.imm(2)))
}

/// `simd_eq` … `simd_ge`: a lane-wise compare giving an integer mask (`sext` of the `<N x i1>`).
fn compare<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, v: Vector<'tcx>) -> Res<'ll> {
    let out = require_same_length(bx, c, v)?;
    ensure!(
        bx,
        bx.type_kind(bx.element_type(c.llret_ty)) == TypeKind::Integer,
        Invalid::ReturnIntegerType { span: c.span, name: c.name, ret_ty: c.ret_ty, out_ty: out.elem }
    );

    let (lhs, rhs) = (c.imm(0), c.imm(1));
    let i1s = match *v.elem.kind() {
        // Ordered compares (false if either is NaN) except `ne`, which is true for NaN, like
        // scalar float comparisons in Rust.
        ty::Float(_) => {
            let pred = match c.name {
                sym::simd_eq => RealPredicate::RealOEQ,
                sym::simd_ne => RealPredicate::RealUNE,
                sym::simd_lt => RealPredicate::RealOLT,
                sym::simd_le => RealPredicate::RealOLE,
                sym::simd_gt => RealPredicate::RealOGT,
                _ => RealPredicate::RealOGE,
            };
            bx.fcmp(pred, lhs, rhs)
        }
        ty::Int(_) | ty::Uint(_) | ty::RawPtr(..) => {
            let signed = v.elem.is_signed();
            let pred = match c.name {
                sym::simd_eq => IntPredicate::IntEQ,
                sym::simd_ne => IntPredicate::IntNE,
                sym::simd_lt if signed => IntPredicate::IntSLT,
                sym::simd_lt => IntPredicate::IntULT,
                sym::simd_le if signed => IntPredicate::IntSLE,
                sym::simd_le => IntPredicate::IntULE,
                sym::simd_gt if signed => IntPredicate::IntSGT,
                sym::simd_gt => IntPredicate::IntUGT,
                _ if signed => IntPredicate::IntSGE,
                _ => IntPredicate::IntUGE,
            };
            bx.icmp(pred, lhs, rhs)
        }
        _ => fail!(bx, Invalid::UnsupportedOperation { span: c.span, name: c.name, in_ty: v.ty, in_elem: v.elem }),
    };
    Ok(bx.sext(i1s, c.llret_ty))
}

/// Checks a shuffle's result type and indices (each below `2 * N`: lanes of `x` then of `y`)
/// and emits the `shufflevector`.
fn emit_shuffle<'ll, 'tcx>(
    bx: &mut Builder<'_, 'll, 'tcx>,
    c: &Call<'ll, 'tcx>,
    v: Vector<'tcx>,
    indices: &[u128],
) -> Res<'ll> {
    let n = indices.len() as u64;
    let out = vector(bx, c, c.ret_ty, Role::Return)?;
    ensure!(
        bx,
        out.len == n,
        Invalid::ReturnLength { span: c.span, name: c.name, in_len: n, ret_ty: c.ret_ty, out_len: out.len }
    );
    ensure!(
        bx,
        out.elem == v.elem,
        Invalid::ReturnElement {
            span: c.span,
            name: c.name,
            in_elem: v.elem,
            in_ty: v.ty,
            ret_ty: c.ret_ty,
            out_ty: out.elem,
        }
    );
    let total_len = u128::from(v.len) * 2;
    let mut mask = Vec::with_capacity(indices.len());
    for (i, &idx) in indices.iter().enumerate() {
        ensure!(
            bx,
            idx < total_len,
            Invalid::SimdIndexOutOfBounds { span: c.span, name: c.name, arg_idx: i as u64, total_len }
        );
        mask.push(const_lane_index(bx, idx as u64));
    }
    let mask = bx.const_vector(&mask);
    Ok(bx.shuffle_vector(c.imm(0), c.imm(1), mask))
}

/// `simd_shuffle(x, y, idx)`: `idx` is a constant SIMD vector of `u32` (a MIR constant operand,
/// which ssa lowers to an LLVM constant vector).
fn shuffle<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, v: Vector<'tcx>) -> Res<'ll> {
    let idx_ty = c.arg_ty(2);
    let idx_is_u32_vector =
        idx_ty.is_simd() && matches!(idx_ty.simd_size_and_type(bx.tcx).1.kind(), ty::Uint(ty::UintTy::U32));
    ensure!(bx, idx_is_u32_vector, Invalid::SimdShuffle { span: c.span, name: c.name, ty: idx_ty });
    let n = idx_ty.simd_size_and_type(bx.tcx).0;

    let idx_vec = c.imm(2);
    if !llvm::ir::is_constant(idx_vec) {
        bx.tcx.dcx().span_fatal(c.span, "`simd_shuffle` indices must be a constant");
    }
    let mut indices = Vec::with_capacity(n as usize);
    for i in 0..n {
        let lane = bx.const_get_elt(idx_vec, i);
        match bx.const_to_opt_u128(lane, false) {
            Some(idx) => indices.push(idx),
            None => bx.tcx.dcx().span_fatal(c.span, "`simd_shuffle` indices must be constant integers"),
        }
    }
    emit_shuffle(bx, c, v, &indices)
}

/// `simd_shuffle_const_generic::<_, _, IDX>(x, y)`: the indices are a const generic `[u32; N]`.
fn shuffle_const_generic<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, v: Vector<'tcx>) -> Res<'ll> {
    let indices: Vec<u128> =
        c.fn_args[2].expect_const().to_branch().iter().map(|idx| idx.to_leaf().to_u32() as u128).collect();
    emit_shuffle(bx, c, v, &indices)
}

/// The lane operand of `simd_insert`/`simd_extract` (constant, checked) or their `_dyn` forms.
fn lane_operand<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, v: Vector<'tcx>) -> Res<'ll> {
    let idx = c.imm(1);
    if matches!(c.name, sym::simd_insert_dyn | sym::simd_extract_dyn) {
        return Ok(idx);
    }
    match bx.const_to_opt_u128(idx, false) {
        Some(lane) => {
            ensure!(
                bx,
                lane < u128::from(v.len),
                Invalid::SimdIndexOutOfBounds { span: c.span, name: c.name, arg_idx: 1, total_len: u128::from(v.len) }
            );
            Ok(const_lane_index(bx, lane as u64))
        }
        // Not folded to a constant: still a valid lane number at run time.
        None => Ok(idx),
    }
}

fn insert<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, v: Vector<'tcx>) -> Res<'ll> {
    ensure!(
        bx,
        c.arg_ty(2) == v.elem,
        Invalid::InsertedType { span: c.span, name: c.name, in_elem: v.elem, in_ty: v.ty, out_ty: c.arg_ty(2) }
    );
    let lane = lane_operand(bx, c, v)?;
    Ok(bx.insert_element(c.imm(0), c.imm(2), lane))
}

fn extract<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, v: Vector<'tcx>) -> Res<'ll> {
    ensure!(
        bx,
        c.ret_ty == v.elem,
        Invalid::ReturnType { span: c.span, name: c.name, in_elem: v.elem, in_ty: v.ty, ret_ty: c.ret_ty }
    );
    let lane = lane_operand(bx, c, v)?;
    Ok(bx.extract_element(c.imm(0), lane))
}

/// `simd_select(mask, yes, no)`: lane-wise choice by an integer mask vector.
fn select<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, mask: Vector<'tcx>) -> Res<'ll> {
    let v = vector(bx, c, c.arg_ty(1), Role::Argument)?;
    ensure!(
        bx,
        mask.len == v.len,
        Invalid::MismatchedLengths { span: c.span, name: c.name, m_len: mask.len, v_len: v.len }
    );
    let bits = mask_bits(bx, c, mask.elem)?;
    let i1s = mask_to_i1(bx, c.imm(0), bits, mask.len);
    Ok(bx.select(i1s, c.imm(1), c.imm(2)))
}

/// `simd_bitmask(mask)`: one bit per lane (lane 0 in bit 0 on little endian), as an unsigned
/// integer of at least 8 bits (a power of two) or as `[u8; ceil(N/8)]`.
fn bitmask<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, v: Vector<'tcx>) -> Res<'ll> {
    let int_bits = v.len.max(8).next_power_of_two();
    let bytes = v.len.div_ceil(8);
    let lane_bits = mask_bits(bx, c, v.elem)?;
    let i1s = mask_to_i1(bx, c.imm(0), lane_bits, v.len);
    let bits = bx.bitcast(i1s, bx.type_int_of_bits(v.len));

    match *c.ret_ty.kind() {
        ty::Uint(u) if u.bit_width() == Some(int_bits) => Ok(bx.zext(bits, bx.type_int_of_bits(int_bits))),
        ty::Array(elem, n)
            if matches!(elem.kind(), ty::Uint(ty::UintTy::U8)) && n.try_to_target_usize(bx.tcx) == Some(bytes) =>
        {
            // Through memory: the integer's bytes are the array.
            let wide = bx.zext(bits, bx.type_int_of_bits(bytes * 8));
            let tmp = bx.alloca(Size::from_bytes(bytes), Align::ONE);
            bx.store(wide, tmp, Align::ONE);
            let array_ty = bx.type_array(bx.type_i8(), bytes);
            Ok(bx.load(array_ty, tmp, Align::ONE))
        }
        _ => fail!(
            bx,
            Invalid::CannotReturn {
                span: c.span,
                name: c.name,
                ret_ty: c.ret_ty,
                expected_int_bits: int_bits,
                expected_bytes: bytes,
            }
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Float math

/// Lane-wise float functions, each an LLVM float intrinsic overloaded on the vector type.
fn float_math<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, v: Vector<'tcx>) -> Res<'ll> {
    ensure!(bx, v.elem.is_floating_point(), Invalid::BasicFloatType { span: c.span, name: c.name, ty: v.ty });
    let llvm_name = match c.name {
        sym::simd_ceil => "llvm.ceil",
        sym::simd_fabs => "llvm.fabs",
        sym::simd_fcos => "llvm.cos",
        sym::simd_fexp2 => "llvm.exp2",
        sym::simd_fexp => "llvm.exp",
        sym::simd_flog10 => "llvm.log10",
        sym::simd_flog2 => "llvm.log2",
        sym::simd_flog => "llvm.log",
        sym::simd_floor => "llvm.floor",
        sym::simd_fma => "llvm.fma",
        // Fused or not, whichever is faster on the target.
        sym::simd_relaxed_fma => "llvm.fmuladd",
        sym::simd_fsin => "llvm.sin",
        sym::simd_fsqrt => "llvm.sqrt",
        sym::simd_round => "llvm.round",
        // rint rounds ties to even in the default floating-point environment.
        sym::simd_round_ties_even => "llvm.rint",
        _ => "llvm.trunc",
    };
    let vec_ty = vector_llvm_type(bx.cx, v.elem, v.len);
    let operands: Vec<_> = (0..c.args.len()).map(|i| c.imm(i)).collect();
    Ok(bx.call_intrinsic(llvm_name, &[vec_ty], &operands))
}

/// IEEE 754-2019 minimumNumber/maximumNumber (NaN loses), with signed zeros unordered (`nsz`).
fn min_max_number<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, v: Vector<'tcx>) -> Res<'ll> {
    ensure!(
        bx,
        v.elem.is_floating_point(),
        Invalid::UnsupportedOperation { span: c.span, name: c.name, in_ty: v.ty, in_elem: v.elem }
    );
    let llvm_name = if c.name == sym::simd_minimum_number_nsz { "llvm.minimumnum" } else { "llvm.maximumnum" };
    if !llvm_has_intrinsic(llvm_name) {
        bx.tcx.dcx().span_fatal(c.span, format!("`{}` needs `{llvm_name}`, which this LLVM lacks", c.name));
    }
    let vec_ty = vector_llvm_type(bx.cx, v.elem, v.len);
    let call = bx.call_intrinsic(llvm_name, &[vec_ty], &[c.imm(0), c.imm(1)]);
    llvm::set_fast_math_flags(call, llvm::LLVMFastMathNoSignedZeros);
    Ok(call)
}

// ---------------------------------------------------------------------------------------------
// Masked and scattered memory access

/// Requires `ptr_ty` to be `*const elem` / `*mut elem` (`*mut` only if `needs_mut`).
fn points_to<'tcx>(ptr_ty: Ty<'tcx>, elem: Ty<'tcx>, needs_mut: bool) -> bool {
    matches!(*ptr_ty.kind(), ty::RawPtr(pointee, m) if pointee == elem && (!needs_mut || m.is_mut()))
}

/// `simd_gather(passthru, ptrs, mask)`: loads `*ptrs[i]` where the mask is set.
fn gather<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, v: Vector<'tcx>) -> Res<'ll> {
    let (ptrs, mask) = scattered_operands(bx, c, v, false)?;
    require_return_type(bx, c, v.ty)?;
    let mask = mask_to_i1(bx, c.imm(2), mask_bits(bx, c, mask.elem)?, v.len);
    let elem_vec = vector_llvm_type(bx.cx, v.elem, v.len);
    let ptr_vec = vector_llvm_type(bx.cx, ptrs.elem, v.len);
    let call = bx.call_intrinsic("llvm.masked.gather", &[elem_vec, ptr_vec], &[c.imm(1), mask, c.imm(0)]);
    set_operand_align(bx, call, 0, align_of(bx, v.elem));
    Ok(call)
}

/// `simd_scatter(values, ptrs, mask)`: stores `values[i]` to `*ptrs[i]` where the mask is set.
fn scatter<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, v: Vector<'tcx>) -> Res<'ll> {
    let (ptrs, mask) = scattered_operands(bx, c, v, true)?;
    let mask = mask_to_i1(bx, c.imm(2), mask_bits(bx, c, mask.elem)?, v.len);
    let elem_vec = vector_llvm_type(bx.cx, v.elem, v.len);
    let ptr_vec = vector_llvm_type(bx.cx, ptrs.elem, v.len);
    let call = bx.call_intrinsic("llvm.masked.scatter", &[elem_vec, ptr_vec], &[c.imm(0), c.imm(1), mask]);
    set_operand_align(bx, call, 1, align_of(bx, v.elem));
    Ok(call)
}

/// Checks gather/scatter's pointer vector (lanes point to the value lanes' type) and mask
/// vector (same length) and returns them.
fn scattered_operands<'tcx>(
    bx: &Builder<'_, '_, 'tcx>,
    c: &Call<'_, 'tcx>,
    v: Vector<'tcx>,
    needs_mut: bool,
) -> Result<(Vector<'tcx>, Vector<'tcx>), Reported> {
    let ptrs = vector(bx, c, c.arg_ty(1), Role::Second)?;
    let mask = vector(bx, c, c.arg_ty(2), Role::Third)?;
    let (span, name) = (c.span, c.name);
    ensure!(
        bx,
        ptrs.len == v.len,
        Invalid::SecondArgumentLength { span, name, in_len: v.len, in_ty: v.ty, arg_ty: ptrs.ty, out_len: ptrs.len }
    );
    ensure!(
        bx,
        mask.len == v.len,
        Invalid::ThirdArgumentLength { span, name, in_len: v.len, in_ty: v.ty, arg_ty: mask.ty, out_len: mask.len }
    );
    ensure!(
        bx,
        points_to(ptrs.elem, v.elem, needs_mut),
        Invalid::ExpectedElementType {
            span,
            name,
            expected_element: ptrs.elem,
            second_arg: ptrs.ty,
            in_elem: v.elem,
            in_ty: v.ty,
            mutability: if needs_mut { ExpectedPointerMutability::Mut } else { ExpectedPointerMutability::Not },
        }
    );
    Ok((ptrs, mask))
}

/// Checks masked load/store's operands `(mask, ptr, values)` and returns the values' vector
/// and the access alignment chosen by the `ALIGN` const generic.
fn masked_operands<'tcx>(
    bx: &Builder<'_, '_, 'tcx>,
    c: &Call<'_, 'tcx>,
    mask: Vector<'tcx>,
    needs_mut: bool,
) -> Result<(Vector<'tcx>, u64), Reported> {
    let values = vector(bx, c, c.arg_ty(2), Role::Third)?;
    let (span, name) = (c.span, c.name);
    ensure!(
        bx,
        values.len == mask.len,
        Invalid::ThirdArgumentLength {
            span,
            name,
            in_len: mask.len,
            in_ty: mask.ty,
            arg_ty: values.ty,
            out_len: values.len,
        }
    );
    ensure!(
        bx,
        points_to(c.arg_ty(1), values.elem, needs_mut),
        Invalid::ExpectedElementType {
            span,
            name,
            expected_element: values.elem,
            second_arg: c.arg_ty(1),
            in_elem: values.elem,
            in_ty: values.ty,
            mutability: if needs_mut { ExpectedPointerMutability::Mut } else { ExpectedPointerMutability::Not },
        }
    );
    let align = match c.fn_args[3].expect_const().to_branch()[0].to_leaf().to_simd_alignment() {
        SimdAlign::Unaligned => 1,
        SimdAlign::Element => align_of(bx, values.elem),
        SimdAlign::Vector => align_of(bx, values.ty),
    };
    Ok((values, align))
}

/// `simd_masked_load(mask, ptr, passthru)`: loads `ptr[i]` where the mask is set; the other
/// lanes' memory is not touched.
fn masked_load<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, mask: Vector<'tcx>) -> Res<'ll> {
    let (values, align) = masked_operands(bx, c, mask, false)?;
    require_return_type(bx, c, values.ty)?;
    let i1s = mask_to_i1(bx, c.imm(0), mask_bits(bx, c, mask.elem)?, mask.len);
    let vec_ty = vector_llvm_type(bx.cx, values.elem, values.len);
    let call = bx.call_intrinsic("llvm.masked.load", &[vec_ty, bx.type_ptr()], &[c.imm(1), i1s, c.imm(2)]);
    set_operand_align(bx, call, 0, align);
    Ok(call)
}

/// `simd_masked_store(mask, ptr, values)`: stores `values[i]` to `ptr[i]` where the mask is set.
fn masked_store<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, mask: Vector<'tcx>) -> Res<'ll> {
    let (values, align) = masked_operands(bx, c, mask, true)?;
    let i1s = mask_to_i1(bx, c.imm(0), mask_bits(bx, c, mask.elem)?, mask.len);
    let vec_ty = vector_llvm_type(bx.cx, values.elem, values.len);
    let call = bx.call_intrinsic("llvm.masked.store", &[vec_ty, bx.type_ptr()], &[c.imm(2), c.imm(1), i1s]);
    set_operand_align(bx, call, 1, align);
    Ok(call)
}

// ---------------------------------------------------------------------------------------------
// Reductions

fn require_elem_result<'tcx>(bx: &Builder<'_, '_, 'tcx>, c: &Call<'_, 'tcx>, v: Vector<'tcx>) -> Result<(), Reported> {
    ensure!(
        bx,
        c.ret_ty == v.elem,
        Invalid::ReturnType { span: c.span, name: c.name, in_elem: v.elem, in_ty: v.ty, ret_ty: c.ret_ty }
    );
    Ok(())
}

fn unsupported_reduction<'tcx>(c: &Call<'_, 'tcx>, v: Vector<'tcx>) -> Invalid<'tcx> {
    Invalid::UnsupportedSymbol {
        span: c.span,
        name: c.name,
        symbol: c.name,
        in_ty: v.ty,
        in_elem: v.elem,
        ret_ty: c.ret_ty,
    }
}

/// Sum/product of the lanes. Integers wrap. Floats: `_ordered` adds left to right starting
/// from the accumulator operand; `_unordered` may reassociate, from the identity.
fn reduce_arith<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, v: Vector<'tcx>) -> Res<'ll> {
    require_elem_result(bx, c, v)?;
    let is_add = matches!(c.name, sym::simd_reduce_add_ordered | sym::simd_reduce_add_unordered);
    let ordered = matches!(c.name, sym::simd_reduce_add_ordered | sym::simd_reduce_mul_ordered);
    let vec = c.imm(0);
    match *v.elem.kind() {
        ty::Int(_) | ty::Uint(_) => {
            let llvm_name = if is_add { "llvm.vector.reduce.add" } else { "llvm.vector.reduce.mul" };
            let r = bx.call_intrinsic(llvm_name, &[bx.val_ty(vec)], &[vec]);
            if !ordered {
                return Ok(r);
            }
            // Integer arithmetic is associative: combining with the accumulator last is exact.
            Ok(if is_add { bx.add(c.imm(1), r) } else { bx.mul(c.imm(1), r) })
        }
        ty::Float(f) => {
            let acc = if ordered {
                c.imm(1)
            } else {
                // -0.0 is the additive identity (-0.0 + -0.0 is -0.0; 0.0 would make it 0.0).
                let identity = if is_add { -0.0 } else { 1.0 };
                match f.bit_width() {
                    32 => bx.const_real(bx.type_f32(), identity),
                    64 => bx.const_real(bx.type_f64(), identity),
                    size => fail!(
                        bx,
                        Invalid::UnsupportedSymbolOfSize {
                            span: c.span,
                            name: c.name,
                            symbol: c.name,
                            in_ty: v.ty,
                            in_elem: v.elem,
                            size,
                            ret_ty: c.ret_ty,
                        }
                    ),
                }
            };
            let llvm_name = if is_add { "llvm.vector.reduce.fadd" } else { "llvm.vector.reduce.fmul" };
            let r = bx.call_intrinsic(llvm_name, &[bx.val_ty(vec)], &[acc, vec]);
            if !ordered {
                // Without `reassoc` the reduction is strictly sequential (and slow).
                llvm::set_fast_math_flags(r, llvm::LLVMFastMathAllowReassoc);
            }
            Ok(r)
        }
        _ => fail!(bx, unsupported_reduction(c, v)),
    }
}

/// Smallest/largest lane of an integer vector. (Floats are not supported, as in rustc's LLVM
/// backend: LLVM's float min/max reductions have NaN semantics that do not match.)
fn reduce_min_max<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, v: Vector<'tcx>) -> Res<'ll> {
    require_elem_result(bx, c, v)?;
    let signed = match *v.elem.kind() {
        ty::Int(_) => true,
        ty::Uint(_) => false,
        _ => fail!(bx, unsupported_reduction(c, v)),
    };
    let llvm_name = match (c.name == sym::simd_reduce_min, signed) {
        (true, true) => "llvm.vector.reduce.smin",
        (true, false) => "llvm.vector.reduce.umin",
        (false, true) => "llvm.vector.reduce.smax",
        (false, false) => "llvm.vector.reduce.umax",
    };
    let vec = c.imm(0);
    Ok(bx.call_intrinsic(llvm_name, &[bx.val_ty(vec)], &[vec]))
}

/// `&`, `|` or `^` of all lanes of an integer vector.
fn reduce_bitwise<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, v: Vector<'tcx>) -> Res<'ll> {
    require_elem_result(bx, c, v)?;
    if int_bits(bx.cx, v.elem).is_none() {
        fail!(bx, unsupported_reduction(c, v));
    }
    let llvm_name = match c.name {
        sym::simd_reduce_and => "llvm.vector.reduce.and",
        sym::simd_reduce_or => "llvm.vector.reduce.or",
        _ => "llvm.vector.reduce.xor",
    };
    let vec = c.imm(0);
    Ok(bx.call_intrinsic(llvm_name, &[bx.val_ty(vec)], &[vec]))
}

/// `simd_reduce_all`/`_any` of a mask vector: a `bool` (the caller widens the `i1`).
fn reduce_mask<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, v: Vector<'tcx>) -> Res<'ll> {
    let Some(bits) = int_bits(bx.cx, v.elem) else { fail!(bx, unsupported_reduction(c, v)) };
    let i1s = mask_to_i1(bx, c.imm(0), bits, v.len);
    let llvm_name = if c.name == sym::simd_reduce_all { "llvm.vector.reduce.and" } else { "llvm.vector.reduce.or" };
    Ok(bx.call_intrinsic(llvm_name, &[bx.val_ty(i1s)], &[i1s]))
}

// ---------------------------------------------------------------------------------------------
// Casts

/// Requires the return type to be a SIMD vector and exactly `ty`.
fn require_return_type<'tcx>(bx: &Builder<'_, '_, 'tcx>, c: &Call<'_, 'tcx>, ty: Ty<'tcx>) -> Result<(), Reported> {
    let _ = vector(bx, c, c.ret_ty, Role::Return)?;
    ensure!(
        bx,
        c.ret_ty == ty,
        Invalid::ExpectedReturnType { span: c.span, name: c.name, in_ty: ty, ret_ty: c.ret_ty }
    );
    Ok(())
}

fn require_same_length<'tcx>(
    bx: &Builder<'_, '_, 'tcx>,
    c: &Call<'_, 'tcx>,
    v: Vector<'tcx>,
) -> Result<Vector<'tcx>, Reported> {
    let out = vector(bx, c, c.ret_ty, Role::Return)?;
    ensure!(
        bx,
        v.len == out.len,
        Invalid::ReturnLengthInputType {
            span: c.span,
            name: c.name,
            in_len: v.len,
            in_ty: v.ty,
            ret_ty: c.ret_ty,
            out_len: out.len,
        }
    );
    Ok(out)
}

/// `simd_cast_ptr` (pointer to pointer: the same `ptr` lanes), `simd_expose_provenance`
/// (`ptrtoint`) and `simd_with_exposed_provenance` (`inttoptr`).
fn pointer_cast<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, v: Vector<'tcx>) -> Res<'ll> {
    let out = require_same_length(bx, c, v)?;
    let (span, name) = (c.span, c.name);
    let thin_ptr = |bx: &Builder<'_, '_, 'tcx>, ty: Ty<'tcx>| -> Result<(), Reported> {
        let ty::RawPtr(pointee, _) = *ty.kind() else { fail!(bx, Invalid::ExpectedPointer { span, name, ty }) };
        let metadata = pointee.ptr_metadata_ty(bx.tcx, |t| bx.tcx.normalize_erasing_regions(bx.typing_env(), t));
        ensure!(bx, metadata.is_unit(), Invalid::CastWidePointer { span, name, ty });
        Ok(())
    };
    let usize = |bx: &Builder<'_, '_, 'tcx>, ty: Ty<'tcx>| -> Result<(), Reported> {
        ensure!(bx, matches!(ty.kind(), ty::Uint(ty::UintTy::Usize)), Invalid::ExpectedUsize { span, name, ty });
        Ok(())
    };
    match c.name {
        sym::simd_cast_ptr => {
            thin_ptr(bx, v.elem)?;
            thin_ptr(bx, out.elem)?;
            Ok(c.imm(0))
        }
        sym::simd_expose_provenance => {
            if !v.elem.is_raw_ptr() {
                fail!(bx, Invalid::ExpectedPointer { span, name, ty: v.elem });
            }
            usize(bx, out.elem)?;
            Ok(bx.ptrtoint(c.imm(0), c.llret_ty))
        }
        _ => {
            usize(bx, v.elem)?;
            if !out.elem.is_raw_ptr() {
                fail!(bx, Invalid::ExpectedPointer { span, name, ty: out.elem });
            }
            Ok(bx.inttoptr(c.imm(0), c.llret_ty))
        }
    }
}

/// `simd_cast` / `simd_as`: lane-wise numeric `as` casts. They differ only for float to int:
/// `simd_as` saturates (NaN gives 0) like `as`, `simd_cast` requires in-range values.
fn cast<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, v: Vector<'tcx>) -> Res<'ll> {
    let out = require_same_length(bx, c, v)?;
    // Casting cares about the nominal type: `i32 -> u32` is a no-op, and so is `T -> T`.
    if v.elem == out.elem {
        return Ok(c.imm(0));
    }
    let val = c.imm(0);
    let dest = c.llret_ty;
    let (in_float, out_float) = (v.elem.is_floating_point(), out.elem.is_floating_point());
    let in_int = int_bits(bx.cx, v.elem);
    let out_int = int_bits(bx.cx, out.elem);
    let in_signed = v.elem.is_signed();
    let out_signed = out.elem.is_signed();

    Ok(match (in_int, out_int) {
        (Some(from), Some(to)) => {
            if from > to {
                bx.trunc(val, dest)
            } else if from == to {
                val
            } else if in_signed {
                bx.sext(val, dest)
            } else {
                bx.zext(val, dest)
            }
        }
        (Some(_), None) if out_float => {
            if in_signed {
                bx.sitofp(val, dest)
            } else {
                bx.uitofp(val, dest)
            }
        }
        (None, Some(_)) if in_float => {
            if c.name == sym::simd_as {
                bx.cast_float_to_int(out_signed, val, dest)
            } else if out_signed {
                bx.fptosi(val, dest)
            } else {
                bx.fptoui(val, dest)
            }
        }
        (None, None) if in_float && out_float => {
            let (from, to) = (v.elem.primitive_size(bx.tcx).bits(), out.elem.primitive_size(bx.tcx).bits());
            if from > to {
                bx.fptrunc(val, dest)
            } else if from == to {
                val
            } else {
                bx.fpext(val, dest)
            }
        }
        _ => fail!(
            bx,
            Invalid::UnsupportedCast {
                span: c.span,
                name: c.name,
                in_ty: v.ty,
                in_elem: v.elem,
                ret_ty: c.ret_ty,
                out_elem: out.elem,
            }
        ),
    })
}

// ---------------------------------------------------------------------------------------------
// Arithmetic and bit operations

fn unsupported_op<'tcx>(c: &Call<'_, 'tcx>, v: Vector<'tcx>) -> Invalid<'tcx> {
    Invalid::UnsupportedOperation { span: c.span, name: c.name, in_ty: v.ty, in_elem: v.elem }
}

/// Lane-wise binary arithmetic, with the same LLVM instruction (and the same UB, e.g. for
/// division by zero or over-wide shifts) as for scalars.
fn arith<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, v: Vector<'tcx>) -> Res<'ll> {
    #[derive(PartialEq)]
    enum Kind {
        Signed,
        Unsigned,
        Float,
    }
    let kind = match *v.elem.kind() {
        ty::Int(_) => Kind::Signed,
        ty::Uint(_) => Kind::Unsigned,
        ty::Float(_) => Kind::Float,
        _ => fail!(bx, unsupported_op(c, v)),
    };
    let (a, b) = (c.imm(0), c.imm(1));
    let float = kind == Kind::Float;
    Ok(match c.name {
        sym::simd_add if float => bx.fadd(a, b),
        sym::simd_add => bx.add(a, b),
        sym::simd_sub if float => bx.fsub(a, b),
        sym::simd_sub => bx.sub(a, b),
        sym::simd_mul if float => bx.fmul(a, b),
        sym::simd_mul => bx.mul(a, b),
        sym::simd_div => match kind {
            Kind::Float => bx.fdiv(a, b),
            Kind::Signed => bx.sdiv(a, b),
            Kind::Unsigned => bx.udiv(a, b),
        },
        sym::simd_rem => match kind {
            Kind::Float => bx.frem(a, b),
            Kind::Signed => bx.srem(a, b),
            Kind::Unsigned => bx.urem(a, b),
        },
        // The rest are integer-only.
        _ if float => fail!(bx, unsupported_op(c, v)),
        sym::simd_shl => bx.shl(a, b),
        sym::simd_shr if kind == Kind::Signed => bx.ashr(a, b),
        sym::simd_shr => bx.lshr(a, b),
        sym::simd_and => bx.and(a, b),
        sym::simd_or => bx.or(a, b),
        _ => bx.xor(a, b),
    })
}

/// Lane-wise negation of signed integers (wrapping) or floats.
fn neg<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, v: Vector<'tcx>) -> Res<'ll> {
    match *v.elem.kind() {
        ty::Int(_) => Ok(bx.neg(c.imm(0))),
        ty::Float(_) => Ok(bx.fneg(c.imm(0))),
        _ => fail!(bx, unsupported_op(c, v)),
    }
}

fn saturating<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, v: Vector<'tcx>) -> Res<'ll> {
    let signed = match *v.elem.kind() {
        ty::Int(_) => true,
        ty::Uint(_) => false,
        _ => fail!(
            bx,
            Invalid::ExpectedVectorElementType {
                span: c.span,
                name: c.name,
                expected_element: v.elem,
                vector_type: v.ty,
            }
        ),
    };
    let llvm_name = match (c.name == sym::simd_saturating_add, signed) {
        (true, true) => "llvm.sadd.sat",
        (true, false) => "llvm.uadd.sat",
        (false, true) => "llvm.ssub.sat",
        (false, false) => "llvm.usub.sat",
    };
    let vec_ty = vector_llvm_type(bx.cx, v.elem, v.len);
    Ok(bx.call_intrinsic(llvm_name, &[vec_ty], &[c.imm(0), c.imm(1)]))
}

/// Lane-wise integer bit intrinsics: byte/bit reversal, leading/trailing zeros, population
/// count, funnel shifts and carry-less multiplication.
fn bit_op<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, v: Vector<'tcx>) -> Res<'ll> {
    let Some(bits) = int_bits(bx.cx, v.elem) else { fail!(bx, unsupported_op(c, v)) };
    let vec_ty = vector_llvm_type(bx.cx, v.elem, v.len);
    let x = c.imm(0);
    Ok(match c.name {
        // Swapping the bytes of a one-byte lane changes nothing (and llvm.bswap rejects i8).
        sym::simd_bswap if bits == 8 => x,
        sym::simd_bswap => bx.call_intrinsic("llvm.bswap", &[vec_ty], &[x]),
        sym::simd_bitreverse => bx.call_intrinsic("llvm.bitreverse", &[vec_ty], &[x]),
        sym::simd_ctpop => bx.call_intrinsic("llvm.ctpop", &[vec_ty], &[x]),
        sym::simd_ctlz | sym::simd_cttz => {
            // `false`: a zero lane gives the lane width, not poison.
            let zero_is_poison = bx.const_bool(false);
            let llvm_name = if c.name == sym::simd_ctlz { "llvm.ctlz" } else { "llvm.cttz" };
            bx.call_intrinsic(llvm_name, &[vec_ty], &[x, zero_is_poison])
        }
        sym::simd_funnel_shl | sym::simd_funnel_shr => {
            let llvm_name = if c.name == sym::simd_funnel_shl { "llvm.fshl" } else { "llvm.fshr" };
            bx.call_intrinsic(llvm_name, &[vec_ty], &[x, c.imm(1), c.imm(2)])
        }
        _ => {
            if !llvm_has_intrinsic("llvm.clmul") {
                bx.tcx.dcx().span_fatal(c.span, "`simd_carryless_mul` needs `llvm.clmul`, which this LLVM lacks");
            }
            bx.call_intrinsic("llvm.clmul", &[vec_ty], &[x, c.imm(1)])
        }
    })
}

/// `simd_arith_offset(ptrs, offsets)`: lane-wise `ptr.wrapping_offset(n)` (a vector GEP
/// without `inbounds`).
fn arith_offset<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, c: &Call<'ll, 'tcx>, v: Vector<'tcx>) -> Res<'ll> {
    let (span, name) = (c.span, c.name);
    let Some(pointee) = v.elem.builtin_deref(true).filter(|_| v.elem.is_raw_ptr()) else {
        fail!(bx, Invalid::ExpectedPointer { span, name, ty: v.elem })
    };
    let offsets = vector(bx, c, c.arg_ty(1), Role::Second)?;
    ensure!(
        bx,
        matches!(offsets.elem.kind(), ty::Int(ty::IntTy::Isize) | ty::Uint(ty::UintTy::Usize)),
        Invalid::ExpectedUsize { span, name, ty: offsets.elem }
    );
    let pointee_ty = bx.layout_of(pointee).llvm_type(bx.cx);
    Ok(bx.gep(pointee_ty, c.imm(0), &[c.imm(1)]))
}
