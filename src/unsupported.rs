//! Session options this backend does not implement yet. Each is refused with an error that
//! names it, rather than being ignored (which would produce something other than asked) — when
//! code is generated: `cargo check`, `--emit=metadata` and `--print` requests are not refused.

use rustc_session::Session;
use rustc_session::config::{DebugInfo, DebugInfoCompression, Passes};
use rustc_target::spec::{CodeModel, SanitizerSet, SplitDebuginfo, TlsModel};

/// What `back::instrument` and `attributes::sanitize_attrs` implement. CFI and KCFI need type
/// ids on every indirect call, DataFlowSanitizer its ABI lists: not done yet.
const SUPPORTED_SANITIZERS: SanitizerSet = SanitizerSet::ADDRESS
    .union(SanitizerSet::KERNELADDRESS)
    .union(SanitizerSet::MEMORY)
    .union(SanitizerSet::THREAD)
    .union(SanitizerSet::HWADDRESS)
    .union(SanitizerSet::KERNELHWADDRESS)
    .union(SanitizerSet::LEAK)
    .union(SanitizerSet::SAFESTACK)
    .union(SanitizerSet::REALTIME);

pub fn check_session(sess: &Session) {
    let refuse = |what: &str| {
        sess.dcx().err(format!("{what} is not yet supported by rustc_codegen_inkwell"));
    };
    if sess.opts.debuginfo != DebugInfo::None && sess.split_debuginfo() != SplitDebuginfo::Off {
        // The C API writes no DWARF object (.dwo) stream.
        sess.dcx()
            .struct_err(format!(
                "split debuginfo (-Csplit-debuginfo={}) is not yet supported by rustc_codegen_inkwell",
                sess.split_debuginfo()
            ))
            .with_help("use `-Csplit-debuginfo=off`: the debuginfo then stays in the objects and the binary")
            .emit();
    }
    if sess.instrument_coverage() {
        refuse("coverage instrumentation (-Cinstrument-coverage)");
    }
    for sanitizer in sess.sanitizers() & !SUPPORTED_SANITIZERS {
        refuse(&format!("the {sanitizer} sanitizer (-Zsanitizer={sanitizer})"));
    }
    if sess.opts.unstable_opts.profile_sample_use.is_some() {
        refuse("sample-based profile-guided optimization (-Zprofile-sample-use)");
    }
    if sess.opts.unstable_opts.no_unique_section_names {
        // Sections are named per symbol (`back::sections`); LLVM's unnamed unique sections
        // need a target option the C API lacks.
        refuse("-Zno-unique-section-names");
    }
    if sess.target.requires_lto {
        refuse("a target that requires LTO");
    }

    // What only LLVM's C++ API reaches: target options, remark and timer streams, plugins.
    let refuse_with = |what: &str, help: &str| {
        sess.dcx()
            .struct_err(format!("{what} is not yet supported by rustc_codegen_inkwell"))
            .with_help(help.to_owned())
            .emit();
    };
    let opts = &sess.opts.unstable_opts;
    if !matches!(&sess.opts.cg.remark, Passes::Some(passes) if passes.is_empty()) {
        refuse_with(
            "LLVM optimization remarks (-Cremark)",
            "drop `-Cremark`, or use `-Zcodegen-backend=llvm` to see remarks",
        );
    }
    if opts.emit_stack_sizes {
        refuse_with("`.stack_sizes` sections (-Zemit-stack-sizes)", "drop `-Zemit-stack-sizes`");
    }
    if opts.debuginfo_compression != DebugInfoCompression::None && sess.opts.debuginfo != DebugInfo::None {
        refuse_with(
            "compressed debuginfo (-Zdebuginfo-compression)",
            "let the linker compress it: `-Clink-arg=-Wl,--compress-debug-sections=zlib`",
        );
    }
    if sess.tls_model() == TlsModel::Emulated {
        refuse_with("emulated thread-local storage (-Ztls-model=emulated)", "use the target's native TLS model");
    }
    if opts.llvm_time_trace {
        refuse_with("LLVM's time trace (-Zllvm-time-trace)", "use `-Zself-profile` for where the time goes");
    }
    // The built-in backend prints LLVM's pass timings only with one codegen unit.
    if opts.time_llvm_passes && sess.codegen_units().as_usize() == 1 {
        refuse_with("LLVM pass timings (-Ztime-llvm-passes)", "use `-Zself-profile` for where the time goes");
    }
    if opts.print_codegen_stats || opts.print_codegen_stats_json.is_some() {
        refuse_with("LLVM statistics (-Zprint-codegen-stats)", "drop the option");
    }
    if sess.prof.llvm_recording_enabled() {
        refuse_with(
            "LLVM pass events in the self-profile (-Zself-profile-events=llvm)",
            "ask for the other event kinds: the profile still times each module's optimization and emission",
        );
    }
    if !opts.llvm_plugins.is_empty() {
        refuse_with("LLVM pass plugins (-Zllvm-plugins)", "drop `-Zllvm-plugins`");
    }
    if opts.debug_info_for_profiling {
        refuse_with("-Zdebug-info-for-profiling", "drop the option");
    }
    // `back::sections` applies the threshold through the sections it names, which it only
    // names with function sections; LLVM itself knows only its default threshold, 0.
    if opts.large_data_threshold.is_some()
        && !opts.function_sections.unwrap_or(sess.target.function_sections)
        && matches!(sess.code_model(), Some(CodeModel::Medium | CodeModel::Large))
    {
        refuse_with("-Zlarge-data-threshold without function sections", "drop `-Zfunction-sections=no`");
    }
    sess.dcx().abort_if_errors();
}
