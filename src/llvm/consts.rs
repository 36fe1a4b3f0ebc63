//! Constants, through typed declarations of the C API's constant functions. They are `safe`
//! as the other wrappers of this module are: they take live handles, and LLVM checks (in its
//! debug builds) that the types fit; slices and strings go through the wrappers below.

use std::ffi::{c_char, c_uint};

use llvm_sys::prelude::LLVMBool;

use super::{Context, Type, Value, to_bool};

unsafe extern "C" {
    pub safe fn LLVMConstNull(ty: &Type) -> &Value;
    pub safe fn LLVMGetUndef(ty: &Type) -> &Value;
    pub safe fn LLVMGetPoison(ty: &Type) -> &Value;
    pub safe fn LLVMConstInt(ty: &Type, n: u64, sign_extend: LLVMBool) -> &Value;
    pub safe fn LLVMConstReal(ty: &Type, n: f64) -> &Value;
    pub safe fn LLVMConstBitCast<'ll>(v: &'ll Value, ty: &'ll Type) -> &'ll Value;
    pub safe fn LLVMConstPointerCast<'ll>(v: &'ll Value, ty: &'ll Type) -> &'ll Value;
    pub safe fn LLVMConstPtrToInt<'ll>(v: &'ll Value, ty: &'ll Type) -> &'ll Value;
    pub safe fn LLVMConstIntToPtr<'ll>(v: &'ll Value, ty: &'ll Type) -> &'ll Value;
    pub safe fn LLVMGetAggregateElement(v: &Value, index: c_uint) -> Option<&Value>;
    fn LLVMConstStringInContext2(c: &Context, s: *const c_char, len: usize, no_nul: LLVMBool) -> &Value;
    fn LLVMConstIntOfArbitraryPrecision(ty: &Type, num_words: c_uint, words: *const u64) -> &Value;
    fn LLVMConstStructInContext<'ll>(
        c: &'ll Context,
        values: *const &'ll Value,
        count: c_uint,
        packed: LLVMBool,
    ) -> &'ll Value;
    fn LLVMConstVector<'ll>(values: *const &'ll Value, count: c_uint) -> &'ll Value;
    fn LLVMConstInBoundsGEP2<'ll>(
        ty: &'ll Type,
        base: &'ll Value,
        indices: *const &'ll Value,
        count: c_uint,
    ) -> &'ll Value;
}

/// `[N x i8] c"..."`, without a terminating NUL.
pub fn bytes<'ll>(c: &'ll Context, bytes: &[u8]) -> &'ll Value {
    unsafe { LLVMConstStringInContext2(c, bytes.as_ptr().cast(), bytes.len(), to_bool(true)) }
}

/// An integer of `ty` from little-endian 64-bit words (bits beyond its width are dropped).
pub fn int_of_words<'ll>(ty: &'ll Type, words: &[u64]) -> &'ll Value {
    unsafe { LLVMConstIntOfArbitraryPrecision(ty, words.len() as c_uint, words.as_ptr()) }
}

pub fn structure<'ll>(c: &'ll Context, values: &[&'ll Value], packed: bool) -> &'ll Value {
    unsafe { LLVMConstStructInContext(c, values.as_ptr(), values.len() as c_uint, to_bool(packed)) }
}

pub fn vector<'ll>(values: &[&'ll Value]) -> &'ll Value {
    unsafe { LLVMConstVector(values.as_ptr(), values.len() as c_uint) }
}

/// `getelementptr inbounds (ty, base, indices…)`.
pub fn inbounds_gep<'ll>(ty: &'ll Type, base: &'ll Value, indices: &[&'ll Value]) -> &'ll Value {
    unsafe { LLVMConstInBoundsGEP2(ty, base, indices.as_ptr(), indices.len() as c_uint) }
}
