//@ check-diag
//@ builtin-fails: LLVM aborts inside the built-in backend (exit 101): 64-bit code for a 32-bit CPU
//@ compile-flags: -Ctarget-cpu=i686
//@ error-pattern: -Ctarget-cpu=i686 cannot run 64-bit code
// A CPU without 64-bit mode: LLVM aborts the process when asked for x86_64 code for it (so
// does the built-in backend); we refuse it with an error. `--print cfg` still answers.
fn main() {}
