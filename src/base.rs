//! Turning one codegen unit into an LLVM module: predefine every item, then define them, then
//! add what the module needs as a whole (entry point, `llvm.used`).

use std::time::Instant;

use rustc_codegen_ssa::ModuleCodegen;
use rustc_codegen_ssa::base::maybe_create_entry_wrapper;
use rustc_codegen_ssa::mono_item::MonoItemExt;
use rustc_codegen_ssa::traits::DebugInfoCodegenMethods;
use rustc_middle::dep_graph;
use rustc_middle::ty::TyCtxt;
use rustc_span::Symbol;

use crate::builder::Builder;
use crate::context::CodegenCx;
use crate::{ModuleLlvm, llvm};

pub fn compile_codegen_unit(tcx: TyCtxt<'_>, cgu_name: Symbol) -> (ModuleCodegen<ModuleLlvm>, u64) {
    let start = Instant::now();
    let dep_node = tcx.codegen_unit(cgu_name).codegen_dep_node(tcx);
    let (module, _) =
        tcx.dep_graph.with_task(dep_node, tcx, || module_codegen(tcx, cgu_name), Some(dep_graph::hash_result));
    // LLVM's time on a module is roughly proportional to the time it took to build it.
    let cost = start.elapsed().as_nanos() as u64;
    (module, cost)
}

fn module_codegen(tcx: TyCtxt<'_>, cgu_name: Symbol) -> ModuleCodegen<ModuleLlvm> {
    let cgu = tcx.codegen_unit(cgu_name);
    let _timer = tcx.prof.generic_activity_with_arg("codegen_module", cgu_name.to_string());
    let module = ModuleLlvm::new(tcx, cgu_name.as_str(), tcx.backend_optimization_level(()));
    {
        let mut cx = CodegenCx::new(tcx, cgu, module.llcx(), module.llmod());
        let items = cgu.items_in_deterministic_order(tcx);
        for &(item, data) in &items {
            item.predefine::<Builder<'_, '_, '_>>(&mut cx, cgu_name.as_str(), data.linkage, data.visibility);
        }
        for &(item, data) in &items {
            item.define::<Builder<'_, '_, '_>>(&mut cx, cgu_name.as_str(), data);
        }
        if let Some(entry) = maybe_create_entry_wrapper::<Builder<'_, '_, '_>>(&cx, cgu) {
            // The C `main` is instrumented like any function, as the built-in backend does.
            let attrs = crate::attributes::sanitize_attrs(tcx, cx.llcx, Default::default());
            llvm::add_fn_attrs(entry, llvm::AttributePlace::Function, &attrs);
        }

        cx.create_used_variable("llvm.used", &cx.used_statics.borrow());
        cx.create_used_variable("llvm.compiler.used", &cx.compiler_used_statics.borrow());
        // Statics whose initializer needed another LLVM type than their declaration: uses of
        // the old global move to the new one (after llvm.used was made from the old ones).
        for &(old, new) in cx.statics_to_rauw.borrow().iter() {
            llvm::ir::replace_global(old, new);
        }
        cx.debuginfo_finalize();
    }
    ModuleCodegen::new_regular(cgu_name.to_string(), module)
}
