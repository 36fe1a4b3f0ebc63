//! The crate is formatted as `rustfmt.toml` says: `cargo fmt --check` on every target of the
//! package (the library, the test harnesses, the benchmark). `ui-tests/` and the other test
//! programs are inputs, written as their tests need, and not checked.

use std::process::Command;

fn main() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["fmt", "--check"])
        .output()
        .expect("run cargo fmt");
    print!("{}", String::from_utf8_lossy(&out.stdout));
    eprint!("{}", String::from_utf8_lossy(&out.stderr));
    if out.status.success() {
        println!("1 passed, 0 failed: formatted as rustfmt.toml says");
    } else {
        println!("0 passed, 1 failed: run `cargo fmt`");
        std::process::exit(1);
    }
}
