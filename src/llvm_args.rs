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
        let mut defaults: Vec<String> = Vec::new();
        let mut add_default = |arg: &str| defaults.push(arg.into());
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
        let _ = USER_ARGS.set(user.iter().map(|s| s.to_string()).collect());

        crate::llvm::parse_command_line_options(&command_line(&defaults, &user));
    });
}

/// An option's name, as the built-in backend reads it off an argument to tell whether the user
/// set an option it would set itself (`llvm_arg_to_arg_name`).
fn option_name(arg: &str) -> &str {
    arg.trim().split(|c: char| c == '=' || c.is_whitespace()).next().unwrap_or("")
}

/// The arguments LLVM parses: the program name, the defaults whose option the user does not
/// set, then the user's arguments.
fn command_line(defaults: &[String], user: &[&str]) -> Vec<String> {
    let user_names: Vec<&str> = user.iter().map(|a| option_name(a)).collect();
    let defaults = defaults.iter().filter(|d| !user_names.contains(&option_name(d))).cloned();
    std::iter::once(PROGRAM_NAME.to_owned()).chain(defaults).chain(user.iter().map(|a| a.to_string())).collect()
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
            let stderr = String::from_utf8_lossy(&output.stderr);
            let (message, notes) = complaints(&stderr);
            let mut diag = sess.dcx().struct_fatal(format!("-Cllvm-args: {message}"));
            for note in notes {
                diag = diag.with_note(note.to_owned());
            }
            diag.emit()
        }
        Err(e) => sess.dcx().fatal(format!("cannot check -Cllvm-args with {}: {e}", rustc.display())),
    }
}

/// LLVM's complaints about `-Cllvm-args`, from the built-in backend's stderr: the first is the
/// error's message, the others its notes. LLVM names the program as the built-in backend does;
/// each line is one complaint.
fn complaints(stderr: &str) -> (&str, Vec<&str>) {
    let mut lines = stderr.lines().map(|l| l.trim_start_matches(PROGRAM_NAME).trim_start_matches(':').trim());
    let message = lines.next().unwrap_or("rejected by LLVM");
    (message, lines.filter(|l| !l.is_empty()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// rustc_codegen_llvm's `configure_llvm`: a default (`add(arg, false)`) is left out when a
    /// user argument names the same option, by `llvm_arg_to_arg_name` (the text before `=` or
    /// whitespace, so `--x` and `-x` are different names there too; LLVM takes the last of
    /// them); the program name comes first, the user's arguments last and unchanged.
    #[test]
    fn defaults_give_way_to_the_users_options_as_in_the_builtin_backend() {
        assert_eq!(option_name("-import-cold-multiplier=0.5"), "-import-cold-multiplier");
        assert_eq!(option_name("  -trap-unreachable=false"), "-trap-unreachable");
        assert_eq!(option_name("-vectorize-loops"), "-vectorize-loops");
        assert_eq!(option_name("-import-instr-limit 10"), "-import-instr-limit");
        assert_eq!(option_name(""), "");

        let defaults: Vec<String> =
            ["-import-cold-multiplier=0.1", "-trap-unreachable", "-vectorize-loops=false", "-vectorize-slp=false"]
                .map(String::from)
                .into();
        let user = ["-import-cold-multiplier=0.5", " -trap-unreachable=false", "-vectorize-loops", "--vectorize-slp"];
        assert_eq!(
            command_line(&defaults, &user),
            [
                "rustc -Cllvm-args=\"...\" with",
                "-vectorize-slp=false",
                "-import-cold-multiplier=0.5",
                " -trap-unreachable=false",
                "-vectorize-loops",
                "--vectorize-slp",
            ]
        );
        assert_eq!(command_line(&defaults, &[]).len(), 1 + defaults.len());
    }

    /// What `rustc -Zcodegen-backend=llvm -Cllvm-args=… --print=sysroot` writes to stderr for a
    /// misspelt option, a bad value, and two unknown options.
    #[test]
    fn reads_llvms_complaints_from_the_builtin_backend() {
        let unknown = "rustc -Cllvm-args=\"...\" with: Unknown command line argument '-vectorize-loop=true'.  \
                       Try: 'rustc -Cllvm-args=\"...\" with --help'\n\
                       rustc -Cllvm-args=\"...\" with: Did you mean '--vectorize-loops=true'?\n";
        assert_eq!(
            complaints(unknown),
            (
                "Unknown command line argument '-vectorize-loop=true'.  Try: 'rustc -Cllvm-args=\"...\" with --help'",
                vec!["Did you mean '--vectorize-loops=true'?"]
            )
        );
        let bad_value = "rustc -Cllvm-args=\"...\" with: for the --import-instr-limit option: 'abc' value invalid \
                         for uint argument!\n";
        assert_eq!(
            complaints(bad_value),
            ("for the --import-instr-limit option: 'abc' value invalid for uint argument!", vec![])
        );
        let two = "rustc -Cllvm-args=\"...\" with: Unknown command line argument '-bogus1'.  \
                   Try: 'rustc -Cllvm-args=\"...\" with --help'\n\
                   rustc -Cllvm-args=\"...\" with: Did you mean '--pgso'?\n\
                   rustc -Cllvm-args=\"...\" with: Unknown command line argument '-bogus2'.  \
                   Try: 'rustc -Cllvm-args=\"...\" with --help'\n\
                   rustc -Cllvm-args=\"...\" with: Did you mean '--pgso'?\n";
        let (message, notes) = complaints(two);
        assert!(message.starts_with("Unknown command line argument '-bogus1'."), "{message}");
        assert_eq!(notes.len(), 3);
        assert!(notes[1].starts_with("Unknown command line argument '-bogus2'."), "{}", notes[1]);
        assert_eq!(complaints(""), ("rejected by LLVM", vec![]));
    }
}
