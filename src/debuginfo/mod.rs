//! Debug information, as DWARF through the C DIBuilder ([`crate::llvm::debuginfo`]).
//!
//! So far: line tables (`-Cdebuginfo=line-tables-only` and `line-directives-only`): the compile
//! unit, source files, namespaces, subprograms, lexical blocks and inlined-at locations, which is
//! what backtraces and `break file:line` need. Types and variables (`-Cdebuginfo=limited|full`,
//! `-g`) are still refused up front (`crate::unsupported`), so no variable is ever created.
//! The builder's half (locations on instructions, the gdb scripts reference) is in
//! `builder/other_traits.rs`.

mod scopes;

use std::cell::RefCell;

use rustc_codegen_ssa::base::collect_debugger_visualizers_transitive;
use rustc_codegen_ssa::debuginfo::type_names;
use rustc_codegen_ssa::mir::debuginfo::{DebugScope, FunctionDebugContext, VariableKind};
use rustc_codegen_ssa::traits::*;
use rustc_data_structures::fx::FxHashMap;
use rustc_hir::attrs::DebuggerVisualizerType;
use rustc_hir::def_id::{DefId, LOCAL_CRATE};
use rustc_index::IndexVec;
use rustc_middle::bug;
use rustc_middle::mir;
use rustc_middle::ty::layout::HasTypingEnv;
use rustc_middle::ty::{self, ExistentialTraitRef, Instance, Ty, TyCtxt};
use rustc_session::config::{self, CrateType, DebugInfo};
use rustc_span::{BytePos, FileName, RemapPathScopeComponents, SourceFile, SourceFileHashAlgorithm, Span, Symbol};
use rustc_target::callconv::FnAbi;

use crate::context::{CodegenCx, ModuleFlag, add_module_flag_u32};
use crate::llvm::debuginfo::{Checksum, DIBuilder, EmissionKind, flags};
use crate::llvm::{self, Metadata, Value};

/// The debug-info state of one codegen unit.
pub struct DebugContext<'ll> {
    builder: DIBuilder<'ll>,
    /// Source files by identity.
    files: RefCell<FxHashMap<(rustc_span::StableSourceFileId, rustc_span::SourceFileHash), &'ll Metadata>>,
    namespaces: RefCell<FxHashMap<DefId, &'ll Metadata>>,
}

impl<'ll> DebugContext<'ll> {
    /// The context and compile unit of a module, if the session asks for debuginfo.
    pub fn new(tcx: TyCtxt<'_>, cgu_name: &str, llmod: &'ll llvm::Module) -> Option<Self> {
        let sess = tcx.sess;
        let kind = match sess.opts.debuginfo {
            DebugInfo::None => return None,
            DebugInfo::LineDirectivesOnly => EmissionKind::DebugDirectivesOnly,
            DebugInfo::LineTablesOnly => EmissionKind::LineTablesOnly,
            DebugInfo::Limited | DebugInfo::Full => EmissionKind::Full,
        };
        let builder = DIBuilder::new(llmod);
        // Each codegen unit's compile unit is named after the crate's main file and the unit,
        // as the built-in backend names it, so that no two units share a name.
        let mut name = sess
            .local_crate_source_file()
            .map(|f| f.path(RemapPathScopeComponents::DEBUGINFO).to_path_buf())
            .unwrap_or_else(|| tcx.crate_name(LOCAL_CRATE).as_str().into());
        name.push("@");
        name.push(cgu_name);
        let work_dir = sess.source_map().working_dir().path(RemapPathScopeComponents::DEBUGINFO).to_string_lossy();
        let file = builder.file(&name.to_string_lossy(), &work_dir, Checksum::None, None);
        let producer = format!("clang LLVM (rustc version {})", sess.cfg_version);
        builder.compile_unit(file, &producer, sess.opts.optimize != config::OptLevel::No, kind);
        Some(DebugContext { builder, files: Default::default(), namespaces: Default::default() })
    }
}

/// A position in the source: its file and 1-based line and column.
struct SourcePos {
    file: std::sync::Arc<SourceFile>,
    line: u32,
    col: u32,
}

impl<'ll, 'tcx> CodegenCx<'ll, 'tcx> {
    fn dbg(&self) -> &DebugContext<'ll> {
        self.dbg.as_ref().unwrap_or_else(|| bug!("debug info requested without a debug context"))
    }

    /// Line 0 and column 0 where the position is in no file.
    fn source_pos(&self, pos: BytePos) -> SourcePos {
        match self.sess().source_map().lookup_line(pos) {
            Ok(rustc_span::SourceFileAndLine { sf, line }) => {
                let col = (sf.relative_position(pos) - sf.lines()[line]).0 + 1;
                SourcePos { file: sf, line: line as u32 + 1, col }
            }
            Err(file) => SourcePos { file, line: 0, col: 0 },
        }
    }

    /// The `DIFile` of a source file, made once per module.
    fn file_metadata(&self, file: &SourceFile) -> &'ll Metadata {
        let key = (file.stable_id, file.src_hash);
        if let Some(&md) = self.dbg().files.borrow().get(&key) {
            return md;
        }
        let (directory, name) = match &file.name {
            FileName::Real(real) => {
                let (work_dir, path) = real.embeddable_name(RemapPathScopeComponents::DEBUGINFO);
                // Relative to the working directory (the compile unit's directory) where it can
                // be, so that DWARF holds the short path.
                match path.strip_prefix(&work_dir) {
                    Ok(relative) => (work_dir.to_string_lossy().into_owned(), relative.to_string_lossy().into_owned()),
                    Err(_) => (String::new(), path.to_string_lossy().into_owned()),
                }
            }
            other => (String::new(), other.display(RemapPathScopeComponents::DEBUGINFO).to_string()),
        };
        let hash = file.src_hash.hash_bytes().iter().map(|b| format!("{b:02x}")).collect::<String>();
        let checksum = match file.src_hash.kind {
            SourceFileHashAlgorithm::Md5 => Checksum::Md5(&hash),
            SourceFileHashAlgorithm::Sha1 => Checksum::Sha1(&hash),
            SourceFileHashAlgorithm::Sha256 => Checksum::Sha256(&hash),
            SourceFileHashAlgorithm::Blake3 => Checksum::None,
        };
        let external;
        let mut source = None;
        if self.sess().opts.unstable_opts.embed_source {
            source = file.src.as_deref().map(String::as_str);
            if source.is_none() {
                self.sess().source_map().ensure_source_file_source_present(file);
                external = file.external_src.read();
                source = external.get_source();
            }
        }
        let md = self.dbg().builder.file(&name, &directory, checksum, source);
        self.dbg().files.borrow_mut().insert(key, md);
        md
    }

    /// The namespace of an item (its path in the crate), made once per module.
    fn namespace(&self, def_id: DefId) -> &'ll Metadata {
        if let Some(&md) = self.dbg().namespaces.borrow().get(&def_id) {
            return md;
        }
        let parent = self.tcx.def_key(def_id).parent.map(|index| self.namespace(DefId { index, ..def_id }));
        let mut name = String::new();
        type_names::push_item_name(self.tcx, def_id, false, &mut name);
        let md = self.dbg().builder.namespace(parent, &name);
        self.dbg().namespaces.borrow_mut().insert(def_id, md);
        md
    }

    /// The scope a function's subprogram goes in: the namespace of its inherent impl's type, or
    /// of its parent item.
    fn containing_scope(&self, instance: Instance<'tcx>) -> &'ll Metadata {
        let tcx = self.tcx;
        if let Some(impl_def_id) = tcx.inherent_impl_of_assoc(instance.def_id()) {
            let self_ty = tcx.instantiate_and_normalize_erasing_regions(instance.args, self.typing_env(), tcx.type_of(impl_def_id));
            if let ty::Adt(def, ..) = self_ty.kind()
                && !def.is_box()
            {
                return self.namespace(def.did());
            }
        }
        let parent = tcx.def_key(instance.def_id()).parent.unwrap_or_else(|| bug!("an instance without a parent item"));
        self.namespace(DefId { index: parent, ..instance.def_id() })
    }

    /// `.debug_gdb_scripts`, which makes gdb load the Rust pretty printers (and those the crate
    /// graph declares) for binaries; rlibs and proc-macros get none, as with the built-in backend.
    fn needs_gdb_debug_scripts_section(&self) -> bool {
        self.sess().opts.debuginfo != DebugInfo::None
            && self.sess().target.emit_debug_gdb_scripts
            && self.tcx.crate_types().iter().any(|t| !matches!(t, CrateType::Rlib | CrateType::ProcMacro))
    }

    pub fn gdb_debug_scripts_section(&self) -> Option<&'ll Value> {
        if !self.needs_gdb_debug_scripts_section() {
            return None;
        }
        const NAME: &str = "__rustc_debug_gdb_scripts_section__";
        if let Some(global) = llvm::get_named_global(self.llmod, NAME) {
            return Some(global);
        }
        let mut contents = b"\x01gdb_load_rust_pretty_printers.py\0".to_vec();
        let crate_name = self.tcx.crate_name(LOCAL_CRATE);
        let visualizers = collect_debugger_visualizers_transitive(self.tcx, DebuggerVisualizerType::GdbPrettyPrinter);
        for (index, visualizer) in visualizers.iter().enumerate() {
            // An inline script: kind 4, a name line, the script, a NUL.
            contents.push(4);
            contents.extend_from_slice(format!("pretty-printer-{crate_name}-{index}\n").as_bytes());
            contents.extend_from_slice(&visualizer.src);
            contents.push(0);
        }
        let global = self
            .define_global(NAME, self.type_array(self.type_i8(), contents.len() as u64))
            .unwrap_or_else(|| bug!("symbol `{NAME}` is already defined"));
        llvm::set_section(global, ".debug_gdb_scripts");
        llvm::set_initializer(global, self.const_bytes(&contents));
        llvm::set_global_constant(global, true);
        llvm::set_unnamed_address(global, llvm::LLVMUnnamedAddr::LLVMGlobalUnnamedAddr);
        llvm::set_linkage(global, llvm::LLVMLinkage::LLVMLinkOnceODRLinkage);
        llvm::set_alignment(global, 1);
        Some(global)
    }
}

impl<'ll, 'tcx> DebugInfoCodegenMethods<'tcx> for CodegenCx<'ll, 'tcx> {
    fn create_vtable_debuginfo(&self, _ty: Ty<'tcx>, _trait_ref: Option<ExistentialTraitRef<'tcx>>, _vtable: &'ll Value) {
        // Vtables are described only with full debuginfo, which is refused so far.
    }

    fn create_function_debug_context(
        &self,
        instance: Instance<'tcx>,
        fn_abi: &FnAbi<'tcx, Ty<'tcx>>,
        llfn: &'ll Value,
        mir: &mir::Body<'tcx>,
    ) -> Option<FunctionDebugContext<'tcx, &'ll Metadata, &'ll Metadata>> {
        self.dbg.as_ref()?;
        let outermost = DebugScope {
            dbg_scope: self.dbg_scope_fn(instance, fn_abi, Some(llfn)),
            inlined_at: None,
            file_start_pos: BytePos(0),
            file_end_pos: BytePos(0),
        };
        let mut context = FunctionDebugContext {
            scopes: IndexVec::from_elem(outermost, &mir.source_scopes),
            inlined_function_scopes: Default::default(),
        };
        scopes::compute(self, instance, mir, &mut context);
        Some(context)
    }

    fn dbg_scope_fn(
        &self,
        instance: Instance<'tcx>,
        fn_abi: &FnAbi<'tcx, Ty<'tcx>>,
        definition: Option<&'ll Value>,
    ) -> &'ll Metadata {
        let tcx = self.tcx;
        let def_id = instance.def_id();
        let scope = self.containing_scope(instance);
        let pos = self.source_pos(tcx.def_span(def_id).lo());
        let file = self.file_metadata(&pos.file);
        let ty = self.dbg().builder.empty_subroutine_type(file);

        // The name with the generic arguments of the enclosing function (closures and
        // coroutines carry more, which are cut off).
        let mut name = String::new();
        type_names::push_item_name(tcx, def_id, false, &mut name);
        let generics = tcx.generics_of(tcx.typeck_root_def_id(def_id));
        let args = instance.args.truncate_to(tcx, generics);
        type_names::push_generic_args(
            tcx,
            tcx.normalize_erasing_regions(self.typing_env(), rustc_middle::ty::Unnormalized::new_wip(args)),
            &mut name,
        );
        let symbol = tcx.symbol_name(instance).name;
        let linkage_name = if name == symbol { "" } else { symbol };

        let mut fn_flags = flags::PROTOTYPED;
        if fn_abi.ret.layout.is_uninhabited() {
            fn_flags |= flags::NO_RETURN;
        }
        let local_to_unit = !tcx.is_reachable_non_generic(def_id);
        let optimized = self.sess().opts.optimize != config::OptLevel::No;
        let subprogram =
            self.dbg().builder.function(scope, &name, linkage_name, file, pos.line, ty, local_to_unit, fn_flags, optimized);
        if let Some(llfn) = definition {
            llvm::debuginfo::set_subprogram(llfn, subprogram);
        }
        subprogram
    }

    fn dbg_loc(&self, scope: &'ll Metadata, inlined_at: Option<&'ll Metadata>, span: Span) -> &'ll Metadata {
        // Line 0 is DWARF's "no source line", which is what a dummy span is.
        let (line, col) = if span.is_dummy() {
            (0, 0)
        } else {
            let pos = self.source_pos(span.lo());
            (pos.line, pos.col)
        };
        llvm::debuginfo::location(self.llcx, line, col, scope, inlined_at)
    }

    fn extend_scope_to_file(&self, scope: &'ll Metadata, file: &SourceFile) -> &'ll Metadata {
        self.dbg().builder.lexical_block_file(scope, self.file_metadata(file), 0)
    }

    fn debuginfo_finalize(&self) {
        let Some(dbg) = &self.dbg else { return };
        self.gdb_debug_scripts_section();
        dbg.builder.finalize();
        // "Max", so that LTO of units with different versions keeps the highest, as the
        // built-in backend marks it (the C API's flag behaviours have no Max).
        add_module_flag_u32(self.llcx, self.llmod, ModuleFlag::MAX, "Dwarf Version", self.sess().dwarf_version());
        add_module_flag_u32(
            self.llcx,
            self.llmod,
            ModuleFlag::WARNING,
            "Debug Info Version",
            llvm::debuginfo::metadata_version(),
        );
    }

    fn create_dbg_var(&self, _: Symbol, _: Ty<'tcx>, _: &'ll Metadata, _: VariableKind, _: Span) -> &'ll Metadata {
        bug!("variables are described only with full debuginfo, which is refused")
    }
}
