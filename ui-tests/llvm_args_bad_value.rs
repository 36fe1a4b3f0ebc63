//@ check-diag
//@ builtin-fails: LLVM rejects the value there too (exit 1)
//@ compile-flags: -Cllvm-args=-inline-threshold=notanumber
//@ error-pattern: 'notanumber' value invalid for integer argument
// A known LLVM option with a value of the wrong kind: LLVM's message, as an error.
fn main() {}
