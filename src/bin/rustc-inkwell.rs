//! `rustc-inkwell <rustc arguments>`: rustc of the backend's toolchain, with the backend.

mod installation;

use std::os::unix::process::CommandExt;

fn main() {
    let backend = installation::backend_arg().unwrap_or_else(|e| {
        eprintln!("rustc-inkwell: {e}");
        std::process::exit(1);
    });
    let err = installation::rustc().arg(backend).args(std::env::args_os().skip(1)).exec();
    eprintln!("rustc-inkwell: cannot run rustc: {err}");
    std::process::exit(1);
}
