//@ check-diag
//@ compile-flags: -Cinstrument-coverage
// Coverage needs LLVM's coverage mapping writer, which the LLVM C API does not offer: a clean
// error that mentions coverage.
fn main() {
    println!("hello");
}
//~ ERROR coverage instrumentation
