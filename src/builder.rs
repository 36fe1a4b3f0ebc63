//! `Builder`: emits LLVM instructions at the end of one basic block, for rustc_codegen_ssa's
//! `BuilderMethods`. Everything goes through the plain LLVM C API; where rustc's own backend
//! calls a C++ wrapper we build the same IR with C API calls (see the notes on each method).
//!
//! The `unsafe` blocks here call `LLVMBuild*` functions, whose operands must fit the
//! instruction (`crate::llvm::builder` says why that is not checked). They rely on
//! rustc_codegen_ssa's lowering giving well-typed operands, as rustc's own LLVM backend does;
//! where more is needed (a setter that wants a particular instruction), a `SAFETY` note says
//! what holds.
//!
//! Submodules hold the parts that are more than a one-line LLVM call:
//! - `call`: calls, invokes, operand bundles and intrinsic calls;
//! - `memory`: allocas, loads (with their metadata), stores, mem* and lifetime markers;
//! - `atomic`: orderings, atomic RMW / cmpxchg / fences;
//! - `eh`: landing pads and funclets (unwinding);
//! - `other_traits`: the small builder traits (ABI params, statics, debuginfo, coverage, asm).

mod atomic;
mod call;
mod eh;
mod memory;
mod other_traits;

use std::ops::Deref;

use rustc_abi::{self as abi, Align, HasDataLayout, Size, TargetDataLayout, WrappingRange};
use rustc_codegen_ssa::MemFlags;
use rustc_codegen_ssa::common::{AtomicRmwBinOp, IntPredicate, RealPredicate, SynchronizationScope};
use rustc_codegen_ssa::mir::operand::OperandRef;
use rustc_codegen_ssa::mir::place::PlaceRef;
use rustc_codegen_ssa::traits::*;
use rustc_middle::bug;
use rustc_middle::middle::codegen_fn_attrs::CodegenFnAttrs;
use rustc_middle::ty::layout::{
    FnAbiError, FnAbiOfHelpers, FnAbiRequest, HasTyCtxt, HasTypingEnv, LayoutError, LayoutOfHelpers, TyAndLayout,
};
use rustc_middle::ty::{self, AtomicOrdering, Instance, Ty, TyCtxt};
use rustc_session::config::OptLevel;
use rustc_span::Span;
use rustc_target::callconv::{FnAbi, PassMode};
use rustc_target::spec::{HasTargetSpec, Target};

use crate::context::CodegenCx;
use crate::llvm::{self, BasicBlock, Type, Value};

/// An LLVM IR builder positioned in one function of `cx`'s module.
#[must_use]
pub struct Builder<'a, 'll, 'tcx> {
    pub llbuilder: llvm::OwnedIrBuilder<'ll>,
    pub cx: &'a CodegenCx<'ll, 'tcx>,
}

/// An EH funclet (`cleanuppad`/`catchpad`), which only MSVC SEH and wasm exceptions use: x86-64
/// ELF code unwinds through landing pads, so no funclet is ever made (the type has no values).
pub struct Funclet<'ll>(std::convert::Infallible, std::marker::PhantomData<&'ll Value>);

impl Funclet<'_> {
    pub fn unreachable(&self) -> ! {
        match self.0 {}
    }
}

impl<'a, 'll, 'tcx> Builder<'a, 'll, 'tcx> {
    /// A builder with no insertion point yet.
    pub fn with_cx(cx: &'a CodegenCx<'ll, 'tcx>) -> Self {
        Builder { llbuilder: llvm::OwnedIrBuilder::new(cx.llcx), cx }
    }

    pub fn position_at_end(&mut self, llbb: &'ll BasicBlock) {
        llvm::LLVMPositionBuilderAtEnd(&self.llbuilder, llbb)
    }

    /// The function the builder is currently emitting into.
    pub fn llfn(&self) -> &'ll Value {
        llvm::ir::parent_function(self.llbb())
    }

    fn optimizing(&self) -> bool {
        self.cx.sess().opts.optimize != OptLevel::No
    }

    /// Sets nuw/nsw on `v` if it is still an instruction (constant operands fold to constants,
    /// which carry no flags).
    fn set_wrap_flags(&self, v: &'ll Value, nuw: bool, nsw: bool) -> &'ll Value {
        if llvm::ir::is_instruction(v) {
            // SAFETY: the callers pass what an add, sub, mul or trunc built, which as an
            // instruction is that operation.
            unsafe {
                if nuw {
                    llvm::LLVMSetNUW(v, llvm::to_bool(true));
                }
                if nsw {
                    llvm::LLVMSetNSW(v, llvm::to_bool(true));
                }
            }
        }
        v
    }

    pub fn insert_element(&mut self, vec: &'ll Value, elt: &'ll Value, idx: &'ll Value) -> &'ll Value {
        unsafe { llvm::LLVMBuildInsertElement(&self.llbuilder, vec, elt, idx, llvm::UNNAMED) }
    }

    pub fn shuffle_vector(&mut self, v1: &'ll Value, v2: &'ll Value, mask: &'ll Value) -> &'ll Value {
        unsafe { llvm::LLVMBuildShuffleVector(&self.llbuilder, v1, v2, mask, llvm::UNNAMED) }
    }

    pub fn phi(&mut self, ty: &'ll Type, vals: &[&'ll Value], bbs: &[&'ll BasicBlock]) -> &'ll Value {
        assert_eq!(vals.len(), bbs.len());
        let phi = unsafe { llvm::LLVMBuildPhi(&self.llbuilder, ty, llvm::UNNAMED) };
        for (&v, &bb) in vals.iter().zip(bbs) {
            self.add_incoming_to_phi(phi, v, bb);
        }
        phi
    }

    pub fn add_incoming_to_phi(&mut self, phi: &'ll Value, val: &'ll Value, bb: &'ll BasicBlock) {
        assert!(llvm::ir::is_phi(phi), "incoming value for {phi:?}");
        unsafe { llvm::LLVMAddIncoming(phi, &val, &bb, 1) }
    }
}

/// `fast`: every fast-math flag.
const FAST_MATH: llvm::LLVMFastMathFlags = llvm::LLVMFastMathAll;
/// What rustc's `*_algebraic` intrinsics allow: reassociation and friends, but still no
/// assumptions about NaN or infinities (those would make ordinary inputs UB).
const ALGEBRAIC_MATH: llvm::LLVMFastMathFlags = llvm::LLVMFastMathAllowReassoc
    | llvm::LLVMFastMathNoSignedZeros
    | llvm::LLVMFastMathAllowReciprocal
    | llvm::LLVMFastMathAllowContract
    | llvm::LLVMFastMathApproxFunc;

fn int_predicate(op: IntPredicate) -> llvm::LLVMIntPredicate {
    use llvm::LLVMIntPredicate::*;
    match op {
        IntPredicate::IntEQ => LLVMIntEQ,
        IntPredicate::IntNE => LLVMIntNE,
        IntPredicate::IntUGT => LLVMIntUGT,
        IntPredicate::IntUGE => LLVMIntUGE,
        IntPredicate::IntULT => LLVMIntULT,
        IntPredicate::IntULE => LLVMIntULE,
        IntPredicate::IntSGT => LLVMIntSGT,
        IntPredicate::IntSGE => LLVMIntSGE,
        IntPredicate::IntSLT => LLVMIntSLT,
        IntPredicate::IntSLE => LLVMIntSLE,
    }
}

fn real_predicate(op: RealPredicate) -> llvm::LLVMRealPredicate {
    use llvm::LLVMRealPredicate::*;
    match op {
        RealPredicate::RealPredicateFalse => LLVMRealPredicateFalse,
        RealPredicate::RealOEQ => LLVMRealOEQ,
        RealPredicate::RealOGT => LLVMRealOGT,
        RealPredicate::RealOGE => LLVMRealOGE,
        RealPredicate::RealOLT => LLVMRealOLT,
        RealPredicate::RealOLE => LLVMRealOLE,
        RealPredicate::RealONE => LLVMRealONE,
        RealPredicate::RealORD => LLVMRealORD,
        RealPredicate::RealUNO => LLVMRealUNO,
        RealPredicate::RealUEQ => LLVMRealUEQ,
        RealPredicate::RealUGT => LLVMRealUGT,
        RealPredicate::RealUGE => LLVMRealUGE,
        RealPredicate::RealULT => LLVMRealULT,
        RealPredicate::RealULE => LLVMRealULE,
        RealPredicate::RealUNE => LLVMRealUNE,
        RealPredicate::RealPredicateTrue => LLVMRealPredicateTrue,
    }
}

impl<'ll, 'tcx> BackendTypes for Builder<'_, 'll, 'tcx> {
    type Function = <CodegenCx<'ll, 'tcx> as BackendTypes>::Function;
    type BasicBlock = <CodegenCx<'ll, 'tcx> as BackendTypes>::BasicBlock;
    type Funclet = <CodegenCx<'ll, 'tcx> as BackendTypes>::Funclet;
    type Value = <CodegenCx<'ll, 'tcx> as BackendTypes>::Value;
    type Type = <CodegenCx<'ll, 'tcx> as BackendTypes>::Type;
    type FunctionSignature = <CodegenCx<'ll, 'tcx> as BackendTypes>::FunctionSignature;
    type DIScope = <CodegenCx<'ll, 'tcx> as BackendTypes>::DIScope;
    type DILocation = <CodegenCx<'ll, 'tcx> as BackendTypes>::DILocation;
    type DIVariable = <CodegenCx<'ll, 'tcx> as BackendTypes>::DIVariable;
}

impl<'ll, 'tcx> Deref for Builder<'_, 'll, 'tcx> {
    type Target = CodegenCx<'ll, 'tcx>;

    fn deref(&self) -> &Self::Target {
        self.cx
    }
}

impl HasDataLayout for Builder<'_, '_, '_> {
    fn data_layout(&self) -> &TargetDataLayout {
        self.cx.data_layout()
    }
}

impl<'tcx> HasTyCtxt<'tcx> for Builder<'_, '_, 'tcx> {
    fn tcx(&self) -> TyCtxt<'tcx> {
        self.cx.tcx
    }
}

impl<'tcx> HasTypingEnv<'tcx> for Builder<'_, '_, 'tcx> {
    fn typing_env(&self) -> ty::TypingEnv<'tcx> {
        self.cx.typing_env()
    }
}

impl HasTargetSpec for Builder<'_, '_, '_> {
    fn target_spec(&self) -> &Target {
        self.cx.target_spec()
    }
}

impl<'tcx> LayoutOfHelpers<'tcx> for Builder<'_, '_, 'tcx> {
    fn handle_layout_err(&self, err: LayoutError<'tcx>, span: Span, ty: Ty<'tcx>) -> ! {
        self.cx.handle_layout_err(err, span, ty)
    }
}

impl<'tcx> FnAbiOfHelpers<'tcx> for Builder<'_, '_, 'tcx> {
    fn handle_fn_abi_err(&self, err: FnAbiError<'tcx>, span: Span, req: FnAbiRequest<'tcx>) -> ! {
        self.cx.handle_fn_abi_err(err, span, req)
    }
}

/// Binary operations that map to one `LLVMBuild*` call.
macro_rules! binary_ops {
    ($($name:ident => $capi:ident),* $(,)?) => {$(
        fn $name(&mut self, lhs: &'ll Value, rhs: &'ll Value) -> &'ll Value {
            unsafe { llvm::$capi(&self.llbuilder, lhs, rhs, llvm::UNNAMED) }
        }
    )*};
}

/// Unary operations that map to one `LLVMBuild*` call.
macro_rules! unary_ops {
    ($($name:ident => $capi:ident),* $(,)?) => {$(
        fn $name(&mut self, v: &'ll Value) -> &'ll Value {
            unsafe { llvm::$capi(&self.llbuilder, v, llvm::UNNAMED) }
        }
    )*};
}

/// Integer operations with poison-on-wrap flags: (name => plain op, nuw, nsw).
macro_rules! wrapping_flag_ops {
    ($($name:ident => $base:ident, $nuw:literal, $nsw:literal);* $(;)?) => {$(
        fn $name(&mut self, lhs: &'ll Value, rhs: &'ll Value) -> &'ll Value {
            let v = self.$base(lhs, rhs);
            self.set_wrap_flags(v, $nuw, $nsw)
        }
    )*};
}

/// Float operations with fast-math flags: (name => plain op, flags).
macro_rules! fast_math_ops {
    ($($name:ident => $base:ident, $flags:expr);* $(;)?) => {$(
        fn $name(&mut self, lhs: &'ll Value, rhs: &'ll Value) -> &'ll Value {
            let v = self.$base(lhs, rhs);
            llvm::set_fast_math_flags(v, $flags);
            v
        }
    )*};
}

/// Casts that map to one `LLVMBuild*` call.
macro_rules! cast_ops {
    ($($name:ident => $capi:ident),* $(,)?) => {$(
        fn $name(&mut self, val: &'ll Value, dest_ty: &'ll Type) -> &'ll Value {
            unsafe { llvm::$capi(&self.llbuilder, val, dest_ty, llvm::UNNAMED) }
        }
    )*};
}

impl<'a, 'll, 'tcx> BuilderMethods<'a, 'tcx> for Builder<'a, 'll, 'tcx> {
    type CodegenCx = CodegenCx<'ll, 'tcx>;

    fn build(cx: &'a CodegenCx<'ll, 'tcx>, llbb: &'ll BasicBlock) -> Self {
        let mut bx = Builder::with_cx(cx);
        bx.position_at_end(llbb);
        bx
    }

    fn cx(&self) -> &CodegenCx<'ll, 'tcx> {
        self.cx
    }

    fn llbb(&self) -> &'ll BasicBlock {
        llvm::LLVMGetInsertBlock(&self.llbuilder).expect("builder has an insertion point")
    }

    fn set_span(&mut self, _span: Span) {}

    fn append_block(cx: &'a CodegenCx<'ll, 'tcx>, llfn: &'ll Value, name: &str) -> &'ll BasicBlock {
        cx.append_block(llfn, name)
    }

    fn append_sibling_block(&mut self, name: &str) -> &'ll BasicBlock {
        self.cx.append_block(self.llfn(), name)
    }

    fn switch_to_block(&mut self, llbb: &'ll BasicBlock) {
        // Like a fresh builder: no debug location carried over from the previous block.
        unsafe { llvm::LLVMSetCurrentDebugLocation2(&self.llbuilder, None) };
        self.position_at_end(llbb);
    }

    fn ret_void(&mut self) {
        llvm::LLVMBuildRetVoid(&self.llbuilder);
    }

    fn ret(&mut self, v: &'ll Value) {
        unsafe { llvm::LLVMBuildRet(&self.llbuilder, v) };
    }

    fn br(&mut self, dest: &'ll BasicBlock) {
        llvm::LLVMBuildBr(&self.llbuilder, dest);
    }

    fn cond_br(&mut self, cond: &'ll Value, then_llbb: &'ll BasicBlock, else_llbb: &'ll BasicBlock) {
        unsafe { llvm::LLVMBuildCondBr(&self.llbuilder, cond, then_llbb, else_llbb) };
    }

    fn cond_br_with_expect(
        &mut self,
        mut cond: &'ll Value,
        then_llbb: &'ll BasicBlock,
        else_llbb: &'ll BasicBlock,
        expect: Option<bool>,
    ) {
        // `llvm.expect` is only worth emitting for the optimizer.
        if let Some(expected) = expect
            && self.optimizing()
        {
            let expected = self.const_bool(expected);
            cond = self.call_intrinsic("llvm.expect", &[self.type_i1()], &[cond, expected]);
        }
        self.cond_br(cond, then_llbb, else_llbb)
    }

    fn switch(
        &mut self,
        v: &'ll Value,
        else_llbb: &'ll BasicBlock,
        cases: impl ExactSizeIterator<Item = (u128, &'ll BasicBlock)>,
    ) {
        let switch = unsafe { llvm::LLVMBuildSwitch(&self.llbuilder, v, else_llbb, cases.len() as u32) };
        let ty = self.val_ty(v);
        for (on_val, dest) in cases {
            let on_val = self.const_uint_big(ty, on_val);
            // SAFETY: `switch` is a `switch` on `ty`.
            unsafe { llvm::LLVMAddCase(switch, on_val, dest) }
        }
    }

    fn switch_with_weights(
        &mut self,
        v: &'ll Value,
        else_llbb: &'ll BasicBlock,
        else_is_cold: bool,
        cases: impl ExactSizeIterator<Item = (u128, &'ll BasicBlock, bool)>,
    ) {
        if !self.optimizing() {
            self.switch(v, else_llbb, cases.map(|(val, dest, _)| (val, dest)));
            return;
        }
        // Same weights as `llvm.expect` lowers to: 1 for cold targets, 2000 for the others.
        let cold = self.cx.value_as_md(self.const_u32(1));
        let hot = self.cx.value_as_md(self.const_u32(2000));
        let weight = |is_cold: bool| if is_cold { cold } else { hot };
        let tag = "branch_weights";
        let tag = llvm::metadata::string(self.cx.llcx, tag);
        let mut mds = Vec::with_capacity(cases.len() + 2);
        mds.push(tag);
        mds.push(weight(else_is_cold));

        let switch = unsafe { llvm::LLVMBuildSwitch(&self.llbuilder, v, else_llbb, cases.len() as u32) };
        let ty = self.val_ty(v);
        for (on_val, dest, is_cold) in cases {
            let on_val = self.const_uint_big(ty, on_val);
            // SAFETY: `switch` is a `switch` on `ty`.
            unsafe { llvm::LLVMAddCase(switch, on_val, dest) }
            mds.push(weight(is_cold));
        }
        self.cx.set_metadata_node(switch, "prof", &mds);
    }

    fn invoke(
        &mut self,
        llty: &'ll Type,
        _fn_attrs: Option<&CodegenFnAttrs>,
        fn_abi: Option<&FnAbi<'tcx, Ty<'tcx>>>,
        llfn: &'ll Value,
        args: &[&'ll Value],
        then: &'ll BasicBlock,
        catch: &'ll BasicBlock,
        funclet: Option<&Funclet<'ll>>,
        _instance: Option<Instance<'tcx>>,
    ) -> &'ll Value {
        let invoke = self.build_call_or_invoke(llty, llfn, args, funclet, Some((then, catch)));
        self.apply_fn_abi_to_callsite(fn_abi, invoke);
        invoke
    }

    fn unreachable(&mut self) {
        llvm::LLVMBuildUnreachable(&self.llbuilder);
    }

    binary_ops! {
        add => LLVMBuildAdd,
        fadd => LLVMBuildFAdd,
        sub => LLVMBuildSub,
        fsub => LLVMBuildFSub,
        mul => LLVMBuildMul,
        fmul => LLVMBuildFMul,
        udiv => LLVMBuildUDiv,
        exactudiv => LLVMBuildExactUDiv,
        sdiv => LLVMBuildSDiv,
        exactsdiv => LLVMBuildExactSDiv,
        fdiv => LLVMBuildFDiv,
        urem => LLVMBuildURem,
        srem => LLVMBuildSRem,
        frem => LLVMBuildFRem,
        shl => LLVMBuildShl,
        lshr => LLVMBuildLShr,
        ashr => LLVMBuildAShr,
        and => LLVMBuildAnd,
        or => LLVMBuildOr,
        xor => LLVMBuildXor,
    }

    unary_ops! {
        neg => LLVMBuildNeg,
        fneg => LLVMBuildFNeg,
        not => LLVMBuildNot,
    }

    wrapping_flag_ops! {
        unchecked_sadd => add, false, true;
        unchecked_uadd => add, true, false;
        unchecked_suadd => add, true, true;
        unchecked_ssub => sub, false, true;
        unchecked_usub => sub, true, false;
        unchecked_susub => sub, true, true;
        unchecked_smul => mul, false, true;
        unchecked_umul => mul, true, false;
        unchecked_sumul => mul, true, true;
    }

    fn or_disjoint(&mut self, lhs: &'ll Value, rhs: &'ll Value) -> &'ll Value {
        let or = self.or(lhs, rhs);
        if llvm::ir::is_instruction(or) {
            // SAFETY: an `or` built as an instruction is an `or` instruction.
            unsafe { llvm::LLVMSetIsDisjoint(or, llvm::to_bool(true)) }
        }
        or
    }

    fast_math_ops! {
        fadd_fast => fadd, FAST_MATH;
        fsub_fast => fsub, FAST_MATH;
        fmul_fast => fmul, FAST_MATH;
        fdiv_fast => fdiv, FAST_MATH;
        frem_fast => frem, FAST_MATH;
        fadd_algebraic => fadd, ALGEBRAIC_MATH;
        fsub_algebraic => fsub, ALGEBRAIC_MATH;
        fmul_algebraic => fmul, ALGEBRAIC_MATH;
        fdiv_algebraic => fdiv, ALGEBRAIC_MATH;
        frem_algebraic => frem, ALGEBRAIC_MATH;
    }

    fn checked_binop(
        &mut self,
        oop: OverflowOp,
        ty: Ty<'tcx>,
        lhs: &'ll Value,
        rhs: &'ll Value,
    ) -> (&'ll Value, &'ll Value) {
        let (size, signed) = ty.int_size_and_signed(self.tcx);
        // Unsigned add/sub: LLVM's canonical form is the plain op plus a compare, which it turns
        // back into the overflow intrinsic in the backend when that is better.
        if !signed {
            match oop {
                OverflowOp::Sub => {
                    let sub = self.sub(lhs, rhs);
                    let overflow = self.icmp(IntPredicate::IntULT, lhs, rhs);
                    return (sub, overflow);
                }
                OverflowOp::Add => {
                    let add = self.add(lhs, rhs);
                    let overflow = self.icmp(IntPredicate::IntULT, add, lhs);
                    return (add, overflow);
                }
                OverflowOp::Mul => {}
            }
        }
        let op = match oop {
            OverflowOp::Add => "add",
            OverflowOp::Sub => "sub",
            OverflowOp::Mul => "mul",
        };
        let name = format!("llvm.{}{op}.with.overflow", if signed { 's' } else { 'u' });
        let int_ty = self.type_int_of_bits(size.bits());
        let res = self.call_intrinsic(&name, &[int_ty], &[lhs, rhs]);
        (self.extract_value(res, 0), self.extract_value(res, 1))
    }

    fn from_immediate(&mut self, val: &'ll Value) -> &'ll Value {
        // Bools are i1 as immediates but i8 in memory.
        if self.val_ty(val) == self.type_i1() { self.zext(val, self.type_i8()) } else { val }
    }

    fn to_immediate_scalar(&mut self, val: &'ll Value, scalar: abi::Scalar) -> &'ll Value {
        if scalar.is_bool() {
            return self.unchecked_utrunc(val, self.type_i1());
        }
        val
    }

    fn alloca(&mut self, size: Size, align: Align) -> &'ll Value {
        self.alloca_in_entry(size, align)
    }

    fn alloca_with_ty(&mut self, layout: TyAndLayout<'tcx>) -> &'ll Value {
        self.typed_alloca_in_entry(layout)
    }

    fn load(&mut self, ty: &'ll Type, ptr: &'ll Value, align: Align) -> &'ll Value {
        self.build_load(ty, ptr, align)
    }

    fn volatile_load(&mut self, ty: &'ll Type, ptr: &'ll Value) -> &'ll Value {
        let load = unsafe { llvm::LLVMBuildLoad2(&self.llbuilder, ty, ptr, llvm::UNNAMED) };
        // SAFETY: `load` is a load.
        unsafe { llvm::LLVMSetVolatile(load, llvm::to_bool(true)) };
        load
    }

    fn atomic_load(&mut self, ty: &'ll Type, ptr: &'ll Value, order: AtomicOrdering, size: Size) -> &'ll Value {
        self.build_atomic_load(ty, ptr, order, size)
    }

    fn load_operand(&mut self, place: PlaceRef<'tcx, &'ll Value>) -> OperandRef<'tcx, &'ll Value> {
        self.build_load_operand(place)
    }

    fn write_operand_repeatedly(
        &mut self,
        elem: OperandRef<'tcx, &'ll Value>,
        count: u64,
        dest: PlaceRef<'tcx, &'ll Value>,
    ) {
        if self.optimizing() {
            self.repeat_by_index(elem, count, dest);
        } else {
            self.repeat_by_pointer(elem, count, dest);
        }
    }

    fn range_metadata(&mut self, load: &'ll Value, range: WrappingRange) {
        self.set_range_metadata(load, range);
    }

    fn nonnull_metadata(&mut self, load: &'ll Value) {
        self.cx.set_metadata_node(load, "nonnull", &[]);
    }

    fn store(&mut self, val: &'ll Value, ptr: &'ll Value, align: Align) -> &'ll Value {
        self.store_with_flags(val, ptr, align, MemFlags::empty())
    }

    fn store_with_flags(&mut self, val: &'ll Value, ptr: &'ll Value, align: Align, flags: MemFlags) -> &'ll Value {
        self.build_store(val, ptr, align, flags)
    }

    fn atomic_store(&mut self, val: &'ll Value, ptr: &'ll Value, order: AtomicOrdering, size: Size) {
        self.build_atomic_store(val, ptr, order, size);
    }

    fn gep(&mut self, ty: &'ll Type, ptr: &'ll Value, indices: &[&'ll Value]) -> &'ll Value {
        self.build_gep(ty, ptr, indices, 0)
    }

    fn inbounds_gep(&mut self, ty: &'ll Type, ptr: &'ll Value, indices: &[&'ll Value]) -> &'ll Value {
        self.build_gep(ty, ptr, indices, llvm::LLVMGEPFlagInBounds)
    }

    fn inbounds_nuw_gep(&mut self, ty: &'ll Type, ptr: &'ll Value, indices: &[&'ll Value]) -> &'ll Value {
        self.build_gep(ty, ptr, indices, llvm::LLVMGEPFlagInBounds | llvm::LLVMGEPFlagNUW)
    }

    cast_ops! {
        trunc => LLVMBuildTrunc,
        sext => LLVMBuildSExt,
        zext => LLVMBuildZExt,
        uitofp => LLVMBuildUIToFP,
        sitofp => LLVMBuildSIToFP,
        fptrunc => LLVMBuildFPTrunc,
        fpext => LLVMBuildFPExt,
        ptrtoint => LLVMBuildPtrToInt,
        inttoptr => LLVMBuildIntToPtr,
        bitcast => LLVMBuildBitCast,
        pointercast => LLVMBuildPointerCast,
    }

    fn unchecked_utrunc(&mut self, val: &'ll Value, dest_ty: &'ll Type) -> &'ll Value {
        // (A "trunc" to the same type is no instruction at all: nothing to flag.)
        if self.val_ty(val) == dest_ty {
            return val;
        }
        let trunc = self.trunc(val, dest_ty);
        self.set_wrap_flags(trunc, true, false)
    }

    fn unchecked_strunc(&mut self, val: &'ll Value, dest_ty: &'ll Type) -> &'ll Value {
        if self.val_ty(val) == dest_ty {
            return val;
        }
        let trunc = self.trunc(val, dest_ty);
        self.set_wrap_flags(trunc, false, true)
    }

    fn fptoui_sat(&mut self, val: &'ll Value, dest_ty: &'ll Type) -> &'ll Value {
        self.call_intrinsic("llvm.fptoui.sat", &[dest_ty, self.val_ty(val)], &[val])
    }

    fn fptosi_sat(&mut self, val: &'ll Value, dest_ty: &'ll Type) -> &'ll Value {
        self.call_intrinsic("llvm.fptosi.sat", &[dest_ty, self.val_ty(val)], &[val])
    }

    fn fptoui(&mut self, val: &'ll Value, dest_ty: &'ll Type) -> &'ll Value {
        unsafe { llvm::LLVMBuildFPToUI(&self.llbuilder, val, dest_ty, llvm::UNNAMED) }
    }

    fn fptosi(&mut self, val: &'ll Value, dest_ty: &'ll Type) -> &'ll Value {
        unsafe { llvm::LLVMBuildFPToSI(&self.llbuilder, val, dest_ty, llvm::UNNAMED) }
    }

    fn intcast(&mut self, val: &'ll Value, dest_ty: &'ll Type, is_signed: bool) -> &'ll Value {
        unsafe { llvm::LLVMBuildIntCast2(&self.llbuilder, val, dest_ty, llvm::to_bool(is_signed), llvm::UNNAMED) }
    }

    fn icmp(&mut self, op: IntPredicate, lhs: &'ll Value, rhs: &'ll Value) -> &'ll Value {
        unsafe { llvm::LLVMBuildICmp(&self.llbuilder, int_predicate(op), lhs, rhs, llvm::UNNAMED) }
    }

    fn fcmp(&mut self, op: RealPredicate, lhs: &'ll Value, rhs: &'ll Value) -> &'ll Value {
        unsafe { llvm::LLVMBuildFCmp(&self.llbuilder, real_predicate(op), lhs, rhs, llvm::UNNAMED) }
    }

    fn three_way_compare(&mut self, ty: Ty<'tcx>, lhs: &'ll Value, rhs: &'ll Value) -> &'ll Value {
        // LLVM (since 20) has dedicated intrinsics that it optimizes best.
        let size = ty.primitive_size(self.tcx);
        let name = if ty.is_signed() { "llvm.scmp" } else { "llvm.ucmp" };
        let operand_ty = self.type_int_of_bits(size.bits());
        self.call_intrinsic(name, &[self.type_i8(), operand_ty], &[lhs, rhs])
    }

    fn memcpy(
        &mut self,
        dst: &'ll Value,
        dst_align: Align,
        src: &'ll Value,
        src_align: Align,
        size: &'ll Value,
        flags: MemFlags,
        _tt: Option<rustc_ast::expand::typetree::FncTree>,
    ) {
        // `_tt` only feeds Enzyme (autodiff), which this backend does not support.
        self.build_memcpy_or_memmove(false, dst, dst_align, src, src_align, size, flags);
    }

    fn memmove(
        &mut self,
        dst: &'ll Value,
        dst_align: Align,
        src: &'ll Value,
        src_align: Align,
        size: &'ll Value,
        flags: MemFlags,
    ) {
        self.build_memcpy_or_memmove(true, dst, dst_align, src, src_align, size, flags);
    }

    fn memset(&mut self, ptr: &'ll Value, fill_byte: &'ll Value, size: &'ll Value, align: Align, flags: MemFlags) {
        self.build_memset(ptr, fill_byte, size, align, flags);
    }

    fn select(&mut self, cond: &'ll Value, then_val: &'ll Value, else_val: &'ll Value) -> &'ll Value {
        unsafe { llvm::LLVMBuildSelect(&self.llbuilder, cond, then_val, else_val, llvm::UNNAMED) }
    }

    fn va_arg(&mut self, list: &'ll Value, ty: &'ll Type) -> &'ll Value {
        unsafe { llvm::LLVMBuildVAArg(&self.llbuilder, list, ty, llvm::UNNAMED) }
    }

    fn extract_element(&mut self, vec: &'ll Value, idx: &'ll Value) -> &'ll Value {
        unsafe { llvm::LLVMBuildExtractElement(&self.llbuilder, vec, idx, llvm::UNNAMED) }
    }

    fn vector_splat(&mut self, num_elts: usize, elt: &'ll Value) -> &'ll Value {
        // insertelement into lane 0, then a shufflevector with an all-zero mask.
        let elt_ty = self.val_ty(elt);
        let undef = llvm::consts::LLVMGetUndef(self.type_vector(elt_ty, num_elts as u64));
        let zero = self.const_i32(0);
        let vec = self.insert_element(undef, elt, zero);
        let mask_ty = self.type_vector(self.type_i32(), num_elts as u64);
        let mask = self.const_null(mask_ty);
        self.shuffle_vector(vec, undef, mask)
    }

    fn extract_value(&mut self, agg_val: &'ll Value, idx: u64) -> &'ll Value {
        let idx = u32::try_from(idx).expect("extract_value index overflows u32");
        unsafe { llvm::LLVMBuildExtractValue(&self.llbuilder, agg_val, idx, llvm::UNNAMED) }
    }

    fn insert_value(&mut self, agg_val: &'ll Value, elt: &'ll Value, idx: u64) -> &'ll Value {
        let idx = u32::try_from(idx).expect("insert_value index overflows u32");
        unsafe { llvm::LLVMBuildInsertValue(&self.llbuilder, agg_val, elt, idx, llvm::UNNAMED) }
    }

    fn set_personality_fn(&mut self, personality: &'ll Value) {
        // SAFETY: `llfn` is a function.
        unsafe { llvm::LLVMSetPersonalityFn(self.llfn(), personality) }
    }

    fn cleanup_landing_pad(&mut self, pers_fn: &'ll Value) -> (&'ll Value, &'ll Value) {
        let ty = self.eh_pair_type();
        let landing_pad = self.landing_pad(ty, pers_fn, 0);
        // SAFETY: `landing_pad` is a `landingpad`.
        unsafe { llvm::LLVMSetCleanup(landing_pad, llvm::to_bool(true)) };
        (self.extract_value(landing_pad, 0), self.extract_value(landing_pad, 1))
    }

    fn filter_landing_pad(&mut self, pers_fn: &'ll Value) {
        // An empty filter: the personality stops unwinding here (used for `nounwind` frames).
        let ty = self.eh_pair_type();
        let landing_pad = self.landing_pad(ty, pers_fn, 1);
        let empty_filter = llvm::ir::const_array(self.type_ptr(), &[]);
        self.add_clause(landing_pad, empty_filter);
    }

    fn resume(&mut self, exn0: &'ll Value, exn1: &'ll Value) {
        let ty = self.eh_pair_type();
        let mut exn = self.const_poison(ty);
        exn = self.insert_value(exn, exn0, 0);
        exn = self.insert_value(exn, exn1, 1);
        unsafe { llvm::LLVMBuildResume(&self.llbuilder, exn) };
    }

    // Funclets: MSVC SEH and wasm exceptions only (see `Funclet`), which rustc_codegen_ssa asks
    // for on those targets alone.
    fn cleanup_pad(&mut self, _parent: Option<&'ll Value>, _args: &[&'ll Value]) -> Funclet<'ll> {
        bug!("funclet-based unwinding on an x86-64 ELF target")
    }

    fn cleanup_ret(&mut self, funclet: &Funclet<'ll>, _unwind: Option<&'ll BasicBlock>) {
        funclet.unreachable()
    }

    fn catch_pad(&mut self, _parent: &'ll Value, _args: &[&'ll Value]) -> Funclet<'ll> {
        bug!("funclet-based unwinding on an x86-64 ELF target")
    }

    fn catch_switch(
        &mut self,
        _parent: Option<&'ll Value>,
        _unwind: Option<&'ll BasicBlock>,
        _handlers: &[&'ll BasicBlock],
    ) -> &'ll Value {
        bug!("funclet-based unwinding on an x86-64 ELF target")
    }

    fn get_funclet_cleanuppad(&self, funclet: &Funclet<'ll>) -> &'ll Value {
        funclet.unreachable()
    }

    fn atomic_cmpxchg(
        &mut self,
        dst: &'ll Value,
        cmp: &'ll Value,
        src: &'ll Value,
        order: AtomicOrdering,
        failure_order: AtomicOrdering,
        weak: bool,
    ) -> (&'ll Value, &'ll Value) {
        self.build_atomic_cmpxchg(dst, cmp, src, order, failure_order, weak)
    }

    fn atomic_rmw(
        &mut self,
        op: AtomicRmwBinOp,
        dst: &'ll Value,
        src: &'ll Value,
        order: AtomicOrdering,
        ret_ptr: bool,
    ) -> &'ll Value {
        self.build_atomic_rmw(op, dst, src, order, ret_ptr)
    }

    fn atomic_fence(&mut self, order: AtomicOrdering, scope: SynchronizationScope) {
        self.build_atomic_fence(order, scope);
    }

    fn set_invariant_load(&mut self, load: &'ll Value) {
        self.cx.set_metadata_node(load, "invariant.load", &[]);
    }

    fn lifetime_start(&mut self, ptr: &'ll Value, size: Size) {
        self.lifetime_marker("llvm.lifetime.start", ptr, size);
    }

    fn lifetime_end(&mut self, ptr: &'ll Value, size: Size) {
        self.lifetime_marker("llvm.lifetime.end", ptr, size);
    }

    fn call(
        &mut self,
        llty: &'ll Type,
        caller_attrs: Option<&CodegenFnAttrs>,
        fn_abi: Option<&FnAbi<'tcx, Ty<'tcx>>>,
        llfn: &'ll Value,
        args: &[&'ll Value],
        funclet: Option<&Funclet<'ll>>,
        callee_instance: Option<Instance<'tcx>>,
    ) -> &'ll Value {
        let call = self.build_call_or_invoke(llty, llfn, args, funclet, None);
        if let (Some(caller_attrs), Some(callee)) = (caller_attrs, callee_instance) {
            self.apply_inline_attr_to_callsite(caller_attrs, callee, call);
        }
        self.apply_fn_abi_to_callsite(fn_abi, call);
        call
    }

    fn tail_call(
        &mut self,
        llty: &'ll Type,
        caller_attrs: Option<&CodegenFnAttrs>,
        fn_abi: &FnAbi<'tcx, Ty<'tcx>>,
        llfn: &'ll Value,
        args: &[&'ll Value],
        funclet: Option<&Funclet<'ll>>,
        callee_instance: Option<Instance<'tcx>>,
    ) {
        let call = self.call(llty, caller_attrs, Some(fn_abi), llfn, args, funclet, callee_instance);
        // SAFETY: `call` is a `call` (no unwind destination: not an invoke).
        unsafe { llvm::LLVMSetTailCallKind(call, llvm::LLVMTailCallKind::LLVMTailCallKindMustTail) };
        // A musttail call must be followed directly by a `ret` of its result.
        match &fn_abi.ret.mode {
            PassMode::Ignore | PassMode::Indirect { .. } => self.ret_void(),
            PassMode::Direct(_) | PassMode::Pair { .. } | PassMode::Cast { .. } => self.ret(call),
        }
    }

    fn apply_attrs_to_cleanup_callsite(&mut self, llret: &'ll Value) {
        // Cleanup is always the cold path (rustc's LLVM backend marks these calls `cold` too).
        let cold = llvm::enum_attr(self.cx.llcx, "cold", 0);
        llvm::add_callsite_attrs(llret, llvm::AttributePlace::Function, &[cold]);
    }
}

impl<'a, 'll, 'tcx> Builder<'a, 'll, 'tcx> {
    fn build_gep(
        &mut self,
        ty: &'ll Type,
        ptr: &'ll Value,
        indices: &[&'ll Value],
        flags: llvm::LLVMGEPNoWrapFlags,
    ) -> &'ll Value {
        unsafe {
            llvm::LLVMBuildGEPWithNoWrapFlags(
                &self.llbuilder,
                ty,
                ptr,
                indices.as_ptr(),
                indices.len() as u32,
                llvm::UNNAMED,
                flags,
            )
        }
    }
}
