//! Debug information, as DWARF through the C DIBuilder ([`crate::llvm::debuginfo`]).
//!
//! Every level rustc has: line tables (the compile unit, source files, namespaces, subprograms,
//! lexical blocks and inlined-at locations: what backtraces and `break file:line` need), and
//! with `-Cdebuginfo=full` (`-g`) types (`types.rs`, `enums.rs`), variables, statics and
//! vtables. The builder's half (locations on instructions, variable records, the gdb scripts
//! reference) is in `builder/other_traits.rs`.

mod beyond_c_api;
mod enums;
mod scopes;
mod types;

use std::cell::{OnceCell, RefCell};

use rustc_abi::VariantIdx;
use rustc_codegen_ssa::base::collect_debugger_visualizers_transitive;
use rustc_codegen_ssa::debuginfo::type_names;
use rustc_codegen_ssa::mir::debuginfo::{DebugScope, FunctionDebugContext, VariableKind};
use rustc_codegen_ssa::traits::*;
use rustc_data_structures::fx::FxHashMap;
use rustc_data_structures::stable_hash::{StableHash, StableHashCtxt, StableHasher};
use rustc_hir::attrs::DebuggerVisualizerType;
use rustc_hir::def_id::{DefId, LOCAL_CRATE};
use rustc_index::IndexVec;
use rustc_middle::ty::layout::{HasTypingEnv, LayoutOf};
use rustc_middle::ty::{self, ExistentialTraitRef, GenericArgsRef, Instance, Ty, TyCtxt, TypeVisitableExt};
use rustc_middle::{bug, mir};
use rustc_session::config::{self, CrateType, DebugInfo};
use rustc_span::{BytePos, FileName, RemapPathScopeComponents, SourceFile, SourceFileHashAlgorithm, Span, Symbol};
use rustc_target::callconv::FnAbi;
use rustc_target::spec::DebuginfoKind;

use crate::context::{CodegenCx, ModuleFlag, add_module_flag_u32};
use crate::llvm::debuginfo::{Checksum, DIBuilder, EmissionKind};
use crate::llvm::{self, Metadata, Value};

/// The debug-info state of one codegen unit.
pub struct DebugContext<'ll, 'tcx> {
    builder: DIBuilder<'ll>,
    /// Source files by identity.
    files: RefCell<FxHashMap<(rustc_span::StableSourceFileId, rustc_span::SourceFileHash), &'ll Metadata>>,
    namespaces: RefCell<FxHashMap<DefId, &'ll Metadata>>,
    types: RefCell<FxHashMap<TypeKey<'tcx>, &'ll Metadata>>,
    /// The ADTs whose members are being described, outermost first.
    adt_stack: RefCell<Vec<(DefId, GenericArgsRef<'tcx>)>>,
    template_params: RefCell<FxHashMap<(Symbol, &'ll Metadata), &'ll Metadata>>,
    method_declarations: RefCell<FxHashMap<Instance<'tcx>, &'ll Metadata>>,
    /// The module's compile unit, and the builder's, whose lists it takes over at the end.
    compile_unit: &'ll Metadata,
    builder_unit: &'ll Metadata,
    /// The enumeration types, which the compile unit lists.
    enum_types: RefCell<Vec<&'ll Metadata>>,
    /// Subprogram definitions made by parsing (`beyond_c_api`), to finalize at the end.
    parsed_subprograms: RefCell<Vec<&'ll Metadata>>,
    /// Template type parameters parsed ahead of need, a batch at a time.
    spare_template_params: RefCell<Vec<&'ll Metadata>>,
    /// Subprograms parsed ahead of need, by their text (see `beyond_c_api::subprogram`).
    spare_subprograms: RefCell<FxHashMap<String, beyond_c_api::SpareNodes<'ll>>>,
    unknown_file: OnceCell<&'ll Metadata>,
    recursion_marker: OnceCell<&'ll Metadata>,
}

/// What a type node describes: a type, one variant of an enum or coroutine, or a vtable.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum TypeKey<'tcx> {
    Ty(Ty<'tcx>),
    Variant(Ty<'tcx>, VariantIdx),
    VTable(Ty<'tcx>, Option<ExistentialTraitRef<'tcx>>),
}

impl StableHash for TypeKey<'_> {
    fn stable_hash<Hcx: StableHashCtxt>(&self, hcx: &mut Hcx, hasher: &mut StableHasher) {
        match self {
            TypeKey::Ty(ty) => {
                0u8.stable_hash(hcx, hasher);
                ty.stable_hash(hcx, hasher);
            }
            TypeKey::Variant(ty, index) => {
                1u8.stable_hash(hcx, hasher);
                ty.stable_hash(hcx, hasher);
                index.as_u32().stable_hash(hcx, hasher);
            }
            TypeKey::VTable(ty, trait_ref) => {
                2u8.stable_hash(hcx, hasher);
                ty.stable_hash(hcx, hasher);
                trait_ref.stable_hash(hcx, hasher);
            }
        }
    }
}

impl<'ll> DebugContext<'ll, '_> {
    /// The context and compile unit of a module, if the session asks for debuginfo.
    pub fn new(tcx: TyCtxt<'_>, cgu_name: &str, llcx: &'ll llvm::Context, llmod: &'ll llvm::Module) -> Option<Self> {
        let sess = tcx.sess;
        let kind = match sess.opts.debuginfo {
            DebugInfo::None => return None,
            DebugInfo::LineDirectivesOnly => EmissionKind::DebugDirectivesOnly,
            DebugInfo::LineTablesOnly => EmissionKind::LineTablesOnly,
            DebugInfo::Limited | DebugInfo::Full => EmissionKind::FullDebug,
        };
        let builder = DIBuilder::new(llcx);
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
        let builder_unit = builder.compile_unit(file);
        // DWARF up to 4 gets no name tables (`.debug_pubnames`/`pubtypes`, which gdb does not
        // read), as with the built-in backend; DWARF 5 gets `.debug_names`.
        let name_tables = !matches!(sess.target.debuginfo_kind, DebuginfoKind::Dwarf | DebuginfoKind::DwarfDsym)
            || sess.dwarf_version() >= 5;
        let optimized = sess.opts.optimize != config::OptLevel::No;
        let compile_unit = beyond_c_api::compile_unit(llcx, file, &producer, optimized, kind, name_tables);
        llvm::debuginfo::add_compile_unit(llmod, compile_unit);
        Some(DebugContext {
            builder,
            files: Default::default(),
            namespaces: Default::default(),
            types: Default::default(),
            adt_stack: Default::default(),
            template_params: Default::default(),
            method_declarations: Default::default(),
            compile_unit,
            builder_unit,
            enum_types: Default::default(),
            parsed_subprograms: Default::default(),
            spare_template_params: Default::default(),
            spare_subprograms: Default::default(),
            unknown_file: OnceCell::new(),
            recursion_marker: OnceCell::new(),
        })
    }
}

/// Where in a value a variable is: at `direct_offset`, then through a pointer at each of the
/// `indirect_offsets`; `fragment` is the part of the variable it holds (bits of the variable).
pub struct VariablePlace<'a> {
    pub direct_offset: rustc_abi::Size,
    pub indirect_offsets: &'a [rustc_abi::Size],
    pub fragment: &'a Option<std::ops::Range<rustc_abi::Size>>,
}

/// A position in the source: its file and 1-based line and column.
struct SourcePos {
    file: std::sync::Arc<SourceFile>,
    line: u32,
    col: u32,
}

impl<'ll, 'tcx> CodegenCx<'ll, 'tcx> {
    fn dbg(&self) -> &DebugContext<'ll, 'tcx> {
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

    /// The scope a function's subprogram goes in: the namespace of its parent item, or for a
    /// method of an inherent impl, its type (with full debuginfo, where the method is also
    /// declared; then the type is returned as well) or the type's namespace.
    fn containing_scope(&self, instance: Instance<'tcx>) -> (&'ll Metadata, Option<Ty<'tcx>>) {
        let tcx = self.tcx;
        if let Some(impl_def_id) = tcx.inherent_impl_of_assoc(instance.def_id()) {
            let self_ty = tcx.instantiate_and_normalize_erasing_regions(
                instance.args,
                self.typing_env(),
                tcx.type_of(impl_def_id),
            );
            if let ty::Adt(def, ..) = self_ty.kind()
                && !def.is_box()
            {
                if self.sess().opts.debuginfo == DebugInfo::Full && !self_ty.has_param() {
                    return (self.type_di_node(self_ty), Some(self_ty));
                }
                return (self.namespace(def.did()), None);
            }
        }
        let parent = tcx.def_key(instance.def_id()).parent.unwrap_or_else(|| bug!("an instance without a parent item"));
        (self.namespace(DefId { index: parent, ..instance.def_id() }), None)
    }

    /// Records, at the end of `block`, that `variable` lives at the address `value` (or with
    /// `is_value`, that it is `value`), at `place` in it.
    pub fn record_variable(
        &self,
        block: &'ll llvm::BasicBlock,
        variable: &'ll Metadata,
        location: &'ll Metadata,
        value: &'ll Value,
        place: VariablePlace<'_>,
        is_value: bool,
    ) {
        use llvm::debuginfo::op;
        let mut ops = Vec::new();
        if place.direct_offset.bytes() > 0 {
            ops.extend([op::PLUS_UCONST, place.direct_offset.bytes()]);
            // A value plus an offset is a computed value, not a place in memory.
            if is_value {
                ops.push(op::STACK_VALUE);
            }
        }
        for offset in place.indirect_offsets {
            ops.push(op::DEREF);
            if offset.bytes() > 0 {
                ops.extend([op::PLUS_UCONST, offset.bytes()]);
            }
        }
        if let Some(fragment) = place.fragment {
            ops.extend([op::LLVM_FRAGMENT, fragment.start.bits(), (fragment.end - fragment.start).bits()]);
        }
        let builder = &self.dbg().builder;
        let expression = builder.expression(&ops);
        if is_value {
            builder.value_at_end(value, variable, expression, location, block);
        } else {
            builder.declare_at_end(value, variable, expression, location, block);
        }
    }

    /// Describes a static (with full debuginfo): its name, type and place.
    pub fn static_debuginfo(&self, def_id: DefId, global: &'ll Value) {
        if self.dbg.is_none() || self.sess().opts.debuginfo != DebugInfo::Full {
            return;
        }
        let tcx = self.tcx;
        let rustc_hir::def::DefKind::Static { nested, .. } = tcx.def_kind(def_id) else {
            bug!("{def_id:?} is not a static")
        };
        if nested {
            return;
        }
        let scope = self.namespace(tcx.parent(def_id));
        let (file, line) = self.def_location(def_id);
        let instance = Instance::mono(tcx, def_id);
        let ty = instance.ty(tcx, self.typing_env());
        let ty_node = self.type_di_node(ty);
        let name = tcx.item_name(def_id);
        let symbol = tcx.symbol_name(instance).name;
        let linkage_name = if name.as_str() == symbol { "" } else { symbol };
        let align = types::align_bits(self.layout_of(ty).align.abi);
        let local_to_unit = !tcx.is_reachable_non_generic(def_id);
        self.dbg().builder.global_variable(
            global,
            Some(scope),
            name.as_str(),
            linkage_name,
            file,
            line,
            ty_node,
            local_to_unit,
            align,
        );
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
    fn create_vtable_debuginfo(&self, ty: Ty<'tcx>, trait_ref: Option<ExistentialTraitRef<'tcx>>, vtable: &'ll Value) {
        if self.dbg.is_none() || self.sess().opts.debuginfo != DebugInfo::Full {
            return;
        }
        // A vtable that a debugger can find by name must not be merged with another.
        llvm::set_unnamed_address(vtable, llvm::LLVMUnnamedAddr::LLVMNoUnnamedAddr);
        let name = type_names::compute_debuginfo_vtable_name(
            self.tcx,
            ty,
            trait_ref,
            type_names::VTableNameKind::GlobalVariable,
        );
        let ty_node = self.vtable_type(ty, trait_ref);
        self.dbg().builder.global_variable(vtable, None, &name, "", self.unknown_file(), 0, ty_node, true, 0);
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
        let full = self.sess().opts.debuginfo == DebugInfo::Full;
        let (scope, method_of) = self.containing_scope(instance);
        let pos = self.source_pos(tcx.def_span(def_id).lo());
        let file = self.file_metadata(&pos.file);
        let ty = if full {
            let mut signature = vec![(!fn_abi.ret.is_ignore()).then(|| self.type_di_node(fn_abi.ret.layout.ty))];
            signature.extend(fn_abi.args.iter().map(|arg| Some(self.type_di_node(arg.layout.ty))));
            self.dbg().builder.subroutine_type(&signature)
        } else {
            self.dbg().builder.empty_subroutine_type(file)
        };

        // The name with the generic arguments of the enclosing function (closures and
        // coroutines carry more, which are cut off).
        let mut name = String::new();
        type_names::push_item_name(tcx, def_id, false, &mut name);
        let generics = tcx.generics_of(tcx.typeck_root_def_id(def_id));
        let args = instance.args.truncate_to(tcx, generics);
        let args = tcx.normalize_erasing_regions(self.typing_env(), rustc_middle::ty::Unnormalized::new_wip(args));
        type_names::push_generic_args(tcx, args, &mut name);
        let template_params =
            if full && args.types().next().is_some() { self.template_parameters(generics, args) } else { Vec::new() };
        let symbol = tcx.symbol_name(instance).name;
        let linkage_name = if name == symbol { "" } else { symbol };

        let sp_flags = beyond_c_api::SubprogramFlags {
            definition: true,
            local_to_unit: !tcx.is_reachable_non_generic(def_id),
            optimized: self.sess().opts.optimize != config::OptLevel::No,
            no_return: fn_abi.ret.layout.is_uninhabited(),
        };
        let main = tcx.entry_fn(()).is_some_and(|(entry, _)| entry == def_id);
        // Only a subprogram with template parameters, or `main`, needs a node parsed from text.
        let from_text = !template_params.is_empty() || main;
        let from_c_api = |definition: bool| {
            let (local, optimized) = (sp_flags.local_to_unit, sp_flags.optimized);
            let builder = &self.dbg().builder;
            let flags = sp_flags.di_flags();
            builder.function(scope, &name, linkage_name, file, pos.line, ty, local, definition, flags, optimized)
        };
        // A method is also declared in its type, once; the definition refers to the declaration.
        let declaration = method_of.map(|_| {
            if let Some(&declaration) = self.dbg().method_declarations.borrow().get(&instance) {
                return declaration;
            }
            let declaration = if from_text {
                let extras = beyond_c_api::SubprogramExtras {
                    template_params: template_params.clone(),
                    main: false,
                    declaration: None,
                };
                let flags = beyond_c_api::SubprogramFlags { definition: false, ..sp_flags };
                beyond_c_api::subprogram(self, scope, &name, linkage_name, file, pos.line, ty, &flags, extras)
            } else {
                from_c_api(false)
            };
            self.dbg().method_declarations.borrow_mut().insert(instance, declaration);
            declaration
        });
        let subprogram = if from_text {
            let extras = beyond_c_api::SubprogramExtras { template_params, main, declaration };
            beyond_c_api::subprogram(self, scope, &name, linkage_name, file, pos.line, ty, &sp_flags, extras)
        } else {
            let subprogram = from_c_api(true);
            beyond_c_api::set_unit_and_declaration(self, subprogram, declaration);
            subprogram
        };
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
        for &subprogram in dbg.parsed_subprograms.borrow().iter() {
            dbg.builder.finalize_subprogram(subprogram);
        }
        dbg.builder.finalize();
        beyond_c_api::take_over_lists(self, &dbg.enum_types.borrow());
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

    fn create_dbg_var(
        &self,
        name: Symbol,
        ty: Ty<'tcx>,
        scope: &'ll Metadata,
        kind: VariableKind,
        span: Span,
    ) -> &'ll Metadata {
        let pos = self.source_pos(span.lo());
        let file = self.file_metadata(&pos.file);
        let ty_node = self.type_di_node(ty);
        let align = types::align_bits(self.layout_of(ty).align.abi);
        let argument = match kind {
            VariableKind::ArgumentVariable(index) => Some(index as u32),
            VariableKind::LocalVariable => None,
        };
        self.dbg().builder.variable(scope, name.as_str(), argument, file, pos.line, ty_node, align)
    }
}
