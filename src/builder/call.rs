//! Calls and invokes: argument type fix-ups, the callee's ABI attributes and calling
//! convention, and calls to LLVM intrinsics.

use rustc_codegen_ssa::common::TypeKind;
use rustc_codegen_ssa::traits::*;
use rustc_middle::middle::codegen_fn_attrs::{CodegenFnAttrs, TargetFeature, TargetFeatureKind};
use rustc_middle::ty::{Instance, Ty};
use rustc_target::callconv::FnAbi;

use super::{Builder, Funclet};
use crate::abi::FnAbiLlvmExt;
use crate::llvm::{self, BasicBlock, Type, Value};

impl<'a, 'll, 'tcx> Builder<'a, 'll, 'tcx> {
    /// Calls the LLVM intrinsic `name` (overloaded on `type_params`, e.g.
    /// `call_intrinsic("llvm.ctpop", &[i32], &[x])` calls `llvm.ctpop.i32`).
    pub fn call_intrinsic(&mut self, name: &str, type_params: &[&'ll Type], args: &[&'ll Value]) -> &'ll Value {
        let (fn_ty, llfn) = self.cx.get_intrinsic(name, type_params);
        self.call(fn_ty, None, None, llfn, args, None, None)
    }

    /// Emits `call` (or `invoke` when `unwind_dests` is `(normal, unwind)`).
    pub(super) fn build_call_or_invoke(
        &mut self,
        fn_ty: &'ll Type,
        llfn: &'ll Value,
        args: &[&'ll Value],
        funclet: Option<&Funclet<'ll>>,
        unwind_dests: Option<(&'ll BasicBlock, &'ll BasicBlock)>,
    ) -> &'ll Value {
        if let Some(funclet) = funclet {
            funclet.unreachable()
        }
        let args = self.cast_args_to_params(fn_ty, args);
        let (ptr, len) = (args.as_ptr(), args.len() as u32);
        unsafe {
            match unwind_dests {
                None => llvm::LLVMBuildCall2(&self.llbuilder, fn_ty, llfn, ptr, len, llvm::UNNAMED),
                Some((then, catch)) => {
                    llvm::LLVMBuildInvoke2(&self.llbuilder, fn_ty, llfn, ptr, len, then, catch, llvm::UNNAMED)
                }
            }
        }
    }

    /// The arguments, bitcasting any whose type differs from the parameter's (rare with opaque
    /// pointers, but LLVM rejects such calls outright).
    fn cast_args_to_params(&mut self, fn_ty: &'ll Type, args: &[&'ll Value]) -> Vec<&'ll Value> {
        assert_eq!(self.type_kind(fn_ty), TypeKind::Function, "call of a non-function type {fn_ty:?}");
        let params = llvm::types::param_types(fn_ty);
        args.iter()
            .enumerate()
            .map(|(i, &arg)| match params.get(i) {
                Some(&param) if param != self.val_ty(arg) => self.bitcast(arg, param),
                _ => arg,
            })
            .collect()
    }

    /// The callee's `#[inline]` choice on the call site too (it also holds where only a
    /// declaration of the callee is visible), unless inlining would bring in target features
    /// the caller may not have.
    pub(super) fn apply_inline_attr_to_callsite(
        &mut self,
        caller_attrs: &CodegenFnAttrs,
        callee: Instance<'tcx>,
        call: &'ll Value,
    ) {
        let tcx = self.cx.tcx;
        let Some(attr) = crate::attributes::inline_attr(self.cx.llcx, tcx, callee) else { return };
        let session_features =
            tcx.sess.target_features.iter().map(|&name| TargetFeature { name, kind: TargetFeatureKind::Implied });
        let caller_features: Vec<TargetFeature> =
            caller_attrs.target_features.iter().cloned().chain(session_features).collect();
        if tcx.is_target_feature_call_safe(&tcx.codegen_fn_attrs(callee.def_id()).target_features, &caller_features) {
            llvm::add_callsite_attrs(call, llvm::AttributePlace::Function, &[attr]);
        }
    }

    /// Parameter/return attributes and the calling convention of the callee's ABI, on the
    /// call site (`apply_attrs_callsite` does both).
    pub(super) fn apply_fn_abi_to_callsite(&mut self, fn_abi: Option<&FnAbi<'tcx, Ty<'tcx>>>, callsite: &'ll Value) {
        if let Some(fn_abi) = fn_abi {
            fn_abi.apply_attrs_callsite(self, callsite);
        }
    }
}
