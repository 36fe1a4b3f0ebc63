//! Unwinding helpers: Itanium-style landing pads and the MSVC/wasm `catchret`.

use rustc_codegen_ssa::traits::*;

use super::Builder;
use crate::llvm::{self, Type, Value};

impl<'a, 'll, 'tcx> Builder<'a, 'll, 'tcx> {
    /// A `landingpad` of type `ty`; the personality goes on the function (LLVMBuildLandingPad
    /// would want a Function, while the personality may be any constant).
    pub fn landing_pad(&mut self, ty: &'ll Type, pers_fn: &'ll Value, num_clauses: usize) -> &'ll Value {
        self.set_personality_fn(pers_fn);
        unsafe { llvm::LLVMBuildLandingPad(&self.llbuilder, ty, None, num_clauses as u32, llvm::UNNAMED) }
    }

    pub fn add_clause(&mut self, landing_pad: &'ll Value, clause: &'ll Value) {
        assert!(llvm::ir::is_landing_pad(landing_pad), "clause for {landing_pad:?}");
        unsafe { llvm::LLVMAddClause(landing_pad, clause) }
    }

    /// The `{ ptr, i32 }` value that Itanium-style landing pads produce and `resume` consumes.
    pub(super) fn eh_pair_type(&self) -> &'ll Type {
        self.cx.type_struct(&[self.cx.type_ptr(), self.cx.type_i32()], false)
    }
}
