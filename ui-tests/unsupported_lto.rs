//@ check-diag
//@ compile-flags: -Clto=fat
// LTO is not implemented yet: -Clto=fat must give a clean error that mentions LTO.
// When fat LTO lands, turn this into a run-pass test (and add -Clto=thin to the matrix).
fn main() {
    println!("hello");
}
//~ ERROR LTO
