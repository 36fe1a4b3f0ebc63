//! `global_asm!` (module-level assembly). Inline `asm!` is not supported yet: the builder
//! reports it as an error (see `builder.rs`).

use rustc_ast::{InlineAsmOptions, InlineAsmTemplatePiece};
use rustc_codegen_ssa::traits::*;
use rustc_middle::ty::Instance;
use rustc_span::Span;

use crate::context::CodegenCx;
use crate::llvm::{self, AsRaw};

impl<'tcx> AsmCodegenMethods<'tcx> for CodegenCx<'_, 'tcx> {
    fn codegen_global_asm(
        &mut self,
        template: &[InlineAsmTemplatePiece],
        operands: &[GlobalAsmOperandRef<'tcx>],
        options: InlineAsmOptions,
        _line_spans: &[Span],
    ) {
        use rustc_codegen_ssa::back::symbol_export::escape_symbol_name;
        // Rust's x86 assembly is Intel syntax unless the block says otherwise.
        let mut asm = String::from(if options.contains(InlineAsmOptions::ATT_SYNTAX) {
            ".att_syntax\n"
        } else {
            ".intel_syntax\n"
        });
        for piece in template {
            match *piece {
                InlineAsmTemplatePiece::String(ref s) => asm.push_str(s),
                InlineAsmTemplatePiece::Placeholder { operand_idx, modifier: _, span } => {
                    match operands[operand_idx] {
                        GlobalAsmOperandRef::Const { ref string } => asm.push_str(string),
                        GlobalAsmOperandRef::SymFn { instance } => {
                            let name = self.mangled_name(instance);
                            asm.push_str(&escape_symbol_name(self.tcx, &name, span));
                        }
                        GlobalAsmOperandRef::SymStatic { def_id } => {
                            let instance = Instance::mono(self.tcx, def_id);
                            let name = self.tcx.symbol_name(instance).name;
                            asm.push_str(&escape_symbol_name(self.tcx, name, span));
                        }
                    }
                }
            }
        }
        // Leave the assembler in the syntax LLVM expects for what follows.
        asm.push_str("\n.att_syntax\n");
        unsafe { llvm::LLVMAppendModuleInlineAsm(self.llmod.raw(), asm.as_ptr() as *const _, asm.len()) }
    }

    fn mangled_name(&self, instance: Instance<'tcx>) -> String {
        // On ELF the symbol is the symbol name itself (no Mach-O underscore or x86 Windows suffix).
        let _ = self.get_fn(instance);
        self.tcx.symbol_name(instance).name.to_owned()
    }
}
