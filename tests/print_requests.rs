//! `rustc --print …` with our backend must print exactly what the built-in backend prints.
//! Above all `--print cfg`, for every CPU LLVM knows (the built-in backend's `--print
//! target-cpus`) and for combinations of CPUs with `-Ctarget-feature`: our backend asks LLVM
//! which features a CPU has by probes (src/back/cpu_features.rs), and this checks the answers,
//! the CPU lists there, and the warnings LLVM prints along the way (stderr is compared too).
//! Then the other requests a backend answers (src/back/print.rs).
//!
//! Each case is named by its command line; the first free argument selects the cases whose names
//! contain it (`cargo test --release --test print_requests -- znver`).

mod support;

use std::path::Path;

/// `--print cfg` with CPU and feature combinations, checked besides every CPU alone.
const CFG_COMBINATIONS: &[&[&str]] = &[
    &["-Ctarget-feature=+avx512f"],
    &["-Ctarget-feature=-sse2"],
    &["-Ctarget-feature=+sse4.2,-popcnt"],
    &["-Ctarget-cpu=x86-64-v3", "-Ctarget-feature=-cmpxchg16b,-avx"],
    &["-Ctarget-cpu=x86-64-v4", "-Ctarget-feature=-avx512f"],
    &["-Ctarget-cpu=znver4", "-Ctarget-feature=-avx2"],
    &["-Ctarget-cpu=skylake-avx512", "-Ctarget-feature=-sse4.2,+lahfsahf"],
    &["-Ctarget-cpu=native", "-Ctarget-feature=-avx"],
    &["-Ctarget-cpu=native", "-Ctarget-feature=+apxf"],
    &["-Ctarget-cpu=k8", "-Ctarget-feature=+cmpxchg16b"],
    // LLVM options that would change what an inliner-based probe sees: the CPU's features must
    // not depend on them (`back::cpu_features` runs before they are applied).
    &["-Ctarget-cpu=znver4", "-Cllvm-args=-inline-threshold=-100000"],
    &["-Ctarget-cpu=haswell", "-Cllvm-args=-opt-bisect-limit=0"],
];

/// The other print requests a backend answers.
const OTHER_REQUESTS: &[&[&str]] = &[
    &["--print", "target-cpus"],
    &["--print", "target-features"],
    &["--print", "target-features", "-Ctarget-cpu=znver4"],
    &["--print", "relocation-models"],
    &["--print", "code-models"],
    &["--print", "tls-models"],
    &["--print", "stack-protector-strategies"],
];

fn print(root: &Path, backend: &str, args: &[&str]) -> Result<String, String> {
    let out = support::rustc(root, backend, args)?;
    Ok(format!("exit: exit status: {}\n--- stdout\n{}--- stderr\n{}", out.status, out.stdout, out.stderr))
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (profile_dir, _) = support::profile_and_target_dirs();
    let ours = support::build_backend(root, &profile_dir);
    let ours = ours.to_str().expect("utf-8 path");

    let listing = support::rustc(root, "llvm", &["--print", "target-cpus"]).unwrap_or_else(|e| panic!("{e}"));
    let cpus: Vec<String> = listing
        .stdout
        .lines()
        .skip(1) // "Available CPUs for this target:"
        .filter_map(|line| line.split_whitespace().next().map(str::to_owned))
        .collect();
    assert!(cpus.len() > 100 && cpus.iter().any(|c| c == "znver4"), "unexpected CPU list: {cpus:?}");

    let cfg = |args: &[&str]| ["--print", "cfg"].iter().chain(args).map(|a| a.to_string()).collect::<Vec<_>>();
    let mut requests: Vec<Vec<String>> = cpus.iter().map(|cpu| cfg(&[&format!("-Ctarget-cpu={cpu}")])).collect();
    requests.extend(CFG_COMBINATIONS.iter().map(|args| cfg(args)));
    requests.extend(OTHER_REQUESTS.iter().map(|args| args.iter().map(|a| a.to_string()).collect()));

    let cases: Vec<support::Case<'_>> = requests
        .into_iter()
        .map(|request| -> support::Case<'_> {
            let name = format!("rustc {}", request.join(" "));
            (
                name,
                Box::new(move || {
                    let args: Vec<&str> = request.iter().map(String::as_str).collect();
                    let builtin = print(root, "llvm", &args)?;
                    let inkwell = print(root, ours, &args)?;
                    if builtin == inkwell {
                        Ok(())
                    } else {
                        Err(format!("  differs\n=== built-in\n{builtin}=== ours\n{inkwell}"))
                    }
                }),
            )
        })
        .collect();
    support::run_cases_on(2, &cases);
}
