//! The allocator shim: `__rust_alloc` and friends, each forwarding to the implementation the
//! crate graph chose (`__rdl_*` for the default allocator or `__rg_*` for `#[global_allocator]`).

use rustc_ast::expand::allocator::{
    AllocatorMethod, AllocatorTy, NO_ALLOC_SHIM_IS_UNSTABLE, SpecialAllocatorMethod, default_fn_name, global_fn_name,
};
use rustc_middle::bug;
use rustc_middle::middle::codegen_fn_attrs::{CodegenFnAttrFlags, CodegenFnAttrs};
use rustc_middle::ty::TyCtxt;
use rustc_symbol_mangling::mangle_internal_symbol;

use crate::llvm::owned::OwnedBuilder;
use crate::llvm::{self, AsRaw, AttributePlace, Context, LLVMTypeRef, Module};

pub fn codegen(tcx: TyCtxt<'_>, llcx: &Context, llmod: &Module, methods: &[AllocatorMethod]) {
    let (usize_ty, ptr_ty) = unsafe {
        (
            llvm::LLVMIntTypeInContext(llcx.raw(), tcx.sess.target.pointer_width as u32),
            llvm::LLVMPointerTypeInContext(llcx.raw(), 0),
        )
    };
    for method in methods {
        let mut args = Vec::new();
        for input in method.inputs.iter() {
            match input.ty {
                AllocatorTy::Layout => args.extend([usize_ty, usize_ty]), // size, align
                AllocatorTy::Ptr => args.push(ptr_ty),
                AllocatorTy::Usize => args.push(usize_ty),
                AllocatorTy::Never | AllocatorTy::ResultPtr | AllocatorTy::Unit => bug!("invalid allocator arg"),
            }
        }
        let (output, no_return) = match method.output {
            AllocatorTy::ResultPtr => (Some(ptr_ty), false),
            AllocatorTy::Unit => (None, false),
            AllocatorTy::Never => (None, true),
            AllocatorTy::Layout | AllocatorTy::Usize | AllocatorTy::Ptr => bug!("invalid allocator output"),
        };
        let mut attrs = CodegenFnAttrs::new();
        attrs.flags |= match method.special {
            Some(SpecialAllocatorMethod::Alloc) => CodegenFnAttrFlags::ALLOCATOR,
            Some(SpecialAllocatorMethod::Dealloc) => CodegenFnAttrFlags::DEALLOCATOR,
            Some(SpecialAllocatorMethod::Realloc) => CodegenFnAttrFlags::REALLOCATOR,
            Some(SpecialAllocatorMethod::AllocZeroed) => CodegenFnAttrFlags::ALLOCATOR_ZEROED,
            None => CodegenFnAttrFlags::empty(),
        };
        let from = mangle_internal_symbol(tcx, &global_fn_name(method.name));
        let to = mangle_internal_symbol(tcx, &default_fn_name(method.name));
        wrapper(tcx, llcx, llmod, &from, Some(&to), &args, output, no_return, &attrs);
    }
    // A symbol whose presence tells std that a shim was generated.
    let marker = mangle_internal_symbol(tcx, NO_ALLOC_SHIM_IS_UNSTABLE);
    wrapper(tcx, llcx, llmod, &marker, None, &[], None, false, &CodegenFnAttrs::new());
}

#[allow(clippy::too_many_arguments)]
fn wrapper(
    tcx: TyCtxt<'_>,
    llcx: &Context,
    llmod: &Module,
    from_name: &str,
    to_name: Option<&str>,
    args: &[LLVMTypeRef],
    output: Option<LLVMTypeRef>,
    no_return: bool,
    attrs: &CodegenFnAttrs,
) {
    unsafe {
        let void = llvm::LLVMVoidTypeInContext(llcx.raw());
        let mut params = args.to_vec();
        let fn_ty = llvm::LLVMFunctionType(output.unwrap_or(void), params.as_mut_ptr(), params.len() as u32, 0);
        let declare = |name: &str| {
            let cname = llvm::cstr(name);
            let f = llvm::value(llvm::LLVMAddFunction(llmod.raw(), cname.as_ptr(), fn_ty));
            llvm::set_unnamed_address(f, llvm::LLVMUnnamedAddr::LLVMGlobalUnnamedAddr);
            if no_return {
                llvm::add_fn_attrs(f, AttributePlace::Function, &[llvm::enum_attr(llcx, "noreturn", 0)]);
            }
            f
        };
        let llfn = declare(from_name);
        llvm::set_visibility(llfn, crate::declare::default_visibility(tcx.sess));
        crate::attributes::from_fn_attrs(tcx, llcx, llfn, attrs, None);

        let builder = OwnedBuilder::at_new_block(llcx, llfn, "entry");
        match to_name {
            Some(to_name) => {
                let callee = declare(to_name);
                llvm::set_visibility(callee, llvm::LLVMVisibility::LLVMHiddenVisibility);
                let call_args: Vec<_> =
                    (0..args.len()).map(|i| llvm::value(llvm::LLVMGetParam(llfn.raw(), i as u32))).collect();
                let call = builder.call(llvm::ty(fn_ty), callee, &call_args);
                llvm::LLVMSetTailCall(call.raw(), 1);
                builder.ret(output.map(|_| call));
            }
            None => builder.ret(None),
        }
    }
}
