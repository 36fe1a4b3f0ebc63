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

use std::any::Any;
use std::cell::OnceCell;
use std::path::PathBuf;

use rustc_ast::expand::allocator::AllocatorMethod;
use rustc_codegen_ssa::back::lto::ThinModule;
use rustc_codegen_ssa::back::write::{
    CodegenContext, FatLtoInput, ModuleConfig, OngoingCodegen, SharedEmitter, TargetMachineFactoryFn, ThinLtoInput,
};
use rustc_codegen_ssa::traits::*;
use rustc_codegen_ssa::{CompiledModule, CompiledModules, CrateInfo, ModuleCodegen, TargetConfig};
use rustc_data_structures::fx::FxIndexMap;
use rustc_data_structures::profiling::SelfProfilerRef;
use rustc_errors::{DiagCtxt, DiagCtxtHandle};
use rustc_middle::dep_graph::{WorkProduct, WorkProductId};
use rustc_middle::ty::TyCtxt;
use rustc_middle::util::Providers;
use rustc_session::Session;
use rustc_session::config::{OptLevel, OutputFilenames};
use rustc_span::Symbol;

use crate::back::target_machine::TargetMachineSpec;
use crate::llvm::diagnostics::Collected;
use crate::llvm::owned::{OwnedContext, OwnedMemoryBuffer, OwnedTargetMachine};

#[derive(Clone)]
pub struct InkwellCodegenBackend;

/// One codegen unit's LLVM module, in a context of its own.
pub struct ModuleLlvm {
    // Field order is drop order: the target machine goes before the context, and the context
    // (with the module in it) before the diagnostics sink that its handler points to.
    target_machine: OnceCell<OwnedTargetMachine>,
    context: OwnedContext,
    llmod: llvm::LLVMModuleRef,
    pub name: String,
    tm_spec: TargetMachineSpec,
    pub diagnostics: Box<Collected>,
}

// SAFETY: a module and its context move between the coordinator's threads but are only ever
// used by one thread at a time.
unsafe impl Send for ModuleLlvm {}
unsafe impl Sync for ModuleLlvm {}

impl ModuleLlvm {
    fn new(tcx: TyCtxt<'_>, name: &str) -> Self {
        let context = OwnedContext::new();
        let diagnostics = Box::<Collected>::default();
        llvm::diagnostics::install(context.0, &diagnostics);
        unsafe { llvm::LLVMContextSetDiscardValueNames(context.0, llvm::to_bool(tcx.sess.fewer_names())) };
        let llmod = llvm::AsRaw::raw(context::create_module(tcx, llvm::context(context.0), name));
        let tm = TargetMachineSpec::new(tcx.sess, tcx.backend_optimization_level(()), &tcx.global_backend_features(()));
        ModuleLlvm { target_machine: OnceCell::new(), context, llmod, name: name.to_owned(), tm_spec: tm, diagnostics }
    }

    /// The module's target machine, made on first use and shared by optimization and emission.
    pub fn target_machine(&self) -> Result<llvm::target_machine::LLVMTargetMachineRef, String> {
        self.target_machine.get_or_try_init(|| self.tm_spec.create()).map(|tm| tm.0)
    }

    pub fn tm_spec(&self) -> &TargetMachineSpec {
        &self.tm_spec
    }

    pub fn llcx(&self) -> &llvm::Context {
        llvm::context(self.context.0)
    }

    pub fn llmod(&self) -> &llvm::Module {
        llvm::module(self.llmod)
    }

    pub fn llmod_raw(&self) -> llvm::LLVMModuleRef {
        self.llmod
    }
}

/// A module serialized as bitcode.
pub struct ModuleBuffer(OwnedMemoryBuffer);

impl ModuleBufferMethods for ModuleBuffer {
    fn data(&self) -> &[u8] {
        self.0.bytes()
    }
}

impl CodegenBackend for InkwellCodegenBackend {
    fn name(&self) -> &'static str {
        "inkwell"
    }

    fn init(&self, sess: &Session) {
        back::target_machine::initialize_targets();
        back::target_features::check_target(sess);
        unsupported::check_session(sess);
        llvm_args::configure(sess);
    }

    fn print(&self, req: &rustc_session::config::PrintRequest, out: &mut String, sess: &Session) {
        back::print::print(req, out, sess);
    }

    fn provide(&self, providers: &mut Providers) {
        providers.queries.global_backend_features = |tcx, ()| back::target_features::global_backend_features(tcx.sess);
    }

    fn target_config(&self, sess: &Session) -> TargetConfig {
        back::target_features::target_config(sess)
    }

    fn target_cpu(&self, sess: &Session) -> String {
        back::target_features::target_cpu(sess)
    }

    fn thin_lto_supported(&self) -> bool {
        // Until our own ThinLTO exists this keeps rustc from choosing crate-local ThinLTO by
        // default for optimized multi-CGU builds.
        false
    }

    fn print_version(&self) {
        let (mut major, mut minor, mut patch) = (0, 0, 0);
        unsafe { llvm::LLVMGetVersion(&mut major, &mut minor, &mut patch) };
        println!("LLVM version: {major}.{minor}.{patch}");
    }

    fn codegen_crate<'tcx>(&self, tcx: TyCtxt<'tcx>) -> Box<dyn Any> {
        back::target_features::check_cpu_can_compile(tcx.sess);
        Box::new(rustc_codegen_ssa::base::codegen_crate(InkwellCodegenBackend, tcx))
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
        let module = ModuleLlvm::new(tcx, module_name);
        allocator::codegen(tcx, module.llcx(), module.llmod(), methods);
        module
    }

    fn compile_codegen_unit(&self, tcx: TyCtxt<'_>, cgu_name: Symbol) -> (ModuleCodegen<ModuleLlvm>, u64) {
        base::compile_codegen_unit(tcx, cgu_name)
    }
}

fn lto_unsupported(dcx: DiagCtxtHandle<'_>) -> ! {
    dcx.fatal("LTO is not yet supported by rustc_codegen_inkwell")
}

impl WriteBackendMethods for InkwellCodegenBackend {
    type Module = ModuleLlvm;
    type TargetMachine = OwnedTargetMachine;
    type ModuleBuffer = ModuleBuffer;
    type ThinData = ();

    fn target_machine_factory(
        &self,
        sess: &Session,
        opt_level: OptLevel,
        target_features: &[String],
    ) -> TargetMachineFactoryFn<Self> {
        back::target_machine::target_machine_factory(sess, opt_level, target_features)
    }

    fn optimize_and_codegen_fat_lto(
        _sess: &Session,
        _cgcx: &CodegenContext,
        shared_emitter: &SharedEmitter,
        _tm_factory: TargetMachineFactoryFn<Self>,
        _exported_symbols_for_lto: &[String],
        _each_linked_rlib_for_lto: &[PathBuf],
        _modules: Vec<FatLtoInput<Self>>,
    ) -> CompiledModule {
        lto_unsupported(DiagCtxt::new(Box::new(shared_emitter.clone())).handle())
    }

    fn run_thin_lto(
        _cgcx: &CodegenContext,
        _prof: &SelfProfilerRef,
        dcx: DiagCtxtHandle<'_>,
        _exported_symbols_for_lto: &[String],
        _each_linked_rlib_for_lto: &[PathBuf],
        _modules: Vec<ThinLtoInput<Self>>,
    ) -> (Vec<ThinModule<Self>>, Vec<WorkProduct>) {
        lto_unsupported(dcx)
    }

    fn optimize(
        cgcx: &CodegenContext,
        prof: &SelfProfilerRef,
        shared_emitter: &SharedEmitter,
        module: &mut ModuleCodegen<ModuleLlvm>,
        config: &ModuleConfig,
    ) {
        back::write::save_temp_bitcode(cgcx, shared_emitter, module, "no-opt");
        back::optimize::optimize(cgcx, prof, shared_emitter, module, config)
    }

    fn optimize_and_codegen_thin(
        _cgcx: &CodegenContext,
        _prof: &SelfProfilerRef,
        shared_emitter: &SharedEmitter,
        _tm_factory: TargetMachineFactoryFn<Self>,
        _thin: ThinModule<Self>,
    ) -> CompiledModule {
        lto_unsupported(DiagCtxt::new(Box::new(shared_emitter.clone())).handle())
    }

    fn codegen(
        cgcx: &CodegenContext,
        prof: &SelfProfilerRef,
        shared_emitter: &SharedEmitter,
        module: ModuleCodegen<ModuleLlvm>,
        config: &ModuleConfig,
    ) -> CompiledModule {
        back::write::codegen(cgcx, prof, shared_emitter, module, config)
    }

    fn serialize_module(module: ModuleLlvm, _is_thin: bool) -> ModuleBuffer {
        ModuleBuffer(OwnedMemoryBuffer(unsafe { llvm::bit_writer::LLVMWriteBitcodeToMemoryBuffer(module.llmod) }))
    }
}

/// The entry point rustc looks up in a codegen backend dylib.
#[unsafe(no_mangle)]
pub fn __rustc_codegen_backend() -> Box<dyn CodegenBackend> {
    Box::new(InkwellCodegenBackend)
}
