//@ check-diag
//@ builtin-fails: LLVM aborts inside the built-in backend (exit 101) on a CPU it does not know
//@ compile-flags: -Ctarget-cpu=no-such-cpu
//@ error-pattern: -Ctarget-cpu=no-such-cpu is not a CPU LLVM knows
// A CPU name LLVM does not know: the built-in backend warns on every subtarget and then LLVM
// aborts the process; we refuse it with one error.
fn main() {}
