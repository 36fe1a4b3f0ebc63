//! Session options this backend does not implement yet. Each is refused up front with an error
//! that names it, rather than being ignored (which would produce something other than asked).

use rustc_session::Session;
use rustc_session::config::{DebugInfo, LtoCli};

pub fn check_session(sess: &Session) {
    let refuse = |what: &str| {
        sess.dcx().err(format!("{what} is not yet supported by rustc_codegen_inkwell"));
    };
    if sess.opts.debuginfo != DebugInfo::None {
        refuse("debuginfo (-g / -Cdebuginfo)");
    }
    if !matches!(sess.opts.cg.lto, LtoCli::Unspecified | LtoCli::No) {
        refuse("LTO (-Clto)");
    }
    if sess.instrument_coverage() {
        refuse("coverage instrumentation (-Cinstrument-coverage)");
    }
    if !sess.sanitizers().is_empty() {
        refuse("sanitizers (-Zsanitizer)");
    }
    if sess.opts.cg.profile_generate.enabled() || sess.opts.cg.profile_use.is_some() {
        refuse("profile-guided optimization (-Cprofile-generate / -Cprofile-use)");
    }
    if sess.target.requires_lto {
        refuse("a target that requires LTO");
    }
    sess.dcx().abort_if_errors();
}
