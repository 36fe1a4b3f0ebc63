//@ check-diag
//@ compile-flags: -Cremark=all
//@ error-pattern: LLVM optimization remarks (-Cremark)
// LLVM's optimization remarks reach a C API diagnostic handler only as text, without pass,
// function or location: refused with a help that says what to do.
fn main() {
    println!("hello");
}
