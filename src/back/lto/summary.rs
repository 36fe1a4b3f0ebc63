//! What ThinLTO's whole-program analysis needs to know of one module, read off its IR (LLVM's
//! own summaries cannot be read through the C API): each definition's linkage and size, and the
//! global values it calls and refers to.
//!
//! A summary is made where the module is already in memory: on the worker that optimized it,
//! just before it is serialized (`serialize_module`), or after parsing bitcode that came from
//! elsewhere (the incremental cache, upstream crates).

use rustc_data_structures::fx::{FxHashMap, FxHashSet};

use crate::llvm::{self, LLVMLinkage, ir};

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Kind {
    Function,
    Variable,
    Alias,
}

/// One definition of the module.
#[derive(Debug)]
pub struct Definition {
    pub kind: Kind,
    pub linkage: LLVMLinkage,
    /// For functions, the number of instructions: what the import threshold is compared with.
    pub inst_count: u32,
    /// `noinline`: never imported, as LLVM would not inline it.
    pub noinline: bool,
    /// `alwaysinline`: imported whatever its size.
    pub always_inline: bool,
    /// LLVM's verdict in summaries read from bitcode: it refers to something that cannot be
    /// renamed. (For summaries made here, [`super::index`] finds that out from the references.)
    pub not_eligible_to_import: bool,
    /// Listed in `llvm.used` / `llvm.compiler.used`: kept as is.
    pub used: bool,
    /// A variable that is constant: importers may take a copy of it to fold loads from.
    pub constant: bool,
    /// The functions it calls directly, as indices into [`ModuleSummary::symbols`], each once.
    pub calls: Vec<u32>,
    /// The other global values it refers to, the same way.
    pub refs: Vec<u32>,
}

#[derive(Debug, Default)]
pub struct ModuleSummary {
    /// The names of the global values the module mentions: first its definitions (in the order
    /// of `defs`), then the declarations they refer to.
    pub symbols: Vec<Box<[u8]>>,
    pub defs: Vec<Definition>,
    /// Module-level assembly can name any symbol of the module without the IR showing it, so
    /// none of its locals may be renamed.
    pub has_module_asm: bool,
}

impl ModuleSummary {
    pub fn name(&self, symbol: u32) -> &[u8] {
        &self.symbols[symbol as usize]
    }

    /// Whether `symbol` is one of the module's definitions (rather than a declaration).
    pub fn is_def(&self, symbol: u32) -> bool {
        (symbol as usize) < self.defs.len()
    }

    /// Whether a local definition can be given a module-unique name and made visible to
    /// other modules.
    pub fn is_promotable(&self, def: u32) -> bool {
        let d = &self.defs[def as usize];
        !self.has_module_asm && !d.used && !self.name(def).is_empty()
    }
}

/// Whether a definition counts for LTO at all: available_externally bodies are copies of a
/// definition elsewhere.
fn is_definition(g: &llvm::Value) -> bool {
    !llvm::is_declaration(g) && llvm::get_linkage(g) != LLVMLinkage::LLVMAvailableExternallyLinkage
}

pub fn summarize<'ll>(llmod: &'ll llvm::Module) -> ModuleSummary {
    let used: FxHashSet<&'ll llvm::Value> = ir::used_values(llmod).into_iter().collect();
    let defs: Vec<&llvm::Value> = ir::global_values(llmod).into_iter().filter(|&g| is_definition(g)).collect();
    let mut symbols: Vec<Box<[u8]>> = defs.iter().map(|&g| Box::from(llvm::get_value_name(g))).collect();
    let mut index: FxHashMap<&'ll llvm::Value, u32> = defs.iter().enumerate().map(|(i, &g)| (g, i as u32)).collect();

    let mut summary_defs = Vec::with_capacity(defs.len());
    for &g in &defs {
        let mut refs = References::default();
        let mut inst_count = 0;
        let kind = if ir::is_function(g) {
            for bb in ir::basic_blocks(g) {
                for inst in ir::instructions(bb) {
                    inst_count += 1;
                    let callee = ir::called_operand(inst);
                    for op in ir::operands(inst) {
                        if Some(op) == callee && ir::is_global_value(op) {
                            refs.calls.insert(op);
                        } else {
                            refs.visit(op);
                        }
                    }
                }
            }
            if let Some(p) = ir::personality(g) {
                refs.visit(p);
            }
            Kind::Function
        } else if ir::is_alias(g) {
            if let Some(target) = ir::aliasee(g) {
                refs.visit(target);
            }
            Kind::Alias
        } else {
            if let Some(init) = ir::initializer(g) {
                refs.visit(init);
            }
            Kind::Variable
        };
        let mut intern = |v: &&'ll llvm::Value| -> Option<u32> {
            let name = llvm::get_value_name(v);
            // Intrinsics are no symbols.
            if name.starts_with(b"llvm.") && llvm::is_declaration(v) {
                return None;
            }
            Some(*index.entry(v).or_insert_with(|| {
                symbols.push(Box::from(name));
                symbols.len() as u32 - 1
            }))
        };
        let mut calls: Vec<u32> = refs.calls.iter().filter_map(&mut intern).collect();
        let mut others: Vec<u32> = refs.globals.iter().filter_map(&mut intern).collect();
        calls.sort_unstable();
        others.sort_unstable();
        let is_fn = kind == Kind::Function;
        summary_defs.push(Definition {
            kind,
            linkage: llvm::get_linkage(g),
            inst_count,
            noinline: is_fn && (ir::has_fn_attr(g, "noinline") || ir::has_fn_attr(g, "optnone")),
            always_inline: is_fn && ir::has_fn_attr(g, "alwaysinline"),
            not_eligible_to_import: false,
            used: used.contains(&g),
            constant: kind == Kind::Variable && llvm::is_global_constant(g),
            calls,
            refs: others,
        });
    }
    ModuleSummary { symbols, defs: summary_defs, has_module_asm: !ir::module_inline_asm(llmod).is_empty() }
}

/// The global values one definition refers to, found by walking its operands and, through
/// constants (expressions, aggregates, block addresses), theirs.
#[derive(Default)]
struct References<'ll> {
    calls: FxHashSet<&'ll llvm::Value>,
    globals: FxHashSet<&'ll llvm::Value>,
    /// Constants already walked: they form a DAG that can share much.
    seen: FxHashSet<&'ll llvm::Value>,
}

impl<'ll> References<'ll> {
    fn visit(&mut self, v: &'ll llvm::Value) {
        if ir::is_global_value(v) {
            self.globals.insert(v);
        } else if ir::is_constant_user(v) && self.seen.insert(v) {
            for op in ir::operands(v) {
                self.visit(op);
            }
        }
    }
}
