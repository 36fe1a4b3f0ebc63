//@ check-diag
//@ compile-flags: -Ztls-model=emulated
// Emulated TLS is a target option the C API cannot set.
fn main() {
    println!("hello");
}
//~ ERROR -Ztls-model=emulated
