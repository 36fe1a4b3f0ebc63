//! The small builder traits `BuilderMethods` requires: function parameters, statics, inline
//! assembly (lowered in `crate::asm`), and the debuginfo / coverage hooks (those features are
//! rejected before codegen starts, in lib.rs, so here they are no-ops).

use std::ops::Range;

use rustc_abi::Size;
use rustc_ast::{InlineAsmOptions, InlineAsmTemplatePiece};
use rustc_codegen_ssa::traits::*;
use rustc_hir::def_id::DefId;
use rustc_middle::mir::coverage::CoverageKind;
use rustc_middle::ty::Instance;
use rustc_span::{DUMMY_SP, Span};

use super::{Builder, Funclet};
use crate::debuginfo::VariablePlace;
use crate::llvm::{self, BasicBlock, Metadata, Value};

impl<'ll> AbiBuilderMethods for Builder<'_, 'll, '_> {
    fn get_param(&mut self, index: usize) -> &'ll Value {
        llvm::ir::param(self.llfn(), index)
    }
}

impl<'ll> StaticBuilderMethods for Builder<'_, 'll, '_> {
    fn get_static(&mut self, def_id: DefId) -> &'ll Value {
        let global = self.cx.get_static(def_id);
        if self.cx.tcx.is_thread_local_static(def_id) {
            // A thread-local's address differs per thread: `llvm.threadlocal.address` stops LLVM
            // from treating it as a constant across points where the thread may change.
            let ptr_ty = self.val_ty(global);
            self.call_intrinsic("llvm.threadlocal.address", &[ptr_ty], &[global])
        } else {
            global
        }
    }
}

impl<'tcx> CoverageInfoBuilderMethods<'tcx> for Builder<'_, '_, 'tcx> {
    fn add_coverage(&mut self, _instance: Instance<'tcx>, _kind: &CoverageKind) {
        // `-Cinstrument-coverage` is refused up front.
    }
}

impl<'ll, 'tcx> DebugInfoBuilderMethods<'tcx> for Builder<'_, 'll, 'tcx> {
    fn dbg_var_addr(
        &mut self,
        dbg_var: &'ll Metadata,
        dbg_loc: &'ll Metadata,
        variable_alloca: &'ll Value,
        direct_offset: Size,
        indirect_offsets: &[Size],
        fragment: &Option<Range<Size>>,
    ) {
        let place = VariablePlace { direct_offset, indirect_offsets, fragment };
        self.cx.record_variable(self.llbb(), dbg_var, dbg_loc, variable_alloca, place, false);
    }

    fn dbg_var_value(
        &mut self,
        dbg_var: &'ll Metadata,
        dbg_loc: &'ll Metadata,
        value: &'ll Value,
        direct_offset: Size,
        indirect_offsets: &[Size],
        fragment: &Option<Range<Size>>,
    ) {
        let place = VariablePlace { direct_offset, indirect_offsets, fragment };
        self.cx.record_variable(self.llbb(), dbg_var, dbg_loc, value, place, true);
    }

    fn set_dbg_loc(&mut self, dbg_loc: &'ll Metadata) {
        // SAFETY: rustc_codegen_ssa passes the locations made by `DebugInfoCodegenMethods`.
        unsafe { llvm::LLVMSetCurrentDebugLocation2(&self.llbuilder, Some(dbg_loc)) }
    }

    fn clear_dbg_loc(&mut self) {
        unsafe { llvm::LLVMSetCurrentDebugLocation2(&self.llbuilder, None) }
    }

    /// A volatile load of `.debug_gdb_scripts` in `main`, which keeps the section through the
    /// linker's garbage collection.
    fn insert_reference_to_gdb_debug_scripts_section_global(&mut self) {
        if let Some(section) = self.cx.gdb_debug_scripts_section() {
            let load = self.volatile_load(self.cx.type_i8(), section);
            llvm::set_alignment(load, 1);
        }
    }

    fn set_var_name(&mut self, value: &'ll Value, name: &str) {
        // Names only help people reading the IR; skip the work unless they asked for names.
        if self.cx.sess().fewer_names() {
            return;
        }
        // Only arguments and instructions are local to this function: never rename globals.
        let is_local = llvm::ir::is_argument(value) || llvm::ir::is_instruction(value);
        // Keep an existing name rather than combining the two.
        if is_local && llvm::get_value_name(value).is_empty() {
            llvm::set_value_name(value, name.as_bytes());
        }
    }
}

impl<'ll, 'tcx> AsmBuilderMethods<'tcx> for Builder<'_, 'll, 'tcx> {
    fn codegen_inline_asm(
        &mut self,
        template: &[InlineAsmTemplatePiece],
        operands: &[InlineAsmOperandRef<'tcx, Self>],
        options: InlineAsmOptions,
        line_spans: &[Span],
        instance: Instance<'_>,
        dest: Option<&'ll BasicBlock>,
        catch_funclet: Option<(&'ll BasicBlock, Option<&Funclet<'ll>>)>,
    ) {
        // Where errors about this block point.
        let span = line_spans.first().copied().unwrap_or(DUMMY_SP);
        crate::asm::codegen_inline_asm(
            self,
            span,
            template,
            operands,
            options,
            line_spans,
            instance,
            dest,
            catch_funclet,
        )
    }
}
