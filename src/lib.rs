//! rustc_codegen_inkwell: an LLVM code generator for rustc that lives outside the compiler.
//!
//! rustc loads this dylib (`-Zcodegen-backend=…`) and calls `__rustc_codegen_backend`. MIR
//! lowering, the work coordinator and linking are rustc_codegen_ssa's; this crate implements
//! its backend traits on LLVM's C API (llvm-sys), against the libLLVM that rustc itself uses.

#![feature(rustc_private)]
#![feature(extern_types)]
#![feature(once_cell_try)]
#![allow(clippy::too_many_arguments)]

extern crate rustc_abi;
extern crate rustc_ast;
extern crate rustc_codegen_ssa;
extern crate rustc_data_structures;
// Links rustc's own crates (they are only available as part of librustc_driver.so).
extern crate rustc_driver;
extern crate rustc_errors;
extern crate rustc_hashes;
extern crate rustc_hir;
extern crate rustc_index;
extern crate rustc_interface;
extern crate rustc_log;
extern crate rustc_metadata;
extern crate rustc_middle;
extern crate rustc_session;
extern crate rustc_span;
extern crate rustc_symbol_mangling;
extern crate rustc_target;
extern crate smallvec;

mod abi;
mod allocator;
mod asm;
mod attributes;
mod back;
mod base;
mod builder;
mod callee;
mod consts;
mod context;
mod debuginfo;
mod declare;
mod dso_local;
mod intrinsic;
mod llvm;
mod llvm_args;
mod mono_item;
mod type_;
mod type_of;
mod unsupported;
mod work_log;

use std::any::Any;
use std::cell::OnceCell;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use rustc_ast::expand::allocator::AllocatorMethod;
use rustc_codegen_ssa::back::lto::ThinModule;
use rustc_codegen_ssa::back::write::{
    CodegenContext, FatLtoInput, ModuleConfig, OngoingCodegen, SharedEmitter, TargetMachineFactoryFn, ThinLtoInput,
};
use rustc_codegen_ssa::traits::*;
use rustc_codegen_ssa::{CompiledModule, CompiledModules, CrateInfo, ModuleCodegen, TargetConfig};
use rustc_data_structures::fx::FxIndexMap;
use rustc_data_structures::profiling::SelfProfilerRef;
use rustc_errors::DiagCtxtHandle;
use rustc_middle::dep_graph::{WorkProduct, WorkProductId};
use rustc_middle::ty::TyCtxt;
use rustc_middle::util::Providers;
use rustc_session::Session;
use rustc_session::config::{OptLevel, OutputFilenames};
use rustc_span::Symbol;

use crate::back::target_machine::{TargetMachine, TargetMachineSpec};
use crate::llvm::diagnostics::CollectingContext;
use crate::llvm::machine::OwnedTargetMachine;

#[derive(Clone, Default)]
pub struct InkwellCodegenBackend {
    /// The session's `cfg(target_feature)`s, asked of LLVM in `init` before `-Cllvm-args` are
    /// applied, so that no user option can change or observe the probe (`back::cpu_features`).
    target_config: Arc<OnceLock<TargetConfig>>,
}

/// One codegen unit's LLVM module, in a context of its own.
pub struct ModuleLlvm {
    // Field order is drop order: the target machine goes before the context (with the module in
    // it).
    target_machine: OnceCell<OwnedTargetMachine>,
    pub context: CollectingContext,
    llmod: std::ptr::NonNull<llvm::Module>,
    pub name: String,
    tm_spec: TargetMachineSpec,
    /// What `-Cembed-bitcode` embeds when it is not the module itself: after ThinLTO, the
    /// module as it was before (as the built-in backend embeds it).
    pub embed_bitcode: Option<Vec<u8>>,
}

// SAFETY: a module and its context move between the coordinator's threads but are only ever
// used by one thread at a time.
unsafe impl Send for ModuleLlvm {}
unsafe impl Sync for ModuleLlvm {}

impl ModuleLlvm {
    /// A module whose code is generated at `opt_level`.
    fn new(tcx: TyCtxt<'_>, name: &str, opt_level: OptLevel) -> Self {
        let tm = TargetMachineSpec::new(tcx.sess, opt_level, &tcx.global_backend_features(()));
        let context = CollectingContext::new(tcx.sess.fewer_names());
        let llmod = context::create_module(tcx, context.get(), name).into();
        ModuleLlvm {
            target_machine: OnceCell::new(),
            context,
            llmod,
            name: name.to_owned(),
            tm_spec: tm,
            embed_bitcode: None,
        }
    }

    /// A module read back from bitcode (LTO's inputs), in a context of its own. On failure,
    /// the error LLVM reported.
    pub fn parse(cgcx: &CodegenContext, name: &str, data: &[u8], tm: TargetMachine) -> Result<Self, String> {
        let context = CollectingContext::new(cgcx.fewer_names);
        let Some(llmod) = llvm::bitcode::parse(context.get(), data, name).map(Into::into) else {
            return Err(context.take_errors());
        };
        let target_machine = OnceCell::from(tm.raw);
        Ok(ModuleLlvm { target_machine, context, llmod, name: name.to_owned(), tm_spec: tm.spec, embed_bitcode: None })
    }

    /// The module's target machine, made on first use and shared by optimization and emission.
    pub fn target_machine(&self) -> Result<&OwnedTargetMachine, String> {
        self.target_machine.get_or_try_init(|| self.tm_spec.create())
    }

    pub fn tm_spec(&self) -> &TargetMachineSpec {
        &self.tm_spec
    }

    pub fn llcx(&self) -> &llvm::Context {
        self.context.get()
    }

    pub fn llmod(&self) -> &llvm::Module {
        // SAFETY: the module lives in `self.context`, which lives as long as `self`.
        unsafe { self.llmod.as_ref() }
    }
}

/// A module serialized as bitcode, for LTO; for ThinLTO with the summary our analysis needs,
/// made while the module was at hand.
pub struct ModuleBuffer {
    bitcode: Vec<u8>,
    pub summary: Option<back::lto::summary::ModuleSummary>,
}

impl ModuleBufferMethods for ModuleBuffer {
    fn data(&self) -> &[u8] {
        &self.bitcode
    }
}

impl CodegenBackend for InkwellCodegenBackend {
    fn name(&self) -> &'static str {
        "inkwell"
    }

    fn init(&self, sess: &Session) {
        llvm::machine::initialize_x86();
        back::target_features::check_target(sess);
        let _ = self.target_config.set(back::target_features::target_config(sess));
        llvm_args::configure(sess);
    }

    fn print(&self, req: &rustc_session::config::PrintRequest, out: &mut String, sess: &Session) {
        back::print::print(req, out, sess);
    }

    fn provide(&self, providers: &mut Providers) {
        providers.queries.global_backend_features = |tcx, ()| back::target_features::global_backend_features(tcx.sess);
    }

    fn target_config(&self, sess: &Session) -> TargetConfig {
        match self.target_config.get() {
            Some(config) => TargetConfig {
                target_features: config.target_features.clone(),
                unstable_target_features: config.unstable_target_features.clone(),
                ..*config
            },
            None => back::target_features::target_config(sess),
        }
    }

    fn target_cpu(&self, sess: &Session) -> String {
        back::target_features::target_cpu(sess)
    }

    /// The intrinsics with a body in core that we lower ourselves (`intrinsic::numeric`): their
    /// bodies are then never collected for codegen, as with the built-in backend.
    fn replaced_intrinsics(&self) -> Vec<Symbol> {
        intrinsic::replaced_intrinsics()
    }

    fn thin_lto_supported(&self) -> bool {
        true
    }

    fn print_version(&self) {
        let (major, minor, patch) = llvm::version();
        println!("LLVM version: {major}.{minor}.{patch}");
    }

    fn codegen_crate<'tcx>(&self, tcx: TyCtxt<'tcx>) -> Box<dyn Any> {
        unsupported::check_session(tcx.sess);
        back::target_features::check_cpu_can_compile(tcx.sess);
        Box::new(rustc_codegen_ssa::base::codegen_crate(self.clone(), tcx))
    }

    fn join_codegen(
        &self,
        ongoing_codegen: Box<dyn Any>,
        sess: &Session,
        _outputs: &OutputFilenames,
        crate_info: &CrateInfo,
    ) -> (CompiledModules, FxIndexMap<WorkProductId, WorkProduct>) {
        ongoing_codegen
            .downcast::<OngoingCodegen<InkwellCodegenBackend>>()
            .expect("join_codegen got another backend's OngoingCodegen")
            .join(sess, crate_info)
    }
}

impl ExtraBackendMethods for InkwellCodegenBackend {
    fn codegen_allocator<'tcx>(&self, tcx: TyCtxt<'tcx>, module_name: &str, methods: &[AllocatorMethod]) -> ModuleLlvm {
        // Not optimized, and its code generated at -O0, as the built-in backend does with the
        // shim's few forwarding functions.
        let module = ModuleLlvm::new(tcx, module_name, OptLevel::No);
        allocator::codegen(tcx, module.llcx(), module.llmod(), methods);
        module
    }

    fn compile_codegen_unit(&self, tcx: TyCtxt<'_>, cgu_name: Symbol) -> (ModuleCodegen<ModuleLlvm>, u64) {
        work_log::record("codegen-unit", || base::compile_codegen_unit(tcx, cgu_name))
    }
}

impl WriteBackendMethods for InkwellCodegenBackend {
    type Module = ModuleLlvm;
    type TargetMachine = TargetMachine;
    type ModuleBuffer = ModuleBuffer;
    type ThinData = back::lto::thin::ThinData;

    fn target_machine_factory(
        &self,
        sess: &Session,
        opt_level: OptLevel,
        target_features: &[String],
    ) -> TargetMachineFactoryFn<Self> {
        back::target_machine::target_machine_factory(sess, opt_level, target_features)
    }

    fn optimize_and_codegen_fat_lto(
        sess: &Session,
        cgcx: &CodegenContext,
        shared_emitter: &SharedEmitter,
        tm_factory: TargetMachineFactoryFn<Self>,
        exported_symbols_for_lto: &[String],
        each_linked_rlib_for_lto: &[PathBuf],
        modules: Vec<FatLtoInput<Self>>,
    ) -> CompiledModule {
        work_log::record("fat-lto", || {
            back::lto::fat::optimize_and_codegen(
                cgcx,
                &sess.prof,
                shared_emitter,
                tm_factory,
                exported_symbols_for_lto,
                each_linked_rlib_for_lto,
                modules,
            )
        })
    }

    fn run_thin_lto(
        cgcx: &CodegenContext,
        prof: &SelfProfilerRef,
        dcx: DiagCtxtHandle<'_>,
        exported_symbols_for_lto: &[String],
        each_linked_rlib_for_lto: &[PathBuf],
        modules: Vec<ThinLtoInput<Self>>,
    ) -> (Vec<ThinModule<Self>>, Vec<WorkProduct>) {
        back::lto::thin::run(cgcx, prof, dcx, exported_symbols_for_lto, each_linked_rlib_for_lto, modules)
    }

    fn optimize(
        cgcx: &CodegenContext,
        prof: &SelfProfilerRef,
        shared_emitter: &SharedEmitter,
        module: &mut ModuleCodegen<ModuleLlvm>,
        config: &ModuleConfig,
    ) {
        work_log::record("optimize", || {
            back::write::save_temp_bitcode(cgcx, shared_emitter, module, "no-opt");
            back::optimize::optimize(cgcx, prof, shared_emitter, module, config)
        })
    }

    fn optimize_and_codegen_thin(
        cgcx: &CodegenContext,
        prof: &SelfProfilerRef,
        shared_emitter: &SharedEmitter,
        tm_factory: TargetMachineFactoryFn<Self>,
        thin: ThinModule<Self>,
    ) -> CompiledModule {
        work_log::record("thin-lto", || {
            back::lto::thin::optimize_and_codegen(cgcx, prof, shared_emitter, tm_factory, thin)
        })
    }

    fn codegen(
        cgcx: &CodegenContext,
        prof: &SelfProfilerRef,
        shared_emitter: &SharedEmitter,
        module: ModuleCodegen<ModuleLlvm>,
        config: &ModuleConfig,
    ) -> CompiledModule {
        work_log::record("emit", || back::write::codegen(cgcx, prof, shared_emitter, module, config))
    }

    fn serialize_module(module: ModuleLlvm, is_thin: bool) -> ModuleBuffer {
        if !is_thin {
            return ModuleBuffer { bitcode: llvm::bitcode::write(module.llmod()).bytes().to_vec(), summary: None };
        }
        let summary = back::lto::summary::summarize(module.llmod());
        // The module goes away after this, so LLVM's ThinLTO writer may leave its result in it.
        let bitcode = back::bitcode::take_thin_bitcode(&module)
            .unwrap_or_else(|_| llvm::bitcode::write(module.llmod()).bytes().to_vec());
        ModuleBuffer { bitcode, summary: Some(summary) }
    }
}

/// The entry point rustc looks up in a codegen backend dylib.
#[unsafe(no_mangle)]
pub fn __rustc_codegen_backend() -> Box<dyn CodegenBackend> {
    Box::new(InkwellCodegenBackend::default())
}
