//! Rust `static` items: declaring their globals (ours, other CGUs', other crates', foreign ones)
//! and giving the ones this CGU defines their initializer and attributes.
//!
//! The defining CGU's global is created (with linkage and visibility) by `predefine_static` in
//! mono_item.rs and recorded in `cx.instances`; everything here finds it there.

use rustc_codegen_ssa::traits::*;
use rustc_hir::LangItem;
use rustc_hir::attrs::Linkage;
use rustc_hir::def::DefKind;
use rustc_hir::def_id::{DefId, LOCAL_CRATE};
use rustc_middle::bug;
use rustc_middle::middle::codegen_fn_attrs::{CodegenFnAttrFlags, CodegenFnAttrs};
use rustc_middle::mir::interpret::ConstAllocation;
use rustc_middle::mono::MonoItem;
use rustc_middle::ty::layout::{FnAbiOf, HasTypingEnv, LayoutOf};
use rustc_middle::ty::{self, Instance};
use rustc_target::spec::SanitizerSet;

use super::const_alloc_to_llvm;
use crate::context::CodegenCx;
use crate::llvm::{self, Type, Value};
use crate::type_of::LayoutLlvmExt;

impl<'ll, 'tcx> CodegenCx<'ll, 'tcx> {
    /// The global of a static, declared on first use when it is not defined in this CGU.
    pub fn get_static(&self, def_id: DefId) -> &'ll Value {
        let DefKind::Static { nested, .. } = self.tcx.def_kind(def_id) else {
            bug!("get_static: {def_id:?} is not a static")
        };
        // A nested static (memory that a static's initializer points to, promoted to its own
        // item) has no Rust type; any type does for a declaration with opaque pointers.
        let llty = if nested {
            self.type_i8()
        } else {
            let ty = Instance::mono(self.tcx, def_id).ty(self.tcx, self.typing_env());
            self.layout_of(ty).llvm_type(self)
        };
        self.get_static_inner(def_id, llty)
    }

    fn get_static_inner(&self, def_id: DefId, llty: &'ll Type) -> &'ll Value {
        let instance = Instance::mono(self.tcx, def_id);
        if let Some(&g) = self.instances.borrow().get(&instance) {
            return g;
        }
        if self.codegen_unit.items().contains_key(&MonoItem::Static(def_id)) {
            bug!("get_static: `{def_id:?}` is defined in this CGU but was not predefined");
        }

        let sym = self.tcx.symbol_name(instance).name;
        let attrs = self.tcx.codegen_fn_attrs(def_id);
        let span = self.tcx.def_span(def_id);

        let g = if def_id.is_local() && !self.tcx.is_foreign_item(def_id) {
            // Defined by another CGU of this crate.
            let g = self.declare_global(sym, llty);
            if !self.tcx.is_reachable_non_generic(def_id) {
                // Not exported from the crate: the defining CGU made it hidden, and a matching
                // reference lets the linker resolve it locally.
                llvm::set_visibility(g, llvm::LLVMVisibility::LLVMHiddenVisibility);
            }
            g
        } else if attrs.objc_class.is_some() || attrs.objc_selector.is_some() {
            self.tcx
                .dcx()
                .span_fatal(span, "rustc_codegen_inkwell does not support Objective-C class or selector statics yet")
        } else {
            self.declare_foreign_static(attrs, llty, sym, def_id)
        };

        // A thread-local from another object must be referenced as thread-local too, or the
        // linker rejects the mix of TLS and non-TLS references to one symbol.
        if attrs.flags.contains(CodegenFnAttrFlags::THREAD_LOCAL) {
            llvm::set_thread_local_mode(g, self.tls_model);
        }
        self.assume_dso_local(g, true);

        self.instances.borrow_mut().insert(instance, g);
        g
    }

    /// Declares a static defined elsewhere (another crate, or C). With `#[linkage]` on an
    /// extern static, the symbol is declared with that linkage and the static becomes an
    /// internal pointer-sized global holding its address, which is null when a weak symbol is
    /// missing at link time.
    fn declare_foreign_static(&self, attrs: &CodegenFnAttrs, llty: &'ll Type, sym: &str, def_id: DefId) -> &'ll Value {
        let Some(linkage) = attrs.import_linkage else {
            return self.declare_global(sym, llty);
        };

        let target = if linkage == Linkage::ExternalWeak
            && let Some(fn_sig) = self.optional_fn_ptr_sig(def_id)
        {
            // `Option<extern "C" fn(..)>`: declare the symbol as the function it is, so that
            // calls through it get the right signature and attributes.
            let fn_abi = self.fn_abi_of_fn_ptr(fn_sig, ty::List::empty());
            self.declare_fn(sym, fn_abi, None)
        } else {
            self.declare_global(sym, self.type_i8())
        };
        llvm::set_linkage(target, crate::mono_item::linkage_to_llvm(linkage));
        // Decided for the symbol itself: the caller decides for the holder below.
        self.assume_dso_local(target, true);

        let holder_name = format!("_rust_extern_with_linkage_{:016x}_{sym}", self.tcx.stable_crate_id(LOCAL_CRATE));
        let holder = self.define_global(&holder_name, llty).unwrap_or_else(|| {
            self.tcx.dcx().span_fatal(self.tcx.def_span(def_id), format!("symbol `{sym}` is already defined"))
        });
        llvm::set_linkage(holder, llvm::LLVMLinkage::LLVMInternalLinkage);
        llvm::set_initializer(holder, target);
        holder
    }

    /// The signature `S` if the static's type is `Option<S>` for a function pointer type `S`.
    fn optional_fn_ptr_sig(&self, def_id: DefId) -> Option<ty::PolyFnSig<'tcx>> {
        let ty = Instance::mono(self.tcx, def_id).ty(self.tcx, self.typing_env());
        if let ty::Adt(adt, args) = ty.kind()
            && self.tcx.is_lang_item(adt.did(), LangItem::Option)
            && let ty::FnPtr(sig, header) = args.type_at(0).kind()
        {
            Some(sig.with(*header))
        } else {
            None
        }
    }

    /// Gives a static defined in this CGU its initializer, alignment, mutability and the
    /// attributes that matter for codegen.
    pub(crate) fn codegen_static_item(&mut self, def_id: DefId) {
        let instance = Instance::mono(self.tcx, def_id);
        let Some(&g) = self.instances.borrow().get(&instance) else {
            bug!("codegen_static: `{def_id:?}` was not predefined")
        };
        if llvm::ir::initializer(g).is_some() {
            bug!("codegen_static: `{def_id:?}` is already defined");
        }

        let Ok(alloc) = self.tcx.eval_static_initializer(def_id) else {
            // The error has already been reported.
            return;
        };
        let init = const_alloc_to_llvm(self, alloc, true);
        let init_ty = self.val_ty(init);
        let declared_ty = llvm::ir::value_type(g);
        let g = if init_ty == declared_ty { g } else { self.retype_static(instance, g, init_ty) };

        let attrs = self.tcx.codegen_fn_attrs(def_id);
        let span = self.tcx.def_span(def_id);
        let alloc = alloc.inner();

        // `#[repr(align)]`/`#[rustc_align_static]` are already part of the allocation's alignment.
        self.set_global_alignment(g, alloc.align);
        llvm::set_initializer(g, init);
        self.assume_dso_local(g, true);
        // The const interner decided whether the static's memory can change (no `static mut`,
        // no interior mutability): read-only data may go in .rodata.
        if alloc.mutability.is_not() {
            llvm::set_global_constant(g, true);
        }
        if attrs.flags.contains(CodegenFnAttrFlags::THREAD_LOCAL) {
            llvm::set_thread_local_mode(g, self.tls_model);
        }
        self.static_debuginfo(def_id, g);

        if let Some(section) = attrs.link_section {
            llvm::set_section(g, section.as_str());
        }

        let address_sanitizers = SanitizerSet::ADDRESS
            | SanitizerSet::KERNELADDRESS
            | SanitizerSet::HWADDRESS
            | SanitizerSet::KERNELHWADDRESS;
        if attrs.sanitizers.disabled.intersects(address_sanitizers)
            && self.sess().sanitizers().intersects(address_sanitizers)
        {
            // LLVM's per-global "no_sanitize_address" marker has no C API.
            self.tcx
                .dcx()
                .span_fatal(span, "rustc_codegen_inkwell does not support disabling address sanitizers on statics yet");
        }

        // `#[used(compiler)]` only has to keep the symbol in the object file (the linker may
        // still drop it), which is `llvm.compiler.used`; `#[used(linker)]` is `llvm.used`.
        if attrs.flags.contains(CodegenFnAttrFlags::USED_COMPILER) {
            self.compiler_used_statics.borrow_mut().push(g);
        }
        if attrs.flags.contains(CodegenFnAttrFlags::USED_LINKER) {
            self.used_statics.borrow_mut().push(g);
        }
    }

    /// The initializer is a struct of byte arrays and pointers, which rarely matches the LLVM
    /// type the static was predefined with, and no constant cast bridges two aggregate types.
    /// So the static gets a fresh global of the initializer's type under the same name; uses
    /// of the old one are redirected once the module is complete (`statics_to_rauw`).
    fn retype_static(&self, instance: Instance<'tcx>, old: &'ll Value, ty: &'ll Type) -> &'ll Value {
        let name = String::from_utf8(llvm::get_value_name(old).to_vec())
            .unwrap_or_else(|_| bug!("static with a non-UTF-8 symbol name"));
        llvm::set_value_name(old, b"");
        let new = self.declare_global(&name, ty);

        // Carry over what predefine_static decided.
        llvm::set_linkage(new, llvm::get_linkage(old));
        llvm::set_visibility(new, llvm::get_visibility(old));
        llvm::ir::copy_global_properties(new, old);

        self.statics_to_rauw.borrow_mut().push((old, new));
        // From now on hand out the new global directly: it also carries the symbol name that
        // `global_asm!`'s `sym` operands read.
        self.instances.borrow_mut().insert(instance, new);
        new
    }
}

impl<'ll, 'tcx> StaticCodegenMethods for CodegenCx<'ll, 'tcx> {
    fn static_addr_of(&self, alloc: ConstAllocation<'_>, kind: Option<&str>) -> &'ll Value {
        let cv = const_alloc_to_llvm(self, alloc, false);
        let gv = self.static_addr_of_const(cv, alloc.inner().align, kind);
        self.const_pointercast(gv, self.type_ptr())
    }

    fn codegen_static(&mut self, def_id: DefId) {
        self.codegen_static_item(def_id)
    }
}
