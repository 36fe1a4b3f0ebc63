//@ check-diag
//@ builtin-fails: LLVM rejects the option there too (exit 1)
//@ compile-flags: -Cllvm-args=-no-such-llvm-option
//@ error-pattern: Unknown command line argument '-no-such-llvm-option'
// LLVM's C API parses options without reporting errors; an unknown one must still be an error
// with LLVM's own message, as with the built-in backend.
fn main() {}
