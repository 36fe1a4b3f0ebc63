//@ check-diag
//@ compile-flags: -Zemit-stack-sizes
//@ error-pattern: -Zemit-stack-sizes
// The `.stack_sizes` sections are a target option the C API cannot set.
fn main() {
    println!("hello");
}
