//! Stack slots, loads (with the metadata that tells LLVM what a Rust type guarantees), stores,
//! `llvm.mem*`, lifetime markers and the loop behind `write_operand_repeatedly`.

use rustc_abi::{self as abi, Align, Size, WrappingRange};
use rustc_codegen_ssa::MemFlags;
use rustc_codegen_ssa::common::IntPredicate;
use rustc_codegen_ssa::mir::operand::{OperandRef, OperandValue};
use rustc_codegen_ssa::mir::place::PlaceRef;
use rustc_codegen_ssa::traits::*;
use rustc_middle::ty::layout::{HasTypingEnv, TyAndLayout};
use rustc_middle::{bug, ty};

use super::Builder;
use crate::llvm::{self, Type, Value};
use crate::type_of::LayoutLlvmExt;

impl<'a, 'll, 'tcx> Builder<'a, 'll, 'tcx> {
    /// A builder at the start of the current function's entry block, where LLVM wants static
    /// allocas (so they become fixed stack slots rather than dynamic stack allocation).
    fn entry_block_builder(&self) -> Builder<'a, 'll, 'tcx> {
        let bx = Builder::with_cx(self.cx);
        let entry = llvm::ir::basic_blocks(self.llfn()).next().expect("the function has an entry block");
        match llvm::ir::instructions(entry).next() {
            // SAFETY: `first` is an instruction.
            Some(first) => unsafe { llvm::LLVMPositionBuilderBefore(&bx.llbuilder, first) },
            None => llvm::LLVMPositionBuilderAtEnd(&bx.llbuilder, entry),
        }
        bx
    }

    /// `alloca [size x i8], align align` in the entry block, as rustc's LLVM backend does for
    /// every stack slot.
    pub(super) fn alloca_in_entry(&mut self, size: Size, align: Align) -> &'ll Value {
        let bx = self.entry_block_builder();
        let ty = self.cx.type_array(self.cx.type_i8(), size.bytes());
        let alloca = unsafe { llvm::LLVMBuildAlloca(&bx.llbuilder, ty, llvm::UNNAMED) };
        llvm::set_alignment(alloca, align.bytes());
        // Targets whose allocas live outside address space 0 need a cast to a plain `ptr`
        // (IRBuilder returns the alloca itself when no cast is needed).
        unsafe { llvm::LLVMBuildPointerCast(&bx.llbuilder, alloca, self.cx.type_ptr(), llvm::UNNAMED) }
    }

    /// An alloca of the layout's own LLVM type (rustc_codegen_ssa asks for this only for
    /// scalable vectors, whose size is not a compile-time byte count).
    pub(super) fn typed_alloca_in_entry(&mut self, layout: TyAndLayout<'tcx>) -> &'ll Value {
        let bx = self.entry_block_builder();
        let ty = layout.llvm_type(self.cx);
        let alloca = unsafe { llvm::LLVMBuildAlloca(&bx.llbuilder, ty, llvm::UNNAMED) };
        llvm::set_alignment(alloca, layout.align.abi.bytes());
        alloca
    }

    /// Alignment for a plain load or store: capped at what the target's stack can really
    /// provide (only x86-32 Windows caps it).
    fn reliable_align(&self, align: Align) -> Align {
        align.min(self.cx.tcx.sess.target.max_reliable_alignment())
    }

    pub(super) fn build_load(&mut self, ty: &'ll Type, ptr: &'ll Value, align: Align) -> &'ll Value {
        let align = self.reliable_align(align);
        let load = unsafe { llvm::LLVMBuildLoad2(&self.llbuilder, ty, ptr, llvm::UNNAMED) };
        llvm::set_alignment(load, align.bytes());
        load
    }

    pub(super) fn build_store(
        &mut self,
        val: &'ll Value,
        ptr: &'ll Value,
        align: Align,
        flags: MemFlags,
    ) -> &'ll Value {
        let align = if flags.contains(MemFlags::UNALIGNED) { 1 } else { self.reliable_align(align).bytes() };
        let store = unsafe { llvm::LLVMBuildStore(&self.llbuilder, val, ptr) };
        llvm::set_alignment(store, align);
        if flags.contains(MemFlags::VOLATILE) {
            // SAFETY: `store` is a store.
            unsafe { llvm::LLVMSetVolatile(store, llvm::to_bool(true)) };
        }
        // No `!nontemporal` for `MemFlags::NONTEMPORAL`: on x86 such stores need fences that
        // LLVM does not add, so they stay plain stores, as with the built-in backend.
        store
    }

    /// `!range !{start, end + 1}` (LLVM's half-open, possibly wrapping range).
    pub(super) fn set_range_metadata(&mut self, load: &'ll Value, range: WrappingRange) {
        if !self.optimizing() {
            // Only the optimizer reads it.
            return;
        }
        let ty = self.val_ty(load);
        let start = self.cx.value_as_md(self.const_uint_big(ty, range.start));
        let end = self.cx.value_as_md(self.const_uint_big(ty, range.end.wrapping_add(1)));
        self.cx.set_metadata_node(load, "range", &[start, end]);
    }

    fn noundef_metadata(&mut self, load: &'ll Value) {
        self.cx.set_metadata_node(load, "noundef", &[]);
    }

    /// `!align !{i64 n}` on a pointer load: the loaded pointer is aligned to `n`.
    fn align_metadata(&mut self, load: &'ll Value, align: Align) {
        let n = self.cx.value_as_md(self.const_u64(align.bytes()));
        self.cx.set_metadata_node(load, "align", &[n]);
    }

    /// The metadata a load of `scalar` (at `offset` in `layout`) is entitled to.
    fn scalar_load_metadata(&mut self, load: &'ll Value, scalar: abi::Scalar, layout: TyAndLayout<'tcx>, offset: Size) {
        if !self.optimizing() {
            return;
        }
        if !scalar.is_uninit_valid() {
            self.noundef_metadata(load);
        }
        match scalar.primitive() {
            abi::Primitive::Int(..) => {
                if !scalar.is_always_valid(self) {
                    let range = scalar.valid_range(self);
                    self.set_range_metadata(load, range);
                }
            }
            abi::Primitive::Pointer(_) => {
                if !scalar.valid_range(self).contains(0) {
                    self.nonnull_metadata(load);
                }
                if let Some(pointee) = layout.pointee_info_at(self, offset)
                    && pointee.align > Align::ONE
                {
                    self.align_metadata(load, pointee.align);
                }
            }
            abi::Primitive::Float(_) => {}
        }
    }

    /// The initializer of a constant global, when `ptr` is one and its type is `llty`: loading
    /// from it would just give that value back.
    fn constant_global_value(&self, ptr: &'ll Value, llty: &'ll Type) -> Option<&'ll Value> {
        llvm::ir::constant_global_initializer(ptr).filter(|&init| self.val_ty(init) == llty)
    }

    /// `load_operand`: one load for immediates, two for scalar pairs, none (a reference to the
    /// place) for everything else — the same shapes rustc's LLVM backend produces.
    pub(super) fn build_load_operand(&mut self, place: PlaceRef<'tcx, &'ll Value>) -> OperandRef<'tcx, &'ll Value> {
        if place.layout.is_unsized() {
            let tail = self.cx.tcx.struct_tail_for_codegen(place.layout.ty, self.typing_env());
            if matches!(tail.kind(), ty::Foreign(..)) {
                // Their size is not known even at runtime, so they cannot be copied around.
                bug!("load_operand of an `extern` type place");
            }
        }
        assert_eq!(place.val.llextra.is_some(), place.layout.is_unsized());

        if place.layout.is_zst() {
            return OperandRef::zero_sized(place.layout);
        }

        let val = if place.val.llextra.is_some() {
            OperandValue::Ref(place.val)
        } else if place.layout.is_llvm_immediate() {
            let llty = place.layout.llvm_type(self.cx);
            let llval = match self.constant_global_value(place.val.llval, llty) {
                Some(init) => init,
                None => {
                    let load = self.build_load(llty, place.val.llval, place.val.align);
                    if let abi::BackendRepr::Scalar(scalar) = place.layout.backend_repr {
                        self.scalar_load_metadata(load, scalar, place.layout, Size::ZERO);
                        self.to_immediate_scalar(load, scalar)
                    } else {
                        load
                    }
                }
            };
            OperandValue::Immediate(llval)
        } else if let abi::BackendRepr::ScalarPair(a, b) = place.layout.backend_repr {
            let b_offset = a.size(self).align_to(b.align(self).abi);
            let a_val = self.load_pair_element(place, 0, a, place.val.align, Size::ZERO);
            let b_align = place.val.align.restrict_for_offset(b_offset);
            let b_val = self.load_pair_element(place, 1, b, b_align, b_offset);
            OperandValue::Pair(a_val, b_val)
        } else {
            OperandValue::Ref(place.val)
        };

        OperandRef { val, layout: place.layout, move_annotation: None }
    }

    fn load_pair_element(
        &mut self,
        place: PlaceRef<'tcx, &'ll Value>,
        index: usize,
        scalar: abi::Scalar,
        align: Align,
        offset: Size,
    ) -> &'ll Value {
        let ptr = if offset == Size::ZERO {
            place.val.llval
        } else {
            let offset_val = self.const_usize(offset.bytes());
            self.inbounds_ptradd(place.val.llval, offset_val)
        };
        let llty = place.layout.scalar_pair_element_llvm_type(self.cx, index, false);
        let load = self.build_load(llty, ptr, align);
        self.scalar_load_metadata(load, scalar, place.layout, offset);
        self.to_immediate_scalar(load, scalar)
    }

    fn alignment_attr(&self, align: Align) -> &'ll llvm::Attribute {
        llvm::enum_attr(self.cx.llcx, "align", align.bytes())
    }

    /// `llvm.memcpy`/`llvm.memmove`. The C API builders cannot make volatile ones, so those are
    /// emitted as explicit intrinsic calls with `isvolatile = true` and `align` on the pointers.
    pub(super) fn build_memcpy_or_memmove(
        &mut self,
        is_move: bool,
        dst: &'ll Value,
        dst_align: Align,
        src: &'ll Value,
        src_align: Align,
        size: &'ll Value,
        flags: MemFlags,
    ) {
        let what = if is_move { "memmove" } else { "memcpy" };
        assert!(!flags.contains(MemFlags::NONTEMPORAL), "non-temporal {what} not supported");
        let size = self.intcast(size, self.type_isize(), false);
        if flags.contains(MemFlags::VOLATILE) {
            let ptr = self.type_ptr();
            let name = if is_move { "llvm.memmove" } else { "llvm.memcpy" };
            let is_volatile = self.const_bool(true);
            let call = self.call_intrinsic(name, &[ptr, ptr, self.type_isize()], &[dst, src, size, is_volatile]);
            llvm::add_callsite_attrs(call, llvm::AttributePlace::Argument(0), &[self.alignment_attr(dst_align)]);
            llvm::add_callsite_attrs(call, llvm::AttributePlace::Argument(1), &[self.alignment_attr(src_align)]);
            return;
        }
        let build = if is_move { llvm::LLVMBuildMemMove } else { llvm::LLVMBuildMemCpy };
        unsafe { build(&self.llbuilder, dst, dst_align.bytes() as u32, src, src_align.bytes() as u32, size) };
    }

    pub(super) fn build_memset(
        &mut self,
        ptr: &'ll Value,
        fill_byte: &'ll Value,
        size: &'ll Value,
        align: Align,
        flags: MemFlags,
    ) {
        assert!(!flags.contains(MemFlags::NONTEMPORAL), "non-temporal memset not supported");
        if flags.contains(MemFlags::VOLATILE) {
            let is_volatile = self.const_bool(true);
            let call = self.call_intrinsic(
                "llvm.memset",
                &[self.type_ptr(), self.val_ty(size)],
                &[ptr, fill_byte, size, is_volatile],
            );
            llvm::add_callsite_attrs(call, llvm::AttributePlace::Argument(0), &[self.alignment_attr(align)]);
            return;
        }
        unsafe { llvm::LLVMBuildMemSet(&self.llbuilder, ptr, fill_byte, size, align.bytes() as u32) };
    }

    /// `llvm.lifetime.{start,end}`. Since LLVM 22 they take only the pointer, and it must be
    /// the alloca itself (no casts in between), so casts are looked through and anything that
    /// is not an alloca gets no marker (the verifier would reject it).
    pub(super) fn lifetime_marker(&mut self, intrinsic: &str, ptr: &'ll Value, size: Size) {
        if size.bytes() == 0 || !self.cx.sess().emit_lifetime_markers() {
            return;
        }
        let alloca = llvm::ir::strip_pointer_casts(ptr);
        if !llvm::ir::is_alloca(alloca) {
            return;
        }
        self.call_intrinsic(intrinsic, &[self.val_ty(alloca)], &[alloca]);
    }

    /// Emits the loop for `write_operand_repeatedly` over an index (what LLVM optimizes best).
    pub(super) fn repeat_by_index(
        &mut self,
        elem: OperandRef<'tcx, &'ll Value>,
        count: u64,
        dest: PlaceRef<'tcx, &'ll Value>,
    ) {
        let zero = self.const_usize(0);
        let count = self.const_usize(count);
        let header_bb = self.append_sibling_block("repeat_loop_header");
        let body_bb = self.append_sibling_block("repeat_loop_body");
        let next_bb = self.append_sibling_block("repeat_loop_next");
        let entry_bb = self.llbb();
        self.br(header_bb);

        let mut header = Self::build(self.cx, header_bb);
        let i = header.phi(self.val_ty(zero), &[zero], &[entry_bb]);
        let keep_going = header.icmp(IntPredicate::IntULT, i, count);
        header.cond_br(keep_going, body_bb, next_bb);

        let mut body = Self::build(self.cx, body_bb);
        let dest_elem = dest.project_index(&mut body, i);
        elem.val.store(&mut body, dest_elem);
        let one = self.const_usize(1);
        let next = body.unchecked_uadd(i, one);
        // The store may have split the body into several blocks.
        let body_end = body.llbb();
        body.br(header_bb);
        header.add_incoming_to_phi(i, next, body_end);

        self.position_at_end(next_bb);
    }

    /// Emits the loop for `write_operand_repeatedly` over a pointer, which keeps every element
    /// store on its own source line for debuggers (used when not optimizing, as rustc does).
    pub(super) fn repeat_by_pointer(
        &mut self,
        elem: OperandRef<'tcx, &'ll Value>,
        count: u64,
        dest: PlaceRef<'tcx, &'ll Value>,
    ) {
        let zero = self.const_usize(0);
        let count = self.const_usize(count);
        let start = dest.project_index(self, zero).val.llval;
        let end = dest.project_index(self, count).val.llval;
        let header_bb = self.append_sibling_block("repeat_loop_header");
        let body_bb = self.append_sibling_block("repeat_loop_body");
        let next_bb = self.append_sibling_block("repeat_loop_next");
        let entry_bb = self.llbb();
        self.br(header_bb);

        let mut header = Self::build(self.cx, header_bb);
        let current = header.phi(self.val_ty(start), &[start], &[entry_bb]);
        let keep_going = header.icmp(IntPredicate::IntNE, current, end);
        header.cond_br(keep_going, body_bb, next_bb);

        let mut body = Self::build(self.cx, body_bb);
        let align = dest.val.align.restrict_for_offset(dest.layout.field(self.cx, 0).size);
        elem.val.store(&mut body, PlaceRef::new_sized_aligned(current, elem.layout, align));
        let one = self.const_usize(1);
        let next = body.inbounds_gep(self.backend_type(elem.layout), current, &[one]);
        let body_end = body.llbb();
        body.br(header_bb);
        header.add_incoming_to_phi(current, next, body_end);

        self.position_at_end(next_bb);
    }
}
