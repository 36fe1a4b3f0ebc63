//! Session options this backend does not implement yet. Each is refused up front with an error
//! that names it, rather than being ignored (which would produce something other than asked).

use rustc_session::Session;
use rustc_session::config::DebugInfo;
use rustc_target::spec::{SanitizerSet, SplitDebuginfo};

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
    sess.dcx().abort_if_errors();
}
