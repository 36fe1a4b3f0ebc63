//@ check-diag
//@ compile-flags: -Ctarget-cpu=i686
// A CPU without 64-bit mode: LLVM aborts the process when asked for x86_64 code for it (so
// does the built-in backend); we refuse it with an error. `--print cfg` still answers.
fn main() {} //~ ERROR -Ctarget-cpu=i686 cannot run 64-bit code
