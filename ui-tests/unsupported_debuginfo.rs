//@ check-diag
//@ compile-flags: -g
// Debuginfo is not implemented yet: -g must give a clean error that mentions debuginfo.
// When DWARF emission lands, replace this with run-pass tests compiled with -g.
fn main() {
    println!("hello");
}
//~ ERROR debuginfo
