//! `catch_unwind(try_fn, data, catch_fn)`: run `try_fn(data)`; if it unwinds, run
//! `catch_fn(data, exception)` and return 1, else return 0.
//!
//! The `invoke` lives in a small helper function, `__rust_try`, made once per module: a function
//! has a single personality, and the caller may already use another one (or none at all).

use rustc_codegen_ssa::mir::operand::OperandValue;
use rustc_codegen_ssa::mir::place::PlaceRef;
use rustc_codegen_ssa::traits::*;
use rustc_hir as hir;
use rustc_middle::ty::layout::FnAbiOf;
use rustc_middle::ty::{self, Ty};

use crate::builder::Builder;
use crate::context::CodegenCx;
use crate::llvm::{self, Type, Value};

pub(super) fn catch_unwind<'ll, 'tcx>(
    bx: &mut Builder<'_, 'll, 'tcx>,
    try_func: &'ll Value,
    data: &'ll Value,
    catch_func: &'ll Value,
    dest: PlaceRef<'tcx, &'ll Value>,
) {
    let sess = bx.sess();
    if !sess.panic_strategy().unwinds() {
        // Nothing can unwind: just call and report success.
        let try_fn_ty = bx.type_func(&[bx.type_ptr()], bx.type_void());
        bx.call(try_fn_ty, None, None, try_func, &[data], None, None);
        OperandValue::Immediate(bx.const_i32(0)).store(bx, dest);
        return;
    }
    let (fn_ty, rust_try) = gnu_rust_try_fn(bx.cx);
    // A plain call: `__rust_try` itself catches everything, so it never unwinds.
    let ret = bx.call(fn_ty, None, None, rust_try, &[try_func, data, catch_func], None, None);
    OperandValue::Immediate(ret).store(bx, dest);
}

/// The Itanium-EH `__rust_try` of this module, made on first use:
///
/// ```text
/// define internal i32 @__rust_try(ptr %try_func, ptr %data, ptr %catch_func) personality @pers {
///   invoke void %try_func(ptr %data) to label %then unwind label %catch
/// then:
///   ret i32 0
/// catch:
///   %lp = landingpad { ptr, i32 } catch ptr null      ; catch-all
///   %exn = extractvalue { ptr, i32 } %lp, 0
///   call void %catch_func(ptr %data, ptr %exn)
///   ret i32 1
/// }
/// ```
fn gnu_rust_try_fn<'a, 'll, 'tcx>(cx: &'a CodegenCx<'ll, 'tcx>) -> (&'ll Type, &'ll Value) {
    if let Some(cached) = cx.rust_try_fn.get() {
        return cached;
    }

    let (fn_ty, llfn) = declare_rust_try(cx);
    let entry = cx.append_block(llfn, "start");
    let mut bx = Builder::build(cx, entry);
    let then = bx.append_sibling_block("then");
    let catch = bx.append_sibling_block("catch");

    let param = |i| llvm::ir::param(llfn, i);
    let (try_func, data, catch_func) = (param(0), param(1), param(2));

    let ptr = bx.type_ptr();
    let try_fn_ty = bx.type_func(&[ptr], bx.type_void());
    bx.invoke(try_fn_ty, None, None, try_func, &[data], then, catch, None, None);

    bx.switch_to_block(then);
    bx.ret(bx.const_i32(0));

    bx.switch_to_block(catch);
    let lpad_ty = bx.type_struct(&[ptr, bx.type_i32()], false);
    let lpad = bx.landing_pad(lpad_ty, cx.eh_personality(), 1);
    // A null type-info clause catches every exception, foreign ones included; the catch
    // function tells them apart.
    bx.add_clause(lpad, bx.const_null(ptr));
    let exn = bx.extract_value(lpad, 0);
    let catch_fn_ty = bx.type_func(&[ptr, ptr], bx.type_void());
    bx.call(catch_fn_ty, None, None, catch_func, &[data, exn], None, None);
    bx.ret(bx.const_i32(1));

    cx.rust_try_fn.set(Some((fn_ty, llfn)));
    (fn_ty, llfn)
}

/// Declares `__rust_try` with the Rust ABI of
/// `unsafe fn(unsafe fn(*mut i8), *mut i8, unsafe fn(*mut i8, *mut i8)) -> i32`, internal to the
/// module.
fn declare_rust_try<'ll, 'tcx>(cx: &CodegenCx<'ll, 'tcx>) -> (&'ll Type, &'ll Value) {
    let tcx = cx.tcx;
    let i8p = Ty::new_mut_ptr(tcx, tcx.types.i8);
    let unsafe_fn = |inputs: &[Ty<'tcx>], output: Ty<'tcx>| {
        ty::Binder::dummy(tcx.mk_fn_sig_rust_abi(inputs.iter().copied(), output, hir::Safety::Unsafe))
    };
    let try_fn_ty = Ty::new_fn_ptr(tcx, unsafe_fn(&[i8p], tcx.types.unit));
    let catch_fn_ty = Ty::new_fn_ptr(tcx, unsafe_fn(&[i8p, i8p], tcx.types.unit));
    let sig = unsafe_fn(&[try_fn_ty, i8p, catch_fn_ty], tcx.types.i32);

    let fn_abi = cx.fn_abi_of_fn_ptr(sig, ty::List::empty());
    let llfn = cx.declare_fn("__rust_try", fn_abi, None);
    cx.set_frame_pointer_type(llfn);
    cx.apply_target_cpu_attr(llfn);
    llvm::set_linkage(llfn, llvm::LLVMLinkage::LLVMInternalLinkage);
    let fn_ty = llvm::ir::value_type(llfn);
    (fn_ty, llfn)
}
