//@ check-diag
//@ compile-flags: -Zprint-codegen-stats
//@ error-pattern: -Zprint-codegen-stats
// LLVM's statistics can only be printed through its C++ API.
fn main() {
    println!("hello");
}
