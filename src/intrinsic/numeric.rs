//! Arithmetic intrinsics: float math through LLVM's float intrinsics (overloaded on the float
//! type), and the integer bit operations (`ctlz`, `bswap`, funnel shifts, saturating arithmetic,
//! wide multiply-add, …) through LLVM's integer intrinsics. Rotates use their body in core (a
//! funnel shift), as in the built-in backend, so that debuginfo shows the same inlined frames.

use rustc_codegen_ssa::mir::operand::OperandRef;
use rustc_codegen_ssa::traits::*;
use rustc_middle::ty::layout::TyAndLayout;
use rustc_span::{Span, Symbol, sym};

use super::llvm_has_intrinsic;
use crate::builder::Builder;
use crate::llvm::{self, Type, Value};
use crate::type_of::LayoutLlvmExt;

/// `sqrtf32`, `powif64`, `round_ties_even_f16`, `minimum_number_nsz_f128`, …: one LLVM call.
/// `None` if `name` is not such an intrinsic (or this LLVM lacks the operation, in which case
/// core's fallback body is used).
pub(super) fn float_intrinsic<'ll, 'tcx>(
    bx: &mut Builder<'_, 'll, 'tcx>,
    name: Symbol,
    args: &[OperandRef<'tcx, &'ll Value>],
) -> Option<&'ll Value> {
    // Only called once `name` is known to be a float intrinsic: other intrinsics may take
    // non-immediate operands.
    let imms = || args.iter().map(|a| a.immediate()).collect::<Vec<_>>();

    // `fabs<T>` is the one generic float intrinsic: its type comes from the argument.
    if name == sym::fabs {
        let fty = args[0].layout.immediate_llvm_type(bx.cx);
        let imms = imms();
        return Some(bx.call_intrinsic("llvm.fabs", &[fty], &imms));
    }

    let (op, fty) = split_float_suffix(bx, name.as_str())?;
    let llvm_name = match op {
        "sqrt" => "llvm.sqrt",
        "powi" => {
            // The exponent is an i32 and part of the overload.
            return Some(bx.call_intrinsic("llvm.powi", &[fty, bx.type_i32()], &imms()));
        }
        "sin" => "llvm.sin",
        "cos" => "llvm.cos",
        "pow" => "llvm.pow",
        "exp" => "llvm.exp",
        "exp2" => "llvm.exp2",
        "log" => "llvm.log",
        "log10" => "llvm.log10",
        "log2" => "llvm.log2",
        "fma" => "llvm.fma",
        "fmuladd" => "llvm.fmuladd",
        "copysign" => "llvm.copysign",
        "floor" => "llvm.floor",
        "ceil" => "llvm.ceil",
        "trunc" => "llvm.trunc",
        // rint, nearbyint and roundeven agree in the default floating-point environment;
        // rint is what rustc's LLVM backend uses.
        "round_ties_even" => "llvm.rint",
        "round" => "llvm.round",
        "minimum_number_nsz" | "maximum_number_nsz" => {
            return min_max_number_nsz(bx, op, fty, &imms());
        }
        // `minimum`/`maximum` (IEEE 754-2019) stay on core's fallback body, as in rustc's LLVM
        // backend: LLVM miscompiles llvm.minimum/llvm.maximum on some targets.
        _ => return None,
    };
    Some(bx.call_intrinsic(llvm_name, &[fty], &imms()))
}

/// Splits `sqrtf32` into ("sqrt", float) and `round_ties_even_f64` into ("round_ties_even", double).
fn split_float_suffix<'a, 'll>(bx: &Builder<'_, 'll, '_>, name: &'a str) -> Option<(&'a str, &'ll Type)> {
    let (op, fty) = if let Some(op) = name.strip_suffix("f16") {
        (op, bx.type_f16())
    } else if let Some(op) = name.strip_suffix("f32") {
        (op, bx.type_f32())
    } else if let Some(op) = name.strip_suffix("f64") {
        (op, bx.type_f64())
    } else if let Some(op) = name.strip_suffix("f128") {
        (op, bx.type_f128())
    } else {
        return None;
    };
    Some((op.trim_end_matches('_'), fty))
}

/// `minimum_number_nsz_*`/`maximum_number_nsz_*`: IEEE minimumNumber/maximumNumber where the
/// order of ±0 does not matter, i.e. `llvm.minimumnum`/`llvm.maximumnum` with `nsz`.
fn min_max_number_nsz<'ll>(
    bx: &mut Builder<'_, 'll, '_>,
    op: &str,
    fty: &'ll Type,
    imms: &[&'ll Value],
) -> Option<&'ll Value> {
    let llvm_name = if op.starts_with("min") { "llvm.minimumnum" } else { "llvm.maximumnum" };
    if !llvm_has_intrinsic(llvm_name) {
        return None;
    }
    let call = bx.call_intrinsic(llvm_name, &[fty], imms);
    llvm::set_fast_math_flags(call, llvm::LLVMFastMathNoSignedZeros);
    Some(call)
}

/// Integer intrinsics that need LLVM intrinsics or a wider multiply. `None` if `name` is not one
/// (or this LLVM lacks the operation and core's fallback body should run instead).
pub(super) fn int_intrinsic<'ll, 'tcx>(
    bx: &mut Builder<'_, 'll, 'tcx>,
    name: Symbol,
    args: &[OperandRef<'tcx, &'ll Value>],
    result_layout: TyAndLayout<'tcx>,
    span: Span,
) -> Option<&'ll Value> {
    match name {
        sym::ctlz
        | sym::ctlz_nonzero
        | sym::cttz
        | sym::cttz_nonzero
        | sym::ctpop
        | sym::bswap
        | sym::bitreverse
        | sym::saturating_add
        | sym::saturating_sub
        | sym::unchecked_funnel_shl
        | sym::unchecked_funnel_shr
        | sym::carrying_mul_add => {}
        sym::carryless_mul if llvm_has_intrinsic("llvm.clmul") => {}
        _ => return None,
    }

    let ty = args[0].layout.ty;
    if !ty.is_integral() {
        bx.tcx.dcx().span_fatal(span, format!("intrinsic `{name}` needs an integer type, got `{ty}`"));
    }
    let (size, signed) = ty.int_size_and_signed(bx.tcx);
    let width = size.bits();
    let llty = bx.type_int_of_bits(width);
    let a = args[0].immediate();

    let v = match name {
        sym::ctlz | sym::ctlz_nonzero | sym::cttz | sym::cttz_nonzero => {
            let llvm_name = if matches!(name, sym::ctlz | sym::ctlz_nonzero) { "llvm.ctlz" } else { "llvm.cttz" };
            // The flag tells LLVM that a zero input is poison.
            let zero_is_poison = bx.const_bool(matches!(name, sym::ctlz_nonzero | sym::cttz_nonzero));
            let count = bx.call_intrinsic(llvm_name, &[llty], &[a, zero_is_poison]);
            bx.intcast(count, result_layout.llvm_type(bx.cx), false)
        }
        sym::ctpop => {
            let count = bx.call_intrinsic("llvm.ctpop", &[llty], &[a]);
            bx.intcast(count, result_layout.llvm_type(bx.cx), false)
        }
        // Swapping the bytes of a single byte changes nothing (and llvm.bswap.i8 is invalid).
        sym::bswap if width == 8 => a,
        sym::bswap => bx.call_intrinsic("llvm.bswap", &[llty], &[a]),
        sym::bitreverse => bx.call_intrinsic("llvm.bitreverse", &[llty], &[a]),
        sym::saturating_add | sym::saturating_sub => {
            let llvm_name = match (signed, name == sym::saturating_add) {
                (true, true) => "llvm.sadd.sat",
                (true, false) => "llvm.ssub.sat",
                (false, true) => "llvm.uadd.sat",
                (false, false) => "llvm.usub.sat",
            };
            bx.call_intrinsic(llvm_name, &[llty], &[a, args[1].immediate()])
        }
        sym::unchecked_funnel_shl | sym::unchecked_funnel_shr => {
            let llvm_name = if name == sym::unchecked_funnel_shl { "llvm.fshl" } else { "llvm.fshr" };
            // Rust passes the shift as u32; LLVM wants it in the operands' type.
            let shift = bx.intcast(args[2].immediate(), llty, false);
            bx.call_intrinsic(llvm_name, &[llty], &[a, args[1].immediate(), shift])
        }
        sym::carrying_mul_add => carrying_mul_add(bx, args, width, signed),
        sym::carryless_mul => bx.call_intrinsic("llvm.clmul", &[llty], &[a, args[1].immediate()]),
        _ => unreachable!(),
    };
    Some(v)
}

/// `carrying_mul_add(a, b, c, d)` = a * b + c + d computed in twice the width (it cannot
/// overflow there), returned as the pair (low half, high half).
fn carrying_mul_add<'ll, 'tcx>(
    bx: &mut Builder<'_, 'll, 'tcx>,
    args: &[OperandRef<'tcx, &'ll Value>],
    width: u64,
    signed: bool,
) -> &'ll Value {
    let wide_ty = bx.type_int_of_bits(width * 2);
    let narrow_ty = bx.type_int_of_bits(width);
    let [a, b, c, d] = [0, 1, 2, 3].map(|i| bx.intcast(args[i].immediate(), wide_ty, signed));
    let wide = if signed {
        let prod = bx.unchecked_smul(a, b);
        let acc = bx.unchecked_sadd(prod, c);
        bx.unchecked_sadd(acc, d)
    } else {
        let prod = bx.unchecked_umul(a, b);
        let acc = bx.unchecked_uadd(prod, c);
        bx.unchecked_uadd(acc, d)
    };
    let low = bx.trunc(wide, narrow_ty);
    // A logical shift suffices for the signed case too: only the low `width` bits are kept.
    let shift = bx.const_uint(wide_ty, width);
    let high = bx.lshr(wide, shift);
    let high = bx.trunc(high, narrow_ty);

    let pair_ty = bx.type_struct(&[narrow_ty, narrow_ty], false);
    let pair = bx.const_poison(pair_ty);
    let pair = bx.insert_value(pair, low, 0);
    bx.insert_value(pair, high, 1)
}
