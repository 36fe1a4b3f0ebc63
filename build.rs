//! Links the toolchain's own libLLVM (the one rustc itself has loaded) and records its
//! directory as an rpath, so the backend needs no LD_LIBRARY_PATH and never brings a second LLVM.

use std::path::PathBuf;
use std::process::Command;

fn main() {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let out = Command::new(&rustc).args(["--print", "sysroot"]).output().expect("run rustc --print sysroot");
    let sysroot = PathBuf::from(String::from_utf8(out.stdout).expect("utf-8 sysroot").trim());
    let libdir = sysroot.join("lib");
    let llvm = std::fs::read_dir(&libdir)
        .expect("read the sysroot's lib directory")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|n| n.starts_with("libLLVM-") && n.ends_with(".so"))
        .expect("the toolchain ships libLLVM-*.so");
    let name = llvm.trim_start_matches("lib").trim_end_matches(".so");
    println!("cargo:rustc-link-search=native={}", libdir.display());
    println!("cargo:rustc-link-lib=dylib={name}");
    println!("cargo:rustc-link-arg=-Wl,-rpath,{}", libdir.display());
    println!("cargo:rerun-if-changed=build.rs");
}
