//! Types, through typed declarations of the C API's type functions: those that are sound for
//! any live handle are `safe`; the ones that need a particular kind of type (`LLVMGetVectorSize`
//! needs a vector) are wrapped in functions that check the kind first.

use std::ffi::{c_char, c_uint};

use llvm_sys::LLVMTypeKind;
use llvm_sys::prelude::LLVMBool;

use super::{Context, Type, Value, cstr, to_bool};

unsafe extern "C" {
    pub safe fn LLVMVoidTypeInContext(c: &Context) -> &Type;
    pub safe fn LLVMInt1TypeInContext(c: &Context) -> &Type;
    pub safe fn LLVMIntTypeInContext(c: &Context, bits: c_uint) -> &Type;
    pub safe fn LLVMHalfTypeInContext(c: &Context) -> &Type;
    pub safe fn LLVMFloatTypeInContext(c: &Context) -> &Type;
    pub safe fn LLVMDoubleTypeInContext(c: &Context) -> &Type;
    pub safe fn LLVMFP128TypeInContext(c: &Context) -> &Type;
    pub safe fn LLVMBFloatTypeInContext(c: &Context) -> &Type;
    pub safe fn LLVMPointerTypeInContext(c: &Context, address_space: c_uint) -> &Type;
    pub safe fn LLVMVectorType<'ll>(element: &'ll Type, count: c_uint) -> &'ll Type;
    pub safe fn LLVMArrayType2<'ll>(element: &'ll Type, count: u64) -> &'ll Type;
    pub safe fn LLVMScalableVectorType<'ll>(element: &'ll Type, count: c_uint) -> &'ll Type;
    pub safe fn LLVMGetTypeKind(ty: &Type) -> LLVMTypeKind;
    pub safe fn LLVMTypeOf(v: &Value) -> &Type;
    fn LLVMStructTypeInContext<'ll>(
        c: &'ll Context,
        elements: *const &'ll Type,
        count: c_uint,
        packed: LLVMBool,
    ) -> &'ll Type;
    fn LLVMStructCreateNamed<'ll>(c: &'ll Context, name: *const c_char) -> &'ll Type;
    fn LLVMStructSetBody<'ll>(ty: &'ll Type, elements: *const &'ll Type, count: c_uint, packed: LLVMBool);
    fn LLVMFunctionType<'ll>(ret: &'ll Type, params: *const &'ll Type, count: c_uint, variadic: LLVMBool) -> &'ll Type;
    fn LLVMGetElementType(ty: &Type) -> &Type;
    fn LLVMGetVectorSize(ty: &Type) -> c_uint;
    fn LLVMGetIntTypeWidth(ty: &Type) -> c_uint;
    fn LLVMGetReturnType(fn_ty: &Type) -> &Type;
    fn LLVMCountParamTypes(fn_ty: &Type) -> c_uint;
    fn LLVMGetParamTypes<'ll>(fn_ty: &'ll Type, out: *mut &'ll Type);
    fn LLVMIsFunctionVarArg(fn_ty: &Type) -> LLVMBool;
    fn LLVMCountStructElementTypes(ty: &Type) -> c_uint;
    fn LLVMGetStructElementTypes<'ll>(ty: &'ll Type, out: *mut &'ll Type);
}

pub fn struct_type<'ll>(c: &'ll Context, elements: &[&'ll Type], packed: bool) -> &'ll Type {
    unsafe { LLVMStructTypeInContext(c, elements.as_ptr(), elements.len() as c_uint, to_bool(packed)) }
}

/// A named struct type whose body is set later ([`set_struct_body`]).
pub fn named_struct_type<'ll>(c: &'ll Context, name: &str) -> &'ll Type {
    let name = cstr(name);
    unsafe { LLVMStructCreateNamed(c, name.as_ptr()) }
}

pub fn set_struct_body<'ll>(ty: &'ll Type, elements: &[&'ll Type], packed: bool) {
    assert_eq!(LLVMGetTypeKind(ty), LLVMTypeKind::LLVMStructTypeKind, "struct body for a non-struct type");
    unsafe { LLVMStructSetBody(ty, elements.as_ptr(), elements.len() as c_uint, to_bool(packed)) }
}

pub fn function_type<'ll>(ret: &'ll Type, params: &[&'ll Type], variadic: bool) -> &'ll Type {
    unsafe { LLVMFunctionType(ret, params.as_ptr(), params.len() as c_uint, to_bool(variadic)) }
}

/// The element type of an array or vector type.
pub fn element_type(ty: &Type) -> Option<&Type> {
    matches!(LLVMGetTypeKind(ty), LLVMTypeKind::LLVMArrayTypeKind | LLVMTypeKind::LLVMVectorTypeKind)
        .then(|| unsafe { LLVMGetElementType(ty) })
}

/// The length of a (fixed) vector type.
pub fn vector_length(ty: &Type) -> Option<u32> {
    (LLVMGetTypeKind(ty) == LLVMTypeKind::LLVMVectorTypeKind).then(|| unsafe { LLVMGetVectorSize(ty) })
}

/// The width of an integer type.
pub fn int_width(ty: &Type) -> Option<u32> {
    (LLVMGetTypeKind(ty) == LLVMTypeKind::LLVMIntegerTypeKind).then(|| unsafe { LLVMGetIntTypeWidth(ty) })
}

fn assert_function_type(ty: &Type) {
    assert_eq!(LLVMGetTypeKind(ty), LLVMTypeKind::LLVMFunctionTypeKind, "{ty:?} is not a function type");
}

pub fn return_type(fn_ty: &Type) -> &Type {
    assert_function_type(fn_ty);
    unsafe { LLVMGetReturnType(fn_ty) }
}

pub fn param_types(fn_ty: &Type) -> Vec<&Type> {
    assert_function_type(fn_ty);
    let n = unsafe { LLVMCountParamTypes(fn_ty) } as usize;
    let mut params = Vec::with_capacity(n);
    unsafe {
        LLVMGetParamTypes(fn_ty, params.as_mut_ptr());
        params.set_len(n);
    }
    params
}

pub fn is_var_arg(fn_ty: &Type) -> bool {
    assert_function_type(fn_ty);
    unsafe { LLVMIsFunctionVarArg(fn_ty) != 0 }
}

pub fn struct_element_types(ty: &Type) -> Vec<&Type> {
    assert_eq!(LLVMGetTypeKind(ty), LLVMTypeKind::LLVMStructTypeKind, "{ty:?} is not a struct type");
    let n = unsafe { LLVMCountStructElementTypes(ty) } as usize;
    let mut elements = Vec::with_capacity(n);
    unsafe {
        LLVMGetStructElementTypes(ty, elements.as_mut_ptr());
        elements.set_len(n);
    }
    elements
}
