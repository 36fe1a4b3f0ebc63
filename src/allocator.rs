//! The allocator shim: `__rust_alloc` and friends, each forwarding to the implementation the
//! crate graph chose (`__rdl_*` for the default allocator or `__rg_*` for `#[global_allocator]`).

use rustc_ast::expand::allocator::{
    AllocatorMethod, AllocatorTy, NO_ALLOC_SHIM_IS_UNSTABLE, SpecialAllocatorMethod, default_fn_name, global_fn_name,
};
use rustc_middle::bug;
use rustc_middle::middle::codegen_fn_attrs::{CodegenFnAttrFlags, CodegenFnAttrs};
use rustc_middle::ty::TyCtxt;
use rustc_symbol_mangling::mangle_internal_symbol;

use crate::llvm::types::{LLVMIntTypeInContext, LLVMPointerTypeInContext, LLVMVoidTypeInContext};
use crate::llvm::{self, AttributePlace, Context, Module, Type};

pub fn codegen(tcx: TyCtxt<'_>, llcx: &Context, llmod: &Module, methods: &[AllocatorMethod]) {
    let usize_ty = LLVMIntTypeInContext(llcx, tcx.sess.target.pointer_width as u32);
    let ptr_ty = LLVMPointerTypeInContext(llcx, 0);
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
fn wrapper<'ll>(
    tcx: TyCtxt<'_>,
    llcx: &'ll Context,
    llmod: &'ll Module,
    from_name: &str,
    to_name: Option<&str>,
    args: &[&'ll Type],
    output: Option<&'ll Type>,
    no_return: bool,
    attrs: &CodegenFnAttrs,
) {
    let fn_ty = llvm::types::function_type(output.unwrap_or(LLVMVoidTypeInContext(llcx)), args, false);
    let declare = |name: &str| {
        let f = llvm::ir::add_function(llmod, name, fn_ty, llvm::LLVMCallConv::LLVMCCallConv as u32);
        llvm::set_unnamed_address(f, llvm::LLVMUnnamedAddr::LLVMGlobalUnnamedAddr);
        if no_return {
            llvm::add_fn_attrs(f, AttributePlace::Function, &[llvm::enum_attr(llcx, "noreturn", 0)]);
        }
        f
    };
    let llfn = declare(from_name);
    llvm::set_visibility(llfn, crate::declare::default_visibility(tcx.sess));
    crate::attributes::from_fn_attrs(tcx, llcx, llfn, attrs, None);

    let builder = llvm::OwnedIrBuilder::new(llcx);
    llvm::LLVMPositionBuilderAtEnd(&builder, llvm::ir::append_block(llcx, llfn, "entry"));
    match to_name {
        Some(to_name) => {
            let callee = declare(to_name);
            llvm::set_visibility(callee, llvm::LLVMVisibility::LLVMHiddenVisibility);
            let params = llvm::ir::params(llfn);
            // SAFETY: a call of `callee` with the parameters of `llfn`, both of type `fn_ty`, and
            // a `ret` of its result (of the function's return type) or `ret void`.
            unsafe {
                let call =
                    llvm::LLVMBuildCall2(&builder, fn_ty, callee, params.as_ptr(), params.len() as u32, llvm::UNNAMED);
                llvm::LLVMSetTailCall(call, llvm::to_bool(true));
                match output {
                    Some(_) => llvm::LLVMBuildRet(&builder, call),
                    None => llvm::LLVMBuildRetVoid(&builder),
                };
            }
        }
        None => {
            llvm::LLVMBuildRetVoid(&builder);
        }
    }
}
