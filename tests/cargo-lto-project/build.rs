// Generates a table the program prints a checksum of: the build script is compiled by the
// backend under test too.
use std::fmt::Write;

fn main() {
    let mut table = String::from("pub const PRIMES: &[u32] = &[");
    let mut n = 2u32;
    let mut found = 0;
    while found < 200 {
        if (2..n).take_while(|d| d * d <= n).all(|d| n % d != 0) {
            write!(table, "{n},").unwrap();
            found += 1;
        }
        n += 1;
    }
    table.push_str("];\n");
    let out = std::env::var("OUT_DIR").unwrap();
    std::fs::write(format!("{out}/primes.rs"), table).unwrap();
    println!("cargo:rerun-if-changed=build.rs");
}
