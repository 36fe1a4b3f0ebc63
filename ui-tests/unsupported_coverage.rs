//@ check-diag
//@ compile-flags: -Cinstrument-coverage
//@ error-pattern: coverage instrumentation
// Coverage needs LLVM's coverage mapping writer, which the LLVM C API does not offer: a clean
// error that mentions coverage.
fn main() {
    println!("hello");
}
