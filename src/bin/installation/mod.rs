//! What `cargo-inkwell` and `rustc-inkwell` share: the toolchain the backend belongs to, where
//! its dylib is, and where in that toolchain rustc looks for a backend named `inkwell`.

// Each wrapper compiles this module on its own and uses only part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The toolchain the backend was built against (the `channel` of `rust-toolchain.toml`): the
/// dylib links that rustc's `librustc_driver` and works with no other.
pub fn toolchain() -> &'static str {
    let pinned = include_str!("../../../rust-toolchain.toml");
    pinned
        .lines()
        .find_map(|l| {
            l.trim().strip_prefix("channel")?.trim().strip_prefix('=')?.trim().strip_prefix('"')?.split('"').next()
        })
        .expect("rust-toolchain.toml names a channel")
}

/// `rustc +<toolchain>`, through rustup.
pub fn rustc() -> Command {
    let mut cmd = Command::new("rustc");
    cmd.arg(format!("+{}", toolchain()));
    cmd
}

/// `cargo +<toolchain>`, through rustup.
pub fn cargo() -> Command {
    let mut cmd = Command::new("cargo");
    cmd.arg(format!("+{}", toolchain()));
    cmd
}

/// The dylib built next to this executable (`target/<profile>/librustc_codegen_inkwell.so`).
pub fn built_dylib() -> Result<PathBuf, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot locate this executable: {e}"))?;
    let dylib = exe.with_file_name("librustc_codegen_inkwell.so");
    if dylib.is_file() {
        Ok(dylib)
    } else {
        Err(format!("{} does not exist: build it with `cargo build --release` first", dylib.display()))
    }
}

/// The `-Zcodegen-backend=` argument for the backend (see [`dylib`]).
pub fn backend_arg() -> Result<String, String> {
    Ok(format!("-Zcodegen-backend={}", dylib()?.display()))
}

/// The backend: the dylib built next to this executable, or else the one installed into the
/// toolchain.
pub fn dylib() -> Result<PathBuf, String> {
    Ok(match built_dylib() {
        Ok(dylib) => dylib,
        Err(not_built) => {
            let installed = Toolchain::probe()?.installed_dylib();
            if !installed.is_file() {
                return Err(not_built);
            }
            installed
        }
    })
}

/// The pinned toolchain as rustc describes it.
pub struct Toolchain {
    pub sysroot: PathBuf,
    pub host: String,
    /// `1.97.0-nightly`: part of the file name rustc looks for.
    pub release: String,
    /// The commit rustc was built from: the toolchain's standard library names its sources
    /// `/rustc/<commit>/library/…`.
    pub commit: String,
}

impl Toolchain {
    pub fn probe() -> Result<Toolchain, String> {
        let run = |args: &[&str]| -> Result<String, String> {
            let out = rustc().args(args).output().map_err(|e| format!("cannot run rustc: {e}"))?;
            if !out.status.success() {
                return Err(format!(
                    "`rustc +{} {}` failed (is the toolchain installed? `rustup toolchain install {0}`):\n{}",
                    toolchain(),
                    args.join(" "),
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
            String::from_utf8(out.stdout).map_err(|e| e.to_string())
        };
        let sysroot = PathBuf::from(run(&["--print", "sysroot"])?.trim());
        let version = run(&["-vV"])?;
        let field = |name: &str| {
            version
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .map(str::to_owned)
                .ok_or_else(|| format!("`rustc -vV` has no `{name}` line"))
        };
        Ok(Toolchain { sysroot, host: field("host: ")?, release: field("release: ")?, commit: field("commit-hash: ")? })
    }

    /// `<sysroot>/lib/rustlib/<host>/codegen-backends`, where `-Zcodegen-backend=<name>` looks.
    pub fn backends_dir(&self) -> PathBuf {
        self.sysroot.join("lib/rustlib").join(&self.host).join("codegen-backends")
    }

    /// The installed backend: `librustc_codegen_inkwell-<release>.so`, the name rustc tries
    /// first for `-Zcodegen-backend=inkwell`.
    pub fn installed_dylib(&self) -> PathBuf {
        self.backends_dir().join(format!("librustc_codegen_inkwell-{}.so", self.release))
    }

    /// Copies `dylib` into the toolchain under the name rustc looks for, replacing an older
    /// copy. The copy is renamed into place, so a rustc that has the old one loaded keeps it.
    pub fn install(&self, dylib: &Path) -> Result<PathBuf, String> {
        let dir = self.backends_dir();
        std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let dest = self.installed_dylib();
        let partial = dest.with_extension("so.partial");
        std::fs::copy(dylib, &partial)
            .and_then(|_| std::fs::rename(&partial, &dest))
            .map_err(|e| format!("cannot install {} as {}: {e}", dylib.display(), dest.display()))?;
        Ok(dest)
    }

    /// Removes the installed backend, and the `codegen-backends` directory if that leaves it
    /// empty (rustup's toolchains have none of their own). `Ok(None)` if nothing was installed.
    pub fn uninstall(&self) -> Result<Option<PathBuf>, String> {
        let dest = self.installed_dylib();
        if !dest.exists() {
            return Ok(None);
        }
        std::fs::remove_file(&dest).map_err(|e| format!("cannot remove {}: {e}", dest.display()))?;
        // Fails, as it should, while anything else is in there.
        let _ = std::fs::remove_dir(self.backends_dir());
        Ok(Some(dest))
    }

    /// Compiles the standard library with `backend` (a `-Zcodegen-backend` value: our dylib, or
    /// `llvm` for the built-in backend, which `benches/compile_time.rs` compares it with) into a
    /// sysroot at `dest`: its rlibs go to `dest/lib/rustlib/<host>/lib`, as in the toolchain's
    /// own. Cargo's `-Zbuild-std` does the compiling, in `dest/build`, which is kept: running
    /// this again with the same backend is quick. Cargo cannot tell that a backend changed, so
    /// a different one (a dylib by size and modification time) starts the build over. Returns
    /// how many libraries it installed.
    pub fn build_sysroot(&self, dest: &Path, backend: &str) -> Result<usize, String> {
        const PROJECT: &str = "inkwell_sysroot";
        let work = dest.join("build");
        let write = |path: PathBuf, text: &str| {
            std::fs::create_dir_all(path.parent().unwrap())
                .and_then(|_| std::fs::write(&path, text))
                .map_err(|e| format!("cannot write {}: {e}", path.display()))
        };
        // The standard library is built as the dependencies of an empty crate, with the release
        // profile of the toolchain's own: optimized, with `limited` debuginfo (functions and line
        // tables, for backtraces).
        write(
            work.join("Cargo.toml"),
            &format!(
                "[package]\nname = \"{PROJECT}\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\n\
                 [profile.release]\ndebug = \"limited\"\n\n[workspace]\n"
            ),
        )?;
        write(work.join("src/lib.rs"), "")?;
        let target = work.join("target");
        // A dylib's path is absolute; a backend named `llvm` is rustc's own.
        let meta = Path::new(backend).is_absolute().then(|| std::fs::metadata(backend).ok()).flatten();
        let stamp =
            format!("{backend} {:?} {:?}\n", meta.as_ref().map(|m| m.len()), meta.and_then(|m| m.modified().ok()));
        let stamp_file = work.join("backend.stamp");
        if std::fs::read_to_string(&stamp_file).ok().as_deref() != Some(stamp.as_str()) {
            let _ = std::fs::remove_dir_all(&target);
            write(stamp_file, &stamp)?;
        }
        // Source paths as in the toolchain's own standard library, so that panic locations and
        // backtraces read the same.
        // Bitcode in the rlibs, for LTO against them.
        let sources = self.sysroot.join("lib/rustlib/src/rust");
        let rustflags = format!(
            "-Zcodegen-backend={backend}\x1f--remap-path-prefix={}=/rustc/{}\x1f-Cembed-bitcode=yes",
            sources.display(),
            self.commit
        );
        let this_exe = std::env::current_exe().map_err(|e| format!("cannot locate this executable: {e}"))?;
        let mut cargo = cargo();
        cargo
            .current_dir(&work)
            .args(["build", "--release", "-Zbuild-std=std,panic_abort,proc_macro,test", "--target", &self.host])
            .env("CARGO_TARGET_DIR", &target)
            .env("CARGO_ENCODED_RUSTFLAGS", rustflags)
            .env_remove("RUSTFLAGS")
            // `panic_abort` must be compiled with `-Cpanic=abort`, which no flag for all crates
            // can say: this executable, as rustc's wrapper, adds it (`sysroot_rustc_wrapper`).
            .env("RUSTC_WRAPPER", this_exe)
            .env(SYSROOT_WRAPPER_VAR, "1");
        // Cargo's messages name the rlibs of this build (its directory may hold older ones too).
        cargo.arg("--message-format=json-render-diagnostics").stdout(std::process::Stdio::piped());
        let out = cargo.spawn().and_then(|c| c.wait_with_output()).map_err(|e| format!("cannot run cargo: {e}"))?;
        if !out.status.success() {
            return Err(format!("building the standard library failed ({})", out.status));
        }
        let rlibs: Vec<PathBuf> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| l.contains(r#""reason":"compiler-artifact""#))
            .flat_map(artifact_files)
            .filter(|f| f.extension().is_some_and(|e| e == "rlib"))
            .filter(|f| {
                !f.file_name().and_then(|n| n.to_str()).unwrap_or_default().starts_with(&format!("lib{PROJECT}"))
            })
            .collect();
        let lib = dest.join("lib/rustlib").join(&self.host).join("lib");
        let _ = std::fs::remove_dir_all(&lib);
        std::fs::create_dir_all(&lib).map_err(|e| format!("cannot create {}: {e}", lib.display()))?;
        for rlib in &rlibs {
            let name = rlib.file_name().unwrap_or_default();
            std::fs::copy(rlib, lib.join(name)).map_err(|e| format!("cannot copy {}: {e}", rlib.display()))?;
        }
        let count = rlibs.len();
        // The standard library's sources, where rustc maps `/rustc/<commit>/` back to for
        // debuginfo and diagnostics: the toolchain's (rust-src).
        let sources = dest.join("lib/rustlib/src");
        let _ = std::fs::remove_file(&sources);
        std::os::unix::fs::symlink(self.sysroot.join("lib/rustlib/src"), &sources)
            .map_err(|e| format!("cannot link {}: {e}", sources.display()))?;
        Ok(count)
    }
}

const SYSROOT_WRAPPER_VAR: &str = "INKWELL_SYSROOT_RUSTC_WRAPPER";

/// When the standard library is being built (`Toolchain::build_sysroot`), cargo runs this
/// executable as rustc's wrapper: `<this> <rustc> <arguments>`. It runs rustc, with
/// `-Cpanic=abort` for the `panic_abort` crate, as rustc's own build compiles that crate, and
/// does not return. Otherwise it returns.
pub fn sysroot_rustc_wrapper() {
    if std::env::var_os(SYSROOT_WRAPPER_VAR).is_none() {
        return;
    }
    use std::os::unix::process::CommandExt;
    let mut args = std::env::args_os().skip(1);
    let Some(rustc) = args.next() else { return };
    let args: Vec<_> = args.collect();
    let is_panic_abort = args.windows(2).any(|w| w[0] == "--crate-name" && w[1] == "panic_abort");
    let err = Command::new(rustc).args(&args).args(is_panic_abort.then_some("-Cpanic=abort")).exec();
    eprintln!("cannot run rustc: {err}");
    std::process::exit(1);
}

/// The `"filenames"` of one of cargo's JSON `compiler-artifact` messages.
fn artifact_files(message: &str) -> Vec<PathBuf> {
    let Some((_, rest)) = message.split_once(r#""filenames":["#) else { return Vec::new() };
    let list = rest.split(']').next().unwrap_or_default();
    // Paths are JSON strings: only `"` and `\` are escaped in them.
    list.split(r#"",""#)
        .map(|f| PathBuf::from(f.trim_matches('"').replace(r"\\", r"\")))
        .filter(|f| !f.as_os_str().is_empty())
        .collect()
}
