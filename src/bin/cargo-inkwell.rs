//! `cargo inkwell …`: cargo on the backend's toolchain, with every crate compiled by the backend.
//!
//! - `cargo inkwell setup` installs the backend built next to this executable into the
//!   toolchain, so that `rustc -Zcodegen-backend=inkwell` and cargo's profile setting
//!   `codegen-backend = "inkwell"` find it by name; run again, it replaces the older copy.
//! - `cargo inkwell uninstall` removes it again.
//! - `cargo inkwell sysroot DIR` compiles the standard library (core, alloc, std, proc_macro,
//!   test, the panic runtimes) with the backend into a sysroot at `DIR`, for `--sysroot DIR`.
//! - `cargo inkwell <anything else>` runs `cargo +<toolchain> <anything else>` with
//!   `-Zcodegen-backend=<dylib>` added to the flags of rustc (build scripts and proc-macros
//!   included, unless `--target` is given: cargo then builds those with plain flags) and of
//!   rustdoc (doctests). The flags are added to `RUSTFLAGS`/`RUSTDOCFLAGS` when those are set,
//!   and otherwise to the `build.rustflags`/`build.rustdocflags` of cargo's configuration.

mod installation;

use std::ffi::OsString;
use std::os::unix::process::CommandExt;

const USAGE: &str = "\
usage: cargo inkwell setup        install the backend into its toolchain (then usable by name:
                                  rustc -Zcodegen-backend=inkwell, or a cargo profile's
                                  codegen-backend = \"inkwell\")
       cargo inkwell uninstall    remove it from the toolchain
       cargo inkwell sysroot DIR  compile the standard library with the backend into a sysroot
                                  at DIR (then: rustc-inkwell --sysroot DIR …)
       cargo inkwell <command>…   cargo with every crate compiled by the backend
                                  (build, run, test, doc, …)";

fn fail(e: impl std::fmt::Display) -> ! {
    eprintln!("cargo-inkwell: {e}");
    std::process::exit(1);
}

fn main() {
    installation::sysroot_rustc_wrapper();
    let mut args: Vec<OsString> = std::env::args_os().skip(1).collect();
    // As a cargo subcommand (`cargo inkwell …`), cargo passes the subcommand's name first.
    if args.first().is_some_and(|a| a == "inkwell") {
        args.remove(0);
    }
    match args.first().and_then(|a| a.to_str()) {
        None | Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            if args.is_empty() {
                std::process::exit(1);
            }
        }
        Some("setup") => {
            let toolchain = installation::Toolchain::probe().unwrap_or_else(|e| fail(e));
            let dylib = installation::built_dylib().unwrap_or_else(|e| fail(e));
            let dest = toolchain.install(&dylib).unwrap_or_else(|e| fail(e));
            println!("installed {}", dest.display());
            println!("use it with `rustc +{} -Zcodegen-backend=inkwell`", installation::toolchain());
        }
        Some("uninstall") => {
            let toolchain = installation::Toolchain::probe().unwrap_or_else(|e| fail(e));
            match toolchain.uninstall().unwrap_or_else(|e| fail(e)) {
                Some(removed) => println!("removed {}", removed.display()),
                None => println!("not installed in {}", toolchain.sysroot.display()),
            }
        }
        Some("sysroot") => {
            let [_, dir] = &args[..] else { fail(format!("usage: cargo inkwell sysroot DIR\n\n{USAGE}")) };
            let dir = std::path::absolute(dir).unwrap_or_else(|e| fail(e));
            let toolchain = installation::Toolchain::probe().unwrap_or_else(|e| fail(e));
            let dylib = installation::dylib().unwrap_or_else(|e| fail(e));
            let libs = toolchain.build_sysroot(&dir, &dylib.display().to_string()).unwrap_or_else(|e| fail(e));
            println!("built {libs} libraries into {}", dir.display());
            println!("use it with `rustc-inkwell --sysroot {}`", dir.display());
        }
        Some(_) => run_cargo(args),
    }
}

fn run_cargo(args: Vec<OsString>) -> ! {
    let backend = installation::backend_arg().unwrap_or_else(|e| fail(e));
    let mut cargo = installation::cargo();
    for (var, encoded_var, key) in [
        ("RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS", "build.rustflags"),
        ("RUSTDOCFLAGS", "CARGO_ENCODED_RUSTDOCFLAGS", "build.rustdocflags"),
    ] {
        // Cargo reads the encoded variable first, then the plain one, then its configuration;
        // the first that is set wins, so the backend goes where cargo will look.
        if let Ok(encoded) = std::env::var(encoded_var) {
            let flags = if encoded.is_empty() { backend.clone() } else { format!("{encoded}\x1f{backend}") };
            cargo.env(encoded_var, flags);
        } else if let Ok(flags) = std::env::var(var) {
            cargo.env(var, format!("{flags} {backend}"));
        } else {
            // Configuration arrays from `--config` are appended to those of the config files.
            cargo.arg("--config").arg(format!("{key}=[{backend:?}]"));
        }
    }
    let err = cargo.args(args).exec();
    fail(format!("cannot run cargo: {err}"))
}
