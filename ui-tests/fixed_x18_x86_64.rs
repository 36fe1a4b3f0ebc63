//@ check-diag
//@ builtin-fails: the built-in backend refuses it with the same message
//@ compile-flags: -Zfixed-x18
//@ error-pattern: the `-Zfixed-x18` flag is not supported on the `x86_64` architecture
// x18 is an AArch64 register: on x86-64 both backends refuse the flag.
fn main() {}
