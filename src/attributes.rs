//! Function attributes that come from the session (target CPU and features, frame pointers,
//! unwind tables, stack probes and protectors) and from `#[attributes]` on the function.

use rustc_hir::attrs::{InlineAttr, OptimizeAttr, RtsanSetting};
use rustc_middle::middle::codegen_fn_attrs::{
    CodegenFnAttrFlags, CodegenFnAttrs, PatchableFunctionEntry, SanitizerFnAttrs,
};
use rustc_middle::ty::{self, TyCtxt};
use rustc_session::Session;
use rustc_session::config::{FunctionReturn, OptLevel};
use rustc_symbol_mangling::mangle_internal_symbol;
use rustc_target::spec::{FramePointer, SanitizerSet, StackProbeType, StackProtector};

use crate::context::CodegenCx;
use crate::llvm::{self, Attribute, AttributePlace, Context, Value};

fn enum_attr<'ll>(llcx: &'ll Context, name: &str) -> &'ll Attribute {
    llvm::enum_attr(llcx, name, 0)
}

/// Attributes every function this backend declares gets, definition or not.
pub fn apply_declaration_attrs(cx: &CodegenCx<'_, '_>, llfn: &Value) {
    let sess = cx.tcx.sess;
    let mut attrs = Vec::new();
    if sess.opts.cg.no_redzone.unwrap_or(sess.target.disable_redzone) {
        attrs.push(enum_attr(cx.llcx, "noredzone"));
    }
    if !sess.needs_plt() {
        attrs.push(enum_attr(cx.llcx, "nonlazybind"));
    }
    llvm::add_fn_attrs(llfn, AttributePlace::Function, &attrs);
}

pub fn apply_target_cpu(cx: &CodegenCx<'_, '_>, llfn: &Value) {
    llvm::add_fn_attrs(llfn, AttributePlace::Function, &target_cpu_attrs(cx.tcx, cx.llcx));
}

/// `"target-cpu"` and, with -Ztune-cpu, `"tune-cpu"`.
fn target_cpu_attrs<'ll>(tcx: TyCtxt<'_>, llcx: &'ll Context) -> Vec<&'ll Attribute> {
    let sess = tcx.sess;
    let mut attrs = vec![llvm::string_attr(llcx, "target-cpu", &crate::back::target_features::target_cpu(sess))];
    if let Some(tune) = crate::back::target_features::tune_cpu(sess) {
        attrs.push(llvm::string_attr(llcx, "tune-cpu", &tune));
    }
    attrs
}

pub fn apply_frame_pointer(cx: &CodegenCx<'_, '_>, llfn: &Value) {
    if let Some(a) = frame_pointer_attr(cx.tcx, cx.llcx) {
        llvm::add_fn_attrs(llfn, AttributePlace::Function, &[a]);
    }
}

fn frame_pointer_attr<'ll>(tcx: TyCtxt<'_>, llcx: &'ll Context) -> Option<&'ll Attribute> {
    let sess = tcx.sess;
    let mut fp = sess.target.frame_pointer;
    if sess.opts.unstable_opts.instrument_mcount {
        fp.ratchet(FramePointer::Always);
    }
    fp.ratchet(sess.opts.cg.force_frame_pointers);
    let value = match fp {
        FramePointer::Always => "all",
        FramePointer::NonLeaf => "non-leaf",
        FramePointer::MayOmit => return None,
    };
    Some(llvm::string_attr(llcx, "frame-pointer", value))
}

/// `"target-features"`: the session's features, then the function's own `#[target_feature]`s.
pub fn apply_target_features(tcx: TyCtxt<'_>, llcx: &Context, llfn: &Value, function_features: &[String]) {
    let global = tcx.global_backend_features(());
    let all: Vec<&str> =
        global.iter().map(String::as_str).chain(function_features.iter().map(String::as_str)).collect();
    if !all.is_empty() {
        llvm::add_fn_attrs(
            llfn,
            AttributePlace::Function,
            &[llvm::string_attr(llcx, "target-features", &all.join(","))],
        );
    }
}

pub fn inline_attr<'ll, 'tcx>(
    llcx: &'ll Context,
    tcx: TyCtxt<'tcx>,
    instance: ty::Instance<'tcx>,
) -> Option<&'ll Attribute> {
    let attrs = tcx.codegen_fn_attrs(instance.def_id());
    let inline = match (attrs.inline, &attrs.optimize) {
        // optnone requires noinline.
        (_, OptimizeAttr::DoNotOptimize) => InlineAttr::Never,
        (InlineAttr::None, _) if instance.def.requires_inline(tcx) => InlineAttr::Hint,
        (inline, _) => inline,
    };
    if !tcx.sess.opts.unstable_opts.inline_llvm {
        return Some(enum_attr(llcx, "noinline"));
    }
    match inline {
        InlineAttr::Hint => Some(enum_attr(llcx, "inlinehint")),
        InlineAttr::Always | InlineAttr::Force { .. } => Some(enum_attr(llcx, "alwaysinline")),
        InlineAttr::Never => Some(enum_attr(llcx, "noinline")),
        InlineAttr::None => None,
    }
}

/// The `sanitize_*` attributes that make LLVM's sanitizer passes instrument a function: every
/// sanitizer of the session except those the function turns off with `#[sanitize(… = "off")]`.
pub fn sanitize_attrs<'ll>(
    tcx: TyCtxt<'_>,
    llcx: &'ll Context,
    fn_sanitizers: SanitizerFnAttrs,
) -> Vec<&'ll Attribute> {
    let session = tcx.sess.sanitizers();
    let enabled = session - fn_sanitizers.disabled;
    let mut attrs = Vec::new();
    let mut add_if = |sanitizers: SanitizerSet, name: &str| {
        if enabled.intersects(sanitizers) {
            attrs.push(enum_attr(llcx, name));
        }
    };
    add_if(SanitizerSet::ADDRESS | SanitizerSet::KERNELADDRESS, "sanitize_address");
    add_if(SanitizerSet::MEMORY, "sanitize_memory");
    add_if(SanitizerSet::THREAD, "sanitize_thread");
    add_if(SanitizerSet::HWADDRESS | SanitizerSet::KERNELHWADDRESS, "sanitize_hwaddress");
    add_if(SanitizerSet::SAFESTACK, "safestack");
    // The realtime sanitizer is not turned off per function: a function says whether it may block.
    if session.contains(SanitizerSet::REALTIME) {
        match fn_sanitizers.rtsan_setting {
            RtsanSetting::Nonblocking => attrs.push(enum_attr(llcx, "sanitize_realtime")),
            RtsanSetting::Blocking => attrs.push(enum_attr(llcx, "sanitize_realtime_blocking")),
            RtsanSetting::Caller => {}
        }
    }
    attrs
}

/// LLVM's `allockind` bits.
mod alloc_kind {
    pub const ALLOC: u64 = 1 << 0;
    pub const REALLOC: u64 = 1 << 1;
    pub const FREE: u64 = 1 << 2;
    pub const UNINITIALIZED: u64 = 1 << 3;
    pub const ZEROED: u64 = 1 << 4;
    pub const ALIGNED: u64 = 1 << 5;
}

/// `allocsize(n)`: the size is argument `n`, with no element-count argument.
fn alloc_size_attr<'ll>(llcx: &'ll Context, size_arg: u32) -> &'ll Attribute {
    llvm::enum_attr(llcx, "allocsize", ((size_arg as u64) << 32) | 0xFFFF_FFFF)
}

/// Everything a function definition or declaration gets from its instance's attributes and
/// the session: called by `FnAbiLlvmExt::apply_attrs_llfn`.
pub fn from_fn_attrs<'tcx>(
    tcx: TyCtxt<'tcx>,
    llcx: &Context,
    llfn: &Value,
    fn_attrs: &CodegenFnAttrs,
    instance: Option<ty::Instance<'tcx>>,
) {
    let sess = tcx.sess;
    let mut to_add = Vec::new();

    match fn_attrs.optimize {
        OptimizeAttr::Default => match sess.opts.optimize {
            OptLevel::Size => to_add.push(enum_attr(llcx, "optsize")),
            OptLevel::SizeMin => {
                to_add.push(enum_attr(llcx, "minsize"));
                to_add.push(enum_attr(llcx, "optsize"));
            }
            _ => {}
        },
        OptimizeAttr::DoNotOptimize => to_add.push(enum_attr(llcx, "optnone")),
        OptimizeAttr::Size => {
            to_add.push(enum_attr(llcx, "minsize"));
            to_add.push(enum_attr(llcx, "optsize"));
        }
        OptimizeAttr::Speed => {}
    }

    if sess.must_emit_unwind_tables() {
        // 2 = asynchronous unwind tables, 1 = synchronous.
        let kind = if sess.opts.unstable_opts.use_sync_unwind.unwrap_or(false) { 1 } else { 2 };
        to_add.push(llvm::enum_attr(llcx, "uwtable", kind));
    }
    to_add.extend(frame_pointer_attr(tcx, llcx));
    if sess.opts.unstable_opts.function_return == FunctionReturn::ThunkExtern {
        to_add.push(enum_attr(llcx, "fn_ret_thunk_extern"));
    }
    to_add.extend(instrument_attrs(sess, llcx));
    if !sess.opts.cg.jump_tables {
        to_add.push(llvm::string_attr(llcx, "no-jump-tables", "true"));
    }
    if let Some(probe) = probestack(tcx) {
        to_add.push(llvm::string_attr(llcx, "probe-stack", &probe));
    }
    match sess.stack_protector() {
        StackProtector::None => {}
        StackProtector::All => to_add.push(enum_attr(llcx, "sspreq")),
        StackProtector::Strong => to_add.push(enum_attr(llcx, "sspstrong")),
        StackProtector::Basic => to_add.push(enum_attr(llcx, "ssp")),
    }
    if fn_attrs.flags.contains(CodegenFnAttrFlags::NO_BUILTINS) {
        to_add.push(llvm::string_attr(llcx, "no-builtins", ""));
    }
    if fn_attrs.flags.contains(CodegenFnAttrFlags::COLD) {
        to_add.push(enum_attr(llcx, "cold"));
    }
    // A naked function's body is global assembly, which no sanitizer instruments.
    if !fn_attrs.flags.contains(CodegenFnAttrFlags::NAKED) {
        to_add.extend(sanitize_attrs(tcx, llcx, fn_attrs.sanitizers));
    }

    // The allocator functions: lets LLVM reason about (and remove) allocations, as the built-in
    // backend does.
    let family = || llvm::string_attr(llcx, "alloc-family", "__rust_alloc");
    if fn_attrs.flags.intersects(CodegenFnAttrFlags::ALLOCATOR | CodegenFnAttrFlags::ALLOCATOR_ZEROED) {
        to_add.push(family());
        if let Some(instance) = instance
            && let Some(name) =
                rustc_hir::find_attr!(tcx, instance.def_id(), RustcAllocatorZeroedVariant { name } => name)
        {
            to_add.push(llvm::string_attr(llcx, "alloc-variant-zeroed", &mangle_internal_symbol(tcx, name.as_str())));
        }
        llvm::add_fn_attrs(llfn, AttributePlace::Argument(1), &[enum_attr(llcx, "allocalign")]);
        to_add.push(alloc_size_attr(llcx, 0));
        let init = if fn_attrs.flags.contains(CodegenFnAttrFlags::ALLOCATOR) {
            alloc_kind::UNINITIALIZED
        } else {
            alloc_kind::ZEROED
        };
        to_add.push(llvm::enum_attr(llcx, "allockind", alloc_kind::ALLOC | alloc_kind::ALIGNED | init));
        llvm::add_fn_attrs(llfn, AttributePlace::ReturnValue, &[enum_attr(llcx, "noalias")]);
    }
    if fn_attrs.flags.contains(CodegenFnAttrFlags::REALLOCATOR) {
        to_add.push(family());
        to_add.push(llvm::enum_attr(llcx, "allockind", alloc_kind::REALLOC | alloc_kind::ALIGNED));
        llvm::add_fn_attrs(llfn, AttributePlace::Argument(0), &[enum_attr(llcx, "allocptr")]);
        llvm::add_fn_attrs(llfn, AttributePlace::Argument(2), &[enum_attr(llcx, "allocalign")]);
        to_add.push(alloc_size_attr(llcx, 3));
        llvm::add_fn_attrs(llfn, AttributePlace::ReturnValue, &[enum_attr(llcx, "noalias")]);
    }
    if fn_attrs.flags.contains(CodegenFnAttrFlags::DEALLOCATOR) {
        to_add.push(family());
        to_add.push(llvm::enum_attr(llcx, "allockind", alloc_kind::FREE));
        llvm::add_fn_attrs(llfn, AttributePlace::Argument(0), &[enum_attr(llcx, "allocptr")]);
    }
    if let Some(align) = fn_attrs.alignment {
        llvm::set_alignment(llfn, align.bytes());
    }
    // `#[patchable_function_entry]` overrides `-Zpatchable-function-entry` as a whole.
    let patchable = fn_attrs
        .patchable_function_entry
        .unwrap_or_else(|| PatchableFunctionEntry::from_config(sess.opts.unstable_opts.patchable_function_entry));
    if patchable.entry() > 0 {
        to_add.push(llvm::string_attr(llcx, "patchable-function-entry", &patchable.entry().to_string()));
    }
    if patchable.prefix() > 0 {
        to_add.push(llvm::string_attr(llcx, "patchable-function-prefix", &patchable.prefix().to_string()));
    }

    // Every function names the CPU it was compiled for (so LTO can inline across languages).
    to_add.extend(target_cpu_attrs(tcx, llcx));

    if fn_attrs.target_features.is_empty() {
        if let Some(instance) = instance {
            to_add.extend(inline_attr(llcx, tcx, instance));
        }
    }
    llvm::add_fn_attrs(llfn, AttributePlace::Function, &to_add);

    let function_features: Vec<String> = fn_attrs
        .target_features
        .iter()
        .flat_map(|f| crate::back::target_features::to_llvm_features(f.name.as_str()))
        .map(|f| format!("+{f}"))
        .collect();
    apply_target_features(tcx, llcx, llfn, &function_features);
}

/// `-Zinstrument-mcount` (a call to the target's mcount at entry, which LLVM's
/// `post-inline-ee-instrument` pass inserts) and `-Zinstrument-xray` (NOP sleds that the XRay
/// runtime patches).
fn instrument_attrs<'ll>(sess: &Session, llcx: &'ll Context) -> Vec<&'ll Attribute> {
    let mut attrs = Vec::new();
    if sess.opts.unstable_opts.instrument_mcount {
        let mcount = sess.target.llvm_mcount_intrinsic.as_deref().unwrap_or(&sess.target.mcount);
        attrs.push(llvm::string_attr(llcx, "instrument-function-entry-inlined", mcount));
    }
    if let Some(xray) = &sess.opts.unstable_opts.instrument_xray {
        if xray.always {
            attrs.push(llvm::string_attr(llcx, "function-instrument", "xray-always"));
        }
        if xray.never {
            attrs.push(llvm::string_attr(llcx, "function-instrument", "xray-never"));
        }
        if xray.ignore_loops {
            attrs.push(llvm::string_attr(llcx, "xray-ignore-loops", ""));
        }
        // LLVM has no default threshold; 200 is Clang's and the built-in backend's.
        let threshold = xray.instruction_threshold.unwrap_or(200);
        attrs.push(llvm::string_attr(llcx, "xray-instruction-threshold", &threshold.to_string()));
        if xray.skip_entry {
            attrs.push(llvm::string_attr(llcx, "xray-skip-entry", ""));
        }
        if xray.skip_exit {
            attrs.push(llvm::string_attr(llcx, "xray-skip-exit", ""));
        }
    }
    attrs
}

fn probestack(tcx: TyCtxt<'_>) -> Option<String> {
    // Stack probes don't mix with ASan/TSan or -Cprofile-generate; those already catch overflow.
    if tcx.sess.sanitizers().intersects(SanitizerSet::ADDRESS | SanitizerSet::THREAD)
        || tcx.sess.opts.cg.profile_generate.enabled()
    {
        return None;
    }
    match tcx.sess.target.stack_probes {
        StackProbeType::None => None,
        StackProbeType::Inline | StackProbeType::InlineOrCall { .. } => Some("inline-asm".into()),
        StackProbeType::Call => Some(mangle_internal_symbol(tcx, "__rust_probestack")),
    }
}
