//! `rustc --print` requests that the codegen backend answers: relocation, code and TLS models,
//! stack protector strategies, and the CPUs and features LLVM knows for the target, printed
//! as the built-in backend prints them.
//!
//! The C API cannot list CPUs or features. LLVM prints both, with descriptions, when a target
//! machine is made with the feature `+help`; we read that listing.

use std::fmt::Write;

use rustc_session::Session;
use rustc_session::config::{OptLevel, PrintKind, PrintRequest};
use rustc_target::spec::{RelocModel, TlsModel};

use crate::back::target_features::host_cpu_name;
use crate::back::target_machine::TargetMachineSpec;
use crate::llvm;

pub fn print(req: &PrintRequest, out: &mut String, sess: &Session) {
    match req.kind {
        PrintKind::RelocationModels => {
            let names = RelocModel::ALL.iter().map(RelocModel::desc).chain(["default"]);
            list(out, "Available relocation models:", names);
        }
        PrintKind::CodeModels => list(out, "Available code models:", ["tiny", "small", "kernel", "medium", "large"]),
        PrintKind::TlsModels => list(out, "Available TLS models:", TlsModel::ALL.iter().map(TlsModel::desc)),
        PrintKind::StackProtectorStrategies => out.push_str(STACK_PROTECTOR_STRATEGIES),
        PrintKind::TargetCPUs | PrintKind::TargetFeatures => match llvm_listing(sess) {
            Ok(listing) if req.kind == PrintKind::TargetCPUs => print_cpus(sess, &listing, out),
            Ok(listing) => print_features(sess, &listing, out),
            Err(e) => {
                sess.dcx().err(format!("could not get the target's CPUs and features from LLVM: {e}"));
            }
        },
        _ => {}
    }
}

fn list<'a>(out: &mut String, title: &str, names: impl IntoIterator<Item = &'a str>) {
    writeln!(out, "{title}").unwrap();
    for name in names {
        writeln!(out, "    {name}").unwrap();
    }
    writeln!(out).unwrap();
}

const STACK_PROTECTOR_STRATEGIES: &str = r#"Available stack protector strategies:
    all
        Generate stack canaries in all functions.

    strong
        Generate stack canaries in a function if it either:
        - has a local variable of `[T; N]` type, regardless of `T` and `N`
        - takes the address of a local variable.

          (Note that a local variable being borrowed is not equivalent to its
          address being taken: e.g. some borrows may be removed by optimization,
          while by-value argument passing may be implemented with reference to a
          local stack variable in the ABI.)

    basic
        Generate stack canaries in functions with local variables of `[T; N]`
        type, where `T` is byte-sized and `N` >= 8.

    none
        Do not generate stack canaries.

"#;

/// LLVM's CPUs and its features with their descriptions, in LLVM's (sorted) order.
struct Listing {
    cpus: Vec<String>,
    features: Vec<(String, String)>,
}

/// Makes a target machine with the feature `+help`, which makes LLVM print its CPU and feature
/// tables to stderr, and reads them from there (rustc answers `--print` before it starts any
/// other thread that could write to stderr meanwhile).
fn llvm_listing(sess: &Session) -> Result<Listing, String> {
    let spec = TargetMachineSpec::new(sess, OptLevel::No, &["+help".to_owned()]);
    let (text, created) = llvm::capture_stderr(|| spec.create())?;
    created?;
    let mut cpus = Vec::new();
    let mut features = Vec::new();
    let mut section = "";
    for line in text.lines() {
        if line.starts_with("Available CPUs") || line.starts_with("Available features") {
            section = line;
        } else if let Some((name, desc)) = line.strip_prefix("  ").and_then(|l| l.split_once(" - ")) {
            // LLVM ends each description with a period of its own.
            let desc = desc.trim_end();
            let (name, desc) = (name.trim().to_owned(), desc.strip_suffix('.').unwrap_or(desc).to_owned());
            if section.starts_with("Available CPUs") {
                cpus.push(name);
            } else if section.starts_with("Available features") {
                features.push((name, desc));
            }
        }
    }
    if cpus.is_empty() || features.is_empty() {
        return Err(format!("LLVM's listing was not understood:\n{text}"));
    }
    Ok(Listing { cpus, features })
}

fn print_cpus(sess: &Session, listing: &Listing, out: &mut String) {
    let default_cpu = match &*sess.target.cpu {
        "native" => host_cpu_name(),
        cpu => cpu.to_owned(),
    };
    let mut cpus: Vec<(String, String)> = listing
        .cpus
        .iter()
        .filter(|cpu| !sess.target.unsupported_cpus.iter().any(|u| u == cpu.as_str()))
        .map(|cpu| {
            let remark = if *cpu == default_cpu {
                format!(
                    " - This is the default target CPU for the current build target (currently {}).",
                    sess.target.llvm_target
                )
            } else {
                String::new()
            };
            (cpu.clone(), remark)
        })
        .collect();
    // `native` only makes sense when compiling for the host's own architecture.
    if sess.host.arch == sess.target.arch {
        let remark = format!(" - Select the CPU of the current host (currently {}).", host_cpu_name());
        cpus.insert(0, ("native".to_owned(), remark));
    }
    let width = cpus.iter().map(|(cpu, _)| cpu.len()).max().unwrap_or(0);
    writeln!(out, "Available CPUs for this target:").unwrap();
    for (cpu, remark) in cpus {
        // Names are padded only when a remark follows.
        let width = if remark.is_empty() { 0 } else { width };
        writeln!(out, "    {cpu:<width$}{remark}").unwrap();
    }
}

fn print_features(sess: &Session, listing: &Listing, out: &mut String) {
    let description =
        |llvm_name: &str| listing.features.iter().find(|(name, _)| name == llvm_name).map(|(_, desc)| desc.as_str());
    // Each Rust feature with its LLVM name.
    let named_by_rust: Vec<(&str, &str)> = sess
        .target
        .rust_target_features()
        .iter()
        .filter(|(_, gate, _)| gate.in_cfg())
        .map(|(name, _, _)| (*name, crate::back::target_features::to_llvm_features(name)[0]))
        .collect();
    let mut rust_features: Vec<(&str, &str)> =
        named_by_rust.iter().map(|&(name, llvm_name)| (name, description(llvm_name).unwrap_or(""))).collect();
    rust_features.push(("crt-static", "Enables C Run-time Libraries to be statically linked"));
    rust_features.sort();
    // LLVM's features that no Rust feature names.
    let named_by_rust: Vec<&str> = named_by_rust.iter().map(|&(_, llvm_name)| llvm_name).collect();
    let llvm_only: Vec<&(String, String)> =
        listing.features.iter().filter(|(name, _)| !named_by_rust.contains(&name.as_str())).collect();

    let width =
        llvm_only.iter().map(|(f, _)| f.len()).chain(rust_features.iter().map(|(f, _)| f.len())).max().unwrap_or(0);
    writeln!(out, "Features supported by rustc for this target:").unwrap();
    for (feature, desc) in &rust_features {
        writeln!(out, "    {feature:width$} - {desc}.").unwrap();
    }
    writeln!(out, "\nCode-generation features supported by LLVM for this target:").unwrap();
    for (feature, desc) in &llvm_only {
        writeln!(out, "    {feature:width$} - {desc}.").unwrap();
    }
    writeln!(out, "\nUse +feature to enable a feature, or -feature to disable it.").unwrap();
    writeln!(out, "For example, rustc -C target-cpu=mycpu -C target-feature=+feature1,-feature2\n").unwrap();
    writeln!(out, "Code-generation features cannot be used in cfg or #[target_feature],").unwrap();
    writeln!(out, "and may be renamed or removed in a future version of LLVM or rustc.\n").unwrap();
}
