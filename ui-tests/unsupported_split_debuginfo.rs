//@ check-diag
//@ compile-flags: -Cdebuginfo=line-tables-only -Csplit-debuginfo=unpacked
//@ error-pattern: -Csplit-debuginfo=unpacked
// The C API writes no DWARF object (.dwo) files: split debuginfo must give a clean error that
// names the option.
fn main() {
    println!("hello");
}
