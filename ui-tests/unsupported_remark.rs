//@ check-diag
//@ compile-flags: -Cremark=all
// LLVM's optimization remarks reach a C API diagnostic handler only as text, without pass,
// function or location: refused with a help that says what to do.
fn main() {
    println!("hello");
}
//~ ERROR LLVM optimization remarks (-Cremark)
