//! Getting the LLVM function for an instance, declaring it if this module doesn't have it yet.

use rustc_middle::ty::layout::FnAbiOf;
use rustc_middle::ty::{self, Instance, TypeVisitableExt};

use crate::context::CodegenCx;
use crate::llvm::{self, Value};

pub fn get_fn<'ll, 'tcx>(cx: &CodegenCx<'ll, 'tcx>, instance: Instance<'tcx>) -> &'ll Value {
    let tcx = cx.tcx;
    assert!(!instance.args.has_infer());
    assert!(!instance.args.has_escaping_bound_vars());

    if let Some(&llfn) = cx.instances.borrow().get(&instance) {
        return llfn;
    }

    let sym = tcx.symbol_name(instance).name;
    let llfn = match cx.get_declared_value(sym) {
        Some(llfn) => llfn,
        None => {
            let fn_abi = cx.fn_abi_of_instance(instance, ty::List::empty());
            let llfn = cx.declare_fn(sym, fn_abi, Some(instance));
            llvm::set_linkage(llfn, llvm::LLVMLinkage::LLVMExternalLinkage);
            if is_hidden(cx, instance) {
                llvm::set_visibility(llfn, llvm::LLVMVisibility::LLVMHiddenVisibility);
            }
            cx.assume_dso_local(llfn, true);
            llfn
        }
    };
    cx.instances.borrow_mut().insert(instance, llfn);
    llfn
}

/// Whether a declaration of `instance` from another CGU or crate may be hidden, which lets
/// the linker bind it locally. This must agree with how the defining side exports it.
fn is_hidden<'tcx>(cx: &CodegenCx<'_, 'tcx>, instance: Instance<'tcx>) -> bool {
    let tcx = cx.tcx;
    let def_id = instance.def_id();
    let is_generic = instance.args.non_erasable_generics().next().is_some();
    if is_generic {
        if !(tcx.sess.opts.share_generics()
            || tcx.codegen_instance_attrs(instance.def).inline == rustc_hir::attrs::InlineAttr::Never)
        {
            // Without shared generics every instantiation is local to its crate.
            true
        } else if let Some(local) = def_id.as_local() {
            tcx.is_unreachable_local_definition(local) || !tcx.local_crate_exports_generics()
        } else {
            instance.upstream_monomorphization(tcx).is_none() && !tcx.local_crate_exports_generics()
        }
    } else {
        tcx.is_codegened_item(def_id) && (!def_id.is_local() || !tcx.is_reachable_non_generic(def_id))
    }
}
