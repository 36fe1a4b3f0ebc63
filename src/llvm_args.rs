//! LLVM's process-wide command-line options: `-Cllvm-args` and the fixed settings the built-in
//! backend uses. LLVM allows setting them once per process, which is once per rustc session.

use std::sync::Once;

use rustc_session::Session;
use rustc_session::config::OptLevel;
use rustc_target::spec::{MergeFunctions, SanitizerSet};

/// The LLVM options the user gave (`-Cllvm-args`, and the target's own).
pub fn user_args() -> &'static [String] {
    USER_ARGS.get().map_or(&[], |v| v.as_slice())
}

static USER_ARGS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();

/// How LLVM's messages about options name the program, as with the built-in backend.
const PROGRAM_NAME: &str = "rustc -Cllvm-args=\"...\" with";

pub fn configure(sess: &Session) {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        check_with_builtin_backend(sess);
        let user: Vec<&str> = sess
            .target
            .llvm_args
            .iter()
            .map(|s| s.as_ref())
            .chain(sess.opts.cg.llvm_args.iter().map(|s| s.as_str()))
            .collect();
        let name_of =
            |arg: &str| arg.trim().split(|c: char| c == '=' || c.is_whitespace()).next().unwrap_or("").to_owned();
        let user_names: Vec<String> = user.iter().map(|a| name_of(a)).collect();

        let mut args: Vec<String> = vec![PROGRAM_NAME.into()];
        let mut add_default = |arg: &str| {
            if !user_names.contains(&name_of(arg)) {
                args.push(arg.into());
            }
        };
        // As the built-in backend: inlining must not leave alignment assumptions that block
        // other optimizations.
        add_default("-preserve-alignment-assumptions-during-inlining=false");
        add_default("-import-cold-multiplier=0.1");
        // `unreachable` becomes a trap instruction (`ud2`), except right after a call that does
        // not return, as the built-in backend sets its target options (the C API has no
        // TargetOptions; these two options set the same fields in every target machine).
        if sess.opts.unstable_opts.trap_unreachable.unwrap_or(sess.target.trap_unreachable) {
            add_default("-trap-unreachable");
            add_default("-no-trap-after-noreturn");
        }
        // Functions that the `mergefunc` pass finds equal become aliases of one another, not
        // thunks, where the target allows (`-Zmerge-functions`).
        if sess.opts.unstable_opts.merge_functions.unwrap_or(sess.target.merge_functions) == MergeFunctions::Aliases {
            add_default("-mergefunc-use-aliases");
        }
        // `.debug_aranges` for every compile unit with debug info, as the built-in backend asks.
        if sess.target.generate_arange_section && !sess.opts.unstable_opts.no_generate_arange_section {
            add_default("-generate-arange-section");
        }
        // The code generator's (legacy) pass manager lists its passes, as with the built-in
        // backend; the optimization pipeline's are listed by `back::optimize`.
        if sess.opts.unstable_opts.print_llvm_passes {
            add_default("-debug-pass=Structure");
        }
        // The `default<O…>` pipeline text sets loop and SLP vectorization from the O-level,
        // ignoring the pass builder options; rustc enables loop vectorization only at -O2/-O3
        // and SLP only at -O3, so turn off what rustc would not run.
        let level = sess.opts.optimize;
        let vectorize_loops =
            !sess.opts.cg.no_vectorize_loops && matches!(level, OptLevel::More | OptLevel::Aggressive);
        let vectorize_slp = !sess.opts.cg.no_vectorize_slp && level == OptLevel::Aggressive;
        if !vectorize_loops {
            add_default("-vectorize-loops=false");
        }
        if !vectorize_slp {
            add_default("-vectorize-slp=false");
        }
        // With ThinLTO the sanitizer passes run before and after the link, as in the built-in
        // backend; the second run sees the module flag the first left and does nothing. LLVM
        // warns about it, which the built-in backend's diagnostic handler drops (an unknown kind,
        // which the C API cannot tell apart): this option skips the warning.
        if !sess.sanitizers().is_empty() {
            add_default("-ignore-redundant-instrumentation");
        }
        // The pass text `asan` has no options for these; the built-in backend always checks
        // use-after-scope and recovers when asked to.
        if sess.sanitizers().intersects(SanitizerSet::ADDRESS | SanitizerSet::KERNELADDRESS) {
            add_default("-asan-use-after-scope=true");
            if sess.opts.unstable_opts.sanitizer_recover.intersects(SanitizerSet::ADDRESS | SanitizerSet::KERNELADDRESS)
            {
                add_default("-asan-recover=true");
            }
        }
        // The built-in backend's counter lowering keeps counters in registers inside loops when
        // optimizing; the pass text `instrprof` takes that from this option.
        if sess.opts.cg.profile_generate.enabled() && level != OptLevel::No {
            add_default("-do-counter-promotion=true");
        }
        // The pass text `pgo-instr-use` takes its profile from this option.
        if let Some(profile) = &sess.opts.cg.profile_use {
            add_default(&format!("-pgo-test-profile-file={}", profile.display()));
        }
        args.extend(user.iter().map(|s| s.to_string()));
        let _ = USER_ARGS.set(user.iter().map(|s| s.to_string()).collect());

        crate::llvm::parse_command_line_options(&args);
    });
}

/// `LLVMParseCommandLineOptions` sends LLVM's complaints about an option to `nulls()` and goes
/// on, and the C API cannot list the registered options. The built-in backend, in the same
/// rustc with the same libLLVM, parses `-Cllvm-args` in its `init` and exits with LLVM's message
/// on an unknown option or a bad value: it is asked first (`rustc --print=sysroot`, about 25 ms,
/// only when there are such arguments), and its message becomes our error.
fn check_with_builtin_backend(sess: &Session) {
    let user = &sess.opts.cg.llvm_args;
    if user.is_empty() {
        return;
    }
    let rustc = match std::env::current_exe() {
        Ok(rustc) => rustc,
        Err(e) => sess.dcx().fatal(format!("cannot check -Cllvm-args: where is rustc? {e}")),
    };
    let output = std::process::Command::new(&rustc)
        .arg("-Zcodegen-backend=llvm")
        .args(user.iter().map(|arg| format!("-Cllvm-args={arg}")))
        .arg("--print=sysroot")
        .output();
    match output {
        Ok(output) if output.status.success() => {}
        Ok(output) => {
            // LLVM names the program as the built-in backend does; each line is one complaint.
            let stderr = String::from_utf8_lossy(&output.stderr);
            let mut lines = stderr.lines().map(|l| l.trim_start_matches(PROGRAM_NAME).trim_start_matches(':').trim());
            let mut diag =
                sess.dcx().struct_fatal(format!("-Cllvm-args: {}", lines.next().unwrap_or("rejected by LLVM")));
            for line in lines.filter(|l| !l.is_empty()) {
                diag = diag.with_note(line.to_owned());
            }
            diag.emit()
        }
        Err(e) => sess.dcx().fatal(format!("cannot check -Cllvm-args with {}: {e}", rustc.display())),
    }
}
