//! LLVM types by name: the primitive and derived types that codegen builds layouts from.

use rustc_abi::AddressSpace;
use rustc_codegen_ssa::common::TypeKind;
use rustc_codegen_ssa::traits::*;
use rustc_middle::bug;

use crate::context::CodegenCx;
use crate::llvm::{Type, Value, types};

impl<'ll, 'tcx> CodegenCx<'ll, 'tcx> {
    pub fn type_void(&self) -> &'ll Type {
        types::LLVMVoidTypeInContext(self.llcx)
    }
    pub fn type_i1(&self) -> &'ll Type {
        types::LLVMInt1TypeInContext(self.llcx)
    }
    pub fn type_int_of_bits(&self, bits: u64) -> &'ll Type {
        types::LLVMIntTypeInContext(self.llcx, bits as u32)
    }
    pub fn type_struct(&self, elems: &[&'ll Type], packed: bool) -> &'ll Type {
        types::struct_type(self.llcx, elems, packed)
    }
    pub fn type_named_struct(&self, name: &str) -> &'ll Type {
        types::named_struct_type(self.llcx, name)
    }
    pub fn set_struct_body(&self, ty: &'ll Type, elems: &[&'ll Type], packed: bool) {
        types::set_struct_body(ty, elems, packed)
    }
    pub fn type_variadic_func(&self, args: &[&'ll Type], ret: &'ll Type) -> &'ll Type {
        self.func_type(args, ret, true)
    }
    pub fn type_vector(&self, elem: &'ll Type, len: u64) -> &'ll Type {
        types::LLVMVectorType(elem, len as u32)
    }
    fn func_type(&self, args: &[&'ll Type], ret: &'ll Type, variadic: bool) -> &'ll Type {
        types::function_type(ret, args, variadic)
    }
}

impl<'ll, 'tcx> BaseTypeCodegenMethods for CodegenCx<'ll, 'tcx> {
    fn type_i8(&self) -> &'ll Type {
        self.type_int_of_bits(8)
    }
    fn type_i16(&self) -> &'ll Type {
        self.type_int_of_bits(16)
    }
    fn type_i32(&self) -> &'ll Type {
        self.type_int_of_bits(32)
    }
    fn type_i64(&self) -> &'ll Type {
        self.type_int_of_bits(64)
    }
    fn type_i128(&self) -> &'ll Type {
        self.type_int_of_bits(128)
    }
    fn type_isize(&self) -> &'ll Type {
        self.isize_ty
    }
    fn type_f16(&self) -> &'ll Type {
        types::LLVMHalfTypeInContext(self.llcx)
    }
    fn type_f32(&self) -> &'ll Type {
        types::LLVMFloatTypeInContext(self.llcx)
    }
    fn type_f64(&self) -> &'ll Type {
        types::LLVMDoubleTypeInContext(self.llcx)
    }
    fn type_f128(&self) -> &'ll Type {
        types::LLVMFP128TypeInContext(self.llcx)
    }
    fn type_array(&self, ty: &'ll Type, len: u64) -> &'ll Type {
        types::LLVMArrayType2(ty, len)
    }
    fn type_func(&self, args: &[&'ll Type], ret: &'ll Type) -> &'ll Type {
        self.func_type(args, ret, false)
    }
    fn type_kind(&self, ty: &'ll Type) -> TypeKind {
        use crate::llvm::LLVMTypeKind::*;
        match types::LLVMGetTypeKind(ty) {
            LLVMVoidTypeKind => TypeKind::Void,
            LLVMHalfTypeKind => TypeKind::Half,
            LLVMBFloatTypeKind => TypeKind::BFloat,
            LLVMFloatTypeKind => TypeKind::Float,
            LLVMDoubleTypeKind => TypeKind::Double,
            LLVMX86_FP80TypeKind => TypeKind::X86_FP80,
            LLVMFP128TypeKind => TypeKind::FP128,
            LLVMPPC_FP128TypeKind => TypeKind::PPC_FP128,
            LLVMLabelTypeKind => TypeKind::Label,
            LLVMIntegerTypeKind => TypeKind::Integer,
            LLVMFunctionTypeKind => TypeKind::Function,
            LLVMStructTypeKind => TypeKind::Struct,
            LLVMArrayTypeKind => TypeKind::Array,
            LLVMPointerTypeKind => TypeKind::Pointer,
            LLVMVectorTypeKind => TypeKind::Vector,
            LLVMMetadataTypeKind => TypeKind::Metadata,
            LLVMTokenTypeKind => TypeKind::Token,
            LLVMScalableVectorTypeKind => TypeKind::ScalableVector,
            LLVMX86_AMXTypeKind => TypeKind::X86_AMX,
            LLVMTargetExtTypeKind => TypeKind::Struct,
        }
    }
    fn type_ptr(&self) -> &'ll Type {
        self.type_ptr_ext(AddressSpace::ZERO)
    }
    fn type_ptr_ext(&self, address_space: AddressSpace) -> &'ll Type {
        types::LLVMPointerTypeInContext(self.llcx, address_space.0)
    }
    fn element_type(&self, ty: &'ll Type) -> &'ll Type {
        types::element_type(ty).unwrap_or_else(|| bug!("element_type called on {:?}", self.type_kind(ty)))
    }
    fn vector_length(&self, ty: &'ll Type) -> usize {
        types::vector_length(ty).unwrap_or_else(|| bug!("vector_length called on {:?}", self.type_kind(ty))) as usize
    }
    fn float_width(&self, ty: &'ll Type) -> usize {
        match self.type_kind(ty) {
            TypeKind::Half | TypeKind::BFloat => 16,
            TypeKind::Float => 32,
            TypeKind::Double => 64,
            TypeKind::X86_FP80 => 80,
            TypeKind::FP128 | TypeKind::PPC_FP128 => 128,
            other => bug!("float_width called on {other:?}"),
        }
    }
    fn int_width(&self, ty: &'ll Type) -> u64 {
        types::int_width(ty).unwrap_or_else(|| bug!("int_width called on {:?}", self.type_kind(ty))) as u64
    }
    fn val_ty(&self, v: &'ll Value) -> &'ll Type {
        types::LLVMTypeOf(v)
    }
}

/// CFI/KCFI type membership is a sanitizer feature (rejected up front), so there is nothing to add.
impl<'ll, 'tcx> TypeMembershipCodegenMethods<'tcx> for CodegenCx<'ll, 'tcx> {}
