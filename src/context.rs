//! `CodegenCx`: one LLVM context and module per codegen unit, with the caches that lowering
//! shares (instances, vtables, types, constants, intrinsic declarations).

use std::cell::{Cell, RefCell};

use rustc_abi::{HasDataLayout, TargetDataLayout, VariantIdx};
use rustc_codegen_ssa::errors as ssa_errors;
use rustc_codegen_ssa::traits::*;
use rustc_data_structures::fx::FxHashMap;
use rustc_middle::bug;
use rustc_middle::mono::CodegenUnit;
use rustc_middle::ty::layout::{
    FnAbiError, FnAbiOfHelpers, FnAbiRequest, HasTyCtxt, HasTypingEnv, LayoutError, LayoutOfHelpers,
};
use rustc_middle::ty::{self, Instance, Ty, TyCtxt};
use rustc_session::Session;
use rustc_session::config::{CFProtection, CrateType, FunctionReturn, Lto};
use rustc_span::{DUMMY_SP, Span, Spanned};
use rustc_target::spec::{CodeModel, HasTargetSpec, RelocModel, Target, TlsModel};

use crate::llvm::{self, BasicBlock, Metadata, Type, Value, metadata};

/// Per-CGU codegen state. Everything LLVM in here lives in `llcx`, which the CGU's
/// [`crate::ModuleLlvm`] owns.
pub struct CodegenCx<'ll, 'tcx> {
    pub tcx: TyCtxt<'tcx>,
    pub codegen_unit: &'tcx CodegenUnit<'tcx>,
    pub llcx: &'ll llvm::Context,
    pub llmod: &'ll llvm::Module,
    pub isize_ty: &'ll Type,
    pub tls_model: llvm::LLVMThreadLocalMode,

    /// Functions already declared or defined, by instance.
    pub instances: RefCell<FxHashMap<Instance<'tcx>, &'ll Value>>,
    pub vtables: RefCell<FxHashMap<(Ty<'tcx>, Option<ty::ExistentialTraitRef<'tcx>>), &'ll Value>>,
    pub const_str_cache: RefCell<FxHashMap<String, &'ll Value>>,
    /// Private globals made for constant allocations, by initializer, so equal ones are shared.
    pub const_globals: RefCell<FxHashMap<&'ll Value, &'ll Value>>,
    /// Statics whose global had to be replaced by one of another type: (old, new) pairs,
    /// replaced once the module is complete.
    pub statics_to_rauw: RefCell<Vec<(&'ll Value, &'ll Value)>>,
    pub used_statics: RefCell<Vec<&'ll Value>>,
    pub compiler_used_statics: RefCell<Vec<&'ll Value>>,

    /// Layout → LLVM type, for aggregates (by type and variant).
    pub type_lowering: RefCell<FxHashMap<(Ty<'tcx>, Option<VariantIdx>), &'ll Type>>,
    /// Layout → LLVM type, for scalars.
    pub scalar_lltypes: RefCell<FxHashMap<Ty<'tcx>, &'ll Type>>,

    /// LLVM intrinsic declarations: (name, overloaded types) → (function type, function).
    pub intrinsics: RefCell<FxHashMap<(String, Vec<&'ll Type>), (&'ll Type, &'ll Value)>>,
    pub eh_personality: Cell<Option<&'ll Value>>,
    /// `__rust_try`'s helper, made once per module when catch_unwind is used.
    pub rust_try_fn: Cell<Option<(&'ll Type, &'ll Value)>>,
    local_gen_sym_counter: Cell<usize>,
    /// Debug information, when the session asks for it.
    pub dbg: Option<crate::debuginfo::DebugContext<'ll, 'tcx>>,
}

/// Creates the module for a CGU with the target's data layout, triple and module flags.
pub fn create_module<'ll>(tcx: TyCtxt<'_>, llcx: &'ll llvm::Context, name: &str) -> &'ll llvm::Module {
    let sess = tcx.sess;
    let triple = crate::back::target_machine::llvm_triple(sess);
    let llmod = llvm::ir::create_module(llcx, name, &sess.target.data_layout, &triple);

    let reloc_model = sess.relocation_model();
    if matches!(reloc_model, RelocModel::Pic | RelocModel::Pie) {
        add_module_flag_u32(llcx, llmod, ModuleFlag::MIN, "PIC Level", 2);
        if reloc_model == RelocModel::Pie || tcx.crate_types().iter().all(|t| *t == CrateType::Executable) {
            add_module_flag_u32(llcx, llmod, ModuleFlag::MAX, "PIE Level", 2);
        }
    }
    // Calls to runtime library functions go through the GOT rather than the PLT, as the built-in
    // backend does when the target does not want a PLT.
    if !sess.needs_plt() {
        add_module_flag_u32(llcx, llmod, ModuleFlag::WARNING, "RtLibUseGOT", 1);
    }
    add_option_module_flags(sess, llcx, llmod);
    // The producer, which ELF objects carry in `.comment`.
    if let Some(version) = rustc_interface::util::rustc_version_str() {
        let ident = metadata::string(llcx, &format!("rustc version {version}"));
        metadata::add_named(llcx, llmod, "llvm.ident", &[ident]);
    }
    llmod
}

/// The module flags that carry session options to LLVM's code generator and to the linker's
/// LTO, as the built-in backend sets them (only x86-64 ELF targets get here).
fn add_option_module_flags(sess: &Session, llcx: &llvm::Context, llmod: &llvm::Module) {
    let flag = |behavior, key, value| add_module_flag_u32(llcx, llmod, behavior, key, value);
    // Objects of different code models must not be linked together; LTO checks this flag.
    if let Some(model) = sess.code_model() {
        // LLVM's `CodeModel::Model` numbering.
        let value = match model {
            CodeModel::Tiny => 0,
            CodeModel::Small => 1,
            CodeModel::Kernel => 2,
            CodeModel::Medium => 3,
            CodeModel::Large => 4,
        };
        flag(ModuleFlag::ERROR, "Code Model", value);
    }
    if sess.is_split_lto_unit_enabled() {
        flag(ModuleFlag::OVERRIDE, "EnableSplitLTOUnit", 1);
    }
    // `-Zcf-protection`: `endbr64` landing pads and the ELF property notes that say so.
    let cf_protection = sess.opts.unstable_opts.cf_protection;
    if matches!(cf_protection, CFProtection::Branch | CFProtection::Full) {
        flag(ModuleFlag::OVERRIDE, "cf-protection-branch", 1);
    }
    if matches!(cf_protection, CFProtection::Return | CFProtection::Full) {
        flag(ModuleFlag::OVERRIDE, "cf-protection-return", 1);
    }
    if sess.opts.unstable_opts.virtual_function_elimination {
        flag(ModuleFlag::ERROR, "Virtual Function Elim", 1);
    }
    // For the functions LLVM itself creates; ours carry the matching attribute.
    if sess.opts.unstable_opts.function_return == FunctionReturn::ThunkExtern {
        flag(ModuleFlag::OVERRIDE, "function_return_thunk_extern", 1);
    }
    if sess.opts.unstable_opts.indirect_branch_cs_prefix {
        flag(ModuleFlag::OVERRIDE, "indirect_branch_cs_prefix", 1);
    }
    for (key, value, behavior) in &sess.opts.unstable_opts.llvm_module_flag {
        // rustc's option parser accepts only these names.
        let behavior = match behavior.as_str() {
            "error" => ModuleFlag::ERROR,
            "warning" => ModuleFlag::WARNING,
            "require" => 3,
            "override" => ModuleFlag::OVERRIDE,
            "append" => 5,
            "appendunique" => 6,
            "max" => ModuleFlag::MAX,
            "min" => ModuleFlag::MIN,
            other => bug!("-Zllvm-module-flag with merge behavior {other}"),
        };
        flag(behavior, key, *value);
    }
}

/// A module flag's merge behavior, as numbered in LLVM IR. The C API's enum lacks Min and Max,
/// so flags are written as `!llvm.module.flags` operands directly.
pub struct ModuleFlag;
impl ModuleFlag {
    pub const ERROR: u64 = 1;
    pub const WARNING: u64 = 2;
    pub const OVERRIDE: u64 = 4;
    pub const MAX: u64 = 7;
    pub const MIN: u64 = 8;
}

pub fn add_module_flag_u32(llcx: &llvm::Context, llmod: &llvm::Module, behavior: u64, key: &str, val: u32) {
    let i32_ty = llvm::types::LLVMIntTypeInContext(llcx, 32);
    let int = |n: u64| metadata::LLVMValueAsMetadata(llvm::consts::LLVMConstInt(i32_ty, n, llvm::to_bool(false)));
    metadata::add_named(
        llcx,
        llmod,
        "llvm.module.flags",
        &[int(behavior), metadata::string(llcx, key), int(val.into())],
    );
}

fn to_llvm_tls_model(tls_model: TlsModel) -> llvm::LLVMThreadLocalMode {
    use llvm::LLVMThreadLocalMode::*;
    match tls_model {
        TlsModel::GeneralDynamic => LLVMGeneralDynamicTLSModel,
        TlsModel::LocalDynamic => LLVMLocalDynamicTLSModel,
        TlsModel::InitialExec => LLVMInitialExecTLSModel,
        TlsModel::LocalExec => LLVMLocalExecTLSModel,
        TlsModel::Emulated => LLVMGeneralDynamicTLSModel,
    }
}

impl<'ll, 'tcx> CodegenCx<'ll, 'tcx> {
    pub fn new(
        tcx: TyCtxt<'tcx>,
        codegen_unit: &'tcx CodegenUnit<'tcx>,
        llcx: &'ll llvm::Context,
        llmod: &'ll llvm::Module,
    ) -> Self {
        let isize_ty = llvm::types::LLVMIntTypeInContext(llcx, tcx.data_layout.pointer_size().bits() as u32);
        CodegenCx {
            tcx,
            codegen_unit,
            llcx,
            llmod,
            isize_ty,
            tls_model: to_llvm_tls_model(tcx.sess.tls_model()),
            instances: Default::default(),
            vtables: Default::default(),
            const_str_cache: Default::default(),
            const_globals: Default::default(),
            statics_to_rauw: Default::default(),
            used_statics: Default::default(),
            compiler_used_statics: Default::default(),
            type_lowering: Default::default(),
            scalar_lltypes: Default::default(),
            intrinsics: Default::default(),
            eh_personality: Cell::new(None),
            rust_try_fn: Cell::new(None),
            local_gen_sym_counter: Cell::new(0),
            dbg: crate::debuginfo::DebugContext::new(tcx, codegen_unit.name().as_str(), llcx, llmod),
        }
    }

    /// Declares (once) the LLVM intrinsic or libc helper `name`, overloaded on `type_params`.
    pub fn get_intrinsic(&self, name: &str, type_params: &[&'ll Type]) -> (&'ll Type, &'ll Value) {
        let key = (name.to_string(), type_params.to_vec());
        if let Some(&hit) = self.intrinsics.borrow().get(&key) {
            return hit;
        }
        let decl = self.declare_intrinsic(name, type_params);
        self.intrinsics.borrow_mut().insert(key, decl);
        decl
    }

    fn declare_intrinsic(&self, name: &str, type_params: &[&'ll Type]) -> (&'ll Type, &'ll Value) {
        if name == "memcmp" {
            // Not an LLVM intrinsic, but LLVM knows it (and may turn it into bcmp).
            let fn_ty = self.type_func(&[self.type_ptr(), self.type_ptr(), self.type_isize()], self.type_int());
            let f = self.declare_cfn("memcmp", llvm::LLVMUnnamedAddr::LLVMNoUnnamedAddr, fn_ty);
            return (fn_ty, f);
        }
        let f = llvm::ir::intrinsic(self.llmod, name, type_params)
            .unwrap_or_else(|| bug!("unknown LLVM intrinsic `{name}`"));
        (llvm::ir::value_type(f), f)
    }

    /// A fresh name for a module-local definition; the '.' keeps it apart from user symbols.
    pub fn generate_local_symbol_name(&self, prefix: &str) -> String {
        let idx = self.local_gen_sym_counter.get();
        self.local_gen_sym_counter.set(idx + 1);
        format!("{prefix}.{idx}")
    }

    pub fn md_as_value(&self, md: &'ll Metadata) -> &'ll Value {
        metadata::LLVMMetadataAsValue(self.llcx, md)
    }

    pub fn value_as_md(&self, v: &'ll Value) -> &'ll Metadata {
        metadata::LLVMValueAsMetadata(v)
    }

    /// Attaches `!kind !{mds…}` to an instruction.
    pub fn set_metadata_node(&self, inst: &'ll Value, kind: &str, mds: &[&'ll Metadata]) {
        metadata::set_on_instruction(self.llcx, inst, kind, mds)
    }

    /// Attaches `!kind !{mds…}` to a global, replacing what it had of that kind.
    pub fn set_global_metadata_node(&self, global: &'ll Value, kind: &str, mds: &[&'ll Metadata]) {
        metadata::set_on_global(self.llcx, global, kind, mds)
    }

    /// Emits `@llvm.used` / `@llvm.compiler.used` from what codegen collected.
    pub fn create_used_variable(&self, name: &str, values: &[&'ll Value]) {
        if values.is_empty() {
            return;
        }
        let array = llvm::ir::const_array(self.type_ptr(), values);
        let g = llvm::ir::add_global(self.llmod, self.val_ty(array), name);
        llvm::set_initializer(g, array);
        llvm::set_linkage(g, llvm::LLVMLinkage::LLVMAppendingLinkage);
        llvm::set_section(g, "llvm.metadata");
    }

    pub fn append_block(&self, llfn: &'ll Value, name: &str) -> &'ll BasicBlock {
        llvm::ir::append_block(self.llcx, llfn, name)
    }
}

impl<'ll, 'tcx> BackendTypes for CodegenCx<'ll, 'tcx> {
    type Function = &'ll Value;
    type BasicBlock = &'ll BasicBlock;
    type Funclet = crate::builder::Funclet<'ll>;
    type Value = &'ll Value;
    type Type = &'ll Type;
    type FunctionSignature = &'ll Type;
    type DIScope = &'ll Metadata;
    type DILocation = &'ll Metadata;
    type DIVariable = &'ll Metadata;
}

impl<'ll, 'tcx> MiscCodegenMethods<'tcx> for CodegenCx<'ll, 'tcx> {
    fn vtables(&self) -> &RefCell<FxHashMap<(Ty<'tcx>, Option<ty::ExistentialTraitRef<'tcx>>), &'ll Value>> {
        &self.vtables
    }

    /// Under `-Zvirtual-function-elimination` with fat LTO: the vtable's type id and who can
    /// see it, from which LLVM's global DCE tells which of its entries no call can load.
    fn apply_vcall_visibility_metadata(
        &self,
        ty: Ty<'tcx>,
        trait_ref: Option<ty::ExistentialTraitRef<'tcx>>,
        vtable: &'ll Value,
    ) {
        let sess = self.sess();
        if !sess.opts.unstable_opts.virtual_function_elimination || sess.lto() != Lto::Fat {
            return;
        }
        let Some(trait_ref) = trait_ref else { return };
        // LLVM's `VCallVisibility`: with fat LTO, what the trait's visibility lets see the
        // vtable is the linkage unit, or the translation unit for a private trait in one CGU.
        let public = self.tcx.visibility(trait_ref.with_self_ty(self.tcx, ty).def_id).is_public();
        let linkage_unit = public || sess.codegen_units().as_usize() != 1;
        let visibility = if linkage_unit { 1 } else { 2 };
        let typeid = rustc_symbol_mangling::typeid_for_trait_ref(self.tcx, trait_ref);
        let typeid = llvm::debuginfo::string(self.llcx, &typeid);
        self.set_global_metadata_node(vtable, "type", &[self.value_as_md(self.const_usize(0)), typeid]);
        self.set_global_metadata_node(vtable, "vcall_visibility", &[self.value_as_md(self.const_u64(visibility))]);
    }

    fn get_fn(&self, instance: Instance<'tcx>) -> &'ll Value {
        crate::callee::get_fn(self, instance)
    }

    fn get_fn_addr(&self, instance: Instance<'tcx>) -> &'ll Value {
        crate::callee::get_fn(self, instance)
    }

    fn eh_personality(&self) -> &'ll Value {
        if let Some(p) = self.eh_personality.get() {
            return p;
        }
        let tcx = self.tcx;
        let llfn = match tcx.lang_items().eh_personality() {
            Some(def_id) => {
                self.get_fn_addr(Instance::expect_resolve(tcx, self.typing_env(), def_id, ty::List::empty(), DUMMY_SP))
            }
            None => {
                let name = "rust_eh_personality";
                match self.get_declared_value(name) {
                    Some(f) => f,
                    None => {
                        let fty = self.type_variadic_func(&[], self.type_i32());
                        let f = self.declare_cfn(name, llvm::LLVMUnnamedAddr::LLVMGlobalUnnamedAddr, fty);
                        crate::attributes::apply_target_cpu(self, f);
                        f
                    }
                }
            }
        };
        self.eh_personality.set(Some(llfn));
        llfn
    }

    fn sess(&self) -> &Session {
        self.tcx.sess
    }

    fn set_frame_pointer_type(&self, llfn: &'ll Value) {
        crate::attributes::apply_frame_pointer(self, llfn);
    }

    fn apply_target_cpu_attr(&self, llfn: &'ll Value) {
        crate::attributes::apply_target_cpu(self, llfn);
    }

    fn declare_c_main(&self, fn_type: &'ll Type) -> Option<&'ll Value> {
        let entry_name = self.sess().target.entry_name.as_ref();
        if self.get_declared_value(entry_name).is_some() {
            // e.g. the user wrote `#[no_mangle] extern "C" fn main`.
            return None;
        }
        let llfn = self.declare_cfn(entry_name, llvm::LLVMUnnamedAddr::LLVMGlobalUnnamedAddr, fn_type);
        llvm::set_visibility(llfn, crate::declare::default_visibility(self.sess()));
        crate::attributes::apply_target_features(self.tcx, self.llcx, llfn, &[]);
        Some(llfn)
    }
}

impl HasDataLayout for CodegenCx<'_, '_> {
    fn data_layout(&self) -> &TargetDataLayout {
        &self.tcx.data_layout
    }
}

impl HasTargetSpec for CodegenCx<'_, '_> {
    fn target_spec(&self) -> &Target {
        &self.tcx.sess.target
    }
}

impl<'tcx> HasTyCtxt<'tcx> for CodegenCx<'_, 'tcx> {
    fn tcx(&self) -> TyCtxt<'tcx> {
        self.tcx
    }
}

impl<'tcx> HasTypingEnv<'tcx> for CodegenCx<'_, 'tcx> {
    fn typing_env(&self) -> ty::TypingEnv<'tcx> {
        ty::TypingEnv::fully_monomorphized()
    }
}

impl<'tcx> LayoutOfHelpers<'tcx> for CodegenCx<'_, 'tcx> {
    fn handle_layout_err(&self, err: LayoutError<'tcx>, span: Span, ty: Ty<'tcx>) -> ! {
        if let LayoutError::SizeOverflow(_) | LayoutError::ReferencesError(_) | LayoutError::InvalidSimd { .. } = err {
            self.tcx.dcx().span_fatal(span, err.to_string())
        } else {
            self.tcx.dcx().emit_fatal(ssa_errors::FailedToGetLayout { span, ty, err })
        }
    }
}

impl<'tcx> FnAbiOfHelpers<'tcx> for CodegenCx<'_, 'tcx> {
    fn handle_fn_abi_err(&self, err: FnAbiError<'tcx>, span: Span, req: FnAbiRequest<'tcx>) -> ! {
        match err {
            FnAbiError::Layout(LayoutError::SizeOverflow(_) | LayoutError::InvalidSimd { .. }) => {
                self.tcx.dcx().emit_fatal(Spanned { span, node: err });
            }
            _ => rustc_middle::span_bug!(span, "fn_abi_of({req:?}) failed: {err:?}"),
        }
    }
}
