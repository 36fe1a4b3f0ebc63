//! Rust intrinsics that rustc_codegen_ssa leaves to the backend (`codegen_intrinsic_call`), calls
//! to LLVM intrinsics that Rust code declares itself (`codegen_llvm_intrinsic_call`), and the
//! small hooks (`abort`, `assume`, `expect`, `va_start`, …) that ssa calls on its own.
//!
//! rustc_codegen_ssa's `mir/intrinsic.rs` already lowers the target-independent intrinsics
//! (atomics, copies, `exact_div`, `ptr_offset_from`, …), and MIR lowering removes many more
//! (`unchecked_*`, `transmute`, `three_way_compare`, …). What reaches this file either maps to an
//! LLVM intrinsic or instruction here, or falls back to its body in core (`Err(instance)`), or is
//! a feature we do not support yet and becomes a fatal error naming it.
//!
//! Submodules: `numeric` (float and integer arithmetic intrinsics), `rust_try` (`catch_unwind`),
//! `llvm_call` (`extern "unadjusted"` calls to `llvm.*`), `simd` (the generic `simd_*` intrinsics).

mod llvm_call;
mod numeric;
mod rust_try;
mod simd;

use rustc_abi::{BackendRepr, Float, Integer, Primitive};
use rustc_codegen_ssa::RetagInfo;
use rustc_codegen_ssa::common::IntPredicate;
use rustc_codegen_ssa::mir::operand::{OperandRef, OperandValue};
use rustc_codegen_ssa::mir::place::{PlaceRef, PlaceValue};
use rustc_codegen_ssa::traits::*;
use rustc_middle::ty::{self, Instance};
use rustc_middle::{bug, span_bug};
use rustc_session::config::OptLevel;
use rustc_span::{Span, Symbol, sym};

use crate::builder::Builder;
use crate::llvm::{self, Value};
use crate::type_of::LayoutLlvmExt;

impl<'ll, 'tcx> IntrinsicCallBuilderMethods<'tcx> for Builder<'_, 'll, 'tcx> {
    fn codegen_intrinsic_call(
        &mut self,
        instance: Instance<'tcx>,
        args: &[OperandRef<'tcx, &'ll Value>],
        result: PlaceRef<'tcx, &'ll Value>,
        span: Span,
    ) -> Result<(), Instance<'tcx>> {
        let tcx = self.tcx;
        let name = tcx.item_name(instance.def_id());
        let fn_args = instance.args;

        if let Some(llval) = numeric::float_intrinsic(self, name, args) {
            store_result(self, llval, result);
            return Ok(());
        }
        if let Some(llval) = numeric::int_intrinsic(self, name, args, result.layout, span) {
            store_result(self, llval, result);
            return Ok(());
        }

        let llval = match name {
            sym::ptr_mask => {
                let ptr = args[0].immediate();
                self.call_intrinsic("llvm.ptrmask", &[self.val_ty(ptr), self.type_isize()], &[ptr, args[1].immediate()])
            }

            sym::is_val_statically_known => match args[0].val {
                OperandValue::Immediate(v) => {
                    self.call_intrinsic("llvm.is.constant", &[args[0].layout.immediate_llvm_type(self.cx)], &[v])
                }
                // Aggregates are never reported as known: "false" is always a correct answer.
                _ => self.const_bool(false),
            },

            sym::select_unpredictable => match self.select_unpredictable(args, result, span) {
                Some(v) => v,
                None => return Ok(()),
            },

            sym::assume => {
                self.assume(args[0].immediate());
                return Ok(());
            }

            sym::catch_unwind => {
                rust_try::catch_unwind(self, args[0].immediate(), args[1].immediate(), args[2].immediate(), result);
                return Ok(());
            }

            sym::breakpoint => self.call_intrinsic("llvm.debugtrap", &[], &[]),

            sym::return_address => {
                let zero = self.const_i32(0);
                self.call_intrinsic("llvm.returnaddress", &[], &[zero])
            }

            sym::va_arg => self.va_arg_intrinsic(args[0].immediate(), result, span),

            sym::volatile_load | sym::unaligned_volatile_load => {
                let ptr = args[0].immediate();
                let load = self.volatile_load(result.layout.llvm_type(self.cx), ptr);
                let align = if name == sym::unaligned_volatile_load { 1 } else { result.layout.align.bytes() };
                llvm::set_alignment(load, align);
                if !result.layout.is_zst() {
                    self.store_to_place(load, result.val);
                }
                return Ok(());
            }

            sym::prefetch_read_data
            | sym::prefetch_write_data
            | sym::prefetch_read_instruction
            | sym::prefetch_write_instruction => {
                // llvm.prefetch(ptr, rw: 0 read / 1 write, locality 0..=3, cache: 0 instr / 1 data)
                let (rw, cache) = match name {
                    sym::prefetch_read_data => (0, 1),
                    sym::prefetch_write_data => (1, 1),
                    sym::prefetch_read_instruction => (0, 0),
                    _ => (1, 0),
                };
                let ptr = args[0].immediate();
                let locality = fn_args.const_at(1).to_leaf().to_i32();
                let ops = [ptr, self.const_i32(rw), self.const_i32(locality), self.const_i32(cache)];
                self.call_intrinsic("llvm.prefetch", &[self.val_ty(ptr)], &ops)
            }

            sym::raw_eq => self.raw_eq(fn_args.type_at(0), args[0].immediate(), args[1].immediate(), span),

            sym::compare_bytes => {
                // Assumes the target's memcmp accepts a zero length, as rustc's LLVM backend does.
                let cmp = self.call_intrinsic(
                    "memcmp",
                    &[],
                    &[args[0].immediate(), args[1].immediate(), args[2].immediate()],
                );
                // The intrinsic returns i32 even where C's int is narrower.
                let i32_ty = self.type_i32();
                if self.val_ty(cmp) == i32_ty { cmp } else { self.sext(cmp, i32_ty) }
            }

            sym::black_box => {
                args[0].val.store(self, result);
                self.black_box_barrier(result);
                return Ok(());
            }

            _ if name.as_str().starts_with("simd_") => {
                match simd::codegen_simd_intrinsic(self, name, fn_args, args, result, span) {
                    Some(v) => v,
                    // An invalid use was reported; the session fails after codegen.
                    None => return Ok(()),
                }
            }

            _ => {
                // Anything else with a body in core runs that body, as in rustc's LLVM backend;
                // the ones without a body are features we do not have yet.
                let must_be_overridden = tcx.intrinsic(instance.def_id()).is_some_and(|def| def.must_be_overridden);
                if must_be_overridden {
                    self.tcx
                        .dcx()
                        .span_fatal(span, format!("intrinsic `{name}` is not yet supported by rustc_codegen_inkwell"));
                }
                return Err(Instance::new_raw(instance.def_id(), instance.args));
            }
        };

        store_result(self, llval, result);
        Ok(())
    }

    fn codegen_llvm_intrinsic_call(
        &mut self,
        instance: Instance<'tcx>,
        args: &[OperandRef<'tcx, &'ll Value>],
        _is_cleanup: bool,
    ) -> &'ll Value {
        llvm_call::codegen_llvm_intrinsic_call(self, instance, args)
    }

    fn abort(&mut self) {
        self.call_intrinsic("llvm.trap", &[], &[]);
    }

    fn assume(&mut self, val: &'ll Value) {
        // Unoptimized builds gain nothing from assumptions; they only cost compile time.
        if self.cx.sess().opts.optimize != OptLevel::No {
            self.call_intrinsic("llvm.assume", &[], &[val]);
        }
    }

    fn expect(&mut self, cond: &'ll Value, expected: bool) -> &'ll Value {
        if self.cx.sess().opts.optimize == OptLevel::No {
            return cond;
        }
        let expected = self.const_bool(expected);
        self.call_intrinsic("llvm.expect", &[self.type_i1()], &[cond, expected])
    }

    fn type_checked_load(&mut self, llvtable: &'ll Value, vtable_byte_offset: u64, typeid: &[u8]) -> &'ll Value {
        // Under `-Zvirtual-function-elimination` (with fat LTO): lets LLVM drop the vtable
        // entries no call loads. The check bit is not used, as with the built-in backend.
        let typeid = std::str::from_utf8(typeid).unwrap_or_else(|_| bug!("type id {typeid:?} is not UTF-8"));
        let typeid = self.cx.md_as_value(llvm::debuginfo::string(self.cx.llcx, typeid));
        let offset = self.const_i32(vtable_byte_offset as i32);
        let checked = self.call_intrinsic("llvm.type.checked.load", &[], &[llvtable, offset, typeid]);
        self.extract_value(checked, 0)
    }

    fn va_start(&mut self, va_list: &'ll Value) -> &'ll Value {
        self.call_intrinsic("llvm.va_start", &[self.val_ty(va_list)], &[va_list])
    }

    fn va_end(&mut self, va_list: &'ll Value) -> &'ll Value {
        self.call_intrinsic("llvm.va_end", &[self.val_ty(va_list)], &[va_list])
    }

    fn retag_mem(&mut self, _place: &'ll Value, _info: &RetagInfo<&'ll Value>) {
        retag_unsupported(self)
    }

    fn retag_reg(&mut self, _ptr: &'ll Value, _info: &RetagInfo<&'ll Value>) -> &'ll Value {
        retag_unsupported(self)
    }
}

/// Writes an intrinsic's immediate result to its destination; bools go to memory as `i8`.
fn store_result<'ll, 'tcx>(bx: &mut Builder<'_, 'll, 'tcx>, llval: &'ll Value, result: PlaceRef<'tcx, &'ll Value>) {
    if result.layout.ty.is_bool() {
        let val = bx.from_immediate(llval);
        bx.store_to_place(val, result.val);
    } else if !result.layout.ty.is_unit() {
        bx.store_to_place(llval, result.val);
    }
}

fn retag_unsupported(bx: &Builder<'_, '_, '_>) -> ! {
    // Retags in codegen exist only for the experimental BorrowSanitizer instrumentation.
    bx.tcx.dcx().fatal("retag instrumentation (BorrowSanitizer) is not supported by rustc_codegen_inkwell")
}

impl<'a, 'll, 'tcx> Builder<'a, 'll, 'tcx> {
    /// `select_unpredictable(cond, a, b)`: a `select` marked `!unpredictable`, so LLVM keeps it
    /// branch-free. Returns `None` when the result was already written to `result`.
    fn select_unpredictable(
        &mut self,
        args: &[OperandRef<'tcx, &'ll Value>],
        result: PlaceRef<'tcx, &'ll Value>,
        span: Span,
    ) -> Option<&'ll Value> {
        let cond = args[0].immediate();
        let select = |bx: &mut Self, t: &'ll Value, f: &'ll Value| {
            let v = bx.select(cond, t, f);
            // A select of constants may fold to a constant, which carries no metadata.
            if llvm::ir::is_instruction(v) {
                bx.cx.set_metadata_node(v, "unpredictable", &[]);
            }
            v
        };
        match (args[1].val, args[2].val) {
            (OperandValue::Ref(t), OperandValue::Ref(f)) => {
                // Select between the two places and copy the chosen one out.
                let ptr = select(self, t.llval, f.llval);
                let align = t.align.min(f.align);
                OperandValue::Ref(PlaceValue::new_sized(ptr, align)).store(self, result);
                None
            }
            (OperandValue::Immediate(_), OperandValue::Immediate(_))
            | (OperandValue::Pair(..), OperandValue::Pair(..)) => {
                let t = args[1].immediate_or_packed_pair(self);
                let f = args[2].immediate_or_packed_pair(self);
                Some(select(self, t, f))
            }
            (OperandValue::ZeroSized, OperandValue::ZeroSized) => None,
            _ => span_bug!(span, "select_unpredictable on operands of different kinds"),
        }
    }

    /// `raw_eq::<T>(a, b)`: byte equality of two `T`s, as one integer compare when `T` is small
    /// (the same threshold as rustc's LLVM backend), else `memcmp`.
    fn raw_eq(&mut self, ty: ty::Ty<'tcx>, a: &'ll Value, b: &'ll Value, span: Span) -> &'ll Value {
        let layout = self.layout_of(ty);
        let size = layout.size;
        if size.bytes() == 0 {
            return self.const_bool(true);
        }
        let as_integer = match layout.backend_repr {
            BackendRepr::Scalar(_) | BackendRepr::ScalarPair(..) => true,
            BackendRepr::SimdVector { .. } => false,
            BackendRepr::Memory { .. } => size <= self.tcx.data_layout.pointer_size() * 2,
            _ => {
                self.tcx.dcx().span_fatal(span, format!("`raw_eq` on `{ty}` is not supported by rustc_codegen_inkwell"))
            }
        };
        if as_integer {
            let int_ty = self.type_int_of_bits(size.bits());
            let align = layout.align.abi;
            let a = self.load(int_ty, a, align);
            let b = self.load(int_ty, b, align);
            self.icmp(IntPredicate::IntEQ, a, b)
        } else {
            let n = self.const_usize(size.bytes());
            let cmp = self.call_intrinsic("memcmp", &[], &[a, b, n]);
            let zero = self.const_int(self.val_ty(cmp), 0);
            self.icmp(IntPredicate::IntEQ, cmp, zero)
        }
    }

    /// The optimization barrier of `black_box`: an empty inline asm that takes the address of
    /// the (already stored) result and clobbers memory, so LLVM must assume the value is read
    /// and may be changed.
    fn black_box_barrier(&mut self, result: PlaceRef<'tcx, &'ll Value>) {
        // A ZST destination may be a dangling/undef pointer: only clobber memory then.
        let (constraints, inputs): (&str, Vec<&'ll Value>) =
            if result.layout.is_zst() { ("~{memory}", vec![]) } else { ("r,~{memory}", vec![result.val.llval]) };
        let arg_tys: Vec<_> = inputs.iter().map(|&v| self.val_ty(v)).collect();
        let fn_ty = self.type_func(&arg_tys, self.type_void());
        let flags = llvm::ir::InlineAsmFlags {
            side_effects: true,
            align_stack: false,
            dialect: llvm::LLVMInlineAsmDialect::LLVMInlineAsmDialectATT,
            can_unwind: false,
        };
        let asm = llvm::ir::inline_asm(fn_ty, b"", constraints.as_bytes(), flags);
        // SAFETY: `inputs` fit `fn_ty`, which they were made from.
        unsafe {
            llvm::LLVMBuildCall2(&self.llbuilder, fn_ty, asm, inputs.as_ptr(), inputs.len() as u32, llvm::UNNAMED);
        }
    }

    /// `va_arg::<T>(ap)` through LLVM's `va_arg` instruction, on the targets where LLVM lowers
    /// it correctly for scalars; rustc's LLVM backend open-codes it per ABI, which we do not yet.
    fn va_arg_intrinsic(&mut self, va_list: &'ll Value, result: PlaceRef<'tcx, &'ll Value>, span: Span) -> &'ll Value {
        let ty = result.layout.ty;
        let unsupported = |bx: &Self, what: &str| -> ! {
            bx.tcx.dcx().span_fatal(span, format!("`va_arg::<{ty}>` {what} is not supported by rustc_codegen_inkwell"))
        };
        // LLVM lowers x86-64's `va_arg` (SysV and Win64) for scalars.
        let BackendRepr::Scalar(scalar) = result.layout.backend_repr else {
            unsupported(self, "of a non-scalar type");
        };
        match scalar.primitive() {
            Primitive::Pointer(_) | Primitive::Float(Float::F64) => {}
            Primitive::Int(Integer::I128, _) => unsupported(self, "of a 128-bit integer"),
            Primitive::Int(..) => {
                // Smaller integers are promoted to c_int by C callers.
                if result.layout.size.bits() < u64::from(self.tcx.sess.target.c_int_width) {
                    unsupported(self, "of an integer narrower than c_int");
                }
            }
            Primitive::Float(_) => unsupported(self, "of this float type"),
        }
        let llty = result.layout.immediate_llvm_type(self.cx);
        self.va_arg(va_list, llty)
    }
}

/// The intrinsics with a fallback body in core that `numeric` always lowers itself.
pub fn replaced_intrinsics() -> Vec<Symbol> {
    let mut replaced = vec![sym::unchecked_funnel_shl, sym::unchecked_funnel_shr, sym::carrying_mul_add];
    if llvm_has_intrinsic("llvm.clmul") {
        replaced.push(sym::carryless_mul);
    }
    replaced
}

/// Whether LLVM knows an intrinsic of this name (it may not, in older or newer LLVMs).
fn llvm_has_intrinsic(name: &str) -> bool {
    llvm::ir::lookup_intrinsic_id(name) != 0
}
