//! Debug information is not generated yet: `-g`/`-Cdebuginfo` is rejected with an error when
//! the session starts (see `lib.rs`), so no function ever gets a debug context and the methods
//! that would need one are unreachable. The builder's half (no-ops) is in `builder.rs`.

use rustc_codegen_ssa::mir::debuginfo::{FunctionDebugContext, VariableKind};
use rustc_codegen_ssa::traits::*;
use rustc_middle::bug;
use rustc_middle::mir;
use rustc_middle::ty::{ExistentialTraitRef, Instance, Ty};
use rustc_span::{SourceFile, Span, Symbol};
use rustc_target::callconv::FnAbi;

use crate::context::CodegenCx;
use crate::llvm::{Metadata, Value};

impl<'ll, 'tcx> DebugInfoCodegenMethods<'tcx> for CodegenCx<'ll, 'tcx> {
    fn create_vtable_debuginfo(&self, _ty: Ty<'tcx>, _trait_ref: Option<ExistentialTraitRef<'tcx>>, _vtable: &'ll Value) {}

    fn create_function_debug_context(
        &self,
        _instance: Instance<'tcx>,
        _fn_abi: &FnAbi<'tcx, Ty<'tcx>>,
        _llfn: &'ll Value,
        _mir: &mir::Body<'tcx>,
    ) -> Option<FunctionDebugContext<'tcx, &'ll Metadata, &'ll Metadata>> {
        None
    }

    fn dbg_scope_fn(&self, _: Instance<'tcx>, _: &FnAbi<'tcx, Ty<'tcx>>, _: Option<&'ll Value>) -> &'ll Metadata {
        bug!("debuginfo is disabled")
    }

    fn dbg_loc(&self, _: &'ll Metadata, _: Option<&'ll Metadata>, _: Span) -> &'ll Metadata {
        bug!("debuginfo is disabled")
    }

    fn extend_scope_to_file(&self, _: &'ll Metadata, _: &SourceFile) -> &'ll Metadata {
        bug!("debuginfo is disabled")
    }

    fn debuginfo_finalize(&self) {}

    fn create_dbg_var(&self, _: Symbol, _: Ty<'tcx>, _: &'ll Metadata, _: VariableKind, _: Span) -> &'ll Metadata {
        bug!("debuginfo is disabled")
    }
}
