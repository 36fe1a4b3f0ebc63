//@ check-diag
//@ compile-flags: -Ztime-llvm-passes -Ccodegen-units=1
//@ error-pattern: -Ztime-llvm-passes
// With one codegen unit the built-in backend prints LLVM's pass timings, which only the C++ API
// can read.
fn main() {
    println!("hello");
}
