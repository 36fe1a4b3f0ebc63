//! Atomic loads, stores, read-modify-write, compare-exchange and fences.

use rustc_abi::Size;
use rustc_codegen_ssa::common::{AtomicRmwBinOp, SynchronizationScope, TypeKind};
use rustc_codegen_ssa::traits::*;
use rustc_middle::ty::AtomicOrdering;

use super::Builder;
use crate::llvm::{self, Type, Value};

pub(crate) fn llvm_ordering(order: AtomicOrdering) -> llvm::LLVMAtomicOrdering {
    use llvm::LLVMAtomicOrdering::*;
    match order {
        AtomicOrdering::Relaxed => LLVMAtomicOrderingMonotonic,
        AtomicOrdering::Release => LLVMAtomicOrderingRelease,
        AtomicOrdering::Acquire => LLVMAtomicOrderingAcquire,
        AtomicOrdering::AcqRel => LLVMAtomicOrderingAcquireRelease,
        AtomicOrdering::SeqCst => LLVMAtomicOrderingSequentiallyConsistent,
    }
}

fn llvm_rmw_op(op: AtomicRmwBinOp) -> llvm::LLVMAtomicRMWBinOp {
    use llvm::LLVMAtomicRMWBinOp::*;
    match op {
        AtomicRmwBinOp::AtomicXchg => LLVMAtomicRMWBinOpXchg,
        AtomicRmwBinOp::AtomicAdd => LLVMAtomicRMWBinOpAdd,
        AtomicRmwBinOp::AtomicSub => LLVMAtomicRMWBinOpSub,
        AtomicRmwBinOp::AtomicAnd => LLVMAtomicRMWBinOpAnd,
        AtomicRmwBinOp::AtomicNand => LLVMAtomicRMWBinOpNand,
        AtomicRmwBinOp::AtomicOr => LLVMAtomicRMWBinOpOr,
        AtomicRmwBinOp::AtomicXor => LLVMAtomicRMWBinOpXor,
        AtomicRmwBinOp::AtomicMax => LLVMAtomicRMWBinOpMax,
        AtomicRmwBinOp::AtomicMin => LLVMAtomicRMWBinOpMin,
        AtomicRmwBinOp::AtomicUMax => LLVMAtomicRMWBinOpUMax,
        AtomicRmwBinOp::AtomicUMin => LLVMAtomicRMWBinOpUMin,
    }
}

impl<'a, 'll, 'tcx> Builder<'a, 'll, 'tcx> {
    /// Atomic load of `ty` (integers, pointers and floats alike: LLVM accepts all of them).
    /// Atomics need an alignment of at least their size, whatever the type's ABI alignment.
    pub(super) fn build_atomic_load(
        &mut self,
        ty: &'ll Type,
        ptr: &'ll Value,
        order: AtomicOrdering,
        size: Size,
    ) -> &'ll Value {
        let load = unsafe { llvm::LLVMBuildLoad2(&self.llbuilder, ty, ptr, llvm::UNNAMED) };
        // SAFETY: `load` is a load.
        unsafe { llvm::LLVMSetOrdering(load, llvm_ordering(order)) };
        llvm::set_alignment(load, size.bytes());
        load
    }

    pub(super) fn build_atomic_store(&mut self, val: &'ll Value, ptr: &'ll Value, order: AtomicOrdering, size: Size) {
        debug_assert_eq!(self.type_kind(self.val_ty(ptr)), TypeKind::Pointer);
        let store = unsafe { llvm::LLVMBuildStore(&self.llbuilder, val, ptr) };
        // SAFETY: `store` is a store.
        unsafe { llvm::LLVMSetOrdering(store, llvm_ordering(order)) };
        llvm::set_alignment(store, size.bytes());
    }

    /// `cmpxchg`, returning (previous value, success flag).
    pub(super) fn build_atomic_cmpxchg(
        &mut self,
        dst: &'ll Value,
        cmp: &'ll Value,
        src: &'ll Value,
        order: AtomicOrdering,
        failure_order: AtomicOrdering,
        weak: bool,
    ) -> (&'ll Value, &'ll Value) {
        let pair = unsafe {
            llvm::LLVMBuildAtomicCmpXchg(
                &self.llbuilder,
                dst,
                cmp,
                src,
                llvm_ordering(order),
                llvm_ordering(failure_order),
                llvm::to_bool(false),
            )
        };
        // SAFETY: `pair` is a cmpxchg.
        unsafe { llvm::LLVMSetWeak(pair, llvm::to_bool(weak)) };
        (self.extract_value(pair, 0), self.extract_value(pair, 1))
    }

    pub(super) fn build_atomic_rmw(
        &mut self,
        op: AtomicRmwBinOp,
        dst: &'ll Value,
        src: &'ll Value,
        order: AtomicOrdering,
        ret_ptr: bool,
    ) -> &'ll Value {
        // When the memory holds a pointer but `src` is an integer (e.g. `AtomicPtr::fetch_add`),
        // LLVM can only do the operation on integers; hand the result back as a pointer.
        let res = unsafe {
            llvm::LLVMBuildAtomicRMW(
                &self.llbuilder,
                llvm_rmw_op(op),
                dst,
                src,
                llvm_ordering(order),
                llvm::to_bool(false),
            )
        };
        if ret_ptr && self.val_ty(res) != self.type_ptr() { self.inttoptr(res, self.type_ptr()) } else { res }
    }

    pub(super) fn build_atomic_fence(&mut self, order: AtomicOrdering, scope: SynchronizationScope) {
        let single_thread = matches!(scope, SynchronizationScope::SingleThread);
        unsafe {
            llvm::LLVMBuildFence(&self.llbuilder, llvm_ordering(order), llvm::to_bool(single_thread), llvm::UNNAMED);
        }
    }
}
