//! ThinLTO's whole-program analysis, over the modules' [`ModuleSummary`]s: the part of LLVM's
//! summary index and function importer that the C API does not offer, redone in Rust.
//!
//! 1. **Liveness**: from the roots (what must stay visible outside the LTO unit, `llvm.used`,
//!    what cannot be internalized), through every call and reference. Imports start from live
//!    functions only.
//! 2. **Imports**, as LLVM's importer chooses them: for each call from a live function to a
//!    function defined in another module, import the callee if it is small enough (at most
//!    `import-instr-limit` instructions, 100 by default), then consider the callee's own calls
//!    with a threshold multiplied by `import-instr-evolution-factor` (0.7), and so on.
//!    `noinline` functions, interposable ones and those that refer to locals which cannot be
//!    renamed are never imported; `alwaysinline` ones whatever their size. The constants (and
//!    variables without references) that imported functions refer to are imported too, as LLVM
//!    does, so that loads from constants fold.
//! 3. **Exports**: a definition another module refers to, directly or from an imported copy,
//!    stays visible. A local that an imported copy refers to is **promoted**: renamed to
//!    `<name>.llvm.<module hash>` and given hidden external linkage, in its own module and in
//!    every copy the importers load. An exported `linkonce_odr` definition becomes `weak_odr`,
//!    so that its module keeps it even when it no longer uses it itself.
//! 4. **Internalization**: every other definition with external linkage becomes internal, which
//!    lets LLVM drop or inline it.

use rustc_data_structures::fx::{FxHashMap, FxHashSet};

use super::summary::{Kind, ModuleSummary};
use crate::llvm::LLVMLinkage;

/// A definition: (module, index into its `defs`).
pub type DefId = (usize, u32);

/// What the analysis decided for one module.
#[derive(Debug, Default, Clone, PartialEq, Eq, Hash)]
pub struct ModulePlan {
    /// Per source module, the definitions to import from it (sorted by module, then index).
    pub imports: Vec<(usize, Vec<u32>)>,
    /// Locals that importers refer to: renamed and made visible.
    pub promote: Vec<u32>,
    /// Definitions with external linkage that nothing outside the module needs.
    pub internalize: Vec<u32>,
    /// `linkonce_odr` definitions other modules depend on: made `weak_odr`.
    pub make_weak_odr: Vec<u32>,
}

/// The importer's size limits (LLVM's `-import-instr-limit` and `-import-instr-evolution-factor`).
#[derive(Copy, Clone, Debug)]
pub struct ImportLimits {
    pub instr_limit: u32,
    pub evolution_factor: f32,
}

impl Default for ImportLimits {
    fn default() -> Self {
        ImportLimits { instr_limit: 100, evolution_factor: 0.7 }
    }
}

/// The renamed form of a promoted local.
pub fn promoted_name(name: &[u8], module_hash: u64) -> Vec<u8> {
    let mut promoted = name.to_vec();
    promoted.extend_from_slice(format!(".llvm.{module_hash}").as_bytes());
    promoted
}

fn is_local(linkage: LLVMLinkage) -> bool {
    crate::llvm::ir::is_local_linkage(linkage)
}

/// Linkages whose definition another module (or the linker) may replace: never imported, never
/// internalized.
fn is_interposable(linkage: LLVMLinkage) -> bool {
    use LLVMLinkage::*;
    matches!(
        linkage,
        LLVMWeakAnyLinkage
            | LLVMLinkOnceAnyLinkage
            | LLVMCommonLinkage
            | LLVMExternalWeakLinkage
            | LLVMAppendingLinkage
    )
}

struct Analysis<'a> {
    modules: &'a [ModuleSummary],
    /// Definitions visible across modules, by name.
    by_name: FxHashMap<&'a [u8], Vec<DefId>>,
}

impl<'a> Analysis<'a> {
    fn new(modules: &'a [ModuleSummary]) -> Self {
        let mut by_name: FxHashMap<&[u8], Vec<DefId>> = FxHashMap::default();
        for (m, summary) in modules.iter().enumerate() {
            for (d, def) in summary.defs.iter().enumerate() {
                if !is_local(def.linkage) {
                    by_name.entry(summary.name(d as u32)).or_default().push((m, d as u32));
                }
            }
        }
        Analysis { modules, by_name }
    }

    /// The definitions a symbol of module `m` stands for: its own definition, or every
    /// definition of that name elsewhere (none if it is defined outside the LTO unit).
    fn resolve(&self, m: usize, symbol: u32) -> impl Iterator<Item = DefId> + '_ {
        let summary = &self.modules[m];
        let (own, others): (Option<DefId>, &[DefId]) = if summary.is_def(symbol) {
            (Some((m, symbol)), &[])
        } else {
            (None, self.by_name.get(summary.name(symbol)).map_or(&[][..], |v| v.as_slice()))
        };
        own.into_iter().chain(others.iter().copied())
    }

    fn def(&self, (m, d): DefId) -> &super::summary::Definition {
        &self.modules[m].defs[d as usize]
    }

    /// Every call and reference of a definition, resolved.
    fn edges(&self, (m, d): DefId) -> impl Iterator<Item = DefId> + '_ {
        let def = self.def((m, d));
        def.calls.iter().chain(&def.refs).flat_map(move |&s| self.resolve(m, s))
    }
}

/// Runs the analysis. `preserved` tells which names must stay visible outside the LTO unit.
pub fn analyze(modules: &[ModuleSummary], preserved: impl Fn(&[u8]) -> bool, limits: ImportLimits) -> Vec<ModulePlan> {
    let a = Analysis::new(modules);

    // What may not become internal whatever else is decided.
    let pinned = |(m, d): DefId| {
        let summary = &modules[m];
        let def = &summary.defs[d as usize];
        let name = summary.name(d);
        !is_local(def.linkage)
            && (def.used
                || summary.has_module_asm
                || is_interposable(def.linkage)
                || super::always_preserved(name)
                || preserved(name))
    };

    // 1. Liveness.
    let mut live: FxHashSet<DefId> = FxHashSet::default();
    let mut work: Vec<DefId> = Vec::new();
    for (m, summary) in modules.iter().enumerate() {
        for d in 0..summary.defs.len() as u32 {
            if pinned((m, d)) || summary.defs[d as usize].used {
                work.push((m, d));
            }
        }
    }
    while let Some(id) = work.pop() {
        if live.insert(id) {
            work.extend(a.edges(id).filter(|e| !live.contains(e)));
        }
    }

    // 2. Imports.
    let mut plans: Vec<ModulePlan> = vec![ModulePlan::default(); modules.len()];
    let mut imports: Vec<FxHashSet<DefId>> = vec![FxHashSet::default(); modules.len()];
    for (importer, summary) in modules.iter().enumerate() {
        imports[importer] = select_imports(&a, importer, summary, &live, limits);
    }

    // 3. Exports and promotions.
    let mut exported: FxHashSet<DefId> = FxHashSet::default();
    let mut promote: FxHashSet<DefId> = FxHashSet::default();
    // Dead code counts too: it is only internalized, and must still link if it survives (at
    // -O0 nothing removes it).
    for (m, summary) in modules.iter().enumerate() {
        for d in 0..summary.defs.len() as u32 {
            exported.extend(a.edges((m, d)).filter(|&(m2, _)| m2 != m));
        }
    }
    for (importer, imported) in imports.iter().enumerate() {
        for &(s, e) in imported {
            exported.insert((s, e));
            if is_local(a.def((s, e)).linkage) {
                promote.insert((s, e));
            }
            for (s2, e2) in a.edges((s, e)) {
                exported.insert((s2, e2));
                if s2 == s && is_local(a.def((s2, e2)).linkage) {
                    promote.insert((s2, e2));
                }
            }
        }
        let mut by_source: Vec<(usize, Vec<u32>)> = Vec::new();
        let mut sorted: Vec<DefId> = imported.iter().copied().collect();
        sorted.sort_unstable();
        for (s, e) in sorted {
            match by_source.last_mut() {
                Some((last, list)) if *last == s => list.push(e),
                _ => by_source.push((s, vec![e])),
            }
        }
        plans[importer].imports = by_source;
    }

    // 4. Internalization, and the linkonce_odr definitions that must stay.
    let mut weak_done: FxHashSet<&[u8]> = FxHashSet::default();
    for (m, summary) in modules.iter().enumerate() {
        let plan = &mut plans[m];
        for (d, def) in summary.defs.iter().enumerate() {
            let id = (m, d as u32);
            if promote.contains(&id) {
                plan.promote.push(d as u32);
            }
            if is_local(def.linkage) || pinned(id) {
                continue;
            }
            let name = summary.name(d as u32);
            let several = a.by_name.get(name).is_some_and(|v| v.len() > 1);
            if exported.contains(&id) {
                // One copy (the first) is kept for everyone.
                if def.linkage == LLVMLinkage::LLVMLinkOnceODRLinkage && weak_done.insert(name) {
                    plan.make_weak_odr.push(d as u32);
                }
            } else if !(several && def.kind == Kind::Variable) {
                // A variable defined in several modules may be written in one and read in
                // another: all must stay one object.
                plan.internalize.push(d as u32);
            }
        }
    }
    plans
}

/// The definitions module `importer` imports, as LLVM's `computeImportForFunction` picks them.
fn select_imports(
    a: &Analysis<'_>,
    importer: usize,
    summary: &ModuleSummary,
    live: &FxHashSet<DefId>,
    limits: ImportLimits,
) -> FxHashSet<DefId> {
    let own_names: FxHashSet<&[u8]> = (0..summary.defs.len() as u32).map(|d| summary.name(d)).collect();
    // The threshold each callee was last considered with.
    let mut considered: FxHashMap<DefId, f32> = FxHashMap::default();
    let mut imported: FxHashSet<DefId> = FxHashSet::default();
    // (module whose symbol this is, symbol, threshold)
    let mut work: Vec<(usize, u32, u32)> = Vec::new();
    for (d, def) in summary.defs.iter().enumerate() {
        if def.kind == Kind::Function && live.contains(&(importer, d as u32)) {
            work.extend(def.calls.iter().map(|&c| (importer, c, limits.instr_limit)));
        }
    }
    while let Some((m, symbol, threshold)) = work.pop() {
        let ctx = &a.modules[m];
        if m == importer && ctx.is_def(symbol) {
            continue;
        }
        let name = ctx.name(symbol);
        if !ctx.is_def(symbol) && own_names.contains(name) {
            continue;
        }
        if a.resolve(m, symbol).any(|(cm, _)| cm == importer) {
            continue;
        }
        let threshold_f = threshold as f32;
        let Some(callee) = a.resolve(m, symbol).find(|&id| eligible(a, id, threshold)) else { continue };
        if considered.get(&callee).is_some_and(|&t| t >= threshold_f) {
            continue;
        }
        considered.insert(callee, threshold_f);
        imported.insert(callee);
        let next = (threshold_f * limits.evolution_factor) as u32;
        work.extend(a.def(callee).calls.iter().map(|&c| (callee.0, c, next)));
    }
    // The variables imported functions refer to, so that what is read from constant ones folds
    // in the importer (as LLVM imports read-only variables), and those they refer to.
    let mut refs: Vec<(usize, u32)> =
        imported.iter().flat_map(|&(s, e)| a.def((s, e)).refs.iter().map(move |&r| (s, r))).collect();
    while let Some((m, symbol)) = refs.pop() {
        let ctx = &a.modules[m];
        if (m == importer && ctx.is_def(symbol)) || (!ctx.is_def(symbol) && own_names.contains(ctx.name(symbol))) {
            continue;
        }
        if a.resolve(m, symbol).any(|(cm, _)| cm == importer) {
            continue;
        }
        let Some(var) = a.resolve(m, symbol).find(|&id| importable_variable(a, id)) else { continue };
        if imported.insert(var) {
            refs.extend(a.def(var).refs.iter().map(|&r| (var.0, r)));
        }
    }
    imported
}

/// Whether a variable may be imported: as a function may, but without a size limit, if it is
/// constant or refers to nothing (LLVM's rule, without its read-only analysis).
fn importable_variable(a: &Analysis<'_>, (s, e): DefId) -> bool {
    let def = a.def((s, e));
    def.kind == Kind::Variable && (def.constant || def.refs.is_empty()) && importable(a, (s, e))
}

/// Whether a function may be imported under `threshold`.
fn eligible(a: &Analysis<'_>, (s, e): DefId, threshold: u32) -> bool {
    let def = a.def((s, e));
    def.kind == Kind::Function
        && !def.noinline
        && (def.inst_count <= threshold || def.always_inline)
        && importable(a, (s, e))
}

/// What functions and constants need to be copied into another module: a linkage that no other
/// definition may replace, a name it can be seen by there, and everything it refers to in its
/// own module reachable from there.
fn importable(a: &Analysis<'_>, (s, e): DefId) -> bool {
    let summary = &a.modules[s];
    let def = &summary.defs[e as usize];
    let local_ok = |d: u32| !is_local(summary.defs[d as usize].linkage) || summary.is_promotable(d);
    !is_interposable(def.linkage)
        && !def.not_eligible_to_import
        && local_ok(e)
        && def.calls.iter().chain(&def.refs).all(|&r| !summary.is_def(r) || local_ok(r))
}

#[cfg(test)]
mod tests {
    use super::super::summary::Definition;
    use super::*;
    use crate::llvm::LLVMLinkage::*;

    /// LLVM's name for a promoted local (`ModuleSummaryIndex::getGlobalNameForLocal`: the name,
    /// `.llvm.`, then the 64-bit hash in decimal, `utostr`). rustc-demangle drops a `.llvm.`
    /// suffix of hex digits, so backtraces show the function's own name.
    #[test]
    fn promoted_names_are_llvms() {
        assert_eq!(promoted_name(b"helper", 0), b"helper.llvm.0");
        assert_eq!(promoted_name(b"helper", u64::MAX), b"helper.llvm.18446744073709551615");
        assert_eq!(
            promoted_name(b"_RNvCs1234_5crate6helper", 0xaf63_dc4c_8601_ec8c),
            b"_RNvCs1234_5crate6helper.llvm.12638187200555641996"
        );
    }

    struct Def {
        name: &'static str,
        def: Definition,
        calls: &'static [&'static str],
        refs: &'static [&'static str],
    }

    fn def(name: &'static str, kind: Kind, linkage: LLVMLinkage, inst_count: u32) -> Def {
        let def = Definition {
            kind,
            linkage,
            inst_count,
            noinline: false,
            always_inline: false,
            not_eligible_to_import: false,
            used: false,
            constant: false,
            calls: vec![],
            refs: vec![],
        };
        Def { name, def, calls: &[], refs: &[] }
    }

    fn func(name: &'static str, linkage: LLVMLinkage, inst_count: u32, calls: &'static [&'static str]) -> Def {
        Def { calls, ..def(name, Kind::Function, linkage, inst_count) }
    }

    fn var(name: &'static str, linkage: LLVMLinkage, constant: bool, refs: &'static [&'static str]) -> Def {
        let mut d = Def { refs, ..def(name, Kind::Variable, linkage, 0) };
        d.def.constant = constant;
        d
    }

    /// A summary as `summary::summarize` makes one: the definitions' names first, then the
    /// names they call or refer to that the module only declares.
    fn module(defs: Vec<Def>, has_module_asm: bool) -> ModuleSummary {
        let mut symbols: Vec<&str> = defs.iter().map(|d| d.name).collect();
        let mut index = |name: &'static str| match symbols.iter().position(|&s| s == name) {
            Some(i) => i as u32,
            None => {
                symbols.push(name);
                symbols.len() as u32 - 1
            }
        };
        let defs: Vec<Definition> = defs
            .into_iter()
            .map(|d| Definition {
                calls: d.calls.iter().map(|&n| index(n)).collect(),
                refs: d.refs.iter().map(|&n| index(n)).collect(),
                ..d.def
            })
            .collect();
        let symbols = symbols.into_iter().map(|s| Box::from(s.as_bytes())).collect();
        ModuleSummary { symbols, defs, has_module_asm }
    }

    fn names<'a>(m: &'a ModuleSummary, defs: &[u32]) -> Vec<&'a str> {
        defs.iter().map(|&d| std::str::from_utf8(m.name(d)).unwrap()).collect()
    }

    fn imports<'a>(modules: &'a [ModuleSummary], plan: &ModulePlan) -> Vec<(usize, Vec<&'a str>)> {
        plan.imports.iter().map(|(m, defs)| (*m, names(&modules[*m], defs))).collect()
    }

    /// LLVM's `computeImportForFunction`, without profile data: from each live function, a
    /// callee defined elsewhere is imported if it has at most `import-instr-limit`
    /// instructions (or is `alwaysinline`) and is neither `noinline` nor interposable; its own
    /// callees are then held to the threshold times `import-instr-evolution-factor`, truncated
    /// (100, 70, 49, …). Dead functions import nothing; a module with module-level assembly
    /// cannot rename its locals, so what refers to them stays home.
    #[test]
    fn imports_as_llvms_function_importer_picks_them() {
        let noinline = {
            let mut d = func("noinl", LLVMExternalLinkage, 1, &[]);
            d.def.noinline = true;
            d
        };
        let always = {
            let mut d = func("always", LLVMExternalLinkage, 1000, &[]);
            d.def.always_inline = true;
            d
        };
        let modules = [
            module(
                vec![
                    func(
                        "main",
                        LLVMExternalLinkage,
                        5,
                        &["small", "big", "at_limit", "noinl", "always", "weak_fn", "own", "asm_fn", "asm_plain"],
                    ),
                    func("own", LLVMExternalLinkage, 1, &[]),
                    func("dead", LLVMExternalLinkage, 1, &["dead_callee"]),
                ],
                false,
            ),
            module(
                vec![
                    func("small", LLVMExternalLinkage, 10, &["helper"]),
                    func("helper", LLVMInternalLinkage, 60, &["deep"]),
                    func("deep", LLVMExternalLinkage, 50, &[]),
                    func("big", LLVMExternalLinkage, 101, &[]),
                    func("at_limit", LLVMExternalLinkage, 100, &[]),
                    noinline,
                    always,
                    func("weak_fn", LLVMWeakAnyLinkage, 1, &[]),
                    func("dead_callee", LLVMExternalLinkage, 1, &[]),
                    func("unused", LLVMExternalLinkage, 1, &[]),
                ],
                false,
            ),
            module(
                vec![
                    func("asm_fn", LLVMExternalLinkage, 1, &["asm_local"]),
                    func("asm_local", LLVMInternalLinkage, 1, &[]),
                    func("asm_plain", LLVMExternalLinkage, 1, &[]),
                    func("asm_unused", LLVMExternalLinkage, 1, &[]),
                ],
                true,
            ),
        ];
        let plans = analyze(&modules, |name| name == b"main", ImportLimits::default());
        assert_eq!(
            imports(&modules, &plans[0]),
            [(1, vec!["small", "helper", "at_limit", "always"]), (2, vec!["asm_plain"])]
        );
        assert!(plans[1].imports.is_empty() && plans[2].imports.is_empty());
        // The imported local is renamed in its module; what the imported copies and `main`
        // refer to stays visible; the rest becomes internal (`weak_fn` may be replaced by
        // another definition, and a module with assembly keeps its symbols).
        assert_eq!(names(&modules[1], &plans[1].promote), ["helper"]);
        assert_eq!(names(&modules[0], &plans[0].internalize), ["own", "dead"]);
        assert_eq!(names(&modules[1], &plans[1].internalize), ["unused"]);
        assert!(plans[2].internalize.is_empty() && plans[2].promote.is_empty());

        let tight = analyze(&modules, |name| name == b"main", ImportLimits { instr_limit: 5, evolution_factor: 0.7 });
        assert_eq!(imports(&modules, &tight[0]), [(1, vec!["always"]), (2, vec!["asm_plain"])]);
    }

    /// The constants and reference-free variables that imported functions refer to come along
    /// (LLVM's `canImportGlobalVar` without its read-only analysis), locals among them and
    /// among the imported functions' references are promoted; of a `linkonce_odr` function
    /// that other modules use, the first copy is imported and becomes `weak_odr`, the
    /// prevailing copy of LLVM's `thinLTOResolvePrevailingInIndex`; a variable defined in
    /// several modules is internalized in none.
    #[test]
    fn imported_references_promotions_and_linkonce_odr() {
        let modules = [
            module(vec![func("main", LLVMExternalLinkage, 5, &["shared", "reader"])], false),
            module(
                vec![
                    func("shared", LLVMLinkOnceODRLinkage, 5, &[]),
                    Def { refs: &["TABLE", "CELL", "PTRS"], ..func("reader", LLVMExternalLinkage, 5, &[]) },
                    var("TABLE", LLVMInternalLinkage, true, &[]),
                    var("CELL", LLVMExternalLinkage, false, &[]),
                    var("PTRS", LLVMInternalLinkage, false, &["target"]),
                    func("target", LLVMInternalLinkage, 1, &[]),
                    var("STATE", LLVMLinkOnceODRLinkage, false, &[]),
                    func("lonely", LLVMLinkOnceODRLinkage, 1, &[]),
                ],
                false,
            ),
            module(
                vec![
                    func("user", LLVMExternalLinkage, 5, &["shared"]),
                    func("shared", LLVMLinkOnceODRLinkage, 5, &[]),
                    var("STATE", LLVMLinkOnceODRLinkage, false, &[]),
                ],
                false,
            ),
        ];
        let plans = analyze(&modules, |name| name == b"main" || name == b"user", ImportLimits::default());
        assert_eq!(imports(&modules, &plans[0]), [(1, vec!["shared", "reader", "TABLE", "CELL"])]);
        assert!(plans[2].imports.is_empty(), "{:?}", plans[2]);
        assert_eq!(names(&modules[1], &plans[1].promote), ["TABLE", "PTRS"]);
        assert_eq!(names(&modules[1], &plans[1].make_weak_odr), ["shared"]);
        assert!(plans[2].make_weak_odr.is_empty());
        assert_eq!(names(&modules[1], &plans[1].internalize), ["lonely"]);
        assert!(plans[0].internalize.is_empty() && plans[2].internalize.is_empty());
    }
}
