// Computed by the build script (which the backend under test compiles) and read by the crate.
fn main() {
    let primes: Vec<u64> = (2..200u64).filter(|n| (2..*n).take_while(|d| d * d <= *n).all(|d| n % d != 0)).collect();
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("generated.rs");
    std::fs::write(out, format!("pub const PRIMES: [u64; {}] = {:?};\n", primes.len(), primes)).unwrap();
    println!("cargo:rerun-if-changed=build.rs");
}
