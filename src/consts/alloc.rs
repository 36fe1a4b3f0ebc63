//! Constant memory: an interpreter `Allocation` (bytes, init mask, pointer provenance) becomes an
//! LLVM constant initializer, and anonymous allocations get a private global to live in.

use std::ops::Range;

use rustc_abi::{Align, HasDataLayout, Primitive, Scalar, Size, WrappingRange};
use rustc_codegen_ssa::traits::*;
use rustc_data_structures::stable_hash::{StableHash, StableHasher};
use rustc_hashes::Hash128;
use rustc_middle::bug;
use rustc_middle::mir::interpret::{
    Allocation, ConstAllocation, InitChunk, Pointer, Scalar as InterpScalar, read_target_uint,
};

use crate::context::CodegenCx;
use crate::llvm::{self, Value};

/// Lowers a constant allocation to one LLVM constant: a packed struct of byte arrays (`undef`
/// for uninitialized runs) and pointers (where the allocation has provenance), or the single
/// piece itself when there is only one.
///
/// `is_static`: statics may be empty (they still need an address); other allocations never are,
/// because pointers to zero-sized constants are made without memory.
pub fn const_alloc_to_llvm<'ll>(cx: &CodegenCx<'ll, '_>, alloc: ConstAllocation<'_>, is_static: bool) -> &'ll Value {
    let alloc = alloc.inner();
    if !is_static {
        assert!(alloc.len() != 0, "const_alloc_to_llvm: empty non-static allocation");
    }
    let dl = cx.data_layout();
    let ptr_size = dl.pointer_size();
    let ptr_bytes = ptr_size.bytes() as usize;

    let mut pieces = Vec::with_capacity(2 * alloc.provenance().ptrs().len() + 1);
    let mut next = 0;
    for &(offset, prov) in alloc.provenance().ptrs().iter() {
        let offset = offset.bytes() as usize;
        if offset > next {
            push_data_pieces(cx, alloc, next..offset, &mut pieces);
        }
        // The bytes under a pointer hold its offset relative to the pointed-to allocation.
        // Reading them here is fine: the interpreter is done with this allocation.
        let rel = read_target_uint(
            dl.endian,
            alloc.inspect_with_uninit_and_ptr_outside_interpreter(offset..offset + ptr_bytes),
        )
        .unwrap_or_else(|e| bug!("const_alloc_to_llvm: unreadable pointer bytes: {e}"));
        let addr_space = cx.tcx.global_alloc(prov.alloc_id()).address_space(cx);
        let ptr = InterpScalar::from_pointer(Pointer::new(prov, Size::from_bytes(rel)), &cx.tcx);
        let layout =
            Scalar::Initialized { value: Primitive::Pointer(addr_space), valid_range: WrappingRange::full(ptr_size) };
        pieces.push(cx.scalar_to_backend(ptr, layout, cx.type_ptr_ext(addr_space)));
        next = offset + ptr_bytes;
    }
    if alloc.len() >= next {
        push_data_pieces(cx, alloc, next..alloc.len(), &mut pieces);
    }

    // A lone byte array stays bare: LLVM only merges C-string-like constants that are plain
    // arrays, not arrays wrapped in a struct.
    if let [single] = pieces[..] { single } else { cx.const_struct(&pieces, true) }
}

/// Appends the bytes of `range` (which holds no pointer) as byte arrays, with runs of
/// uninitialized bytes as `undef` so that LLVM need not materialize them.
fn push_data_pieces<'ll>(
    cx: &CodegenCx<'ll, '_>,
    alloc: &Allocation,
    range: Range<usize>,
    pieces: &mut Vec<&'ll Value>,
) {
    let chunks = alloc.init_mask().range_as_init_chunks(range.clone().into());

    // Many small init/uninit runs (padding in a big array of structs) would make a huge
    // constant expression; past the threshold, emit the bytes as if all were initialized.
    let max = cx.sess().opts.unstable_opts.uninit_const_chunk_threshold;
    if chunks.clone().take(max.saturating_add(1)).count() > max {
        pieces.push(cx.const_bytes(alloc.inspect_with_uninit_and_ptr_outside_interpreter(range)));
        return;
    }
    for chunk in chunks {
        match chunk {
            InitChunk::Init(r) => {
                let r = r.start.bytes() as usize..r.end.bytes() as usize;
                pieces.push(cx.const_bytes(alloc.inspect_with_uninit_and_ptr_outside_interpreter(r)));
            }
            InitChunk::Uninit(r) => {
                let len = (r.end - r.start).bytes();
                pieces.push(cx.const_undef(cx.type_array(cx.type_i8(), len)));
            }
        }
    }
}

impl<'ll, 'tcx> CodegenCx<'ll, 'tcx> {
    /// A fresh private global holding `cv`. Its address is not significant (`unnamed_addr`),
    /// and it stays writable: use [`Self::static_addr_of_const`] for read-only data.
    pub fn static_addr_of_mut(&self, cv: &'ll Value, align: Align, kind: Option<&str>) -> &'ll Value {
        let ty = self.val_ty(cv);
        let gv = match kind {
            // Names only help someone reading the IR.
            Some(kind) if !self.sess().fewer_names() => {
                let name = self.generate_local_symbol_name(kind);
                self.define_global(&name, ty).unwrap_or_else(|| bug!("symbol `{name}` is already defined"))
            }
            _ => self.define_private_global(ty),
        };
        llvm::set_linkage(gv, llvm::LLVMLinkage::LLVMPrivateLinkage);
        llvm::set_initializer(gv, cv);
        self.set_global_alignment(gv, align);
        llvm::set_unnamed_address(gv, llvm::LLVMUnnamedAddr::LLVMGlobalUnnamedAddr);
        gv
    }

    /// A private constant global holding `cv`, shared by every request for the same
    /// initializer in this module.
    pub fn static_addr_of_const(&self, cv: &'ll Value, align: Align, kind: Option<&str>) -> &'ll Value {
        if let Some(&gv) = self.const_globals.borrow().get(&cv) {
            // The same bytes may be wanted with a stricter alignment the second time.
            if align.bytes() > llvm::ir::alignment(gv) as u64 {
                llvm::set_alignment(gv, align.bytes());
            }
            return gv;
        }
        let gv = self.static_addr_of_mut(cv, align, kind);
        llvm::set_global_constant(gv, true);
        self.const_globals.borrow_mut().insert(cv, gv);
        gv
    }

    /// Sets a global's alignment, raised to the target's minimum for globals if it has one.
    pub fn set_global_alignment(&self, gv: &'ll Value, align: Align) {
        let align = match self.sess().target.min_global_align {
            Some(min) => align.max(min),
            None => align,
        };
        llvm::set_alignment(gv, align.bytes());
    }

    /// The global behind a pointer into a (non-empty) interpreter allocation.
    pub(super) fn global_for_const_alloc(&self, alloc: ConstAllocation<'tcx>) -> &'ll Value {
        let init = const_alloc_to_llvm(self, alloc, false);
        let inner = alloc.inner();
        let gv = if inner.mutability.is_mut() {
            // Memory the const interner left mutable (what a static's initializer points to
            // through `&mut` or interior mutability) must be neither shared nor read-only.
            self.static_addr_of_mut(init, inner.align, None)
        } else {
            self.static_addr_of_const(init, inner.align, None)
        };
        if !self.sess().fewer_names() && llvm::get_value_name(gv).is_empty() {
            // A content hash as the name keeps IR dumps stable and readable.
            let hash: Hash128 = self.tcx.with_stable_hashing_context(|mut hcx| {
                let mut hasher = StableHasher::new();
                inner.stable_hash(&mut hcx, &mut hasher);
                hasher.finish()
            });
            llvm::set_value_name(gv, format!("alloc_{hash:032x}").as_bytes());
        }
        gv
    }
}
