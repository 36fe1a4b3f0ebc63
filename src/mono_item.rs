//! Pre-defining a CGU's functions and statics with their linkage and visibility, before any
//! body is generated, so that bodies can refer to each other.

use std::borrow::Cow;

use rustc_codegen_ssa::traits::*;
use rustc_hir::attrs::Linkage;
use rustc_hir::def::DefKind;
use rustc_hir::def_id::{DefId, LOCAL_CRATE};
use rustc_middle::bug;
use rustc_middle::middle::codegen_fn_attrs::CodegenFnAttrs;
use rustc_middle::mono::Visibility;
use rustc_middle::ty::layout::{FnAbiOf, HasTypingEnv, LayoutOf};
use rustc_middle::ty::{self, Instance, TypeVisitableExt};
use rustc_target::callconv::PassMode;

use crate::abi::FnAbiLlvmExt;
use crate::builder::Builder;
use crate::context::CodegenCx;
use crate::llvm::{self, Value};
use crate::type_of::LayoutLlvmExt;

impl<'tcx> PreDefineCodegenMethods<'tcx> for CodegenCx<'_, 'tcx> {
    fn predefine_static(&mut self, def_id: DefId, linkage: Linkage, visibility: Visibility, symbol_name: &str) {
        let instance = Instance::mono(self.tcx, def_id);
        let DefKind::Static { nested, .. } = self.tcx.def_kind(def_id) else { bug!("not a static: {def_id:?}") };
        let ty = if nested { self.tcx.types.unit } else { instance.ty(self.tcx, self.typing_env()) };
        let llty = self.layout_of(ty).llvm_type(self);
        let g = self.define_global(symbol_name, llty).unwrap_or_else(|| {
            self.tcx.dcx().span_fatal(self.tcx.def_span(def_id), format!("symbol `{symbol_name}` is already defined"))
        });
        llvm::set_linkage(g, linkage_to_llvm(linkage));
        self.set_visibility(g, linkage, visibility);
        self.assume_dso_local(g, false);

        let attrs = self.tcx.codegen_instance_attrs(instance.def);
        for &(alias, alias_linkage, alias_visibility) in &attrs.foreign_item_symbol_aliases {
            let alias_instance = Instance::mono(self.tcx, alias);
            let lla = llvm::ir::add_alias(self.llmod, llty, g, self.tcx.symbol_name(alias_instance).name);
            llvm::set_linkage(lla, linkage_to_llvm(alias_linkage));
            llvm::set_visibility(lla, visibility_to_llvm(alias_visibility));
            self.instances.borrow_mut().insert(alias_instance, lla);
        }
        self.instances.borrow_mut().insert(instance, g);
    }

    fn predefine_fn(&mut self, instance: Instance<'tcx>, linkage: Linkage, visibility: Visibility, symbol_name: &str) {
        assert!(!instance.args.has_infer());
        let attrs = self.tcx.codegen_instance_attrs(instance.def);
        let lldecl = self.predefine_fn_symbol(instance, &attrs, linkage, visibility, symbol_name);
        for &(alias, alias_linkage, alias_visibility) in &attrs.foreign_item_symbol_aliases {
            // An alias of a function is a thin wrapper that forwards its arguments.
            let name = self.tcx.symbol_name(Instance::mono(self.tcx, alias)).name;
            let wrapper = self.predefine_fn_symbol(instance, &attrs, alias_linkage, alias_visibility, name);
            self.forward_call(instance, &attrs, wrapper, lldecl);
        }
        self.instances.borrow_mut().insert(instance, lldecl);
    }
}

impl<'ll, 'tcx> CodegenCx<'ll, 'tcx> {
    fn predefine_fn_symbol(
        &self,
        instance: Instance<'tcx>,
        attrs: &Cow<'_, CodegenFnAttrs>,
        linkage: Linkage,
        visibility: Visibility,
        symbol_name: &str,
    ) -> &'ll Value {
        let fn_abi = self.fn_abi_of_instance(instance, ty::List::empty());
        let lldecl = self.declare_fn(symbol_name, fn_abi, Some(instance));
        llvm::set_linkage(lldecl, linkage_to_llvm(linkage));
        if let Some(section) = attrs.link_section {
            llvm::set_section(lldecl, section.as_str());
        }
        if matches!(linkage, Linkage::LinkOnceODR | Linkage::WeakODR) && self.tcx.sess.target.supports_comdat() {
            llvm::set_own_comdat(self.llmod, lldecl);
        }
        self.set_visibility(lldecl, linkage, visibility);
        self.assume_dso_local(lldecl, false);
        lldecl
    }

    fn forward_call(&self, instance: Instance<'tcx>, attrs: &CodegenFnAttrs, from: &'ll Value, to: &'ll Value) {
        let fn_abi = self.fn_abi_of_instance(instance, ty::List::empty());
        let fn_ty = fn_abi.llvm_type(self);
        let mut bx = Builder::build(self, Builder::append_block(self, from, "start"));
        let args = llvm::ir::params(from);
        let call = bx.call(fn_ty, Some(attrs), Some(fn_abi), to, &args, None, Some(instance));
        match fn_abi.ret.mode {
            PassMode::Ignore | PassMode::Indirect { .. } => bx.ret_void(),
            PassMode::Direct(_) | PassMode::Pair { .. } | PassMode::Cast { .. } => bx.ret(call),
        }
    }

    fn set_visibility(&self, v: &Value, linkage: Linkage, visibility: Visibility) {
        // compiler_builtins' symbols must never be exported from a dylib.
        if linkage != Linkage::Internal && self.tcx.is_compiler_builtins(LOCAL_CRATE) {
            llvm::set_visibility(v, llvm::LLVMVisibility::LLVMHiddenVisibility);
        } else {
            llvm::set_visibility(v, visibility_to_llvm(visibility));
        }
    }
}

pub fn linkage_to_llvm(linkage: Linkage) -> llvm::LLVMLinkage {
    use llvm::LLVMLinkage::*;
    match linkage {
        Linkage::External => LLVMExternalLinkage,
        Linkage::AvailableExternally => LLVMAvailableExternallyLinkage,
        Linkage::LinkOnceAny => LLVMLinkOnceAnyLinkage,
        Linkage::LinkOnceODR => LLVMLinkOnceODRLinkage,
        Linkage::WeakAny => LLVMWeakAnyLinkage,
        Linkage::WeakODR => LLVMWeakODRLinkage,
        Linkage::Internal => LLVMInternalLinkage,
        Linkage::ExternalWeak => LLVMExternalWeakLinkage,
        Linkage::Common => LLVMCommonLinkage,
    }
}

pub fn visibility_to_llvm(visibility: Visibility) -> llvm::LLVMVisibility {
    use llvm::LLVMVisibility::*;
    match visibility {
        Visibility::Default => LLVMDefaultVisibility,
        Visibility::Hidden => LLVMHiddenVisibility,
        Visibility::Protected => LLVMProtectedVisibility,
    }
}
