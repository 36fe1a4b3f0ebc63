//! LLVM's IR builder: its owner, and typed declarations of the `LLVMBuild*` functions and the
//! instruction setters that `crate::builder` and the allocator shim call.
//!
//! Most of these stay `unsafe`, unlike the declarations in `types` and `consts`: the builder
//! creates and constant-folds instructions assuming the operands fit them (an `add` of an `i64`
//! and an `i128` constant is folded by reading the second one's words as if it had the first
//! one's width; `LLVMSetVolatile` casts its operand to a load or store), and only LLVM's debug
//! builds check that. The callers rely on what rustc_codegen_ssa's lowering guarantees about
//! types, as rustc's own LLVM backend does. The few that any live handles satisfy are `safe`.
//! Names are always [`UNNAMED`](super::UNNAMED): LLVM numbers the values.

use std::ffi::{c_char, c_uint};
use std::marker::PhantomData;
use std::ptr::NonNull;

use llvm_sys::prelude::LLVMBool;
use llvm_sys::{
    LLVMAtomicOrdering, LLVMAtomicRMWBinOp, LLVMFastMathFlags, LLVMGEPNoWrapFlags, LLVMIntPredicate, LLVMRealPredicate,
    LLVMTailCallKind,
};

use super::{BasicBlock, Context, Metadata, Type, Value};

/// An `llvm::IRBuilder` making instructions in context `'ll`. (An opaque sized type rather than
/// an extern type like the other handles, so that its owner can `Deref` to it.)
#[repr(C)]
pub struct IrBuilder<'ll> {
    _data: [u8; 0],
    _marker: PhantomData<(&'ll mut &'ll Context, *mut u8, std::marker::PhantomPinned)>,
}

/// An IR builder, disposed on drop.
pub struct OwnedIrBuilder<'ll>(NonNull<IrBuilder<'ll>>);

impl<'ll> OwnedIrBuilder<'ll> {
    /// A builder with no insertion point yet.
    pub fn new(c: &'ll Context) -> Self {
        OwnedIrBuilder(LLVMCreateBuilderInContext(c))
    }
}

impl<'ll> std::ops::Deref for OwnedIrBuilder<'ll> {
    type Target = IrBuilder<'ll>;

    fn deref(&self) -> &IrBuilder<'ll> {
        unsafe { self.0.as_ref() }
    }
}

impl Drop for OwnedIrBuilder<'_> {
    fn drop(&mut self) {
        unsafe { LLVMDisposeBuilder(self.0) }
    }
}

unsafe extern "C" {
    safe fn LLVMCreateBuilderInContext<'ll>(c: &'ll Context) -> NonNull<IrBuilder<'ll>>;
    fn LLVMDisposeBuilder(b: NonNull<IrBuilder<'_>>);

    pub safe fn LLVMPositionBuilderAtEnd<'ll>(b: &IrBuilder<'ll>, bb: &'ll BasicBlock);
    /// `inst` must be an instruction.
    pub fn LLVMPositionBuilderBefore<'ll>(b: &IrBuilder<'ll>, inst: &'ll Value);
    pub safe fn LLVMGetInsertBlock<'ll>(b: &IrBuilder<'ll>) -> Option<&'ll BasicBlock>;
    /// `loc` must be a `DILocation`.
    pub fn LLVMSetCurrentDebugLocation2<'ll>(b: &IrBuilder<'ll>, loc: Option<&'ll Metadata>);

    // Terminators.
    pub safe fn LLVMBuildRetVoid<'ll>(b: &IrBuilder<'ll>) -> &'ll Value;
    pub fn LLVMBuildRet<'ll>(b: &IrBuilder<'ll>, v: &'ll Value) -> &'ll Value;
    pub safe fn LLVMBuildBr<'ll>(b: &IrBuilder<'ll>, dest: &'ll BasicBlock) -> &'ll Value;
    pub fn LLVMBuildCondBr<'ll>(
        b: &IrBuilder<'ll>,
        cond: &'ll Value,
        then: &'ll BasicBlock,
        otherwise: &'ll BasicBlock,
    ) -> &'ll Value;
    pub fn LLVMBuildSwitch<'ll>(
        b: &IrBuilder<'ll>,
        v: &'ll Value,
        otherwise: &'ll BasicBlock,
        num_cases: c_uint,
    ) -> &'ll Value;
    /// `switch` must be a `switch`, `on_val` a constant of its condition's type.
    pub fn LLVMAddCase<'ll>(switch: &'ll Value, on_val: &'ll Value, dest: &'ll BasicBlock);
    pub safe fn LLVMBuildUnreachable<'ll>(b: &IrBuilder<'ll>) -> &'ll Value;
    pub fn LLVMBuildResume<'ll>(b: &IrBuilder<'ll>, exn: &'ll Value) -> &'ll Value;
    pub fn LLVMBuildLandingPad<'ll>(
        b: &IrBuilder<'ll>,
        ty: &'ll Type,
        pers_fn: Option<&'ll Value>,
        num_clauses: c_uint,
        name: *const c_char,
    ) -> &'ll Value;
    /// `landing_pad` must be a `landingpad`.
    pub fn LLVMAddClause<'ll>(landing_pad: &'ll Value, clause: &'ll Value);
    /// `landing_pad` must be a `landingpad`.
    pub fn LLVMSetCleanup(landing_pad: &Value, cleanup: LLVMBool);
    /// `f` must be a function.
    pub fn LLVMSetPersonalityFn<'ll>(f: &'ll Value, personality: &'ll Value);

    // Arithmetic.
    pub fn LLVMBuildAdd<'ll>(b: &IrBuilder<'ll>, l: &'ll Value, r: &'ll Value, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildFAdd<'ll>(b: &IrBuilder<'ll>, l: &'ll Value, r: &'ll Value, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildSub<'ll>(b: &IrBuilder<'ll>, l: &'ll Value, r: &'ll Value, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildFSub<'ll>(b: &IrBuilder<'ll>, l: &'ll Value, r: &'ll Value, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildMul<'ll>(b: &IrBuilder<'ll>, l: &'ll Value, r: &'ll Value, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildFMul<'ll>(b: &IrBuilder<'ll>, l: &'ll Value, r: &'ll Value, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildUDiv<'ll>(b: &IrBuilder<'ll>, l: &'ll Value, r: &'ll Value, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildExactUDiv<'ll>(b: &IrBuilder<'ll>, l: &'ll Value, r: &'ll Value, name: *const c_char)
    -> &'ll Value;
    pub fn LLVMBuildSDiv<'ll>(b: &IrBuilder<'ll>, l: &'ll Value, r: &'ll Value, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildExactSDiv<'ll>(b: &IrBuilder<'ll>, l: &'ll Value, r: &'ll Value, name: *const c_char)
    -> &'ll Value;
    pub fn LLVMBuildFDiv<'ll>(b: &IrBuilder<'ll>, l: &'ll Value, r: &'ll Value, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildURem<'ll>(b: &IrBuilder<'ll>, l: &'ll Value, r: &'ll Value, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildSRem<'ll>(b: &IrBuilder<'ll>, l: &'ll Value, r: &'ll Value, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildFRem<'ll>(b: &IrBuilder<'ll>, l: &'ll Value, r: &'ll Value, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildShl<'ll>(b: &IrBuilder<'ll>, l: &'ll Value, r: &'ll Value, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildLShr<'ll>(b: &IrBuilder<'ll>, l: &'ll Value, r: &'ll Value, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildAShr<'ll>(b: &IrBuilder<'ll>, l: &'ll Value, r: &'ll Value, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildAnd<'ll>(b: &IrBuilder<'ll>, l: &'ll Value, r: &'ll Value, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildOr<'ll>(b: &IrBuilder<'ll>, l: &'ll Value, r: &'ll Value, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildXor<'ll>(b: &IrBuilder<'ll>, l: &'ll Value, r: &'ll Value, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildNeg<'ll>(b: &IrBuilder<'ll>, v: &'ll Value, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildFNeg<'ll>(b: &IrBuilder<'ll>, v: &'ll Value, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildNot<'ll>(b: &IrBuilder<'ll>, v: &'ll Value, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildICmp<'ll>(
        b: &IrBuilder<'ll>,
        op: LLVMIntPredicate,
        l: &'ll Value,
        r: &'ll Value,
        name: *const c_char,
    ) -> &'ll Value;
    pub fn LLVMBuildFCmp<'ll>(
        b: &IrBuilder<'ll>,
        op: LLVMRealPredicate,
        l: &'ll Value,
        r: &'ll Value,
        name: *const c_char,
    ) -> &'ll Value;
    pub fn LLVMBuildSelect<'ll>(
        b: &IrBuilder<'ll>,
        cond: &'ll Value,
        then: &'ll Value,
        otherwise: &'ll Value,
        name: *const c_char,
    ) -> &'ll Value;
    /// `inst` must be an instruction that can wrap (add, sub, mul, shl, trunc).
    pub fn LLVMSetNUW(inst: &Value, nuw: LLVMBool);
    /// `inst` must be an instruction that can wrap (add, sub, mul, shl, trunc).
    pub fn LLVMSetNSW(inst: &Value, nsw: LLVMBool);
    /// `inst` must be an `or` instruction.
    pub fn LLVMSetIsDisjoint(inst: &Value, disjoint: LLVMBool);
    safe fn LLVMCanValueUseFastMathFlags(v: &Value) -> LLVMBool;
    fn LLVMSetFastMathFlags(v: &Value, flags: LLVMFastMathFlags);

    // Casts.
    pub fn LLVMBuildTrunc<'ll>(b: &IrBuilder<'ll>, v: &'ll Value, ty: &'ll Type, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildSExt<'ll>(b: &IrBuilder<'ll>, v: &'ll Value, ty: &'ll Type, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildZExt<'ll>(b: &IrBuilder<'ll>, v: &'ll Value, ty: &'ll Type, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildUIToFP<'ll>(b: &IrBuilder<'ll>, v: &'ll Value, ty: &'ll Type, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildSIToFP<'ll>(b: &IrBuilder<'ll>, v: &'ll Value, ty: &'ll Type, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildFPToUI<'ll>(b: &IrBuilder<'ll>, v: &'ll Value, ty: &'ll Type, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildFPToSI<'ll>(b: &IrBuilder<'ll>, v: &'ll Value, ty: &'ll Type, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildFPTrunc<'ll>(b: &IrBuilder<'ll>, v: &'ll Value, ty: &'ll Type, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildFPExt<'ll>(b: &IrBuilder<'ll>, v: &'ll Value, ty: &'ll Type, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildPtrToInt<'ll>(b: &IrBuilder<'ll>, v: &'ll Value, ty: &'ll Type, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildIntToPtr<'ll>(b: &IrBuilder<'ll>, v: &'ll Value, ty: &'ll Type, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildBitCast<'ll>(b: &IrBuilder<'ll>, v: &'ll Value, ty: &'ll Type, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildPointerCast<'ll>(
        b: &IrBuilder<'ll>,
        v: &'ll Value,
        ty: &'ll Type,
        name: *const c_char,
    ) -> &'ll Value;
    pub fn LLVMBuildIntCast2<'ll>(
        b: &IrBuilder<'ll>,
        v: &'ll Value,
        ty: &'ll Type,
        signed: LLVMBool,
        name: *const c_char,
    ) -> &'ll Value;

    // Aggregates and vectors.
    pub fn LLVMBuildExtractValue<'ll>(
        b: &IrBuilder<'ll>,
        agg: &'ll Value,
        index: c_uint,
        name: *const c_char,
    ) -> &'ll Value;
    pub fn LLVMBuildInsertValue<'ll>(
        b: &IrBuilder<'ll>,
        agg: &'ll Value,
        elt: &'ll Value,
        index: c_uint,
        name: *const c_char,
    ) -> &'ll Value;
    pub fn LLVMBuildExtractElement<'ll>(
        b: &IrBuilder<'ll>,
        vec: &'ll Value,
        index: &'ll Value,
        name: *const c_char,
    ) -> &'ll Value;
    pub fn LLVMBuildInsertElement<'ll>(
        b: &IrBuilder<'ll>,
        vec: &'ll Value,
        elt: &'ll Value,
        index: &'ll Value,
        name: *const c_char,
    ) -> &'ll Value;
    pub fn LLVMBuildShuffleVector<'ll>(
        b: &IrBuilder<'ll>,
        v1: &'ll Value,
        v2: &'ll Value,
        mask: &'ll Value,
        name: *const c_char,
    ) -> &'ll Value;
    pub fn LLVMBuildPhi<'ll>(b: &IrBuilder<'ll>, ty: &'ll Type, name: *const c_char) -> &'ll Value;
    /// `phi` must be a `phi` of the values' type.
    pub fn LLVMAddIncoming<'ll>(
        phi: &'ll Value,
        values: *const &'ll Value,
        blocks: *const &'ll BasicBlock,
        count: c_uint,
    );
    pub fn LLVMBuildVAArg<'ll>(b: &IrBuilder<'ll>, list: &'ll Value, ty: &'ll Type, name: *const c_char) -> &'ll Value;

    // Memory.
    pub fn LLVMBuildAlloca<'ll>(b: &IrBuilder<'ll>, ty: &'ll Type, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildLoad2<'ll>(b: &IrBuilder<'ll>, ty: &'ll Type, ptr: &'ll Value, name: *const c_char) -> &'ll Value;
    pub fn LLVMBuildStore<'ll>(b: &IrBuilder<'ll>, v: &'ll Value, ptr: &'ll Value) -> &'ll Value;
    pub fn LLVMBuildGEPWithNoWrapFlags<'ll>(
        b: &IrBuilder<'ll>,
        ty: &'ll Type,
        ptr: &'ll Value,
        indices: *const &'ll Value,
        count: c_uint,
        name: *const c_char,
        flags: LLVMGEPNoWrapFlags,
    ) -> &'ll Value;
    pub fn LLVMBuildMemCpy<'ll>(
        b: &IrBuilder<'ll>,
        dst: &'ll Value,
        dst_align: c_uint,
        src: &'ll Value,
        src_align: c_uint,
        size: &'ll Value,
    ) -> &'ll Value;
    pub fn LLVMBuildMemMove<'ll>(
        b: &IrBuilder<'ll>,
        dst: &'ll Value,
        dst_align: c_uint,
        src: &'ll Value,
        src_align: c_uint,
        size: &'ll Value,
    ) -> &'ll Value;
    pub fn LLVMBuildMemSet<'ll>(
        b: &IrBuilder<'ll>,
        ptr: &'ll Value,
        byte: &'ll Value,
        size: &'ll Value,
        align: c_uint,
    ) -> &'ll Value;
    /// `inst` must be a load, store, atomic RMW or cmpxchg.
    pub fn LLVMSetVolatile(inst: &Value, volatile: LLVMBool);
    /// `inst` must be a load or store.
    pub fn LLVMSetOrdering(inst: &Value, ordering: LLVMAtomicOrdering);

    // Atomics.
    pub fn LLVMBuildAtomicRMW<'ll>(
        b: &IrBuilder<'ll>,
        op: LLVMAtomicRMWBinOp,
        ptr: &'ll Value,
        v: &'ll Value,
        ordering: LLVMAtomicOrdering,
        single_thread: LLVMBool,
    ) -> &'ll Value;
    pub fn LLVMBuildAtomicCmpXchg<'ll>(
        b: &IrBuilder<'ll>,
        ptr: &'ll Value,
        cmp: &'ll Value,
        new: &'ll Value,
        success: LLVMAtomicOrdering,
        failure: LLVMAtomicOrdering,
        single_thread: LLVMBool,
    ) -> &'ll Value;
    /// `cmpxchg` must be a `cmpxchg`.
    pub fn LLVMSetWeak(cmpxchg: &Value, weak: LLVMBool);
    pub fn LLVMBuildFence<'ll>(
        b: &IrBuilder<'ll>,
        ordering: LLVMAtomicOrdering,
        single_thread: LLVMBool,
        name: *const c_char,
    ) -> &'ll Value;

    // Calls.
    pub fn LLVMBuildCall2<'ll>(
        b: &IrBuilder<'ll>,
        fn_ty: &'ll Type,
        callee: &'ll Value,
        args: *const &'ll Value,
        count: c_uint,
        name: *const c_char,
    ) -> &'ll Value;
    pub fn LLVMBuildInvoke2<'ll>(
        b: &IrBuilder<'ll>,
        fn_ty: &'ll Type,
        callee: &'ll Value,
        args: *const &'ll Value,
        count: c_uint,
        then: &'ll BasicBlock,
        catch: &'ll BasicBlock,
        name: *const c_char,
    ) -> &'ll Value;
    pub fn LLVMBuildCallBr<'ll>(
        b: &IrBuilder<'ll>,
        fn_ty: &'ll Type,
        callee: &'ll Value,
        default_dest: &'ll BasicBlock,
        indirect_dests: *const &'ll BasicBlock,
        num_indirect_dests: c_uint,
        args: *const &'ll Value,
        count: c_uint,
        bundles: *const (),
        num_bundles: c_uint,
        name: *const c_char,
    ) -> &'ll Value;
    /// `call` must be a `call`.
    pub fn LLVMSetTailCallKind(call: &Value, kind: LLVMTailCallKind);
    /// `call` must be a `call`.
    pub fn LLVMSetTailCall(call: &Value, is_tail: LLVMBool);
    /// `call` must be a call, invoke or callbr.
    pub fn LLVMSetInstructionCallConv(call: &Value, cconv: c_uint);
}

/// Sets fast-math `flags` on `v` if it is a floating-point operation (constant operands fold to
/// constants, and some intrinsic calls are not floating-point ones: neither carries flags).
pub fn set_fast_math_flags(v: &Value, flags: LLVMFastMathFlags) {
    if LLVMCanValueUseFastMathFlags(v) != 0 {
        unsafe { LLVMSetFastMathFlags(v, flags) }
    }
}
