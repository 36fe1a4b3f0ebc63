//! Declaring functions and globals by symbol name, and finding what a module already has.
//!
//! A name is looked up among functions, globals and aliases alike: a symbol is one thing.

use rustc_middle::ty::{Instance, Ty};
use rustc_session::Session;
use rustc_target::callconv::FnAbi;
use rustc_target::spec::SymbolVisibility;

use crate::abi::FnAbiLlvmExt;
use crate::context::CodegenCx;
use crate::llvm::{self, Type, Value};

/// The visibility `-Zdefault-visibility` gives the symbols rustc makes on its own (the C `main`,
/// the allocator shim).
pub fn default_visibility(sess: &Session) -> llvm::LLVMVisibility {
    match sess.default_visibility() {
        SymbolVisibility::Hidden => llvm::LLVMVisibility::LLVMHiddenVisibility,
        SymbolVisibility::Protected => llvm::LLVMVisibility::LLVMProtectedVisibility,
        SymbolVisibility::Interposable => llvm::LLVMVisibility::LLVMDefaultVisibility,
    }
}

impl<'ll, 'tcx> CodegenCx<'ll, 'tcx> {
    /// A new function `name` (which the module must not have yet), with the attributes every
    /// function of ours carries.
    fn add_raw_fn(&self, name: &str, cconv: u32, unnamed: llvm::LLVMUnnamedAddr, fn_type: &'ll Type) -> &'ll Value {
        let llfn = llvm::ir::add_function(self.llmod, name, fn_type, cconv);
        llvm::set_unnamed_address(llfn, unnamed);
        crate::attributes::apply_declaration_attrs(self, llfn);
        llfn
    }

    /// Declares (or returns the existing) C-ABI function `name` (runtime helpers, the entry
    /// point, `rust_eh_personality`).
    pub fn declare_cfn(&self, name: &str, unnamed: llvm::LLVMUnnamedAddr, fn_type: &'ll Type) -> &'ll Value {
        let cconv = llvm::LLVMCallConv::LLVMCCallConv as u32;
        self.get_declared_value(name).unwrap_or_else(|| self.add_raw_fn(name, cconv, unnamed, fn_type))
    }

    /// Declares (or returns the existing) Rust-visible function with the type, calling convention and parameter
    /// attributes its `FnAbi` gives.
    pub fn declare_fn(
        &self,
        name: &str,
        fn_abi: &FnAbi<'tcx, Ty<'tcx>>,
        instance: Option<Instance<'tcx>>,
    ) -> &'ll Value {
        if let Some(f) = self.get_declared_value(name) {
            return f;
        }
        let cconv = fn_abi.llvm_cconv(self);
        let llfn = self.add_raw_fn(name, cconv, llvm::LLVMUnnamedAddr::LLVMGlobalUnnamedAddr, fn_abi.llvm_type(self));
        fn_abi.apply_attrs_llfn(self, llfn, instance);
        llfn
    }

    /// Declares (or returns the existing) global `name`.
    pub fn declare_global(&self, name: &str, ty: &'ll Type) -> &'ll Value {
        if let Some(g) = self.get_declared_value(name) {
            return g;
        }
        llvm::ir::add_global(self.llmod, ty, name)
    }

    /// Declares global `name` unless the module already defines it.
    pub fn define_global(&self, name: &str, ty: &'ll Type) -> Option<&'ll Value> {
        if self.get_defined_value(name).is_some() { None } else { Some(self.declare_global(name, ty)) }
    }

    /// A fresh private global (for constants that need an address).
    pub fn define_private_global(&self, ty: &'ll Type) -> &'ll Value {
        let g = llvm::ir::add_global(self.llmod, ty, "");
        llvm::set_linkage(g, llvm::LLVMLinkage::LLVMPrivateLinkage);
        g
    }

    pub fn get_declared_value(&self, name: &str) -> Option<&'ll Value> {
        llvm::ir::named_value(self.llmod, name)
    }

    pub fn get_defined_value(&self, name: &str) -> Option<&'ll Value> {
        self.get_declared_value(name).filter(|v| !llvm::is_declaration(v))
    }
}
