//! Constants: scalar and aggregate constant constructors (`ConstCodegenMethods`), and reading
//! integer constants back.
//!
//! Constant *memory* (interpreter allocations lowered to LLVM initializers, and the private
//! globals that hold them) lives in [`alloc`]; Rust `static` items live in [`statics`].

mod alloc;
mod statics;

use rustc_abi::{self as abi, HasDataLayout, Primitive};
use rustc_codegen_ssa::common::TypeKind;
use rustc_codegen_ssa::traits::*;
use rustc_middle::bug;
use rustc_middle::mir::interpret::{GlobalAlloc, PointerArithmetic, Scalar};

pub use self::alloc::const_alloc_to_llvm;
use crate::context::CodegenCx;
use crate::llvm::{self, Type, Value, consts, ir, types};

impl<'ll, 'tcx> CodegenCx<'ll, 'tcx> {
    /// `[N x i8] c"..."`, without a terminating NUL.
    pub fn const_bytes(&self, bytes: &[u8]) -> &'ll Value {
        consts::bytes(self.llcx, bytes)
    }

    /// Element `idx` of a constant struct, array or vector.
    pub fn const_get_elt(&self, v: &'ll Value, idx: u64) -> &'ll Value {
        let idx = u32::try_from(idx).unwrap_or_else(|_| bug!("const_get_elt: index {idx} too large"));
        consts::LLVMGetAggregateElement(v, idx).unwrap_or_else(|| bug!("const_get_elt: {v:?} has no element {idx}"))
    }

    /// Reinterprets a constant's bits as another type of the same size (folded by LLVM).
    pub fn const_bitcast(&self, v: &'ll Value, ty: &'ll Type) -> &'ll Value {
        consts::LLVMConstBitCast(v, ty)
    }

    /// Pointer-to-pointer cast, e.g. between address spaces; a no-op for equal types.
    pub fn const_pointercast(&self, v: &'ll Value, ty: &'ll Type) -> &'ll Value {
        consts::LLVMConstPointerCast(v, ty)
    }

    pub fn const_ptrtoint(&self, v: &'ll Value, ty: &'ll Type) -> &'ll Value {
        consts::LLVMConstPtrToInt(v, ty)
    }

    pub fn const_inttoptr(&self, v: &'ll Value, ty: &'ll Type) -> &'ll Value {
        consts::LLVMConstIntToPtr(v, ty)
    }

    /// An integer constant known as raw bits as a pointer-typed or integer/float-typed value,
    /// whichever the scalar's primitive asks for.
    fn const_bits_as(&self, bits: &'ll Value, primitive: Primitive, llty: &'ll Type) -> &'ll Value {
        if matches!(primitive, Primitive::Pointer(_)) {
            self.const_inttoptr(bits, llty)
        } else {
            self.const_bitcast(bits, llty)
        }
    }
}

/// The value of an integer constant as (bit width, zero-extended bits), or `None` if `v` is
/// not a plain integer constant of at most 128 bits.
fn const_int_bits(v: &Value) -> Option<(u32, u128)> {
    // A vector splat may be represented as a ConstantInt: its type is no integer type.
    let width = types::int_width(ir::type_of(v)).filter(|_| ir::is_constant_int(v))?;
    if let Some(bits) = ir::const_int_value(v) {
        return Some((width, bits as u128));
    }
    if width > 128 {
        return None;
    }
    // The C API only hands out the low 64 bits of a wider APInt (and no constant shift is
    // left to fetch the rest), but LLVM prints a ConstantInt as `iN <signed decimal>`, which
    // carries every bit.
    let text = format!("{v:?}");
    let (_, digits) = text.trim().rsplit_once(' ')?;
    let signed: i128 = digits.parse().ok()?;
    let bits = signed as u128;
    Some((width, if width == 128 { bits } else { bits & ((1u128 << width) - 1) }))
}

impl<'ll, 'tcx> ConstCodegenMethods for CodegenCx<'ll, 'tcx> {
    fn const_null(&self, t: &'ll Type) -> &'ll Value {
        consts::LLVMConstNull(t)
    }

    fn const_undef(&self, t: &'ll Type) -> &'ll Value {
        consts::LLVMGetUndef(t)
    }

    fn const_poison(&self, t: &'ll Type) -> &'ll Value {
        consts::LLVMGetPoison(t)
    }

    fn const_bool(&self, val: bool) -> &'ll Value {
        self.const_uint(self.type_i1(), val as u64)
    }

    fn const_i8(&self, i: i8) -> &'ll Value {
        self.const_int(self.type_i8(), i as i64)
    }

    fn const_i16(&self, i: i16) -> &'ll Value {
        self.const_int(self.type_i16(), i as i64)
    }

    fn const_i32(&self, i: i32) -> &'ll Value {
        self.const_int(self.type_i32(), i as i64)
    }

    fn const_i64(&self, i: i64) -> &'ll Value {
        self.const_int(self.type_i64(), i)
    }

    fn const_int(&self, t: &'ll Type, i: i64) -> &'ll Value {
        debug_assert_eq!(self.type_kind(t), TypeKind::Integer, "const_int of a non-integer type");
        // Sign-extend so that negative values fill integer types wider than 64 bits.
        consts::LLVMConstInt(t, i as u64, llvm::to_bool(true))
    }

    fn const_u8(&self, i: u8) -> &'ll Value {
        self.const_uint(self.type_i8(), i as u64)
    }

    fn const_u32(&self, i: u32) -> &'ll Value {
        self.const_uint(self.type_i32(), i as u64)
    }

    fn const_u64(&self, i: u64) -> &'ll Value {
        self.const_uint(self.type_i64(), i)
    }

    fn const_u128(&self, i: u128) -> &'ll Value {
        self.const_uint_big(self.type_i128(), i)
    }

    fn const_usize(&self, i: u64) -> &'ll Value {
        let bits = self.data_layout().pointer_size().bits();
        if bits < 64 {
            assert!(i < (1 << bits), "const_usize: {i} does not fit in {bits} bits");
        }
        self.const_uint(self.isize_ty, i)
    }

    fn const_uint(&self, t: &'ll Type, i: u64) -> &'ll Value {
        debug_assert_eq!(self.type_kind(t), TypeKind::Integer, "const_uint of a non-integer type");
        consts::LLVMConstInt(t, i, llvm::to_bool(false))
    }

    fn const_uint_big(&self, t: &'ll Type, u: u128) -> &'ll Value {
        debug_assert_eq!(self.type_kind(t), TypeKind::Integer, "const_uint_big of a non-integer type");
        // Little-endian words, as APInt wants them; bits beyond the type's width are dropped.
        let words = [u as u64, (u >> 64) as u64];
        consts::int_of_words(t, &words)
    }

    fn const_real(&self, t: &'ll Type, val: f64) -> &'ll Value {
        consts::LLVMConstReal(t, val)
    }

    fn const_str(&self, s: &str) -> (&'ll Value, &'ll Value) {
        let len = self.const_usize(s.len() as u64);
        if let Some(&g) = self.const_str_cache.borrow().get(s) {
            return (g, len);
        }
        let init = self.const_bytes(s.as_bytes());
        let g = self.define_private_global(self.val_ty(init));
        llvm::set_initializer(g, init);
        llvm::set_global_constant(g, true);
        llvm::set_linkage(g, llvm::LLVMLinkage::LLVMPrivateLinkage);
        // String literals have no meaningful address: LLVM may merge equal ones.
        llvm::set_unnamed_address(g, llvm::LLVMUnnamedAddr::LLVMGlobalUnnamedAddr);
        let g = self.const_pointercast(g, self.type_ptr());
        self.const_str_cache.borrow_mut().insert(s.to_owned(), g);
        (g, len)
    }

    fn const_struct(&self, elts: &[&'ll Value], packed: bool) -> &'ll Value {
        consts::structure(self.llcx, elts, packed)
    }

    fn const_vector(&self, elts: &[&'ll Value]) -> &'ll Value {
        consts::vector(elts)
    }

    fn const_to_opt_uint(&self, v: &'ll Value) -> Option<u64> {
        let (_, bits) = const_int_bits(v)?;
        u64::try_from(bits).ok()
    }

    fn const_to_opt_u128(&self, v: &'ll Value, sign_ext: bool) -> Option<u128> {
        let (width, bits) = const_int_bits(v)?;
        if sign_ext && width < 128 && width > 0 && (bits >> (width - 1)) & 1 == 1 {
            Some(bits | (u128::MAX << width))
        } else {
            Some(bits)
        }
    }

    fn scalar_to_backend(&self, cv: Scalar, layout: abi::Scalar, llty: &'ll Type) -> &'ll Value {
        let primitive = layout.primitive();
        match cv {
            Scalar::Int(int) => {
                let bits = if layout.is_bool() { 1 } else { layout.size(self).bits() };
                let data = int.to_bits(layout.size(self));
                let llval = self.const_uint_big(self.type_int_of_bits(bits), data);
                self.const_bits_as(llval, primitive, llty)
            }
            Scalar::Ptr(ptr, _size) => {
                let (prov, offset) = ptr.prov_and_relative_offset();
                let global_alloc = self.tcx.global_alloc(prov.alloc_id());
                let base = match global_alloc {
                    GlobalAlloc::Memory(alloc) => {
                        if alloc.inner().len() == 0 {
                            // A pointer to a zero-sized constant needs no storage, just a
                            // well-aligned non-null address.
                            let addr = alloc.inner().align.bytes().wrapping_add(offset.bytes());
                            let llval = self.const_usize(self.tcx.truncate_to_target_usize(addr));
                            return self.const_bits_as(llval, primitive, llty);
                        }
                        self.global_for_const_alloc(alloc)
                    }
                    GlobalAlloc::Function { instance } => self.get_fn_addr(instance),
                    GlobalAlloc::VTable(ty, dyn_ty) => {
                        let principal = dyn_ty.principal().map(|p| self.tcx.instantiate_bound_regions_with_erased(p));
                        let alloc = self.tcx.global_alloc(self.tcx.vtable_allocation((ty, principal))).unwrap_memory();
                        let init = const_alloc_to_llvm(self, alloc, false);
                        self.static_addr_of_const(init, alloc.inner().align, None)
                    }
                    GlobalAlloc::Static(def_id) => {
                        // Constants can point to statics, never to thread-locals (their address
                        // is not a constant).
                        assert!(self.tcx.is_static(def_id));
                        assert!(!self.tcx.is_thread_local_static(def_id));
                        self.get_static(def_id)
                    }
                    GlobalAlloc::TypeId { .. } => {
                        // The provenance only marks the bytes as a TypeId; the offset carries
                        // the hash bits themselves.
                        let llval = self.const_usize(offset.bytes());
                        return self.const_bits_as(llval, primitive, llty);
                    }
                };
                let base = self.const_pointercast(base, self.type_ptr_ext(global_alloc.address_space(self)));
                let llval = self.const_ptr_byte_offset(base, offset);
                if matches!(primitive, Primitive::Pointer(_)) {
                    self.const_bitcast(llval, llty)
                } else {
                    // A pointer transmuted to an integer in a constant.
                    self.const_ptrtoint(llval, llty)
                }
            }
        }
    }

    fn const_ptr_byte_offset(&self, base: &'ll Value, offset: abi::Size) -> &'ll Value {
        if offset.bytes() == 0 {
            return base;
        }
        consts::inbounds_gep(self.type_i8(), base, &[self.const_usize(offset.bytes())])
    }
}
