//@ check-diag
//@ compile-flags: -g
// Line tables work; types and variables (-g, -Cdebuginfo=limited|full) are not implemented yet:
// -g must give a clean error that mentions debuginfo.
fn main() {
    println!("hello");
}
//~ ERROR debuginfo
