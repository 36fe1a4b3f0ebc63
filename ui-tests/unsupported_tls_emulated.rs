//@ check-diag
//@ compile-flags: -Ztls-model=emulated
//@ error-pattern: -Ztls-model=emulated
// Emulated TLS is a target option the C API cannot set.
fn main() {
    println!("hello");
}
