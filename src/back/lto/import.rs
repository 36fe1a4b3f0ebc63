//! ThinLTO's import of function bodies from other modules, on the C API: for each module that
//! something is imported from, its bitcode is opened lazily in the importer's context, prepared,
//! and linked in. Only the bodies that the IR linker copies are ever read.
//!
//! The C API's linker has no "import only these" mode: it copies every definition with external
//! linkage. So the source module is prepared first:
//! - its locals that importers refer to get their promoted names (as in the source module's own
//!   compilation, see [`super::thin::promote`]);
//! - imported functions and constants become `available_externally` (a copy that is only there
//!   to be inlined or read), and are declared in the importer, which makes the linker copy them;
//! - definitions that imported code or the importer refer to but are not imported become
//!   declarations;
//! - every other definition becomes internal, which the linker only copies when referred to,
//!   and nothing refers to them;
//! - module-level assembly and the `llvm.*` lists (constructors, `llvm.used`) are dropped: they
//!   belong to the source module's own object.

use rustc_codegen_ssa::back::lto::ThinModule;
use rustc_data_structures::fx::{FxHashMap, FxHashSet};

use super::summary::ModuleSummary;
use crate::llvm::{self, LLVMLinkage, ir};
use crate::{InkwellCodegenBackend, ModuleLlvm};

/// What to do with one definition of the source module.
enum Action {
    Import,
    Declare,
    Hide,
}

pub fn import_all(module: &ModuleLlvm, thin: &ThinModule<InkwellCodegenBackend>) -> Result<(), String> {
    let data = &thin.shared.data;
    let importer = &data.summaries[thin.idx];
    // Every name the importer mentions, defined or declared.
    let importer_names: FxHashSet<&[u8]> = importer.symbols.iter().map(|s| &**s).collect();
    for (source, imported) in &data.plans[thin.idx].imports {
        let summary = &data.summaries[*source];
        let actions = actions(summary, imported, &importer_names);
        let name = thin.shared.module_names[*source].to_string_lossy();
        let lazy = llvm::bitcode::parse_lazily(module.llcx(), thin.shared.modules[*source].data(), &name)
            .ok_or_else(|| format!("could not open the LLVM bitcode of `{name}`"))?;
        let promote = &data.plans[*source].promote;
        prepare_source(module.llmod(), lazy.llmod, summary, promote, data.promotion_hashes[*source], &actions);
        if !llvm::bitcode::link_lazy(module.llmod(), lazy) {
            return Err(format!("could not link the functions imported from `{name}`"));
        }
    }
    Ok(())
}

/// The fate of each of the source's definitions (by index), when `imported` are imported.
fn actions(summary: &ModuleSummary, imported: &[u32], importer_names: &FxHashSet<&[u8]>) -> Vec<Action> {
    let mut actions: Vec<Action> = (0..summary.defs.len() as u32)
        .map(|d| {
            let external = !ir::is_local_linkage(summary.defs[d as usize].linkage);
            if external && importer_names.contains(summary.name(d)) { Action::Declare } else { Action::Hide }
        })
        .collect();
    for &e in imported {
        let def = &summary.defs[e as usize];
        for &r in def.calls.iter().chain(&def.refs) {
            if summary.is_def(r) {
                actions[r as usize] = Action::Declare;
            }
        }
    }
    for &e in imported {
        actions[e as usize] = Action::Import;
    }
    actions
}

/// Makes the lazily opened source module `llmod` ready to be linked into `dest`.
fn prepare_source(
    dest: &llvm::Module,
    llmod: &llvm::Module,
    summary: &ModuleSummary,
    promote: &[u32],
    hash: u64,
    actions: &[Action],
) {
    let by_name: FxHashMap<&[u8], u32> = (0..summary.defs.len() as u32).map(|d| (summary.name(d), d)).collect();
    let promote: FxHashSet<u32> = promote.iter().copied().collect();
    ir::clear_module_inline_asm(llmod);
    for g in ir::global_values(llmod) {
        let name = llvm::get_value_name(g).to_vec();
        if name.starts_with(b"llvm.") {
            if ir::is_global_variable(g) {
                ir::delete_global_variable(g);
            }
            continue;
        }
        let Some(&d) = by_name.get(&name[..]) else { continue };
        if promote.contains(&d) {
            super::thin::promote(g, &name, hash);
        }
        match actions[d as usize] {
            Action::Import => {
                llvm::set_linkage(g, LLVMLinkage::LLVMAvailableExternallyLinkage);
                ir::clear_comdat(g);
                // The linker copies an available_externally definition only where it is
                // referred to, and the code that will refer to it may come from a source
                // linked later: a declaration in the importer makes it come over now.
                ir::declare_like(dest, g);
            }
            Action::Declare => {
                ir::make_declaration(llmod, g);
            }
            Action::Hide => ir::internalize(g, false),
        }
    }
}
