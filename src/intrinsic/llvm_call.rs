//! Calls to LLVM intrinsics that Rust code declares itself, as core::arch does:
//! `extern "unadjusted" { #[link_name = "llvm.x86.sse2.pause"] fn pause(); }`.
//!
//! The Rust signature is turned into LLVM types; the intrinsic is declared through LLVM's
//! intrinsic table (never by just adding a function of that name, which would fail LLVM's
//! verifier if the types were off) and its signature checked against the Rust one. A few
//! representation differences are bridged the way rustc's LLVM backend does ("autocast"):
//! `bf16` ↔ `i16`, `<N x i1>` masks ↔ integers, and structs member by member.

use std::iter;

use rustc_abi::{BackendRepr, WrappingRange};
use rustc_codegen_ssa::common::TypeKind;
use rustc_codegen_ssa::mir::operand::{OperandRef, OperandValue};
use rustc_codegen_ssa::traits::*;
use rustc_middle::bug;
use rustc_middle::ty::layout::{HasTypingEnv, LayoutOf};
use rustc_middle::ty::{self, Instance};
use rustc_span::Span;
use rustc_target::spec::Arch;

use crate::builder::Builder;
use crate::context::CodegenCx;
use crate::llvm::types::{param_types, return_type, struct_element_types};
use crate::llvm::{self, Type, Value};
use crate::type_of::LayoutLlvmExt;

pub(super) fn codegen_llvm_intrinsic_call<'ll, 'tcx>(
    bx: &mut Builder<'_, 'll, 'tcx>,
    instance: Instance<'tcx>,
    args: &[OperandRef<'tcx, &'ll Value>],
) -> &'ll Value {
    let tcx = bx.tcx;
    let name = tcx.symbol_name(instance).name;
    let span = tcx.def_span(instance.def_id());

    let fn_sig = match *instance.ty(tcx, bx.typing_env()).kind() {
        ty::FnDef(def_id, fn_args) => {
            tcx.instantiate_bound_regions_with_erased(tcx.fn_sig(def_id).instantiate(tcx, fn_args).skip_norm_wip())
        }
        _ => bug!("LLVM intrinsic `{name}` is not a function item"),
    };
    if fn_sig.c_variadic() {
        tcx.dcx().span_fatal(span, format!("LLVM intrinsic `{name}` cannot be declared variadic"));
    }

    // The Rust side of the signature, with zero-sized arguments dropped (they are not passed).
    let ret_layout = bx.layout_of(fn_sig.output());
    let rust_ret = if ret_layout.is_zst() { bx.type_void() } else { ret_layout.immediate_llvm_type(bx.cx) };
    let rust_params: Vec<&'ll Type> = fn_sig
        .inputs()
        .iter()
        .map(|&t| bx.layout_of(t))
        .filter(|l| !l.is_zst())
        .map(|l| l.immediate_llvm_type(bx.cx))
        .collect();

    let (fn_ty, llfn) = declare_llvm_intrinsic(bx.cx, name, rust_ret, &rust_params, span);

    let mut llargs = Vec::with_capacity(args.len());
    for arg in args {
        match arg.val {
            OperandValue::ZeroSized => {}
            OperandValue::Immediate(v) => llargs.push(v),
            OperandValue::Pair(a, b) => {
                llargs.push(a);
                llargs.push(b);
            }
            OperandValue::Ref(place) => {
                // Passed by value even when Rust keeps it in memory: load it whole.
                let mut v = bx.load(bx.backend_type(arg.layout), place.llval, place.align);
                if let BackendRepr::Scalar(scalar) = arg.layout.backend_repr {
                    if scalar.is_bool() {
                        bx.range_metadata(v, WrappingRange { start: 0, end: 1 });
                    }
                    v = bx.to_immediate_scalar(v, scalar);
                }
                llargs.push(v);
            }
        }
    }

    let llvm_params = param_types(fn_ty);
    if llargs.len() != llvm_params.len() {
        tcx.dcx().span_fatal(
            span,
            format!("LLVM intrinsic `{name}` takes {} arguments, but {} are passed", llvm_params.len(), llargs.len()),
        );
    }
    for (arg, &dest_ty) in iter::zip(&mut llargs, &llvm_params) {
        let src_ty = bx.val_ty(arg);
        if !can_autocast(bx.cx, src_ty, dest_ty) {
            tcx.dcx().span_fatal(
                span,
                format!("argument of type `{src_ty:?}` does not fit LLVM intrinsic `{name}` (`{dest_ty:?}`)"),
            );
        }
        *arg = autocast(bx, arg, src_ty, dest_ty);
    }

    let llret = bx.call(fn_ty, None, None, llfn, &llargs, None, None);
    let llvm_ret = return_type(fn_ty);
    if bx.type_kind(llvm_ret) == TypeKind::Void { llret } else { autocast(bx, llret, llvm_ret, rust_ret) }
}

/// Declares LLVM intrinsic `name` so that it fits the Rust signature, or stops with an error.
fn declare_llvm_intrinsic<'ll>(
    cx: &CodegenCx<'ll, '_>,
    name: &str,
    rust_ret: &'ll Type,
    rust_params: &[&'ll Type],
    span: Span,
) -> (&'ll Type, &'ll Value) {
    let dcx = cx.tcx.dcx();
    let id = llvm::ir::lookup_intrinsic_id(name);
    if id == 0 {
        // rustc's LLVM backend would try LLVM's auto-upgrade of deprecated intrinsics here,
        // which the C API does not offer.
        dcx.span_fatal(span, format!("`{name}` is not an intrinsic known to this LLVM"));
    }
    check_target_arch(cx, name, span);

    let rust_fn_ty = cx.type_func(rust_params, rust_ret);
    let fits = |fn_ty: &'ll Type| signature_fits(cx, fn_ty, rust_ret, rust_params);

    if !llvm::ir::intrinsic_is_overloaded(id) {
        let (fn_ty, llfn) = cx.get_intrinsic(name, &[]);
        if !fits(fn_ty) {
            dcx.span_fatal(
                span,
                format!(
                    "LLVM intrinsic `{name}` has type `{fn_ty:?}`, which does not match its Rust \
                     declaration `{rust_fn_ty:?}`"
                ),
            );
        }
        return (fn_ty, llfn);
    }

    // An overloaded intrinsic: its name spells the overload types (`llvm.fshl.i32`). Find the
    // types among those of the Rust signature whose mangling gives back exactly `name`.
    let candidates = overload_candidates(cx, rust_ret, rust_params);
    for n in 1..=3 {
        for overload in tuples(&candidates, n) {
            if overloaded_name(cx, id, &overload) != name {
                continue;
            }
            let fn_ty = llvm::ir::intrinsic_type(cx.llcx, id, &overload);
            if fits(fn_ty) {
                return cx.get_intrinsic(name, &overload);
            }
        }
    }
    dcx.span_fatal(
        span,
        format!(
            "rustc_codegen_inkwell cannot match the Rust declaration `{rust_fn_ty:?}` of \
             overloaded LLVM intrinsic `{name}`"
        ),
    )
}

/// Target-specific intrinsics (`llvm.x86.*`, `llvm.aarch64.*`, …) only exist for their target.
fn check_target_arch(cx: &CodegenCx<'_, '_>, name: &str, span: Span) {
    const TARGET_PREFIXES: &[&str] = &[
        "aarch64",
        "amdgcn",
        "arm",
        "bpf",
        "hexagon",
        "loongarch",
        "mips",
        "nvvm",
        "ppc",
        "r600",
        "riscv",
        "s390",
        "spv",
        "ve",
        "wasm",
        "x86",
        "xcore",
    ];
    let Some(prefix) = name.strip_prefix("llvm.").and_then(|rest| rest.split('.').next()) else {
        return;
    };
    if !TARGET_PREFIXES.contains(&prefix) {
        return;
    }
    let arch = &cx.tcx.sess.target.arch;
    let ours = match arch {
        Arch::AArch64 | Arch::Arm64EC => "aarch64",
        Arch::AmdGpu => "amdgcn",
        Arch::Arm => "arm",
        Arch::Bpf => "bpf",
        Arch::Hexagon => "hexagon",
        Arch::LoongArch32 | Arch::LoongArch64 => "loongarch",
        Arch::Mips | Arch::Mips32r6 | Arch::Mips64 | Arch::Mips64r6 => "mips",
        Arch::Nvptx64 => "nvvm",
        Arch::PowerPC | Arch::PowerPC64 => "ppc",
        Arch::RiscV32 | Arch::RiscV64 => "riscv",
        Arch::S390x => "s390",
        Arch::SpirV => "spv",
        Arch::Wasm32 | Arch::Wasm64 => "wasm",
        Arch::X86 | Arch::X86_64 => "x86",
        _ => return,
    };
    if prefix != ours {
        cx.tcx.dcx().span_fatal(
            span,
            format!("LLVM intrinsic `{name}` cannot be used on target architecture `{}`", arch.desc()),
        );
    }
}

fn signature_fits<'ll>(
    cx: &CodegenCx<'ll, '_>,
    llvm_fn_ty: &'ll Type,
    rust_ret: &'ll Type,
    rust_params: &[&'ll Type],
) -> bool {
    let llvm_params = param_types(llvm_fn_ty);
    let variadic = llvm::types::is_var_arg(llvm_fn_ty);
    !variadic
        && llvm_params.len() == rust_params.len()
        && can_autocast(cx, rust_ret, return_type(llvm_fn_ty))
        && iter::zip(rust_params, &llvm_params).all(|(&r, &l)| can_autocast(cx, r, l))
}

/// The distinct non-aggregate types of the Rust signature (and the `bf16` forms of `i16`
/// ones, which Rust spells as `i16`): the types an overloaded intrinsic can be overloaded on.
fn overload_candidates<'ll>(cx: &CodegenCx<'ll, '_>, rust_ret: &'ll Type, rust_params: &[&'ll Type]) -> Vec<&'ll Type> {
    let mut all = vec![rust_ret];
    all.extend_from_slice(rust_params);
    if cx.type_kind(rust_ret) == TypeKind::Struct {
        all.extend(struct_element_types(rust_ret));
    }
    let mut out: Vec<&'ll Type> = Vec::new();
    let mut push = |t: &'ll Type| {
        if !out.contains(&t) {
            out.push(t);
        }
    };
    for t in all {
        match cx.type_kind(t) {
            TypeKind::Void | TypeKind::Struct | TypeKind::Array => {}
            TypeKind::Integer if cx.int_width(t) == 16 => {
                push(t);
                push(type_bf16(cx));
            }
            TypeKind::Vector
                if cx.type_kind(cx.element_type(t)) == TypeKind::Integer && cx.int_width(cx.element_type(t)) == 16 =>
            {
                push(t);
                push(cx.type_vector(type_bf16(cx), cx.vector_length(t) as u64));
            }
            _ => push(t),
        }
    }
    out
}

/// All `n`-tuples (with repetition) of `items`.
fn tuples<'ll>(items: &[&'ll Type], n: usize) -> Vec<Vec<&'ll Type>> {
    let mut acc: Vec<Vec<&'ll Type>> = vec![vec![]];
    for _ in 0..n {
        acc = acc
            .into_iter()
            .flat_map(|prefix| {
                items.iter().map(move |&t| {
                    let mut next = prefix.clone();
                    next.push(t);
                    next
                })
            })
            .collect();
    }
    acc
}

fn overloaded_name(cx: &CodegenCx<'_, '_>, id: u32, overload: &[&Type]) -> String {
    llvm::ir::intrinsic_name(cx.llmod, id, overload)
}

/// Whether a value of the Rust-side type `rust_ty` can stand for LLVM's `llvm_ty` (or the other
/// way round for return values), possibly through [`autocast`].
fn can_autocast<'ll>(cx: &CodegenCx<'ll, '_>, rust_ty: &'ll Type, llvm_ty: &'ll Type) -> bool {
    if rust_ty == llvm_ty {
        return true;
    }
    match cx.type_kind(llvm_ty) {
        // LLVM returns literal structs; Rust's may be named, or differ in element types.
        TypeKind::Struct if cx.type_kind(rust_ty) == TypeKind::Struct => {
            let rust_elems = struct_element_types(rust_ty);
            let llvm_elems = struct_element_types(llvm_ty);
            rust_elems.len() == llvm_elems.len()
                && iter::zip(rust_elems, llvm_elems).all(|(r, l)| can_autocast(cx, r, l))
        }
        TypeKind::Vector => {
            let elem = cx.element_type(llvm_ty);
            let n = cx.vector_length(llvm_ty) as u64;
            if elem == type_bf16(cx) {
                rust_ty == cx.type_vector(cx.type_i16(), n)
            } else if elem == cx.type_i1() {
                // Masks travel as the smallest integer of at least 8 bits holding all lanes.
                rust_ty == cx.type_int_of_bits(mask_int_width(n))
            } else {
                false
            }
        }
        TypeKind::BFloat => rust_ty == cx.type_i16(),
        _ => false,
    }
}

/// Converts `val` from `src_ty` to `dest_ty`, which [`can_autocast`] accepted.
fn autocast<'ll>(bx: &mut Builder<'_, 'll, '_>, val: &'ll Value, src_ty: &'ll Type, dest_ty: &'ll Type) -> &'ll Value {
    if src_ty == dest_ty {
        return val;
    }
    match (bx.type_kind(src_ty), bx.type_kind(dest_ty)) {
        (TypeKind::Struct, TypeKind::Struct) => {
            let mut out = bx.const_poison(dest_ty);
            let elems = iter::zip(struct_element_types(src_ty), struct_element_types(dest_ty));
            for (i, (src_elem, dest_elem)) in elems.enumerate() {
                let elem = bx.extract_value(val, i as u64);
                let elem = autocast(bx, elem, src_elem, dest_elem);
                out = bx.insert_value(out, elem, i as u64);
            }
            out
        }
        // <N x i1> → iW: widen the mask to W lanes with zeros, then reinterpret.
        (TypeKind::Vector, TypeKind::Integer) if bx.element_type(src_ty) == bx.type_i1() => {
            let n = bx.vector_length(src_ty) as u64;
            let width = mask_int_width(n);
            let widened = if n == width {
                val
            } else {
                // Lanes ≥ n pick from the all-zero second operand.
                let mask: Vec<_> = (0..width).map(|i| bx.const_i32(if i < n { i as i32 } else { n as i32 })).collect();
                let zeros = bx.const_null(src_ty);
                let mask = bx.const_vector(&mask);
                bx.shuffle_vector(val, zeros, mask)
            };
            bx.bitcast(widened, dest_ty)
        }
        // iW → <N x i1>: reinterpret as W lanes, keep the first N.
        (TypeKind::Integer, TypeKind::Vector) if bx.element_type(dest_ty) == bx.type_i1() => {
            let n = bx.vector_length(dest_ty) as u64;
            let width = mask_int_width(n);
            let wide_ty = bx.type_vector(bx.type_i1(), width);
            let wide = bx.bitcast(val, wide_ty);
            if n == width {
                wide
            } else {
                let mask: Vec<_> = (0..n).map(|i| bx.const_i32(i as i32)).collect();
                let poison = bx.const_poison(wide_ty);
                let mask = bx.const_vector(&mask);
                bx.shuffle_vector(wide, poison, mask)
            }
        }
        // bf16 and <N x bf16> against i16 and <N x i16>.
        _ => bx.bitcast(val, dest_ty),
    }
}

fn mask_int_width(lanes: u64) -> u64 {
    lanes.next_power_of_two().max(8)
}

fn type_bf16<'ll>(cx: &CodegenCx<'ll, '_>) -> &'ll Type {
    llvm::types::LLVMBFloatTypeInContext(cx.llcx)
}
