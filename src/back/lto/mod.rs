//! Link-time optimization, driven by rustc_codegen_ssa's coordinator (`back/write.rs`):
//!
//! - **Fat LTO** (`-Clto=fat`, [`fat`]): every module of the crate and of the upstream crates is
//!   linked into one, everything the outside world cannot name is made internal, and LLVM's
//!   `lto<On>` pipeline runs on the result.
//! - **ThinLTO** (`-Clto=thin`, and crate-local ThinLTO, which rustc picks for optimized builds
//!   with several codegen units): modules stay separate. LLVM's summary index and function
//!   importer are C++ only, so the whole-program part is ours ([`summary`], [`index`]): what
//!   each module defines and calls, which small functions each module imports from the others,
//!   which locals must become visible to their importers, what can be internalized. Then each
//!   module is rewritten and optimized on its own, on the coordinator's workers ([`thin`],
//!   [`import`]), and unchanged modules of an incremental build are reused ([`incremental`]).
//!
//! Upstream crates' bitcode comes from their rlibs ([`rlib`]).

pub mod bitstream;
pub mod fat;
pub mod import;
pub mod incremental;
pub mod index;
pub mod llvm_summary;
pub mod rlib;
pub mod summary;
pub mod thin;

use rustc_codegen_ssa::back::write::CodegenContext;
use rustc_data_structures::fx::{FxHashMap, FxHashSet};
use rustc_target::spec::SanitizerSet;

use crate::llvm::{self, ir};

/// The symbols LTO must keep visible outside the LTO unit: what rustc says is exported, and the
/// runtime hooks the built-in backend keeps for the same reasons (weak symbols the profiler and
/// MemorySanitizer runtimes read, symbols the linker or runtime pulls in late).
pub fn preserved_symbols(cgcx: &CodegenContext, exported_symbols_for_lto: &[String]) -> FxHashSet<Vec<u8>> {
    let mut keep: FxHashSet<Vec<u8>> = exported_symbols_for_lto.iter().map(|s| s.as_bytes().to_vec()).collect();
    let config = &cgcx.module_config;
    let mut extra = vec!["___asan_globals_registered", "__llvm_profile_counter_bias", "rust_eh_personality"];
    if config.instrument_coverage || config.pgo_gen.enabled() {
        extra.extend(["__llvm_profile_raw_version", "__llvm_profile_filename"]);
    }
    if config.sanitizer.contains(SanitizerSet::MEMORY) {
        if config.sanitizer_recover.contains(SanitizerSet::MEMORY) {
            extra.push("__msan_keep_going");
        }
        if config.sanitizer_memory_track_origins != 0 {
            extra.push("__msan_track_origins");
        }
    }
    keep.extend(extra.into_iter().map(|s| s.as_bytes().to_vec()));
    keep
}

/// Names that are never internalized whatever the list says: LLVM's own globals, and what code
/// generation inserts references to (stack protectors).
pub fn always_preserved(name: &[u8]) -> bool {
    name.starts_with(b"llvm.") || name == b"__stack_chk_fail" || name == b"__stack_chk_guard"
}

/// Internalizes every definition of a (merged) module that `keep` does not name, as LLVM's
/// internalize pass does: members of `llvm.used` / `llvm.compiler.used` stay, and so does every
/// member of a comdat that has a member that stays.
pub fn internalize_module(llmod: &llvm::Module, keep: impl Fn(&[u8]) -> bool) {
    let used: FxHashSet<&llvm::Value> = ir::used_values(llmod).into_iter().collect();
    let globals = ir::global_values(llmod);
    let stays = |g: &llvm::Value| {
        let name = llvm::get_value_name(g);
        llvm::is_declaration(g)
            || ir::is_local_linkage(llvm::get_linkage(g))
            || used.contains(&g)
            || always_preserved(name)
            || keep(name)
    };
    let mut comdat_members: FxHashMap<usize, usize> = FxHashMap::default();
    let mut kept_comdats = FxHashSet::default();
    for &g in &globals {
        if let Some(c) = ir::comdat(g) {
            *comdat_members.entry(c).or_default() += 1;
            if stays(g) {
                kept_comdats.insert(c);
            }
        }
    }
    for &g in &globals {
        if stays(g) {
            continue;
        }
        match ir::comdat(g) {
            Some(c) if kept_comdats.contains(&c) => continue,
            // A group of several members keeps tying them together.
            Some(c) => ir::internalize(g, comdat_members[&c] > 1),
            None => ir::internalize(g, false),
        }
    }
}
