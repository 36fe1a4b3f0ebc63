//! ThinLTO: the whole-program step on the coordinator thread ([`run`]: summaries, the
//! analysis of [`super::index`], incremental reuse), then one module at a time on the workers
//! ([`optimize_and_codegen`]: rename, resolve, internalize, import, optimize, emit).

use std::collections::BTreeMap;
use std::ffi::CString;
use std::path::PathBuf;
use std::sync::Arc;

use rustc_codegen_ssa::back::lto::{SerializedModule, ThinModule, ThinShared};
use rustc_codegen_ssa::back::write::{
    CodegenContext, SharedEmitter, TargetMachineFactoryConfig, TargetMachineFactoryFn, ThinLtoInput,
};
use rustc_codegen_ssa::{CompiledModule, ModuleCodegen};
use rustc_data_structures::fx::{FxHashMap, FxHashSet};
use rustc_data_structures::profiling::SelfProfilerRef;
use rustc_errors::{DiagCtxt, DiagCtxtHandle};
use rustc_log::tracing::info;
use rustc_middle::dep_graph::WorkProduct;
use rustc_session::config::OptLevel;

use super::index::{self, ImportLimits, ModulePlan};
use super::summary::{self, ModuleSummary};
use super::{import, incremental, llvm_summary, rlib};
use crate::back::optimize::{self, Stage};
use crate::back::write;
use crate::llvm::{self, LLVMLinkage, ir};
use crate::{InkwellCodegenBackend, ModuleBuffer, ModuleLlvm};

/// The outcome of the whole-program step, shared by every module's worker.
pub struct ThinData {
    pub summaries: Vec<ModuleSummary>,
    pub plans: Vec<ModulePlan>,
    /// What promoted locals of each module are suffixed with.
    pub promotion_hashes: Vec<u64>,
}

/// A stable 64-bit hash of a module's name (FNV-1a): module names are unique in the LTO unit,
/// and the suffix stays the same from session to session, as incremental reuse needs.
fn name_hash(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3))
}

/// The summary of bitcode that arrived without one of ours: LLVM's own, read out of the bitcode
/// (cheap), or, if it has none, ours from the parsed module.
fn summarize_bitcode(name: &str, data: &[u8]) -> Result<ModuleSummary, String> {
    match llvm_summary::read(data) {
        Ok(Some(summary)) => return Ok(summary),
        Ok(None) => {}
        Err(e) => info!("{name}: LLVM's summary could not be read ({e}); parsing the module instead"),
    }
    summarize_parsed(name, data)
}

/// Our summary of bitcode, parsed in a context of its own.
fn summarize_parsed(name: &str, data: &[u8]) -> Result<ModuleSummary, String> {
    let context = llvm::diagnostics::CollectingContext::new(false);
    match llvm::bitcode::parse(context.get(), data, name) {
        Some(m) => Ok(summary::summarize(m)),
        None => Err(context.take_errors()),
    }
}

/// With `INKWELL_CHECK_SUMMARIES` set: every module's summary is made both ways, from its IR
/// and from LLVM's summary in its bitcode, and any difference is an error (`tests/lto.rs`).
fn check_summaries(dcx: DiagCtxtHandle<'_>, names: &[String], buffers: &[SerializedModule<ModuleBuffer>]) {
    let mut problems = Vec::new();
    for (name, buffer) in names.iter().zip(buffers) {
        match (summarize_parsed(name, buffer.data()), llvm_summary::read(buffer.data())) {
            (Ok(ours), Ok(Some(theirs))) => {
                problems.extend(llvm_summary::differences(&ours, &theirs).into_iter().map(|d| format!("`{name}`: {d}")))
            }
            (Ok(_), Ok(None)) => problems.push(format!("`{name}`: no LLVM summary in its bitcode")),
            (Err(e), _) | (_, Err(e)) => problems.push(format!("`{name}`: {e}")),
        }
    }
    if !problems.is_empty() {
        let shown = problems.iter().take(20).map(|p| format!("\n  {p}")).collect::<String>();
        dcx.err(format!("{} differences between our summaries and LLVM's:{shown}", problems.len()));
    } else {
        info!("the summaries of {} modules agree with LLVM's", names.len());
    }
}

pub fn run(
    cgcx: &CodegenContext,
    prof: &SelfProfilerRef,
    dcx: DiagCtxtHandle<'_>,
    exported_symbols_for_lto: &[String],
    each_linked_rlib_for_lto: &[PathBuf],
    inputs: Vec<ThinLtoInput<InkwellCodegenBackend>>,
) -> (Vec<ThinModule<InkwellCodegenBackend>>, Vec<WorkProduct>) {
    let _timer = prof.generic_activity("LLVM_thin_lto_global_analysis");
    let start = std::time::Instant::now();
    let mut modules: Vec<(String, SerializedModule<ModuleBuffer>, Option<ModuleSummary>)> = Vec::new();
    let mut green: FxHashMap<String, WorkProduct> = FxHashMap::default();
    for input in inputs {
        match input {
            ThinLtoInput::Red { name, buffer: SerializedModule::Local(mut b) } => {
                let summary = b.summary.take();
                modules.push((name, SerializedModule::Local(b), summary));
            }
            ThinLtoInput::Red { name, buffer } => modules.push((name, buffer, None)),
            ThinLtoInput::Green { wp, bitcode_path } => {
                green.insert(wp.cgu_name.clone(), wp.clone());
                modules.push((wp.cgu_name, SerializedModule::from_file(&bitcode_path), None));
            }
        }
    }
    let upstream = rlib::upstream_modules(each_linked_rlib_for_lto).unwrap_or_else(|e| dcx.fatal(e));
    modules.extend(upstream.into_iter().map(|m| (m.name, SerializedModule::FromRlib(m.bitcode), None)));
    // In name order, not the order the modules were finished in: where the analysis has a
    // choice (which copy of a linkonce_odr function to import), it takes the first.
    modules.sort_by(|a, b| a.0.cmp(&b.0));
    let (mut names, mut buffers, mut summaries) = (Vec::new(), Vec::new(), Vec::new());
    for (name, buffer, summary) in modules {
        let summary = summary.unwrap_or_else(|| {
            summarize_bitcode(&name, buffer.data())
                .unwrap_or_else(|e| dcx.fatal(format!("could not read the LLVM bitcode of `{name}`: {e}")))
        });
        names.push(name);
        buffers.push(buffer);
        summaries.push(summary);
    }
    if std::env::var_os("INKWELL_CHECK_SUMMARIES").is_some() {
        check_summaries(dcx, &names, &buffers);
    }

    let summarized = std::time::Instant::now();
    let keep = super::preserved_symbols(cgcx, exported_symbols_for_lto);
    let plans = index::analyze(&summaries, |name| keep.contains(name), import_limits());
    let promotion_hashes = names.iter().map(|n| name_hash(n)).collect();
    info!(
        "ThinLTO: {} modules summarized in {:?}, analyzed in {:?}",
        names.len(),
        summarized - start,
        summarized.elapsed()
    );
    log_plans(&names, &summaries, &plans);

    // Incremental reuse: green modules whose key is unchanged are copied from the cache.
    let mut reuse = vec![false; names.len()];
    if let Some(dir) = &cgcx.incr_comp_session_dir {
        let hashes: Vec<u128> = buffers.iter().map(|b| incremental::content_hash(b.data())).collect();
        let keys = incremental::Keys::load(dir);
        let mut current = BTreeMap::new();
        for (i, name) in names.iter().enumerate() {
            let key = incremental::module_key(i, &plans[i], &names, &hashes);
            reuse[i] = green.contains_key(name) && keys.unchanged(name, &key);
            current.insert(name.clone(), key);
        }
        if let Err(e) = keys.save(&current) {
            dcx.err(format!("could not save the ThinLTO keys for incremental reuse: {e}"));
        }
    }

    let copy_jobs = names.iter().zip(&reuse).filter(|(_, r)| **r).map(|(n, _)| green[n].clone()).collect();
    let module_names = names.iter().map(|n| CString::new(n.as_str()).expect("module names have no NUL")).collect();
    let shared =
        Arc::new(ThinShared { data: ThinData { summaries, plans, promotion_hashes }, modules: buffers, module_names });
    let jobs = (0..reuse.len()).filter(|&i| !reuse[i]).map(|idx| ThinModule { shared: shared.clone(), idx }).collect();
    (jobs, copy_jobs)
}

/// The decisions, for `RUSTC_LOG=rustc_codegen_inkwell=info`.
fn log_plans(names: &[String], summaries: &[ModuleSummary], plans: &[ModulePlan]) {
    let name = |m: usize, d: &u32| String::from_utf8_lossy(summaries[m].name(*d)).into_owned();
    for (i, plan) in plans.iter().enumerate() {
        info!(
            "{}: promotes {:?}, internalizes {}, keeps {} as weak_odr",
            names[i],
            plan.promote.iter().map(|d| name(i, d)).collect::<Vec<_>>(),
            plan.internalize.len(),
            plan.make_weak_odr.len()
        );
        for (source, defs) in &plan.imports {
            for d in defs {
                let size = summaries[*source].defs[*d as usize].inst_count;
                info!("{}: imports {} ({size} instructions) from {}", names[i], name(*source, d), names[*source]);
            }
        }
    }
}

/// LLVM's import limits, or what the user set them to with `-Cllvm-args`.
fn import_limits() -> ImportLimits {
    import_limits_from(crate::llvm_args::user_args())
}

/// The limits set by `args`, as LLVM's option parser reads them: `-name=value`, or `-name value`
/// (two arguments), with one dash or two.
fn import_limits_from(args: &[String]) -> ImportLimits {
    let mut limits = ImportLimits::default();
    let mut args = args.iter().map(String::as_str);
    while let Some(arg) = args.next() {
        let (name, value) = match arg.trim_start_matches('-').split_once('=') {
            Some((name, value)) => (name, Some(value)),
            None => (arg.trim_start_matches('-'), None),
        };
        if name != "import-instr-limit" && name != "import-instr-evolution-factor" {
            continue;
        }
        let Some(value) = value.or_else(|| args.next()) else { break };
        if name == "import-instr-limit" {
            limits.instr_limit = value.parse().unwrap_or(limits.instr_limit);
        } else {
            limits.evolution_factor = value.parse().unwrap_or(limits.evolution_factor);
        }
    }
    limits
}

pub fn optimize_and_codegen(
    cgcx: &CodegenContext,
    prof: &SelfProfilerRef,
    shared_emitter: &SharedEmitter,
    tm_factory: TargetMachineFactoryFn<InkwellCodegenBackend>,
    thin: ThinModule<InkwellCodegenBackend>,
) -> CompiledModule {
    let dcx = DiagCtxt::new(Box::new(shared_emitter.clone()));
    let dcx = dcx.handle();
    let name = thin.name().to_owned();
    let tm = tm_factory(dcx, TargetMachineFactoryConfig::new(cgcx, &name));
    let module_llvm = ModuleLlvm::parse(cgcx, &name, thin.data(), tm)
        .unwrap_or_else(|e| dcx.fatal(format!("could not read the LLVM bitcode of `{name}`: {e}")));
    let mut module = ModuleCodegen::new_regular(name, module_llvm);
    let data = &thin.shared.data;
    let (summary, plan) = (&data.summaries[thin.idx], &data.plans[thin.idx]);
    let save =
        |module: &ModuleCodegen<ModuleLlvm>, stage| write::save_temp_bitcode(cgcx, shared_emitter, module, stage);
    let timer = |what: &'static str| prof.generic_activity_with_arg(what, thin.name());
    save(&module, "thin-lto-input");
    {
        let defs = definitions(&module.module_llvm, summary);
        let each = |list: &[u32], f: &dyn Fn(u32, &llvm::Value)| {
            list.iter().for_each(|&d| defs[d as usize].into_iter().for_each(|g| f(d, g)))
        };
        let t = timer("LLVM_thin_lto_rename");
        each(&plan.promote, &|d, g| promote(g, summary.name(d), data.promotion_hashes[thin.idx]));
        drop(t);
        save(&module, "thin-lto-after-rename");
        let t = timer("LLVM_thin_lto_resolve_weak");
        each(&plan.make_weak_odr, &|_, g| llvm::set_linkage(g, LLVMLinkage::LLVMWeakODRLinkage));
        drop(t);
        save(&module, "thin-lto-after-resolve");
        let t = timer("LLVM_thin_lto_internalize");
        // Summaries read from bitcode do not always say what `llvm.used` holds: ask the module.
        let llmod = module.module_llvm.llmod();
        let used: FxHashSet<&llvm::Value> = ir::used_values(llmod).into_iter().collect();
        each(&plan.internalize, &|_, g| {
            if !used.contains(&g) {
                ir::internalize(g, false)
            }
        });
        drop(t);
        save(&module, "thin-lto-after-internalize");
    }
    {
        let _t = timer("LLVM_thin_lto_import");
        if let Err(e) = import::import_all(&module.module_llvm, &thin) {
            dcx.fatal(format!("ThinLTO could not import into `{}`: {e}", module.name));
        }
        optimize::emit_llvm_diagnostics(dcx, &module.module_llvm);
        save(&module, "thin-lto-after-import");
    }
    let config = &cgcx.module_config;
    {
        let _t = timer("LLVM_lto_optimize");
        if config.verify_llvm_ir && !optimize::verify(dcx, &module.module_llvm) {
            dcx.abort_if_errors();
        }
        let level = config.opt_level.unwrap_or(OptLevel::No);
        optimize::run_stage(dcx, &module.module_llvm, config, level, Stage::ThinPostLink);
        save(&module, "thin-lto-after-pm");
    }
    // The bitcode an rlib embeds is the module before LTO, as the built-in backend embeds it.
    if config.embed_bitcode() {
        module.module_llvm.embed_bitcode = Some(thin.data().to_vec());
    }
    write::codegen(cgcx, prof, shared_emitter, module, config)
}

/// The module's definitions by their summary index.
fn definitions<'ll>(module: &'ll ModuleLlvm, summary: &ModuleSummary) -> Vec<Option<&'ll llvm::Value>> {
    let by_name: FxHashMap<&[u8], u32> = (0..summary.defs.len() as u32).map(|d| (summary.name(d), d)).collect();
    let mut defs = vec![None; summary.defs.len()];
    for g in ir::global_values(module.llmod()) {
        if let Some(&d) = by_name.get(llvm::get_value_name(g)) {
            defs[d as usize] = Some(g);
        }
    }
    defs
}

/// Gives a local that importers refer to its module-unique name, and makes it visible to them.
pub fn promote(g: &llvm::Value, name: &[u8], hash: u64) {
    llvm::set_value_name(g, &index::promoted_name(name, hash));
    llvm::set_linkage(g, LLVMLinkage::LLVMExternalLinkage);
    llvm::set_visibility(g, llvm::LLVMVisibility::LLVMHiddenVisibility);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The published FNV-1a 64-bit test vectors (offset basis for the empty input).
    #[test]
    fn module_name_hash_is_fnv1a_64() {
        assert_eq!(name_hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(name_hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(name_hash("foobar"), 0x8594_4171_f739_67e8);
    }

    /// LLVM's defaults (`-import-instr-limit=100`, `-import-instr-evolution-factor=0.7`), and
    /// the values given with `-` or `--`, as LLVM's option parser takes either.
    #[test]
    fn import_limits_from_llvm_args() {
        let limits = |args: &[&str]| {
            let l = import_limits_from(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>());
            (l.instr_limit, l.evolution_factor)
        };
        assert_eq!(limits(&[]), (100, 0.7));
        assert_eq!(limits(&["-import-instr-limit=10"]), (10, 0.7));
        assert_eq!(limits(&["--import-instr-evolution-factor=0.5", "-vectorize-loops=false"]), (100, 0.5));
        assert_eq!(limits(&["-import-instr-limit=10", "-import-instr-limit=20"]), (20, 0.7));
        assert_eq!(limits(&["-import-instr-limit-x=10", "-import-cold-multiplier=0.5"]), (100, 0.7));
        // rustc splits `-Cllvm-args="-import-instr-limit 10"` at the space; LLVM then takes the
        // next argument as the value (the built-in backend accepts it).
        assert_eq!(limits(&["-import-instr-limit", "10", "-vectorize-loops=false"]), (10, 0.7));
        assert_eq!(limits(&["--import-instr-evolution-factor", "0.5"]), (100, 0.5));
        assert_eq!(limits(&["-vectorize-loops", "-import-instr-limit=10"]), (10, 0.7));
    }
}
